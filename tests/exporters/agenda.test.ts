/**
 * The agency agenda: the acceptance run on seeds 000 (held out: an input here, never tuned on), 003
 * and 004, by full name and by abbreviation; and the resolution of deadlines into a period on
 * records written for the test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { assertBuilt, run, tempDir, type RunResult } from '../cli/run.js';
import { buildAgenda, formatAgenda } from '../../src/exporters/agenda.js';
import { validateRecord, type Agency, type Deadline, type PlanRecord } from '../../src/schema/record.js';
import { emptyDraft } from '../../src/pipeline/stage.js';

const SEEDS = ['tests/data/monitor/seed-000.txt', 'fixtures/lai-chau-767.txt', 'fixtures/binh-luc-92kl.md'];
const tmp = tempDir('plan-extract-agenda-');
let full: RunResult;
let abbr: RunResult;
const recordsDir = join(tmp.dir, 'records');

beforeAll(async () => {
  assertBuilt();
  // The acceptance run converts the inputs itself; the other runs read the records converted once.
  [full, abbr] = await Promise.all([run(['agenda', ...SEEDS, '--agency', 'Sở Lao động - Thương binh và Xã hội', '-q']), run(['agenda', ...SEEDS, '--agency', 'Sở LĐTB&XH', '-q'])]);
  expect((await run([...SEEDS, '--format', 'json', '-o', recordsDir, '-q'])).code).toBe(0);
}, 300_000);
afterAll(tmp.cleanup);

describe('agenda on the seeds', () => {
  it('the full name and the abbreviation give the same agenda', () => {
    expect(full.code).toBe(0);
    expect(full.stderr).toBe('');
    expect(abbr.code).toBe(0);
    expect(abbr.stdout).toBe(full.stdout);
    expect(full.stdout.split('\n')[0]).toMatch(/^Sở Lao động - Thương binh và Xã hội — \d\d\/\d\d\/\d{4} đến \d\d\/\d\d\/\d{4}: \d+ mục$/);
  });

  it('lists what the agency leads, supports and is assigned in 000, 003 and 004, ongoing first, then by date, undated last', () => {
    const lines = full.stdout.split('\n');
    const rows = lines.slice(4).filter((l) => l && !l.startsWith('*'));
    // 000 (30/KH-UBND): tasks it leads and supports, with their deadlines
    expect(rows.some((l) => /^thường xuyên\s+chủ trì\s+30\/KH-UBND\s+1\.1 /.test(l))).toBe(true);
    expect(rows.some((l) => /^thường xuyên\s+phối hợp\s+30\/KH-UBND\s+5\.1 /.test(l))).toBe(true);
    expect(rows.some((l) => /^tháng 06\/2024\s+chủ trì\s+30\/KH-UBND\s+4 /.test(l))).toBe(true);
    expect(rows.some((l) => /^năm 2024\s+chủ trì\s+30\/KH-UBND\s+3 /.test(l))).toBe(true);
    // the annual "trước ngày 31/12 hằng năm" resolved into the period
    expect(rows.some((l) => /^31\/12\/2024\s+được giao\s+30\/KH-UBND/.test(l))).toBe(true);
    // 003 (767/KH-UBND): the duties of the Sở; 004 (Bình Lục, a district): the Phòng of the same sector
    expect(rows.some((l) => /^không nêu thời hạn\s+được giao\s+767\/KH-UBND/.test(l))).toBe(true);
    expect(rows.some((l) => /^không nêu thời hạn\s+được giao\*\s+binh-luc-92kl\.md/.test(l))).toBe(true);
    const bands = rows.map((l) => (l.startsWith('thường xuyên') ? 0 : l.startsWith('không nêu') ? 2 : 1));
    expect([...bands].sort()).toEqual(bands);
  });

  it('--exact drops the other level, -o writes CSV with ISO days, --from/--until cut the period', async () => {
    const exact = await run(['agenda', recordsDir, '--agency', 'Sở LĐTB&XH', '--exact', '-q']);
    expect(exact.stdout).not.toContain('binh-luc-92kl.md');
    expect(exact.stdout).toContain('767/KH-UBND');
    const out = join(tmp.dir, 'agenda.csv');
    const csv = await run(['agenda', recordsDir, '--agency', 'Sở LĐTB&XH', '--from', '2024-07-01', '--until', '2024-12-31', '-o', out, '-q']);
    expect(csv.code).toBe(0);
    const rows: string[][] = parseCsv(readFileSync(out, 'utf8'), { bom: true });
    expect(rows[0]!.slice(0, 4)).toEqual(['Hạn', 'Kỳ hạn', 'Thời hạn (văn bản)', 'Vai trò']);
    const dated = rows.slice(1).filter((r) => r[0] !== '');
    // June 2024 is before the period; the year 2024 and 31/12/2024 are in it
    expect(dated.map((r) => r[0])).toEqual(['2024-12-31', '2024-12-31']);
    expect(rows.slice(1).some((r) => r[1] === 'tháng 06/2024')).toBe(false);
  });

  it('an unparseable --from is a usage error', async () => {
    const r = await run(['agenda', recordsDir, '--agency', 'Sở Y tế', '--from', '31-12-2024']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^plan-extract: "31-12-2024" is not a date/);
  });
});

const agency = (name: string): Agency => ({ name, raw: name, kind: 'agency', known: true });
const src = (line: number) => ({ page: null, line, endLine: line });

function plan(date: string, tasks: { id: string; lead: string[]; support?: string[]; deadlines: Deadline[] }[]): { from: string; record: PlanRecord } {
  // a record the pipeline could have made: its empty draft, filled with the plan and its tasks
  const record = validateRecord({
    ...emptyDraft(),
    schemaVersion: 1,
    source: { file: `plan-${date}.txt`, sha256: '0'.repeat(64), kind: 'text', pages: null, encoding: 'utf-8', ocr: null, textRepair: null },
    document: { type: 'KH', typeName: 'Kế hoạch', number: `${tasks.length}/KH-UBND`, issuer: 'Ủy ban nhân dân tỉnh Hà Nam', issuerParent: null, issuerHierarchy: ['Ủy ban nhân dân tỉnh Hà Nam'], place: 'Hà Nam', date, title: 'Thử' },
    tasks: tasks.map((t, i) => ({ id: t.id, title: `Nhiệm vụ ${t.id}`, text: '', lead: t.lead.map(agency), support: (t.support ?? []).map(agency), deadlines: t.deadlines, source: src(10 + i) })),
    warnings: [],
  });
  return { from: record.source.file, record };
}

describe('deadlines resolved into the period', () => {
  const records = [
    plan('2024-03-01', [
      { id: '1', lead: ['Sở Y tế'], deadlines: [{ kind: 'annual', text: 'trước ngày 10/12 hằng năm', month: 12, day: 10 }] },
      { id: '2', lead: ['Sở Tài chính'], support: ['Sở Y tế tỉnh Hà Nam'], deadlines: [{ kind: 'quarter', text: 'quý II/2025', year: 2025, quarter: 2 }] },
      { id: '3', lead: ['Sở Y tế'], deadlines: [{ kind: 'ongoing', text: 'Thường xuyên' }] },
      { id: '4', lead: ['Sở Y tế'], deadlines: [{ kind: 'range', text: 'giai đoạn 2023-2024', from: '2023', to: '2024' }] },
      { id: '5', lead: ['Sở Nội vụ'], deadlines: [{ kind: 'date', text: 'trước 30/6/2024', date: '2024-06-30' }] },
      { id: '6', lead: ['Phòng Y tế huyện Kim Bảng'], deadlines: [] },
    ]),
  ];

  it('annual deadlines give one entry per year; ongoing first; a range overlapping the period is kept; the level suffix matches', () => {
    const agenda = buildAgenda(records, { agency: 'Sở Y tế', from: new Date(Date.UTC(2024, 0, 1)), until: new Date(Date.UTC(2026, 11, 31)) });
    expect(agenda.entries.map((e) => [e.id, e.period, e.role, e.match])).toEqual([
      ['3', 'thường xuyên', 'chủ trì', 'đúng cơ quan'],
      ['1', '10/12/2024', 'chủ trì', 'đúng cơ quan'],
      ['4', '2023 – 2024', 'chủ trì', 'đúng cơ quan'],
      ['2', 'quý II/2025', 'phối hợp', 'đúng cơ quan'],
      ['1', '10/12/2025', 'chủ trì', 'đúng cơ quan'],
      ['1', '10/12/2026', 'chủ trì', 'đúng cơ quan'],
      ['6', 'không nêu thời hạn', 'chủ trì', 'cùng ngành'],
    ]);
    expect(agenda.entries[1]!.due!.toISOString().slice(0, 10)).toBe('2024-12-10');
  });

  it('a period after a deadline leaves it out; annual entries never start before the plan\'s year', () => {
    const agenda = buildAgenda(records, { agency: 'Sở Y tế', from: new Date(Date.UTC(2020, 0, 1)), until: new Date(Date.UTC(2024, 11, 31)), exact: true });
    expect(agenda.entries.map((e) => `${e.id} ${e.period}`)).toEqual(['3 thường xuyên', '1 10/12/2024', '4 2023 – 2024']);
    expect(formatAgenda(agenda)).toContain('Sở Y tế — 01/01/2020 đến 31/12/2024: 3 mục');
  });

  it('a body merged into the agency asked for (the registry\'s successor) is listed as its predecessor', () => {
    const old = [plan('2023-05-01', [{ id: '1', lead: ['Sở Lao động - Thương binh và Xã hội'], deadlines: [{ kind: 'year', text: 'năm 2024', year: 2024 }] }])];
    const agenda = buildAgenda(old, { agency: 'Sở Nội vụ' });
    expect(agenda.entries.map((e) => [e.id, e.match, e.agency])).toEqual([['1', 'tiền thân', 'Sở Lao động - Thương binh và Xã hội']]);
    expect(formatAgenda(agenda)).toContain('† cơ quan tiền thân');
    // the other way round: the newer body's tasks are not the older one's
    expect(buildAgenda([plan('2026-01-01', [{ id: '1', lead: ['Sở Nội vụ'], deadlines: [] }])], { agency: 'Sở LĐTB&XH' }).entries).toEqual([]);
  });

  it('a time counted from an event has no day of its own: listed with the undated ones, its period in words', () => {
    const rel = [plan('2026-02-12', [{ id: '4', lead: ['Sở Y tế'], deadlines: [{ kind: 'relative', text: 'trong vòng 15 ngày kể từ ngày lập biên bản', amount: 15, unit: 'day', event: 'ngày lập biên bản' }] }])];
    const agenda = buildAgenda(rel, { agency: 'Sở Y tế' });
    expect(agenda.entries.map((e) => [e.id, e.band, e.due, e.period])).toEqual([['4', 'ongoing', null, '15 ngày kể từ ngày lập biên bản']]);
  });

  it('an agency the registry does not know matches only its own name', () => {
    const agenda = buildAgenda(records, { agency: 'Ban Quản lý dự án Không Có' });
    expect(agenda.known).toBe(false);
    expect(agenda.entries).toEqual([]);
  });
});
