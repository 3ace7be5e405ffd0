/** Test helper: one page of a PDF as the default OCR engine reads it. */
import { readFileSync } from 'node:fs';
import { PdfPageImager } from '../../src/backends/pdf-pages.js';
import { closeEngines, getEngine } from '../../src/ocr/engine.js';
import type { OcrImage } from '../../src/ocr/image.js';
import type { OcrPage } from '../../src/ocr/types.js';

/** The page's image and the engine's reading of it (one page at a time; the engine is closed after). */
export async function ocrPdfPage(file: string, page: number): Promise<{ image: OcrImage; read: OcrPage }> {
  const imager = await PdfPageImager.open(readFileSync(file), file);
  try {
    const engine = await getEngine('auto', 1);
    const image = await imager.pageImage(page);
    const prepared = engine.prepare ? await engine.prepare(image) : image;
    return { image: prepared, read: await engine.recognize(prepared) };
  } finally {
    await imager.close();
    await closeEngines();
  }
}
