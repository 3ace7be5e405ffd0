import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/index.js';
import { docFromLines } from '../helpers.js';

const refs = (lines: string[]) => runPipeline(docFromLines(lines)).references.map((r) => [r.type, r.number, r.name, r.year, r.date, r.legalBasis]);

describe('references', () => {
  it('reads numbers split across lines, 217/2025/NĐ-CP forms, and laws cited by name (number null, name and year kept)', () => {
    expect(refs([
      'KẾ HOẠCH', 'Về việc thử', '',
      'Căn cứ Nghị định số 217/', '2025/NĐ-CP ngày 05/8/2025 của Chính phủ;',
      'Căn cứ Nghị định số 218/2025/NĐ-', 'CP ngày 05/8/2025 của Chính phủ;',
      'Căn cứ Quyết định số', '1050/QĐ-SCT ngày 06/3/2026 của Giám đốc Sở Công Thương;',
      'Căn cứ Luật Phòng, chống ma túy năm 2021;',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
      'I. MỤC ĐÍCH',
      '1. Tuyên truyền Luật Phòng, chống ma túy năm 2021 và Bộ luật Hình sự năm 2015; tuân thủ pháp luật năm 2026.',
    ])).toEqual([
      ['NĐ', '217/2025/NĐ-CP', null, 2025, '2025-08-05', true],
      ['NĐ', '218/2025/NĐ-CP', null, 2025, '2025-08-05', true],
      ['QĐ', '1050/QĐ-SCT', null, 2026, '2026-03-06', true],
      ['Luật', null, 'Luật Phòng, chống ma túy', 2021, null, true],
      ['Luật', null, 'Luật Tổ chức chính quyền địa phương', 2025, '2025-06-16', true],
      ['Luật', null, 'Bộ luật Hình sự', 2015, null, false],
    ]);
  });
});
