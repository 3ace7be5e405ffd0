/**
 * Tables of a PDF text layer, from ruling lines and text positions: the ruled grids of the
 * page's vector rules (ruled-grid.ts), each cell holding the text items whose middle is inside
 * it. A grid whose cells hold no text (a form, a frame) is no table; aligned text without rules
 * is left as lines.
 *
 * A page with a table is laid out again from its items: the lines above and below the table
 * as usual, the table as one line per row, "cell | cell | …" (a cell covered by a span from the
 * row above renders empty), so that line-based stages and `plan-extract text` still see it and
 * each row's source line is exact (TableBlock.rowLines).
 */
import type { TableBlock, TableCell } from '../model/table.js';
import { itemTextLines } from './pdf-garbled.js';
import type { PdfItemPage, PdfTextItem, RuleSegment } from './pdf-items.js';
import { findRuledGrids, rowTexts, type Rule, type RuledGrid } from './ruled-grid.js';

/** Rules closer than this (points) are one edge: Word draws a border as a thin filled box. */
const SNAP = 2;
/** A segment thinner than this is a rule. */
const THIN = 2;

/** A ruled grid with its text: bounding box in points (PDF user space). */
export interface FoundTable extends Omit<RuledGrid, 'cells'> {
  cells: TableCell[];
  /** Items inside the table (not laid out as lines). */
  items: Set<PdfTextItem>;
}

/** The ruled grids of a page with their cells (see module comment). */
export function findRuledTables(page: PdfItemPage): FoundTable[] {
  const rules = page.rules.map(centerLine).filter((r): r is Rule => r !== null);
  return findRuledGrids(rules, SNAP)
    .map((grid) => withText(page.items, grid))
    .filter((t): t is FoundTable => t !== null);
}

/** A thin filled box as the rule along its middle; null for anything else. */
function centerLine(r: RuleSegment): Rule | null {
  const w = r.x1 - r.x0;
  const h = r.y1 - r.y0;
  if (h <= THIN && w > 4 * THIN) return { x0: r.x0, x1: r.x1, y0: (r.y0 + r.y1) / 2, y1: (r.y0 + r.y1) / 2 };
  if (w <= THIN && h > 4 * THIN) return { x0: (r.x0 + r.x1) / 2, x1: (r.x0 + r.x1) / 2, y0: r.y0, y1: r.y1 };
  return null;
}

/** The grid's cells with the items inside them; null when the grid holds no text. */
function withText(items: readonly PdfTextItem[], grid: RuledGrid): FoundTable | null {
  const inside = new Set<PdfTextItem>();
  const cells: TableCell[] = [];
  let filled = 0;
  for (const g of grid.cells) {
    const mine = items.filter((it) => {
      const cx = it.x + it.width / 2;
      const cy = it.y + it.size * 0.3;
      return cx > g.left && cx < g.right && cy < g.top && cy > g.bottom;
    });
    for (const it of mine) inside.add(it);
    const text = itemTextLines(mine)
      .map((l) => l.replace(/\s+/gu, ' ').trim())
      .filter(Boolean)
      .join(' ');
    if (text) filled++;
    cells.push({ row: g.row, col: g.col, rowSpan: g.rowSpan, colSpan: g.colSpan, text, columnHeader: g.row === 0 });
  }
  // a grid of empty boxes (a form, a frame) is not a table
  if (filled < 2 || grid.colCount < 2) return null;
  return { left: grid.left, right: grid.right, top: grid.top, bottom: grid.bottom, rowCount: grid.rowCount, colCount: grid.colCount, cells, items: inside };
}

export interface PageLayout {
  lines: string[];
  /** Tables of the page with page-local line numbers (index is set by the caller). */
  tables: Omit<TableBlock, 'index'>[];
}

/** The page's lines with its tables rendered one row per line (module comment). */
export function layoutPage(page: PdfItemPage, tables: readonly FoundTable[]): PageLayout {
  const loose = page.items.filter((it) => !tables.some((t) => t.items.has(it)));
  // blocks in reading order: runs of loose items between tables, by height on the page
  type Block = { y: number; table: FoundTable | null; items: PdfTextItem[] };
  const blocks: Block[] = tables.map((t) => ({ y: t.top, table: t, items: [] }));
  const sortedTables = [...tables].sort((a, b) => b.top - a.top);
  const slots: PdfTextItem[][] = Array.from({ length: sortedTables.length + 1 }, () => []);
  for (const it of loose) {
    let k = 0;
    while (k < sortedTables.length && it.y < sortedTables[k]!.bottom) k++;
    slots[k]!.push(it);
  }
  slots.forEach((items, k) => blocks.push({ y: k === 0 ? Infinity : sortedTables[k - 1]!.bottom - 0.001, table: null, items }));
  blocks.sort((a, b) => b.y - a.y || (a.table ? -1 : 1));
  const lines: string[] = [];
  const out: Omit<TableBlock, 'index'>[] = [];
  for (const b of blocks) {
    if (!b.table) {
      lines.push(...itemTextLines(b.items));
      continue;
    }
    const rowLines: number[] = [];
    for (const text of rowTexts(b.table)) {
      lines.push(text);
      rowLines.push(lines.length);
    }
    out.push({
      page: page.number,
      firstLine: rowLines[0]!,
      lastLine: rowLines[rowLines.length - 1]!,
      rowLines,
      rowCount: b.table.rowCount,
      colCount: b.table.colCount,
      cells: b.table.cells,
      origin: 'pdf-text',
    });
  }
  return { lines, tables: out };
}

/** Header words of the tables of plans (on the skeleton): a page without any is not searched for tables. */
const TABLE_HINT = /(^|\s)(s?tt|noi dung|nhiem vu|thoi gian|thoi han|don vi|chu tri|phoi hop|ghi chu|chi tieu|san pham)(\s|$)/u;

/** Whether a page's text may hold a table worth the cost of reading its drawing operators. */
export function mayHoldTable(skeletonText: string): boolean {
  return TABLE_HINT.test(skeletonText) && /(^|\s)s?tt(\s|$)/u.test(skeletonText);
}
