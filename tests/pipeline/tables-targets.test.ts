import { describe, expect, it } from 'vitest';
import { parseRow, readTables } from '../../src/pipeline/stages/appendix.js';
import { findTargets } from '../../src/pipeline/targets.js';
import { findReferences } from '../../src/pipeline/stages/references.js';
import { docFromLines } from '../helpers.js';

describe('appendix tables', () => {
  it('reads a row whose cells are separated by single spaces', () => {
    expect(parseRow('Tỷ lệ hộ nghèo đa chiều % 3,5 < 2 Văn hóa - Xã hội', 2)).toEqual({
      name: 'Tỷ lệ hộ nghèo đa chiều',
      unit: '%',
      values: [{ value: 3.5, comparator: '=' }, { value: 2, comparator: '<' }],
      rest: 'Văn hóa - Xã hội',
    });
    expect(parseRow('Số lao động được tạo việc làm Người 1.200 1.500-1.800 Công chức Lao động - Thương binh và Xã hội', 2)!.values).toEqual([
      { value: 1200, comparator: '=' },
      { value: null, min: 1500, max: 1800, comparator: '=' },
    ]);
    expect(parseRow('Tỷ suất sinh thô ??? Trạm Y tế', 2)).toBeNull();
  });

  it('reads a table whose cells stand one per line (a text layer that explodes rows)', () => {
    const doc = docFromLines(['PHỤ LỤC', 'TT', 'Chỉ tiêu', 'Đơn vị', 'Năm 2025', 'Năm 2030', 'Bộ phận theo dõi', '1', 'Tỷ lệ trẻ em được tiêm chủng đầy đủ', '%', '98', '99', 'Trạm Y tế', '2', 'Số hộ được hỗ trợ nhà ở', 'Hộ', '15', '30', 'Công chức Địa chính - Xây dựng']);
    const found = readTables(doc, 0, doc.lines.length - 1, 'PL');
    expect(found.map((i) => [i.id, i.name, i.target.value, i.target.unit, i.target.year, i.responsible.map((a) => a.name).join('; ')])).toEqual([
      ['PL.1.2025', 'Tỷ lệ trẻ em được tiêm chủng đầy đủ', 98, '%', 2025, 'Trạm Y tế'],
      ['PL.1.2030', 'Tỷ lệ trẻ em được tiêm chủng đầy đủ', 99, '%', 2030, 'Trạm Y tế'],
      ['PL.2.2025', 'Số hộ được hỗ trợ nhà ở', 15, 'hộ', 2025, 'Công chức Địa chính - Xây dựng'],
      ['PL.2.2030', 'Số hộ được hỗ trợ nhà ở', 30, 'hộ', 2030, 'Công chức Địa chính - Xây dựng'],
    ]);
  });

  it('warns about a numbered row it cannot read', () => {
    const doc = docFromLines(['TT\tChỉ tiêu\tĐơn vị\tĐến năm 2025\tĐến năm 2030', '1\tTỷ lệ hộ nghèo\t%\t2\t1', '2\tTỷ lệ ... \t\t##\t']);
    expect(readTables(doc, 0, 2, 'PL')).toHaveLength(2);
    expect(doc.warnings.map((w) => [w.code, w.source?.line])).toEqual([['unreadable-table-row', 3]]);
  });
});

