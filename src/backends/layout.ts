/**
 * What the structured backends (DOCX, DOC, HTML) share: paragraphs become page lines, tables
 * become TableBlocks rendered one line per row ("cell | cell | …"), and the tables Word uses only
 * to lay out the header (issuer | national motto; number | place and date) and the closing
 * (Nơi nhận | signature) are rendered as their columns' lines one after the other — left
 * column, then right — which is what the header and closing stages read: the number line
 * followed by the place-and-date line, "Nơi nhận:" followed by its "- …" items, the signature
 * lines followed by the name.
 */
import { PlanDocument, makePage } from '../model/document.js';
import type { TableBlock, TableCell, TableOrigin } from '../model/table.js';
import type { SourceKind } from '../schema/record.js';
import { skeleton } from '../text/vietnamese.js';
import { InputError } from '../util/errors.js';
import { checkLetterRuns } from './text.js';

export interface RawTable {
  rowCount: number;
  colCount: number;
  cells: TableCell[];
}

/** Normalises a piece of text for the page: NFC, no-break and odd spaces to spaces, no zero-width characters. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

const MOTTO = /cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc|dang cong san viet nam/;
const CLOSING = /^(noi nhan|(tm|kt|tl|q|tuq)\s*\.\s*\S)/;
const NUMBER_CELL = /^s[oố]\s*:/;

/**
 * A table that lays out the header or the closing rather than holding data: two or three
 * columns with text, a few rows, and a cell holding the national motto, "Nơi nhận", a
 * signature line (TM./KT./TL.) or the number ("Số: …"); or a single row of cells side by side.
 */
export function isLayoutTable(table: RawTable): boolean {
  if (table.rowCount > 8 || table.cells.length === 0) return false;
  const usedCols = new Set(table.cells.filter((c) => c.text.trim() !== '').map((c) => c.col));
  if (usedCols.size > 3) return false;
  // one row of two or three cells side by side (signatures of a form, "Người lập | Thủ trưởng") holds no data rows
  if (table.rowCount === 1 && usedCols.size >= 2) return true;
  return table.cells.some((c) => {
    const skel = skeleton(c.text);
    return MOTTO.test(skel) || skel.split('\n').some((line) => CLOSING.test(line.trim()) || NUMBER_CELL.test(line.trim()));
  });
}

/**
 * Largest grid (rows × columns) a table keeps as a TableBlock; a bigger one (hostile spans) is
 * rendered as its rows' cell texts only, so that no work grows with its claimed size.
 */
export const MAX_TABLE_GRID = 250_000;

export class PageBuilder {
  readonly lines: string[] = [];
  readonly tables: TableBlock[] = [];
  private layoutTables = 0;

  constructor(private readonly origin: TableOrigin) {}

  /** Adds a paragraph (its own line breaks give more lines); blank lines do not repeat. */
  paragraph(text: string): void {
    for (const part of text.split('\n')) {
      const line = cleanText(part);
      if (line === '' && (this.lines.length === 0 || this.lines[this.lines.length - 1] === '')) continue;
      this.lines.push(line);
    }
  }

  /** Adds a table: a layout table as its columns' lines, a data table as a TableBlock and one line per row. */
  table(raw: RawTable): void {
    const cells = raw.cells.map((c) => ({ ...c, text: c.text.split('\n').map(cleanText).join('\n').replace(/^\n+|\n+$/g, '') }));
    const table = { ...raw, cells };
    if (cells.every((c) => c.text === '')) return;
    if (isLayoutTable(table)) {
      this.layoutTables++;
      for (let r = 0; r < table.rowCount; r++) {
        for (const cell of cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col)) this.paragraph(cell.text);
      }
      this.paragraph('');
      return;
    }
    if (table.rowCount * table.colCount > MAX_TABLE_GRID) {
      for (let r = 0; r < table.rowCount; r++) {
        const texts = cells.filter((c) => c.row === r).map((c) => c.text.replace(/\n/g, ' '));
        if (texts.some(Boolean)) this.paragraph(texts.join(' | '));
      }
      return;
    }
    const firstLine = this.lines.length + 1;
    const rowLines: number[] = [];
    const starts = new Map<string, TableCell>();
    for (const c of cells) starts.set(`${c.row},${c.col}`, c);
    const coveredFrom = new Map<string, TableCell>();
    for (const c of cells) for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) if (r !== c.row || k !== c.col) coveredFrom.set(`${r},${k}`, c);
    for (let r = 0; r < table.rowCount; r++) {
      const parts: string[] = [];
      for (let k = 0; k < table.colCount; k++) {
        const cell = starts.get(`${r},${k}`);
        if (cell) parts.push(cell.text.replace(/\n/g, ' '));
        else {
          // under a cell merged from the row above: an empty place; beside one merged across: nothing
          const from = coveredFrom.get(`${r},${k}`);
          if (!from || (from.col === k && from.row < r)) parts.push('');
        }
      }
      rowLines.push(this.lines.length + 1);
      this.lines.push(parts.join(' | ').trim());
    }
    this.tables.push({
      index: this.tables.length + 1,
      page: null,
      firstLine,
      lastLine: this.lines.length,
      rowLines,
      rowCount: table.rowCount,
      colCount: table.colCount,
      cells,
      origin: this.origin,
    });
  }

  get layoutTableCount(): number {
    return this.layoutTables;
  }

  build(init: { displayName: string; sha256: string; kind: SourceKind; encoding: string }): PlanDocument {
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') this.lines.pop();
    if (this.lines.every((l) => l.trim() === '')) throw new InputError(init.displayName, 'no text in file');
    checkLetterRuns(this.lines, init.displayName);
    return new PlanDocument({
      file: init.displayName,
      sha256: init.sha256,
      kind: init.kind,
      pageCount: null,
      encoding: init.encoding,
      pages: [makePage(null, 'text', this.lines)],
      tables: this.tables,
    });
  }
}
