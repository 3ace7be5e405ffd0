/**
 * Text layers that lie: a PDF page whose fonts map glyphs to the wrong characters.
 *
 * The usual cause is a re-written PDF (Ghostscript's pdfwrite over a Word export) that dropped
 * the fonts' /ToUnicode maps. pdf.js then falls back on the char codes themselves:
 *  - a composite (Identity-H, CIDFontType2) font's codes are glyph ids: in Times New Roman and
 *    most TrueType fonts the glyphs for ASCII follow the standard Macintosh order, glyph id =
 *    character − 29, so "SỞ CÔNG THƯƠNG" reads "6Ӣ C‘NG 7+ѬѪ1*", the Vietnamese letters coming
 *    out as whatever Unicode character has the number of their glyph id (Cyrillic Ӣ for Ở);
 *  - a symbolic simple TrueType font without /Encoding is read through its Macintosh cmap,
 *    so its Windows code page bytes come out as MacRoman ("ng‡y" for "ngày", "C‘NG" for "CÔNG").
 *
 * Detection (`garbledSigns`): characters a Vietnamese text does not contain — other scripts'
 * letters, private-use and control characters, symbols glued between letters — and a low share
 * of plausible tokens (syllables, numbers, abbreviations).
 *
 * Decoding (`decodeGarbled`), font by font on pdf.js's positioned text items:
 *  1. for each font, candidate readings of its codes: as they are; MacRoman read back as
 *     Windows-1252; a constant shift k of the code (the k found among those that turn most of
 *     the font's codes into ASCII letters), choosing by coordinate ascent the reading that makes
 *     the most tokens of the pages plausible;
 *  2. the codes a shift leaves outside ASCII (glyph ids of Vietnamese letters) are learned as a
 *     substitution cipher: each such code is given the Vietnamese letter that turns the words it
 *     occurs in (their other letters known) into the most frequent syllables of the language
 *     model's unigram counts (src/data/repair/lm.json) and the syllable inventory; its case comes
 *     from its neighbours. Codes without enough evidence stay unknown (U+FFFD).
 * A page is "decoded" when the result is plausible and almost nothing stayed unknown; otherwise
 * the caller OCRs it. Either way a `garbled-text-layer` warning names the page and what was done.
 */
import { readFileSync } from 'node:fs';
import { isVietnameseSyllable } from '../text/vietnamese.js';
import { normalizeTonePlacement } from '../repair/vietnamese.js';
import { dataPath } from '../util/paths.js';
import { readPdfItems, type PdfItemPage, type PdfItemsReader, type PdfTextItem } from './pdf-items.js';

/** Letters of Vietnamese (and English) text; anything else that is a letter is foreign. */
const VIETNAMESE_LETTER = /[A-Za-zÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư\u1EA0-\u1EF9]/u;
/** Symbols that may stand between letters in ordinary text (codes "KH-ĐKT", "a/b", "l'", "3.1"). */
const JOINERS = new Set([...`-–/.'’&:,;_+()"“”`]);

export interface GarbledSigns {
  letters: number;
  /** Characters foreign to a Vietnamese text (see module comment). */
  foreign: number;
  tokens: number;
  /** Share of tokens that are plausible (syllables, numbers, abbreviations, codes). */
  plausible: number;
}

