/**
 * Builds the small scanned fixtures (npm run fixtures:scan):
 *   fixtures/scan-lai-chau.pdf           2 pages, each one JPEG image, no text layer        -> pdf-scan
 *   fixtures/scan-lai-chau-englayer.pdf  the same scans with an invisible text layer read by
 *                                        tesseract's English model (like the real seeds)    -> re-OCR'd
 *   fixtures/scan-mixed.pdf              page 1 an English-layer scan, page 2 born-digital   -> pdf-mixed
 *   fixtures/scan-lai-chau-top.png           the top of page 1 as a PNG                          -> image
 * Text: seed 003's hand-corrected gold (tests/ocr/data/003_cfea897aaf665822.gold.txt, copied from
 * ../shared/dev), typeset with DejaVu Serif at 200 dpi, lightly degraded (blur, noise, tilt).
 * The exact lines typeset on each page go to tests/ocr/data/<name>.truth.txt (pages split by \f),
 * the reference for OCR accuracy. Deterministic: a seeded PRNG drives the degradation.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { PDFDocument, rgb } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { packageRoot } from '../util/paths.js';
import { mulberry32 } from '../util/prng.js';

const require = createRequire(import.meta.url);
const root = packageRoot();
export const DATA_DIR = join(root, 'tests', 'ocr', 'data');
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf');
GlobalFonts.registerFromPath(FONT, 'Fixture Serif');
GlobalFonts.registerFromPath(FONT_BOLD, 'Fixture Serif Bold');

export const A4 = { width: 595.28, height: 841.89 };


export interface TypesetOptions {
  dpi: number;
  fontPt?: number;
  marginPt?: number;
  /** Page height in points (A4 by default); a shorter page makes a small image. */
  heightPt?: number;
  /** registered font families for body and heading lines (DejaVu Serif, "Fixture Serif", by default) */
  family?: { regular: string; bold: string };
  /**
   * Lay out a line holding a run of 3+ spaces ("UBND TỈNH X      CỘNG HÒA …") as two columns, as
   * a plan's header and signature block are printed; off by default (the scan fixtures' layout).
   */
  columns?: boolean;
  /**
   * Typeset pipe-table rows ("a | b | c", Markdown's "|---|" rule rows dropped) as a ruled table,
   * each cell wrapped in its column, as a plan's task table is printed; off by default.
   */
  tables?: boolean;
  /**
   * With `columns`: a line indented by 40 or more spaces is the right column alone (a signer's name
   * under the signature, a place and date under the motto), as a Word layout table prints it; off by
   * default (the scanned and damaged twins' layout).
   */
  indentedRight?: boolean;
  /**
   * With `tables`: a row that does not fit the rest of the page breaks there, its cells' first lines on
   * this page and the rest on the next (Word's "allow row to break across pages", on by default); off
   * by default (a row moves to the next page whole).
   */
  breakRows?: boolean;
  /** With `tables`: the table's first row is printed again at the top of each page it continues on (Word's "repeat as header row"). */
  repeatHeader?: boolean;
}

/** A typeset table row: marker, then JSON of { widths (points), cells (wrapped lines per cell) }. */
export const TABLE_ROW = '\u0001';
/** Cell text is set smaller than the body, as in printed task tables. */
export const TABLE_FONT_SCALE = 0.85;

export interface TypesetRow {
  widths: number[];
  cells: string[][];
}

/** Whether a line is a pipe-table row. */
const isPipeRow = (line: string) => / \| /.test(line) || /^\s*\|.*\|\s*$/.test(line);

/** The cells of a pipe-table row; `framed`: the table's rows start and end with a pipe (Markdown), else a leading pipe is an empty first cell. */
function pipeCells(line: string, framed: boolean): string[] {
  const t = line.trim();
  const inner = framed ? t.replace(/^\|/, '').replace(/\|$/, '') : t;
  return inner.split('|').map((c) => c.trim());
}

