/**
 * PDFs, page by page: keep a good text layer, OCR the rest. Each page is classified as
 * text layer good, damaged (the repair model's damage assessment says its Vietnamese was
 * mangled, e.g. by an English-only OCR), or missing; damaged and missing pages are OCR'd
 * (--ocr auto), every page is (--ocr always), or none is (--ocr never).
 */
import { assessDamage } from '../repair/index.js';
import { makePage, PlanDocument, type Page } from '../model/document.js';
import { numberTables, type TableBlock } from '../model/table.js';
import type { PdfItemPage, PdfItemsReader } from './pdf-items.js';
import { findRuledTables, layoutPage, mayHoldTable } from './pdf-tables.js';
import { getEngine, OCR_LANGUAGE } from '../ocr/engine.js';
import { probeNative } from '../ocr/native.js';
import { BlankPageError, describePageFailure, ocrPages, PageError, PageTimeoutError, warnOcrPage } from '../ocr/pages.js';
import { layoutOcrPage } from './ocr-tables.js';
import { DEFAULT_OCR, DEFAULT_PAGE_TIMEOUT_S, type OcrOptions } from '../ocr/types.js';
import { decodeLegacy, detectLegacyEncoding } from '../text/legacy-encodings.js';
import { isUnicodeVietnamese, skeleton } from '../text/vietnamese.js';
import { findGarbledPages, type GarbledPage } from './pdf-garbled.js';
import { keptRange, pageFromText } from './pdf-text.js';
import { checkLetterRuns } from './text.js';
import { GuardedPdf } from './pdf-guard.js';
import type { RawInput } from './read-input.js';

export type PageClass = 'good' | 'damaged' | 'none';

/** Fewer letters than this on a page means it has no usable text layer. */
const MIN_LETTERS = 12;

export function classifyPage(page: Page): PageClass {
  const texts = page.lines.map((l) => l.text);
  const letters = texts.join('').match(/\p{L}/gu)?.length ?? 0;
  if (page.origin === 'empty' || letters < MIN_LETTERS) return 'none';
  // Most text layers are clean Unicode Vietnamese: say so without the full damage assessment.
  if (isUnicodeVietnamese(texts)) return 'good';
  return assessDamage(texts).damaged ? 'damaged' : 'good';
}

/** The page budget when the caller gives none (the CLI's --page-timeout default). */
const DEFAULT_PAGE_TIMEOUT_MS = DEFAULT_PAGE_TIMEOUT_S * 1000;

export { DEFAULT_OCR } from '../ocr/types.js';

export async function readPdfDocument(input: RawInput, displayName: string, options: OcrOptions = DEFAULT_OCR): Promise<PlanDocument> {
  // the native engine's probe (two short tesseract runs) overlaps reading the text layer
  if (options.mode !== 'never' && options.engine !== 'wasm') void probeNative();
  // pdf.js works on a worker thread with a time limit per page (pdf-guard.ts)
  const pdf = await GuardedPdf.open(input.bytes, displayName, options.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS);
  try {
    return await readGuarded(pdf, input, displayName, options);
  } finally {
    await pdf.close();
  }
}

