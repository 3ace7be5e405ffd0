/**
 * Page images and the streaming OCR loop, with a fake engine (fast, no tesseract):
 * which pages hand over their scan and which are rendered, per-page failures,
 * over-large pages refused, and a 500-page scan processed in a bounded window.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument, rgb } from 'pdf-lib';
import { PdfPageImager, renderDpi } from '../../src/backends/pdf-pages.js';
import { ocrPages, PageError, pageFromOcr, warnOcrPage } from '../../src/ocr/pages.js';
import { PlanDocument } from '../../src/model/document.js';
import { readImageInfo, tiffPage, type OcrImage } from '../../src/ocr/image.js';
import { parseTsv } from '../../src/ocr/tsv.js';
import type { OcrEngine, OcrPage } from '../../src/ocr/types.js';
import { InputError } from '../../src/util/errors.js';

const ROOT = join(import.meta.dirname, '..', '..');
const fixture = (name: string) => join(ROOT, 'fixtures', name);

/** An engine that answers at once and records how many pages it holds. */
function fakeEngine(concurrency: number) {
  const stats = { inflight: 0, maxInflight: 0, pages: 0 };
  const engine: OcrEngine = {
    name: 'fake',
    language: 'vie',
    concurrency,
    async recognize(image: OcrImage): Promise<OcrPage> {
      stats.inflight++;
      stats.maxInflight = Math.max(stats.maxInflight, stats.inflight);
      await new Promise((r) => setTimeout(r, 1));
      stats.inflight--;
      stats.pages++;
      return { lines: [{ text: `${image.width}x${image.height}`, confidence: 1, box: { left: 0, top: 0, width: 1, height: 1 }, words: [], block: 1, paragraph: 1 }], rules: [], confidence: 1 };
    },
  };
  return { engine, stats };
}

describe('page images', () => {
  it('a scanned page hands over its own image (200 dpi); a born-digital page is rendered at 300 dpi', async () => {
    const scan = await PdfPageImager.open(readFileSync(fixture('scan-lai-chau.pdf')), 'scan');
    const p1 = await scan.pageImage(1);
    await scan.close();
    expect(p1).toMatchObject({ source: 'embedded', width: 1654, height: 2339, dpi: 200 });
    expect(readImageInfo(p1.data)).toMatchObject({ type: 'pnm', pages: [{ width: 1654, height: 2339 }] });

    const mixed = await PdfPageImager.open(readFileSync(fixture('scan-mixed.pdf')), 'mixed');
    const p2 = await mixed.pageImage(2);
    await mixed.close();
    expect(p2).toMatchObject({ source: 'rendered', width: 2481, height: 3508, dpi: 300 });
    // the rendering has ink: some dark pixels after the PGM header
    const pixels = p2.data.subarray(p2.data.length - p2.width * p2.height);
    expect(pixels.some((v) => v < 100)).toBe(true);
  });

  it('skips a page that would render beyond the pixel limit even at 150 dpi, before rendering it (the page only)', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([8000, 8000]);
    page.drawRectangle({ x: 10, y: 10, width: 100, height: 100, color: rgb(0, 0, 0) });
    const imager = await PdfPageImager.open(await pdf.save(), 'poster.pdf');
    const err = await imager.pageImage(1).catch((e: unknown) => e);
    await imager.close();
    expect(err).toBeInstanceOf(PageError);
    expect((err as PageError).message).toMatch(/page 1 would render at 300 dpi to .*too large.*at 150 dpi still would/);
  });

  it('renders an oversized page at the resolution that fits the pixel limits', () => {
    expect(renderDpi(595, 842, 300)).toBe(300); // A4
    // A0 (2384×3370 pt) at 300 dpi is 9934×14042 = 139 megapixels: 227 dpi gives 7517×10625 = 79.9
    const a0 = renderDpi(2384, 3370, 300)!;
    expect(a0).toBeGreaterThanOrEqual(220);
    expect(a0).toBeLessThan(300);
    expect(Math.ceil((2384 * a0) / 72) * Math.ceil((3370 * a0) / 72)).toBeLessThanOrEqual(80_000_000);
    expect(renderDpi(200000, 200000, 300)).toBeNull();
    expect(renderDpi(1e30, 1e30, 300)).toBeNull();
    expect(renderDpi(0, 842, 300)).toBeNull();
    expect(renderDpi(Number.NaN, 842, 300)).toBeNull();
  });

  it('a blank page is not sent to OCR', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const imager = await PdfPageImager.open(await pdf.save(), 'blank.pdf');
    await expect(imager.pageImage(1)).rejects.toThrow(/blank/);
    await imager.close();
  });
});

