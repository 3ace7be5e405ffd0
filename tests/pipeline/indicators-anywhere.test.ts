/**
 * Targets outside the objectives part: a "chỉ tiêu" list in the organization part (as ward and department plans
 * give each office its own targets), and the warning when a list announced as targets gives no indicator.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/index.js';
import { docFromLines } from '../helpers.js';

const HEADER = ['ỦY BAN NHÂN DÂN', 'PHƯỜNG AN BÌNH', 'Số: 9/KH-UBND                 An Bình, ngày 5 tháng 1 năm 2026', 'KẾ HOẠCH', 'Phát triển y tế cơ sở năm 2026', ''];
const targets = (r: ReturnType<typeof runPipeline>) => r.indicators.map((i) => [i.target.value, i.target.unit, i.target.comparator, i.target.year]);

describe('a "chỉ tiêu" list in the organization part', () => {
  const r = runPipeline(docFromLines([
    ...HEADER,
    'I. MỤC ĐÍCH, YÊU CẦU',
    '- Nâng cao chất lượng chăm sóc sức khỏe Nhân dân.',
    'II. NHIỆM VỤ',
    '1. Tuyên truyền về bảo hiểm y tế',
    'Trạm Y tế chủ trì, phối hợp với Công an phường thực hiện.',
    'III. TỔ CHỨC THỰC HIỆN',
    '1. Trạm Y tế phường',
    'Chủ trì triển khai Kế hoạch; phấn đấu đến năm 2026 đạt các chỉ tiêu sau:',
    '- Tỷ lệ bao phủ bảo hiểm y tế đạt trên 95%;',
    '- Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 98%;',
    '- Giảm tỷ lệ suy dinh dưỡng thể thấp còi xuống dưới 10%.',
    'Báo cáo kết quả về Ủy ban nhân dân phường trước ngày 15/12/2026.',
    '2. Chỉ tiêu giao Công an phường',
    '- 100% tổ dân phố được tuyên truyền về an toàn thực phẩm.',
    '3. Công an phường: phối hợp tuyên truyền; tổ chức 12 buổi sinh hoạt, đạt 100% khu dân cư.',
  ]));
  it('reads the bullets after a sentence that announces targets, and under a "Chỉ tiêu" heading', () => {
    expect(targets(r)).toEqual([
      [95, '%', '>', 2026],
      [98, '%', '=', 2026],
      [10, '%', '<', 2026],
      // Its heading states no year, nor does its sentence: none is guessed.
      [100, '%', '=', null],
    ]);
    expect(r.indicators.map((i) => i.id)).toEqual(['III.1.1', 'III.1.2', 'III.1.3', 'III.2.1']);
    expect(r.indicators[0]!.source).toMatchObject({ line: 15 });
  });
  it('leaves the duties of the organization part alone (a number in a duty is not a target) and warns of nothing', () => {
    expect(r.responsibilities.map((x) => x.agency.name)).toEqual(['Trạm Y tế phường', 'Công an phường']);
    expect(r.warnings.map((w) => w.code)).not.toContain('indicators-not-found');
  });
});

describe('a list announced as targets that gives no indicator', () => {
  it('is warned about, even when other targets were read', () => {
    const r = runPipeline(docFromLines([
      ...HEADER,
      'I. MỤC TIÊU',
      '- Tỷ lệ bao phủ bảo hiểm y tế đạt 95% vào năm 2026.',
      'II. TỔ CHỨC THỰC HIỆN',
      '1. Trạm Y tế phường',
      '- Thực hiện các chỉ tiêu chuyên môn năm 2026',
      '+ tiêm chủng 98 %, khám sàng lọc 60 %;',
      '+ quản lý 90 % người bệnh tăng huyết áp.',
    ]));
    expect(r.indicators.length).toBeGreaterThan(0);
    const w = r.warnings.filter((x) => x.code === 'indicators-not-found');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain('Thực hiện các chỉ tiêu chuyên môn năm 2026');
    expect(w[0]!.source).toMatchObject({ line: 11 });
  });
});
