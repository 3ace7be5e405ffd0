/**
 * SIGINT and SIGTERM, from a terminal or from `kill`: every worker thread stops (each kills its
 * tesseract processes first), temp files of writes in progress are removed, and the process exits
 * 130 (SIGINT) or 143 (SIGTERM), the shell's 128 + signal number. Records already written stay:
 * they were renamed into place whole; no partial record is ever visible (writers/atomic.ts).
 */
import { stopAllWorkers } from './pool.js';
import { removePendingTempFiles } from '../writers/atomic.js';
import { closeEngines } from '../ocr/engine.js';
import { killNativeProcesses } from '../ocr/native.js';

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
let installed = false;

async function interrupt(signal: keyof typeof EXIT_CODES): Promise<void> {
  process.stderr.write(`${signal === 'SIGINT' ? '\n' : ''}plan-extract: interrupted (${signal}); stopping\n`);
  // a second signal while cleaning up: leave now (temp files are still removed synchronously)
  for (const s of Object.keys(EXIT_CODES)) {
    process.removeAllListeners(s);
    process.once(s, () => {
      removePendingTempFiles();
      process.exit(EXIT_CODES[signal]);
    });
  }
  killNativeProcesses(true);
  // a worker stuck in a CPU loop cannot answer its stop message: stopAllWorkers waits a second for each
  await Promise.race([Promise.allSettled([stopAllWorkers(), closeEngines()]), new Promise((r) => setTimeout(r, 5000).unref())]);
  removePendingTempFiles();
  process.exit(EXIT_CODES[signal]);
}

/** Installs the handlers once (the CLI's main thread). */
export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of Object.keys(EXIT_CODES) as (keyof typeof EXIT_CODES)[]) process.once(signal, () => void interrupt(signal));
}
