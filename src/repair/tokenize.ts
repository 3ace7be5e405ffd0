/**
 * Split a line into layout-preserving pieces. Every piece keeps its exact text, so joining
 * the pieces rebuilds the line byte for byte; only "word" pieces are candidates for repair.
 */
export interface Piece {
  text: string;
  /** Index of the first UTF-16 unit in the line (0-based). */
  start: number;
  /** True for the repairable core of a whitespace token (letters/digits and OCR look-alikes). */
  word: boolean;
}

// Characters that can belong to an OCR'd syllable: letters, digits and look-alikes the English
// engine emits for Vietnamese vowels (¢ for ơ/ó, & for ã, $ for S, @ for ề/ở).
const CORE_START = /[\p{L}\p{N}¢$@&]/u;
const CORE_END = /[\p{L}\p{M}\p{N}¢@&]/u; // \p{M}: NFD input keeps its combining marks in the word

const isAsciiAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

export function tokenizeLine(line: string): Piece[] {
  const pieces: Piece[] = [];
  const re = /(\s+)|\S+/gu;
  for (const m of line.matchAll(re)) {
    const tok = m[0];
    const at = m.index;
    if (m[1] !== undefined) { pieces.push({ text: tok, start: at, word: false }); continue; }
    // most tokens are a bare core: test only their first and last code point
    const first = tok.codePointAt(0)!;
    const lastUnit = tok.charCodeAt(tok.length - 1);
    const last = lastUnit >= 0xdc00 && lastUnit <= 0xdfff && tok.length >= 2 ? tok.codePointAt(tok.length - 2)! : lastUnit;
    if ((isAsciiAlnum(first) || CORE_START.test(String.fromCodePoint(first))) && (isAsciiAlnum(last) || CORE_END.test(String.fromCodePoint(last)))) {
      pieces.push({ text: tok, start: at, word: true });
      continue;
    }
    const chars = [...tok];
    let a = 0;
    let b = chars.length;
    while (a < b && !CORE_START.test(chars[a]!)) a++;
    while (b > a && !CORE_END.test(chars[b - 1]!)) b--;
    const lead = chars.slice(0, a).join('');
    const core = chars.slice(a, b).join('');
    const tail = chars.slice(b).join('');
    if (lead) pieces.push({ text: lead, start: at, word: false });
    if (core) pieces.push({ text: core, start: at + lead.length, word: true });
    if (tail) pieces.push({ text: tail, start: at + lead.length + core.length, word: false });
  }
  return pieces;
}

/** Word cores of a line, for alignment and language-model training. */
export function lineWords(line: string): string[] {
  return tokenizeLine(line).filter((p) => p.word).map((p) => p.text);
}
