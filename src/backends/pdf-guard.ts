/**
 * pdf.js on a worker thread with a time limit per page. pdf.js runs in the thread that calls it,
 * and some content keeps it busy without ever yielding to a timer (100,000 nested `q` operators:
 * its graphics states chain by prototype, so every lookup walks the whole chain). A page over its
 * budget is abandoned by terminating the worker; a fresh one is opened for the pages after it.
 * Budgets: opening the document (starting the worker, loading pdf.js, the xref), the page budget;
 * reading a page's text layer, a quarter of it (a normal page takes milliseconds); rendering a
 * page, the page budget.
 */
import type { Worker } from 'node:worker_threads';
import type { OcrImage } from '../ocr/image.js';
import { BlankPageError, PageError, PageTimeoutError } from '../ocr/pages.js';
import { ImageDecodeError } from '../ocr/types.js';
import { InputError } from '../util/errors.js';
import { startWorker } from '../util/worker.js';
import type { PdfRequestBody, WorkerFailure } from './pdf-worker.js';
import { checkPdfEnvelope } from './pdf-text.js';
import type { ItemOptions, PdfItemPage } from './pdf-items.js';

/** Heap of the page worker: pdf.js objects of one page; pixel buffers live outside the heap. */
const PDF_WORKER_HEAP_MB = 1024;

type Reply = { id: number; error?: WorkerFailure; pageCount?: number; text?: string; items?: PdfItemPage; image?: OcrImage & { source: 'embedded' | 'rendered' } };

/** The budget for reading one page's text layer, from the page budget. */
export function textBudgetMs(pageTimeoutMs: number): number {
  return Math.max(1000, Math.round(pageTimeoutMs / 4));
}

/**
 * Idle page workers, kept for the next document: starting one and loading pdf.js in it costs ~0.4 s
 * of CPU, which a batch of small PDFs would otherwise pay per file. Unreferenced while idle, so they
 * never keep the process alive.
 */
const idle: Worker[] = [];
let nextDoc = 1;

function spawnWorker(): Worker {
  const w = startWorker('./pdf-worker.js', import.meta.url, {
    resourceLimits: { maxOldGenerationSizeMb: PDF_WORKER_HEAP_MB },
    // pdf.js prints nothing at verbosity 0; what a dependency prints is not the user's business
    stderr: true,
    stdout: true,
  });
  w.on('error', () => undefined);
  w.once('exit', () => {
    const i = idle.indexOf(w);
    if (i >= 0) idle.splice(i, 1);
  });
  return w;
}

/**
 * Starts a page worker ahead of need (an idle one, unreferenced), so that loading pdf.js in it overlaps
 * whatever the caller loads meanwhile; the first GuardedPdf takes it.
 */
export function prewarmPdfWorker(): void {
  if (idle.length > 0) return;
  const w = spawnWorker();
  w.unref();
  idle.push(w);
}

function acquire(): Worker {
  const w = idle.pop() ?? spawnWorker();
  w.ref();
  return w;
}

function release(w: Worker): void {
  w.unref();
  idle.push(w);
}

