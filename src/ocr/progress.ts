/**
 * Per-page OCR progress of a single file on stderr, with the conventions of
 * src/cli/progress.ts: a redrawn bar on a terminal, plain lines otherwise, nothing with --quiet.
 */
import chalk from 'chalk';

if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') chalk.level = 0;

export interface PageProgress {
  page(done: number, total: number): void;
  finish(): void;
}

export function createPageProgress(label: string, options: { quiet: boolean; stream?: NodeJS.WriteStream }): PageProgress {
  const stream = options.stream ?? process.stderr;
  const tty = Boolean(stream.isTTY);
  let drawn = false;
  return {
    page(done, total) {
      // a page or two is over before a bar would help
      if (options.quiet || total < 2) return;
      if (tty) {
        const width = 30;
        const filled = Math.round((done / total) * width);
        stream.write(`\r\x1b[2K${chalk.cyan('█'.repeat(filled))}${chalk.gray('░'.repeat(width - filled))} ${done}/${total} pages OCR'd ${chalk.gray(label)}`);
        drawn = true;
      } else {
        stream.write(`${label}: OCR page ${done}/${total}\n`);
      }
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