async function readGuarded(pdf: GuardedPdf, input: RawInput, displayName: string, options: OcrOptions): Promise<PlanDocument> {
  const { pageCount } = pdf;
  const raw: { number: number; text: string }[] = [];
  const timedOut = new Map<number, string>();
  for (let n = 1; n <= pageCount; n++) {
    try {
      raw.push({ number: n, text: await pdf.text(n) });
    } catch (err) {
      if (!(err instanceof PageError)) throw err;
      // a page pdf.js cannot read in time (or at all) is not rendered either: the same content would stall it again
      timedOut.set(n, err.message);
      raw.push({ number: n, text: '' });
    }
  }
  // Old PDFs embed TCVN3/VNI fonts: their text layer comes out as Latin-1 mojibake.
  const legacy = detectLegacyEncoding(raw.map((p) => p.text).join('\n'));
  const pages = raw.map((p) => pageFromText(p.number, legacy ? decodeLegacy(p.text, legacy) : p.text));
  // a text layer can hold anything: one Tj of millions of letters overflows the word regexes downstream
  checkLetterRuns(pages.flatMap((p) => p.lines.map((l) => l.text)), displayName);
  // text layers that lie (fonts whose glyphs map to the wrong characters): decode, else OCR
  // pdf.js's text items, read in the pdf worker page by page under the page budget: a page over it
  // keeps its text layer as read (or, when that looked garbled, is OCR'd)
  const itemsFailed = new Map<number, string>();
  const readItems: PdfItemsReader = async (numbers, itemOptions) => {
    const out: PdfItemPage[] = [];
    for (const n of numbers) {
      try {
        out.push(await pdf.items(n, itemOptions));
      } catch (err) {
        if (!(err instanceof PageError)) throw err;
        itemsFailed.set(n, err.message);
      }
    }
    return out;
  };
  const garbled = options.mode === 'always' ? [] : await findGarbledPages(readItems, displayName, pages.filter((p) => !timedOut.has(p.number!)).map((p) => ({ number: p.number!, text: p.lines.map((l) => l.text).join('\n') })));
  for (const g of garbled) {
    const index = pages.findIndex((p) => p.number === g.number);
    if (g.decoded && index >= 0) pages[index] = pageFromText(g.number, g.decoded.join('\n'));
  }
  const undecoded = new Set(garbled.filter((g) => !g.decoded).map((g) => g.number));
  // readPdfTables replaces table pages in `pages`; timed-out pages are left out like undecoded ones
  const tables = options.mode === 'always' ? [] : await readPdfTables(readItems, pages, garbled, new Set([...undecoded, ...timedOut.keys()]));
  const toOcr = options.mode === 'never' ? [] : pages.filter((p) => !timedOut.has(p.number!)).filter((p) => options.mode === 'always' || undecoded.has(p.number!) || classifyPage(p) !== 'good').map((p) => p.number!);
  const kept = tables.filter((t) => !toOcr.includes(t.page!)).map((t, i) => ({ ...t, index: i + 1 }));
  const doc = new PlanDocument({ file: displayName, sha256: input.sha256, kind: 'pdf-text', pageCount, encoding: legacy ?? 'pdf', pages, tables: kept });
  for (const [n, why] of itemsFailed) doc.warn(why.includes('longer than') ? 'page-timeout' : 'unreadable-page', `${why}; its text layer is kept without layout analysis`, { page: n, line: 1, endLine: 1 });
  for (const [n, why] of timedOut) doc.warn(why.includes('longer than') ? 'page-timeout' : 'unreadable-page', `${why}; the page is skipped`, { page: n, line: 1, endLine: 1 });
  const blank = toOcr.length > 0 ? await ocrPdfPages(doc, pdf, toOcr, options, undecoded) : new Set<number>();
  for (const g of garbled) {
    const source = { page: g.number, line: 1, endLine: 1 };
    const what = `page ${g.number}: text layer maps glyphs wrongly (${g.how})`;
    const page = doc.pages.find((p) => p.number === g.number);
    if (g.decoded) doc.warn('garbled-text-layer', `${what}; decoded`, source);
    else if (page?.origin === 'ocr') doc.warn('garbled-text-layer', `${what}; OCR'd instead`, source);
    else {
      // never build a record from garbage: a page neither decoded nor OCR'd is left out
      const index = doc.pages.findIndex((p) => p.number === g.number);
      if (index >= 0) doc.pages[index] = pageFromText(g.number, '');
      doc.invalidateLines();
      doc.warn('garbled-text-layer', `${what}; not decoded and not OCR'd${options.mode === 'never' ? ' (--ocr never)' : ''}: its text is left out`, source);
    }
  }
  for (const page of doc.pages) {
    // a garbled page left out, and a page over its time budget, have their own warnings
    if (page.origin !== 'empty' || undecoded.has(page.number!) || timedOut.has(page.number!)) continue;
    const why = blank.has(page.number!) ? 'is blank' : options.mode === 'never' ? 'has no text layer (a scanned page needs OCR)' : 'has no text (none found by OCR)';
    doc.warn('empty-page', `page ${page.number} ${why}`, { page: page.number, line: 1, endLine: 1 });
  }
  return doc;
}

/**
 * Ruled tables of the text-layer pages (pdf-tables.ts): pages whose text names table columns, and
 * the page after a page with a table (a table broken across pages goes on without its header row;
 * the tables stage joins it to the table it continues). Their pages are laid out again with one line
 * per row. Replaces those pages in `pages`; returns the tables in reading order (index 0: set by the
 * caller).
 */