function isForeignChar(ch: string, prev: string | undefined, next: string | undefined): boolean {
  const c = ch.codePointAt(0)!;
  if (c < 0x20 && ch !== '\t' && ch !== '\n' && ch !== '\r') return true;
  if ((c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd) return true;
  if (/\p{L}/u.test(ch)) return !VIETNAMESE_LETTER.test(ch);
  if (/[\p{S}\p{P}]/u.test(ch) && !JOINERS.has(ch) && prev && next && /\p{L}/u.test(prev) && /\p{L}/u.test(next)) return true;
  return false;
}

const EDGE_PUNCT = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/** True for a token an ordinary Vietnamese administrative text is made of. */
export function isPlausibleToken(raw: string): boolean {
  const t = raw.replace(EDGE_PUNCT, '');
  if (t === '') return !/[^\p{P}\p{S}]/u.test(raw) && !/[\u0000-\u001f\ufffd]/u.test(raw);
  if (/^\d+([.,/:-]\d+)*%?$/u.test(t)) return true;
  // codes and references: 1105/KH-ĐKT, 217/2025/NĐ-CP, Km2+571, IC14
  const parts = t.split(/[/\-–.+:,]/u).filter(Boolean);
  if (parts.length === 0) return false;
  return parts.every((p) => /^\d+$/u.test(p) || /^[A-ZĐ]{1,8}\d*$/u.test(p) || /^[A-Za-zĐđ]{0,3}\d+[a-zA-Z]?$/u.test(p) || isVietnameseSyllable(p));
}

export function garbledSigns(text: string): GarbledSigns {
  const chars = [...text];
  let letters = 0;
  let foreign = 0;
  for (let i = 0; i < chars.length; i++) {
    if (/\p{L}/u.test(chars[i]!)) letters++;
    if (isForeignChar(chars[i]!, chars[i - 1], chars[i + 1])) foreign++;
  }
  const tokens = text.split(/\s+/u).filter(Boolean);
  const plausible = tokens.length === 0 ? 1 : tokens.filter(isPlausibleToken).length / tokens.length;
  return { letters, foreign, tokens: tokens.length, plausible };
}

/** Share of plausible tokens a clean text layer comfortably exceeds (clean plans: ~0.95). */
const PLAUSIBLE_TEXT = 0.8;

/** A page whose text layer should be decoded or OCR'd rather than read as it is. */
export function looksGarbled(signs: GarbledSigns): boolean {
  if (signs.tokens < 5) return false;
  return (signs.foreign >= 3 && signs.foreign >= 0.02 * Math.max(1, signs.letters)) || (signs.tokens >= 20 && signs.plausible < 0.5 && signs.foreign >= 1);
}

// ---------------------------------------------------------------------------------------------
// Readings of a font's codes

/** How one font's codes are read. */
export type FontReading = { kind: 'as-is' } | { kind: 'macroman-as-winansi' } | { kind: 'shift'; shift: number };

const MAC_HIGH = new TextDecoder('macintosh').decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));
const WIN_HIGH = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));
const MAC_TO_WIN = new Map<string, string>([...MAC_HIGH].map((m, i) => [m, WIN_HIGH[i]!]));

/** The character a code reads as (null: unknown, to be learned). Whitespace is never remapped. */
/** What stays a space under every reading (control characters are glyph ids under a shift). */
const SPACE = /^[ \u00a0]$/u;

function readCode(reading: FontReading, ch: string): string | null {
  if (SPACE.test(ch)) return ch;
  if (reading.kind === 'as-is') return ch;
  if (reading.kind === 'macroman-as-winansi') return ch.charCodeAt(0) < 0x80 ? ch : (MAC_TO_WIN.get(ch) ?? ch);
  const c = ch.codePointAt(0)! + reading.shift;
  return c >= 0x21 && c <= 0x7e ? String.fromCharCode(c) : null;
}

export function describeReading(reading: FontReading): string {
  if (reading.kind === 'macroman-as-winansi') return 'read as MacRoman, decoded as Windows-1252';
  if (reading.kind === 'shift') return `codes shifted by ${reading.shift > 0 ? '' : '−'}${Math.abs(reading.shift)}`;
  return 'as it is';
}

// ---------------------------------------------------------------------------------------------
// Lines from items

/** One character of the page with the font it was drawn in. */
interface Glyph {
  ch: string;
  font: string;
}

/** Items into text lines (see itemLines). */
export function itemTextLines(items: readonly PdfTextItem[]): string[] {
  return itemLines(items).map((l) => l.map((g) => g.ch).join('').normalize('NFC'));
}

/**
 * Items into lines of glyphs, top to bottom, left to right: items share a line when their
 * baselines are within 40% of the smaller font size; a gap wider than 10% of the font size
 * between two items is a space (pdf.js does not always emit one).
 */