/** Wraps text into lines no wider than `width` (canvas units) in the context's font. */
function wrapWords(ctx: { measureText(t: string): { width: number } }, text: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const w of text.split(' ').filter(Boolean)) {
    const next = cur ? `${cur} ${w}` : w;
    if (cur && ctx.measureText(next).width > width) {
      out.push(cur);
      cur = w;
    } else cur = next;
  }
  if (cur) out.push(cur);
  return out.length ? out : [''];
}

/**
 * Column widths of a table block (points): the usable width shared in proportion to the columns'
 * longest texts, each column at least as wide as its longest word (a printed table never cuts a word).
 */
function columnWidths(ctx: { measureText(t: string): { width: number } }, rows: string[][], usable: number): number[] {
  const n = Math.max(...rows.map((r) => r.length));
  const longest = (c: number) => Math.max(...rows.map((r) => Math.min(ctx.measureText(r[c] ?? '').width, usable * 0.5)), 1);
  const widestWord = (c: number) => Math.max(...rows.flatMap((r) => (r[c] ?? '').split(' ').map((w) => ctx.measureText(w).width + 8)), 12);
  const floor = Array.from({ length: n }, (_, c) => widestWord(c));
  const spare = Math.max(0, usable - floor.reduce((a, b) => a + b, 0));
  const want = Array.from({ length: n }, (_, c) => Math.max(0, longest(c) - floor[c]!));
  const wanted = want.reduce((a, b) => a + b, 0) || 1;
  const widths = floor.map((f, c) => f + (spare * want[c]!) / wanted);
  const total = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => (w / total) * usable);
}

/** The two column texts of a two-column line, joined by a tab (renderPage draws them apart). */
const COLUMN_BREAK = /\s{3,}/;

const FIXTURE_FAMILY = { regular: '"Fixture Serif"', bold: '"Fixture Serif Bold"' };

export const isHeading = (l: string) => /^(KẾ HOẠCH|[IVX]+\.\s|ỦY BAN|TỈNH |CỘNG HÒA)/.test(l) || (l === l.toUpperCase() && /\p{L}/u.test(l));

/** Splits source lines into pages of typeset lines (wrapping long ones); returns the lines of each page. */
export function typeset(source: readonly string[], pages: number, opts: TypesetOptions): string[][] {
  const fontPt = opts.fontPt ?? 13;
  const family = opts.family ?? FIXTURE_FAMILY;
  const margin = opts.marginPt ?? 56;
  const heightPt = opts.heightPt ?? A4.height;
  const canvas = createCanvas(10, 10);
  const ctx = canvas.getContext('2d');
  const usable = A4.width - 2 * margin;
  const perPage = Math.floor((heightPt - 2 * margin) / (fontPt * 1.45));
  const out: string[][] = [];
  let page: string[] = [];
  let block: string[] = [];
  const lineH = fontPt * 1.45;
  const cellLineH = fontPt * TABLE_FONT_SCALE * 1.25;
  // a table row takes as many body lines of the page as its height needs
  let used = 0;
  const flushTable = () => {
    if (block.length === 0) return;
    ctx.font = `${fontPt * TABLE_FONT_SCALE}px ${family.regular}`;
    const framed = block[0]!.trim().startsWith('|');
    // Markdown's rule row under the header is no row of the printed table
    const rows = block.map((l) => pipeCells(l, framed)).filter((cells) => !cells.every((c) => /^:?-{2,}:?$/.test(c)));
    const widths = columnWidths(ctx, rows, usable);
    const slotsOf = (cells: string[][]) => Math.ceil((Math.max(...cells.map((l) => l.length)) * cellLineH + 6) / lineH);
    const wrapped = rows.map((row) => widths.map((w, c) => wrapWords(ctx, row[c] ?? '', w - 6)));
    for (const [ri, whole] of wrapped.entries()) {
      let cells = whole;
      let slots = slotsOf(cells);
      if (used + slots > perPage) {
        // the lines of the row that fit the rest of the page stay on it (breakRows)
        const fit = Math.floor(((perPage - used) * lineH - 6) / cellLineH);
        if (opts.breakRows && fit >= 2 && fit < Math.max(...cells.map((l) => l.length))) {
          page.push(TABLE_ROW + JSON.stringify({ widths, cells: cells.map((l) => l.slice(0, fit)) } satisfies TypesetRow));
          cells = cells.map((l) => l.slice(fit));
          slots = slotsOf(cells);
        }
        out.push(page);
        page = [];
        used = 0;
        if (opts.repeatHeader && ri > 0) {
          page.push(TABLE_ROW + JSON.stringify({ widths, cells: wrapped[0]! } satisfies TypesetRow));
          used += slotsOf(wrapped[0]!);
        }
      }
      page.push(TABLE_ROW + JSON.stringify({ widths, cells } satisfies TypesetRow));
      used += slots;
    }
    block = [];
  };
  for (const raw of source) {
    if (out.length >= pages) return out;
    if (opts.tables && isPipeRow(raw)) {
      block.push(raw);
      continue;
    }
    flushTable();
    if (out.length >= pages) return out;
    const rightAlone = opts.columns && opts.indentedRight && /^ {40,}\S/.test(raw);
    if (opts.columns && (rightAlone || COLUMN_BREAK.test(raw.trim()))) {
      const [left, ...right] = rightAlone ? ['', raw.trim()] : raw.trim().split(COLUMN_BREAK);
      if (used >= perPage) {
        out.push(page);
        page = [];
        used = 0;
        if (out.length >= pages) return out;
      }
      page.push(`${left}\t${right.join(' ')}`);
      used++;
      continue;
    }
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    ctx.font = `${fontPt}px ${isHeading(line) ? family.bold : family.regular}`;
    for (const w of wrapWords(ctx, line, usable)) {
      if (used >= perPage) {
        out.push(page);
        page = [];
        used = 0;
        if (out.length >= pages) return out;
      }
      page.push(w);
      used++;
    }
  }
  flushTable();
  if (page.length > 0 && out.length < pages) out.push(page);
  return out;
}

