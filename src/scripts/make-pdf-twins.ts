/**
 * Text-layer PDF twins of the development documents, for `npm run eval:extract`'s PDF TEXT LAYER
 * group: each tests/data text document with an expected record is typeset as an office's Word
 * export prints it — the scanned twins' layout (build-scan-fixtures.ts `typeset`: two-column
 * header, signature block beside "Nơi nhận", tables ruled with each cell wrapped in its column and
 * broken across pages) — but written as real vector text in an embedded subset font (DejaVu Serif,
 * regular and bold, pdf-lib + fontkit) with the table rules as vector strokes, and with what a
 * Word export adds: the page number centred in the top margin from page 2 on (the convention of
 * Nghị định 30/2020/NĐ-CP for administrative documents).
 *
 * Content order follows Word's: the two-column blocks of the header and the closing are layout
 * tables, drawn cell by cell (the left column's lines, then the right column's); a data table is
 * drawn row by row, cell by cell, each cell's lines top to bottom, the rules after the row's text.
 * The tool then reads the text layer (no OCR) and is scored against the clean document's expected
 * record: how much of a plan survives the text-layer path.
 *
 * Output: tests/pdf-twins/<name>.pdf. Deterministic (fixed metadata; re-running gives identical
 * bytes). Seeds 000–002 are never read.
 *
 * Usage: npm run fixtures:pdf-twins [-- name…]
 *        npm run fixtures:pdf-twins -- --blind [name…]   (tests/blind/src/<name>.txt → tests/blind/<name>.pdf)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { A4, isHeading, TABLE_FONT_SCALE, TABLE_ROW, typeset, type TypesetRow } from './build-scan-fixtures.js';
import { damageableDocuments } from './make-damaged-inputs.js';
import { packageRoot } from '../util/paths.js';

const require = createRequire(import.meta.url);
const root = packageRoot();
const DATA = join(root, 'tests', 'data');
export const PDF_TWINS_DIR = join(root, 'tests', 'pdf-twins');
const BLIND_DIR = join(root, 'tests', 'blind');
const BLIND_SOURCES = join(BLIND_DIR, 'src');
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf');
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

const FONT_PT = 13;
const MARGIN = 56;
/** Rule thickness of a table border, in points (Word's ½ pt). */
const RULE = 0.5;
/** Smallest size a column's line is shrunk to so that it fits its column (Word would wrap it in its cell). */
const MIN_COLUMN_PT = 9;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Draws one typeset page (the layout of build-scan-fixtures.ts renderPage, in PDF user space). */
function drawPage(page: PDFPage, lines: readonly string[], fonts: Fonts, pageNumber: number): void {
  const height = A4.height;
  const usable = A4.width - 2 * MARGIN;
  const ink = rgb(0, 0, 0);
  const text = (t: string, x: number, yTop: number, size: number, font: PDFFont) => {
    if (t) page.drawText(t, { x, y: height - yTop, size, font, color: ink });
  };
  // the page number, centred in the top margin, from page 2 on
  if (pageNumber > 1) {
    const label = String(pageNumber);
    text(label, (A4.width - fonts.regular.widthOfTextAtSize(label, FONT_PT)) / 2, MARGIN / 2 + FONT_PT / 2, FONT_PT, fonts.regular);
  }
  let y = MARGIN + FONT_PT;
  const cellPt = FONT_PT * TABLE_FONT_SCALE;
  const cellLineH = cellPt * 1.25;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith(TABLE_ROW)) {
      const row = JSON.parse(line.slice(1)) as TypesetRow;
      const top = y - FONT_PT;
      const h = Math.max(...row.cells.map((l) => l.length)) * cellLineH + 6;
      let x = MARGIN;
      row.widths.forEach((w, c) => {
        row.cells[c]!.forEach((t, j) => text(t, x + 3, top + 3 + cellPt + j * cellLineH, fitSize(fonts.regular, t, cellPt, w - 6), fonts.regular));
        x += w;
      });
      const stroke = (x0: number, y0: number, x1: number, y1: number) =>
        page.drawLine({ start: { x: x0, y: height - y0 }, end: { x: x1, y: height - y1 }, thickness: RULE, color: ink });
      stroke(MARGIN, top, MARGIN + usable, top);
      x = MARGIN;
      for (const w of row.widths) {
        stroke(x, top, x, top + h);
        x += w;
      }
      stroke(x, top, x, top + h);
      const next = lines[i + 1];
      if (!next?.startsWith(TABLE_ROW)) stroke(MARGIN, top + h, MARGIN + usable, top + h);
      y += h + (next?.startsWith(TABLE_ROW) ? 0 : FONT_PT * 1.2);
      continue;
    }
    if (line.includes('\t')) {
      // a run of two-column lines is one layout table (the header, the closing): drawn cell by cell
      let end = i + 1;
      while (end < lines.length && lines[end]!.includes('\t') && !lines[end]!.startsWith(TABLE_ROW) && !lines[end]!.startsWith(BLOCK_START)) end++;
      const rows = lines.slice(i, end).map((l) => l.replace(BLOCK_START, '').split('\t').map((t) => (t === EMPTY_SIDE ? '' : t)) as [string, string]);
      const used = drawLayoutTable(page, rows, fonts, y - FONT_PT, height);
      y += Math.max(rows.length * FONT_PT * 1.45, used);
      i = end - 1;
      continue;
    }
    const font = isHeading(line) ? fonts.bold : fonts.regular;
    const size = fitSize(font, line, FONT_PT, usable);
    const w = font.widthOfTextAtSize(line, size);
    const x = isHeading(line) && w < usable * 0.9 ? (A4.width - w) / 2 : MARGIN;
    text(line, x, y, size, font);
    y += FONT_PT * 1.45;
  }
}

