/**
 * The embedded engine: tesseract.js (tesseract compiled to WebAssembly) on worker threads,
 * behind one tesseract.js scheduler. Offline by construction: the core is required from
 * node_modules/tesseract.js-core by tesseract.js's node worker, the worker script is local
 * (tesseract.js/src/worker-script/node), and the Vietnamese model is read from
 * node_modules/@tesseract.js-data/vie with a local langPath (a path, not a URL, so
 * tesseract.js reads the file) and cacheMethod 'none' (nothing read from or written to a cache).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Tesseract from 'tesseract.js';
import { wasmLangPath } from './models.js';
import { decodeGray, encodePgm, type OcrImage } from './image.js';
import { parseTsv } from './tsv.js';
import { ImageDecodeError, TESSERACT_PARAMETERS, type OcrEngine, type OcrPage } from './types.js';
import { packageRoot } from '../util/paths.js';

export { WASM_MODEL_FOLDER, wasmLangPath } from './models.js';

type TessWorker = Tesseract.Worker & { worker?: { ref?: () => void; unref?: () => void } };

/**
 * The worker script (wasm-worker.ts, which loads the LSTM-only core): beside this module when
 * built; the sources (tests) use the built one when there is one, else tesseract.js's own.
 */
function workerScript(): string | undefined {
  const beside = fileURLToPath(new URL('./wasm-worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const built = join(packageRoot(), 'dist', 'ocr', 'wasm-worker.js');
  return existsSync(built) ? built : undefined;
}

/**
 * A JPEG (a scanned page's own image) as 8-bit gray (a PGM): decoded here by native code
 * (@napi-rs/canvas), off the engine's workers, it costs less than the wasm core's own decoder,
 * which takes about a tenth of a colour 200-dpi page's time. Only a whole JPEG (its end marker
 * in place): the native decoder fills in what a cut file lacks, where the engine's refuses it.
 * Anything else (PNG, TIFF, PGM, an image too large or that does not decode) goes as it is.
 */
async function grayForWasm(image: OcrImage): Promise<OcrImage> {
  const b = image.data;
  const whole = b[0] === 0xff && b[1] === 0xd8 && b.subarray(Math.max(0, b.length - 16)).some((x, i, tail) => x === 0xff && tail[i + 1] === 0xd9);
  if (!whole) return image;
  const pixels = await decodeGray(image).catch(() => null);
  return pixels ? { ...image, data: encodePgm(pixels.gray, pixels.width, pixels.height), width: pixels.width, height: pixels.height } : image;
}

export interface WasmEngineOptions {
  workers: number;
  language?: string;
  modelFolder?: string;
}

export class WasmEngine implements OcrEngine {
  readonly name = 'tesseract.js';
  readonly language: string;
  readonly concurrency: number;
  private readonly langPath: string;
  private readonly workers: TessWorker[] = [];
  private readonly scheduler = Tesseract.createScheduler();
  private starting: Promise<void> | null = null;
  private inflight = 0;
  private closed = false;

  constructor(options: WasmEngineOptions) {
    this.language = options.language ?? 'vie';
    this.concurrency = Math.max(1, options.workers);
    this.langPath = wasmLangPath(this.language, options.modelFolder);
  }

  private async createWorker(): Promise<TessWorker> {
    const file = join(this.langPath, `${this.language}.traineddata.gz`);
    if (!existsSync(file)) throw new Error(`OCR model missing: ${file} (reinstall @tesseract.js-data/${this.language})`);
    // tesseract.js swallows a failed language load (the promise never settles); its errorHandler hears it.
    let fail: (reason: unknown) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => {
      fail = reject;
    });
    const script = workerScript();
    const created = Tesseract.createWorker(this.language, Tesseract.OEM.LSTM_ONLY, {
      ...(script ? { workerPath: script } : {}),
      langPath: this.langPath,
      gzip: true,
      cacheMethod: 'none',
      workerBlobURL: false,
      errorHandler: (err: unknown) => fail(new Error(`tesseract.js: ${String(err)}`)),
    });
    failed.catch(() => undefined);
    const worker = (await Promise.race([created, failed])) as TessWorker;
    return worker;
  }

  /** Starts the workers (all at once: each loads the core and the model). */
  start(): Promise<void> {
    this.starting ??= (async () => {
      const results = await Promise.allSettled(Array.from({ length: this.concurrency }, () => this.createWorker()));
      for (const r of results) if (r.status === 'fulfilled') this.workers.push(r.value);
      const failure = results.find((r) => r.status === 'rejected');
      if (this.closed || failure) {
        await this.close();
        if (failure) throw (failure as PromiseRejectedResult).reason;
        throw new Error('OCR engine closed');
      }
      for (const w of this.workers) this.scheduler.addWorker(w);
      this.setRef(false);
    })();
    return this.starting;
  }

  /** Idle workers must not keep the process alive; busy ones must. */
  private setRef(on: boolean): void {
    for (const w of this.workers) {
      if (on) w.worker?.ref?.();
      else w.worker?.unref?.();
    }
  }

  /** A whole JPEG as gray pixels (grayForWasm); the ruling-line search then reads them without decoding again. */
  prepare(image: OcrImage): Promise<OcrImage> {
    return grayForWasm(image);
  }

  async recognize(image: OcrImage): Promise<OcrPage> {
    await this.start();
    if (this.closed) throw new Error('OCR engine closed');
    if (this.inflight++ === 0) this.setRef(true);
    try {
      // fully automatic page segmentation, as the tesseract command line does (the library's default is a single block)
      const options: Record<string, string> = { ...TESSERACT_PARAMETERS, tessedit_pageseg_mode: Tesseract.PSM.AUTO };
      if (image.dpi) options.user_defined_dpi = String(Math.round(image.dpi));
      const result = await this.scheduler.addJob('recognize', Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), options as never, {
        text: false,
        tsv: true,
      });
      return parseTsv(result.data.tsv ?? '');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (/read image/i.test(message)) throw new ImageDecodeError('the image cannot be decoded (corrupt or unsupported)');
      throw err instanceof Error ? err : new Error(`tesseract.js: ${message}`);
    } finally {
      if (--this.inflight === 0 && !this.closed) this.setRef(false);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0);
    await Promise.allSettled(workers.map((w) => w.terminate()));
  }
}