export interface ScanOptions extends TypesetOptions {
  seed: number;
  noise?: number;
  blur?: boolean;
  tiltDeg?: number;
  /** gray level of the ink, 0..255 (17 by default): a worn toner or a light scan */
  ink?: number;
  /** passes of the 3x3 blur (1 by default): a soft scan loses thin diacritic strokes */
  blurPasses?: number;
  /** a stamp-like grey ring and blot (what a red seal becomes in luminance) over some lines */
  stamp?: boolean;
}

/** Renders one page of lines to a degraded grayscale raster (as RGBA canvas data). */
export function renderPage(lines: readonly string[], opts: ScanOptions): { width: number; height: number; canvas: Canvas } {
  const fontPt = opts.fontPt ?? 13;
  const family = opts.family ?? FIXTURE_FAMILY;
  const margin = opts.marginPt ?? 56;
  const heightPt = opts.heightPt ?? A4.height;
  const k = opts.dpi / 72;
  const width = Math.round(A4.width * k);
  const height = Math.round(heightPt * k);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.save();
  ctx.translate(width / 2, height / 2);
  ctx.rotate(((opts.tiltDeg ?? 0) * Math.PI) / 180);
  ctx.translate(-width / 2, -height / 2);
  const ink = Math.round(opts.ink ?? 17).toString(16).padStart(2, '0');
  ctx.fillStyle = `#${ink}${ink}${ink}`;
  ctx.textBaseline = 'alphabetic';
  let y = margin + fontPt;
  const cellPt = fontPt * TABLE_FONT_SCALE;
  const cellLineH = cellPt * 1.25;
  for (const [i, line] of lines.entries()) {
    if (line.startsWith(TABLE_ROW)) {
      // a ruled row: its top rule, the column rules, and the bottom rule when the table ends here
      const row = JSON.parse(line.slice(1)) as TypesetRow;
      const top = y - fontPt;
      const h = Math.max(...row.cells.map((l) => l.length)) * cellLineH + 6;
      ctx.font = `${cellPt * k}px ${family.regular}`;
      let x = margin;
      ctx.fillRect(margin * k, top * k, (A4.width - 2 * margin) * k, 0.6 * k);
      row.widths.forEach((w, c) => {
        ctx.fillRect(x * k, top * k, 0.6 * k, h * k);
        row.cells[c]!.forEach((text, j) => ctx.fillText(text, (x + 3) * k, (top + 3 + cellPt + j * cellLineH) * k, (w - 6) * k));
        x += w;
      });
      ctx.fillRect(x * k, top * k, 0.6 * k, h * k);
      if (!lines[i + 1]?.startsWith(TABLE_ROW)) ctx.fillRect(margin * k, (top + h) * k, (A4.width - 2 * margin) * k, 0.6 * k);
      y += h + (lines[i + 1]?.startsWith(TABLE_ROW) ? 0 : fontPt * 1.2);
      continue;
    }
    if (line.includes('\t')) {
      // two columns: each centred over its part of the page (left 40%, right 60%), as in a plan's header
      const [left, right] = line.split('\t') as [string, string];
      const usable = (A4.width - 2 * margin) * k;
      for (const [text, from, share] of [[left, 0, 0.4], [right, 0.4, 0.6]] as const) {
        ctx.font = `${fontPt * k}px ${isHeading(text) ? family.bold : family.regular}`;
        const w = Math.min(ctx.measureText(text).width, usable * share);
        ctx.fillText(text, margin * k + usable * from + (usable * share - w) / 2, y * k, usable * share);
      }
      y += fontPt * 1.45;
      continue;
    }
    ctx.font = `${fontPt * k}px ${isHeading(line) ? family.bold : family.regular}`;
    const w = ctx.measureText(line).width;
    const x = isHeading(line) && w < (A4.width - 2 * margin) * k * 0.9 ? (width - w) / 2 : margin * k;
    ctx.fillText(line, x, y * k);
    y += fontPt * 1.45;
  }
  ctx.restore();
  if (opts.stamp) drawStamp(ctx, width, height, k, opts.seed);
  // degrade: 3x3 blur, gaussian-ish noise, rare specks; the result is gray
  const img = ctx.getImageData(0, 0, width, height);
  const d = img.data;
  const gray = new Float32Array(width * height);
  for (let i = 0; i < gray.length; i++) gray[i] = d[i * 4]!;
  let src = gray;
  for (let pass = 0; pass < (opts.blur === false ? 0 : opts.blurPasses ?? 1); pass++) {
    const gray = src;
    const out = new Float32Array(gray.length);
    for (let yy = 0; yy < height; yy++) {
      for (let xx = 0; xx < width; xx++) {
        let s = 0;
        let wsum = 0;
        for (let dy = -1; dy <= 1; dy++) {
          const y2 = yy + dy;
          if (y2 < 0 || y2 >= height) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const x2 = xx + dx;
            if (x2 < 0 || x2 >= width) continue;
            const wgt = (dx === 0 ? 2 : 1) * (dy === 0 ? 2 : 1);
            s += gray[y2 * width + x2]! * wgt;
            wsum += wgt;
          }
        }
        out[yy * width + xx] = s / wsum;
      }
    }
    src = out;
  }
  const rand = mulberry32(opts.seed);
  const sigma = opts.noise ?? 14;
  for (let i = 0; i < src.length; i++) {
    // sum of 3 uniforms ~ normal
    const n = sigma > 0 ? (rand() + rand() + rand() - 1.5) * 2 * sigma : 0;
    let v = src[i]! + n;
    if (sigma > 0 && rand() < 0.0004) v = 60 + rand() * 80;
    v = v < 0 ? 0 : v > 255 ? 255 : v;
    d[i * 4] = d[i * 4 + 1] = d[i * 4 + 2] = v;
    d[i * 4 + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return { width, height, canvas };
}

/**
 * A seal-like mark in luminance: a double ring with a star-ish blot and ring text strokes, grey
 * (a red seal scans to mid grey), drawn over the text of some lines; its place depends on the seed.
 */
function drawStamp(ctx: ReturnType<Canvas['getContext']>, width: number, height: number, k: number, seed: number): void {
  const rand = mulberry32(seed * 7 + 3);
  const r = (60 + rand() * 25) * k;
  const cx = width * (0.25 + rand() * 0.5);
  const cy = height * (0.15 + rand() * 0.7);
  const g = Math.round(140 + rand() * 40);
  ctx.save();
  ctx.globalAlpha = 0.55;
  ctx.strokeStyle = `rgb(${g},${g},${g})`;
  ctx.fillStyle = `rgb(${g},${g},${g})`;
  ctx.lineWidth = 2.2 * k;
  for (const rr of [r, r * 0.72]) { ctx.beginPath(); ctx.arc(cx, cy, rr, 0, Math.PI * 2); ctx.stroke(); }
  // letters around the ring: short strokes
  for (let a = 0; a < 40; a++) {
    const t = (a / 40) * Math.PI * 2;
    const rr = r * 0.86;
    ctx.fillRect(cx + Math.cos(t) * rr - 1.5 * k, cy + Math.sin(t) * rr - 3 * k, (1.2 + rand() * 2) * k, (3 + rand() * 3) * k);
  }
  ctx.beginPath(); ctx.arc(cx, cy, r * 0.18, 0, Math.PI * 2); ctx.fill();
  ctx.restore();
}

/** Sets the JFIF density of a JPEG to `dpi` (the encoder writes 1:1 without units). */
export function setJpegDpi(jpeg: Buffer, dpi: number): Buffer {
  if (jpeg[2] === 0xff && jpeg[3] === 0xe0 && jpeg.toString('latin1', 6, 11) === 'JFIF\0') {
    jpeg[13] = 1; // dots per inch
    jpeg.writeUInt16BE(dpi, 14);
    jpeg.writeUInt16BE(dpi, 16);
  }
  return jpeg;
}

export async function scanJpeg(lines: readonly string[], opts: ScanOptions, quality = 60): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const { canvas, width, height } = renderPage(lines, opts);
  const jpeg = setJpegDpi(Buffer.from(await canvas.encode('jpeg', quality)), opts.dpi);
  return { jpeg, width, height };
}

