// English-OCR misses seen in the damaged twins of the development documents (tests/damaged)
import { describe, expect, it } from 'vitest';
import { loadRepairModel } from '../../src/repair/index.js';
import { splitSlashedWords, tokenizeLine } from '../../src/repair/tokenize.js';

const words = (line: string) => splitSlashedWords(tokenizeLine(line)).filter((p) => p.word).map((p) => p.text);

describe('English-OCR repair of the damaged twins', () => {
  const model = loadRepairModel();
  const repair = (lines: string[]) => model.repairLines(lines, { channel: 'english-ocr' }).lines;

  it('splits slash-joined syllables into parts, but not codes, dates or b/c', () => {
    expect(words('giam 1,5%/nam; 35.000 lao dong/nam')).toEqual(['giam', '1,5%', 'nam', '35.000', 'lao', 'dong', 'nam']);
    expect(words('60 trieu dong/ngudi/nam.')).toEqual(['60', 'trieu', 'dong', 'ngudi', 'nam']);
    for (const code of ['42-NQ/TW', 'KH/UBND', '05/11/2020', 'b/c', 'm2/nguoi', 'Iv/2025']) expect(words(code)).toEqual([code]);
    // the pieces still rebuild the line byte for byte
    const line = '- Thu nhap 60 trieu dong/ngudi/nam (b/c).';
    expect(splitSlashedWords(tokenizeLine(line)).map((p) => p.text).join('')).toBe(line);
  });

  it('repairs syllables glued to numbers and slashes', () => {
    const r = repair([
      '- Ty 1é hé ngheo theo chuan da chiéu giam binh quan 1,5%/nam; dén nam 2030 con dudi 2%.',
      '- Giai quyét viéc lam mdi cho khoang 2.500 lao dong/nam.',
      '- Thu nhap binh quan dau ngudi dat trén 90 triéu dong/ngudi/nam.',
    ]);
    expect(r[0]).toContain('giảm bình quân 1,5%/năm;');
    expect(r[1]).toContain('lao động/năm.');
    expect(r[2]).toContain('triệu đồng/người/năm.');
  });

  it('reads an English dictionary word made of a damaged -ước (trudge) as the syllable', () => {
    const r = repair([
      '- Cac don vi bao cao két qua thuc hién vé S& Ndi vu trudge ngay 15/12/2025.',
      'Hoan thanh trudge ngay 30/7/2026; bao cao Giam déc Cong an tinh trudge ngay 20 hang thang.',
    ]);
    expect(r[0]).toContain('kết quả thực hiện về Sở Nội vụ trước ngày 15/12/2025.');
    expect(r[1]).toBe('Hoàn thành trước ngày 30/7/2026; báo cáo Giám đốc Công an tỉnh trước ngày 20 hằng tháng.');
  });

  it('keeps a lone capital before a capitalised name as written (Y Thanh Hà), and Y inside Sở Y tế', () => {
    const r = repair(['Nguyen Van Nam', 'Y Thanh Ha', '- S& Y té tinh (b/c);', 'Ban chi dao ve Sé Y Té va Uy ban nhan dan']);
    expect(r[1]).toBe('Y Thanh Hà');
    expect(r[2]).toBe('- Sở Y tế tỉnh (b/c);');
    expect(r[3]).toBe('Ban chỉ đạo về Sở Y Tế và Ủy ban nhân dân');
  });

  it('capitalises a Đ that English OCR read as a lower-case b or p', () => {
    const r = repair(['bon vi chu tri: Phong Quan ly dau tu.', 'biéu 1. Ban hanh kém theo Quyét dinh nay Ké hoach thuc hién', '- Don vi phdi hop: Van phong Sé; cac don vi lién quan.']);
    expect(r[0]).toBe('Đơn vị chủ trì: Phòng Quản lý đầu tư.');
    expect(r[1]).toBe('Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện');
    expect(r[2]).toBe('- Đơn vị phối hợp: Văn phòng Sở; các đơn vị liên quan.');
  });

  it('reads the quarter after Quý back as a Roman numeral (English OCR reads II as 11)', () => {
    const r = repair(['- Thdi gian hoan thanh: Quy 11/2026; Quy I11/2024 va trong Quy 1V/2026.', 'Quyét dinh s6 11/2026 ngay 05/11/2020; Quy 4/2026']);
    expect(r[0]).toContain('Quý II/2026; Quý III/2024 và trong Quý IV/2026.');
    // elsewhere digits stay digits, and an Arabic quarter stays Arabic
    expect(r[1]).toContain('11/2026 ngày 05/11/2020');
    expect(r[1]).toContain('4/2026');
  });
});
