/**
 * The thread tesseract.js runs recognition in: tesseract.js's own Node worker script with the
 * core chosen right. That script's getCore(oem) is handed the worker's `lstmOnly` flag instead
 * of an OEM, never matches, and so always loads the build with the legacy engine (a fifth more
 * wasm to compile per worker, a larger heap) although we only run the LSTM engine. Everything
 * else (message handlers, gunzip, the cache adapter) is tesseract.js's.
 */
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import { TESSERACT_PARAMETERS } from './types.js';
import { wasmCoreModule } from './models.js';

interface WorkerScript {
  dispatchHandlers(packet: unknown, send: (message: unknown) => void): void;
  setAdapter(adapter: Record<string, unknown>): void;
}
type Progress = { progress(p: { status: string; progress: number }): void };

const fromTesseract = createRequire(createRequire(import.meta.url).resolve('tesseract.js'));
const script = fromTesseract('./worker-script/index.js') as WorkerScript;
const { simd, relaxedSimd } = fromTesseract('wasm-feature-detect') as { simd(): Promise<boolean>; relaxedSimd(): Promise<boolean> };

let core: unknown = null;

/**
 * The LSTM-only core does not know the legacy engine's parameters the model's config file sets
 * (language_model_ngram_on, classify_misfit_junk_penalty …) and says so on every model load
 * (through console.error, which the core binds when it loads). Those lines only: a parameter we
 * set ourselves still gets its warning.
 */
const printError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  const unknown = typeof args[0] === 'string' ? /^Warning: Parameter not found: (\w+)/.exec(args[0]) : null;
  if (unknown && !(unknown[1]! in TESSERACT_PARAMETERS) && !/^(tessedit_pageseg_mode|user_defined_dpi)$/.test(unknown[1]!)) return;
  printError(...args);
};

/** The LSTM-only core, with the widest SIMD this V8 runs; the legacy-engine core only when asked for. */
async function getCore(lstmOnly: boolean, _corePath: unknown, res: Progress): Promise<unknown> {
  if (core === null) {
    res.progress({ status: 'loading tesseract core', progress: 0 });
    core = fromTesseract(wasmCoreModule({ lstmOnly, simd: await simd(), relaxedSimd: await relaxedSimd() }));
    res.progress({ status: 'loading tesseract core', progress: 1 });
  }
  return core;
}

parentPort?.on('message', (packet: unknown) => script.dispatchHandlers(packet, (message) => parentPort?.postMessage(message)));
script.setAdapter({
  getCore,
  gunzip: fromTesseract('./worker-script/node/gunzip.js'),
  fetch: globalThis.fetch,
  ...(fromTesseract('./worker-script/node/cache.js') as Record<string, unknown>),
});
