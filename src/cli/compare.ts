/**
 * Field-level comparison of an extracted record with an expected one.
 * The expected record may leave fields out: only what it states is checked
 * (objects by their keys, arrays element by element and by length).
 */
export interface Difference {
  path: string;
  expected: unknown;
  actual: unknown;
}

/** Fields that depend on how the tool was invoked, not on the document. */
const IGNORED = new Set(['source.file']);

function show(value: unknown): string {
  const s = JSON.stringify(value);
  return s === undefined ? 'undefined' : s.length > 120 ? s.slice(0, 117) + '…' : s;
}

export function formatDifference(d: Difference): string {
  return `${d.path}: expected ${show(d.expected)}, got ${show(d.actual)}`;
}

export function compareRecords(expected: unknown, actual: unknown, path = ''): Difference[] {
  if (IGNORED.has(path)) return [];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [{ path, expected, actual }];
    const out: Difference[] = [];
    if (expected.length !== actual.length) out.push({ path: `${path}.length`, expected: expected.length, actual: actual.length });
    const n = Math.min(expected.length, actual.length);
    for (let i = 0; i < n; i++) out.push(...compareRecords(expected[i], actual[i], `${path}[${i}]`));
    return out;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [{ path, expected, actual }];
    const out: Difference[] = [];
    for (const [key, value] of Object.entries(expected)) {
      out.push(...compareRecords(value, (actual as Record<string, unknown>)[key], path ? `${path}.${key}` : key));
    }
    return out;
  }
  return Object.is(expected, actual) ? [] : [{ path, expected, actual }];
}