export function itemLines(items: readonly PdfTextItem[]): Glyph[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; items: PdfTextItem[] }[] = [];
  for (const it of sorted) {
    const line = lines.find((l) => Math.abs(l.y - it.y) <= 0.4 * Math.min(l.size, it.size));
    if (line) line.items.push(it);
    else lines.push({ y: it.y, size: it.size, items: [it] });
  }
  lines.sort((a, b) => b.y - a.y);
  return lines.map((l) => {
    const row = [...l.items].sort((a, b) => a.x - b.x);
    const glyphs: Glyph[] = [];
    let end = -Infinity;
    for (const it of row) {
      const lastIsSpace = glyphs.length === 0 || SPACE.test(glyphs[glyphs.length - 1]!.ch);
      if (!lastIsSpace && !SPACE.test(it.str[0]!) && it.x - end > 0.1 * it.size) glyphs.push({ ch: ' ', font: '' });
      for (const ch of it.str) glyphs.push({ ch, font: it.font });
      // a space item does not push the line's end: text drawn over it (a number filled into a
      // blank) must still be spaced from what follows
      if (!/^[ \u00a0]+$/u.test(it.str)) end = Math.max(end, it.x + it.width);
      else end = Math.max(end, it.x);
    }
    return glyphs;
  });
}

// ---------------------------------------------------------------------------------------------
// Decoding

export interface FontDecoding {
  font: string;
  reading: FontReading;
  /** Codes whose character was learned from the words they occur in. */
  learned: number;
  /** Codes left unknown (rendered U+FFFD). */
  unknown: number;
}

export interface PageDecoding {
  number: number;
  /** The decoded text lines of the page. */
  lines: string[];
  /** Signs of the decoded text. */
  signs: GarbledSigns;
  /** Unknown characters left on the page. */
  unknown: number;
  /** Fonts on this page read other than as they are. */
  fonts: FontDecoding[];
  /** The page's text items with their text decoded (same order as the input items). */
  items: PdfTextItem[];
}

let unigrams: Map<string, number> | null = null;
function unigramCounts(): Map<string, number> {
  if (!unigrams) {
    const lm = JSON.parse(readFileSync(dataPath('repair', 'lm.json'), 'utf8')) as { uni: Record<string, number> };
    unigrams = new Map(Object.entries(lm.uni));
  }
  return unigrams;
}

/**
 * Syllable pairs of ordinary Vietnamese (src/data/repair/background-bigrams.txt, from the
 * tesseract word lists) and each syllable's number of partners, a frequency proxy beyond the
 * administrative unigram counts ("nổ" of "vật liệu nổ").
 */
let background: { pairs: Set<string>; degree: Map<string, number> } | null = null;
function backgroundPairs(): { pairs: Set<string>; degree: Map<string, number> } {
  if (!background) {
    const pairs = new Set<string>();
    const degree = new Map<string, number>();
    for (const line of readFileSync(dataPath('repair', 'background-bigrams.txt'), 'utf8').split('\n')) {
      const i = line.indexOf(' ');
      if (i <= 0) continue;
      pairs.add(line);
      for (const w of [line.slice(0, i), line.slice(i + 1)]) degree.set(w, (degree.get(w) ?? 0) + 1);
    }
    background = { pairs, degree };
  }
  return background;
}

/** Memo of wordScore and isPlausibleToken within one decoding (the same words come back for every candidate). */
const wordScores = new Map<string, number>();
const plausibleTokens = new Map<string, boolean>();

/** How good a word is as Vietnamese: frequent syllables best, any well-formed one next, others negative. */
function wordScore(word: string): number {
  let s = wordScores.get(word);
  if (s === undefined) {
    s = scoreWord(word);
    wordScores.set(word, s);
  }
  return s;
}

function scoreWord(word: string): number {
  const lower = normalizeTonePlacement(word.normalize('NFC').toLowerCase());
  const count = unigramCounts().get(lower);
  if (count) return 3 + Math.log(1 + count);
  const degree = backgroundPairs().degree.get(lower);
  if (degree) return 1.5 + 0.3 * Math.log(1 + degree);
  if (isVietnameseSyllable(lower)) return 1;
  return -2;
}

/** How well two neighbouring syllables go together (lowercase, old tone placement). */
function pairScore(a: string, b: string): number {
  const key = a + ' ' + b;
  return 2 * Math.log(1 + (bigramCounts().get(key) ?? 0)) + (backgroundPairs().pairs.has(key) ? 3 : 0);
}

