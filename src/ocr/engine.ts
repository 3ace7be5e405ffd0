/**
 * Picks and keeps the OCR engine. `auto` takes the native tesseract when one with the
 * language is installed, else the embedded tesseract.js. Engines are shared by every
 * extraction in the process (one scheduler, workers started once) and closed by
 * closeEngines(): at the end of the CLI, on errors, and on Ctrl-C.
 */
import { isMainThread } from 'node:worker_threads';
import { killNativeProcesses, NativeEngine, probeNative } from './native.js';
import type { EngineChoice, OcrEngine } from './types.js';
import { WasmEngine } from './wasm.js';

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

/** The engine for a choice and a number of pages at once; created on first use, then shared. */
export function getEngine(choice: EngineChoice, jobs: number, language = OCR_LANGUAGE): Promise<OcrEngine> {
  const key = `${choice}:${jobs}:${language}`;
  let p = engines.get(key);
  if (!p) {
    p = (async (): Promise<Closable> => {
      if (choice !== 'wasm') {
        const info = await probeNative();
        if (info?.languages.includes(language)) {
          installSigint();
          return new NativeEngine({ info, concurrency: jobs, language });
        }
        if (choice === 'native') {
          throw new EngineUnavailableError(info ? `the installed tesseract ${info.version} has no "${language}" model (install tesseract-ocr-${language})` : 'no tesseract binary on PATH');
        }
      }
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
