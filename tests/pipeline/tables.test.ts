import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { extractFile } from '../../src/extract.js';
import { roleOfHeader, roleOfTable } from '../../src/pipeline/table-columns.js';
import { runPipeline } from '../../src/pipeline/index.js';
import { readTextDocument } from '../../src/backends/text.js';
import { repairRowLabels } from '../../src/pipeline/stages/tables.js';

const real = (name: string) => fileURLToPath(new URL(`../../fixtures/real/${name}`, import.meta.url));
const names = (list: { name: string }[]) => list.map((a) => a.name);

function fromText(text: string, file = 'plan.md') {
  const bytes = new TextEncoder().encode(text);
  return runPipeline(readTextDocument({ file, bytes, sha256: '0'.repeat(64) } as never, file));
}

describe('column roles', () => {
  it('reads the role of a column whatever the wording', () => {
    const cases: [string, string][] = [
      ['STT', 'id'],
      ['TT', 'id'],
      ['Nội dung công việc', 'task'],
      ['Tên nhiệm vụ', 'task'],
      ['Nhiệm vụ, giải pháp', 'task'],
      ['Sở, ngành chủ trì tham mưu', 'lead'],
      ['Chủ trì thực hiện', 'lead'],
      ['Cơ quan chủ trì', 'lead'],
      ['Đơn vị thực hiện', 'lead'],
      ['Đơn vị phối hợp thực hiện', 'support'],
      ['Thời gian hoàn thành', 'time'],
      // two syllables OCR ran together
      ['Đơnvị tính', 'unit'],
      ['Thờigian thực hiện', 'time'],
      ['Cơ quan chủtrì', 'lead'],
      ['Thời hạn', 'time'],
      ['Sản phẩm đầu ra', 'product'],
      ['Chỉ tiêu', 'indicator'],
      ['Đơn vị tính', 'unit'],
      ['ĐVT', 'unit'],
      ['Ghi chú', 'note'],
      ['Theo dõi, kiểm tra, đôn đốc', 'monitor'],
    ];
    expect(cases.map(([h]) => [h, roleOfHeader(h)])).toEqual(cases);
    expect(roleOfTable(['id', 'task', 'lead', 'support', 'time'])).toBe('tasks');
    expect(roleOfTable(['id', 'indicator', 'unit', 'year', 'year'])).toBe('indicators');
    expect(roleOfTable(['id', 'other', 'time', 'other'])).toBe('schedule');
    expect(roleOfTable(['id', 'other', 'other'])).toBe('other');
  });
});

