/**
 * `check` results as JUnit XML (the Jenkins/Ant shape CI servers read): one <testsuite> for the
 * folder, one <testcase> per fixture, one <failure> per differing field path with the expected and
 * the actual value, an <error> when the extraction itself failed. tests/exporters/junit.xsd is the
 * schema it is validated against.
 */
import { formatDifference, type Difference } from '../cli/compare.js';
import type { CheckResult } from '../cli/check.js';

/** XML-escapes text for an attribute or element; characters XML 1.0 cannot hold at all are dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

const show = (v: unknown) => (v === undefined ? 'undefined' : JSON.stringify(v));

function failure(d: Difference): string {
  const body = `field: ${d.path}\nexpected: ${show(d.expected)}\nactual: ${show(d.actual)}`;
  return `      <failure message="${xmlEscape(formatDifference(d))}" type="${xmlEscape(d.path)}">${xmlEscape(body).replace(/&#10;/g, '\n')}</failure>\n`;
}

export function junitReport(suiteName: string, results: readonly CheckResult[], seconds: number): string {
  const failures = results.filter((r) => r.error === null && r.differences.length > 0).length;
  const errors = results.filter((r) => r.error !== null).length;
  const attrs = `name="${xmlEscape(suiteName)}" tests="${results.length}" failures="${failures}" errors="${errors}" time="${seconds.toFixed(3)}"`;
  let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ${attrs}>\n  <testsuite ${attrs} skipped="0">\n`;
  for (const r of results) {
    xml += `    <testcase name="${xmlEscape(r.input)}" classname="plan-extract.check" time="${r.seconds.toFixed(3)}"`;
    if (r.error === null && r.differences.length === 0) {
      xml += '/>\n';
      continue;
    }
    xml += '>\n';
    if (r.error !== null) xml += `      <error message="${xmlEscape(`extraction failed: ${r.error}`)}" type="extraction">${xmlEscape(r.error)}</error>\n`;
    for (const d of r.differences) xml += failure(d);
    xml += '    </testcase>\n';
  }
  xml += '  </testsuite>\n</testsuites>\n';
  return xml;
}
