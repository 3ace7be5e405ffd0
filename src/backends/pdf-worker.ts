/**
 * The worker thread behind pdf-guard.ts: holds PDFs in pdf.js and answers, one request at a
 * time, "open", "text of page n", "image of page n" and "close". pdf.js work that never yields (100,000
 * nested `q` operators make it quadratic) blocks only this thread, which the guard terminates.
 */
import { parentPort } from 'node:worker_threads';
import { PdfTextReader, preloadPdfParse } from './pdf-text.js';
import { PdfPageImager } from './pdf-pages.js';
import type { ItemOptions } from './pdf-items.js';
import { BlankPageError, PageError } from '../ocr/pages.js';
import { ImageDecodeError } from '../ocr/types.js';
import { describeError, InputError } from '../util/errors.js';
import { installJpegCapture } from './pdf-jpeg.js';

// before any document opens: pdf.js's worker code, loaded by the first one, reads it once
installJpegCapture();
// pdf-parse (and pdf.js with it) loads while the extraction thread is still loading its code
preloadPdfParse();

export type PdfRequestBody =
  | { op: 'open'; bytes: Uint8Array; displayName: string }
  | { op: 'text'; page: number }
  | { op: 'image'; page: number; dpi?: number; onlyScans: boolean }
  | { op: 'items'; page: number; options: ItemOptions }
  | { op: 'close' };
export type PdfRequest = PdfRequestBody & { id: number; doc: number };

/** An error as it crosses the thread boundary: its class by name, its one-line message. */
export interface WorkerFailure {
  kind: 'input' | 'blank' | 'page' | 'decode' | 'other';
  message: string;
}

/** The documents this worker holds (one at a time in practice: the worker is reused, document after document). */
const docs = new Map<number, { bytes: Uint8Array; displayName: string; reader: PdfTextReader | null; imager: PdfPageImager | null }>();

function failure(err: unknown): WorkerFailure {
  if (err instanceof InputError) return { kind: 'input', message: err.reason };
  if (err instanceof BlankPageError) return { kind: 'blank', message: err.message };
  if (err instanceof PageError) return { kind: 'page', message: err.message };
  if (err instanceof ImageDecodeError) return { kind: 'decode', message: err.message };
  const overflow = err instanceof RangeError && /call stack/i.test(err.message);
  return { kind: 'other', message: overflow ? `input too complex to process (${err.message})` : describeError(err) };
}

async function answer(req: PdfRequest): Promise<void> {
  try {
    if (req.op === 'open') {
      const d = { bytes: req.bytes, displayName: req.displayName, reader: null as PdfTextReader | null, imager: null as PdfPageImager | null };
      docs.set(req.doc, d);
      d.reader = await PdfTextReader.open(d.bytes, d.displayName);
      parentPort!.postMessage({ id: req.id, pageCount: d.reader.pageCount });
      return;
    }
    const d = docs.get(req.doc);
    if (req.op === 'close') {
      docs.delete(req.doc);
      await d?.reader?.close();
      await d?.imager?.close();
      parentPort!.postMessage({ id: req.id });
      return;
    }
    if (!d?.reader) throw new Error('document not open');
    if (req.op === 'text') {
      parentPort!.postMessage({ id: req.id, text: await d.reader.page(req.page) });
      return;
    }
    // items and images come from pdf.js's own document, opened on the first such request
    d.imager ??= await PdfPageImager.open(d.bytes, d.displayName);
    if (req.op === 'items') {
      parentPort!.postMessage({ id: req.id, items: await d.imager.items(req.page, req.options) });
    } else {
      const image = await d.imager.pageImage(req.page, req.dpi, req.onlyScans);
      // hand the pixels over without a copy, unless they are a view into a larger (pooled) buffer
      const whole = image.data.byteOffset === 0 && image.data.byteLength === image.data.buffer.byteLength;
      const data = whole ? image.data : new Uint8Array(image.data);
      parentPort!.postMessage({ id: req.id, image: { ...image, data } }, [data.buffer as ArrayBuffer]);
    }
  } catch (err) {
    parentPort!.postMessage({ id: req.id, error: failure(err) });
  }
}

// one at a time: the guard's time limit is per request
let queue = Promise.resolve();
parentPort!.on('message', (req: PdfRequest) => {
  queue = queue.then(() => answer(req));
});