describe('tables stage on real documents', () => {
  it('gives the tasks of the CCHC plan, which sit in its appendix table, with Roman groups as parents', async () => {
    const rec = await extractFile(real('lamdong-UBND-KH-draft-2025-12-CCHC-nam-2026.docx'));
    expect(rec.tables.map((t) => t.role)).toEqual(['tasks']);
    expect(rec.tables[0]!.columns).toEqual(['id', 'task', 'product', 'time', 'lead', 'support', 'monitor']);
    expect(rec.tasks).toHaveLength(52);
    const byId = new Map(rec.tasks.map((t) => [t.id, t]));
    expect(names(byId.get('I.1')!.lead)).toEqual(['Sở Tư pháp']);
    expect(names(byId.get('I.4')!.support)).toEqual(['Sở Khoa học và Công nghệ']);
    expect(byId.get('I.4')!.deadlines).toEqual([{ kind: 'year', year: 2026, text: 'Trong năm 2026' }]);
    expect(names(byId.get('II.9')!.lead)).toEqual(['Thanh tra tỉnh']);
    expect(names(byId.get('II.9')!.support)).toEqual(['Sở Nội vụ', 'Văn phòng Ủy ban nhân dân tỉnh']);
    expect(names(byId.get('VI.10')!.lead)).toEqual(['Công an tỉnh']);
    // An item Word merged over two rows (each with its own product and lead).
    expect(names(byId.get('VII.2')!.lead)).toEqual(['Sở Nội vụ']);
    expect(byId.get('VII.2-2')!.lead.map((a) => a.raw)).toEqual(['Các cơ quan, đơn vị, địa phương']);
    // A task's source is its row's line.
    expect(byId.get('I.1')!.source).toEqual({ page: null, line: 160, endLine: 160 });
  });

  it('reads the task table of the BNNMT decision (cells one per line) with groups 1, 2 over a), b)', async () => {
    const rec = await extractFile(real('BNNMT-2200-QD-2026-KH-trien-khai-ND180-cac-bon-rung.txt'));
    expect(rec.tasks.map((t) => t.id)).toEqual(['1.a', '1.b', '1.c', '2.a', '2.b', '2.c', '2.d', '2.đ', '3', '4', '5']);
    const byId = new Map(rec.tasks.map((t) => [t.id, t]));
    expect(byId.get('1.b')!.lead.map((a) => a.raw)).toContain('Sở Nông nghiệp và Môi trường');
    expect(byId.get('1.c')!.deadlines).toEqual([{ kind: 'ongoing', text: 'Thường xuyên' }]);
    expect(byId.get('2.a')!.deadlines).toEqual([{ kind: 'quarter', year: 2026, quarter: 3, text: 'Quý III/2026' }]);
    expect(byId.get('3')!.support.map((a) => a.raw)).toContain('Vụ Hợp tác quốc tế');
    expect(byId.get('2.c')!.source).toEqual({ page: null, line: 89, endLine: 95 });
    // "Quý III, IV/2026, 2027": each quarter, and the year listed after them.
    expect(byId.get('2.b')!.deadlines.map(({ text: _t, ...d }) => d)).toEqual([
      { kind: 'quarter', year: 2026, quarter: 3 },
      { kind: 'quarter', year: 2026, quarter: 4 },
      { kind: 'year', year: 2027 },
    ]);
    // "Cục Lâm nghiệp và Cục Kiểm lâm" (2.d-5) is the one body formed from both in 2025.
    for (const id of ['2.d', '2.đ', '3', '4', '5']) expect(names(byId.get(id)!.lead)[0]).toBe('Cục Lâm nghiệp và Kiểm lâm');
    expect(rec.tables.map((t) => [t.role, t.rows.length])).toEqual([['tasks', 13]]);
  });

  it('keeps schedules and site lists as tables, not tasks (Thanh Hóa 235)', async () => {
    const rec = await extractFile(real('portal/thanhhoa-UBND-235-KH-2025-11-quan-trac-thuy-san.md'));
    expect(rec.tasks).toEqual([]);
    expect(rec.tables.map((t) => t.role)).toEqual(['other', 'schedule', 'other']);
    expect(rec.tables[0]!.header).toEqual(['STT', 'Địa điểm quan trắc', 'Đối tượng quan trắc / Nguồn nước cấp nuôi tôm (vị trí)', 'Đối tượng quan trắc / Môi trường ao nuôi tôm đại diện (vị trí)', 'Đối tượng quan trắc / Môi trường nuôi ngao (vị trí)', 'Đối tượng quan trắc / Môi trường nuôi cá lồng nước ngọt (vị trí)']);
    expect(rec.tables[0]!.rows[0]).toEqual(['1', 'Cửa sông lạch Càn', '1', '', '', '']);
    expect(rec.tables[0]!.source).toEqual({ page: null, line: 364, endLine: 637 });
  });

  it('gives the Đồng Nai appendix rows as tasks, ids under their groups, lead from "Đơn vị thực hiện"', async () => {
    const rec = await extractFile(real('portal/dongnai-UBND-179-KH-2025-11-kinh-te-so.md'));
    const byId = new Map(rec.tasks.map((t) => [t.id, t]));
    expect(names(byId.get('A.I.1.1')!.lead)).toEqual(['Sở Tư pháp']);
    expect(names(byId.get('A.II.2.2')!.lead)).toEqual(['Sở Xây dựng']);
    expect(byId.get('A.II.2.2')!.deadlines).toEqual([{ kind: 'range', from: '2026', to: '2030', text: '2026 - 2030' }]);
    expect(names(byId.get('B.I.1.1')!.lead)).toEqual(['Sở Nông nghiệp và Môi trường']);
    expect(names(byId.get('C.V.5.1')!.lead)).toEqual(['Sở Tài chính']);
    // Header rows repeated under group rows are no tasks.
    expect(rec.tasks.some((t) => t.title === 'Nội dung' || t.title === 'Đơn vị thực hiện')).toBe(false);
  });
});

describe('indicator tables', () => {
  it('reads one indicator per year column from a pipe table, not from its lines', () => {
    const rec = fromText(
      [
        'KẾ HOẠCH',
        'Phát triển y tế',
        'I. MỤC TIÊU',
        'Nâng cao sức khỏe.',
        'PHỤ LỤC',
        '| STT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2030 | Cơ quan theo dõi |',
        '| --- | --- | --- | --- | --- | --- |',
        '| 1 | Tỷ lệ dân số tham gia bảo hiểm y tế | % | 95 | ≥ 98 | Sở Y tế |',
        '| 2 | Số bác sĩ trên 10.000 dân | bác sĩ/10.000 dân | 12 | 15 | Sở Y tế |',
      ].join('\n'),
    );
    expect(rec.indicators.map((i) => [i.id, i.name, i.target.value, i.target.comparator, i.target.unit, i.target.year, names(i.responsible).join()])).toEqual([
      ['PL.1.2025', 'Tỷ lệ dân số tham gia bảo hiểm y tế', 95, '=', '%', 2025, 'Sở Y tế'],
      ['PL.1.2030', 'Tỷ lệ dân số tham gia bảo hiểm y tế', 98, '>=', '%', 2030, 'Sở Y tế'],
      ['PL.2.2025', 'Số bác sĩ trên 10.000 dân', 12, '=', 'bác sĩ/10.000 dân', 2025, 'Sở Y tế'],
      ['PL.2.2030', 'Số bác sĩ trên 10.000 dân', 15, '=', 'bác sĩ/10.000 dân', 2030, 'Sở Y tế'],
    ]);
    expect(rec.indicators[0]!.source).toEqual({ page: null, line: 8, endLine: 8 });
    expect(rec.tables.map((t) => t.role)).toEqual(['indicators']);
  });
});

