/**
 * The batch progress: on a terminal one redrawn line with the file being worked on, its OCR pages
 * and, once a few files are done, the time left; plain lines otherwise; nothing but failures with --quiet.
 */
import { describe, expect, it } from 'vitest';
import chalk from 'chalk';
import { createProgress, estimateLeft, formatDuration } from '../../src/cli/progress.js';

// The lines are compared as text: no colour codes, whatever the terminal running the tests says.
chalk.level = 0;

/** A stream that records what is written, as a terminal or not. */
function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, columns: 120, write: (s: string) => (writes.push(s), true) } as unknown as NodeJS.WriteStream;
  // The text a terminal shows after the last redraw.
  const screen = () => writes.join('').split(/\r(?:\x1b\[2K)?/).filter(Boolean).at(-1) ?? '';
  return { stream, writes, screen };
}

describe('batch progress', () => {
  it('on a terminal: bar, the current file, its OCR pages, then the time left after two files', () => {
    const { stream, screen } = fakeStream(true);
    let t = 0;
    const p = createProgress(5, { quiet: false, stream, now: () => t });
    p.start('plans/a.pdf');
    expect(screen()).toMatch(/0\/5 · plans\/a\.pdf$/);
    p.pages('plans/a.pdf', 3, 12);
    expect(screen()).toMatch(/0\/5 · plans\/a\.pdf OCR 3\/12 pages$/);
    p.start('plans/b.txt');
    expect(screen()).toMatch(/0\/5 · plans\/b\.txt \+1 more$/);
    t = 10_000;
    p.done('plans/b.txt', true);
    expect(screen()).toMatch(/1\/5 · plans\/a\.pdf OCR 3\/12 pages$/);
    expect(screen()).not.toContain('left');
    t = 20_000;
    p.done('plans/a.pdf', true);
    // 2 done in 20 s: 10 s a file, 3 to go
    expect(screen()).toMatch(/2\/5 · ~30 s left$/);
  });

  it('not a terminal: plain lines, one per file with the count and, later, the estimate', () => {
    const { stream, writes } = fakeStream(false);
    let t = 0;
    const p = createProgress(4, { quiet: false, stream, now: () => t });
    p.start('a.pdf');
    p.pages('a.pdf', 1, 2);
    t = 60_000;
    p.done('a.pdf', true, '(3 warnings)');
    t = 120_000;
    p.done('b.txt', true);
    p.done('c.txt', false, 'not a PDF');
    p.finish({ converted: 2, failed: 1, seconds: 120 });
    expect(writes.join('')).toBe('a.pdf: OCR page 1/2\n✓ a.pdf (3 warnings) [1/4]\n✓ b.txt [2/4, ~2 min left]\n✗ c.txt: not a PDF\n2 converted, 1 failed, 120.0 s\n');
    expect(writes.some((w) => w.includes('\r'))).toBe(false);
  });

  it('--quiet: only failures', () => {
    const { stream, writes } = fakeStream(true);
    const p = createProgress(2, { quiet: true, stream, now: () => 0 });
    p.start('a.pdf');
    p.pages('a.pdf', 1, 5);
    p.done('a.pdf', true);
    p.done('b.pdf', false, 'timed out after 5 s');
    p.finish({ converted: 1, failed: 1, seconds: 1 });
    expect(writes.join('').replace(/\r\x1b\[2K/g, '')).toBe('✗ b.pdf: timed out after 5 s\n1 converted, 1 failed, 1.0 s\n');
  });

  it('estimates from the mean time of finished files, in words', () => {
    expect(estimateLeft(30_000, 1, 10)).toBeNull();
    expect(estimateLeft(30_000, 3, 10)).toBe(70);
    expect(estimateLeft(30_000, 10, 10)).toBeNull();
    expect([formatDuration(0.2), formatDuration(45), formatDuration(150), formatDuration(3900)]).toEqual(['~1 s', '~45 s', '~3 min', '~1 h 5 min']);
  });
});
