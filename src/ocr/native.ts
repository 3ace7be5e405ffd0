/**
 * The native engine: a `tesseract` binary on PATH (or $PLAN_EXTRACT_TESSERACT), one process per
 * page, OMP_THREAD_LIMIT=1 (tesseract's OpenMP threads only fight each other when pages run in
 * parallel), `concurrency` pages at once, image on stdin, TSV on stdout.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { wasmLangPath } from './models.js';
import { PageTimeoutError } from './pages.js';
import type { OcrImage } from './image.js';
import { parseTsv } from './tsv.js';
import { ImageDecodeError, TESSERACT_PARAMETERS, type OcrEngine, type OcrPage } from './types.js';

export interface NativeInfo {
  binary: string;
  /** "5.3.0" */
  version: string;
  languages: string[];
}

function run(binary: string, args: string[], timeoutMs = 10_000): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { timeout: timeoutMs, encoding: 'utf8' }, (err, stdout, stderr) => (err ? reject(err) : resolve({ stdout, stderr })));
  });
}

export function nativeBinary(): string {
  return process.env.PLAN_EXTRACT_TESSERACT || 'tesseract';
}

const probes = new Map<string, Promise<NativeInfo | null>>();

/** The installed tesseract and its languages, or null when there is none (cached per binary and tessdata dir). */
export function probeNative(binary = nativeBinary(), tessdataDir?: string): Promise<NativeInfo | null> {
  const key = `${binary}\0${tessdataDir ?? ''}`;
  let p = probes.get(key);
  if (!p) {
    p = (async () => {
      try {
        const v = await run(binary, ['--version']);
        const m = /tesseract\s+v?(\d+[.\w-]*)/i.exec(v.stdout + v.stderr);
        if (!m) return null;
        const l = await run(binary, [...(tessdataDir ? ['--tessdata-dir', tessdataDir] : []), '--list-langs']);
        const languages = (l.stdout + l.stderr)
          .split('\n')
          .slice(1)
          .map((s) => s.trim())
          .filter((s) => /^[\w.+-]+$/.test(s));
        return { binary, version: m[1]!, languages };
      } catch {
        return null;
      }
    })();
    probes.set(key, p);
  }
  return p;
}

/**
 * A tessdata folder holding the model the package ships (@tesseract.js-data, the one tesseract.js
 * loads), unpacked once into the user's cache (~/.cache/plan-extract, else the temp folder) under
 * its content hash, so a changed model never reuses a stale copy. Written under a temporary name
 * and renamed: two runs unpacking at once both end with a whole file.
 */
export async function packagedTessdata(language = 'vie'): Promise<string> {
  const gz = readFileSync(join(wasmLangPath(language), `${language}.traineddata.gz`));
  const hash = createHash('sha256').update(gz).digest('hex').slice(0, 16);
  const bases = [process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), tmpdir()];
  let lastError: unknown = null;
  for (const base of bases) {
    const dir = join(base, 'plan-extract', `tessdata-${hash}`);
    const file = join(dir, `${language}.traineddata`);
    if (existsSync(file)) return dir;
    try {
      mkdirSync(dir, { recursive: true });
      const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temp, gunzipSync(gz));
      renameSync(temp, file);
      return dir;
    } catch (err) {
      lastError = err;
    }
  }
  throw new Error(`cannot unpack the packaged ${language} model (${lastError instanceof Error ? lastError.message : String(lastError)})`);
}

/**
 * TSV output by parameters rather than by the `tsv` config file: that file lives in the system
 * tessdata folder, which a --tessdata-dir pointing at the packaged model does not have.
 */
export const TSV_OUTPUT = ['-c', 'tessedit_create_tsv=1', '-c', 'tessedit_create_txt=0'];

/** TESSERACT_PARAMETERS as command-line arguments. */
export const PARAMETER_ARGS: readonly string[] = Object.entries(TESSERACT_PARAMETERS).flatMap(([k, v]) => ['-c', `${k}=${v}`]);

export interface NativeEngineOptions {
  info: NativeInfo;
  concurrency: number;
  language?: string;
  tessdataDir?: string;
  /** Per-page time limit (ms). */
  timeoutMs?: number;
}

const children = new Set<ChildProcess>();
let stopped = false;
let exitHook = false;

/** Kills every running tesseract process (errors, the end of a run); `final` (Ctrl-C) also forbids new ones. */
export function killNativeProcesses(final = false): void {
  if (final) stopped = true;
  for (const c of children) c.kill('SIGKILL');
  children.clear();
}

export class NativeEngine implements OcrEngine {
  readonly name: string;
  readonly language: string;
  readonly concurrency: number;
  private readonly options: NativeEngineOptions;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  constructor(options: NativeEngineOptions) {
    this.options = options;
    this.language = options.language ?? 'vie';
    this.concurrency = Math.max(1, options.concurrency);
    this.name = `tesseract ${options.info.version}`;
  }

  private async slot(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  async recognize(image: OcrImage, options: { timeoutMs?: number } = {}): Promise<OcrPage> {
    await this.slot();
    try {
      if (this.closed) throw new Error('OCR engine closed');
      const tsv = await this.exec(image, options.timeoutMs);
      return parseTsv(tsv);
    } finally {
      this.release();
    }
  }

  private exec(image: OcrImage, pageTimeoutMs?: number): Promise<string> {
    const { info, tessdataDir } = this.options;
    const timeoutMs = pageTimeoutMs ?? this.options.timeoutMs ?? 300_000;
    const args = ['stdin', 'stdout', ...(tessdataDir ? ['--tessdata-dir', tessdataDir] : []), '-l', this.language, '--psm', '3'];
    if (image.dpi) args.push('--dpi', String(Math.round(image.dpi)));
    args.push(...TSV_OUTPUT, ...PARAMETER_ARGS);
    if (stopped) return Promise.reject(new Error('interrupted'));
    if (!exitHook) {
      // whatever ends the process, its tesseract children end with it
      exitHook = true;
      process.once('exit', () => killNativeProcesses(true));
    }
    return new Promise((resolve, reject) => {
      const child = spawn(info.binary, args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
      children.add(child);
      const out: Buffer[] = [];
      let err = '';
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => {
        if (err.length < 4000) err += b.toString('utf8');
      });
      child.stdin.on('error', () => undefined); // EPIPE when tesseract gives up early
      child.on('error', (e) => {
        clearTimeout(timer);
        children.delete(child);
        reject(e);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        children.delete(child);
        if (code === 0) return resolve(Buffer.concat(out).toString('utf8'));
        if (timedOut) return reject(new PageTimeoutError(`OCR took longer than ${timeoutMs / 1000} s`));
        if (/pixRead|Unsupported image type|read image|Image file .* cannot be read/i.test(err)) return reject(new ImageDecodeError('the image cannot be decoded (corrupt or unsupported)'));
        reject(new Error(`tesseract failed (${signal ?? `exit ${code}`}): ${err.trim().split('\n').pop() ?? ''}`));
      });
      child.stdin.end(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength));
    });
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
