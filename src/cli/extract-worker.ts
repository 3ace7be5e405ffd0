/** A batch worker thread: extracts one file per message and posts the serialized record back. */
import { parentPort } from 'node:worker_threads';
import { runJob } from './run-job.js';
import type { Job } from './pool.js';

parentPort?.on('message', (job: Job) => {
  void runJob(job).then((result) => parentPort?.postMessage(result));
});
