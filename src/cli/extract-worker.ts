/** A batch worker thread: extracts one file per message and posts the serialized record back. */
import { parentPort } from 'node:worker_threads';
import type { Job } from './pool.js';
import { killNativeProcesses } from '../ocr/native.js';
import { prewarmPdfWorker } from '../backends/pdf-guard.js';

parentPort?.on('message', (message: Job | { stop: true }) => {
  if ('stop' in message) {
    // The pool is about to terminate this worker (time limit): terminating a thread does not end the
    // tesseract processes it started, so end them first.
    killNativeProcesses(true);
    parentPort?.postMessage({ stopped: true });
    return;
  }
  const job: Job = message.progress ? { ...message, options: { ...message.options, onOcrPage: (done, total) => parentPort?.postMessage({ progress: [done, total] }) } } : message;
  // a PDF's page worker starts loading pdf.js while this thread loads the extraction code
  if (/\.pdf$/i.test(job.path) && job.options?.ocr !== 'never') prewarmPdfWorker();
  void import('./run-job.js').then(({ runJob }) => runJob(job)).then((result) => parentPort?.postMessage(result));
});
