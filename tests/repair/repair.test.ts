import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assessDamage, loadRepairModel } from '../../src/repair/index.js';
import { syllableAccuracy, unchangedShare } from '../../src/repair/evaluate.js';

const here = dirname(fileURLToPath(import.meta.url));
const read = (f: string) => readFileSync(join(here, 'data', f), 'utf8').split('\n');
const seed003 = read('003.seed.txt');
const gold003 = read('003.gold.txt');
const clean004 = read('004.clean.md');

const ENGLISH = [
  'The quick brown fox jumps over the lazy dog.',
  'Ha Noi is the capital; the team met on 5 May to review the plan and the budget.',
  'Table 2. Targets for 2025 and 2030 (see Annex I), approved by the committee.',
  'This plan describes the implementation of social policies in the province.',
  'Contact: info@example.org, phone +84 24 1234 5678.',
];

describe('repair model', () => {
  const model = loadRepairModel();

  it('is a cached singleton', () => {
    expect(loadRepairModel()).toBe(model);
  });

  it('keeps the line count and layout', () => {
    const r = model.repairLines(seed003);
    expect(r.lines).toHaveLength(seed003.length);
    expect(r.tokens).toBeGreaterThan(2500);
    expect(r.changed).toBeGreaterThan(1000);
    expect(r.meanConfidence).toBeGreaterThan(0.5);
    expect(r.meanConfidence).toBeLessThanOrEqual(1);
    // blank lines stay blank, leading whitespace stays
    seed003.forEach((l, i) => {
      if (!l.trim()) expect(r.lines[i]).toBe(l);
      expect(r.lines[i]!.match(/^\s*/)![0]).toBe(l.match(/^\s*/)![0]);
    });
  });

  it('repairs known damaged phrases', () => {
    const doc = [
      'UY BAN NHAN DAN CONG HOA XA HQI CHU NGHIA VIET NAM',
      'TINH LAI CHAU Déc 1ap - Tw do - Hanh phac',
      'S6: 767 /KH-UBND Lai Chau, ngay 31 thang 3 nam 2021',
      'Trién khai thuc hién Két luan sé 92-KL/TW ngay 05/11/2020',
      'I. MUC PICH, YEU CAU',
      'I1. NHIEM VU',
      'chinh sach x& héi giai doan 2012 - 2020 (goi tit 1a Két luan s6 92-KL/TW).',
    ];
    const r = model.repairLines(doc);
    expect(r.lines[0]).toBe('ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(r.lines[1]).toBe('TỈNH LAI CHÂU Độc lập - Tự do - Hạnh phúc');
    expect(r.lines[2]).toBe('Số: 767 /KH-UBND Lai Châu, ngày 31 tháng 3 năm 2021');
    expect(r.lines[3]).toBe('Triển khai thực hiện Kết luận số 92-KL/TW ngày 05/11/2020');
    expect(r.lines[4]).toBe('I. MỤC ĐÍCH, YÊU CẦU');
    expect(r.lines[5]).toBe('II. NHIỆM VỤ');
    expect(r.lines[6]).toBe('chính sách xã hội giai đoạn 2012 - 2020 (gọi tắt là Kết luận số 92-KL/TW).');
  });

  it('restores abbreviations and keeps codes and numbers', () => {
    const r = model.repairLines([
      'Thuc hién Nghi quyét s6 42-NQ/TW cua HDND tinh va Sé LDTB&XH ngay 24/11/2023;',
      'ty 1é hé nghéo giam 1,5% mdi nam giai doan 2021-2025.',
    ]);
    expect(r.lines[0]).toContain('42-NQ/TW');
    expect(r.lines[0]).toContain('HĐND');
    expect(r.lines[0]).toContain('LĐTB&XH');
    expect(r.lines[0]).toContain('24/11/2023;');
    expect(r.lines[1]).toContain('1,5%');
    expect(r.lines[1]).toContain('2021-2025.');
  });

  it('reads 1-2 digit tokens as syllables only where context demands', () => {
    const r = model.repairLines([
      'phan dau ty 16 lao dong qua dao tao dat 65% vao nam 2025;',
      'ngay 16 thang 4 nam 2024, c6 16 xa dat chuan nong thon mdi.',
    ]);
    expect(r.lines[0]).toContain('tỷ lệ lao động');
    expect(r.lines[1]).toContain('ngày 16 tháng 4 năm 2024');
    expect(r.lines[1]).toContain('16 xã');
  });

  it('keeps unknown abbreviations in running text', () => {
    const r = model.repairLines(['cac TDP va khu dan cu phdi hop véi CTXH phuong trong viéc thuc hién.']);
    expect(r.lines[0]).toContain('TDP');
    expect(r.lines[0]).toContain('CTXH');
  });

  it('keeps list labels', () => {
    const r = model.repairLines(['a) Vé chinh sach x4 hoi;', 'b. Tiép tuc thuc hién;', 'đ) Cac nhiém vu khac.']);
    expect(r.lines[0]).toBe('a) Về chính sách xã hội;');
    expect(r.lines[1]!.startsWith('b. Tiếp tục thực hiện')).toBe(true);
    expect(r.lines[2]!.startsWith('đ) ')).toBe(true);
  });

  it('reports low-confidence tokens with valid positions', () => {
    const r = model.repairLines(seed003);
    for (const t of r.lowConfidence) {
      expect(t.line).toBeGreaterThanOrEqual(0);
      expect(t.line).toBeLessThan(seed003.length);
      expect(seed003[t.line]!.slice(t.column - 1, t.column - 1 + t.original.length)).toBe(t.original);
      expect(t.confidence).toBeGreaterThanOrEqual(0);
      expect(t.confidence).toBeLessThan(1);
    }
  });

  it('reaches the pinned accuracy floor on seed 003', () => {
    const acc = syllableAccuracy(model.repairLines(seed003).lines, gold003).accuracy;
    expect(acc).toBeGreaterThanOrEqual(0.99);
  });

  it('leaves clean Vietnamese (seed 004) unchanged', () => {
    expect(assessDamage(clean004).damaged).toBe(false);
    const r = model.repairLines(clean004);
    expect(r.lines).toHaveLength(clean004.length);
    expect(unchangedShare(clean004, r.lines).share).toBeGreaterThanOrEqual(0.999);
  });

  it('leaves clean Vietnamese in NFD (decomposed marks) unchanged', () => {
    const nfd = clean004.map((l) => l.normalize('NFD'));
    expect(assessDamage(nfd).damaged).toBe(false);
    expect(unchangedShare(nfd, model.repairLines(nfd).lines).share).toBeGreaterThanOrEqual(0.999);
  });

  it('leaves English text unchanged', () => {
    expect(assessDamage(ENGLISH).damaged).toBe(false);
    expect(model.repairLines(ENGLISH).lines).toEqual(ENGLISH);
  });

  it('says damaged for OCR-damaged Vietnamese', () => {
    const d = assessDamage(seed003);
    expect(d.damaged).toBe(true);
    expect(d.score).toBeGreaterThan(0.35);
    expect(d.score).toBeLessThanOrEqual(1);
    expect(d.invalid).toBeGreaterThan(0);
    expect(d.syllables).toBeGreaterThan(d.invalid);
  });

  it('reads a listed abbreviation spelled like a syllable as the syllable only where the words around say so', () => {
    const lines = ['THONG TU', 'Quy dinh chi tiét thi hanh mot s6 diéu cua Luat', 'Thuc hién Két luan cia Ban Thudng vu TU vé viéc nay'];
    const r = model.repairLines(lines, { channel: 'english-ocr' });
    expect(r.lines[0]).toBe('THÔNG TƯ');
    expect(r.lines[2]).toBe('Thực hiện Kết luận của Ban Thường vụ TU về việc này');
  });

  it('handles empty input', () => {
    expect(model.repairLines([])).toMatchObject({ lines: [], tokens: 0, changed: 0, lowConfidence: [] });
    expect(model.repairLines(['', '   ']).lines).toEqual(['', '   ']);
    expect(assessDamage([]).damaged).toBe(false);
  });

  it('survives binary garbage', () => {
    let x = 12345;
    const bytes = Buffer.alloc(20000);
    for (let i = 0; i < bytes.length; i++) { x = (x * 1103515245 + 12345) & 0x7fffffff; bytes[i] = x & 0xff; }
    const lines = bytes.toString('latin1').split('\n');
    const r = model.repairLines(lines);
    expect(r.lines).toHaveLength(lines.length);
    const utf = bytes.toString('utf8').split('\n');
    expect(model.repairLines(utf).lines).toHaveLength(utf.length);
  });

  it('passes a 10 MB single line through without hanging', () => {
    const unit = 'thuc hién chinh sach x4 hoi ';
    const line = unit.repeat(Math.ceil(10_000_000 / unit.length));
    const t0 = Date.now();
    const r = model.repairLines([line, 'S6: 767 /KH-UBND']);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.lines).toHaveLength(2);
    expect(r.lines[0]!.length).toBe(line.length);
    expect(r.skippedLines).toEqual([0]);
    expect(r.lines[1]).toBe('Số: 767 /KH-UBND');
  });
});
