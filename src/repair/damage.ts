/**
 * Cheap damage assessment: is this Vietnamese text whose diacritics were mangled by OCR?
 * Clean Vietnamese has almost every syllable spelled validly and most of them marked;
 * English-OCR'd Vietnamese has many invalid spellings (tiép, véi, S6) and few marks;
 * non-Vietnamese text mostly has skeletons that are not Vietnamese syllables at all.
 */
import { tokenizeLine, type Piece } from './tokenize.js';
import { skeleton } from './vietnamese.js';

export interface DamageAssessment { score: number; syllables: number; invalid: number; damaged: boolean; marked: number; junk: number }

export interface SyllableSets {
  isSyllable(lower: string): boolean;
  isSkeleton(skel: string): boolean;
}

const MARKED = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/u;
const OCR_JUNK = /[¢@&$]|\p{L}\d|\d\p{L}/u;
const MAX_SCAN = 200_000; // tokens; enough for a verdict, keeps huge inputs cheap

/** what assessDamage counts for one word piece (bit flags, cached per text) */
const HAS_LETTER = 1;
const COUNTED = 2;
const IS_MARKED = 4;
const IS_JUNK = 8;
const IS_INVALID = 16;

function wordFlags(text: string, sets: SyllableSets): number {
  const t = text.normalize('NFC');
  if (!/\p{L}/u.test(t)) return 0;
  const lower = t.toLowerCase();
  const junk = OCR_JUNK.test(t) && t.length <= 6;
  const letters = lower.replace(/[^\p{L}]/gu, '');
  if (!junk && !sets.isSkeleton(skeleton(letters))) return HAS_LETTER;
  if (letters.length >= 2 && t === t.toUpperCase() && !sets.isSyllable(lower) && !junk) return HAS_LETTER; // abbreviations
  let f = HAS_LETTER | COUNTED;
  if (MARKED.test(lower)) f |= IS_MARKED;
  if (junk) f |= IS_JUNK;
  if (junk || !sets.isSyllable(lower)) f |= IS_INVALID;
  return f;
}

export function assessDamageWith(
  lines: readonly string[],
  sets: SyllableSets,
  piecesOf: (li: number) => readonly Piece[] = (li) => tokenizeLine(lines[li]!),
  /** word text -> flags; valid for one `sets` (the model keeps one) */
  memo: Map<string, number> = new Map(),
): DamageAssessment {
  let syllables = 0; // tokens that look like Vietnamese syllables (by skeleton) or OCR'd ones
  let invalid = 0; // of those, not a valid spelled syllable
  let marked = 0;
  let junkCount = 0;
  let words = 0;
  scan: for (let li = 0; li < lines.length; li++) {
    if (lines[li]!.length > 1_000_000) continue;
    for (const p of piecesOf(li)) {
      if (!p.word) continue;
      let f = memo.get(p.text);
      if (f === undefined) {
        f = wordFlags(p.text, sets);
        if (memo.size > 200_000) memo.clear();
        memo.set(p.text, f);
      }
      if (!(f & HAS_LETTER)) continue;
      words++;
      if (words > MAX_SCAN) break scan;
      if (!(f & COUNTED)) continue;
      syllables++;
      if (f & IS_MARKED) marked++;
      if (f & IS_JUNK) junkCount++;
      if (f & IS_INVALID) invalid++;
    }
  }
  if (syllables === 0) return { score: 0, syllables: 0, invalid: 0, damaged: false, marked: 0, junk: 0 };
  const vietnameseShare = syllables / Math.max(1, words);
  const invalidRate = invalid / syllables;
  const markedRate = marked / syllables;
  // clean Vietnamese: invalid ~0.01, marked ~0.7; English-OCR'd: invalid ~0.3, marked ~0.2
  const raw = Math.min(1, invalidRate / 0.2) * 0.6 + Math.max(0, Math.min(1, (0.6 - markedRate) / 0.5)) * 0.4;
  const score = vietnameseShare < 0.5 ? raw * vietnameseShare : raw;
  return { score, syllables, invalid, damaged: score >= 0.35 && vietnameseShare >= 0.5 && syllables >= 3, marked, junk: junkCount };
}
