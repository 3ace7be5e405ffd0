/**
 * The content stages end to end (without text repair): references, objectives,
 * indicators, tasks, responsibilities, budget and appendix tables on seed 003's
 * gold text, seed 004's Markdown, the raw damaged seed 003, and a synthetic plan
 * written for these tests (explicit agency lines, groups, numbered targets, a table).
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/index.js';
import { stripMarkdown } from '../../src/text/markdown.js';
import type { Agency, PlanRecord } from '../../src/schema/record.js';
import { docFromLines, readTestData } from '../helpers.js';

const record = (name: string, markdown = false): PlanRecord => {
  let lines = readTestData(name).split('\n');
  if (markdown) lines = stripMarkdown(lines);
  return runPipeline(docFromLines(lines, name));
};
const names = (list: Agency[]) => list.map((a) => a.name);
const strip = <T extends { text: string }>(d: T) => {
  const { text: _t, ...rest } = d;
  void _t;
  return rest;
};

const gold003 = record('003-lai-chau.gold.txt');
const md004 = record('004-binh-luc.md', true);
const synthetic = record('synthetic-plan.txt');

describe('references', () => {
  it('reads the legal bases of 003 and de-duplicates by number', () => {
    expect(gold003.references.map(({ source: _s, ...r }) => r)).toEqual([
      { type: 'KL', typeName: 'Kết luận', number: '92-KL/TW', name: null, year: 2020, date: '2020-11-05', issuer: 'Bộ Chính trị', legalBasis: true },
      { type: 'CV', typeName: 'Công văn', number: '377-CV/TU', name: null, year: 2020, date: '2020-11-23', issuer: 'Ban Thường vụ Tỉnh ủy', legalBasis: true },
    ]);
  });

  it('puts legal bases first and reads citations in the body of 004', () => {
    expect(md004.references.map((r) => `${r.number}|${r.date}|${r.issuer}|${r.legalBasis}`)).toEqual([
      '92-KL/TW|2020-11-05|Bộ Chính trị|true',
      '3246/KH-UBND|2021-11-24|Sở Lao động - Thương binh và Xã hội|true',
      '14-CT/TW|2017-07-19|Ban Bí thư|false',
      '128/KH-UBND|2021-11-05|Ủy ban nhân dân huyện|false',
      '05-CT/TW|null|Ban Bí thư|false',
      '28-NQ/TW|2018-05-23|Ban Chấp hành Trung ương Đảng|false',
      '62-CTr/TU|2018-07-19|Tỉnh ủy Hà Nam|false',
      '51-KL/TW|2019-05-30|Ban Bí thư|false',
      '29-NQ/TW|2014-11-04|Ban Chấp hành Trung ương Đảng|false',
    ]);
  });

  it('puts damaged numbers right ("42- NQ/TW", "42-NO/TW") and reads laws', () => {
    expect(synthetic.references.map((r) => `${r.type}|${r.number}|${r.date}|${r.issuer}|${r.legalBasis}`)).toEqual([
      'NQ|42-NQ/TW|2023-11-24|Ban Chấp hành Trung ương Đảng|true',
      'NQ|68/NQ-CP|2024-05-12|Chính phủ|true',
      'Luật|58/2014/QH13|2014-11-20|Quốc hội|true',
      'CV|120-CV/TU|2024-02-02|Ban Thường vụ Tỉnh ủy|true',
    ]);
  });
});

describe('objectives and budget', () => {
  it('reads purposes and requirements', () => {
    expect(gold003.objectives.purposes).toHaveLength(1);
    expect(gold003.objectives.purposes[0]!.text).toMatch(/^Tiếp tục nâng cao nhận thức.*của địa phương\.$/);
    expect(gold003.objectives.requirements[0]!.source).toEqual({ page: null, line: 34, endLine: 36 });
  });

  it('reads general, specific (non-numeric), vision and budget', () => {
    const o = synthetic.objectives;
    expect(o.purposes.map((t) => t.text)).toEqual(['Quán triệt đầy đủ các quan điểm, mục tiêu của Nghị quyết số 42-NO/TW.', 'Xác định nhiệm vụ, giải pháp để tổ chức thực hiện hiệu quả.']);
    expect(o.general.map((t) => t.text)).toEqual(['Xây dựng hệ thống chính sách xã hội bền vững, tiến bộ và công bằng.']);
    expect(o.specific.map((t) => t.text)).toEqual(['Tiếp tục hoàn thiện mạng lưới dịch vụ xã hội cơ bản.']);
    expect(o.vision.map((t) => t.text)).toEqual(['Người dân được hưởng đầy đủ các dịch vụ xã hội cơ bản.']);
    expect(synthetic.budget.map((t) => t.text)).toEqual(['Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các nguồn huy động hợp pháp khác.']);
  });
});

describe('indicators', () => {
  it('finds the targets in the task prose of 003', () => {
    expect(gold003.indicators).toHaveLength(27);
    const byId = new Map(gold003.indicators.map((i) => [i.id, i]));
    expect(byId.get('II.3.1')).toMatchObject({ name: 'tỷ lệ lao động qua đào tạo toàn tỉnh', target: { value: 62.8, comparator: '=', unit: '%', year: 2025 } });
    expect(byId.get('II.3.2')!.target).toEqual({ value: 8000, comparator: '=', unit: 'người', year: null });
    expect(byId.get('II.7.3')).toMatchObject({ name: 'tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể nhẹ cân', target: { value: 12, comparator: '<', year: 2025 } });
    expect(byId.get('II.6.1')!.target).toMatchObject({ value: 93, comparator: '>' });
    expect(byId.get('II.4.7')!.target).toMatchObject({ value: 90, year: 2030 });
    // Ages that define a group and "mức độ 2" are not targets.
    expect(gold003.indicators.some((i) => i.target.unit === 'tuổi')).toBe(false);
  });

  it('reads ranges, "gần" and "ít nhất" in 004', () => {
    expect(md004.indicators).toHaveLength(19);
    expect(md004.indicators[0]!.target).toEqual({ value: 60000, comparator: '~', unit: 'lao động', year: 2025 });
    expect(md004.indicators[1]!.target).toMatchObject({ value: 90, comparator: '>=' });
    expect(md004.indicators.find((i) => i.target.value === null)!.target).toEqual({ value: null, min: 60, max: 65, comparator: '=', unit: '%', year: 2025 });
  });

  it('reads numbered targets (1)…(5) with the heading year, composite units and yearly rates', () => {
    const targets = synthetic.indicators.filter((i) => i.id.startsWith('II.'));
    expect(targets.map((i) => [i.id, i.target.value ?? `${i.target.min}-${i.target.max}`, i.target.comparator, i.target.unit, i.target.year])).toEqual([
      ['II.2.1', 2.35, '<', '%', 2030],
      ['II.2.2', 75, '=', '%', 2030],
      ['II.2.3', 35, '=', '%', 2030],
      ['II.2.4', 75, '~', 'tuổi', 2030],
      ['II.2.5', 32, '=', 'giường bệnh/10.000 dân', 2030],
      ['II.2.6', 19, '=', 'bác sĩ/10.000 dân', 2030],
      ['II.2.7', '1.5-2', '=', '%/năm', null],
    ]);
    expect(targets[0]!.name).toBe('Tỷ lệ thất nghiệp khu vực thành thị');
  });

  it('reads the appendix table: one indicator per year column, responsible units, unreadable rows warned', () => {
    const table = synthetic.indicators.filter((i) => i.id.startsWith('PL.'));
    expect(table).toHaveLength(10);
    expect(table[0]).toMatchObject({ id: 'PL.1.2025', name: 'Tỷ lệ hộ nghèo', target: { value: 2.5, unit: '%', year: 2025 } });
    expect(names(table[0]!.responsible)).toEqual(['Công chức Lao động - Thương binh và Xã hội']);
    expect(table[3]!.target).toEqual({ value: 98, comparator: '>=', unit: '%', year: 2030 });
    expect(names(table[4]!.responsible)).toEqual(['Trạm Y tế', 'Công chức Văn hóa - Xã hội']);
    expect(table[9]).toMatchObject({ name: 'Số giường bệnh trên vạn dân', target: { value: 32, unit: 'giường bệnh/10.000 dân' } });
    expect(synthetic.warnings.filter((w) => w.code === 'unreadable-table-row').map((w) => w.source?.line)).toEqual([82]);
  });
});

describe('tasks', () => {
  it('numbers 003 tasks as the document does; GIẢI PHÁP restarts under its part label', () => {
    expect(gold003.tasks.map((t) => t.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', 'III.1', 'III.2', 'III.3', 'III.4', 'III.5', 'III.6']);
    expect(gold003.tasks[0]!.title).toBe('Về chính sách ưu đãi người có công với cách mạng');
    expect(gold003.tasks[8]!.title).toBe(
      'Các cấp, các ngành đẩy mạnh công tác tuyên truyền các chủ trương của Đảng, chính sách pháp luật của Nhà nước về an sinh xã hội theo Kết luận 92-KL/TW của Bộ Chính trị và Kế hoạch này đến cán bộ, công chức và Nhân dân',
    );
    // No task of 003 names its own agency: lead stays empty rather than guessed.
    expect(gold003.tasks.every((t) => t.lead.length === 0 && t.support.length === 0 && t.deadlines.length === 0)).toBe(true);
    expect(gold003.tasks[2]!.text).toMatch(/^Về chính sách việc làm, giáo dục nghề nghiệp\nTriển khai các chính sách hỗ trợ tạo việc làm.*8\.500 lao động\.$/s);
  });

  it('reads explicit lines, prose "X chủ trì, phối hợp với Y", and deadlines', () => {
    const t = new Map(synthetic.tasks.map((x) => [x.id, x]));
    expect([...t.keys()]).toEqual(['1.1', '1.2', '2', '3', '4']);
    expect(names(t.get('1.1')!.lead)).toEqual(['Sở Thông tin và Truyền thông']);
    expect(names(t.get('1.1')!.support)).toEqual(['Sở Tư pháp', 'Đài Phát thanh và Truyền hình tỉnh', 'các cơ quan liên quan']);
    expect(t.get('1.1')!.support[2]!.kind).toBe('group');
    expect(t.get('1.1')!.deadlines.map(strip)).toEqual([{ kind: 'ongoing' }]);
    expect(names(t.get('1.2')!.lead)).toEqual(['Sở Lao động - Thương binh và Xã hội']);
    expect(names(t.get('1.2')!.support)).toEqual(['Sở Tài chính', 'Sở Kế hoạch và Đầu tư', 'Ủy ban nhân dân các huyện, thành phố']);
    expect(t.get('1.2')!.deadlines.map(strip)).toEqual([{ kind: 'month', year: 2024, month: 6 }]);
    expect(names(t.get('2')!.lead)).toEqual(['Sở Kế hoạch và Đầu tư']);
    expect(names(t.get('2')!.support)).toEqual(['Sở Tài chính', 'các sở, ban, ngành liên quan']);
    expect(t.get('2')!.deadlines.map(strip)).toEqual([{ kind: 'annual', month: 12, day: 10 }]);
    expect(t.get('3')!.lead).toEqual([]);
    expect(t.get('4')!.deadlines.map(strip)).toEqual([{ kind: 'quarter', year: 2024, quarter: 3 }]);
    expect(t.get('4')!.support).toEqual([{ name: 'Hội Doanh nhân trẻ tỉnh', raw: 'Hội Doanh nhân trẻ tỉnh', kind: 'agency', known: false }]);
    expect(synthetic.warnings.some((w) => w.code === 'unknown-agency' && w.message.includes('Hội Doanh nhân trẻ tỉnh') && w.source !== null)).toBe(true);
  });
});

describe('responsibilities', () => {
  it('gives one entry per agency of each paragraph of 003', () => {
    expect(gold003.responsibilities.map((r) => r.agency.name)).toEqual([
      'Sở Lao động - Thương binh và Xã hội',
      'Sở Kế hoạch và Đầu tư',
      'Sở Tài chính',
      'Sở Y tế',
      'Sở Giáo dục và Đào tạo',
      'Sở Thông tin và Truyền thông',
      'Sở Xây dựng',
      'Sở Văn hóa, Thể thao và Du lịch',
      'Sở Nông nghiệp và Phát triển nông thôn',
      'Ban Dân tộc tỉnh',
      'Chi nhánh Ngân hàng Chính sách xã hội tỉnh',
      'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
      // "12. Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức thành viên tham gia …": two entries, one duty.
      'các tổ chức thành viên',
      'Ủy ban nhân dân các huyện, thành phố',
    ]);
    expect(gold003.responsibilities[12]!.agency.kind).toBe('group');
    expect(gold003.responsibilities[12]!.duties).toEqual(gold003.responsibilities[11]!.duties);
    expect(gold003.responsibilities[13]!.agency.kind).toBe('group');
    expect(gold003.responsibilities[3]!.duties).toHaveLength(3);
    expect(gold003.responsibilities[11]!.duties[0]).toMatch(/^tham gia phổ biến/);
  });

  it('reads 004 district offices', () => {
    expect(md004.responsibilities.map((r) => r.agency.name)).toEqual([
      'Phòng Lao động - Thương binh và Xã hội',
      'Phòng Tài chính - Kế hoạch',
      // "3. Phòng Văn hoá - Thông tin, Đài truyền thanh": one entry per office.
      'Phòng Văn hóa và Thông tin',
      'Đài Truyền thanh',
      'Phòng Giáo dục và Đào tạo',
      'Phòng Y tế',
      'Trung tâm Y tế huyện',
      'Phòng Kinh tế - Hạ tầng',
      'Phòng Nông nghiệp và Phát triển nông thôn',
      'Chi nhánh Ngân hàng Chính sách xã hội huyện',
      'Ủy ban Mặt trận Tổ quốc Việt Nam huyện',
      'các tổ chức chính trị - xã hội',
      'Ủy ban nhân dân các xã, thị trấn',
    ]);
  });

  it('reads "Agency: duties", heading-only agencies and annual report deadlines', () => {
    const r = synthetic.responsibilities;
    expect(r.map((x) => x.agency.name)).toEqual(['Sở Lao động - Thương binh và Xã hội', 'Sở Y tế', 'Trạm Y tế', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'các tổ chức thành viên', 'Ủy ban nhân dân các huyện, thành phố']);
    expect(r[0]!.deadlines.map(strip)).toEqual([{ kind: 'annual', month: 11, day: 15 }]);
    expect(r[0]!.duties).toEqual(['Chủ trì, phối hợp với các sở, ngành theo dõi, đôn đốc thực hiện Kế hoạch.', 'Định kỳ báo cáo hằng năm (trước ngày 15/11) về UBND tỉnh.']);
    expect(r[2]!.duties).toEqual(['Thực hiện tiêm chủng mở rộng; quản lý sức khỏe người cao tuổi.']);
    expect(r[5]!.deadlines.map(strip)).toEqual([{ kind: 'annual', month: 12, day: 31 }]);
  });
});

describe('damaged text (seed 003 as OCR left it, no repair)', () => {
  it('does not crash and still finds agencies, references and targets by their skeletons', () => {
    const raw = record('003-lai-chau.ocr.txt');
    expect(raw.references.map((r) => r.number)).toContain('92-KL/TW');
    const agencies = raw.responsibilities.map((r) => r.agency.name);
    expect(agencies).toEqual(expect.arrayContaining(['Sở Lao động - Thương binh và Xã hội', 'Sở Kế hoạch và Đầu tư', 'Sở Tài chính', 'Sở Văn hóa, Thể thao và Du lịch', 'Ban Dân tộc tỉnh', 'Chi nhánh Ngân hàng Chính sách xã hội tỉnh']));
    expect(agencies.length).toBeGreaterThanOrEqual(11);
    expect(raw.tasks.length).toBe(14);
    expect(raw.indicators.map((i) => i.target.value)).toEqual(expect.arrayContaining([62.8, 98, 93, 86, 75]));
  });
});

describe('a second shape: lettered tasks with their own lines, prose leads, closing words', () => {
  const variant = record('synthetic-variant.txt');
  it('makes lettered items that name their own lead tasks, and reads leads in prose', () => {
    expect(variant.tasks.map((t) => [t.id, names(t.lead).join('; '), names(t.support).join('; '), t.deadlines.map((d) => d.kind).join()])).toEqual([
      ['1.a', 'Sở Thông tin và Truyền thông; Sở Lao động - Thương binh và Xã hội', 'Các sở, ban, ngành; Ủy ban nhân dân các huyện, thị xã, thành phố', 'year'],
      ['1.b', 'Sở Tư pháp', '', 'date'],
      ['2.1', 'Sở Lao động - Thương binh và Xã hội', 'các cơ quan liên quan', 'month'],
      ['2.2', 'Sở Nội vụ', '', 'range'],
    ]);
    expect(variant.tasks[1]!.deadlines[0]).toMatchObject({ kind: 'date', date: '2024-06-30' });
  });

  it('does not read task items as responsibilities, nor the closing words as a duty', () => {
    expect(variant.responsibilities.map((r) => [r.agency.name, r.agency.kind, r.deadlines.map((d) => `${d.kind === 'annual' ? `${d.day}/${d.month}` : d.kind}`).join()])).toEqual([
      ['Các sở, ban, ngành', 'group', '10/12'],
      ['Ủy ban nhân dân các huyện, thị xã, thành phố', 'group', '10/12'],
      ['Sở Lao động - Thương binh và Xã hội', 'agency', '31/12'],
    ]);
    expect(variant.responsibilities[2]!.duties.join(' ')).not.toMatch(/Trong quá trình/);
  });
});

describe('a third shape: fields in parentheses, organization part without numbers', () => {
  const v = record('synthetic-variant2.txt');
  it('reads inline fields and keeps them out of the title', () => {
    expect(v.tasks.map((t) => [t.id, t.title, names(t.lead).join('; '), t.deadlines.map((d) => d.kind).join()])).toEqual([
      ['1', 'Tuyên truyền nâng cao nhận thức', 'Sở Thông tin và Truyền thông', 'ongoing'],
      ['2', 'Rà soát chính sách', 'Sở Tư pháp', ''],
    ]);
  });
  it('makes each paragraph that opens with a body an entry', () => {
    expect(v.responsibilities.map((r) => [r.agency.name, r.duties.length, r.deadlines.length])).toEqual([
      ['Sở Lao động - Thương binh và Xã hội', 1, 1],
      ['Sở Tài chính', 1, 0],
      ['Các sở, ban, ngành', 1, 0],
    ]);
  });
});

describe('requests after the numbered items', () => {
  it('makes "Yêu cầu các sở, ban, ngành … trước ngày 15/12 hằng năm" an entry, and drops the closing words', () => {
    const v = record('synthetic-variant3.txt');
    expect(v.responsibilities.map((r) => [r.agency.name, r.agency.kind, r.deadlines.map((d) => (d.kind === 'annual' ? `${d.day}/${d.month}` : d.kind)).join()])).toEqual([
      ['Sở Y tế', 'agency', ''],
      ['Sở Tài chính', 'agency', ''],
      ['các sở, ban, ngành', 'group', '15/12'],
      ['Ủy ban nhân dân các huyện, thành phố', 'group', '15/12'],
    ]);
    expect(v.responsibilities[1]!.duties).toEqual(['Bố trí kinh phí.']);
  });
});

describe('a part heading whose label OCR damaged ("HIIL. GIẢI PHÁP", seed 004 read by tesseract vie)', () => {
  it('recovers the part and its numbered items as tasks, with a warning', () => {
    const v = record('004-binh-luc.ocr-vie.txt');
    expect(v.tasks.map((t) => t.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', 'III.1', 'III.2', 'III.3', 'III.4', 'III.5', 'III.6']);
    expect(v.tasks[7]!.text).not.toMatch(/GIẢI PHÁP/);
    expect(v.warnings.filter((w) => w.code === 'section-recovered').map((w) => w.source?.line)).toEqual([179]);
    expect(v.responsibilities).toHaveLength(13);
  });
});

describe('no readable Roman label at all', () => {
  it('finds the parts by their headings and reads their numbered items', () => {
    const v = record('synthetic-variant4.txt');
    expect(v.tasks.map((t) => [t.id, names(t.lead).join(), t.deadlines.map((d) => d.kind).join()])).toEqual([
      ['1', 'Sở Thông tin và Truyền thông', ''],
      ['2', 'Sở Tư pháp', 'month'],
    ]);
    expect(v.responsibilities.map((r) => r.agency.name)).toEqual(['Sở Y tế', 'Sở Tài chính']);
    expect(v.warnings.filter((w) => w.code === 'section-recovered')).toHaveLength(2);
  });
});

describe('text without diacritics, no repair (the stages match on skeletons)', () => {
  it('reads references, targets, leads, supports and deadlines', () => {
    const v = record('synthetic-blind3.txt');
    expect(v.references.map((r) => `${r.number}|${r.date}`)).toEqual(['42-NQ/TW|2023-11-24', '15-KH/TU|2024-01-05']);
    expect(v.indicators.map((i) => `${i.target.value}${i.target.unit}|${i.target.comparator}|${i.target.year}`)).toEqual(['70%|=|2030', '3%/năm|=|null', '95%|>|2030']);
    expect(v.tasks.map((t) => [t.id, names(t.lead).join(), t.support.length, t.deadlines.map((d) => d.kind).join()])).toEqual([
      ['1', 'Sở Thông tin và Truyền thông', 2, 'ongoing'],
      ['2', 'Sở Lao động - Thương binh và Xã hội', 2, 'month'],
      ['3', 'Sở Kế hoạch và Đầu tư', 1, 'annual'],
    ]);
    expect(v.responsibilities.map((r) => [r.agency.kind, r.deadlines.length])).toEqual([['agency', 1], ['group', 0], ['group', 0]]);
  });
});
