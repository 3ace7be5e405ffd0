/**
 * Images as input (.png, .jpg/.jpeg, .tif/.tiff, multi-page TIFF too): every page OCR'd.
 * The header is read first: a file that is not the image it claims, or one too large to
 * decode, is refused with an InputError before any pixel is allocated.
 */
import { PlanDocument } from '../model/document.js';
import { numberTables } from '../model/table.js';
import { getEngine, OCR_LANGUAGE } from '../ocr/engine.js';
import { checkImageSize, ImageFormatError, readImageInfo, tiffPage, tiffPageIndexes, type ImageInfo, type OcrImage } from '../ocr/image.js';
import { describePageFailure, ocrPages, PageTimeoutError, warnOcrPage } from '../ocr/pages.js';
import type { OcrOptions } from '../ocr/types.js';
import { describeError, InputError } from '../util/errors.js';
import { layoutOcrPage } from './ocr-tables.js';
import type { RawInput } from './read-input.js';

const READABLE = new Set(['png', 'jpeg', 'tiff']);

export async function readImageDocument(input: RawInput, displayName: string, options: OcrOptions): Promise<PlanDocument> {
  let info: ImageInfo;
  let directories: number[] = [0];
  try {
    info = readImageInfo(input.bytes);
    if (info.type === 'tiff') directories = tiffPageIndexes(input.bytes);
  } catch (err) {
    if (err instanceof ImageFormatError) throw new InputError(displayName, `corrupt or unsupported image: ${err.message}`, { cause: err });
    throw new InputError(displayName, `corrupt image (${describeError(err)})`, { cause: err });
  }
  if (!READABLE.has(info.type)) throw new InputError(displayName, `unsupported image format (${info.type}; expected PNG, JPEG or TIFF)`);
  info.pages.forEach((p, i) => {
    const tooBig = checkImageSize(p.width, p.height);
    if (tooBig) throw new InputError(displayName, info.pages.length > 1 ? `page ${i + 1}: ${tooBig}` : tooBig);
  });
  if (options.mode === 'never') throw new InputError(displayName, 'an image has no text without OCR (--ocr never)');

  const engine = await getEngine(options.engine, options.jobs, OCR_LANGUAGE);
  const numbers = info.pages.map((_, i) => i + 1);
  const load = async (n: number): Promise<OcrImage> => {
    const p = info.pages[n - 1]!;
    const data = info.type === 'tiff' ? tiffPage(input.bytes, directories[n - 1]!) : input.bytes;
    return { data, width: p.width, height: p.height, dpi: p.dpi };
  };
  const results = await ocrPages(numbers, load, engine, { onPage: options.onPage, pageTimeoutMs: options.pageTimeoutMs });
  const doc = new PlanDocument({ file: displayName, sha256: input.sha256, kind: 'image', pageCount: numbers.length, encoding: 'ocr', pages: [] });
  const done: number[] = [];
  const failures: string[] = [];
  for (const n of numbers) {
    const outcome = results.get(n);
    if (!outcome) continue;
    if (!outcome.ok) {
      failures.push(describePageFailure(outcome.error));
      doc.pages.push({ number: n, origin: 'empty', lines: [] });
      doc.warn(outcome.error instanceof PageTimeoutError ? 'page-timeout' : 'ocr-failed', `page ${n}: ${describePageFailure(outcome.error)}`, { page: n, line: 1, endLine: 1 });
      continue;
    }
    const { page, tables, lineOf } = layoutOcrPage(n, outcome.page);
    doc.pages.push(page);
    doc.tables.push(...tables.map((t) => ({ ...t, index: 0 })));
    warnOcrPage(doc, n, outcome.page, lineOf);
    done.push(n);
    if (page.origin === 'empty') doc.warn('empty-page', `page ${n}: OCR found no text`, { page: n, line: 1, endLine: 1 });
  }
  if (done.length === 0) throw new InputError(displayName, failures[0] ?? 'no page could be read');
  numberTables(doc.tables);
  doc.invalidateLines();
  doc.ocr = { engine: engine.name, language: engine.language, pages: done };
  return doc;
}
