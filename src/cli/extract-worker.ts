/** A batch worker thread: extracts one file per message and posts the serialized record back. */
import { parentPort } from 'node:worker_threads';
import { runJob } from './run-job.js';
import type { Job } from './pool.js';
import { killNativeProcesses } from '../ocr/native.js';

parentPort?.on('message', (message: Job | { stop: true }) => {
  if ('stop' in message) {
    // The pool is about to terminate this worker (time limit): terminating a thread does not end the
    // tesseract processes it started, so end them first.
    killNativeProcesses(true);
    parentPort?.postMessage({ stopped: true });
    return;
  }
  const job: Job = message.progress ? { ...message, options: { ...message.options, onOcrPage: (done, total) => parentPort?.postMessage({ progress: [done, total] }) } } : message;
  void runJob(job).then((result) => parentPort?.postMessage(result));
});
