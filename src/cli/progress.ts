/**
 * Progress on stderr: a redrawn line on a terminal, plain lines otherwise,
 * nothing with --quiet. Colours come from chalk and respect NO_COLOR.
 *
 * The terminal line says how far the batch is (bar, files done of all), the file being worked on
 * (and how many others run beside it), the pages OCR'd of its total, and — once a few files are
 * done — an estimate of the time left: the mean time per finished file so far times the files
 * left (files run in parallel, so wall time per finished file already counts the parallelism).
 */
import chalk from 'chalk';

if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') chalk.level = 0;

export interface Progress {
  /** A file begins. */
  start(file: string): void;
  /** OCR progress of a running file: pages done of the pages to OCR. */
  pages(file: string, done: number, total: number): void;
  done(file: string, ok: boolean, detail?: string): void;
  /** A file is over without a line of its own (its caller reports it another way). */
  skip(file: string): void;
  finish(summary: { converted: number; failed: number; seconds: number }): void;
}

export interface ProgressOptions {
  quiet: boolean;
  stream?: NodeJS.WriteStream;
  /** Milliseconds, for tests; defaults to performance.now(). */
  now?: () => number;
  /** Terminal width; defaults to the stream's columns or 100. */
  columns?: number;
}

/** Files that must be done before the time left is estimated. */
export const ESTIMATE_AFTER = 2;

/** "~40 s", "~3 min", "~1 h 5 min". */
export function formatDuration(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return `~${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `~${m} min`;
  return `~${Math.floor(m / 60)} h ${m % 60} min`;
}

/** The estimate of the time left, or null before ESTIMATE_AFTER files are done. */
export function estimateLeft(elapsedMs: number, done: number, total: number): number | null {
  if (done < ESTIMATE_AFTER || done >= total) return null;
  return (elapsedMs / done / 1000) * (total - done);
}

function shorten(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 1 ? '…' : '…' + text.slice(text.length - width + 1);
}

export function createProgress(total: number, options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const tty = Boolean(stream.isTTY);
  const now = options.now ?? (() => performance.now());
  const started = now();
  let count = 0;
  /** Running files in the order they started, with their OCR pages when known. */
  const running = new Map<string, { done: number; total: number } | null>();
  const left = () => {
    const s = estimateLeft(now() - started, count, total);
    return s === null ? null : `${formatDuration(s)} left`;
  };
  const clear = () => tty && stream.write('\r\x1b[2K');
  const bar = () => {
    if (!tty || options.quiet) return;
    const width = 24;
    const filled = total === 0 ? width : Math.round((count / total) * width);
    const head = `${chalk.cyan('█'.repeat(filled))}${chalk.gray('░'.repeat(width - filled))} ${count}/${total}`;
    const estimate = left();
    const current = [...running.keys()].at(-1);
    let tail = '';
    if (current !== undefined) {
      const pages = running.get(current);
      const others = running.size - 1;
      tail = `${pages ? ` OCR ${pages.done}/${pages.total} pages` : ''}${others > 0 ? ` +${others} more` : ''}`;
    }
    // Plain lengths (no colour codes) decide how much of the file name fits.
    const columns = options.columns ?? stream.columns ?? 100;
    const fixed = `${count}/${total}`.length + width + 1 + tail.length + (estimate ? estimate.length + 3 : 0) + 3;
    const name = current !== undefined ? shorten(current, Math.max(10, columns - fixed - 1)) : '';
    stream.write(`\r${head}${name ? ` ${chalk.gray('·')} ${name}${tail}` : ''}${estimate ? ` ${chalk.gray('·')} ${estimate}` : ''}`);
  };
  return {
    start(file) {
      running.set(file, null);
      if (tty && !options.quiet) {
        clear();
        bar();
      }
    },
    pages(file, done, pageTotal) {
      running.set(file, { done, total: pageTotal });
      if (options.quiet || pageTotal < 2) return;
      if (tty) {
        clear();
        bar();
      } else {
        stream.write(`${file}: OCR page ${done}/${pageTotal}\n`);
      }
    },
    done(file, ok, detail) {
      count++;
      running.delete(file);
      clear();
      // Failures are always reported, even with --quiet: they name the file and the reason.
      if (!ok) stream.write(`${chalk.red('✗')} ${file}: ${detail ?? 'failed'}\n`);
      else if (!options.quiet && !tty) {
        const estimate = left();
        stream.write(`${chalk.green('✓')} ${file}${detail ? ` ${chalk.gray(detail)}` : ''} ${chalk.gray(`[${count}/${total}${estimate ? `, ${estimate}` : ''}]`)}\n`);
      }
      bar();
    },
    skip(file) {
      count++;
      running.delete(file);
      clear();
      bar();
    },
    finish({ converted, failed, seconds }) {
      clear();
      if (options.quiet && failed === 0) return;
      const parts = [chalk.green(`${converted} converted`), failed > 0 ? chalk.red(`${failed} failed`) : `${failed} failed`, `${seconds.toFixed(1)} s`];
      stream.write(`${parts.join(', ')}\n`);
    },
  };
}