/** The text of an empty column in a two-column line given to typeset (a closing line with no signature beside it). */
const EMPTY_SIDE = '\u0002';
/** Opens the first line of a layout table (typeset drops the blank line that parts two of them). */
const BLOCK_START = '\u0003';

const skel = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();

/** Wraps text to `width` points in the font at the size. */
function wrapTo(font: PDFFont, size: number, text: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const w of text.split(' ').filter(Boolean)) {
    const next = cur ? `${cur} ${w}` : w;
    if (cur && font.widthOfTextAtSize(next, size) > width) {
      out.push(cur);
      cur = w;
    } else cur = next;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * A layout table of Word (header: issuer and number | motto and place-date; closing: "Nơi nhận" and its
 * items | the signature), from its top (points from the page top): the left cell's lines, then the right
 * cell's, each cell wrapped to its width in its own sizes and leading — so the two columns' baselines do
 * not line up, as they do not in a real export. The header's issuer and motto get their short rules. The
 * signer's name stands after a gap for the signature and seal. Returns the height used.
 */
function drawLayoutTable(page: PDFPage, rows: readonly [string, string][], fonts: Fonts, top: number, height: number): number {
  const usable = A4.width - 2 * MARGIN;
  const closing = rows.some(([l]) => /^noi nhan/.test(skel(l)));
  const ink = rgb(0, 0, 0);
  let used = 0;
  for (const [side, from, share] of [[0, 0, closing ? 0.45 : 0.4], [1, closing ? 0.45 : 0.4, closing ? 0.55 : 0.6]] as const) {
    const x0 = MARGIN + usable * from;
    const width = usable * share;
    let y = top;
    let gapRows = 0;
    let seen = 0;
    for (const row of rows) {
      const t = row[side];
      if (!t) {
        if (seen > 0) gapRows++;
        continue;
      }
      const k = skel(t);
      const isMotto = /cong hoa xa hoi|dang cong san|doc lap - tu do/.test(k);
      const upper = t === t.toUpperCase() && /\p{L}/u.test(t);
      // sizes of a Word template: recipients 11 pt under a 12 pt bold "Nơi nhận:", signature 13 pt bold,
      // motto 12/13 pt bold, issuer 13 pt (its own name bold), number and place-date 13 pt
      let size = FONT_PT;
      let font = fonts.regular;
      let leading = FONT_PT * 1.2;
      if (closing && side === 0) {
        size = /^noi nhan/.test(k) ? 12 : 11;
        font = /^noi nhan/.test(k) ? fonts.bold : fonts.regular;
        leading = 13;
      } else if (closing) {
        font = fonts.bold;
        leading = 16;
        // the name after the signature and the seal
        if (gapRows > 0 && !upper) y += 3 * leading;
      } else if (isMotto) {
        font = fonts.bold;
        size = /cong hoa|dang cong san/.test(k) ? 12 : 13;
        leading = 16;
      } else if (upper && seen > 0) font = fonts.bold;
      gapRows = 0;
      seen++;
      // the motto stays one line (shrunk to fit, as its 12 pt Times fits); other texts wrap in their cell
      if (isMotto) size = fitSize(font, t, size, width - 4);
      for (const piece of isMotto ? [t] : wrapTo(font, size, t, width - 4)) {
        y += leading;
        const w = font.widthOfTextAtSize(piece, size);
        const x = closing && side === 0 ? x0 : x0 + (width - w) / 2;
        page.drawText(piece, { x, y: height - y, size, font, color: ink });
      }
      // the short rule under the issuer's name and under "Độc lập - Tự do - Hạnh phúc"
      const nextRow = rows[rows.indexOf(row) + 1];
      const issuerEnds = !closing && side === 0 && upper && !(nextRow && nextRow[0] && nextRow[0] === nextRow[0].toUpperCase() && /\p{L}/u.test(nextRow[0]));
      if ((!closing && /doc lap - tu do/.test(k)) || issuerEnds) {
        const w = font.widthOfTextAtSize(t, size) * (issuerEnds ? 0.4 : 0.8);
        const cx = x0 + width / 2;
        page.drawLine({ start: { x: cx - w / 2, y: height - (y + 4) }, end: { x: cx + w / 2, y: height - (y + 4) }, thickness: RULE, color: ink });
      }
    }
    used = Math.max(used, y - top + 4);
  }
  return used;
}

/**
 * The source lines, with the header (the lines before the title that are laid out in two columns) and
 * the closing (from "Nơi nhận" to the next blank line) given to typeset as two-column lines throughout:
 * a line of one column gets an EMPTY_SIDE for the other.
 */
export function layoutBlocks(source: readonly string[]): string[] {
  const out = [...source];
  const columnLike = (l: string) => /^ {40,}\S/.test(l) || /\S\s{3,}\S/.test(l.trim());
  const asTwo = (l: string) => {
    if (/^ {40,}\S/.test(l) || !l.trim()) return l;
    return /\S\s{3,}\S/.test(l.trim()) ? l : `${l.trim()}     ${EMPTY_SIDE}`;
  };
  // the header: leading lines that are two-column, right-only or blank
  let i = 0;
  while (i < out.length && (out[i]!.trim() === '' || columnLike(out[i]!))) i++;
  for (let k = 0; k < i; k++) out[k] = asTwo(out[k]!);
  // the closing: from each "Nơi nhận" line to the blank line after it
  for (let k = 0; k < out.length; k++) {
    if (!/^noi nhan/.test(skel(out[k]!.trim())) || !columnLike(out[k]!)) continue;
    for (let j = k; j < out.length && out[j]!.trim() !== ''; j++) out[j] = asTwo(out[j]!);
  }
  // each run of two-column lines after a blank line (or a one-column line) opens a layout table of its own
  for (let k = 0; k < out.length; k++) {
    // the header is one table across its blank lines
    if (!columnLike(out[k]!) || (k > 0 && k < i) || (k > 0 && columnLike(out[k - 1]!))) continue;
    const l = out[k]!;
    out[k] = BLOCK_START + (/^ {40,}\S/.test(l) ? `${EMPTY_SIDE}     ${l.trim()}` : l.trim());
  }
  return out;
}

/** The size at which `t` fits `width` (no larger than `size`, no smaller than MIN_COLUMN_PT). */
function fitSize(font: PDFFont, t: string, size: number, width: number): number {
  const w = font.widthOfTextAtSize(t, size);
  return w <= width ? size : Math.max(MIN_COLUMN_PT, (size * width) / w);
}

/** The text-layer PDF twin of one source text. */
export async function pdfTwin(source: readonly string[], title: string, opts: { repeatHeader?: boolean } = {}): Promise<Uint8Array> {
  const pages = typeset(layoutBlocks(source), 1000, { dpi: 72, fontPt: FONT_PT, marginPt: MARGIN, columns: true, tables: true, indentedRight: true, breakRows: true, repeatHeader: opts.repeatHeader ?? false });
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const fonts = {
    regular: await doc.embedFont(readFileSync(FONT), { subset: true }),
    bold: await doc.embedFont(readFileSync(FONT_BOLD), { subset: true }),
  };
  doc.setTitle(title);
  doc.setProducer('plan-extract fixtures (pdf-lib)');
  doc.setCreator('plan-extract npm run fixtures:pdf-twins');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  pages.forEach((lines, i) => drawPage(doc.addPage([A4.width, A4.height]), lines, fonts, i + 1));
  return doc.save({ useObjectStreams: true });
}

/** The repeat of tables' header rows, by a hash of the name: half the twins have it. */
const repeatsHeader = (name: string) => [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1009, 3) % 2 === 0;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // --blind: the blind documents written as text in tests/blind/src/, delivered as PDFs in tests/blind/
  const blind = args.includes('--blind');
  const wanted = args.filter((a) => !a.startsWith('--'));
  const from = blind ? BLIND_SOURCES : DATA;
  const to = blind ? BLIND_DIR : PDF_TWINS_DIR;
  const names = wanted.length > 0 ? wanted : blind ? (existsSync(BLIND_SOURCES) ? readdirSync(BLIND_SOURCES) : []).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort() : damageableDocuments();
  mkdirSync(to, { recursive: true });
  let total = 0;
  for (const name of names) {
    const source = readFileSync(join(from, `${name}.txt`), 'utf8').split('\n');
    // half the twins repeat their tables' header rows on each page, as many plans do
    const pdf = await pdfTwin(source, name, { repeatHeader: repeatsHeader(name) });
    writeFileSync(join(to, `${name}.pdf`), pdf);
    total += pdf.length;
    console.error(`${name}: ${pdf.length} bytes`);
  }
  console.error(`${names.length} twins, ${total} bytes`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
