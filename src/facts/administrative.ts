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

/** The province's proper spelling when a name (however damaged its marks) is one. */
export function provinceBySkeleton(name: string): string | null {
  return load().provinces.get(skeleton(name).replace(/\s+/g, ' ').trim()) ?? null;
}
