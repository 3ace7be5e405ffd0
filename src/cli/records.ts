/** Loading records for the monitoring commands (export, agenda, report): progress, one line per failure. */
import { loadRecords, type LoadedRecord } from '../exporters/load.js';
import type { ExtractOptions } from '../extract.js';
import { createProgress } from './progress.js';
import { UsageError } from './convert.js';

export interface RecordCommandOptions {
  jobs: number;
  timeout?: number;
  quiet: boolean;
  debug: boolean;
  extract: ExtractOptions;
}

/**
 * The records the arguments name. Each file that fails gets one line on stderr
 * (`plan-extract: <file>: <reason>`); `failed` says whether any did (exit code 1).
 */
export async function loadForCommand(args: string[], options: RecordCommandOptions): Promise<{ records: LoadedRecord[]; failed: boolean }> {
  let progress: ReturnType<typeof createProgress> | null = null;
  const started = performance.now();
  let converted = 0;
  const result = await loadRecords(args, {
    jobs: options.jobs,
    timeout: options.timeout,
    extract: options.extract,
    debug: options.debug,
    // Only conversions show progress: reading a record file is instant.
    onStart: (inputs) => {
      progress = createProgress(inputs, { quiet: options.quiet });
    },
    onStarted: (file) => progress?.start(file),
    onConverted: (file, ok, detail) => {
      // A failure is reported once, below, in the form every command uses.
      if (!ok) return progress?.skip(file);
      converted++;
      progress?.done(file, true, detail);
    },
  });
  if (progress) (progress as ReturnType<typeof createProgress>).finish({ converted, failed: result.failures.length, seconds: (performance.now() - started) / 1000 });
  for (const f of result.failures) process.stderr.write(`plan-extract: ${f.file}: ${f.reason}\n`);
  if (result.records.length === 0 && result.failures.length === 0) throw new UsageError(`no records or inputs in ${args.join(', ')}`);
  return { records: result.records, failed: result.failures.length > 0 };
}

/** A day given on the command line: 2024-06-30, 30/06/2024, 2024-06 or 2024 (a month or year: its first or last day). */
export function parseDay(value: string, end: boolean): Date {
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim());
  let y: number, mo: number | undefined, d: number | undefined;
  if (m) [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined];
  else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim()))) [y, mo, d] = [Number(m[3]), Number(m[2]), Number(m[1])];
  else throw new UsageError(`"${value}" is not a date (expected 2024-06-30, 30/06/2024, 2024-06 or 2024)`);
  if (mo !== undefined && (mo < 1 || mo > 12)) throw new UsageError(`"${value}" is not a date (month ${mo})`);
  const month = mo ?? (end ? 12 : 1);
  const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
  if (d !== undefined && (d < 1 || d > last)) throw new UsageError(`"${value}" is not a date (day ${d})`);
  return new Date(Date.UTC(y, month - 1, d ?? (end ? last : 1)));
}
