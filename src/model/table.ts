/**
 * Tables in the document model, after docling's TableData: a flat list of cells, each with its
 * row and column offsets, spans and a column-header flag; the grid is derived from the cells.
 * Backends that know a table (DOCX/DOC/HTML, Markdown pipe tables, text tables, PDF text
 * positions, OCR word boxes) make one; stages read cells, never re-guess a table from lines.
 *
 * A table also renders into its page as one text line per row ("cell | cell | cell"), so that
 * line-based stages and `plan-extract text` still see it; `firstLine`..`lastLine` are those
 * lines (1-based, within the page), which is how a cell's source is given in the record.
 */
import type { SourceRef } from '../schema/record.js';

export type TableOrigin = 'docx' | 'doc' | 'html' | 'markdown' | 'text' | 'pdf-text' | 'ocr';

export interface TableCell {
  /** 0-based row and column offsets of the cell's top-left corner. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** The cell's text, NFC, paragraphs joined by "\n". */
  text: string;
  /** True for cells of the header rows (column headers). */
  columnHeader: boolean;
}

export interface TableBlock {
  /** 1-based number of the table in the document, in reading order. */
  index: number;
  /** Page the table starts on (null for text-like input). */
  page: number | null;
  /** Page-local line numbers of the text lines that render the rows (row r is line firstLine + r when rows render one line each). */
  firstLine: number;
  lastLine: number;
  /** For each row, the page-local line that renders it. */
  rowLines: number[];
  rowCount: number;
  colCount: number;
  cells: TableCell[];
  origin: TableOrigin;
}

/** The grid of a table: grid[r][c] is the cell covering (r, c), spans repeated, null where no cell is. */
export function tableGrid(table: TableBlock): (TableCell | null)[][] {
  const grid: (TableCell | null)[][] = Array.from({ length: table.rowCount }, () => Array<TableCell | null>(table.colCount).fill(null));
  for (const cell of table.cells) {
    for (let r = cell.row; r < Math.min(table.rowCount, cell.row + cell.rowSpan); r++) {
      for (let c = cell.col; c < Math.min(table.colCount, cell.col + cell.colSpan); c++) grid[r]![c] = cell;
    }
  }
  return grid;
}

/** The source reference of a table row (the page line that renders it). */
export function rowSource(table: TableBlock, row: number, endRow: number = row): SourceRef {
  const line = table.rowLines[row] ?? table.firstLine;
  const endLine = table.rowLines[endRow] ?? line;
  return { page: table.page, line, endLine: Math.max(line, endLine) };
}

/** Tables in reading order (page, then line), numbered from 1: an OCR'd page's tables join those of the text layer. */
export function numberTables(tables: TableBlock[]): void {
  tables.sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || a.firstLine - b.firstLine);
  tables.forEach((t, i) => (t.index = i + 1));
}
