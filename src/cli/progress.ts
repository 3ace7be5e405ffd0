/**
 * Progress on stderr: a redrawn bar on a terminal, plain lines otherwise,
 * nothing with --quiet. Colours come from chalk and respect NO_COLOR.
 */
import chalk from 'chalk';

if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') chalk.level = 0;

export interface Progress {
  done(file: string, ok: boolean, detail?: string): void;
  finish(summary: { converted: number; failed: number; seconds: number }): void;
}

export function createProgress(total: number, options: { quiet: boolean; stream?: NodeJS.WriteStream }): Progress {
  const stream = options.stream ?? process.stderr;
  const tty = Boolean(stream.isTTY);
  let count = 0;
  const clear = () => tty && stream.write('\r\x1b[2K');
  const bar = () => {
    if (!tty || options.quiet) return;
    const width = 30;
    const filled = total === 0 ? width : Math.round((count / total) * width);
    stream.write(`\r${chalk.cyan('█'.repeat(filled))}${chalk.gray('░'.repeat(width - filled))} ${count}/${total}`);
  };
  return {
    done(file, ok, detail) {
      count++;
      clear();
      // Failures are always reported, even with --quiet: they name the file and the reason.
      if (!ok) stream.write(`${chalk.red('✗')} ${file}: ${detail ?? 'failed'}\n`);
      else if (!options.quiet && !tty) stream.write(`${chalk.green('✓')} ${file}${detail ? ` ${chalk.gray(detail)}` : ''}\n`);
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