export class GuardedPdf {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly doc = nextDoc++;
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly displayName: string,
    readonly pageTimeoutMs: number,
    public pageCount = 0,
  ) {}

  /** Opens the PDF (checks it and reads its page count) within the page budget (it includes starting a worker). */
  static async open(bytes: Uint8Array, displayName: string, pageTimeoutMs: number): Promise<GuardedPdf> {
    // not a PDF, or cut short: said at once, without a worker
    checkPdfEnvelope(bytes, displayName);
    const pdf = new GuardedPdf(bytes, displayName, pageTimeoutMs);
    try {
      pdf.pageCount = (await pdf.openHere()).pageCount!;
    } catch (err) {
      await pdf.close();
      throw err;
    }
    return pdf;
  }

  private openHere(): Promise<Reply> {
    const budget = this.pageTimeoutMs;
    return this.call({ op: 'open', bytes: this.bytes, displayName: this.displayName }, budget, () => new InputError(this.displayName, `the PDF took longer than ${budget / 1000} s to open`));
  }

  /** The text layer of page n; PageTimeoutError when reading it takes longer than the text budget. */
  async text(n: number): Promise<string> {
    const budget = textBudgetMs(this.pageTimeoutMs);
    const reply = await this.call({ op: 'text', page: n }, budget, () => new PageTimeoutError(`page ${n}: reading its text layer took longer than ${budget / 1000} s`));
    return reply.text ?? '';
  }

  /** The text items of page n (pdf-items.ts) within the text budget; with rules (the operator list), within half the page budget. */
  async items(n: number, options: ItemOptions): Promise<PdfItemPage> {
    const budget = options.rules || options.fontNames ? Math.max(textBudgetMs(this.pageTimeoutMs), Math.round(this.pageTimeoutMs / 2)) : textBudgetMs(this.pageTimeoutMs);
    const reply = await this.call({ op: 'items', page: n, options }, budget, () => new PageTimeoutError(`page ${n}: reading its text items took longer than ${budget / 1000} s`));
    return reply.items!;
  }

  /** The image to OCR for page n (PdfPageImager.pageImage), within the page budget. */
  async pageImage(n: number, dpi: number | undefined, onlyScans: boolean): Promise<OcrImage & { source: 'embedded' | 'rendered' }> {
    const budget = this.pageTimeoutMs;
    const reply = await this.call({ op: 'image', page: n, dpi, onlyScans }, budget, () => new PageTimeoutError(`page ${n}: rendering took longer than ${budget / 1000} s`));
    return reply.image!;
  }

  /** One request; on timeout the worker is terminated (the next request starts a fresh one, re-opened). */
  private async call(body: PdfRequestBody, budgetMs: number, onTimeout: () => Error): Promise<Reply> {
    if (!this.worker) {
      this.worker = acquire();
      // a fresh worker for the pages after a timed-out one: open the document there first (outside this page's budget)
      if (body.op !== 'open' && this.pageCount > 0) await this.openHere();
    }
    const worker = this.worker;
    const id = this.nextId++;
    const reply = await new Promise<Reply | Error>((resolve) => {
      const done = (r: Reply | Error) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(r);
      };
      const onMessage = (r: Reply) => {
        if (r.id === id) done(r);
      };
      const onError = (err: Error & { code?: string }) =>
        done(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new PageError(`${describe(body)} ran out of memory (${PDF_WORKER_HEAP_MB} MB)`) : new PageError(`${describe(body)} failed (${err.message})`));
      const onExit = (code: number) => done(new PageError(`${describe(body)} failed (pdf.js worker exit ${code})`));
      const timer = setTimeout(() => done(onTimeout()), budgetMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ ...body, id, doc: this.doc });
    });
    if (reply instanceof Error) {
      // timed out, crashed or out of memory: this worker is done; a page failure costs that page only
      this.worker = null;
      await worker.terminate().catch(() => undefined);
      if (body.op === 'open' && !(reply instanceof InputError)) throw new InputError(this.displayName, reply.message.replace(/^open /, 'opening the PDF '));
      throw reply;
    }
    if (reply.error) throw this.rebuild(reply.error);
    return reply;
  }

  private rebuild(f: WorkerFailure): Error {
    switch (f.kind) {
      case 'input':
        return new InputError(this.displayName, f.message);
      case 'blank':
        return new BlankPageError(f.message);
      case 'page':
        return new PageError(f.message);
      case 'decode':
        return new ImageDecodeError(f.message);
      default:
        return new Error(f.message);
    }
  }

  /** Releases the document; its worker goes back to the idle ones. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (!w) return;
    try {
      await this.closeOn(w);
      release(w);
    } catch {
      await w.terminate().catch(() => undefined);
    }
  }

  private closeOn(w: Worker): Promise<void> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const timer = setTimeout(() => reject(new Error('close timed out')), 5000);
      const onMessage = (r: Reply) => {
        if (r.id !== id) return;
        clearTimeout(timer);
        w.off('message', onMessage);
        resolve();
      };
      w.on('message', onMessage);
      w.postMessage({ op: 'close', id, doc: this.doc });
    });
  }
}

function describe(body: PdfRequestBody): string {
  if (body.op === 'open' || body.op === 'close') return body.op;
  return `page ${body.page}: ${body.op === 'text' ? 'reading its text layer' : body.op === 'items' ? 'reading its text items' : 'rendering'}`;
}