const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
/** Letters a learned code may stand for: every toned Vietnamese vowel, đ, and the ASCII letters. */
const CANDIDATE_LETTERS: string[] = (() => {
  const out = new Set<string>();
  for (const v of [...'aăâeêioôơuưy']) for (const t of TONES) out.add((v + t).normalize('NFC'));
  for (const c of [...'abcdefghijklmnopqrstuvwxyzđ']) out.add(c);
  return [...out];
})();

type Readings = Map<string, FontReading>;
const symbolKey = (g: Glyph) => `${g.font}\u0000${g.ch}`;

/** The page lines as strings under the readings and the learned codes. */
function render(lines: Glyph[][], readings: Readings, learned: Map<string, string>): { text: string[]; unknown: number } {
  let unknown = 0;
  const text = lines.map((line) =>
    line
      .map((g) => {
        const r = readCode(readings.get(g.font) ?? { kind: 'as-is' }, g.ch);
        if (r !== null) return r;
        const l = learned.get(symbolKey(g));
        if (l !== undefined) return l;
        unknown++;
        return '\ufffd';
      })
      .join('')
      .normalize('NFC'),
  );
  return { text, unknown };
}

/** Number of plausible tokens (a count, so that a reading of a font with few codes still counts). */
function plausibility(texts: string[]): number {
  let n = 0;
  for (const t of texts.join('\n').split(/\s+/u)) {
    if (!t) continue;
    let ok = plausibleTokens.get(t);
    if (ok === undefined) {
      ok = isPlausibleToken(t);
      plausibleTokens.set(t, ok);
    }
    if (ok) n++;
  }
  return n;
}

/** log-frequency of each ASCII character in Vietnamese text (from the unigram counts' letters; others rare). */
let asciiLogFreq: Float64Array | null = null;
function asciiFrequencies(): Float64Array {
  if (!asciiLogFreq) {
    const counts = new Float64Array(128).fill(1);
    for (const [word, n] of unigramCounts()) {
      for (const ch of word.normalize('NFD')) {
        const c = ch.charCodeAt(0);
        if (c < 128) counts[c]! += n;
      }
      counts[0x20]! += n;
    }
    // capitals and digits are as likely as their share of a typical plan suggests
    for (let c = 0x41; c <= 0x5a; c++) counts[c]! += counts[c + 0x20]! / 20;
    for (let c = 0x30; c <= 0x39; c++) counts[c]! += counts[0x61]! / 30;
    let total = 0;
    for (const v of counts) total += v;
    asciiLogFreq = counts.map((v) => Math.log(v / total));
  }
  return asciiLogFreq;
}

/**
 * The shift worth trying for a font: the one under which its codes look most like the letters of
 * Vietnamese text (sum of log letter frequencies; codes that leave ASCII count as rare).
 */
function candidateShifts(codes: Map<string, number>): number[] {
  const freq = asciiFrequencies();
  const rare = Math.log(1e-5);
  const list = [...codes.entries()].filter(([ch]) => !SPACE.test(ch)).map(([ch, n]) => [ch.codePointAt(0)!, n] as const);
  const ks = new Set<number>();
  for (const [c] of list) for (let t = 0x30; t <= 0x7a; t++) if (t - c !== 0) ks.add(t - c);
  const scored: [number, number][] = [];
  for (const k of ks) {
    let s = 0;
    for (const [c, n] of list) {
      const t = c + k;
      s += n * (t >= 0x21 && t <= 0x7e ? freq[t]! : rare);
    }
    scored.push([k, s]);
  }
  // only the best: neighbouring shifts tie on plausibility when a font's ASCII-only words are few
  // (Word puts WinAnsi-only runs in a simple font), but not on letter frequencies
  return scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 1).map(([k]) => k);
}

interface WordContext {
  word: Glyph[];
  prev: Glyph[] | null;
  next: Glyph[] | null;
  /** The line holds nothing before the word but a list mark or an opening bracket (a capital is likely). */
  lineStart: boolean;
  /** Last non-space character before the word on its line ('' at the start). */
  before: string;
}

/**
 * Learns the character of each code the readings leave unknown (see module comment, step 2).
 * Greedy in order of evidence: a code is assigned once at least one of its words has all its
 * other letters known and the best letter beats the runner-up and makes most of its words
 * valid syllables; scores add the language model's bigram counts with fully known neighbours
 * ("sử dụng", not "số dụng"). Two codes of one font never get the same letter (different glyphs).
 * Repeated until nothing more can be assigned.
 */