describe('the OCR loop', () => {
  it('a page that fails to load is a failed outcome; the other pages go on', async () => {
    const { engine } = fakeEngine(2);
    const load = async (n: number): Promise<OcrImage> => {
      if (n === 2) throw new PageError('page 2 cannot be rendered (broken content stream)');
      return { data: new Uint8Array(1), width: n, height: n, dpi: 300 };
    };
    const results = await ocrPages([1, 2, 3], load, engine);
    expect(results.get(1)).toMatchObject({ ok: true });
    expect(results.get(2)).toMatchObject({ ok: false, error: { message: /cannot be rendered/ } });
    expect(results.get(3)).toMatchObject({ ok: true });
  });

  it('an InputError (page too large) stops the document', async () => {
    const { engine } = fakeEngine(2);
    const load = async (n: number): Promise<OcrImage> => {
      if (n === 2) throw new InputError('x.pdf', 'page 2 would render too large');
      return { data: new Uint8Array(1), width: n, height: n, dpi: 300 };
    };
    await expect(ocrPages([1, 2, 3], load, engine)).rejects.toThrow(InputError);
  });

  it('a 500-page scan streams: at most concurrency+1 page images alive, memory flat', async () => {
    // 500 pages, each its own (small) JPEG
    const { createCanvas } = await import('@napi-rs/canvas');
    const canvas = createCanvas(150, 212);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 150, 212);
    ctx.fillStyle = '#000';
    ctx.font = '8px sans-serif';
    for (let y = 20; y < 200; y += 12) ctx.fillText('Kế hoạch triển khai Kết luận 92-KL/TW', 8, y);
    const jpeg = await canvas.encode('jpeg', 50);
    const doc = await PDFDocument.create();
    for (let i = 0; i < 500; i++) {
      const img = await doc.embedJpg(jpeg);
      doc.addPage([216, 306]).drawImage(img, { x: 0, y: 0, width: 216, height: 306 });
    }
    const bytes = await doc.save();
    const imager = await PdfPageImager.open(bytes, 'long.pdf');
    const { engine, stats } = fakeEngine(2);
    let loaded = 0;
    let maxAlive = 0;
    const rss: number[] = [];
    global.gc?.();
    const before = process.memoryUsage().rss;
    const results = await ocrPages(
      Array.from({ length: 500 }, (_, i) => i + 1),
      async (n) => {
        const image = await imager.pageImage(n);
        loaded++;
        maxAlive = Math.max(maxAlive, loaded - stats.pages);
        if (n % 50 === 0) rss.push(process.memoryUsage().rss);
        return image;
      },
      engine,
    );
    await imager.close();
    expect(results.size).toBe(500);
    expect([...results.values()].every((r) => r.ok)).toBe(true);
    // the window: the engine's 2 pages plus one queued, ready for the next free worker
    expect(stats.maxInflight).toBeLessThanOrEqual(3);
    expect(maxAlive).toBeLessThanOrEqual(3);
    // flat: the last samples are not far above the early ones (a leak of one page image each would add ~250 MB)
    const growth = Math.max(...rss.slice(-3)) - Math.min(...rss.slice(0, 3));
    expect(growth, `rss ${rss.map((x) => Math.round(x / 1e6)).join(' ')} MB (start ${Math.round(before / 1e6)})`).toBeLessThan(60e6);
  });
});

