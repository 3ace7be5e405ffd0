/**
 * `plan-extract export` end to end on the text fixtures, seed 000 and the real plans the tool reads
 * (fixtures/real, and tests/data/monitor copied by `npm run data:monitor`): the workbook is read back with exceljs and
 * compared row by row with the records (every task, indicator, duty and warning once; dates typed),
 * and the CSV files are parsed with csv-parse back to the same cells.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { assertBuilt, fixture, ROOT, run, tempDir } from '../cli/run.js';
import { isSupportedInput } from '../../src/backends/index.js';
import { validateRecord, type Deadline, type PlanRecord } from '../../src/schema/record.js';

const tmp = tempDir('plan-extract-export-');
const recordsDir = join(tmp.dir, 'records');
// The real plans the tool reads without OCR: fixtures/real and fixtures/real/portal (Word, HTML, text, Markdown, the 1105 PDF).
const realIn = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => isSupportedInput(f))
    .sort()
    .map((f) => join(dir, f));
const realInputs = [...realIn('fixtures/real'), ...realIn('fixtures/real/portal')];
const inputs = ['fixtures/lai-chau-767.txt', 'fixtures/binh-luc-92kl.md', 'fixtures/legacy-vni.txt', 'fixtures/legacy-tcvn3.txt', 'tests/data/monitor/seed-000.txt', ...realInputs];
let records: PlanRecord[] = [];
let workbook: ExcelJS.Workbook;
const xlsx = join(tmp.dir, 'plans.xlsx');

beforeAll(async () => {
  assertBuilt();
  const conv = await run([...inputs, '--format', 'json', '-o', recordsDir, '-q']);
  expect(conv.stderr).toBe('');
  expect(conv.code).toBe(0);
  const ex = await run(['export', recordsDir, '-o', xlsx]);
  expect(ex.stderr).toMatch(/ → /);
  expect(ex.code).toBe(0);
  // export walks the folder in name order: read the records the same way
  records = readdirSync(recordsDir)
    .sort()
    .map((f) => validateRecord(JSON.parse(readFileSync(join(recordsDir, f), 'utf8'))));
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
}, 300_000);
afterAll(tmp.cleanup);

/** The rows of a sheet below the header, as arrays of values (exceljs is 1-based; empty cells null). */
function sheetRows(name: string): unknown[][] {
  const ws = workbook.getWorksheet(name);
  expect(ws, `sheet ${name}`).toBeDefined();
  const width = ws!.getRow(1).cellCount;
  const out: unknown[][] = [];
  for (let r = 2; r <= ws!.rowCount; r++) {
    const row = ws!.getRow(r);
    out.push(Array.from({ length: width }, (_, c) => row.getCell(c + 1).value ?? null));
  }
  return out;
}

function header(name: string): string[] {
  const row = workbook.getWorksheet(name)!.getRow(1);
  return Array.from({ length: row.cellCount }, (_, c) => String(row.getCell(c + 1).value));
}

const label = (r: PlanRecord) => r.document.number ?? basename(r.source.file);
const names = (l: { name: string }[]) => l.map((a) => a.name).join('; ');
const dated = (ds: Deadline[]) => ds.some((d) => ['date', 'month', 'quarter', 'year', 'range'].includes(d.kind));

