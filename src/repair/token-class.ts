/**
 * What a word core is: a repairable syllable, a number, a code (42-NQ/TW, 05/11/2020),
 * an abbreviation (UBND), or a Roman numeral section label. Only syllables are decoded;
 * the rest are fixed tokens that the language model sees as class units.
 */
export type TokenClass = 'word' | 'number' | 'code' | 'abbr' | 'roman';

export interface Abbreviations {
  /** upper-case OCR form -> correct form (identity for kept abbreviations) */
  map: Map<string, string>;
}

export function parseAbbreviations(text: string): Abbreviations {
  const map = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [from, to] = line.split('=>').map((s) => s.trim());
    map.set(from!.toUpperCase(), to ?? from!);
  }
  return { map };
}

const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;

/** Roman numeral label, with OCR's 1/l for I ("I1", "111", "X1") accepted. */
export function romanLabel(core: string): string | null {
  if (!/^[IVXl1]{1,5}$/.test(core)) return null;
  if (!/[IVX]/.test(core) && !/^1{2,3}$/.test(core)) return null;
  const fixed = core.replace(/[l1]/g, 'I');
  return ROMAN.test(fixed) && fixed.length > 0 ? fixed : null;
}

export function classifyCore(core: string, abbr: Abbreviations, isSkeleton: (s: string) => boolean): TokenClass {
  if (/^\d+(?:[.,]\d+)*%?$/.test(core)) return 'number';
  if (/[/\-.,:_()+=%]/.test(core) || /\d{3}/.test(core)) return 'code';
  if (abbr.map.has(core.toUpperCase()) && core === core.toUpperCase() && core.length > 1) return 'abbr';
  const letters = core.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && !/\d/.test(core)) {
    // all-caps token that cannot be a Vietnamese syllable: an abbreviation
    const skel = letters.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
    if (!isSkeleton(skel)) return 'abbr';
  }
  if (!/\p{L}/u.test(core) && !/[¢@&$]/.test(core)) return 'number';
  return 'word';
}
