/**
 * PDFs with a text layer, read page by page with pdf-parse (pdf.js).
 * PDFs are untrusted: every failure becomes an InputError with one readable line.
 */
import { PDFParse } from 'pdf-parse';
import { PlanDocument, makePage, type Page } from '../model/document.js';
import { InputError } from '../util/errors.js';
import { decodeLegacy, detectLegacyEncoding } from '../text/legacy-encodings.js';
import { splitLines } from './text.js';
import type { RawInput } from './read-input.js';

/** Checks the bytes are a whole PDF before pdf.js sees them: it repairs so eagerly that a cut file may still "parse". */
export function checkPdfEnvelope(bytes: Uint8Array, displayName: string): void {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new InputError(displayName, 'not a PDF (no %PDF- header)');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF')) throw new InputError(displayName, 'truncated PDF (no %%EOF at the end of the file)');
}

export function describePdfError(err: unknown): string {
  const name = (err as { name?: string })?.name ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException' || /password/i.test(message)) return 'encrypted PDF: a password is required to open it';
  if (name === 'InvalidPDFException') return `invalid PDF (${message})`;
  return `unreadable PDF (${message.split('\n')[0]})`;
}

export interface PdfTextPages {
  pageCount: number;
  pages: { number: number; text: string }[];
}

/** The text layer of each page, in page order. */
export async function readPdfText(bytes: Uint8Array, displayName: string): Promise<PdfTextPages> {
  checkPdfEnvelope(bytes, displayName);
  // pdf.js takes ownership of the buffer it is given; hand it a copy so callers keep theirs.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0, stopAtErrors: false, isEvalSupported: false });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    if (result.total === 0) throw new InputError(displayName, 'PDF has no pages');
    return { pageCount: result.total, pages: result.pages.map((p) => ({ number: p.num, text: p.text })) };
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(displayName, describePdfError(err), { cause: err });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

export function pageFromText(number: number, text: string): Page {
  const lines = splitLines(text.normalize('NFC'));
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  return makePage(number, lines.length === 0 ? 'empty' : 'pdf-text', lines);
}

export async function readPdfTextDocument(input: RawInput, displayName: string): Promise<PlanDocument> {
  const { pageCount, pages: raw } = await readPdfText(input.bytes, displayName);
  // Old PDFs embed TCVN3/VNI fonts: their text layer comes out as Latin-1 mojibake.
  const legacy = detectLegacyEncoding(raw.map((p) => p.text).join('\n'));
  const pages = raw.map((p) => pageFromText(p.number, legacy ? decodeLegacy(p.text, legacy) : p.text));
  const doc = new PlanDocument({
    file: displayName,
    sha256: input.sha256,
    kind: 'pdf-text',
    pageCount,
    encoding: legacy ?? 'pdf',
    pages,
  });
  for (const page of pages) {
    if (page.origin === 'empty') doc.warn('empty-page', `page ${page.number} has no text layer (a scanned page needs OCR)`, { page: page.number, line: 1, endLine: 1 });
  }
  return doc;
}
