/**
 * The library entry point: one input file in, one validated record out.
 * The CLI, the batch workers and the tests all go through here.
 */
import { loadDocument } from './backends/index.js';
import type { PlanDocument } from './model/document.js';
import type { PlanRecord } from './schema/record.js';
import { defaultOcrJobs } from './ocr/jobs.js';
import { DEFAULT_PAGE_TIMEOUT_S, type EngineChoice, type OcrMode } from './ocr/types.js';

export { DEFAULT_PAGE_TIMEOUT_S } from './ocr/types.js';

export interface ExtractOptions {
  /** Name recorded in source.file and used in messages; defaults to the path. */
  displayName?: string;
  /** Repair damaged text: auto (when the damage score says so), always, never. */
  repair?: 'auto' | 'always' | 'never';
  /** OCR scanned or damaged PDF pages: auto (pages without a good text layer), always, never. */
  ocr?: OcrMode;
  /** OCR engine: auto (native tesseract when installed, else tesseract.js), wasm, native. */
  engine?: EngineChoice;
  /** Pages OCR'd at once (default: the number of cores). */
  ocrJobs?: number;
  /**
   * Time limit per page, seconds, for rendering and OCR; reading a page's text layer gets a quarter
   * of it. A page over its budget is skipped with a page-timeout warning.
   */
  pageTimeout?: number;
  /** Progress of OCR: pages done of pages to OCR (single-file runs; not passed to batch workers). */
  onOcrPage?: (done: number, total: number) => void;
}

/** Loads a file and recovers its text (decoding, OCR, repair), without extracting the record. */
export async function loadText(file: string, options: ExtractOptions = {}): Promise<PlanDocument> {
  // the repair and extraction code loads while the backend waits on its workers (pdf.js, OCR)
  const prepare = import('./pipeline/prepare.js');
  prepare.catch(() => undefined);
  const doc = await loadDocument(file, {
    displayName: options.displayName,
    ocr: { mode: options.ocr ?? 'auto', engine: options.engine ?? 'auto', jobs: options.ocrJobs ?? defaultOcrJobs(), onPage: options.onOcrPage, pageTimeoutMs: (options.pageTimeout ?? DEFAULT_PAGE_TIMEOUT_S) * 1000 },
  });
  (await prepare).prepareText(doc, { repair: options.repair ?? 'auto' });
  return doc;
}

export async function extractFile(file: string, options: ExtractOptions = {}): Promise<PlanRecord> {
  const pipeline = import('./pipeline/index.js');
  pipeline.catch(() => undefined);
  const doc = await loadText(file, options);
  return (await pipeline).runPipeline(doc);
}
