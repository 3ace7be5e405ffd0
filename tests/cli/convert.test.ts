/**
 * End-to-end: the built CLI on the committed fixtures. Spawns `node bin/plan-extract`;
 * `npm test` builds first (run `npm run build` before `vitest run tests/cli` by hand).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assertBuilt, fixture, run, stderrLines, tempDir } from './run.js';

const tmp = tempDir();
beforeAll(assertBuilt);
afterAll(tmp.cleanup);

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every file under dir, relative, sorted. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

describe('one text input to stdout', () => {
  it('seed 003 (OCR-damaged text) gives the record as JSON, and the same record as YAML', async () => {
    // The repair makes this the slowest input: run both formats at once.
    const [json, yaml] = await Promise.all([run(['--format', 'json', 'fixtures/lai-chau-767.txt']), run(['--format', 'yaml', 'fixtures/lai-chau-767.txt'])]);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const record = JSON.parse(json.stdout);
    expect(record.schemaVersion).toBe(1);
    expect(record.source.kind).toBe('text');
    expect(record.source.file).toBe('fixtures/lai-chau-767.txt');
    expect(record.source.pages).toBeNull();
    expect(record.document.number).toBe('767/KH-UBND');
    expect(record.document.date).toBe('2021-03-31');
    expect(record.sections.length).toBeGreaterThanOrEqual(4);

    expect(yaml.code).toBe(0);
    expect(parse(yaml.stdout)).toEqual(record);
  });

  it('YAML is the default format', async () => {
    const r = await run(['fixtures/legacy-vni.txt']);
    expect(r.code).toBe(0);
    expect(parse(r.stdout).source.encoding).toBe('vni');
  });
});

describe('the 7-page text-layer PDF (acceptance)', () => {
  it('is read page by page: pdf-text, 7 pages, a KH plan with a blank number, dated 2021', async () => {
    const r = await run(['--format', 'json', 'fixtures/binh-luc-92kl.pdf']);
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout);
    expect(record.source.kind).toBe('pdf-text');
    expect(record.source.pages).toBe(7);
    expect(record.document.type).toBe('KH');
    expect(record.document.number).toBeNull();
    expect(record.document.date).toMatch(/^2021/);
    // Positions point into pages.
    expect(record.sections[0].source.page).toBe(1);
    expect(Math.max(...record.sections.map((s: { source: { page: number } }) => s.source.page))).toBeGreaterThan(1);
  });
});

describe('a folder with -o', () => {
  it('writes one record per good input (subfolders mirrored), names the bad file on stderr, writes nothing for it, exits 1', async () => {
    const input = join(tmp.dir, 'batch-in');
    const out = join(tmp.dir, 'batch-out');
    mkdirSync(join(input, 'pdf'), { recursive: true });
    mkdirSync(join(input, 'text', 'legacy'), { recursive: true });
    copyFileSync(fixture('binh-luc-92kl.pdf'), join(input, 'pdf', 'binh-luc-92kl.pdf'));
    copyFileSync(fixture('lai-chau-767.pdf'), join(input, 'pdf', 'lai-chau-767.pdf'));
    copyFileSync(fixture('bad', 'truncated.pdf'), join(input, 'pdf', 'cut.pdf'));
    copyFileSync(fixture('binh-luc-92kl.md'), join(input, 'text', 'binh-luc-92kl.md'));
    copyFileSync(fixture('legacy-tcvn3.txt'), join(input, 'text', 'legacy', 'legacy-tcvn3.txt'));
    const r = await run([input, '-o', out, '--format', 'json', '--jobs', '2']);
    expect(r.code).toBe(1);
    expect(listFiles(out)).toEqual(['pdf/binh-luc-92kl.json', 'pdf/lai-chau-767.json', 'text/binh-luc-92kl.json', 'text/legacy/legacy-tcvn3.json']);
    const failures = stderrLines(r).filter((l) => l.includes('cut.pdf'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/truncated/i);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const pdf = JSON.parse(readFileSync(join(out, 'pdf', 'binh-luc-92kl.json'), 'utf8'));
    expect(pdf.source.pages).toBe(7);
    expect(pdf.source.file).toBe(join(input, 'pdf', 'binh-luc-92kl.pdf'));
    const legacy = JSON.parse(readFileSync(join(out, 'text', 'legacy', 'legacy-tcvn3.json'), 'utf8'));
    expect(legacy.source.encoding).toBe('tcvn3');
  });

  it('writes YAML records beside the inputs without touching them (-o to the input folder)', async () => {
    const dir = join(tmp.dir, 'in-place');
    mkdirSync(dir);
    copyFileSync(fixture('legacy-vni.txt'), join(dir, 'legacy-vni.txt'));
    copyFileSync(fixture('binh-luc-92kl.pdf'), join(dir, 'binh-luc-92kl.pdf'));
    const before = { vni: sha(join(dir, 'legacy-vni.txt')), pdf: sha(join(dir, 'binh-luc-92kl.pdf')) };
    const r = await run([dir, '-o', dir, '--jobs', '1']);
    expect(r.code).toBe(0);
    expect(listFiles(dir)).toEqual(['binh-luc-92kl.pdf', 'binh-luc-92kl.yaml', 'legacy-vni.txt', 'legacy-vni.yaml']);
    expect({ vni: sha(join(dir, 'legacy-vni.txt')), pdf: sha(join(dir, 'binh-luc-92kl.pdf')) }).toEqual(before);
  });
});

describe('an input is never overwritten', () => {
  it('refuses -o naming the input itself and leaves it as it was', async () => {
    const file = join(tmp.dir, 'self.txt');
    copyFileSync(fixture('legacy-vni.txt'), file);
    const before = sha(file);
    const r = await run([file, '-o', file]);
    expect(r.code).not.toBe(0);
    expect(sha(file)).toBe(before);
    expect(statSync(file).isFile()).toBe(true);
  });

  it('writes a single record to the -o file next to its input, which stays as it was', async () => {
    const dir = join(tmp.dir, 'clash');
    mkdirSync(dir);
    copyFileSync(fixture('legacy-vni.txt'), join(dir, 'a.txt'));
    const before = sha(join(dir, 'a.txt'));
    const r = await run([join(dir, 'a.txt'), '-o', join(dir, 'a.json'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(sha(join(dir, 'a.txt'))).toBe(before);
    expect(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')).source.encoding).toBe('vni');
  });
});

describe('errors', () => {
  it('a missing file: non-zero exit, one line on stderr naming it, no stack trace', async () => {
    const r = await run(['fixtures/no-such-plan.pdf']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    const lines = stderrLines(r);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('fixtures/no-such-plan.pdf');
    expect(lines[0]).toMatch(/no such file/);
  });

  const bad: [string, RegExp][] = [
    ['truncated.pdf', /truncated/i],
    ['not-a-pdf.pdf', /not a PDF/i],
    ['encrypted.pdf', /encrypted|password/i],
    ['zero-pages.pdf', /no pages/i],
    ['empty.txt', /empty/i],
    ['binary.txt', /binary/i],
  ];
  it.concurrent.each(bad)('bad/%s: one line naming the file and the reason, no output', async (name, reason) => {
    const r = await run([`fixtures/bad/${name}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = stderrLines(r);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`fixtures/bad/${name}`);
    expect(lines[0]).toMatch(reason);
  });

  it('bad inputs with -o write nothing and are each named once', async () => {
    const out = join(tmp.dir, 'bad-out');
    const r = await run(['fixtures/bad', '-o', out, '--jobs', '2']);
    expect(r.code).toBe(1);
    expect(existsSync(out) ? listFiles(out) : []).toEqual([]);
    for (const [name, reason] of bad) {
      const lines = stderrLines(r).filter((l) => l.includes(name));
      expect(lines, name).toHaveLength(1);
      expect(lines[0]).toMatch(reason);
    }
  });

  it('usage errors exit 2: several inputs without -o, an unknown option, a bad --format', async () => {
    const several = await run(['fixtures/legacy-vni.txt', 'fixtures/legacy-tcvn3.txt']);
    expect(several.code).toBe(2);
    expect(several.stdout).toBe('');
    expect(several.stderr).toMatch(/-o/);
    const folder = await run(['fixtures/bad']);
    expect(folder.code).toBe(2);
    expect((await run(['--no-such-option', 'fixtures/legacy-vni.txt'])).code).toBe(2);
    expect((await run(['--format', 'xml', 'fixtures/legacy-vni.txt'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  });
});

describe('determinism', () => {
  it('two runs give byte-identical output (PDF as JSON, Markdown as YAML)', async () => {
    const [a, b] = await Promise.all([run(['--format', 'json', 'fixtures/lai-chau-767.pdf']), run(['--format', 'json', 'fixtures/lai-chau-767.pdf'])]);
    expect(a.code).toBe(0);
    expect(a.bytes.equals(b.bytes)).toBe(true);
    const [c, d] = await Promise.all([run(['fixtures/binh-luc-92kl.md']), run(['fixtures/binh-luc-92kl.md'])]);
    expect(c.code).toBe(0);
    expect(c.bytes.equals(d.bytes)).toBe(true);
  });

  it('a batch run writes the same bytes as single runs', async () => {
    const out = join(tmp.dir, 'det-out');
    const input = join(tmp.dir, 'det-in');
    mkdirSync(input);
    copyFileSync(fixture('legacy-tcvn3.txt'), join(input, 'legacy-tcvn3.txt'));
    const batch = await run([input, '-o', out, '--format', 'json']);
    expect(batch.code).toBe(0);
    const single = await run(['--format', 'json', join(input, 'legacy-tcvn3.txt')]);
    expect(readFileSync(join(out, 'legacy-tcvn3.json')).equals(single.bytes)).toBe(true);
  });
});

describe('other commands', () => {
  it('schema prints the JSON Schema equal to schemas/plan-record.schema.json', async () => {
    const r = await run(['schema']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(fixture('..', 'schemas', 'plan-record.schema.json'), 'utf8'));
  });

  it('check fixtures passes (exit 0) and reports every expected record', async () => {
    const r = await run(['check', 'fixtures']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/(\d+) checked: \1 match, 0 differ/);
    expect(r.stdout).toContain('fixtures/binh-luc-92kl.pdf');
    expect(r.stdout).toContain('fixtures/lai-chau-767.txt');
    // every fixture with OCR pages and the real documents: minutes on a loaded 2-core machine
  }, 400_000);

  it('check fails (exit 1) and names the field when an expected value differs', async () => {
    const dir = join(tmp.dir, 'check-fail');
    mkdirSync(dir);
    copyFileSync(fixture('legacy-vni.txt'), join(dir, 'plan.txt'));
    writeFileSync(join(dir, 'plan.expected.yaml'), 'document:\n  number: 46/KH-UBND\n');
    const r = await run(['check', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('document.number: expected "46/KH-UBND", got "45/KH-UBND"');
  });

  it('text prints the recovered text with pages separated by form feeds', async () => {
    const r = await run(['text', 'fixtures/binh-luc-92kl.pdf']);
    expect(r.code).toBe(0);
    const pages = r.stdout.split('\f');
    expect(pages).toHaveLength(7);
    expect(pages[0]).toContain('KẾ HOẠCH');
    expect(pages[6]).toContain('Nguyễn Xuân Đức');
    const txt = await run(['text', 'fixtures/legacy-tcvn3.txt']);
    expect(txt.stdout).not.toContain('\f');
    expect(txt.stdout).toContain('Thực hiện chính sách an sinh xã hội trên địa bàn huyện năm 2022');
  });

  it('NO_COLOR turns colours off even when FORCE_COLOR asks for them', async () => {
    const dir = join(tmp.dir, 'colour');
    mkdirSync(dir);
    copyFileSync(fixture('legacy-vni.txt'), join(dir, 'plan.txt'));
    writeFileSync(join(dir, 'plan.expected.yaml'), 'document:\n  number: 45/KH-UBND\n');
    const coloured = await run(['check', dir], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\x1b[');
    const plain = await run(['check', dir], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(plain.code).toBe(0);
    expect(plain.stdout + plain.stderr).not.toContain('\x1b[');
    const batch = await run(['fixtures/bad', '-o', join(tmp.dir, 'nc-out')], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(batch.stderr).toContain('truncated.pdf');
    expect(batch.stderr).not.toContain('\x1b[');
  });
});