function learnUnknown(lines: Glyph[][], readings: Readings): Map<string, string> {
  const learned = new Map<string, string>();
  /** Number of words each learned code was learned from. */
  const evidence = new Map<string, number>();
  // a letter is at most two glyphs of a font (its two cases); a shift's ASCII letters are taken
  const used = new Map<string, Map<string, number>>();
  for (const [font, reading] of readings) {
    if (reading.kind !== 'shift') continue;
    used.set(font, new Map([...'abcdefghijklmnopqrstuvwxyz'].map((c) => [c, 2])));
  }
  const read = (g: Glyph) => readCode(readings.get(g.font) ?? { kind: 'as-is' }, g.ch);
  const known = (g: Glyph): string | null => read(g) ?? learned.get(symbolKey(g)) ?? null;
  const contexts: WordContext[] = [];
  for (const line of lines) {
    const lineWords: { word: Glyph[]; before: string }[] = [];
    let cur: Glyph[] = [];
    let before = '';
    let last = '';
    for (const g of line) {
      const k = read(g);
      if (k === null || /\p{L}/u.test(k)) {
        if (cur.length === 0) before = last;
        cur.push(g);
      } else {
        if (cur.length) lineWords.push({ word: cur, before });
        cur = [];
        if (!SPACE.test(k)) last = k;
      }
      if (k !== null && !SPACE.test(k)) last = k;
    }
    if (cur.length) lineWords.push({ word: cur, before });
    lineWords.forEach((w, i) => {
      // a word needs an unknown code and a known letter to say anything about the code
      if (!w.word.some((g) => read(g) === null) || !w.word.some((g) => read(g) !== null)) return;
      contexts.push({ word: w.word, prev: lineWords[i - 1]?.word ?? null, next: lineWords[i + 1]?.word ?? null, lineStart: i === 0, before: w.before });
    });
  }
  const text = (ws: Glyph[] | null): string | null => {
    if (!ws) return null;
    let out = '';
    for (const g of ws) {
      const k = known(g);
      if (k === null) return null;
      out += k;
    }
    return normalizeTonePlacement(out.normalize('NFC').toLowerCase());
  };
  for (let pass = 0; pass < 12; pass++) {
    const open = new Map<string, WordContext[]>();
    for (const c of contexts) {
      const keys = [...new Set(c.word.filter((g) => known(g) === null).map(symbolKey))];
      if (keys.length === 1) {
        const list = open.get(keys[0]!) ?? [];
        list.push(c);
        open.set(keys[0]!, list);
      }
    }
    if (open.size === 0) break;
    let assigned = 0;
    for (const [key, ctx] of [...open.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))) {
      if (learned.has(key)) continue;
      const font = key.slice(0, key.indexOf('\u0000'));
      const sample = ctx.slice(0, 300);
      const neighbours = sample.map((c) => [text(c.prev), text(c.next)] as const);
      let best = '';
      let bestScore = -Infinity;
      let second = -Infinity;
      let bestValid = 0;
      for (const letter of CANDIDATE_LETTERS) {
        const cand = letter;
        if ((used.get(font)?.get(cand) ?? 0) >= 2) continue;
        let score = 0;
        let valid = 0;
        sample.forEach((c, i) => {
          const word = c.word.map((g) => (symbolKey(g) === key ? cand : known(g))).join('');
          let s = wordScore(word);
          if (s > 0) {
            valid++;
            const w = normalizeTonePlacement(word.normalize('NFC').toLowerCase());
            const [p, n] = neighbours[i]!;
            if (p) s += pairScore(p, w);
            if (n) s += pairScore(w, n);
          }
          score += s;
        });
        if (score > bestScore) {
          second = bestScore;
          bestScore = score;
          best = cand;
          bestValid = valid;
        } else if (score > second) second = score;
      }
      if (bestScore > 0 && bestValid >= 0.6 * sample.length && bestScore - second >= 1) {
        learned.set(key, best);
        evidence.set(key, sample.length);
        const counts = used.get(font) ?? new Map<string, number>();
        counts.set(best, (counts.get(best) ?? 0) + 1);
        used.set(font, counts);
        assigned++;
      }
    }
    if (assigned === 0) break;
  }
  // Codes no word could settle: fonts lay out Vietnamese letters in Unicode order, capital then
  // small (Ở ở, Ư ư, Ơ ơ), so the code just before a learned small letter is likely its capital
  // and the one after a learned capital its small letter; kept when the words it makes are valid.
  // The same code learned in a sibling font (same reading) is tried first. This also overrides a
  // letter learned from fewer than three words ("SỞ" once, read "SỐ").
  const weak = (key: string) => (evidence.get(key) ?? 3) < 3;
  const weakGuess = new Map<string, string>();
  for (const [key, letter] of learned) if (weak(key)) weakGuess.set(key, letter);
  for (const key of weakGuess.keys()) learned.delete(key);
  const tentative = new Map<string, string>();
  const codeKey = (font: string, code: number) => `${font}\u0000${String.fromCodePoint(code)}`;
  for (const c of contexts) {
    for (const g of c.word) {
      const key = symbolKey(g);
      if (known(g) !== null || tentative.has(key)) continue;
      const code = g.ch.codePointAt(0)!;
      const after = learned.get(codeKey(g.font, code + 1));
      const before = learned.get(codeKey(g.font, code - 1));
      if (weakGuess.has(key) && !after && !before) continue;
      // the same code learned in another font read the same way (a family's styles share their glyph order)
      const reading = JSON.stringify(readings.get(g.font));
      const sibling = [...learned].find(([k]) => k.endsWith('\u0000' + g.ch) && !k.startsWith(g.font + '\u0000') && JSON.stringify(readings.get(k.slice(0, k.indexOf('\u0000')))) === reading)?.[1];
      const guess = sibling ?? (after && after !== after.toUpperCase() ? after.toUpperCase() : before && before !== before.toLowerCase() ? before.toLowerCase() : null);
      if (guess && ![...learned].some(([k, l]) => l === guess && k.startsWith(g.font + '\u0000'))) tentative.set(key, guess);
    }
  }
  for (const [key, guess] of tentative) {
    const words = contexts.filter((c) => c.word.some((g) => symbolKey(g) === key));
    const spelled = words.map((c) => c.word.map((g) => known(g) ?? tentative.get(symbolKey(g)) ?? '\ufffd').join(''));
    if (spelled.filter((w) => wordScore(w) > 0).length >= 0.6 * spelled.length) learned.set(key, guess);
  }
  // weak letters nothing better replaced stay
  for (const [key, letter] of weakGuess) {
    const font = key.slice(0, key.indexOf('\u0000') + 1);
    const uses = [...learned].filter(([k, l]) => l.toLowerCase() === letter && k.startsWith(font)).length;
    if (!learned.has(key) && uses < 2) learned.set(key, letter);
  }
  // Case, with all the words now known: two codes of a font learned as one letter are its two
  // cases, the one whose neighbours say "capital" more is the capital; a letter learned once
  // is a capital when its neighbours say so.
  const votes = new Map<string, number>();
  for (const key of learned.keys()) {
    const ctx = contexts.filter((c) => c.word.some((g) => symbolKey(g) === key) && c.word.every((g) => symbolKey(g) === key || known(g) !== null));
    votes.set(key, capitalVote(key, ctx, read));
  }
  const groups = new Map<string, string[]>();
  for (const [key, letter] of learned) {
    const g = `${key.slice(0, key.indexOf('\u0000'))}\u0000${letter}`;
    groups.set(g, [...(groups.get(g) ?? []), key]);
  }
  for (const keys of groups.values()) {
    const letter = learned.get(keys[0]!)!;
    if (keys.length === 2) {
      const [a, b] = keys as [string, string];
      const aUpper = votes.get(a)! > votes.get(b)! || (votes.get(a) === votes.get(b) && a < b);
      learned.set(a, aUpper ? letter.toUpperCase() : letter);
      learned.set(b, aUpper ? letter : letter.toUpperCase());
    } else learned.set(keys[0]!, votes.get(keys[0]!)! > 0 ? letter.toUpperCase() : letter);
  }
  return learned;
}

