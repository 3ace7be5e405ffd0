/** Document-type codes (KH, NQ, QĐ…) and their names, from src/data/documents/document-types.json. */
import { readFileSync } from 'node:fs';
import { dataPath } from '../util/paths.js';
import { skeleton } from '../text/vietnamese.js';

interface DocumentTypes {
  types: Record<string, string>;
  namesToCodes: Record<string, string>;
}

let cache: { byCode: Map<string, string>; bySkeleton: Map<string, string>; names: [string, string][] } | null = null;
function load() {
  if (!cache) {
    const raw = JSON.parse(readFileSync(dataPath('documents', 'document-types.json'), 'utf8')) as DocumentTypes;
    const byCode = new Map(Object.entries(raw.types));
    const bySkeleton = new Map(Object.keys(raw.types).map((c) => [skeleton(c), c] as [string, string]));
    const names = Object.entries(raw.namesToCodes).sort((a, b) => b[0].length - a[0].length);
    cache = { byCode, bySkeleton, names };
  }
  return cache;
}

/** The canonical code for a code as written ("KH", "Qd", "QĐ" → "QĐ"); null when unknown. */
export function canonicalTypeCode(code: string): string | null {
  const c = load();
  if (c.byCode.has(code)) return code;
  return c.bySkeleton.get(skeleton(code)) ?? null;
}

export function typeNameOf(code: string | null): string | null {
  return code ? (load().byCode.get(code) ?? null) : null;
}

/** The code of a type named in words at the start of a skeleton text ("ke hoach so…" → KH). */
export function typeCodeFromName(skeletonText: string): string | null {
  for (const [name, code] of load().names) if (skeletonText.startsWith(name)) return code;
  return null;
}