/** A PDF whose pages are one full-page JPEG each (what a scanner produces). */
export async function imagePdf(pages: readonly { jpeg: Buffer; width: number; height: number }[], dpi: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setProducer('plan-extract fixtures');
  pdf.setCreationDate(new Date('2024-01-01T00:00:00Z'));
  pdf.setModificationDate(new Date('2024-01-01T00:00:00Z'));
  for (const p of pages) {
    const img = await pdf.embedJpg(p.jpeg);
    const w = (p.width * 72) / dpi;
    const h = (p.height * 72) / dpi;
    const page = pdf.addPage([w, h]);
    page.drawImage(img, { x: 0, y: 0, width: w, height: h });
  }
  return pdf.save({ useObjectStreams: false });
}

/**
 * Adds to each image page an invisible text layer read by tesseract.js's English model: tesseract's
 * own text-only PDF (GlyphLessFont, text render mode 3) drawn over the image as a form XObject.
 */
export async function addEnglishLayer(imagePdfBytes: Uint8Array, jpegs: readonly Buffer[], dpi: number): Promise<Uint8Array> {
  const { createWorker } = await import('tesseract.js');
  const langPath = join(root, 'node_modules', '@tesseract.js-data', 'eng', '4.0.0_best_int');
  const worker = await createWorker('eng', 1, { langPath, gzip: true, cacheMethod: 'none' });
  try {
    const pdf = await PDFDocument.load(imagePdfBytes);
    for (let i = 0; i < jpegs.length; i++) {
      const r = await worker.recognize(jpegs[i]!, { user_defined_dpi: String(dpi), pdfTextOnly: true } as never, { pdf: true, text: false });
      const layer = await PDFDocument.load(Uint8Array.from(r.data.pdf as unknown as number[]));
      const page = pdf.getPage(i);
      const [embedded] = await pdf.embedPdf(layer, [0]);
      const { width, height } = page.getSize();
      page.drawPage(embedded!, { x: 0, y: 0, width, height });
    }
    pdf.setModificationDate(new Date('2024-01-01T00:00:00Z'));
    return pdf.save({ useObjectStreams: false });
  } finally {
    await worker.terminate();
  }
}