/**
 * Whether a code is a capital, from the words it occurs in (only the case of letters the
 * readings give counts: learned letters have no case yet): between capitals it is one, between
 * small letters it is not; first in a word it is a capital when the rest is, and when the word
 * starts a line or a sentence.
 */
function capitalVote(key: string, ctx: readonly WordContext[], given: (g: Glyph) => string | null): number {
  let vote = 0;
  for (const c of ctx) {
    c.word.forEach((g, i) => {
      if (symbolKey(g) !== key) return;
      const rest = c.word
        .filter((o, j) => j !== i && j !== 0 && symbolKey(o) !== key)
        .map(given)
        .join('')
        .replace(/[^\p{L}]/gu, '');
      const first = i === 0 ? '' : (given(c.word[0]!) ?? '');
      if (rest) vote += rest === rest.toUpperCase() ? 1 : -1;
      // "Sở" or "QĐ": one capital before it says nothing; a small letter before it says small
      else if (i > 0) vote += first && first === first.toLowerCase() ? -1 : 0;
      else if (c.lineStart || /[.:!?]$/u.test(c.before) || c.before === '') vote += 0.3;
      else vote -= 0.3;
    });
  }
  return vote;
}

let bigramTable: Map<string, number> | null = null;
function bigramCounts(): Map<string, number> {
  if (!bigramTable) {
    const lm = JSON.parse(readFileSync(dataPath('repair', 'lm.json'), 'utf8')) as { bi: Record<string, number> };
    bigramTable = new Map(Object.entries(lm.bi));
  }
  return bigramTable;
}