describe('findTargets', () => {
  const t = (text: string, year: number | null = null) => findTargets(text, year).map((f) => ({ ...f.target, name: f.name }));

  it('reads comparators, units and names', () => {
    expect(t('Tỷ lệ thất nghiệp khu vực thành thị dưới 2,35%', 2030)).toEqual([{ value: 2.35, comparator: '<', unit: '%', year: 2030, name: 'Tỷ lệ thất nghiệp khu vực thành thị' }]);
    expect(t('tỷ lệ hộ nghèo không quá 3%')[0]).toMatchObject({ comparator: '<=' });
    expect(t('tối thiểu 30% lao động')[0]).toMatchObject({ comparator: '>=' });
    expect(t('có ít nhất 1.500 căn hộ nhà ở xã hội')[0]).toMatchObject({ value: 1500, comparator: '>=', unit: 'căn hộ' });
    expect(t('diện tích nhà ở bình quân đạt 30 m² sàn/người')[0]).toMatchObject({ value: 30, unit: 'm² sàn/người', name: 'diện tích nhà ở bình quân' });
    expect(t('tỷ suất sinh giảm 0,2‰')[0]).toMatchObject({ value: 0.2, unit: '‰' });
    expect(t('số bác sĩ đạt 11 bác sĩ/vạn dân')[0]).toMatchObject({ value: 11, unit: 'bác sĩ/10.000 dân' });
    expect(t('Tuổi thọ trung bình đạt 75 tuổi')[0]).toMatchObject({ value: 75, unit: 'tuổi', name: 'Tuổi thọ trung bình' });
  });

  it('leaves out dates, document numbers, levels and ages that define a group', () => {
    expect(t('Nghị quyết số 42-NQ/TW ngày 24/11/2023, giai đoạn 2021-2025')).toEqual([]);
    expect(t('đạt chuẩn mức độ 2 về phổ cập giáo dục tiểu học')).toEqual([]);
    expect(t('trẻ em dưới 5 tuổi; người từ 60 tuổi trở lên; trẻ em 5 tuổi')).toEqual([]);
    expect(t('phòng, chống dịch Covid-19 và HIV/AIDS')).toEqual([]);
  });

  it('gives each of several targets its own year and name', () => {
    const found = t('Phấn đấu đến năm 2025, có 20%, năm 2030 có 25% lực lượng lao động trong độ tuổi tham gia bảo hiểm xã hội');
    expect(found.map((f) => [f.value, f.year, f.name])).toEqual([
      [20, 2025, 'lực lượng lao động trong độ tuổi tham gia bảo hiểm xã hội'],
      [25, 2030, 'lực lượng lao động trong độ tuổi tham gia bảo hiểm xã hội'],
    ]);
    expect(t('Chỉ số hài lòng đạt mức 80% vào năm 2025 và 90% vào năm 2030').map((f) => [f.value, f.year])).toEqual([[80, 2025], [90, 2030]]);
    expect(t('hằng năm, đào tạo nghề cho 8.000 người, giải quyết việc làm cho 8.500 lao động', 2025).map((f) => [f.value, f.year])).toEqual([[8000, null], [8500, null]]);
  });

  it('reads counts of work, named by what they count', () => {
    expect(t('Thực hiện 100 cuộc kiểm tra an toàn thực phẩm đối với cơ sở sản xuất')).toEqual([{ value: 100, comparator: '=', unit: 'cuộc', year: null, name: 'cuộc kiểm tra an toàn thực phẩm đối với cơ sở sản xuất' }]);
    expect(t('Tổ chức ít nhất 02 lớp tập huấn kiến thức cho chủ cơ sở')[0]).toMatchObject({ value: 2, comparator: '>=', unit: 'lớp', name: 'lớp tập huấn kiến thức cho chủ cơ sở' });
    expect(t('Có ít nhất 15 sản phẩm OCOP được bán trên sàn thương mại điện tử', 2026)[0]).toMatchObject({ value: 15, comparator: '>=', unit: 'sản phẩm', year: 2026 });
    expect(t('Số hộ kinh doanh ký cam kết đạt 1.500 hộ')[0]).toMatchObject({ value: 1500, unit: 'hộ', name: 'Số hộ kinh doanh ký cam kết' });
    // a count that ends a name is no target ("mô hình bảo vệ 04 lớp": four layers)
    expect(t('giúp doanh nghiệp thực hiện mô hình bảo vệ 04 lớp.')).toEqual([]);
  });
});

describe('findReferences', () => {
  const refs = (text: string) => findReferences(text, () => ({ page: null, line: 1, endLine: 1 }), true).map((f) => `${f.ref.type}|${f.ref.number}|${f.ref.date}|${f.ref.issuer}`);
  it('reads numbers, dates and issuers, damaged or not', () => {
    expect(refs('Căn cứ Nghị quyết số 42-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương về')).toEqual(['NQ|42-NQ/TW|2023-11-24|Ban Chấp hành Trung ương Đảng']);
    expect(refs('Kết luận số 92-KL/TW ngày 05/11/2020 của Bộ Chính trị')).toEqual(['KL|92-KL/TW|2020-11-05|Bộ Chính trị']);
    expect(refs('Kế hoạch số 3246/KH-UBND ngày 24 tháng 11 năm 2021 của Sở Lao động - Thương binh và Xã hội về')).toEqual(['KH|3246/KH-UBND|2021-11-24|Sở Lao động - Thương binh và Xã hội']);
    expect(refs('Nghị quyết số 68/NQ-CP')).toEqual(['NQ|68/NQ-CP|null|null']);
    expect(refs('Công văn số 377-CV/TU ngày 23/11/2020 của Ban Thường vụ Tỉnh ủy')).toEqual(['CV|377-CV/TU|2020-11-23|Ban Thường vụ Tỉnh ủy']);
    expect(refs('Nghị quyết số 42- NQ/TW; Nghị quyết số 42-NO/TW')).toEqual(['NQ|42-NQ/TW|null|null', 'NQ|42-NQ/TW|null|null']);
    expect(refs('Luật số 58/2014/QH13')).toEqual(['Luật|58/2014/QH13|null|null']);
    expect(refs('Quyết định số 123/QD-UBND ngày 01/02/2024 của UBND tỉnh')).toEqual(['QĐ|123/QĐ-UBND|2024-02-01|Ủy ban nhân dân tỉnh']);
    expect(refs('Nghi quyet s6 42-NQ/TW ngay 24/11/2023 cua Ban Chap hanh Trung uong')).toEqual(['NQ|42-NQ/TW|2023-11-24|Ban Chấp hành Trung ương Đảng']);
  });
});

