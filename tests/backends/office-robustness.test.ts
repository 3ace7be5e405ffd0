/**
 * Office and HTML files are untrusted input too. The hostile files of fixtures/bad/office/ (zip
 * bombs honest and lying, XXE, billion laughs, an encrypted OOXML package, a truncated .docx, a
 * .docx that is not a ZIP or has no word/document.xml, a corrupt .doc, a .doc that is not OLE)
 * must each be refused quickly with one clear line; mutated copies of the synthetic .docx
 * (truncated, bytes flipped) and hostile HTML (deep nesting, a huge colspan, binary) must end as
 * a valid record or one InputError. Then all of them in one batch through the built bin: one
 * stderr line per bad file, no output for it, the good file converted, exit code 1.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../src/extract.js';
import { validateRecord } from '../../src/schema/record.js';
import { InputError } from '../../src/util/errors.js';
import { mulberry32 as prng } from '../../src/util/prng.js';
import { writeZip } from '../../src/scripts/build-office-fixtures.js';
import { assertBuilt, fixture, run, stderrLines, tempDir } from '../cli/run.js';

/** The one-line reason each committed hostile file must be refused with. */
const HOSTILE: Record<string, RegExp> = {
  'zip-bomb.docx': /^zip bomb\? part word\/document\.xml declares a compression ratio of \d+:1/,
  'zip-bomb-lying-sizes.docx': /^zip bomb: part word\/document\.xml inflates past \d+ bytes \(it declared 2000\)/,
  'xxe.docx': /declares a DOCTYPE \(DTDs and entities are never resolved/,
  'billion-laughs.docx': /declares a DOCTYPE/,
  'encrypted.docx': /^encrypted \(password-protected\) Office file$/,
  'truncated.docx': /^truncated ZIP/,
  'not-a-zip.docx': /^not a Word \.docx file \(not a ZIP archive\)$/,
  'no-document.docx': /^not a Word \.docx file \(no word\/document\.xml in the package\)$/,
  'corrupt.doc': /^damaged Word 97 \(\.doc\) file/,
  'not-ole.doc': /^not a Word 97 \(\.doc\) file \(not an OLE compound file\)$/,
};

const tmp = tempDir('plan-extract-office-');
afterAll(() => tmp.cleanup());

async function outcome(file: string, limitMs = 15_000): Promise<{ ok: true } | { ok: false; error: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${limitMs} ms`)), limitMs);
  });
  try {
    const record = await Promise.race([extractFile(file, { ocr: 'never' }), limit]);
    validateRecord(JSON.parse(JSON.stringify(record)));
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
}

function mutatedCases(): { name: string; bytes: Uint8Array }[] {
  const plan = new Uint8Array(readFileSync(fixture('office', 'synthetic-plan.docx')));
  const rnd = prng(0x0ff1ce);
  const cases: { name: string; bytes: Uint8Array }[] = [];
  for (const f of [0.05, 0.5, 0.9, 0.99]) cases.push({ name: `plan-cut-${f}.docx`, bytes: plan.subarray(0, Math.floor(plan.length * f)) });
  for (const n of [1, 5, 50]) {
    for (const r of [1, 2, 3]) {
      const out = new Uint8Array(plan);
      for (let k = 0; k < n; k++) {
        const i = Math.floor(rnd() * out.length);
        out[i] = out[i]! ^ (1 + Math.floor(rnd() * 255));
      }
      cases.push({ name: `plan-flip-${n}-${r}.docx`, bytes: out });
    }
  }
  // the same .docx named .doc and an OLE .doc named .docx are read by what their bytes are
  cases.push({ name: 'plan-as.doc', bytes: plan });
  cases.push({ name: 'real-doc-as.docx', bytes: new Uint8Array(readFileSync(fixture('real', 'lamdong-UBND-KH-draft-2026-02-khong-ma-tuy.doc'))) });
  const deep = '<div>'.repeat(200_000) + 'KẾ HOẠCH' + '</div>'.repeat(200_000);
  cases.push({ name: 'deep.html', bytes: new TextEncoder().encode(`<html><body>${deep}</body></html>`) });
  cases.push({ name: 'wide.html', bytes: new TextEncoder().encode('<table><tr><td colspan="999999999" rowspan="999999999">KẾ HOẠCH</td><td>x</td></tr><tr><td>y</td></tr></table>') });
  // elements nested thousands deep: the .docx walk and the HTML parser must refuse, not overflow or crawl
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const nested = (open: string, close: string) =>
    writeZip([{ name: 'word/document.xml', data: new TextEncoder().encode(`<?xml version="1.0"?><w:document ${W}><w:body>${open.repeat(20_000)}<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>${close.repeat(20_000)}</w:body></w:document>`) }]);
  cases.push({ name: 'deep-sdt.docx', bytes: nested('<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>') });
  cases.push({ name: 'deep-tables.docx', bytes: nested('<w:tbl><w:tr><w:tc>', '</w:tc></w:tr></w:tbl>') });
  cases.push({ name: 'binary.htm', bytes: new Uint8Array([0x3c, 0x68, 0x74, 0x6d, 0x6c, 0x3e, 0, 1, 2, 3, 0, 0, 0xff, 0xfe]) });
  return cases;
}

describe('hostile Office files (fixtures/bad/office) through extractFile', () => {
  it('the committed set is the one this test knows', () => {
    expect(readdirSync(fixture('bad', 'office')).sort()).toEqual(Object.keys(HOSTILE).sort());
  });

  for (const [name, reason] of Object.entries(HOSTILE)) {
    it(`${name}: one InputError naming the file, with its reason`, async () => {
      const file = fixture('bad', 'office', name);
      const result = await outcome(file);
      expect(result.ok).toBe(false);
      const error = (result as { error: unknown }).error;
      expect(error).toBeInstanceOf(InputError);
      const input = error as InputError;
      expect(input.file).toBe(file);
      expect(input.reason).not.toContain('\n');
      expect(input.reason).toMatch(reason);
    });
  }
});

describe('mutated .docx and hostile HTML through extractFile', () => {
  const dir = join(tmp.dir, 'lib');
  mkdirSync(dir, { recursive: true });
  const cases = mutatedCases();
  it(`each of ${cases.length} inputs ends as a valid record or one InputError`, { timeout: 300_000 }, async () => {
    const problems: string[] = [];
    for (const c of cases) {
      const file = join(dir, c.name);
      writeFileSync(file, c.bytes);
      const result = await outcome(file);
      if (result.ok) continue;
      const err = result.error;
      if (!(err instanceof InputError)) problems.push(`${c.name}: threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
      else if (err.reason.includes('\n') || /internal error|undefined|\[object /i.test(err.reason)) problems.push(`${c.name}: unclear reason ${JSON.stringify(err.reason)}`);
    }
    expect(problems).toEqual([]);
  });

  it('a .docx named .doc, and a .doc named .docx, are read all the same', async () => {
    for (const name of ['plan-as.doc', 'real-doc-as.docx']) expect((await outcome(join(dir, name))).ok).toBe(true);
  });
});

