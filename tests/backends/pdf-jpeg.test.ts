/**
 * JPEG pass-through (src/backends/pdf-jpeg.ts): in the pdf worker, a scanned page's JPEG reaches
 * the OCR engine as the bytes the PDF stores, undecoded; pages that must be drawn still render,
 * and a JPEG whose header disagrees with its image dictionary is never passed on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { GuardedPdf } from '../../src/backends/pdf-guard.js';
import { readImageInfo } from '../../src/ocr/image.js';

const ROOT = join(import.meta.dirname, '..', '..');
const scanBytes = readFileSync(join(ROOT, 'fixtures', 'scan-lai-chau.pdf'));

async function pageImage(bytes: Uint8Array, n = 1) {
  const pdf = await GuardedPdf.open(bytes, 'test.pdf', 60_000);
  try {
    return await pdf.pageImage(n, undefined, false);
  } finally {
    await pdf.close();
  }
}

/** The first embedded JPEG of a PDF (scanJpeg's pages are stored whole, DCTDecode). */
function firstJpeg(pdf: Buffer): Buffer {
  const start = pdf.indexOf(Buffer.from([0xff, 0xd8, 0xff]));
  const end = pdf.indexOf(Buffer.from('endstream'), start);
  return Buffer.from(pdf.subarray(start, end));
}

describe('JPEG pass-through', () => {
  it("hands a scanned page's JPEG over as the PDF stores it", async () => {
    const image = await pageImage(scanBytes);
    expect(image).toMatchObject({ source: 'embedded', width: 1654, height: 2339, dpi: 200 });
    expect(readImageInfo(image.data).type).toBe('jpeg');
    const data = Buffer.from(image.data);
    expect(scanBytes.indexOf(data)).toBeGreaterThan(0);
  });

  it('renders a page that draws text over its JPEG (pdf.js decodes the JPEG to draw it)', async () => {
    const pdf = await PDFDocument.create();
    const jpg = await pdf.embedJpg(firstJpeg(scanBytes));
    const page = pdf.addPage([595.28, 841.89]);
    page.drawImage(jpg, { x: 0, y: 0, width: 595.28, height: 841.89 });
    page.drawText('VISIBLE TEXT', { x: 50, y: 50, size: 24, font: await pdf.embedFont(StandardFonts.Helvetica), color: rgb(0, 0, 0) });
    const image = await pageImage(await pdf.save());
    expect(image).toMatchObject({ source: 'rendered', dpi: 300, width: 2481 });
    expect(readImageInfo(image.data).type).toBe('pnm');
    // the scan itself was drawn: the rendering has ink beyond the text line at the bottom
    const pixels = image.data.subarray(image.data.length - image.width * image.height);
    const top = pixels.subarray(0, image.width * Math.round(image.height / 2));
    expect(top.some((v) => v < 100)).toBe(true);
  });

  it('never passes on a JPEG whose header disagrees with its image dictionary: the page is rendered', async () => {
    const text = scanBytes.toString('latin1');
    const at = text.indexOf('/Width 1654');
    expect(at).toBeGreaterThan(0);
    const lying = Buffer.from(scanBytes);
    lying.write('/Width 1653', at, 'latin1');
    const image = await pageImage(lying);
    expect(image.source).toBe('rendered');
    expect(readImageInfo(image.data).type).toBe('pnm');
  });
});
