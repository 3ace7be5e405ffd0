/**
 * Text layers that lie: detection of garbled pages, decoding per font, the warning, and the
 * record built from the decoded text; on fixtures/garbled/*.pdf (DejaVu Serif with rewritten
 * /ToUnicode maps, src/scripts/build-pdf-fixtures.ts) and the real 1105 PDF of Sở Công Thương Lào Cai.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findGarbledPages, garbledSigns, isPlausibleToken, looksGarbled } from '../../src/backends/pdf-garbled.js';
import { readPdfDocument } from '../../src/backends/pdf-ocr.js';
import { readPdfText } from '../../src/backends/pdf-text.js';
import { readInputFile } from '../../src/backends/read-input.js';
import { extractFile } from '../../src/extract.js';
import { GARBLED_PLAN } from '../../src/scripts/build-pdf-fixtures.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const REAL_1105 = join(FIXTURES, 'real', 'laocai-SCT-DKT-1105-KH-2026-kiem-tra-VLNCN.pdf');
const NO_OCR = { mode: 'never', engine: 'auto', jobs: 1 } as const;

const planText = GARBLED_PLAN.map((l) => (typeof l === 'string' ? l : `${l.left} ${l.right}`)).join('\n');
const tokens = (s: string) => s.normalize('NFC').split(/\s+/u).filter(Boolean);
/** Share of the reference's tokens found in the text (multisets). */
function recall(text: string, reference: string): number {
  const bag = new Map<string, number>();
  for (const t of tokens(reference)) bag.set(t, (bag.get(t) ?? 0) + 1);
  let hit = 0;
  for (const t of tokens(text)) {
    const n = bag.get(t) ?? 0;
    if (n > 0) {
      hit++;
      bag.set(t, n - 1);
    }
  }
  return hit / tokens(reference).length;
}

async function pdfDocument(path: string) {
  return readPdfDocument(await readInputFile(path), path, NO_OCR);
}

describe('garbledSigns / looksGarbled', () => {
  it('passes clean Vietnamese text and flags a text layer read through the wrong font maps', async () => {
    const clean = garbledSigns(planText);
    expect(clean.foreign).toBe(0);
    expect(clean.plausible).toBeGreaterThan(0.9);
    expect(looksGarbled(clean)).toBe(false);
    const raw = await readPdfText(new Uint8Array(readFileSync(REAL_1105)), '1105.pdf');
    for (const page of raw.pages) {
      const signs = garbledSigns(page.text);
      expect(looksGarbled(signs), `page ${page.number}`).toBe(true);
      expect(signs.plausible).toBeLessThan(0.4);
    }
  });

  it('takes codes, numbers and syllables as plausible tokens, glyph soup as not', () => {
    for (const t of ['1105/KH-ĐKT', '217/2025/NĐ-CP', '(VLNCN);', 'Km2+571', 'thương', '10/3/2026', '-']) expect(isPlausibleToken(t), t).toBe(true);
    for (const t of ['7KѭѫQJ', 'ng‡y', 'QăP', '6Ӣ', '\u0014\u0013']) expect(isPlausibleToken(t), t).toBe(false);
  });

  it('finds nothing to decode in the clean fixture PDFs', async () => {
    for (const name of ['lai-chau-767.pdf', 'binh-luc-92kl.pdf', 'blank-page.pdf']) {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
      const raw = await readPdfText(bytes, name);
      expect(await findGarbledPages(bytes, name, raw.pages), name).toEqual([]);
    }
  });
});

describe('decoding', () => {
  it('decodes two fonts broken as Ghostscript breaks Word exports: MacRoman read back as Windows-1252, codes shifted by 29', async () => {
    const doc = await pdfDocument(join(FIXTURES, 'garbled', 'word-like-ghostscript.pdf'));
    const warnings = doc.warnings.filter((w) => w.code === 'garbled-text-layer');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/^page 1: text layer maps glyphs wrongly \(.*codes shifted by 29.*read as MacRoman, decoded as Windows-1252.*\); decoded$/u);
    expect(warnings[0]!.source).toEqual({ page: 1, line: 1, endLine: 1 });
    const text = doc.toText();
    expect(text).toContain('Số: 27/KH-UBND');
    expect(text).toContain('ngày 14 tháng 4 năm 2026');
    expect(text).toContain('Kiểm tra công tác phòng cháy, chữa cháy tại các cơ sở trên địa bàn xã năm 2026');
    expect(recall(text, planText)).toBeGreaterThan(0.95);
    // the raw layer had next to nothing right
    const raw = await readPdfText(new Uint8Array(readFileSync(join(FIXTURES, 'garbled', 'word-like-ghostscript.pdf'))), 'x.pdf');
    expect(recall(raw.pages[0]!.text, planText)).toBeLessThan(0.3);
  });

  it('decodes a Caesar shift of 3 whose letters land on other letters', async () => {
    const doc = await pdfDocument(join(FIXTURES, 'garbled', 'caesar-shift.pdf'));
    const warning = doc.warnings.find((w) => w.code === 'garbled-text-layer');
    expect(warning?.message).toMatch(/codes shifted by 3 .*; decoded$/u);
    expect(recall(doc.toText(), planText)).toBeGreaterThan(0.9);
  });

  it('leaves out a page no reading recovers when OCR is off, and says so', async () => {
    const doc = await pdfDocument(join(FIXTURES, 'garbled', 'no-tounicode.pdf'));
    const warning = doc.warnings.find((w) => w.code === 'garbled-text-layer');
    expect(warning?.message).toBe("page 1: text layer maps glyphs wrongly (no reading of its fonts recovers the text); not decoded and not OCR'd (--ocr never): its text is left out");
    expect(doc.pages[0]!.origin).toBe('empty');
    const record = await extractFile(join(FIXTURES, 'garbled', 'no-tounicode.pdf'), { ocr: 'never' });
    expect(record.document.number).toBeNull();
    expect(record.document.title).toBeNull();
  });
});

describe('the 1105 PDF of Sở Công Thương Lào Cai', () => {
  it('decodes every page and gives the real header', async () => {
    const record = await extractFile(REAL_1105, { ocr: 'never' });
    expect(record.document.number).toBe('1105/KH-ĐKT');
    expect(record.document.place).toBe('Lào Cai');
    expect(record.document.date).toBe('2026-03-10');
    expect(record.document.type).toBe('KH');
    expect(record.document.title).toBe('Kiểm tra việc chấp hành Quy định pháp luật trong sử dụng và bảo quản vật liệu nổ công nghiệp trên địa bàn tỉnh Lào Cai');
    const garbled = record.warnings.filter((w) => w.code === 'garbled-text-layer');
    expect(garbled.map((w) => w.source?.page)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const w of garbled) expect(w.message).toMatch(/TimesNewRomanPSMT.*codes shifted by 29.*; decoded$/u);
  });

  it('recovers most of the words poppler reads', async () => {
    const doc = await pdfDocument(REAL_1105);
    const text = doc.toText();
    for (const phrase of ['SỞ CÔNG THƯƠNG', 'Độc lập - Tự do - Hạnh Phúc', 'Lào Cai, ngày 10 tháng 3 năm 2026', 'Trưởng đoàn kiểm tra lập kế hoạch tiến hành kiểm tra như sau:', 'Giấy chứng nhận huấn luyện kỹ thuật an toàn VLNCN']) {
      expect(text).toContain(phrase);
    }
    expect(text).not.toMatch(/[\u0400-\u04ff]/u);
  });
});