async function mergePdfs(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setProducer('plan-extract fixtures');
  pdf.setCreationDate(new Date('2024-01-01T00:00:00Z'));
  pdf.setModificationDate(new Date('2024-01-01T00:00:00Z'));
  for (const bytes of parts) {
    const src = await PDFDocument.load(bytes);
    for (const page of await pdf.copyPages(src, src.getPageIndices())) pdf.addPage(page);
  }
  return pdf.save({ useObjectStreams: false });
}

/** A born-digital page: real text drawn with an embedded Vietnamese-capable font. */
async function textPage(pdf: PDFDocument, lines: readonly string[]): Promise<void> {
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(FONT), { subset: true });
  const page = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - 56 - 13;
  for (const line of lines) {
    page.drawText(line, { x: 56, y, size: 13, font, color: rgb(0, 0, 0) });
    y -= 13 * 1.45;
  }
}

export function readSource(): string[] {
  return readFileSync(join(DATA_DIR, '003_cfea897aaf665822.gold.txt'), 'utf8').split('\n');
}

async function main(): Promise<void> {
  const fixtures = join(root, 'fixtures');
  mkdirSync(fixtures, { recursive: true });
  mkdirSync(DATA_DIR, { recursive: true });
  const sharedGold = join(root, '..', 'shared', 'dev', '003_cfea897aaf665822.gold.txt');
  try {
    writeFileSync(join(DATA_DIR, '003_cfea897aaf665822.gold.txt'), readFileSync(sharedGold));
  } catch {
    // ../shared is a development aid; the committed copy is enough
  }
  const dpi = 200;
  const source = readSource();
  const pages = typeset(source, 3, { dpi });
  const scanned = [];
  for (let i = 0; i < 2; i++) scanned.push(await scanJpeg(pages[i]!, { dpi, seed: 4000 + i, noise: 8, tiltDeg: i === 0 ? 0.25 : -0.2 }, 50));
  writeFileSync(join(fixtures, 'scan-lai-chau.pdf'), await imagePdf(scanned, dpi));
  writeFileSync(join(DATA_DIR, 'scan-lai-chau.truth.txt'), pages.slice(0, 2).map((p) => p.join('\n')).join('\n\f\n') + '\n');

  const eng = await addEnglishLayer(await imagePdf(scanned, dpi), scanned.map((s) => s.jpeg), dpi);
  writeFileSync(join(fixtures, 'scan-lai-chau-englayer.pdf'), eng);

  // mixed: page 1 the English-layer scan, page 2 born-digital text (the third typeset page)
  const first = await PDFDocument.create();
  const engDoc = await PDFDocument.load(eng);
  const [p1] = await first.copyPages(engDoc, [0]);
  first.addPage(p1!);
  const digital = await PDFDocument.create();
  await textPage(digital, pages[2]!);
  writeFileSync(join(fixtures, 'scan-mixed.pdf'), await mergePdfs([await first.save(), await digital.save()]));
  writeFileSync(join(DATA_DIR, 'scan-mixed.truth.txt'), [pages[0]!, pages[2]!].map((p) => p.join('\n')).join('\n\f\n') + '\n');

  // PNG: the top of page 1 (header and title), no noise so the PNG stays small
  const top = typeset(source, 1, { dpi, heightPt: 330 });
  const png = renderPage(top[0]!, { dpi, seed: 4100, heightPt: 330, noise: 0, tiltDeg: 0.15 });
  writeFileSync(join(fixtures, 'scan-lai-chau-top.png'), await png.canvas.encode('png'));
  writeFileSync(join(DATA_DIR, 'scan-lai-chau-png.truth.txt'), top[0]!.join('\n') + '\n');
  for (const f of ['scan-lai-chau.pdf', 'scan-lai-chau-englayer.pdf', 'scan-mixed.pdf', 'scan-lai-chau-top.png']) {
    process.stdout.write(`${f}: ${readFileSync(join(fixtures, f)).length} bytes\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    process.stderr.write(`${(err as Error).stack ?? err}\n`);
    process.exit(1);
  });
}
