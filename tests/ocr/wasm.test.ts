/** The embedded engine's worker: the LSTM-only core, no legacy-parameter noise, the same words. */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { wasmCoreModule } from '../../src/ocr/models.js';
import { packageRoot } from '../../src/util/paths.js';

const root = packageRoot();

describe('wasmCoreModule', () => {
  it('loads the LSTM-only build for the LSTM engine, with the widest SIMD available, and every name it gives exists', () => {
    expect(wasmCoreModule({ lstmOnly: true, simd: true, relaxedSimd: false })).toBe('tesseract.js-core/tesseract-core-simd-lstm');
    expect(wasmCoreModule({ lstmOnly: true, simd: true, relaxedSimd: true })).toBe('tesseract.js-core/tesseract-core-relaxedsimd-lstm');
    expect(wasmCoreModule({ lstmOnly: false, simd: false, relaxedSimd: false })).toBe('tesseract.js-core/tesseract-core');
    const fromTesseract = createRequire(createRequire(import.meta.url).resolve('tesseract.js'));
    for (const lstmOnly of [true, false]) for (const [simd, relaxedSimd] of [[false, false], [true, false], [true, true]] as const) {
      expect(() => fromTesseract.resolve(wasmCoreModule({ lstmOnly, simd, relaxedSimd }))).not.toThrow();
    }
  });
});

describe('the wasm engine through the built worker script', () => {
  const built = join(root, 'dist', 'ocr', 'wasm.js');
  it.skipIf(!existsSync(built))('reads a scan with the LSTM-only core and says nothing about the legacy parameters of the model', async () => {
    const script = `
      const { WasmEngine } = await import(${JSON.stringify(pathToFileURL(built).href)});
      const { readFileSync } = await import('node:fs');
      const engine = new WasmEngine({ workers: 1 });
      const page = await engine.recognize({ data: readFileSync(${JSON.stringify(join(root, 'fixtures', 'scan-lai-chau-top.png'))}), dpi: 200 });
      await engine.close();
      process.stdout.write(page.lines.map((l) => l.text).join('\\n'));`;
    // a file, not --input-type with -e: worker threads inherit the flag and cannot start with it
    const dir = mkdtempSync(join(tmpdir(), 'wasm-test-'));
    const file = join(dir, 'run.mjs');
    writeFileSync(file, script);
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) =>
      execFile(process.execPath, [file], { timeout: 120_000 }, (err, stdout, stderr) => (err ? reject(err) : resolve({ stdout, stderr }))),
    ).finally(() => rmSync(dir, { recursive: true, force: true }));
    expect(stdout).toMatch(/ỦY BAN NHÂN DÂN/);
    expect(stdout).toMatch(/Lai Châu/);
    expect(stderr).not.toMatch(/Parameter not found/);
  }, 150_000);
});
