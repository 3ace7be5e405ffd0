/**
 * Text and Markdown input: decode (UTF-8, UTF-16 with or without BOM, or the legacy
 * TCVN3/VNI encodings), normalise to NFC, strip Markdown markup line by line.
 */
import { extname } from 'node:path';
import { PlanDocument, makePage } from '../model/document.js';
import { InputError } from '../util/errors.js';
import { decodeLegacy, detectLegacyEncoding } from '../text/legacy-encodings.js';
import { stripMarkdown } from '../text/markdown.js';
import type { RawInput } from './read-input.js';
import { findTextTables } from './text-tables.js';

/**
 * UTF-16 without a byte-order mark (Windows "Unicode" saves often lack it): text whose code
 * units are mostly ASCII or Vietnamese (U+00xx, U+01xx, U+1Exx) has a 0x00 in one byte of
 * most pairs and almost never in the other. Null when the bytes do not look like that.
 */
export function detectBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 64 * 1024) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  const guess = oddZeros > pairs * 0.4 && evenZeros < pairs * 0.02 ? 'utf-16le' : evenZeros > pairs * 0.4 && oddZeros < pairs * 0.02 ? 'utf-16be' : null;
  if (!guess) return null;
  // binary data can have that pattern too: the decoded text must have (almost) no control characters
  const sample = new TextDecoder(guess).decode(bytes.subarray(0, n));
  const bad = sample.match(/[\u0000-\u0008\u000b\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return bad <= sample.length * 0.01 ? guess : null;
}

/** True when the bytes are not text: NUL bytes, or many control characters. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64 * 1024);
  if (n === 0) return false;
  // UTF-16 text has NULs but announces itself with a BOM, or by the pattern of its NULs.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  if (detectBomlessUtf16(bytes)) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control / n > 0.02;
}

/** Decodes bytes to a string and names the encoding it used. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = detectBomlessUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  let text: string;
  let encoding = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8: legacy Vietnamese files are 8-bit; read them as Windows-1252 and look for TCVN3/VNI below.
    text = new TextDecoder('windows-1252').decode(bytes);
    encoding = 'windows-1252';
  }
  const legacy = detectLegacyEncoding(text);
  if (legacy) return { text: decodeLegacy(text, legacy), encoding: legacy };
  return { text, encoding };
}

/**
 * More letters than this in a row (no space, digit or punctuation) is not text a plan holds; past a
 * few million, V8's regular expressions on words overflow the stack ("Maximum call stack size
 * exceeded" from String.match), so such input is refused here with its reason.
 */
export const MAX_LETTER_RUN = 1_000_000;

/** The longest run of letters (ASCII letters, or any non-ASCII character that is not a space). */
export function longestLetterRun(lines: readonly string[]): number {
  let longest = 0;
  for (const line of lines) {
    let run = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c !== 0x2028 && c !== 0x3000 && !(c >= 0x2000 && c <= 0x200b));
      run = letter ? run + 1 : 0;
      if (run > longest) longest = run;
    }
  }
  return longest;
}

export function checkLetterRuns(lines: readonly string[], displayName: string): void {
  const run = longestLetterRun(lines);
  if (run > MAX_LETTER_RUN) throw new InputError(displayName, `not plan text: ${run} letters in a row without a space (the limit is ${MAX_LETTER_RUN})`);
}

export function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/** Plans converted to Markdown (headings, bold) often arrive named .txt, like seed 004. */
export function looksLikeMarkdown(lines: readonly string[]): boolean {
  let marks = 0;
  for (const line of lines) {
    if (/^\s{0,3}#{1,6}\s+\S/.test(line) || /\*\*\S.*?\*\*/.test(line)) marks++;
    if (marks >= 2) return true;
  }
  return false;
}

export function readTextDocument(input: RawInput, displayName: string): PlanDocument {
  if (looksBinary(input.bytes)) throw new InputError(displayName, 'binary data, not a text file');
  const { text, encoding } = decodeText(input.bytes);
  let lines = splitLines(text.normalize('NFC').replace(/\f/g, '\n'));
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  // Tables are read from the lines as they stand (Markdown marks and pipes intact); the lines stay as they are.
  const tables = findTextTables(lines, null);
  const ext = extname(input.file).toLowerCase();
  if (ext === '.md' || ext === '.markdown' || looksLikeMarkdown(lines)) lines = stripMarkdown(lines);
  if (lines.every((l) => l.trim() === '')) throw new InputError(displayName, 'no text in file');
  checkLetterRuns(lines, displayName);
  return new PlanDocument({
    file: displayName,
    sha256: input.sha256,
    kind: 'text',
    pageCount: null,
    encoding,
    pages: [makePage(null, 'text', lines)],
    tables,
  });
}
