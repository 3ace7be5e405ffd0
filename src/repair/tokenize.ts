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

// a part of a slash-joined word core that the decoder can read on its own: a number (1,5%) or
// a run of lower-case letters with OCR look-alikes (nam, ngudi, x&); a capital makes the core a
// code or a label (IV/2025 read Iv/2025, NQ/TW)
const GLUED_PART = /^(?:\d+(?:[.,]\d+)*%?|[\p{Ll}\p{M}¢@&$]+)$/u;

/**
 * Split word cores that join syllables with "/" ("động/năm", "1,5%/năm", "đồng/người/năm")
 * into one word piece per part, the slashes becoming layout pieces: each part is then repaired
 * as a syllable (as one piece the core is a code and stays as written). Only cores whose every
 * part is a number or a lower-case letter run, at least one a run of two or more letters, are
 * split: codes (42-NQ/TW, KH/UBND, 05/11/2020, m2/người) and abbreviations (b/c) stay whole.
 */
export function splitSlashedWords(pieces: Piece[]): Piece[] {
  let out: Piece[] | undefined;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const parts = p.word && p.text.includes('/') ? slashedParts(p.text) : undefined;
    if (!parts) { out?.push(p); continue; }
    out ??= pieces.slice(0, i);
    let at = p.start;
    parts.forEach((part, k) => {
      if (k > 0) { out!.push({ text: '/', start: at, word: false }); at++; }
      out!.push({ text: part, start: at, word: true });
      at += part.length;
    });
  }
  return out ?? pieces;
}

function slashedParts(core: string): string[] | undefined {
  const parts = core.split('/');
  let letters = false;
  for (const part of parts) {
    if (!GLUED_PART.test(part)) return undefined;
    if (!/^\d/.test(part) && [...part].length >= 2) letters = true;
    else if (!/^\d/.test(part)) return undefined; // b/c, x/y: an abbreviation
  }
  return letters ? parts : undefined;
}
