/**
 * Starts a worker thread from a module beside the caller. Built code runs the compiled .js; the
 * sources run under tests (vitest, tsx), where the worker gets the .ts through tsx's loader.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startWorker(relative: string, base: string, options: WorkerOptions = {}): Worker {
  const js = new URL(relative, base);
  if (existsSync(fileURLToPath(js))) return new Worker(js, options);
  const ts = new URL(relative.replace(/\.js$/, '.ts'), base);
  if (!existsSync(fileURLToPath(ts))) throw new Error(`worker module ${fileURLToPath(js)} is missing (run npm run build)`);
  // sources only: tsx is a development dependency
  const tsx = dirname(createRequire(base).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsx, 'dist', 'esm', 'api', 'index.mjs')).href;
  const code = `const { tsImport } = await import(${JSON.stringify(api)}); await tsImport(${JSON.stringify(ts.href)}, ${JSON.stringify(base)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), options);
}
