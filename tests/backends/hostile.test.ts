/**
 * The hostile corpus (src/scripts/hostile-corpus.ts) through the built bin: each input as a single
 * file ends with a valid record or one line naming the file, and nothing in any PDF runs; the whole
 * corpus as one batch converts the good file beside it. pdf.js must be opened with eval off
 * everywhere (CVE-2024-4367 and PostScript functions compiled to JavaScript).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileCorpus } from '../../src/scripts/hostile-corpus.js';
import { validateRecord } from '../../src/schema/record.js';
import { assertBuilt, fixture, ROOT, run, stderrLines, tempDir } from '../cli/run.js';

const tmp = tempDir('plan-extract-hostile-');
const marker = join(tmp.dir, 'SCRIPT-RAN');
const corpus = hostileCorpus(marker);
const dir = join(tmp.dir, 'in');
mkdirSync(dir, { recursive: true });
for (const c of corpus) writeFileSync(join(dir, c.name), c.bytes);
beforeAll(assertBuilt);
afterAll(tmp.cleanup);

// a small page budget keeps the stalling pages cheap here; the README gives the default's timings
const LIMITS = ['--page-timeout', '20', '--timeout', '120'];

describe('every pdf.js entry point runs with eval off', () => {
  it('each getDocument and PDFParse in src passes isEvalSupported: false (scripts only read files they made)', () => {
    const sources = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.parentPath.includes('scripts'));
    let calls = 0;
    for (const e of sources) {
      const text = readFileSync(join(e.parentPath, e.name), 'utf8');
      for (const m of text.matchAll(/^(?!\s*(?:\*|\/\/)).*?(?:\.getDocument|new PDFParse)\(\{/gm)) {
        calls++;
        const args = text.slice(m.index, text.indexOf('});', m.index));
        expect(args, `${e.name}: ${args.slice(0, 60)}`).toMatch(/isEvalSupported: false/);
      }
    }
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});

describe('hostile inputs, one at a time through the bin', () => {
  for (const c of corpus) {
    it(`${c.name} (${c.note}): a valid record or one line`, async () => {
      const file = join(dir, c.name);
      const r = await run([file, '--format', 'json', ...LIMITS]);
      if (r.code === 0) {
        expect(c.expect, `${c.name} was accepted`).not.toBe('fail');
        const record = JSON.parse(r.stdout);
        expect(() => validateRecord(record)).not.toThrow();
        if (c.name.startsWith('nested-q')) expect(record.warnings.map((w: { code: string }) => w.code)).toContain('page-timeout');
      } else {
        expect(c.expect, `${c.name} was refused: ${r.stderr}`).not.toBe('ok');
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(stderrLines(r)).toHaveLength(1);
        expect(stderrLines(r)[0]).toMatch(new RegExp(`^plan-extract: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\S`));
        expect(r.stderr).not.toMatch(/internal error|undefined|\[object /);
      }
      expect(existsSync(marker), 'a script in the PDF ran').toBe(false);
    }, 150_000);
  }
});

it('the whole corpus and a good file as one batch: the good file is converted, one line per refused file', async () => {
  const batch = join(tmp.dir, 'batch');
  mkdirSync(batch, { recursive: true });
  for (const c of corpus) writeFileSync(join(batch, c.name), c.bytes);
  writeFileSync(join(batch, 'good.txt'), readFileSync(fixture('legacy-vni.txt')));
  const out = join(tmp.dir, 'batch-out');
  const r = await run([batch, '-o', out, '--format', 'json', '--jobs', '2', '-q', ...LIMITS]);
  const lines = stderrLines(r);
  const failed = lines.filter((l) => l.startsWith('✗ ')).map((l) => basename(/^✗ (.+?): /.exec(l)![1]!));
  expect(lines.length).toBe(failed.length + 1); // the failures and the summary, nothing else
  expect(r.code).toBe(failed.length > 0 ? 1 : 0);
  expect(failed).not.toContain('good.txt');
  for (const c of corpus.filter((c) => c.expect === 'fail')) expect(failed).toContain(c.name);
  for (const c of [...corpus, { name: 'good.txt' }]) {
    const target = join(out, `${basename(c.name, extname(c.name))}.json`);
    if (failed.includes(c.name)) expect(existsSync(target), c.name).toBe(false);
    else expect(() => validateRecord(JSON.parse(readFileSync(target, 'utf8'))), c.name).not.toThrow();
  }
  expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  expect(existsSync(marker), 'a script in the PDF ran').toBe(false);
}, 300_000);
