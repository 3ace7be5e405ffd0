/** `plan-extract repair`: line for line, from a file or stdin; bad input gets one clear line. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, ROOT, fixture, tempDir } from './run.js';

function repair(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, 'repair', ...args], { cwd: ROOT, input, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

describe('plan-extract repair', () => {
  beforeAll(assertBuilt);

  it('repairs the damaged seed 003 line for line', () => {
    const input = fixture('lai-chau-767.txt');
    const r = repair([input]);
    expect(r.code).toBe(0);
    const inputLines = readFileSync(input, 'utf8').split('\n');
    const outLines = r.stdout.split('\n');
    expect(outLines).toHaveLength(inputLines.length);
    expect(outLines[3]).toBe('Số: 767 /KH-UBND Lai Châu, ngày 31 tháng 3 năm 2021');
    expect(outLines[4]).toBe('KẾ HOẠCH');
  });

  it('reads standard input with -', () => {
    const r = repair(['-'], 'S6: 30 /KH-UBND Bdc Giang, ngay 30 thdng 4 ndm 2024\nDoc lap - Ty do - Hanh phuc\n');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(3);
    expect(r.stdout).toMatch(/^Số: 30 \/KH-UBND Bắc Giang, ngày 30 tháng 4 năm 2024\n/);
  });

  it('leaves clean Vietnamese and English alone', () => {
    const clean = 'Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện như sau:\nThe committee approved the plan on Monday.\n';
    expect(repair(['-'], clean).stdout).toBe(clean);
  });

  it('refuses empty and binary input with one line, and a missing file', () => {
    const { dir, cleanup } = tempDir();
    try {
      const bin = join(dir, 'x.txt');
      writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 255, 254]));
      for (const [args, input, reason] of [
        [['-'], '', /empty input/],
        [[bin], undefined, /binary/],
        [[join(dir, 'missing.txt')], undefined, /no such file/],
      ] as const) {
        const r = repair([...args], input);
        expect(r.code).toBe(1);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(reason);
        expect(r.stdout).toBe('');
      }
    } finally {
      cleanup();
    }
  });
});