/**
 * Decodes the pages' text from their items (module comment). Returns one decoding per page
 * (whether or not it became plausible: the caller decides between it and OCR).
 */
export function decodeGarbled(pages: readonly PdfItemPage[]): PageDecoding[] {
  wordScores.clear();
  plausibleTokens.clear();
  try {
    return decodePages(pages);
  } finally {
    wordScores.clear();
    plausibleTokens.clear();
  }
}

function decodePages(pages: readonly PdfItemPage[]): PageDecoding[] {
  const pageLines = pages.map((p) => itemLines(p.items));
  const all = pageLines.flat();
  const codesByFont = new Map<string, Map<string, number>>();
  for (const line of all) {
    for (const g of line) {
      if (!g.font) continue;
      const m = codesByFont.get(g.font) ?? new Map<string, number>();
      m.set(g.ch, (m.get(g.ch) ?? 0) + 1);
      codesByFont.set(g.font, m);
    }
  }
  const fonts = [...codesByFont.keys()].sort();
  const readings: Readings = new Map(fonts.map((f) => [f, { kind: 'as-is' } as FontReading]));
  // readings are compared without learning (learning is the slow part): a shift already wins on
  // the words it makes wholly ASCII
  const none = new Map<string, string>();
  const score = () => plausibility(render(all, readings, none).text);
  // coordinate ascent over fonts, biggest first: two rounds are enough for a page's handful of fonts
  const bySize = [...fonts].sort((a, b) => sum(codesByFont.get(b)!) - sum(codesByFont.get(a)!) || (a < b ? -1 : 1));
  let current = score();
  for (let round = 0; round < 2; round++) {
    let changed = false;
    for (const font of bySize) {
      const codes = codesByFont.get(font)!;
      const options: FontReading[] = [{ kind: 'as-is' }];
      if ([...codes.keys()].some((ch) => MAC_TO_WIN.has(ch) && MAC_TO_WIN.get(ch) !== ch)) options.push({ kind: 'macroman-as-winansi' });
      // a document's fonts of one kind share their shift: small fonts also try the shifts the big ones took
      const shifts = new Set(candidateShifts(codes));
      for (const r of readings.values()) if (r.kind === 'shift') shifts.add(r.shift);
      for (const shift of [...shifts].sort((a, b) => a - b)) options.push({ kind: 'shift', shift });
      const keep = readings.get(font)!;
      let best = keep;
      for (const option of options) {
        if (JSON.stringify(option) === JSON.stringify(keep)) continue;
        readings.set(font, option);
        const s = score();
        // a reading must make more tokens plausible than the current one, so an ordinary font stays as it is
        if (s > current) {
          current = s;
          best = option;
          changed = true;
        }
      }
      readings.set(font, best);
    }
    if (!changed) break;
  }
  const learned = learnUnknown(all, readings);
  return pages.map((p, i) => {
    const { text, unknown } = render(pageLines[i]!, readings, learned);
    const used = new Set(pageLines[i]!.flat().map((g) => g.font));
    const fontDecodings: FontDecoding[] = [];
    for (const font of fonts) {
      const reading = readings.get(font)!;
      if (!used.has(font) || reading.kind === 'as-is') continue;
      const keys = [...codesByFont.get(font)!.keys()].filter((ch) => readCode(reading, ch) === null);
      const learnedHere = keys.filter((ch) => learned.has(`${font}\u0000${ch}`)).length;
      fontDecodings.push({ font, reading, learned: learnedHere, unknown: keys.length - learnedHere });
    }
    const items = p.items.map((it) => ({ ...it, str: render([[...it.str].map((ch) => ({ ch, font: it.font }))], readings, learned).text[0]! }));
    return { number: p.number, lines: text, signs: garbledSigns(text.join('\n')), unknown, fonts: fontDecodings, items };
  });
}

