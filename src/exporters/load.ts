/**
 * The records an exporter reads: record files (the tool's own .json/.yaml output, validated with the
 * zod schema on load) and inputs (.pdf, .txt, .md, …), converted first through the batch pool — the
 * same workers, time limit and one-line failures as the default command.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parse } from 'yaml';
import { isSupportedInput } from '../backends/formats.js';
import { validateRecord, RecordValidationError, type PlanRecord } from '../schema/record.js';
import { runPool, type Job } from '../cli/pool.js';
import type { ExtractOptions } from '../extract.js';
import { describeError } from '../util/errors.js';

export const RECORD_EXTENSIONS = ['.json', '.yaml', '.yml'];

export function isRecordFile(file: string): boolean {
  return RECORD_EXTENSIONS.includes(extname(file).toLowerCase()) && !/\.expected\.[a-z]+$/i.test(basename(file));
}

export interface LoadedRecord {
  /** The file the record came from (a record file, or the input it was converted from), as given. */
  from: string;
  record: PlanRecord;
}

export interface LoadFailure {
  file: string;
  reason: string;
}

export interface LoadResult {
  records: LoadedRecord[];
  failures: LoadFailure[];
}

export interface LoadOptions {
  jobs: number;
  timeout?: number;
  extract?: ExtractOptions;
  debug?: boolean;
  /** Called once before conversions start, with the number of inputs to convert (progress). */
  onStart?: (inputs: number) => void;
  /** Called as an input's conversion begins (progress). */
  onStarted?: (file: string) => void;
  /** Called as each input is converted (progress). */
  onConverted?: (file: string, ok: boolean, detail?: string) => void;
}

/** Record files and inputs under a folder, recursively, in name order; hidden files and expected records skipped. */
async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) await walk(full, out);
    else if (e.isFile() && (isRecordFile(full) || (isSupportedInput(full) && !/\.expected\.[a-z]+$/i.test(e.name)))) out.push(full);
  }
}

/** The files the arguments name: files as given (a missing one fails with its name), folders walked. */
export async function expandRecordArgs(args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) await walk(arg, out);
    else out.push(arg);
  }
  return out;
}

/** Reads and validates one record file; throws with a one-line reason. */
export async function readRecordFile(file: string): Promise<PlanRecord> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read: ${describeError(err)}`);
  }
  let data: unknown;
  try {
    data = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parse(text);
  } catch (err) {
    throw new Error(`not valid ${extname(file).slice(1).toUpperCase()}: ${describeError(err)}`);
  }
  try {
    return validateRecord(data);
  } catch (err) {
    if (err instanceof RecordValidationError) throw new Error(`not a plan record: ${err.message}`);
    throw err;
  }
}

/**
 * Loads the records the arguments name, in argument order (folders in name order). A file that
 * cannot be read, validated or converted becomes a failure; the others still load.
 */
export async function loadRecords(args: readonly string[], options: LoadOptions): Promise<LoadResult> {
  const files = await expandRecordArgs(args);
  const slots: (LoadedRecord | null)[] = files.map(() => null);
  const failures: LoadFailure[] = [];
  const jobs: Job[] = [];
  const slotOf = new Map<string, number>();
  for (const [i, file] of files.entries()) {
    if (isRecordFile(file)) {
      try {
        slots[i] = { from: file, record: await readRecordFile(file) };
      } catch (err) {
        failures.push({ file, reason: describeError(err) });
      }
    } else if (isSupportedInput(file)) {
      slotOf.set(file, i);
      jobs.push({ path: file, displayName: file, format: 'json', options: options.extract ?? {} });
    } else {
      failures.push({ file, reason: `neither a record (.json, .yaml) nor a supported input` });
    }
  }
  if (jobs.length > 0) {
    const perFile = Math.max(1, Math.floor(options.jobs / Math.max(1, Math.min(options.jobs, jobs.length))));
    for (const job of jobs) job.options = { ...job.options, ocrJobs: perFile };
    options.onStart?.(jobs.length);
    await runPool(
      jobs,
      options.jobs,
      async (job, result) => {
        if (result.ok) {
          // The worker validated the record before serialising it; parse it back through the schema all the same.
          slots[slotOf.get(job.path)!] = { from: job.path, record: validateRecord(JSON.parse(result.output!)) };
          options.onConverted?.(job.path, true);
        } else {
          failures.push({ file: job.path, reason: result.error ?? 'failed' });
          options.onConverted?.(job.path, false, result.error);
        }
      },
      { timeoutSeconds: options.timeout, debug: options.debug, onStart: (job) => options.onStarted?.(job.path) },
    );
  }
  // Failures in the order of the files, so messages come out the same way each run.
  const order = new Map(files.map((f, i) => [f, i]));
  failures.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  return { records: slots.filter((s): s is LoadedRecord => s !== null), failures };
}
