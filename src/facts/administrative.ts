/** Administrative units, issuing bodies and province names (src/data/vietnamese/administrative.json). */
import { readFileSync } from 'node:fs';
import { dataPath } from '../util/paths.js';
import { skeleton } from '../text/vietnamese.js';

interface Administrative {
  units: Record<string, string>;
  bodies: Record<string, string>;
  provinces: string[];
}

let cache: { units: [string, string][]; bodies: [string, string][]; provinces: Map<string, string> } | null = null;
function load() {
  if (!cache) {
    const raw = JSON.parse(readFileSync(dataPath('vietnamese', 'administrative.json'), 'utf8')) as Administrative;
    const longestFirst = (a: [string, string], b: [string, string]) => b[0].length - a[0].length;
    cache = {
      units: Object.entries(raw.units).sort(longestFirst),
      bodies: Object.entries(raw.bodies).sort(longestFirst),
      provinces: new Map(raw.provinces.map((p) => [skeleton(p), p])),
    };
  }
  return cache;
}

/** The unit word a skeleton text starts with ("tinh lai chau" → ["tinh", "tỉnh"]). */
export function leadingUnit(skel: string): [string, string] | null {
  for (const entry of load().units) if (skel === entry[0] || skel.startsWith(entry[0] + ' ')) return entry;
  return null;
}

/** The issuing body a skeleton text starts with ("uy ban nhan dan tinh…" → ["uy ban nhan dan", "Ủy ban nhân dân"]). */
export function leadingBody(skel: string): [string, string] | null {
  for (const entry of load().bodies) if (skel === entry[0] || skel.startsWith(entry[0] + ' ')) return entry;
  return null;
}

/**
 * The province's proper spelling when a name is one, however damaged its marks:
 * exact on the skeleton, else one changed letter per word ("Bdc Giang" → Bắc Giang) when only one province fits.
 */
export function provinceBySkeleton(name: string): string | null {
  const skel = skeleton(name).replace(/\s+/g, ' ').trim();
  const { provinces } = load();
  const exact = provinces.get(skel);
  if (exact) return exact;
  const words = skel.split(' ');
  let found: string | null = null;
  for (const [key, proper] of provinces) {
    const keyWords = key.split(' ');
    if (keyWords.length !== words.length) continue;
    const close = keyWords.every((w, i) => w.length === words[i]!.length && [...w].filter((c, j) => c !== words[i]![j]).length <= 1);
    if (!close) continue;
    if (found) return null;
    found = proper;
  }
  return found;
}
