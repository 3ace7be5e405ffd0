/**
 * Runs extractions on worker threads (--jobs), so several files use several
 * cores. Results come back as serialized records; the main thread writes them.
 */
import { Worker } from 'node:worker_threads';
import { cpus } from 'node:os';
import type { ExtractOptions } from '../extract.js';
import type { OutputFormat } from '../writers/output-format.js';
import { describeError } from '../util/errors.js';

export interface JobResult {
  ok: boolean;
  /** The serialized record when ok. */
  output?: string;
  warnings?: number;
  /** One line naming the reason when not ok. */
  error?: string;
  stack?: string;
}

export interface Job {
  path: string;
  displayName: string;
  format: OutputFormat;
  options: ExtractOptions;
  /** record (default): the serialized record; text: the recovered text (`plan-extract text`). */
  kind?: 'record' | 'text';
  /** Post OCR page progress back to the pool (single-file runs: options cannot carry a callback across threads). */
  progress?: boolean;
}

/** What a worker posts while a job runs, besides its result. */
export interface ProgressMessage {
  progress: [done: number, total: number];
}

export function defaultJobs(): number {
  return Math.max(1, cpus().length);
}

/** Heap limit of a batch worker: a decompression bomb or runaway input kills its worker, not the batch. */
export const WORKER_HEAP_MB = 2048;

export interface PoolOptions {
  /** Per-file time limit in seconds (0: none); the worker is terminated and the file reported as timed out. */
  timeoutSeconds?: number;
  /** Pass the workers' own stderr through (library chatter such as libpng's warnings); otherwise it is dropped. */
  debug?: boolean;
  /** Called as a job is handed to a worker (progress: the file being worked on). */
  onStart?: (job: Job) => void;
  /** OCR page progress of a job that asked for it (Job.progress). */
  onProgress?: (job: Job, done: number, total: number) => void;
}

/** Every worker alive in this process, so an interrupt can stop them all (src/cli/signals.ts). */
const live = new Set<Worker>();

/**
 * Stops every worker: each first kills its tesseract processes (a terminated thread leaves them
 * running), then is terminated. For SIGINT/SIGTERM; resolves when all are gone.
 */
export async function stopAllWorkers(): Promise<void> {
  const all = [...live];
  live.clear();
  await Promise.allSettled(all.map(async (w) => {
    await stopWorker(w);
    await w.terminate();
  }));
}

function crashReason(err: Error): string {
  // Node names a worker that hit its resourceLimits this way; say it in the user's terms
  if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return `ran out of memory (the limit is ${WORKER_HEAP_MB} MB per file)`;
  return `worker crashed (${describeError(err)})`;
}

type Answer = JobResult & { crashed?: boolean; timedOut?: boolean };

/**
 * Asks a timed-out worker to kill its tesseract processes (terminate() alone leaves them running),
 * waiting at most a second: a worker stuck in a CPU loop cannot answer and is terminated anyway.
 */
function stopWorker(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', done);
      resolve();
    };
    const onMessage = (m: { stopped?: boolean }) => {
      if (m?.stopped) done();
    };
    const timer = setTimeout(done, 1000);
    worker.on('message', onMessage);
    worker.once('exit', done);
    worker.postMessage({ stop: true });
  });
}

/** Sends one job; resolves with its result, or with a failure when the worker crashes, exits or runs out of time. */
function ask(worker: Worker, job: Job, timeoutMs: number, onProgress?: PoolOptions['onProgress']): Promise<Answer> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const settle = (r: Answer) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(r);
    };
    const onMessage = (r: JobResult | ProgressMessage) => {
      if ('progress' in r) onProgress?.(job, ...r.progress);
      else settle(r);
    };
    const onError = (err: Error) => settle({ ok: false, error: crashReason(err), stack: err.stack, crashed: true });
    // a worker that ends without an error event (process.exit in a dependency) must not leave the job pending forever
    const onExit = (code: number) => settle({ ok: false, error: `worker stopped (exit code ${code})`, crashed: true });
    if (timeoutMs > 0) timer = setTimeout(() => settle({ ok: false, error: `timed out after ${timeoutMs / 1000} s`, crashed: true, timedOut: true }), timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job);
  });
}

/** Runs the jobs, `concurrency` at once; calls onResult as each finishes; resolves when all are done. */
export async function runPool(jobs: Job[], concurrency: number, onResult: (job: Job, result: JobResult) => Promise<void>, options: PoolOptions = {}): Promise<void> {
  const workerUrl = new URL('./extract-worker.js', import.meta.url);
  const timeoutMs = Math.max(0, options.timeoutSeconds ?? 0) * 1000;
  const spawn = () => {
    // stderr: true keeps what the worker and its own threads print (tesseract.js's libpng/leptonica messages
    // on a corrupt image) out of the batch's stderr, which holds one line per failed file.
    const w = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, stderr: true });
    w.stderr.on('data', (b: Buffer) => {
      if (options.debug) process.stderr.write(b);
    });
    // An idle worker's stray error (a late rejection in a dependency) would otherwise be an uncaught
    // 'error' event in the main thread and end the whole batch; ask() reports errors during a job.
    w.on('error', () => undefined);
    live.add(w);
    w.once('exit', () => {
      ended.add(w);
      live.delete(w);
    });
    return w;
  };
  // workers that ended between jobs: posting to them would wait forever
  const ended = new WeakSet<Worker>();
  let next = 0;
  const lane = async (): Promise<void> => {
    let worker: Worker | null = null;
    try {
      for (let job = jobs[next++]; job; job = jobs[next++]) {
        if (worker && ended.has(worker)) worker = null;
        worker ??= spawn();
        options.onStart?.(job);
        const result = await ask(worker, job, timeoutMs, options.onProgress);
        // A crashed or timed-out worker is replaced so the rest of the batch goes on.
        if (result.crashed) {
          if (result.timedOut) await stopWorker(worker);
          await worker.terminate();
          worker = null;
        }
        await onResult(job, result);
      }
    } finally {
      await worker?.terminate();
    }
  };
  const size = Math.max(1, Math.min(concurrency, jobs.length));
  await Promise.all(Array.from({ length: size }, lane));
}