async function readPdfTables(readItems: PdfItemsReader, pages: Page[], garbled: readonly GarbledPage[], undecoded: ReadonlySet<number>): Promise<TableBlock[]> {
  const readable = (p: Page) => p.origin === 'pdf-text' && !undecoded.has(p.number!);
  const hinted = new Set(pages.filter((p) => readable(p) && mayHoldTable(skeleton(p.lines.map((l) => l.text).join('\n')))).map((p) => p.number!));
  if (hinted.size === 0) return [];
  const out: TableBlock[] = [];
  let previousHeldTable = false;
  for (const [index, p] of pages.entries()) {
    const wanted = readable(p) && (hinted.has(p.number!) || previousHeldTable);
    previousHeldTable = false;
    if (!wanted) continue;
    const [raw] = await readItems([p.number!], { rules: true });
    if (!raw) continue;
    // a decoded page's items carry the decoded text (same items, same order)
    const decoded = garbled.find((g) => g.number === raw.number)?.items;
    const page = decoded && decoded.length === raw.items.length ? { ...raw, items: raw.items.map((it, i) => ({ ...it, str: decoded[i]!.str })) } : raw;
    const found = findRuledTables(page);
    if (found.length === 0) continue;
    previousHeldTable = true;
    const layout = layoutPage(page, found);
    // the page number in the margin is no line of the page: the tables' row lines move up with the lines under it
    const [from, to] = keptRange(raw.number, layout.lines);
    pages[index] = makePage(raw.number, 'pdf-text', layout.lines.slice(from, to).map((l) => l.normalize('NFC')));
    const shift = (n: number) => n - from;
    out.push(...layout.tables.map((t) => ({ ...t, index: 0, firstLine: shift(t.firstLine), lastLine: shift(t.lastLine), rowLines: t.rowLines.map(shift) })));
  }
  return out;
}

/** OCRs the pages, replaces them in the document, sets kind and source.ocr; returns the blank pages. */
async function ocrPdfPages(doc: PlanDocument, pdf: GuardedPdf, numbers: number[], options: OcrOptions, garbled: ReadonlySet<number> = new Set()): Promise<Set<number>> {
  const engine = await getEngine(options.engine, options.jobs, OCR_LANGUAGE);
  // a page with a thin text layer (a page number, a stamp) is OCR'd only when it holds a scan
  const thin = new Set(options.mode === 'auto' ? doc.pages.filter((p) => p.origin === 'pdf-text' && !garbled.has(p.number!) && classifyPage(p) === 'none').map((p) => p.number) : []);
  const results = await ocrPages(numbers, (n) => pdf.pageImage(n, undefined, thin.has(n)), engine, { onPage: options.onPage, pageTimeoutMs: pdf.pageTimeoutMs });
  const done: number[] = [];
  const blank = new Set<number>();
  for (const n of numbers) {
    const outcome = results.get(n);
    const index = doc.pages.findIndex((p) => p.number === n);
    if (!outcome || index < 0) continue;
    if (!outcome.ok && outcome.error instanceof BlankPageError) {
      blank.add(n);
      continue;
    }
    if (!outcome.ok) {
      // the page keeps whatever text layer it had
      const code = outcome.error instanceof PageTimeoutError ? 'page-timeout' : 'ocr-failed';
      doc.warn(code, `page ${n}: ${describePageFailure(outcome.error).replace(/^page \d+: /, '')}`, { page: n, line: 1, endLine: 1 });
      continue;
    }
    const { page, tables, lineOf } = layoutOcrPage(n, outcome.page);
    // a page where OCR found nothing keeps its (empty) text layer and is not counted as OCR'd
    if (page.origin === 'empty') continue;
    doc.pages[index] = page;
    doc.tables.push(...tables.map((t) => ({ ...t, index: 0 })));
    warnOcrPage(doc, n, outcome.page, lineOf);
    done.push(n);
  }
  numberTables(doc.tables);
  doc.invalidateLines();
  if (done.length > 0) {
    // blank pages do not make a scan "mixed"; a page that kept its text layer does
    doc.kind = doc.pages.some((p) => p.origin === 'pdf-text') ? 'pdf-mixed' : 'pdf-scan';
    doc.ocr = { engine: engine.name, language: engine.language, pages: done };
  }
  return blank;
}
