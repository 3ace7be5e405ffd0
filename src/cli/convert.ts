/** The default command: convert inputs to records, on stdout or into files. */
import { existsSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { expandInputs, type InputItem } from './inputs.js';
import { createProgress } from './progress.js';
import { runPool, type Job, type JobResult } from './pool.js';
import { extensionFor, type OutputFormat } from '../writers/output-format.js';
import { writeFileAtomic } from '../writers/atomic.js';
import type { ExtractOptions } from '../extract.js';
import { createPageProgress } from '../ocr/progress.js';

export class UsageError extends Error {}

export interface ConvertOptions {
  format: OutputFormat;
  out?: string;
  jobs: number;
  quiet: boolean;
  debug: boolean;
  /** Per-file time limit, seconds (0: none). */
  timeout?: number;
  extract: ExtractOptions;
}

function outputName(item: InputItem, format: OutputFormat): string {
  const rel = item.relative;
  return rel.slice(0, rel.length - extname(rel).length) + extensionFor(format);
}

/**
 * One input whose output goes to stdout, on a worker thread exactly like a batch file: the same heap
 * limit and --timeout, so a hostile file ends with one line instead of hanging or exhausting memory.
 * Returns the exit code.
 */
export async function runSingle(job: Job, options: { quiet: boolean; debug: boolean; timeout?: number }): Promise<number> {
  const pages = createPageProgress(job.path, { quiet: options.quiet });
  let result: JobResult = { ok: false, error: 'no result' };
  try {
    await runPool([{ ...job, progress: true }], 1, async (_, r) => void (result = r), {
      timeoutSeconds: options.timeout,
      debug: options.debug,
      onProgress: (_, done, total) => pages.page(done, total),
    });
  } finally {
    pages.finish();
  }
  if (!result.ok) {
    process.stderr.write(`plan-extract: ${job.path}: ${result.error}\n`);
    if (options.debug && result.stack) process.stderr.write(result.stack + '\n');
    return 1;
  }
  process.stdout.write(result.output!);
  return 0;
}

/** Returns the exit code: 0 all converted, 1 some failed. */
export async function convert(args: string[], options: ConvertOptions): Promise<number> {
  const { items, sawFolder } = await expandInputs(args);
  if (items.length === 0) throw new UsageError('no inputs to convert (.pdf, .txt, .md) in ' + args.join(', '));
  const many = items.length > 1 || sawFolder;
  if (many && !options.out) throw new UsageError('several inputs or a folder need -o <dir> for the records');

  // One input, no -o: the record goes to stdout.
  if (!many && !options.out) {
    const item = items[0]!;
    const job: Job = { path: item.path, displayName: item.path, format: options.format, options: { ...options.extract, ocrJobs: options.jobs } };
    return runSingle(job, options);
  }

  const out = options.out!;
  const outIsDir = existsSync(out) && statSync(out).isDirectory();
  const outIsFile = !many && /\.(ya?ml|json)$/i.test(out) && !outIsDir;
  if (!outIsFile && existsSync(out) && !outIsDir) throw new UsageError(`-o ${out} is an existing file: give a .yaml or .json file name, or a folder`);
  const inputs = new Set(items.map((i) => resolve(i.path)));
  const targets = new Map<string, string>();
  const jobs: Job[] = [];
  const progress = createProgress(items.length, { quiet: options.quiet });
  const started = performance.now();
  let converted = 0;
  let failed = 0;
  for (const item of items) {
    const target = outIsFile ? out : join(out, outputName(item, options.format));
    const clash = inputs.has(resolve(target)) ? 'the output would overwrite an input' : targets.has(resolve(target)) ? `same output name as ${targets.get(resolve(target))}` : null;
    if (clash) {
      failed++;
      progress.done(item.path, false, clash);
      continue;
    }
    targets.set(resolve(target), item.path);
    jobs.push({ path: item.path, displayName: item.path, format: options.format, options: options.extract, progress: true });
  }
  // Files run in parallel: the OCR of each gets its share of --jobs (worker threads clone options: no callbacks).
  const perFile = Math.max(1, Math.floor(options.jobs / Math.max(1, Math.min(options.jobs, jobs.length))));
  for (const job of jobs) job.options = { ...job.options, ocrJobs: perFile };
  const targetOf = new Map([...targets].map(([t, p]) => [p, t]));
  const onResult = async (job: Job, result: JobResult) => {
    if (result.ok) {
      try {
        await writeFileAtomic(targetOf.get(job.path)!, result.output!);
        converted++;
        progress.done(job.path, true, result.warnings ? `(${result.warnings} warnings)` : undefined);
        return;
      } catch (err) {
        result = { ok: false, error: `cannot write ${targetOf.get(job.path)}: ${(err as Error).message}` };
      }
    }
    failed++;
    progress.done(job.path, false, result.error);
    if (options.debug && result.stack) process.stderr.write(result.stack + '\n');
  };
  // Batches always run on worker threads, even --jobs 1: a file that hangs (--timeout) or exhausts
  // memory takes its worker down, not the batch.
  await runPool(jobs, options.jobs, onResult, {
    timeoutSeconds: options.timeout,
    debug: options.debug,
    onStart: (job) => progress.start(job.path),
    onProgress: (job, done, total) => progress.pages(job.path, done, total),
  });
  progress.finish({ converted, failed, seconds: (performance.now() - started) / 1000 });
  return failed > 0 ? 1 : 0;
}