describe('task table labels damaged by OCR', () => {
  it('puts back Roman group labels and bracket-read numbers from their neighbours', () => {
    const bare = [true, false, false, true, false, true, false];
    expect(repairRowLabels(['I', '{', '2', 'I', '1', 'HI', '1'], bare)).toEqual({
      labels: ['I', '1', '2', 'II', '1', 'III', '1'],
      repaired: [
        { row: 1, from: '{', to: '1' },
        { row: 3, from: 'I', to: 'II' },
        { row: 5, from: 'HI', to: 'III' },
      ],
    });
  });

  it('reads English OCR\'s "IT" for II between I and III, after the repair made it "ÍT"', () => {
    expect(repairRowLabels(['I', '1', 'ÍT', '1', 'III'], [true, false, true, false, true]).labels).toEqual(['I', '1', 'II', '1', 'III']);
  });

  it('leaves labels that are right, or that no neighbour explains, as they are', () => {
    // a first group, a jump the document made itself, numbers as sub-groups, a lone "l"
    expect(repairRowLabels(['I', 'II', 'V', '1', 'l'], [true, true, true, true, false]).repaired).toEqual([]);
    expect(repairRowLabels(['HI', '1'], [true, false]).repaired).toEqual([]);
  });

  it('reads an underscore after a row number as its period ("1_", OCR in a narrow cell)', () => {
    const rec = fromText(['KẾ HOẠCH', 'I. CHỈ TIÊU', 'TT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2026', '1_ | Tỷ lệ trẻ em được tiêm chủng | % | 95', '2_ | Số xã đạt chuẩn | xã | 12'].join('\n'));
    expect(rec.indicators.map((i) => [i.id, i.target.value, i.target.unit])).toEqual([
      ['PL.1.2026', 95, '%'],
      ['PL.2.2026', 12, 'xã'],
    ]);
  });

  it('carries the groups of a task table into its continuation on the next page', () => {
    const rec = fromText(
      [
        'KẾ HOẠCH',
        'I. NHIỆM VỤ',
        'STT | Nhiệm vụ | Chủ trì | Thời gian',
        'I | Tuyên truyền |  | ',
        '1 | Tổ chức hội nghị | Công an xã | Quý I/2026',
        '',
        'Ghi chú: bảng tiếp trang sau.',
        '',
        '2 | Phát tờ rơi | Công an xã | Quý II/2026',
        'Il | Kiểm tra |  | ',
        '1 | Kiểm tra cơ sở | Công an xã | Quý III/2026',
      ].join('\n'),
    );
    expect(rec.tasks.map((t) => t.id)).toEqual(['I.1', 'I.2', 'II.1']);
    expect(rec.warnings.filter((w) => w.code === 'section-label-repaired').map((w) => w.message)).toEqual(['table 2: row label "Il" read as II (after its neighbours)']);
  });
});

describe('"=" before a target', () => {
  const table = ['# KẾ HOẠCH', '', '## I. CHỈ TIÊU', '', '| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2026 |', '| --- | --- | --- | --- |', '| 1 | Tỷ lệ trẻ em được tiêm chủng đầy đủ | % | = 95 |'].join('\n');

  it('stays "=" in a typed document', async () => {
    const record = await fromText(table);
    expect(record.indicators.map((i) => i.target)).toEqual([{ value: 95, comparator: '=', unit: '%', year: 2026 }]);
    expect(record.warnings.filter((w) => w.code === 'comparator-repaired')).toEqual([]);
  });

  it('is "≥" misread when the text came through English OCR, with a warning', async () => {
    // the English-OCR twin of tests/data/so-y-te-dong-thap-tiem-chung-2026 ("≥ 95" printed, "= 95" read)
    const record = await extractFile(fileURLToPath(new URL('../damaged/so-y-te-dong-thap-tiem-chung-2026.txt', import.meta.url)));
    expect(record.indicators.slice(0, 2).map((i) => [i.target.value, i.target.comparator])).toEqual([[95, '>='], [90, '>=']]);
    expect(record.warnings.filter((w) => w.code === 'comparator-repaired').map((w) => w.source?.line)).toEqual([22, 24]);
  });
});
