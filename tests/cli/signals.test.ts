/**
 * Signals and concurrent runs, on the built bin: SIGINT or SIGTERM sent to a running batch (not a
 * terminal's Ctrl-C: `kill` from another process) ends every worker and OCR process, leaves no temp
 * or partial record, and exits 130 / 143. Two runs writing one output folder at once leave only
 * whole records.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRecord } from '../../src/schema/record.js';
import { assertBuilt, BIN, fixture, ROOT, run, tempDir } from './run.js';

const tmp = tempDir('plan-extract-signals-');
beforeAll(assertBuilt);
afterAll(tmp.cleanup);

/** Every process descending from pid (from /proc), so what it started can be checked after it is gone. */
function descendants(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      // the command may hold spaces and parentheses: the ppid is the second field after the last ")"
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      parent.set(Number(e), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, pp] of parent) if (pp === p) out.push(child), walk(child);
  };
  walk(pid);
  return out;
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

/** Files under dir, recursively, relative. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** A folder whose batch takes a while: scans to OCR, and quick text files that finish first. */
function slowBatch(name: string): string {
  const dir = join(tmp.dir, name);
  mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= 3; i++) copyFileSync(fixture('scan-lai-chau.pdf'), join(dir, `scan-${i}.pdf`));
  for (const f of ['legacy-vni.txt', 'legacy-tcvn3.txt', 'binh-luc-92kl.md']) copyFileSync(fixture(f), join(dir, `a-${f}`));
  return dir;
}

for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
  it(`${signal} to a running batch: exit ${code}, its worker threads and OCR processes end, only whole records are left`, async () => {
    const dir = slowBatch(`in-${signal}`);
    const out = join(tmp.dir, `out-${signal}`);
    const child = spawn(process.execPath, [BIN, dir, '-o', out, '--format', 'json', '--jobs', '2'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    // once a record is written the batch is under way: its workers are OCR-ing the scans
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
        if (stderr.includes('✓')) resolve();
      }),
    );
    const started = descendants(child.pid!);
    process.kill(child.pid!, signal);
    expect(await exited, stderr).toBe(code);
    expect(stderr).toContain(`plan-extract: interrupted (${signal})`);
    // nothing it started outlives it (tesseract processes when the native engine runs)
    await new Promise((r) => setTimeout(r, 500));
    expect(started.filter(alive)).toEqual([]);
    const left = files(out);
    expect(left.filter((f) => /\.tmp$/.test(f) || f.includes('/.'))).toEqual([]);
    expect(left.length).toBeGreaterThan(0);
    // the scans were cut off: not every input has a record, and every record there is whole
    expect(left.length).toBeLessThan(6);
    for (const f of left) expect(() => validateRecord(JSON.parse(readFileSync(f, 'utf8'))), f).not.toThrow();
  }, 180_000);
}

it('SIGTERM to a single file: exit 143, nothing on stdout', async () => {
  const child = spawn(process.execPath, [BIN, fixture('scan-lai-chau.pdf'), '--engine', 'wasm'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  await new Promise((r) => setTimeout(r, 3000));
  const started = descendants(child.pid!);
  child.kill('SIGTERM');
  expect(await exited).toBe(143);
  expect(stdout).toBe('');
  await new Promise((r) => setTimeout(r, 500));
  expect(started.filter(alive)).toEqual([]);
});

describe('two runs writing the same output folder at once', () => {
  it('both succeed and every record is whole and the same as one run gives', async () => {
    const dir = join(tmp.dir, 'same-in');
    mkdirSync(dir, { recursive: true });
    const names = ['legacy-vni.txt', 'legacy-tcvn3.txt', 'binh-luc-92kl.md', 'lai-chau-767.pdf', 'blank-page.pdf'];
    for (const f of names) copyFileSync(fixture(f), join(dir, f));
    const out = join(tmp.dir, 'same-out');
    const reference = join(tmp.dir, 'same-ref');
    const args = (o: string) => [dir, '-o', o, '--format', 'json', '--jobs', '2', '-q'];
    const [a, b] = await Promise.all([run(args(out)), run(args(out))]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    expect((await run(args(reference))).code).toBe(0);
    const written = readdirSync(out).sort();
    expect(written).toEqual(readdirSync(reference).sort());
    expect(written).toHaveLength(names.length);
    for (const f of written) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(reference, f), 'utf8'));
  }, 180_000);
});