describe('indicators stage', () => {
  it('takes the year of an intro line and leaves policy levels in task prose', async () => {
    const { runPipeline } = await import('../../src/pipeline/index.js');
    const rec = runPipeline(
      docFromLines([
        'I. MỤC TIÊU',
        'Đến năm 2030, phấn đấu đạt các chỉ tiêu sau:',
        '(1) Tỷ lệ hộ nghèo giảm còn dưới 1%.',
        '(2) Số giường bệnh/vạn dân đạt 32 giường.',
        'II. NHIỆM VỤ',
        '1. Hỗ trợ học sinh nghèo',
        'Hỗ trợ 50% học phí cho học sinh thuộc hộ cận nghèo; phấn đấu 100% học sinh nghèo được hỗ trợ.',
      ]),
    );
    expect(rec.indicators.map((i) => [i.id, i.target.value, i.target.comparator, i.target.unit, i.target.year, i.name])).toEqual([
      ['I.1', 1, '<', '%', 2030, 'Tỷ lệ hộ nghèo'],
      ['I.2', 32, '=', 'giường bệnh', 2030, 'Số giường bệnh/vạn dân'],
      ['II.1.1', 100, '=', '%', null, 'học sinh nghèo được hỗ trợ'],
    ]);
  });
});

describe('references stage', () => {
  it('reads laws cited by name and date in the preamble, letters, Party regulations, issuers after "Hội nghị"', async () => {
    const { runPipeline } = await import('../../src/pipeline/index.js');
    const rec = runPipeline(
      docFromLines([
        'KẾ HOẠCH',
        'Thực hiện Nghị quyết số 42-NQ/TW',
        '',
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
        'Căn cứ Nghị quyết số 42-NQ/TW ngày 24/11/2023 của Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII;',
        'Thực hiện Văn bản số 123/UBND-VX ngày 02/3/2024 của UBND tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:',
        'I. MỤC ĐÍCH',
        'Thực hiện Quy định số 08-QĐi/TW và Nghị quyết số 42-NQ/TW.',
      ]),
    );
    expect(rec.references.map((r) => `${r.type}|${r.number}|${r.date}|${r.issuer}|${r.legalBasis}`)).toEqual([
      'NQ|42-NQ/TW|2023-11-24|Ban Chấp hành Trung ương Đảng|true',
      'Luật|null|2015-06-19|null|true',
      'CV|123/UBND-VX|2024-03-02|Ủy ban nhân dân tỉnh|true',
      'QĐi|08-QĐi/TW|null|null|false',
    ]);
  });
});

describe('appendix headers', () => {
  it('ignores the date of the plan in the appendix title and reads a period column as its end year', () => {
    const doc = docFromLines([
      'PHỤ LỤC',
      'CHỈ TIÊU CHỦ YẾU',
      '(Kèm theo Kế hoạch số 82/KH-UBND ngày 20/7/2024 của UBND phường)',
      'TT Chỉ tiêu Đơn vị Giai đoạn 2021-2025 Đến năm 2030 Bộ phận theo dõi',
      '1 Tỷ lệ hộ nghèo % 1,5 1 CC LĐTBXH',
    ]);
    expect(readTables(doc, 0, 4, 'PL').map((i) => [i.id, i.target.value, i.target.year, i.responsible.map((a) => a.name).join()])).toEqual([
      ['PL.1.2025', 1.5, 2025, 'Công chức Lao động - Thương binh và Xã hội'],
      ['PL.1.2030', 1, 2030, 'Công chức Lao động - Thương binh và Xã hội'],
    ]);
  });
});

describe('ruled tables', () => {
  it('reads rows whose cells OCR separated with "|"', () => {
    const doc = docFromLines(['| TT | Chỉ tiêu | Đơn vị | Năm 2025 | Năm 2030 | Bộ phận theo dõi |', '|----|----|', '| 1 | Tỷ lệ hộ nghèo | % | 2,5 | 1 | Văn hóa - Xã hội |']);
    expect(readTables(doc, 0, 2, 'PL').map((i) => [i.id, i.target.value, i.responsible.map((a) => a.name).join()])).toEqual([
      ['PL.1.2025', 2.5, 'Công chức Văn hóa - Xã hội'],
      ['PL.1.2030', 1, 'Công chức Văn hóa - Xã hội'],
    ]);
  });
});

describe('a ruled appendix with group rows, a wrapped name and bare units', () => {
  it('reads every numbered row and skips the group rows', async () => {
    const { readTestData } = await import('../helpers.js');
    const lines = readTestData('ruled-table.txt').split('\n');
    const doc = docFromLines(lines);
    const found = readTables(doc, 0, lines.length - 1, 'PL');
    expect(found.map((i) => i.id)).toEqual(['PL.1.2025', 'PL.1.2030', 'PL.2.2025', 'PL.2.2030', 'PL.3.2025', 'PL.3.2030', 'PL.4.2025', 'PL.4.2030', 'PL.5.2025', 'PL.5.2030', 'PL.6.2025', 'PL.6.2030']);
    expect(found[4]!.target).toEqual({ value: 0.5, comparator: '<', unit: '%', year: 2025 });
    expect(found[8]!.target.unit).toBe('m²');
    expect(found[10]!.name).toBe('Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi');
    expect(found[6]!.responsible.map((a) => a.name)).toEqual(['Công chức Địa chính - Xây dựng', 'Ủy ban nhân dân phường']);
    expect(doc.warnings).toEqual([]);
  });
});