describe('formats', () => {
  it('parses tesseract TSV into lines with boxes and confidences', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t',
      '5\t1\t1\t1\t1\t1\t10\t10\t20\t10\t96.5\tKế',
      '5\t1\t1\t1\t1\t2\t35\t10\t30\t10\t40\thoạch',
      '5\t1\t1\t1\t2\t1\t10\t30\t20\t10\t90\tSố:',
    ].join('\n');
    const page = parseTsv(tsv);
    expect(page.lines.map((l) => l.text)).toEqual(['Kế hoạch', 'Số:']);
    expect(page.lines[0]!.box).toEqual({ left: 10, top: 10, width: 55, height: 10 });
    expect(page.lines[0]!.words[1]!.confidence).toBeCloseTo(0.4);
  });

  it('a gap of more than 2.5 word heights on a line is a column gap: three spaces, as in a layout text', () => {
    const tsv = [
      '5\t1\t1\t1\t1\t1\t10\t10\t40\t20\t95\tBỘ',
      '5\t1\t1\t1\t1\t2\t60\t10\t40\t20\t95\tCÔNG',
      // 110 px after the previous word: 5.5 heights
      '5\t1\t1\t1\t1\t3\t210\t10\t40\t20\t95\tCỘNG',
      // 40 px: 2 heights, a wide justified space
      '5\t1\t1\t1\t1\t4\t290\t10\t40\t20\t95\tHÒA',
    ].join('\n');
    expect(parseTsv(tsv).lines.map((l) => l.text)).toEqual(['BỘ CÔNG   CỘNG HÒA']);
  });

  it('OCR lines become model lines with page, line and confidence; doubtful words become warnings', () => {
    const tsv = [
      '5\t1\t1\t1\t1\t1\t10\t10\t20\t10\t95\tKế',
      '5\t1\t1\t1\t1\t2\t35\t10\t30\t10\t93\thoạch',
      '5\t1\t1\t1\t2\t1\t10\t30\t20\t10\t41\tSô:',
      '5\t1\t1\t1\t2\t2\t40\t30\t20\t10\t20\t—',
    ].join('\n');
    const ocr = parseTsv(tsv);
    const page = pageFromOcr(3, ocr);
    expect(page.origin).toBe('ocr');
    expect(page.lines.map((l) => [l.text, l.page, l.line])).toEqual([
      ['Kế hoạch', 3, 1],
      ['Sô: —', 3, 2],
    ]);
    expect(page.lines[0]!.confidence).toBeCloseTo(0.936, 2);
    expect(page.lines[0]!.box).toEqual({ left: 10, top: 10, width: 55, height: 10 });
    const doc = new PlanDocument({ file: 'x', sha256: '0'.repeat(64), kind: 'pdf-scan', pageCount: 3, encoding: 'pdf', pages: [page] });
    warnOcrPage(doc, 3, ocr);
    // punctuation alone is not reported
    expect(doc.warnings).toEqual([{ code: 'low-confidence-ocr', message: 'OCR unsure of "Sô:" (0.41)', source: { page: 3, line: 2, endLine: 2 } }]);
  });

  it('splits a multi-page TIFF into single-page TIFFs', () => {
    // two 1×1 pages: header, IFD1 -> IFD2
    const b = Buffer.alloc(8 + 2 * (2 + 2 * 12 + 4));
    b.write('II', 0, 'latin1');
    b.writeUInt16LE(42, 2);
    b.writeUInt32LE(8, 4);
    const ifd = (off: number, w: number, next: number) => {
      b.writeUInt16LE(2, off);
      [256, 257].forEach((tag, i) => {
        const e = off + 2 + i * 12;
        b.writeUInt16LE(tag, e);
        b.writeUInt16LE(4, e + 2);
        b.writeUInt32LE(1, e + 4);
        b.writeUInt32LE(w, e + 8);
      });
      b.writeUInt32LE(next, off + 2 + 24);
    };
    ifd(8, 11, 38);
    ifd(38, 22, 0);
    expect(readImageInfo(b).pages.map((p) => p.width)).toEqual([11, 22]);
    expect(readImageInfo(tiffPage(b, 1)).pages.map((p) => p.width)).toEqual([22]);
    expect(readImageInfo(tiffPage(b, 0)).pages.map((p) => p.width)).toEqual([11]);
  });
});
