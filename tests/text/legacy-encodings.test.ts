import { describe, expect, it } from 'vitest';
import { decodeLegacy, detectLegacyEncoding } from '../../src/text/legacy-encodings.js';
import { skeleton, isVietnameseSyllable, isUnicodeVietnamese } from '../../src/text/vietnamese.js';
import { stripMarkdown } from '../../src/text/markdown.js';
import { readTestData } from '../helpers.js';

describe('legacy encodings', () => {
  it('detects and decodes TCVN3 (ABC)', () => {
    const text = 'Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\nn¨m 2021 ®­îc';
    expect(detectLegacyEncoding(text)).toBe('tcvn3');
    expect(decodeLegacy(text, 'tcvn3')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nnăm 2021 được');
  });
  it('restores capitals on TCVN3 capitals lines but not on "Sè: 21/KH-UBND"', () => {
    expect(decodeLegacy('Sè: 21/KH-UBND\nCéNG HOµ X· HéI\nKÕ HO¹CH', 'tcvn3')).toBe('Số: 21/KH-UBND\nCỘNG HOÀ XÃ HỘI\nKẾ HOẠCH');
  });
  it('detects and decodes VNI', () => {
    const text = 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc; ñöôïc';
    expect(detectLegacyEncoding(text)).toBe('vni');
    expect(decodeLegacy(text, 'vni')).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc; được');
  });
  it('leaves Unicode Vietnamese, damaged OCR text and French alone', () => {
    expect(detectLegacyEncoding(readTestData('003-lai-chau.gold.txt'))).toBeNull();
    expect(detectLegacyEncoding(readTestData('003-lai-chau.ocr.txt'))).toBeNull();
    expect(detectLegacyEncoding('Le comité a décidé à l’unanimité de réviser le système électoral général.')).toBeNull();
  });
});

describe('Vietnamese text helpers', () => {
  it('makes length-preserving skeletons', () => {
    for (const t of ['Ủy ban nhân dân', 'S¢ Lao dong', 'x& héi', '“Đền ơn”']) expect(skeleton(t)).toHaveLength(t.length);
    expect(skeleton('ĐỘC LẬP')).toBe('doc lap');
  });
  it('knows valid syllables', () => {
    for (const w of ['nghiêng', 'quốc', 'khuya', 'hóa', 'hoá', 'Việt', 'ĐƯỢC']) expect(isVietnameseSyllable(w)).toBe(true);
    for (const w of ['héi', 'S6', 'thdng', 'tiép', 'street']) expect(isVietnameseSyllable(w)).toBe(false);
  });
  it('tells real Unicode Vietnamese from English-OCR damage without the repair model', () => {
    expect(isUnicodeVietnamese(readTestData('003-lai-chau.gold.txt').split('\n'))).toBe(true);
    expect(isUnicodeVietnamese(readTestData('003-lai-chau.ocr.txt').split('\n'))).toBe(false);
    expect(isUnicodeVietnamese(['Thuc hién Nghi quyét so 42']) /* too few words to say */).toBe(false);
  });
  it('strips Markdown and keeps one line per line', () => {
    const lines = readTestData('004-binh-luc.md').split('\n');
    const out = stripMarkdown(lines);
    expect(out).toHaveLength(lines.length);
    expect(out).toContain('KẾ HOẠCH');
    expect(out).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    expect(out.join('\n')).not.toMatch(/\*\*|^#/m);
  });
});