function sum(m: Map<string, number>): number {
  let s = 0;
  for (const v of m.values()) s += v;
  return s;
}

/** A decoded page good enough to be kept instead of OCR'd. */
export function decodedWell(page: PageDecoding): boolean {
  return page.signs.plausible >= PLAUSIBLE_TEXT && !looksGarbled(page.signs) && page.unknown <= Math.max(3, 0.015 * page.signs.letters);
}

export interface GarbledPage {
  number: number;
  /** Signs of the text layer as pdf-parse read it. */
  before: GarbledSigns;
  /** The decoded lines when decoding made the page readable, else null (OCR it). */
  decoded: string[] | null;
  /** What was found wrong, for the warning: "font X codes shifted by 29 (49 letters learned)". */
  how: string;
  /** The page's text items, decoded (when decoded), for layout analysis (tables). */
  items: PdfTextItem[] | null;
}

/**
 * Checks each page's text for the signs of a lying text layer and decodes the pages that show
 * them (evidence for each font pooled over those pages). Pages without signs are not listed.
 */
export async function findGarbledPages(source: Uint8Array | PdfItemsReader, displayName: string, pages: readonly { number: number; text: string }[]): Promise<GarbledPage[]> {
  const flagged = pages.map((p) => ({ number: p.number, signs: garbledSigns(p.text) })).filter((p) => looksGarbled(p.signs));
  if (flagged.length === 0) return [];
  const read: PdfItemsReader = source instanceof Uint8Array ? (numbers, options) => readPdfItems(source, displayName, numbers, options) : source;
  const items = await read(flagged.map((p) => p.number), { fontNames: true });
  const decodings = decodeGarbled(items);
  return flagged.map((f) => {
    const d = decodings.find((x) => x.number === f.number);
    const names = items.find((p) => p.number === f.number)?.fontNames ?? new Map<string, string>();
    // one clause per reading: "fonts TimesNewRomanPSMT, TimesNewRomanPS-BoldMT codes shifted by 29 (92 letters learned, 7 unknown)"
    const byReading = new Map<string, { names: Set<string>; learned: number; unknown: number }>();
    for (const fd of d?.fonts ?? []) {
      const key = describeReading(fd.reading);
      const entry = byReading.get(key) ?? { names: new Set<string>(), learned: 0, unknown: 0 };
      entry.names.add((names.get(fd.font) ?? fd.font).replace(/^[A-Z]{6}\+/u, ''));
      entry.learned += fd.learned;
      entry.unknown += fd.unknown;
      byReading.set(key, entry);
    }
    const fonts = [...byReading].map(([reading, e]) => {
      const counts = [e.learned ? `${e.learned} letters learned` : '', e.unknown ? `${e.unknown} unknown` : ''].filter(Boolean).join(', ');
      return `${e.names.size > 1 ? 'fonts' : 'font'} ${[...e.names].sort().join(', ')} ${reading}${counts ? ` (${counts})` : ''}`;
    });
    const how = fonts.length > 0 ? fonts.join('; ') : 'no reading of its fonts makes it readable';
    const ok = !!d && decodedWell(d);
    return { number: f.number, before: f.signs, decoded: ok ? d.lines : null, how: ok ? how : 'no reading of its fonts recovers the text', items: ok ? d.items : null };
  });
}
