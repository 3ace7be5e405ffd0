/**
 * The text layer of a PDF, page by page, with pdf-parse (pdf.js); pdf-ocr.ts builds the
 * document from it and OCRs the pages that need it. PDFs are untrusted: every failure
 * becomes an InputError with one readable line.
 */
import { PDFParse } from 'pdf-parse';
import { makePage, type Page } from '../model/document.js';
import { describeError, InputError } from '../util/errors.js';
import { splitLines } from './text.js';

/** Checks the bytes are a whole PDF before pdf.js sees them: it repairs so eagerly that a cut file may still "parse". */
export function checkPdfEnvelope(bytes: Uint8Array, displayName: string): void {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new InputError(displayName, 'not a PDF (no %PDF- header)');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF')) throw new InputError(displayName, 'truncated PDF (no %%EOF at the end of the file)');
}

export function describePdfError(err: unknown): string {
  const name = (err as { name?: string })?.name ?? '';
  const message = describeError(err);
  if (name === 'PasswordException' || /password/i.test(message)) return 'encrypted PDF: a password is required to open it';
  if (name === 'InvalidPDFException') return `invalid PDF (${message})`;
  return `unreadable PDF (${message})`;
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
    // pdf.js takes the page count from the page tree's /Count; a hand-edited one can say 0, -5 or NaN
    if (!Number.isInteger(result.total) || result.total < 1) throw new InputError(displayName, result.total === 0 ? 'PDF has no pages' : `invalid PDF (page count ${result.total})`);
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
