/**
 * OCR of scanned PDFs and images with the embedded engine (tesseract.js, vie, offline).
 * One shared engine (one scheduler, two workers) serves every test; closed at the end.
 * Tests of the native engine run only where a tesseract with vie is installed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFile, loadText } from '../../src/extract.js';
import { closeEngines, nativeAvailable } from '../../src/ocr/engine.js';
import { InputError } from '../../src/util/errors.js';
import { classifyPage } from '../../src/backends/pdf-ocr.js';
import { readPdfText, pageFromText } from '../../src/backends/pdf-text.js';
import { pngHeader } from '../helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const fixture = (name: string) => join(ROOT, 'fixtures', name);
const WASM = { engine: 'wasm' as const, ocrJobs: 2, repair: 'never' as const };
const hasNative = await nativeAvailable();

afterAll(closeEngines);

describe('images', () => {
  it('reads the PNG fixture: Vietnamese lines with their diacritics, page numbers and confidences', async () => {
    const doc = await loadText(fixture('scan-lai-chau-top.png'), WASM);
    expect(doc.kind).toBe('image');
    expect(doc.ocr).toEqual({ engine: 'tesseract.js', language: 'vie', pages: [1] });
    const texts = doc.lines.map((l) => l.text);
    expect(texts).toContain('TỈNH LAI CHÂU Độc lập - Tự do - Hạnh phúc');
    expect(texts).toContain('Số: 767 /KH-UBND Lai Châu, ngày 31 tháng 3 năm 2021');
    expect(texts).toContain('KẾ HOẠCH');
    expect(texts.some((t) => t.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toBe(true);
    expect(texts.some((t) => t.includes('Nghị quyết Hội nghị Trung ương 5'))).toBe(true);
    for (const line of doc.lines) {
      expect(line.page).toBe(1);
      expect(line.confidence).toBeGreaterThan(0.5);
      expect(line.confidence).toBeLessThanOrEqual(1);
    }
    expect(doc.lines.map((l) => l.line)).toEqual(doc.lines.map((_, i) => i + 1));
  });

  it('repairs OCR output once (--repair auto): textRepair says so, lines keep the OCR text as original', async () => {
    const doc = await loadText(fixture('scan-lai-chau-top.png'), { ...WASM, repair: 'auto' });
    expect(doc.textRepair).toMatchObject({ applied: true });
    expect(doc.textRepair!.tokens).toBeGreaterThan(100);
    expect(doc.lines.every((l) => typeof l.original === 'string' && l.confidence !== undefined)).toBe(true);
    expect(doc.lines.map((l) => l.text)).toContain('Số: 767 /KH-UBND Lai Châu, ngày 31 tháng 3 năm 2021');
    const never = await loadText(fixture('scan-lai-chau-top.png'), WASM);
    expect(never.textRepair).toBeNull();
    expect(never.lines.every((l) => l.text === l.original)).toBe(true);
  });

  it.skipIf(!hasNative)('the native engine reads the same lines and names its version', async () => {
    const doc = await loadText(fixture('scan-lai-chau-top.png'), { engine: 'native', ocrJobs: 2, repair: 'never' });
    expect(doc.ocr?.engine).toMatch(/^tesseract \d+\.\d+/);
    const texts = doc.lines.map((l) => l.text);
    expect(texts).toContain('Số: 767 /KH-UBND Lai Châu, ngày 31 tháng 3 năm 2021');
    expect(texts.some((t) => t.includes('Độc lập - Tự do - Hạnh phúc'))).toBe(true);
  });
});

describe('scanned PDFs', () => {
  it('an image-only PDF is pdf-scan: every page OCR\'d, the header extracted', async () => {
    const record = await extractFile(fixture('scan-lai-chau.pdf'), WASM);
    expect(record.source.kind).toBe('pdf-scan');
    expect(record.source.pages).toBe(2);
    expect(record.source.ocr).toEqual({ engine: 'tesseract.js', language: 'vie', pages: [1, 2] });
    expect(record.document.number).toBe('767/KH-UBND');
    expect(record.document.date).toBe('2021-03-31');
    expect(record.document.issuer).toBe('Ủy ban nhân dân tỉnh Lai Châu');
    expect(record.warnings.filter((w) => w.code === 'empty-page')).toEqual([]);
  });

  it('an English-OCR text layer is classified damaged and the pages are re-OCR\'d in Vietnamese', async () => {
    const file = fixture('scan-lai-chau-englayer.pdf');
    const { pages } = await readPdfText(readFileSync(file), file);
    expect(pages.map((p) => classifyPage(pageFromText(p.number, p.text)))).toEqual(['damaged', 'damaged']);
    const doc = await loadText(file, WASM);
    expect(doc.kind).toBe('pdf-scan');
    expect(doc.ocr?.pages).toEqual([1, 2]);
    expect(doc.pages.map((p) => p.origin)).toEqual(['ocr', 'ocr']);
    const text = doc.toText();
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Số: 767 /KH-UBND');
    expect(text).not.toMatch(/\bS6:/);
  });

  it('--ocr never leaves the English layer alone, and an image-only page keeps its empty-page warning', async () => {
    const doc = await loadText(fixture('scan-lai-chau-englayer.pdf'), { ...WASM, ocr: 'never' });
    expect(doc.kind).toBe('pdf-text');
    expect(doc.ocr).toBeNull();
    expect(doc.toText()).toContain('S6: 767 /KH-UBND');
    const scan = await loadText(fixture('scan-lai-chau.pdf'), { ...WASM, ocr: 'never' });
    expect(scan.ocr).toBeNull();
    expect(scan.warnings.filter((w) => w.code === 'empty-page').map((w) => w.source?.page)).toEqual([1, 2]);
  });

  it('a born-digital page with only a page number is not OCR\'d (no image on it)', async () => {
    const { PDFDocument, StandardFonts } = await import('pdf-lib');
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage().drawText('2', { x: 300, y: 40, size: 11, font });
    const dir = mkdtempSync(join(tmpdir(), 'ocr-thin-'));
    try {
      const f = join(dir, 'thin.pdf');
      writeFileSync(f, await pdf.save());
      const doc = await loadText(f, WASM);
      expect(doc.kind).toBe('pdf-text');
      expect(doc.ocr).toBeNull();
      expect(doc.toText()).toBe('2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a good text page is kept and only the damaged page OCR\'d: pdf-mixed', async () => {
    const doc = await loadText(fixture('scan-mixed.pdf'), WASM);
    expect(doc.kind).toBe('pdf-mixed');
    expect(doc.ocr?.pages).toEqual([1]);
    expect(doc.pages.map((p) => p.origin)).toEqual(['ocr', 'pdf-text']);
    expect(doc.pages[1]!.lines[0]!.confidence).toBeUndefined();
    expect(doc.pages[0]!.lines.some((l) => l.text.includes('Độc lập'))).toBe(true);
  });
});

describe('multi-page TIFF', () => {
  it('OCRs every page of an uncompressed 2-page gray TIFF', async () => {
    const { loadImage, createCanvas } = await import('@napi-rs/canvas');
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const img = await loadImage(readFileSync(fixture('scan-lai-chau-top.png')));
    const w = img.width;
    const h = Math.round(img.height * 0.45);
    const ctx = createCanvas(w, h).getContext('2d');
    ctx.drawImage(img, 0, 0);
    const rgba = ctx.getImageData(0, 0, w, h).data;
    const gray = Buffer.alloc(w * h);
    for (let i = 0; i < gray.length; i++) gray[i] = rgba[i * 4]!;
    const ifd = (dataOff: number, next: number) => {
      const entries = [[256, 4, w], [257, 4, h], [258, 3, 8], [259, 3, 1], [262, 3, 1], [273, 4, dataOff], [277, 3, 1], [278, 4, h], [279, 4, w * h]] as const;
      const b = Buffer.alloc(2 + entries.length * 12 + 4);
      b.writeUInt16LE(entries.length, 0);
      entries.forEach(([tag, type, value], i) => {
        b.writeUInt16LE(tag, 2 + i * 12);
        b.writeUInt16LE(type, 4 + i * 12);
        b.writeUInt32LE(1, 6 + i * 12);
        if (type === 3) b.writeUInt16LE(value, 10 + i * 12);
        else b.writeUInt32LE(value, 10 + i * 12);
      });
      b.writeUInt32LE(next, 2 + entries.length * 12);
      return b;
    };
    const size = 2 + 9 * 12 + 4;
    const d1 = 8 + size;
    const i2 = d1 + w * h;
    const tiff = Buffer.concat([Buffer.from([0x49, 0x49, 42, 0, 8, 0, 0, 0]), ifd(d1, i2), gray, ifd(i2 + size, 0), gray]);
    const dir = mkdtempSync(join(tmpdir(), 'ocr-tiff-'));
    try {
      const f = join(dir, 'two.tiff');
      writeFileSync(f, tiff);
      const doc = await loadText(f, WASM);
      expect(doc.kind).toBe('image');
      expect(doc.ocr?.pages).toEqual([1, 2]);
      for (const page of doc.pages) {
        expect(page.lines.map((l) => l.text)).toContain('Số: 767 /KH-UBND Lai Châu, ngày 31 tháng 3 năm 2021');
        expect(page.lines.length).toBeLessThan(8);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bad images', () => {
  const tmp = join(ROOT, 'tests', 'ocr', '.tmp');
  const write = async (name: string, bytes: Uint8Array) => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(tmp, { recursive: true });
    const f = join(tmp, name);
    writeFileSync(f, bytes);
    return f;
  };
  afterAll(async () => (await import('node:fs')).rmSync(tmp, { recursive: true, force: true }));

  /** A PNG header claiming the size, then the start of an IDAT chunk (64 bytes in all). */
  function pngWithIdat(width: number, height: number): Uint8Array {
    const b = Buffer.alloc(64);
    Buffer.from(pngHeader(width, height)).copy(b, 0);
    b.write('IDAT', 37, 'latin1');
    return b;
  }

  it('refuses a 30000×30000 image from its header, before decoding it', async () => {
    const f = await write('huge.png', pngWithIdat(30000, 30000));
    const t = performance.now();
    await expect(loadText(f, WASM)).rejects.toThrow(InputError);
    await expect(loadText(f, WASM)).rejects.toThrow(/too large.*30000×30000/);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('refuses a huge JPEG and a huge TIFF page the same way', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x75, 0x30, 0x75, 0x30, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
    await expect(loadText(await write('huge.jpg', jpeg), WASM)).rejects.toThrow(/too large/);
    const tiff = Buffer.alloc(8 + 2 + 2 * 12 + 4);
    tiff.write('II', 0, 'latin1');
    tiff.writeUInt16LE(42, 2);
    tiff.writeUInt32LE(8, 4);
    tiff.writeUInt16LE(2, 8);
    [256, 257].forEach((tag, i) => {
      const e = 10 + i * 12;
      tiff.writeUInt16LE(tag, e);
      tiff.writeUInt16LE(4, e + 2);
      tiff.writeUInt32LE(1, e + 4);
      tiff.writeUInt32LE(30000, e + 8);
    });
    await expect(loadText(await write('huge.tif', tiff), WASM)).rejects.toThrow(/too large/);
  });

  it('a corrupt image fails with one clear InputError', async () => {
    const notImage = await write('text.png', Buffer.from('this is not a PNG at all\n'));
    await expect(loadText(notImage, WASM)).rejects.toThrow(/not an image|unsupported/);
    const cut = readFileSync(fixture('scan-lai-chau-top.png')).subarray(0, 120);
    const err = await loadText(await write('cut.png', cut), WASM).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).reason).toMatch(/cannot be decoded|corrupt/);
    const garbage = Buffer.concat([pngHeader(100, 100), Buffer.alloc(200, 0x41)]);
    await expect(loadText(await write('garbage.png', garbage), WASM)).rejects.toThrow(InputError);
  });

  it('a colour JPEG reads through the embedded engine (decoded natively to gray), and a cut one still fails', async () => {
    const { createCanvas, loadImage } = await import('@napi-rs/canvas');
    const png = await loadImage(readFileSync(fixture('scan-lai-chau-top.png')));
    const canvas = createCanvas(png.width, png.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(png, 0, 0);
    // a red mark makes it a colour image, as scans with seals are
    ctx.fillStyle = '#d02020';
    ctx.fillRect(png.width - 40, 10, 30, 30);
    const jpeg = await canvas.encode('jpeg', 85);
    const doc = await loadText(await write('colour.jpg', jpeg), WASM);
    expect(doc.pages[0]!.lines.map((l) => l.text).join(' ')).toMatch(/ỦY BAN NHÂN DÂN/);
    const err = await loadText(await write('cut.jpg', jpeg.subarray(0, jpeg.length >> 1)), WASM).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
  });
});
