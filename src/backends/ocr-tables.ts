/**
 * Tables of OCR'd pages. Tesseract reports the ruling lines it finds on a page as separator
 * blocks (a box and no text: OcrPage.rules); their ruled grids (ruled-grid.ts) are the page's
 * tables, and each cell holds the OCR words whose middle is inside it, line by line. Without
 * this a scanned task table is a run of lines mixing its columns, and a cell merged over
 * several rows (one lead for three tasks) belongs to one of them only.
 *
 * The page keeps tesseract's lines, except that the lines inside a table give way to one line
 * per table row, its words in reading order (readingText): the cells carry the columns.
 */
import type { Page, TextLine } from '../model/document.js';
import type { TableBlock, TableCell } from '../model/table.js';
import { pageFromOcr } from '../ocr/pages.js';
import { finishLine } from '../ocr/tsv.js';
import type { Box, OcrPage, OcrWord } from '../ocr/types.js';
import { findRuledGrids, type Rule, type RuledGrid } from './ruled-grid.js';

export interface OcrPageLayout {
  page: Page;
  /** The page's tables (index is set by the caller). */
  tables: Omit<TableBlock, 'index'>[];
  /** For each OCR line (OcrPage.lines order), the page line that holds its words. */
  lineOf: number[];
}

/** A word that is a ruling line read as a letter ("l", "I", "1" standing on a column rule). */
const RULE_LETTER = /^[|¦[\]!lI1]{1,2}$/u;
/** A rule read as a bar or bracket at the start or end of a word ("|Chỉ", "tế|"): never text in a plan's table. */
const RULE_EDGES = /^[|¦[\]]+|[|¦[\]]+$/gu;

interface PlacedWord {
  word: OcrWord;
  /** Index of its OCR line. */
  line: number;
  /** The word's text in the cell: '' for a ruling line read as a letter, which belongs to the table (it is not laid out as a line) but not to its text. */
  text: string;
}

