/** Helpers for the end-to-end tests: spawn the built bin (`npm run build` first) and collect what it printed. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'plan-extract');
export const FIXTURES = join(ROOT, 'fixtures');
export const fixture = (...parts: string[]) => join(FIXTURES, ...parts);

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout as bytes, for byte-for-byte comparisons. */
  bytes: Buffer;
}

export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests');
}

/** Runs `node bin/plan-extract …args` from the package root (or `cwd`), with colours off unless `env` says otherwise. */
export function run(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
    for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const bytes = Buffer.concat(out);
      resolve({ code, stdout: bytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), bytes });
    });
  });
}

/** A fresh temporary folder; remove it with cleanup(). */
export function tempDir(prefix = 'plan-extract-e2e-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The lines of stderr, without the trailing empty one. */
export const stderrLines = (r: RunResult) => r.stderr.split('\n').filter((l, i, all) => !(i === all.length - 1 && l === ''));
