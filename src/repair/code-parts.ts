/**
 * The letter parts of document codes (105/2014/NĐ-CP, 1719/QĐ-TTg, 17/2022/TT-BLĐTBXH,
 * 61/2024/QH15) as the corpus writes them. An English-only OCR reads Đ as D (NĐ-CP → ND-CP) and
 * stripped text has lost it; a code part whose corpus form is (almost) always written with Đ gets
 * it back. A part the corpus never shows in a code, with an O where a known part has Q (OH15 →
 * QH15: the English engine's reading of Q), becomes that part.
 *
 * code-parts.txt (built by build:lm from the corpus training documents): `FORM COUNT` lines, the
 * spellings of the upper-case letter runs of code tokens seen at least MIN_COUNT times.
 */

import { canonicalTypeCode } from '../facts/document-types.js';

/** a form needs this many sightings to be listed */
export const MIN_COUNT = 5;
/** the Đ spelling is restored when it makes at least this share of the part's sightings */
const RESTORE_SHARE = 0.9;
/** a Đ part that an unknown B or P part is read as must be this common (QĐ ~4,100, HĐND 32; not ĐC 5, so PC08 stays) */
const LOST_D_MIN = 30;
/** a Q part that an unknown O part is read as must be this common (QH: ~16,000 in the corpus) */
const O_AS_Q_MIN = 100;

/** letter runs of a code token that are code parts: start upper case, at least two letters (TTg, BLĐTBXH) */
const PART = /\p{Lu}[\p{Lu}g]+/gu;
const CODE_TOKEN = /[\p{L}\d]+(?:[/-][\p{L}\d]+)+/gu;
const key = (part: string) => part.replace(/Đ/g, 'D');

/** Counts the code parts of some text lines into `counts` (form -> sightings). */
export function countCodeParts(lines: readonly string[], counts: Map<string, number>): void {
  for (const line of lines) {
    for (const token of line.match(CODE_TOKEN) ?? []) {
      if (!/\d/.test(token)) continue; // codes carry a number: 42-NQ/TW, 105/2014/NĐ-CP
      for (const part of token.match(PART) ?? []) counts.set(part, (counts.get(part) ?? 0) + 1);
    }
  }
}

/** code-parts.txt text from counts: forms seen at least MIN_COUNT times, most frequent first. */
export function formatCodeParts(counts: ReadonlyMap<string, number>): string {
  const rows = [...counts].filter(([, n]) => n >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return '# code part spellings in the corpus training documents (build:lm): FORM COUNT\n' + rows.map(([f, n]) => `${f} ${n}`).join('\n') + '\n';
}

export class CodeParts {
  /** part as an English OCR reads it (Đ → D) -> the spelling to write */
  private readonly restore = new Map<string, string>();
  /** total sightings by OCR reading */
  private readonly seen = new Map<string, number>();

  constructor(text: string) {
    const byKey = new Map<string, [string, number][]>();
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [form, n] = line.split(' ');
      const k = key(form!);
      (byKey.get(k) ?? byKey.set(k, []).get(k)!).push([form!, Number(n)]);
    }
    for (const [k, forms] of byKey) {
      const total = forms.reduce((s, [, n]) => s + n, 0);
      this.seen.set(k, total);
      const best = forms.reduce((a, b) => (b[1] > a[1] ? b : a));
      if (best[0] !== k && best[1] >= RESTORE_SHARE * total) this.restore.set(k, best[0]);
    }
  }

  /**
   * An abbreviation standing alone (BLDTBXH): its Đ restored when the corpus codes always write it;
   * one the corpus never shows whose B or P stands for that Đ (TT HPND tỉnh) becomes the Đ part
   * when `known` accepts it: alone, a P is often a Phòng (PKT, not the code part ĐKT).
   */
  repairPart(abbreviation: string, known: (part: string) => boolean = () => false): string {
    const k = key(abbreviation);
    const r = this.restore.get(k);
    if (r) return r;
    if (this.seen.has(k)) return abbreviation;
    const d = this.lostD(k);
    return d && known(d) ? d : abbreviation;
  }

  /**
   * A part the corpus never shows whose B or P stands where a known part has its Đ (QB-UBND,
   * HPND: English OCR reads a bold Đ so): that part.
   */
  private lostD(k: string): string | null {
    // PA (phương án), BC, BB … are document types of their own
    if (!/[BP]/.test(k) || canonicalTypeCode(k) !== null) return null;
    const d = k.replace(/[BP]/g, 'D');
    const r = this.restore.get(d);
    if (!r || (this.seen.get(d) ?? 0) < LOST_D_MIN) return null;
    return [...k].every((c, i) => (c === 'B' || c === 'P' ? r[i] === 'Đ' : true)) ? r : null;
  }

  /** The code with its parts' Đ restored (ND-CP → NĐ-CP, QB-UBND → QĐ-UBND) and O read for Q where only that makes a known part. */
  repair(code: string): string {
    if (!/\d/.test(code)) return code;
    return code.replace(PART, (part) => {
      const k = key(part);
      const r = this.restore.get(k);
      if (r) return r;
      if (this.seen.has(k)) return part;
      const d = this.lostD(k);
      if (d) return d;
      if (!k.includes('O')) return part;
      const q = k.replace(/O/g, 'Q');
      if ((this.seen.get(q) ?? 0) < O_AS_Q_MIN) return part;
      return this.restore.get(q) ?? q;
    });
  }
}
