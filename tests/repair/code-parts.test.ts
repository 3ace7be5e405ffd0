import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CodeParts, countCodeParts, formatCodeParts } from '../../src/repair/code-parts.js';
import { loadRepairModel } from '../../src/repair/index.js';
import { dataPath } from '../../src/util/paths.js';

describe('code parts', () => {
  const parts = new CodeParts(readFileSync(dataPath('repair', 'code-parts.txt'), 'utf8'));

  it('restores the Đ the corpus always writes in a code part, and Q read as O', () => {
    expect(parts.repair('105/2014/ND-CP')).toBe('105/2014/NĐ-CP');
    expect(parts.repair('1719/QD-TTg')).toBe('1719/QĐ-TTg');
    expect(parts.repair('17/2022/TT-BLDTBXH')).toBe('17/2022/TT-BLĐTBXH');
    expect(parts.repair('146/2025/OH15')).toBe('146/2025/QH15');
    expect(parts.repairPart('BLDTBXH')).toBe('BLĐTBXH');
  });

  it('reads a B or P where a known part has its Đ as that Đ, in parts the corpus never shows', () => {
    expect(parts.repair('1287/QB-UBND')).toBe('1287/QĐ-UBND');
    expect(parts.repair('15/2025/NQ-HPND')).toBe('15/2025/NQ-HĐND');
    // BB (biên bản) is a part of its own; ĐC is too rare in the corpus to take PC08 (a police unit) for it
    expect(parts.repair('12/BB-UBND')).toBe('12/BB-UBND');
    expect(parts.repair('1523/KH-CAT-PC08')).toBe('1523/KH-CAT-PC08');
    // a document type (PA: phương án) is not a damaged ĐA (đề án)
    expect(parts.repair('12/PA-UBND')).toBe('12/PA-UBND');
  });

  it('reads a lone abbreviation whose B or P stands for a known part\'s Đ as that part (TT HPND tỉnh)', () => {
    const listed = (p: string) => ['HĐND', 'QĐ', 'NĐ'].includes(p);
    expect(parts.repairPart('HPND', listed)).toBe('HĐND');
    // alone, a P is often a Phòng: PKT (Phòng Kinh tế) is no ĐKT, a code part but no listed abbreviation
    for (const a of ['PA', 'BB', 'PC', 'UBND', 'BCH', 'PKT']) expect(parts.repairPart(a, listed)).toBe(a);
    expect(parts.repairPart('HPND')).toBe('HPND');
    const r = loadRepairModel().repairLines(['- TT Tinh ty, TT HPND tinh (b/c);', '- Luu: VT, PKT.'], { channel: 'english-ocr' });
    expect(r.lines[0]).toContain('TT HĐND tỉnh (b/c);');
    expect(r.lines[1]).toContain('VT, PKT.');
  });

  it('leaves codes without a lost Đ as they are', () => {
    for (const c of ['30/KH-UBND', '42-NQ/TW', '92-KL/TW', '377-CV/TU', '05/11/2020', '61/2024/QH15', 'NĐ-CP']) expect(parts.repair(c)).toBe(c);
  });

  it('counts parts of number-carrying codes only, and lists those seen often enough', () => {
    const counts = new Map<string, number>();
    countCodeParts(['Nghị định số 15/2019/NĐ-CP và NĐ-CP', 'Quyết định 90/QĐ-TTg; ghi chú A-B'], counts);
    expect([...counts].sort()).toEqual([['CP', 1], ['NĐ', 1], ['QĐ', 1], ['TTg', 1]]);
    for (let i = 0; i < 4; i++) countCodeParts(['Nghị định số 15/2019/NĐ-CP'], counts);
    expect(formatCodeParts(counts).split('\n').slice(1)).toEqual(['CP 5', 'NĐ 5', '']);
    const few = new CodeParts(formatCodeParts(counts));
    expect(few.repair('1/2020/ND-CP')).toBe('1/2020/NĐ-CP');
    expect(few.repair('90/QD-TTg')).toBe('90/QD-TTg'); // QĐ seen once: not listed
  });

  it('repairs codes in English-OCR and stripped text, not in clean text', () => {
    const model = loadRepairModel();
    const ocr = ['Can cu Nghi dinh s6 105/2014/ND-CP ngay 15 thang 11 nam 2014 cua Chinh phu quy dinh chi tiét'];
    expect(model.repairLines(ocr).lines[0]).toContain('105/2014/NĐ-CP ngày 15 tháng 11 năm 2014 của Chính phủ');
    const stripped = ['Can cu Nghi dinh so 105/2014/ND-CP ngay 15 thang 11 nam 2014 cua Chinh phu quy dinh chi tiet'];
    expect(model.repairLines(stripped, { channel: 'stripped' }).lines[0]).toContain('105/2014/NĐ-CP');
    expect(model.repairLines(['Căn cứ Nghị định số 105/2014/ND-CP của Chính phủ'], { channel: 'clean' }).lines[0]).toContain('105/2014/ND-CP');
  });
});
