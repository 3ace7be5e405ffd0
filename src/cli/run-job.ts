/** One extraction, caught: whatever goes wrong becomes a one-line reason. */
import { extractFile, loadText } from '../extract.js';
import { describeError, InputError } from '../util/errors.js';
import { RecordValidationError } from '../schema/record.js';
import { serializeRecord } from '../writers/serialize.js';
import type { Job, JobResult } from './pool.js';

export async function runJob(job: Job): Promise<JobResult> {
  try {
    if (job.kind === 'text') {
      const doc = await loadText(job.path, { ...job.options, displayName: job.displayName });
      return { ok: true, output: doc.toText() + '\n', warnings: doc.warnings.length };
    }
    const record = await extractFile(job.path, { ...job.options, displayName: job.displayName });
    return { ok: true, output: serializeRecord(record, job.format), warnings: record.warnings.length };
  } catch (err) {
    // a stack overflow comes from the input's shape (regular expressions on a pathological line), not from a bug to report
    const overflow = err instanceof RangeError && /call stack/i.test(err.message);
    const reason = err instanceof InputError ? err.reason : err instanceof RecordValidationError ? err.message : overflow ? `input too complex to process (${err.message})` : `internal error: ${describeError(err)}`;
    return { ok: false, error: reason, stack: err instanceof Error ? err.stack : undefined };
  }
}