describe('export -o plans.xlsx', () => {
  it('converted every input: fixtures, seed 000 and the real plans', () => {
    expect(records.length).toBe(inputs.length);
    expect(realInputs.length).toBeGreaterThanOrEqual(11);
  });

  it('has the five sheets, header row frozen, autofilter over the columns', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Văn bản', 'Nhiệm vụ', 'Chỉ tiêu', 'Trách nhiệm', 'Cảnh báo']);
    for (const ws of workbook.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getRow(1).font?.bold).toBe(true);
      for (let c = 1; c <= ws.getRow(1).cellCount; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(6);
    }
    expect(header('Nhiệm vụ')).toEqual(['Văn bản', 'Tệp', 'Mã', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời hạn (văn bản)', 'Hạn', 'Kỳ hạn', 'Trang', 'Dòng', 'Đến dòng']);
  });

  it('Văn bản: one row per document with its header fields and counts; full dates typed as dates', () => {
    const rows = sheetRows('Văn bản');
    expect(rows).toHaveLength(records.length);
    rows.forEach((row, i) => {
      const r = records[i]!;
      expect(row.slice(0, 5)).toEqual([r.source.file, r.document.typeName ?? r.document.type, r.document.number, r.document.issuer, r.document.place]);
      if (r.document.date && r.document.date.length === 10) {
        expect(row[5]).toBeInstanceOf(Date);
        expect((row[5] as Date).toISOString().slice(0, 10)).toBe(r.document.date);
      } else {
        expect(row[5]).toBe(r.document.date);
      }
      expect(row.slice(9, 13)).toEqual([r.tasks.length, r.indicators.length, r.responsibilities.length, r.warnings.length]);
    });
    expect(rows.some((r) => r[5] instanceof Date)).toBe(true);
  });

  it('Nhiệm vụ: every task once, in record order, agencies and deadlines as the record has them, due day a date', () => {
    const rows = sheetRows('Nhiệm vụ');
    const tasks = records.flatMap((r) => r.tasks.map((t) => ({ r, t })));
    expect(tasks.length).toBeGreaterThan(30);
    expect(rows).toHaveLength(tasks.length);
    const keys = new Set(rows.map((row) => `${row[1]}#${row[2]}#${row[10]}`));
    expect(keys.size).toBe(rows.length);
    rows.forEach((row, i) => {
      const { r, t } = tasks[i]!;
      expect(row.slice(0, 7)).toEqual([label(r), r.source.file, t.id, t.title, names(t.lead) || null, names(t.support) || null, t.deadlines.map((d) => d.text).join('; ') || null]);
      if (dated(t.deadlines)) expect(row[7]).toBeInstanceOf(Date);
      else expect(row[7]).toBeNull();
      expect(row.slice(9)).toEqual([t.source.page, t.source.line, t.source.endLine]);
    });
    expect(rows.filter((r) => r[7] instanceof Date).length).toBeGreaterThan(0);
  });

  it('Chỉ tiêu: every indicator once with comparator, value or range, unit, year and responsible', () => {
    const rows = sheetRows('Chỉ tiêu');
    const inds = records.flatMap((r) => r.indicators.map((i) => ({ r, i })));
    expect(rows).toHaveLength(inds.length);
    rows.forEach((row, n) => {
      const { r, i } = inds[n]!;
      expect(row.slice(0, 12)).toEqual([label(r), r.source.file, i.id, i.name, i.target.comparator, i.target.value, i.target.min ?? null, i.target.max ?? null, i.target.unit, i.target.year, names(i.responsible) || null, i.text]);
    });
  });

  it('Trách nhiệm: one row per agency duty (a responsibility without duties keeps one row)', () => {
    const rows = sheetRows('Trách nhiệm');
    const duties = records.flatMap((r) => r.responsibilities.flatMap((x) => (x.duties.length ? x.duties : [null]).map((d) => ({ r, x, d }))));
    expect(rows).toHaveLength(duties.length);
    rows.forEach((row, n) => {
      const { r, x, d } = duties[n]!;
      expect([row[0], row[1], row[2], row[5]]).toEqual([label(r), r.source.file, x.agency.name, d]);
      if (dated(x.deadlines)) expect(row[7]).toBeInstanceOf(Date);
    });
  });

  it('Cảnh báo: one row per warning', () => {
    const rows = sheetRows('Cảnh báo');
    const warnings = records.flatMap((r) => r.warnings.map((w) => ({ r, w })));
    expect(rows).toHaveLength(warnings.length);
    rows.forEach((row, n) => {
      const { r, w } = warnings[n]!;
      expect(row.slice(0, 4)).toEqual([label(r), r.source.file, w.code, w.message]);
      expect(row.slice(4)).toEqual(w.source ? [w.source.page, w.source.line, w.source.endLine] : [null, null, null]);
    });
  });

  it('the same records give the same bytes (dates from the records, fixed zip times)', async () => {
    const again = join(tmp.dir, 'again.xlsx');
    expect((await run(['export', recordsDir, '-o', again, '-q'])).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(xlsx))).toBe(true);
    const latest = records.map((r) => r.document.date).filter((d): d is string => d !== null && d.length === 10).sort().at(-1)!;
    expect(workbook.created.toISOString().slice(0, 10)).toBe(latest);
  });
});

describe('export --format csv', () => {
  it('writes the same tables as CSV (UTF-8 with BOM, RFC 4180) that csv-parse reads back to the workbook cells', async () => {
    const dir = join(tmp.dir, 'csv') + '/';
    const r = await run(['export', recordsDir, '-o', dir, '--format', 'csv', '-q']);
    expect(r.code).toBe(0);
    const files: [string, string][] = [
      ['van-ban.csv', 'Văn bản'],
      ['nhiem-vu.csv', 'Nhiệm vụ'],
      ['chi-tieu.csv', 'Chỉ tiêu'],
      ['trach-nhiem.csv', 'Trách nhiệm'],
      ['canh-bao.csv', 'Cảnh báo'],
    ];
    expect(readdirSync(dir).sort()).toEqual(files.map((f) => f[0]).sort());
    const cell = (v: unknown) => (v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
    for (const [file, sheet] of files) {
      const bytes = readFileSync(join(dir, file));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text).toContain('\r\n');
      const parsed: string[][] = parseCsv(text, { bom: true, relax_column_count: false });
      expect(parsed[0]).toEqual(header(sheet));
      expect(parsed.slice(1)).toEqual(sheetRows(sheet).map((row) => row.map(cell)));
    }
  });
});

describe('export from inputs, with a bad one', () => {
  it('converts the inputs first, reports the bad file in one line, exports the rest, exits 1', async () => {
    const bad = join(tmp.dir, 'broken.json');
    writeFileSync(bad, '{"schemaVersion": 1, "tasks": "no"}');
    const out = join(tmp.dir, 'mixed.xlsx');
    const r = await run(['export', fixture('legacy-vni.txt'), bad, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^plan-extract: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a plan record: record failed validation at `, 'm'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('Văn bản')!.rowCount).toBe(2);
    expect(wb.getWorksheet('Văn bản')!.getRow(2).getCell(1).value).toBe(fixture('legacy-vni.txt'));
  });

  it('-o without .xlsx, .csv or a folder is a usage error (exit 2), before any conversion', async () => {
    const r = await run(['export', fixture('legacy-vni.txt'), '-o', join(tmp.dir, 'plans.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^plan-extract: -o .*plans\.txt: give a \.xlsx file/);
  });
});
