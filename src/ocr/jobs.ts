import { availableParallelism, cpus } from 'node:os';

/** Pages OCR'd at once by default: one per core. */
export function defaultOcrJobs(): number {
  return Math.max(1, typeof availableParallelism === 'function' ? availableParallelism() : cpus().length);
}
