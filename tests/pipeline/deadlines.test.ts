import { describe, expect, it } from 'vitest';
import { parseDeadlines } from '../../src/pipeline/deadlines.js';
import { parseVietnameseNumber } from '../../src/pipeline/numbers.js';

const kinds = (text: string, strict = false) => parseDeadlines(text, { strict }).map(({ text: _t, ...rest }) => rest);

describe('parseDeadlines', () => {
  it('reads every kind', () => {
    expect(kinds('Thường xuyên.')).toEqual([{ kind: 'ongoing' }]);
    expect(kinds('hằng năm')).toEqual([{ kind: 'ongoing' }]);
    expect(kinds('ngày 30/6/2024')).toEqual([{ kind: 'date', date: '2024-06-30' }]);
    expect(kinds('ngày 30 tháng 6 năm 2024')).toEqual([{ kind: 'date', date: '2024-06-30' }]);
    expect(kinds('hoàn thành tháng 6/2024')).toEqual([{ kind: 'month', year: 2024, month: 6 }]);
    expect(kinds('trong tháng 6 năm 2024')).toEqual([{ kind: 'month', year: 2024, month: 6 }]);
    expect(kinds('Quý III/2024')).toEqual([{ kind: 'quarter', year: 2024, quarter: 3 }]);
    expect(kinds('quý 3 năm 2024')).toEqual([{ kind: 'quarter', year: 2024, quarter: 3 }]);
    // English OCR reads the numeral's I as 1 or l: 11, 111, 1V are not quarters as digits
    expect(kinds('Quy 111/2026; Quy 11/2024; Quy 1V/2026; Quy Il/2025; Quý 1/2026')).toEqual([3, 2, 4, 2, 1].map((quarter, i) => ({ kind: 'quarter', year: [2026, 2024, 2026, 2025, 2026][i], quarter })));
    expect(kinds('trong năm 2024')).toEqual([{ kind: 'year', year: 2024 }]);
    expect(kinds('đến năm 2030')).toEqual([{ kind: 'year', year: 2030 }]);
    expect(kinds('giai đoạn 2024-2025')).toEqual([{ kind: 'range', from: '2024', to: '2025' }]);
    expect(kinds('2021 - 2025')).toEqual([{ kind: 'range', from: '2021', to: '2025' }]);
  });

  it('reads annual deadlines, with or without "hằng năm" beside the date', () => {
    expect(kinds('trước ngày 10/12 hằng năm')).toEqual([{ kind: 'annual', month: 12, day: 10 }]);
    expect(kinds('gửi UBND tỉnh trước ngày 31/12 hằng năm')).toEqual([{ kind: 'annual', month: 12, day: 31 }]);
    expect(kinds('Định kỳ báo cáo hằng năm (trước ngày 15/11)')).toEqual([{ kind: 'annual', month: 11, day: 15 }]);
    expect(parseDeadlines('trước ngày 10/12 hằng năm')[0]!.text).toBe('trước ngày 10/12 hằng năm');
  });

  it('reads recurring deadlines within the year (monthly reports of real plans)', () => {
    // CCHC plan of UBND tỉnh Lâm Đồng (2025): "Định kỳ hằng tháng", "Trước ngày 05 của tháng liền kề".
    expect(kinds('Định kỳ hằng tháng')).toEqual([{ kind: 'recurring', every: 'month', day: null }]);
    expect(kinds('Trước ngày 05 của tháng liền kề')).toEqual([{ kind: 'recurring', every: 'month', day: 5 }]);
    expect(kinds('báo cáo kết quả về Sở Nội vụ trước ngày 25 hằng tháng', true)).toEqual([{ kind: 'recurring', every: 'month', day: 25 }]);
    // 'trước' left damaged by the repair still cues a deadline in prose
    expect(kinds('báo cáo kết quả trudge ngày 15/12/2025', true)).toEqual([{ kind: 'date', date: '2025-12-15' }]);
    expect(kinds('báo cáo true ngày 15/12 hằng năm', true)).toEqual([{ kind: 'annual', day: 15, month: 12 }]);
    expect(parseDeadlines('gửi trước ngày 25 hằng tháng')[0]!.text).toBe('trước ngày 25 hằng tháng');
    expect(kinds('báo cáo hằng quý', true)).toEqual([{ kind: 'recurring', every: 'quarter', day: null }]);
    expect(kinds('Hằng tuần')).toEqual([{ kind: 'recurring', every: 'week', day: null }]);
    // In prose, a cycle that times no report is not a deadline ("hằng tháng tổ chức sinh hoạt" is a habit).
    expect(kinds('các chi hội hằng tháng tổ chức sinh hoạt chuyên đề', true)).toEqual([]);
    // A yearly date stays annual.
    expect(kinds('trước ngày 10/12 hằng năm')).toEqual([{ kind: 'annual', month: 12, day: 10 }]);
  });

  it('reads ranges of months and days written with one year', () => {
    expect(kinds('Từ tháng 01 đến tháng 4/2026')).toEqual([{ kind: 'range', from: '2026-01', to: '2026-04' }]);
    expect(kinds('tháng 01 - 4/2026')).toEqual([{ kind: 'range', from: '2026-01', to: '2026-04' }]);
    expect(kinds('từ tháng 10/2025 đến tháng 3/2026')).toEqual([{ kind: 'range', from: '2025-10', to: '2026-03' }]);
    expect(kinds('từ tháng 10 đến tháng 3/2026')).toEqual([{ kind: 'range', from: '2025-10', to: '2026-03' }]);
    expect(kinds('từ ngày 01/3 đến ngày 30/4/2026')).toEqual([{ kind: 'range', from: '2026-03-01', to: '2026-04-30' }]);
    expect(kinds('Thời gian: từ tháng 01 đến tháng 4/2026', true)).toEqual([{ kind: 'range', from: '2026-01', to: '2026-04' }]);
    // One month stays a month.
    expect(kinds('hoàn thành tháng 4/2026')).toEqual([{ kind: 'month', year: 2026, month: 4 }]);
  });

  it('keeps the cue in the text', () => {
    expect(parseDeadlines('Thời gian: hoàn thành tháng 6/2024.')[0]!.text).toBe('hoàn thành tháng 6/2024');
  });

  it('does not take the dates of cited documents', () => {
    expect(kinds('Nghị quyết số 42-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương')).toEqual([]);
    expect(kinds('Kế hoạch số 3246/KH-UBND ngày 24 tháng 11 năm 2021 của Sở Lao động')).toEqual([]);
  });

  it("strict mode keeps deadlines and leaves targets' years alone", () => {
    expect(kinds('Phấn đấu đến năm 2025, tỷ lệ lao động qua đào tạo đạt 62,8%', true)).toEqual([]);
    expect(kinds('đạt mức 80% vào năm 2025', true)).toEqual([]);
    expect(kinds('thực hiện kế hoạch phát triển nhà ở giai đoạn 2021-2025', true)).toEqual([]);
    expect(kinds('báo cáo UBND tỉnh trước ngày 10/12 hằng năm', true)).toEqual([{ kind: 'annual', month: 12, day: 10 }]);
    expect(kinds('hoàn thành trong năm 2024', true)).toEqual([{ kind: 'year', year: 2024 }]);
    expect(kinds('hằng năm, đào tạo nghề cho 8.000 người', true)).toEqual([]);
    expect(kinds('Định kỳ hằng năm báo cáo kết quả', true)).toEqual([{ kind: 'ongoing' }]);
  });

  it('reads times counted from an event the plan names, and daily cycles', () => {
    expect(kinds('Sau 03 tháng kể từ ngày ký ban hành Kế hoạch')).toEqual([{ kind: 'relative', amount: 3, unit: 'month', event: 'ngày ký ban hành Kế hoạch' }]);
    expect(kinds('ban hành quyết định xử phạt trong vòng 15 ngày kể từ ngày lập biên bản vi phạm hành chính; công khai kết quả', true)).toEqual([
      { kind: 'relative', amount: 15, unit: 'day', event: 'ngày lập biên bản vi phạm hành chính' },
    ]);
    expect(kinds('gửi báo cáo trong thời hạn 05 ngày làm việc kể từ ngày kết thúc mỗi đợt kiểm tra.', true)).toEqual([
      { kind: 'relative', amount: 5, unit: 'working-day', event: 'ngày kết thúc mỗi đợt kiểm tra' },
    ]);
    expect(kinds('trong 30 ngày sau khi Kế hoạch được ban hành, báo cáo UBND tỉnh', true)).toEqual([{ kind: 'relative', amount: 30, unit: 'day', event: 'Kế hoạch được ban hành' }]);
    // no event named: nothing read
    expect(kinds('sau 6 tháng triển khai', true)).toEqual([]);
    expect(kinds('báo cáo tình hình hằng ngày trong dịp Tết', true)).toEqual([{ kind: 'recurring', every: 'day', day: null }]);
    expect(kinds('hoàn thành chậm nhất ngày 30/6/2026', true)).toEqual([{ kind: 'date', date: '2026-06-30' }]);
  });

  it('matches damaged words on the skeleton', () => {
    expect(kinds('Thudng xuyén')).toEqual([{ kind: 'ongoing' }]);
    expect(kinds('truoc ngay 31/12 hang nam')).toEqual([{ kind: 'annual', month: 12, day: 31 }]);
  });
});

describe('parseVietnameseNumber', () => {
  it('reads dots as thousands and commas as decimals', () => {
    expect(parseVietnameseNumber('62,8')).toBe(62.8);
    expect(parseVietnameseNumber('74.900')).toBe(74900);
    expect(parseVietnameseNumber('8.000')).toBe(8000);
    expect(parseVietnameseNumber('1.000,5')).toBe(1000.5);
    expect(parseVietnameseNumber('2.5')).toBe(2.5);
    expect(parseVietnameseNumber('abc')).toBeNull();
  });
});