interface OcrTable {
  grid: RuledGrid;
  /** Words per grid cell (grid.cells order). */
  words: PlacedWord[][];
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * A separator box as a rule along its middle (y negated: the grid's y grows upward), lengthened
 * by `reach` at both ends: on a scan a rule's box stops a few pixels short of the rule it meets
 * (faded ends, tilt). Null when the box is not long and thin.
 */
function ruleOf(box: Box, minLength: number, reach: number): Rule | null {
  if (box.width >= 4 * box.height && box.width >= minLength) {
    const y = -(box.top + box.height / 2);
    return { x0: box.left - reach, x1: box.left + box.width + reach, y0: y, y1: y };
  }
  if (box.height >= 4 * box.width && box.height >= minLength) {
    const x = box.left + box.width / 2;
    return { x0: x, x1: x, y0: -(box.top + box.height) - reach, y1: -box.top + reach };
  }
  return null;
}

/** The ruled tables of an OCR'd page with the words of each cell. */
function findOcrTables(ocr: OcrPage): OcrTable[] {
  if (ocr.rules.length < 6) return [];
  // sizes follow the print: a text line's height sets what counts as a rule and how close edges snap
  const lineHeight = median(ocr.lines.map((l) => median(l.words.map((w) => w.box.height))).filter((h) => h > 0));
  if (lineHeight <= 0) return [];
  const snap = Math.max(4, 0.4 * lineHeight);
  const rules = ocr.rules.map((b) => ruleOf(b, 1.5 * lineHeight, snap)).filter((r): r is Rule => r !== null);
  const tables: OcrTable[] = [];
  for (const grid of findRuledGrids(rules, snap)) {
    const words: PlacedWord[][] = grid.cells.map(() => []);
    ocr.lines.forEach((line, li) => {
      for (const word of line.words) {
        const cx = word.box.left + word.box.width / 2;
        const cy = -(word.box.top + word.box.height / 2);
        const k = grid.cells.findIndex((c) => cx > c.left && cx < c.right && cy < c.top && cy > c.bottom);
        if (k < 0) continue;
        const cell = grid.cells[k]!;
        const onRule = [cell.left, cell.right].some((x) => word.box.left - 2 <= x && x <= word.box.left + word.box.width + 2);
        const text = onRule && RULE_LETTER.test(word.text) ? '' : word.text.replace(RULE_EDGES, '');
        words[k]!.push({ word, line: li, text });
      }
    });
    const filled = words.filter((ws) => ws.some((w) => w.text)).length;
    // a grid of empty boxes (a form, a frame) is not a table
    if (filled >= 2 && grid.colCount >= 2) tables.push({ grid, words });
  }
  return tables;
}

/** A cell's text: its words line by line, top to bottom, left to right. */
function cellText(words: readonly PlacedWord[]): string {
  return linesOfCell(words)
    .map((l) => l.text)
    .join(' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * A row's words in reading order, as people transcribe a printed table: printed line by printed
 * line across the cells ("1 Ban hành kế hoạch; rà soát Trước ngày Phòng Đào tạo; Trung" /
 * "sinh viên thuộc 05 khoa 27/6/2026 tâm QLCL"), so the row's line reads like the page; its cells
 * (TableBlock.cells) give each column's text to the stages. Tesseract's own line order is not
 * that order: it reads a vertically centred cell ("TT", "Nội dung công việc" in a two-line header)
 * as a line after the one beside it, or joins it to the line below. So the printed lines are the
 * lines of the row's cell with the most lines, and every other cell's line (tesseract's line
 * within the cell) goes to the printed line nearest its height. A line about midway between two
 * printed lines is text centred in its cell: people read the upper half of such a cell with the
 * upper line and the lower half with the lower one ("Trước ngày" / "15/7/2026" beside three lines
 * go to the first and the third), and a single centred line with the upper one.
 */
function readingText(cells: readonly (readonly PlacedWord[])[]): string {
  const cellLines = cells.map((words) => linesOfCell(words));
  const printed = cellLines.reduce((most, ls) => (ls.length > most.length ? ls : most), [] as CellLine[]).map((l) => l.middle);
  const slots: string[][] = printed.map(() => []);
  for (const lines of cellLines) {
    lines.forEach((line, i) => slots[printedLineOf(printed, line.middle, 2 * i + 1 <= lines.length)]!.push(line.text));
  }
  return slots.flat().join(' ');
}

/** Midway: the middle third of the gap between two printed lines. */
const MIDWAY = [1 / 3, 2 / 3] as const;

/** The printed line (index into their middles, top to bottom) that a cell's line at `middle` is read with. */
function printedLineOf(printed: readonly number[], middle: number, upperHalf: boolean): number {
  const below = printed.findIndex((p) => p >= middle);
  if (below <= 0) return below === 0 ? 0 : printed.length - 1;
  const t = (middle - printed[below - 1]!) / (printed[below]! - printed[below - 1]!);
  if (t > MIDWAY[0] && t < MIDWAY[1]) return upperHalf ? below - 1 : below;
  return t < 0.5 ? below - 1 : below;
}

interface CellLine {
  /** The median height on the page of its words' middles (accents and dots below lengthen single boxes). */
  middle: number;
  text: string;
}

/** A cell's words as tesseract's lines within it, top to bottom, each left to right. */
function linesOfCell(words: readonly PlacedWord[]): CellLine[] {
  const byLine = new Map<number, PlacedWord[]>();
  for (const w of words) {
    if (!w.text) continue;
    byLine.set(w.line, [...(byLine.get(w.line) ?? []), w]);
  }
  return [...byLine.values()]
    .map((ws) => {
      const middles = ws.map((w) => w.word.box.top + w.word.box.height / 2).sort((a, b) => a - b);
      const text = [...ws].sort((a, b) => a.word.box.left - b.word.box.left).map((w) => w.text).join(' ');
      return { middle: middles[middles.length >> 1]!, text };
    })
    .sort((a, b) => a.middle - b.middle);
}

/** The y of the rule above row r (r = rowCount: the table's bottom); a row no cell starts in takes the next edge below. */
function rowEdge(grid: RuledGrid, r: number): number {
  for (let k = r; k < grid.rowCount; k++) {
    const cell = grid.cells.find((c) => c.row === k);
    if (cell) return cell.top;
  }
  return grid.bottom;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The page of an OCR reading, its tables read from the ruling lines (module comment). */
export function layoutOcrPage(number: number | null, ocr: OcrPage): OcrPageLayout {
  const found = findOcrTables(ocr);
  if (found.length === 0) {
    return { page: pageFromOcr(number, ocr), tables: [], lineOf: ocr.lines.map((_, i) => i + 1) };
  }
  // which table each word went to
  const tableOfWord = new Map<OcrWord, number>();
  found.forEach((t, ti) => t.words.forEach((ws) => ws.forEach((w) => tableOfWord.set(w.word, ti))));
  const lines: TextLine[] = [];
  const lineOf: number[] = [];
  const tables: Omit<TableBlock, 'index'>[] = [];
  /** First page line of each table laid out so far, by its index in `found`. */
  const emitted = new Map<number, number>();
  const push = (text: string, confidence: number, box: Box) => {
    lines.push({ text, original: text, page: number, line: lines.length + 1, confidence: round(confidence), box });
    return lines.length;
  };
  const emitTable = (ti: number): number => {
    const { grid, words } = found[ti]!;
    const cells: TableCell[] = grid.cells.map((c, k) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: cellText(words[k]!), columnHeader: c.row === 0 }));
    const rowLines = Array.from({ length: grid.rowCount }, (_, r) => {
      const inRow = grid.cells.map((c, k) => ({ c, k })).filter(({ c }) => c.row === r).sort((a, b) => a.c.col - b.c.col);
      const placed = inRow.flatMap(({ k }) => words[k]!.filter((w) => w.text));
      const text = readingText(inRow.map(({ k }) => words[k]!));
      const rowWords = placed.map((w) => w.word);
      const chars = rowWords.reduce((s, w) => s + w.text.length, 0);
      const confidence = chars ? rowWords.reduce((s, w) => s + w.confidence * w.text.length, 0) / chars : 0;
      const top = -rowEdge(grid, r);
      const bottom = -rowEdge(grid, r + 1);
      return push(text, confidence, { left: Math.round(grid.left), top: Math.round(top), width: Math.round(grid.right - grid.left), height: Math.round(bottom - top) });
    });
    tables.push({ page: number, firstLine: rowLines[0]!, lastLine: rowLines[rowLines.length - 1]!, rowLines, rowCount: grid.rowCount, colCount: grid.colCount, cells, origin: 'ocr' });
    emitted.set(ti, rowLines[0]!);
    return rowLines[0]!;
  };
  ocr.lines.forEach((line, li) => {
    const outside = line.words.filter((w) => !tableOfWord.has(w));
    const inTables = [...new Set(line.words.filter((w) => tableOfWord.has(w)).map((w) => tableOfWord.get(w)!))];
    // a table is laid out where its first word is met; a line of it met later points to its first row
    let at = 0;
    for (const ti of inTables) at ||= emitted.get(ti) ?? emitTable(ti);
    if (outside.length > 0) {
      // a line with no word in a table keeps its text (its column gaps); a part of one is spaced, scored and boxed as tsv.ts does it
      const rest = outside.length === line.words.length ? line : finishLine({ ...line, words: outside });
      at = push(rest.text, rest.confidence, rest.box);
    }
    lineOf.push(at || lines.length || 1);
  });
  return { page: { number, origin: lines.length === 0 ? 'empty' : 'ocr', lines }, tables, lineOf };
}
