/**
 * The built CLI with OCR (`npm run build` first): per-page progress on stderr, --engine checks,
 * and Ctrl-C ending the OCR workers with the process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assertBuilt, BIN, ROOT, run } from '../cli/run.js';
import { nativeAvailable } from '../../src/ocr/engine.js';

const hasNative = await nativeAvailable();
assertBuilt();

describe('plan-extract with OCR', () => {
  it('a scanned PDF to stdout: the record, and one progress line per OCR\'d page on a non-terminal stderr', async () => {
    const r = await run(['fixtures/scan-lai-chau.pdf', '--engine', 'wasm', '--jobs', '2']);
    expect(r.code, r.stderr).toBe(0);
    const record = parse(r.stdout);
    expect(record.source).toMatchObject({ kind: 'pdf-scan', pages: 2, ocr: { engine: 'tesseract.js', language: 'vie', pages: [1, 2] } });
    expect(r.stderr.split('\n').filter((l) => l.includes('OCR page'))).toEqual(['fixtures/scan-lai-chau.pdf: OCR page 1/2', 'fixtures/scan-lai-chau.pdf: OCR page 2/2']);
  });

  it.skipIf(!hasNative)('--quiet prints no progress; the native engine names itself', async () => {
    const r = await run(['fixtures/scan-lai-chau.pdf', '--engine', 'native', '-q', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).source.ocr.engine).toMatch(/^tesseract \d/);
  });

  it.skipIf(!hasNative)('PLAN_EXTRACT_TESSDATA=packaged runs native tesseract with the model the package ships, unpacked into a cache', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'pe-cache-'));
    try {
      const r = await run(['text', '-q', '--engine', 'native', 'fixtures/scan-lai-chau-top.png'], { env: { PLAN_EXTRACT_TESSDATA: 'packaged', XDG_CACHE_HOME: cache } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/KẾ HOẠCH|Kế hoạch/);
      const [dir] = readdirSync(join(cache, 'plan-extract'));
      expect(dir).toMatch(/^tessdata-[0-9a-f]{16}$/);
      // the whole model, no temporary file left
      expect(readdirSync(join(cache, 'plan-extract', dir!))).toEqual(['vie.traineddata']);
      expect(statSync(join(cache, 'plan-extract', dir!, 'vie.traineddata')).size).toBeGreaterThan(1_000_000);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('--engine native without a tesseract is a usage error (exit 2)', async () => {
    const r = await run(['fixtures/scan-lai-chau-top.png', '--engine', 'native'], { env: { PLAN_EXTRACT_TESSERACT: '/nonexistent/tesseract' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('plan-extract: --engine native: no tesseract binary on PATH\n');
  });

  it('an image with --ocr never is refused with one line', async () => {
    const r = await run(['fixtures/scan-lai-chau-top.png', '--ocr', 'never']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/scan-lai-chau-top\.png: an image has no text without OCR/);
  });

  it('Ctrl-C during OCR ends the process (exit 130) and its workers', async () => {
    const child = spawn(process.execPath, [BIN, 'fixtures/scan-lai-chau-englayer.pdf', '--engine', 'wasm', '--jobs', '1'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
        if (stderr.includes('OCR page 1/2')) resolve();
      }),
    );
    const t = performance.now();
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});
