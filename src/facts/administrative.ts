/** Administrative units, issuing bodies and province names (src/data/vietnamese/administrative.json). */
import { readFileSync } from 'node:fs';
import { dataPath } from '../util/paths.js';
import { isVietnameseSyllable, markedShare, skeleton } from '../text/vietnamese.js';

interface Province2025 {
  name: string;
  kind: string;
  formedFrom?: string[];
}

interface Administrative {
  units: Record<string, string>;
  bodies: Record<string, string>;
  provinces: string[];
  provinces2025: Province2025[];
}

let cache: { units: [string, string][]; bodies: [string, string][]; provinces: Map<string, string>; since2025: Map<string, Province2025> } | null = null;
function load() {
  if (!cache) {
    const raw = JSON.parse(readFileSync(dataPath('vietnamese', 'administrative.json'), 'utf8')) as Administrative;
    const longestFirst = (a: [string, string], b: [string, string]) => b[0].length - a[0].length;
    cache = {
      units: Object.entries(raw.units).sort(longestFirst),
      bodies: Object.entries(raw.bodies).sort(longestFirst),
      provinces: new Map(raw.provinces.map((p) => [skeleton(p), p])),
      since2025: new Map(raw.provinces2025.flatMap((p) => [p.name, ...(p.formedFrom ?? [])].map((n) => [skeleton(n), p] as [string, Province2025]))),
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
  const marked = name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  const markedWords = marked.split(' ');
  let found: string | null = null;
  for (const [key, proper] of provinces) {
    const keyWords = key.split(' ');
    if (keyWords.length !== words.length) continue;
    const close = keyWords.every((w, i) => w.length === words[i]!.length && [...w].filter((c, j) => c !== words[i]![j]).length <= 1);
    if (!close) continue;
    // A letter written with its marks that the province spells otherwise is no damage: "Đông Hải" is a ward, not Đồng Nai.
    const spelled = proper.normalize('NFC').toLowerCase();
    if (marked.length === spelled.length && [...marked].some((c, j) => c !== spelled[j] && /[^\x00-\x7f]/.test(c))) continue;
    // Nor is a word written with its marks as another well-formed syllable: "Bình Minh" is a ward, not Bình Định
    // (OCR damage gives "Blnh", "Cal", which no syllable spells).
    if (markedWords.length === keyWords.length && markedShare(name) > 0 && keyWords.some((w, i) => w !== words[i] && isVietnameseSyllable(markedWords[i]!))) continue;
    if (found) return null;
    found = proper;
  }
  return found;
}

/**
 * The province a name belongs to since the 2025 arrangement (Nghị quyết 202/2025/QH15): itself when it was
 * kept, the merged province for an older one ("Bắc Giang" → Bắc Ninh, "Hà Giang" → Tuyên Quang); null when
 * the name is not a province.
 */
export function provinceSince2025(name: string): { name: string; kind: string; formedFrom: string[] } | null {
  const proper = provinceBySkeleton(name);
  const p = proper ? load().since2025.get(skeleton(proper)) : undefined;
  return p ? { name: p.name, kind: p.kind, formedFrom: p.formedFrom ?? [] } : null;
}

/** The 34 provincial-level units in force since 1 July 2025. */
export function provinces2025(): string[] {
  return [...new Set([...load().since2025.values()].map((p) => p.name))];
}
