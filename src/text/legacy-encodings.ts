/**
 * Old Vietnamese 8-bit encodings (TCVN3/ABC and VNI) that legacy files and PDF
 * fonts still carry. Read as Latin-1 they look like "Céng hoµ x· héi" or
 * "Coäng hoøa xaõ hoäi"; decoding turns them back into Unicode.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../util/paths.js';
import { syllableShare } from './vietnamese.js';

export type LegacyEncoding = 'tcvn3' | 'vni';

interface Tables {
  tcvn3: Record<string, string>;
  vni: Record<string, string>;
}

let tables: { tcvn3: Map<string, string>; vni: RegExp; vniMap: Map<string, string> } | null = null;
function load() {
  if (!tables) {
    const raw = JSON.parse(readFileSync(dataPath('vietnamese', 'legacy-encodings.json'), 'utf8')) as Tables;
    const keys = Object.keys(raw.vni).sort((a, b) => b.length - a.length);
    const escaped = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    tables = {
      tcvn3: new Map(Object.entries(raw.tcvn3)),
      vni: new RegExp(escaped.join('|'), 'gu'),
      vniMap: new Map(Object.entries(raw.vni)),
    };
  }
  return tables;
}

/** A word as legacy text has it: letters and the Latin-1 bytes that stand for Vietnamese letters. */
const LEGACY_WORD = /[\p{L}\u00a1-\u00fe]+/gu;

export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  const t = load();
  if (encoding === 'tcvn3') {
    // Capitals with marks came from a separate font with the same codes, so "CéNG" is "CỘNG". A line whose
    // legacy-coded words have only capital plain letters (one with two or more of them) is a capitals line;
    // "Sè: 21/KH-UBND" has no such word and stays "Số".
    return text
      .split('\n')
      .map((line) => {
        const words = line.match(LEGACY_WORD) ?? [];
        const coded = words.filter((w) => /[\u00a1-\u00fe]/.test(w)).map((w) => w.replace(/[^A-Za-z]/g, ''));
        const capitals = coded.some((a) => a.length >= 2 && a === a.toUpperCase()) && coded.every((a) => a === a.toUpperCase());
        return line.replace(LEGACY_WORD, (word) => {
          const decoded = word.replace(/[\u00a1-\u00fe]/g, (c) => t.tcvn3.get(c) ?? c);
          return capitals && decoded !== word ? decoded.toUpperCase() : decoded;
        });
      })
      .join('\n');
  }
  return text.replace(t.vni, (seq) => t.vniMap.get(seq) ?? seq);
}

/** Characters that only show up in quantity when Vietnamese was written in a legacy encoding. */
const LEGACY_SIGNS = /[\u00a1-\u00bf\u00c0-\u00ff]/g;

/**
 * Which legacy encoding, if any, the text is in: decode with each and keep the one whose
 * syllables are clearly more Vietnamese than the text as it stands.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const signs = (sample.match(LEGACY_SIGNS) ?? []).length;
  if (signs < 3) return null;
  // Real Unicode Vietnamese has letters beyond Latin-1 (ạ, ộ, ư…); legacy text has none of them.
  const beyondLatin1 = (sample.match(/[\u0100-\u024f\u1ea0-\u1ef9]/g) ?? []).length;
  if (beyondLatin1 > signs / 4) return null;
  const base = syllableShare(sample);
  let best: { enc: LegacyEncoding; share: number } | null = null;
  for (const enc of ['tcvn3', 'vni'] as const) {
    const share = syllableShare(decodeLegacy(sample, enc));
    if (!best || share > best.share) best = { enc, share };
  }
  return best && best.share >= 0.6 && best.share - base >= 0.15 ? best.enc : null;
}
