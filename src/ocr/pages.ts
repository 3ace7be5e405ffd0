/**
 * OCR of a sequence of pages, streamed: page images are produced one at a time, in order,
 * and at most `concurrency + 1` of them exist at once (the engine's pages in flight plus the
 * one being prepared), so a 500-page scan needs the memory of a few pages.
 * Turns engine output into the document model's pages and low-confidence warnings.
 */
import type { Page, PlanDocument, TextLine } from '../model/document.js';
import { InputError } from '../util/errors.js';
import type { OcrImage } from './image.js';
import { withRulingLines } from './rules.js';
import { withoutReceivedStamp } from './stamps.js';
import { withHeaderInPrintOrder } from './header-order.js';
import { ImageDecodeError, type OcrEngine, type OcrPage } from './types.js';

export type PageOutcome = { ok: true; page: OcrPage } | { ok: false; error: Error };

export interface OcrRunOptions {
  /** Called after each page, in completion order. */
  onPage?: (done: number, total: number) => void;
  /** OCR budget of one page (ms): over it, the page fails with PageTimeoutError and the rest goes on. */
  pageTimeoutMs?: number;
}

/** The engine's reading of one page, or PageTimeoutError once the budget is spent. */
function recognizeWithin(engine: OcrEngine, image: OcrImage, timeoutMs: number | undefined): Promise<OcrPage> {
  if (!timeoutMs) return engine.recognize(image);
  let timer: NodeJS.Timeout | undefined;
  // the native engine kills its tesseract at the budget; tesseract.js cannot stop a page, so it is raced
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PageTimeoutError(`OCR took longer than ${timeoutMs / 1000} s`)), timeoutMs + 1000);
  });
  return Promise.race([engine.recognize(image, { timeoutMs }), limit]).finally(() => clearTimeout(timer));
}

/** A page failure that costs only that page (the rest of the document goes on). */
export class PageError extends Error {}

/** A page over its time budget (--page-timeout): skipped with a page-timeout warning. */
export class PageTimeoutError extends PageError {}

/** A page that draws nothing: there is nothing to OCR. */
export class BlankPageError extends PageError {}

function isPageFailure(err: unknown): boolean {
  return err instanceof PageError || err instanceof ImageDecodeError;
}

/**
 * Runs `load` then OCR for each page number. Page-level failures (PageError, ImageDecodeError)
 * become failed outcomes; anything else (InputError: the document is refused; engine failures)
 * stops the run and is thrown once the pages in flight have settled.
 */
export async function ocrPages(numbers: readonly number[], load: (n: number) => Promise<OcrImage>, engine: OcrEngine, options: OcrRunOptions = {}): Promise<Map<number, PageOutcome>> {
  const results = new Map<number, PageOutcome>();
  const window = engine.concurrency + 1;
  const inflight = new Set<Promise<void>>();
  let fatal: unknown = null;
  let done = 0;
  const finish = (n: number, outcome: PageOutcome) => {
    results.set(n, outcome);
    done++;
    options.onPage?.(done, numbers.length);
  };
  for (const n of numbers) {
    while (inflight.size >= window) await Promise.race(inflight);
    if (fatal) break;
    let image: OcrImage;
    try {
      const loaded = await load(n);
      image = engine.prepare ? await engine.prepare(loaded) : loaded;
    } catch (err) {
      if (isPageFailure(err)) {
        finish(n, { ok: false, error: err as Error });
        continue;
      }
      fatal = err;
      break;
    }
    const task: Promise<void> = recognizeWithin(engine, image, options.pageTimeoutMs).then(
      async (page) => finish(n, { ok: true, page: await withRulingLines(image, withHeaderInPrintOrder(withoutReceivedStamp(page, image), image)) }),
      (err: unknown) => {
        if (isPageFailure(err)) finish(n, { ok: false, error: err as Error });
        else fatal ??= err;
      },
    );
    const tracked = task.finally(() => inflight.delete(tracked));
    inflight.add(tracked);
  }
  await Promise.all(inflight);
  if (fatal) throw fatal;
  return results;
}

/** Words below this confidence (0..1) are reported in low-confidence-ocr warnings. */
export const LOW_CONFIDENCE = 0.6;

/** The document model's page for an OCR'd page; lines keep their confidence. */
export function pageFromOcr(number: number | null, ocr: OcrPage): Page {
  const lines: TextLine[] = ocr.lines.map((l, i) => ({ text: l.text, original: l.text, page: number, line: i + 1, confidence: round(l.confidence), box: l.box }));
  return { number, origin: lines.length === 0 ? 'empty' : 'ocr', lines };
}

/**
 * The warnings of an OCR'd page: one per line that has doubtful words, naming them and their
 * confidence, and one for a received-document stamp taken out of its lines. `lineOf` maps OCR
 * lines to page lines when the page was laid out anew (its tables).
 */
export function warnOcrPage(doc: PlanDocument, number: number | null, ocr: OcrPage, lineOf?: readonly number[]): void {
  if (ocr.receivedStamp) {
    const at = lineOf?.[ocr.receivedStamp.lineIndex] ?? ocr.receivedStamp.lineIndex + 1;
    doc.warn('received-stamp', `a received-document stamp beside the header was left out of the text: "${ocr.receivedStamp.text}"`, { page: number, line: at, endLine: at });
  }
  ocr.lines.forEach((line, i) => {
    const weak = line.words.filter((w) => w.confidence < LOW_CONFIDENCE && /\p{L}|\d/u.test(w.text));
    if (weak.length === 0) return;
    const list = weak.map((w) => `"${w.text}" (${w.confidence.toFixed(2)})`).join(', ');
    const at = lineOf?.[i] ?? i + 1;
    doc.warn('low-confidence-ocr', `OCR unsure of ${list}`, { page: number, line: at, endLine: at });
  });
}

export function describePageFailure(err: Error): string {
  return err instanceof InputError ? err.reason : err.message;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
