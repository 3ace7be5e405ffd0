/**
 * The text layer of a PDF, page by page, with pdf-parse (pdf.js); pdf-ocr.ts builds the
 * document from it and OCRs the pages that need it. PDFs are untrusted: every failure
 * becomes an InputError with one readable line.
 */
import type { PDFParse } from 'pdf-parse';
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

/**
 * The text layer of one PDF, one page at a time: pdf-ocr.ts reads it page by page on a worker
 * thread (pdf-guard.ts), so a page whose text takes pdf.js forever costs that page only.
 */
/** More pages than any plan has, by far: a page count beyond it is a broken or hostile page tree. */
export const MAX_PDF_PAGES = 100_000;

let pdfParse: Promise<typeof import('pdf-parse')> | null = null;

/** Starts loading pdf-parse (once); the pdf worker calls it as it starts. */
export function preloadPdfParse(): Promise<typeof import('pdf-parse')> {
  pdfParse ??= import('pdf-parse');
  return pdfParse;
}

export class PdfTextReader {
  private constructor(
    private readonly parser: PDFParse,
    readonly pageCount: number,
    private readonly displayName: string,
  ) {}

  static async open(bytes: Uint8Array, displayName: string): Promise<PdfTextReader> {
    checkPdfEnvelope(bytes, displayName);
    // loaded here, not at import: the extraction thread uses this module's helpers, and only the
    // pdf worker needs pdf.js (with @napi-rs/canvas, a third of a second to load)
    const { PDFParse } = await preloadPdfParse();
    // pdf.js takes ownership of the buffer it is given; hand it a copy so callers keep theirs.
    const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0, stopAtErrors: false, isEvalSupported: false });
    try {
      // pdf.js takes the page count from the page tree's /Count; a hand-edited one can say 0, -5 or NaN
      // (partial: [0] parses no page: only the document is loaded and its page count read)
      const total = (await parser.getText({ partial: [0] })).total;
      if (!Number.isInteger(total) || total < 1) throw new InputError(displayName, total === 0 ? 'PDF has no pages' : `invalid PDF (page count ${total})`);
      // a page tree's /Count can claim 2^31 pages: each page read walks the count, so refuse the absurd
      if (total > MAX_PDF_PAGES) throw new InputError(displayName, `invalid PDF (its page tree claims ${total} pages; the limit is ${MAX_PDF_PAGES})`);
      return new PdfTextReader(parser, total, displayName);
    } catch (err) {
      await parser.destroy().catch(() => undefined);
      if (err instanceof InputError) throw err;
      throw new InputError(displayName, describePdfError(err), { cause: err });
    }
  }

  /** The text of page n (1-based). */
  async page(n: number): Promise<string> {
    try {
      const result = await this.parser.getText({ pageJoiner: '', partial: [n] });
      return result.pages.find((p) => p.num === n)?.text ?? '';
    } catch (err) {
      throw new InputError(this.displayName, describePdfError(err), { cause: err });
    }
  }

  async close(): Promise<void> {
    await this.parser.destroy().catch(() => undefined);
  }
}

/** The text layer of each page, in page order, in this thread (no time limit: see pdf-guard.ts). */
export async function readPdfText(bytes: Uint8Array, displayName: string): Promise<PdfTextPages> {
  const reader = await PdfTextReader.open(bytes, displayName);
  try {
    const pages: PdfTextPages['pages'] = [];
    for (let n = 1; n <= reader.pageCount; n++) pages.push({ number: n, text: await reader.page(n) });
    return { pageCount: reader.pageCount, pages };
  } finally {
    await reader.close();
  }
}

export function pageFromText(number: number, text: string): Page {
  const lines = withoutPageNumber(number, splitLines(text.normalize('NFC')));
  return makePage(number, lines.length === 0 ? 'empty' : 'pdf-text', lines);
}

/**
 * The page number a Word export prints in the top or bottom margin ("2", "- 2 -", "Trang 2", "2/5",
 * "Trang 2/5"): the page's first or last line, naming this page's number and nothing else.
 */
export function isPageNumberLine(number: number, line: string): boolean {
  const m = /^(?:-\s*)?(?:trang\s+)?(\d{1,4})(?:\s*\/\s*\d{1,4})?(?:\s*-)?$/iu.exec(line.trim());
  return m !== null && Number(m[1]) === number;
}

/** A page's lines without its blank edges and its page number (isPageNumberLine). */
export function withoutPageNumber(number: number, texts: readonly string[]): string[] {
  const [from, to] = keptRange(number, texts);
  return texts.slice(from, to);
}

/** The range [from, to) of a page's lines that withoutPageNumber keeps. */
export function keptRange(number: number, texts: readonly string[]): [number, number] {
  let from = 0;
  let to = texts.length;
  const trim = () => {
    while (to > from && texts[to - 1]!.trim() === '') to--;
    while (from < to && texts[from]!.trim() === '') from++;
  };
  trim();
  // a one-line page that is only a number keeps it: there is no page around it to tell
  if (to - from > 1 && isPageNumberLine(number, texts[from]!)) from++;
  else if (to - from > 1 && isPageNumberLine(number, texts[to - 1]!)) to--;
  trim();
  return [from, to];
}
