/**
 * Cheap damage assessment: is this Vietnamese text whose diacritics were mangled by OCR?
 * Clean Vietnamese has almost every syllable spelled validly and most of them marked;
 * English-OCR'd Vietnamese has many invalid spellings (tiép, véi, S6) and few marks;
 * non-Vietnamese text mostly has skeletons that are not Vietnamese syllables at all.
 */
import { tokenizeLine } from './tokenize.js';
import { skeleton } from './vietnamese.js';

export interface DamageAssessment { score: number; syllables: number; invalid: number; damaged: boolean; marked: number; junk: number }

export interface SyllableSets {
  isSyllable(lower: string): boolean;
  isSkeleton(skel: string): boolean;
}

const MARKED = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/u;
const OCR_JUNK = /[¢@&$]|\p{L}\d|\d\p{L}/u;
const MAX_SCAN = 200_000; // tokens; enough for a verdict, keeps huge inputs cheap

export function assessDamageWith(lines: readonly string[], sets: SyllableSets): DamageAssessment {
  let syllables = 0; // tokens that look like Vietnamese syllables (by skeleton) or OCR'd ones
  let invalid = 0; // of those, not a valid spelled syllable
  let marked = 0;
  let junkCount = 0;
  let words = 0;
  scan: for (const line of lines) {
    if (line.length > 1_000_000) continue;
    for (const p of tokenizeLine(line)) {
      if (!p.word) continue;
      const t = p.text.normalize('NFC');
      if (!/\p{L}/u.test(t)) continue;
      words++;
      if (words > MAX_SCAN) break scan;
      const lower = t.toLowerCase();
      const junk = OCR_JUNK.test(t) && t.length <= 6;
      const letters = lower.replace(/[^\p{L}]/gu, '');
      if (!junk && !sets.isSkeleton(skeleton(letters))) continue;
      if (letters.length >= 2 && t === t.toUpperCase() && !sets.isSyllable(lower) && !junk) continue; // abbreviations
      syllables++;
      if (MARKED.test(lower)) marked++;
      if (junk) junkCount++;
      if (junk || !sets.isSyllable(lower)) invalid++;
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