describe('hostile Office files in one batch through the built bin', () => {
  it('one line per bad file, nothing written for it, the good ones converted, exit 1', async () => {
    assertBuilt();
    const input = join(tmp.dir, 'batch-in');
    const output = join(tmp.dir, 'batch-out');
    mkdirSync(input, { recursive: true });
    for (const name of Object.keys(HOSTILE)) writeFileSync(join(input, name), readFileSync(fixture('bad', 'office', name)));
    writeFileSync(join(input, 'good.docx'), readFileSync(fixture('office', 'synthetic-plan.docx')));
    // lock and temporary files are not documents: skipped, not reported
    writeFileSync(join(input, '~$good.docx'), Buffer.from('lock'));
    writeFileSync(join(input, '.~lock.good.docx#'), Buffer.from('lock'));
    writeFileSync(join(input, '~WRL0001.tmp'), Buffer.from('tmp'));
    const result = await run([input, '-o', output, '--format', 'json', '--ocr', 'never', '-q']);
    expect(result.code).toBe(1);
    // a batch prints "✗ <file>: <reason>" per failed file and a summary line
    const lines = stderrLines(result);
    expect(lines).toHaveLength(Object.keys(HOSTILE).length + 1);
    expect(lines[lines.length - 1]).toMatch(/^1 converted, 10 failed, [\d.]+ s$/);
    for (const [name, reason] of Object.entries(HOSTILE)) {
      const prefix = `✗ ${join(input, name)}: `;
      const line = lines.find((l) => l.startsWith(prefix));
      expect(line, `${name} in ${lines.join('\n')}`).toBeDefined();
      expect(line!.slice(prefix.length)).toMatch(reason);
      expect(existsSync(join(output, name.replace(/\.[a-z]+$/, '.json')))).toBe(false);
    }
    validateRecord(JSON.parse(readFileSync(join(output, 'good.json'), 'utf8')));
    expect(readdirSync(output)).toEqual(['good.json']);
  });
});
