/** One extraction, caught: whatever goes wrong becomes a one-line reason. */
import { extractFile, loadText } from '../extract.js';
import { describeError, InputError } from '../util/errors.js';
import type { Job, JobResult } from './pool.js';

export async function runJob(job: Job): Promise<JobResult> {
  try {
    if (job.kind === 'text') {
      const doc = await loadText(job.path, { ...job.options, displayName: job.displayName });
      return { ok: true, output: doc.toText() + '\n', warnings: doc.warnings.length };
    }
    // loaded here: a text job needs neither the YAML library nor the schema
    const [record, { serializeRecord }] = await Promise.all([extractFile(job.path, { ...job.options, displayName: job.displayName }), import('../writers/serialize.js')]);
    return { ok: true, output: serializeRecord(record, job.format), warnings: record.warnings.length };
  } catch (err) {
    // a stack overflow comes from the input's shape (regular expressions on a pathological line), not from a bug to report
    const overflow = err instanceof RangeError && /call stack/i.test(err.message);
    const reason = err instanceof InputError ? err.reason : isRecordValidationError(err) ? err.message : overflow ? `input too complex to process (${err.message})` : `internal error: ${describeError(err)}`;
    return { ok: false, error: reason, stack: err instanceof Error ? err.stack : undefined };
  }
}

/** By name: importing the schema's class would load zod for text jobs too. */
function isRecordValidationError(err: unknown): err is Error {
  return err instanceof Error && err.name === 'RecordValidationError';
}
