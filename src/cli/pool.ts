/**
 * Runs extractions on worker threads (--jobs), so several files use several
 * cores. Results come back as serialized records; the main thread writes them.
 */
import { Worker } from 'node:worker_threads';
import { cpus } from 'node:os';
import type { ExtractOptions } from '../extract.js';
import type { OutputFormat } from '../writers/serialize.js';

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
}

export function defaultJobs(): number {
  return Math.max(1, cpus().length);
}

function ask(worker: Worker, job: Job): Promise<JobResult & { crashed?: boolean }> {
  return new Promise((resolve) => {
    const onMessage = (r: JobResult) => {
      worker.off('error', onError);
      resolve(r);
    };
    const onError = (err: Error) => {
      worker.off('message', onMessage);
      resolve({ ok: false, error: `worker crashed (${err.message})`, stack: err.stack, crashed: true });
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(job);
  });
}

/** Runs the jobs, `concurrency` at once; calls onResult as each finishes; resolves when all are done. */
export async function runPool(jobs: Job[], concurrency: number, onResult: (job: Job, result: JobResult) => Promise<void>): Promise<void> {
  const workerUrl = new URL('./extract-worker.js', import.meta.url);
  let next = 0;
  const lane = async (): Promise<void> => {
    let worker: Worker | null = null;
    try {
      for (let job = jobs[next++]; job; job = jobs[next++]) {
        worker ??= new Worker(workerUrl);
        const result = await ask(worker, job);
        // A crashed worker is replaced so the rest of the batch goes on.
        if (result.crashed) {
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
