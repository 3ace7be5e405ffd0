/**
 * Vietnamese text facts shared by backends and stages: normalisation, the
 * mark-less "skeleton" used for matching damaged text, and a syllable check
 * built from the phonotactics in src/data/vietnamese/syllables.json.
 */
import { readFileSync } from 'node:fs';
import unidecode from 'unidecode';
import { dataPath } from '../util/paths.js';

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const ALL_MARKS = /[\u0300-\u036f]/gu;

/**
 * Lowercase ASCII "skeleton" of a text, one character per UTF-16 unit of the input
 * ("Ủy ban" → "uy ban", OCR debris such as ¢ → "c"), so that offsets found by matching
 * the skeleton are offsets into the original string. Matching on skeletons keeps
 * keyword search working on text whose marks are wrong or missing.
 */
export function skeleton(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out += text[i]!.toLowerCase();
      continue;
    }
    out += skeletonChar(text[i]!);
  }
  return out;
}

const skeletonCache = new Map<string, string>();
function skeletonChar(ch: string): string {
  let s = skeletonCache.get(ch);
  if (s === undefined) {
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) s = '?';
    else if (ch === 'đ' || ch === 'Đ') s = 'd';
    else {
      const base = ch.normalize('NFD').replace(ALL_MARKS, '');
      // eslint-disable-next-line no-control-regex
      const ascii = /^[\x00-\x7f]$/.test(base) ? base : unidecode(base).replace(/[^A-Za-z0-9]/g, '');
      s = (ascii[0] ?? (/\s/.test(ch) ? ' ' : '?')).toLowerCase();
    }
    skeletonCache.set(ch, s);
  }
  return s;
}

/** Removes tone marks but keeps vowel quality (ă, â, ê, ô, ơ, ư, đ): "Việt" → "viêt". */
export function withoutTone(syllable: string): string {
  return syllable.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC').toLowerCase();
}

/** Number of tone marks in a syllable (a valid one has at most one). */
function toneCount(syllable: string): number {
  return (syllable.normalize('NFD').match(TONE_MARKS) ?? []).length;
}

interface Phonotactics {
  onsets: string[];
  rhymes: string[];
}

let phonotactics: { onsets: string[]; rhymes: Set<string> } | null = null;
function loadPhonotactics() {
  if (!phonotactics) {
    const data = JSON.parse(readFileSync(dataPath('vietnamese', 'syllables.json'), 'utf8')) as Phonotactics;
    // Longest onsets first so "ngh" wins over "ng" and "n".
    phonotactics = { onsets: [...data.onsets].sort((a, b) => b.length - a.length), rhymes: new Set(data.rhymes) };
  }
  return phonotactics;
}

/** True when the word is one well-formed Vietnamese syllable (any case, with or without marks). */
export function isVietnameseSyllable(word: string): boolean {
  if (word.length === 0 || word.length > 8) return false;
  const lower = word.normalize('NFC').toLowerCase();
  if (toneCount(lower) > 1) return false;
  const bare = withoutTone(lower);
  if (!/^[a-zăâêôơưđ]+$/u.test(bare)) return false;
  const { onsets, rhymes } = loadPhonotactics();
  if (rhymes.has(bare)) return true;
  for (const onset of onsets) {
    if (bare.startsWith(onset) && rhymes.has(bare.slice(onset.length))) return true;
  }
  // "gi" and "qu" absorb the glide: gì = g+i, quốc = qu+ôc are caught above; "gìn" = gi+n is not a rhyme.
  return bare.startsWith('gi') && rhymes.has('i' + bare.slice(2));
}

/** Letters-only tokens of a text (what syllable statistics count). */
export function letterTokens(text: string): string[] {
  return text.match(/[\p{L}\p{M}]+/gu) ?? [];
}

/** Share of letter tokens that are valid Vietnamese syllables (0 when there are none). */
export function syllableShare(text: string): number {
  const tokens = letterTokens(text);
  if (tokens.length === 0) return 0;
  let valid = 0;
  for (const t of tokens) if (isVietnameseSyllable(t)) valid++;
  return valid / tokens.length;
}

/** Share of letter tokens that carry any diacritic or đ (a cheap "is this real Vietnamese?" signal). */
export function markedShare(text: string): number {
  const tokens = letterTokens(text);
  if (tokens.length === 0) return 0;
  let marked = 0;
  for (const t of tokens) if (/[\u0300-\u036fđĐ]/u.test(t.normalize('NFD'))) marked++;
  return marked / tokens.length;
}

/** Letters beyond Latin-1 that only Vietnamese text has (ă, ơ, ư, đ, ạ, ộ, ệ…); an English-only OCR never outputs them. */
const VIETNAMESE_ONLY_LETTER = /[\u0100-\u024f\u1ea0-\u1ef9]/u;

/**
 * True when the text is real Unicode Vietnamese: at least 30% of its words carry a letter an
 * English-only OCR cannot produce (clean plans: about 60%; English-OCR'd ones: none). A cheap
 * first test before the repair model's damage assessment.
 */
export function isUnicodeVietnamese(lines: readonly string[], minWords = 30): boolean {
  let words = 0;
  let vietnamese = 0;
  for (const line of lines) {
    for (const w of line.match(/[\p{L}\p{M}]+/gu) ?? []) {
      words++;
      if (VIETNAMESE_ONLY_LETTER.test(w)) vietnamese++;
    }
  }
  return words >= minWords && vietnamese / words >= 0.3;
}
