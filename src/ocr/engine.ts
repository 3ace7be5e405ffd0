/**
 * Picks and keeps the OCR engine. `auto` takes the native tesseract when one with the
 * language is installed, else the embedded tesseract.js. Engines are shared by every
 * extraction in the process (one scheduler, workers started once) and closed by
 * closeEngines(): at the end of the CLI, on errors, and on Ctrl-C.
 */
import { isMainThread } from 'node:worker_threads';
import { killNativeProcesses, NativeEngine, packagedTessdata, probeNative } from './native.js';
import type { EngineChoice, OcrEngine } from './types.js';

export const OCR_LANGUAGE = 'vie';

export class EngineUnavailableError extends Error {}

interface Closable extends OcrEngine {
  close(): Promise<void>;
}

const engines = new Map<string, Promise<Closable>>();
let sigintInstalled = false;

function onSigint(): void {
  killNativeProcesses(true);
  process.stderr.write('\n');
  void closeEngines().finally(() => process.exit(130));
}

function installSigint(): void {
  if (sigintInstalled || !isMainThread) return;
  sigintInstalled = true;
  process.once('SIGINT', onSigint);
}

/** Is the native engine usable for the language? */
export async function nativeAvailable(language = OCR_LANGUAGE): Promise<boolean> {
  const info = await probeNative();
  return Boolean(info?.languages.includes(language));
}

/**
 * The model the native engine runs: '' for the system's own (Debian's tesseract-ocr-vie, a
 * tessdata_fast model), else a tessdata folder. The system model is the default where installed:
 * on our 14-page scan it reads as many syllables right as the packaged 4.0.0_best_int model and
 * costs 13–23% less CPU (npm run bench:ocr, 2026-12-01); the owners measured best_int one point better on real
 * stamped pages, so PLAN_EXTRACT_TESSDATA=packaged chooses it (or =<folder>, any tessdata folder).
 * Without a system model, the packaged one (the model tesseract.js loads) is unpacked and used.
 * null: no model for the language.
 */
async function nativeModel(systemLanguages: readonly string[], language: string): Promise<string | null> {
  const wanted = process.env.PLAN_EXTRACT_TESSDATA;
  if (wanted && wanted !== 'packaged' && wanted !== 'system') return wanted;
  if (wanted !== 'packaged' && systemLanguages.includes(language)) return '';
  if (wanted === 'system') return null;
  try {
    return await packagedTessdata(language);
  } catch {
    return null;
  }
}

/** The engine for a choice and a number of pages at once; created on first use, then shared. */
export function getEngine(choice: EngineChoice, jobs: number, language = OCR_LANGUAGE): Promise<OcrEngine> {
  const key = `${choice}:${jobs}:${language}`;
  let p = engines.get(key);
  if (!p) {
    p = (async (): Promise<Closable> => {
      if (choice !== 'wasm') {
        const info = await probeNative();
        const tessdataDir = info ? await nativeModel(info.languages, language) : null;
        if (info && tessdataDir !== null) {
          installSigint();
          return new NativeEngine({ info, concurrency: jobs, language, tessdataDir: tessdataDir || undefined });
        }
        if (choice === 'native') {
          throw new EngineUnavailableError(info ? `the installed tesseract ${info.version} has no "${language}" model (install tesseract-ocr-${language})` : 'no tesseract binary on PATH');
        }
      }
      // tesseract.js is loaded only when it is the engine
      const { WasmEngine } = await import('./wasm.js');
      const engine = new WasmEngine({ workers: jobs, language });
      installSigint();
      await engine.start();
      return engine;
    })();
    engines.set(key, p);
    p.catch(() => engines.delete(key));
  }
  return p;
}

/** Terminates every engine's workers and processes. Safe to call more than once. */
export async function closeEngines(): Promise<void> {
  killNativeProcesses();
  const all = [...engines.values()];
  engines.clear();
  await Promise.allSettled(all.map(async (p) => (await p).close()));
  if (sigintInstalled) {
    process.removeListener('SIGINT', onSigint);
    sigintInstalled = false;
  }
}
