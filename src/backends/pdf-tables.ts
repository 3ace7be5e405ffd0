/**
 * Tables of a PDF text layer, from ruling lines and text positions.
 *
 * Conservative on purpose: only a ruled grid becomes a table — horizontal and vertical rules
 * that meet, at least three column edges and three row edges (two columns, two rows) — and
 * only when its cells hold text. Ordinary paragraphs never do; aligned text without rules is
 * left as lines. Cells merged by a missing rule (a row group spanning rows, a header spanning
 * columns) become one cell with its spans.
 *
 * A page with a table is laid out again from its items: the lines above and below the table
 * as usual, the table as one line per row, "cell | cell | …" (a cell covered by a span from the
 * row above renders empty), so that line-based stages and `plan-extract text` still see it and
 * each row's source line is exact (TableBlock.rowLines).
 */
import type { TableBlock, TableCell } from '../model/table.js';
import { itemTextLines } from './pdf-garbled.js';
import type { PdfItemPage, PdfTextItem, RuleSegment } from './pdf-items.js';

/** Rules closer than this (points) are one edge: Word draws a border as a thin filled box. */
const SNAP = 2;
/** A segment thinner than this is a rule. */
const THIN = 2;

interface Edge {
  /** Position across the rule (x of a vertical rule, y of a horizontal one). */
  at: number;
  /** Covered intervals along the rule. */
  spans: [number, number][];
}

function cluster(segments: { at: number; from: number; to: number }[]): Edge[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at);
  const edges: Edge[] = [];
  for (const s of sorted) {
    const last = edges[edges.length - 1];
    if (last && s.at - last.at <= SNAP) last.spans.push([s.from, s.to]);
    else edges.push({ at: s.at, spans: [[s.from, s.to]] });
  }
  for (const e of edges) e.spans = mergeSpans(e.spans);
  return edges;
}

function mergeSpans(spans: [number, number][]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + SNAP) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const covers = (e: Edge, v: number) => e.spans.some(([a, b]) => a - SNAP <= v && v <= b + SNAP);

export interface FoundTable {
  /** Bounding box in points (PDF user space). */
  left: number;
  right: number;
  top: number;
  bottom: number;
  rowCount: number;
  colCount: number;
  cells: TableCell[];
  /** Items inside the table (not laid out as lines). */
  items: Set<PdfTextItem>;
}

/** The ruled grids of a page with their cells (see module comment). */
export function findRuledTables(page: PdfItemPage): FoundTable[] {
  const horizontal: { at: number; from: number; to: number }[] = [];
  const vertical: { at: number; from: number; to: number }[] = [];
  for (const r of page.rules) splitRule(r, horizontal, vertical);
  const hEdges = cluster(horizontal);
  const vEdges = cluster(vertical);
  if (hEdges.length < 3 || vEdges.length < 3) return [];
  // grids: groups of horizontal edges joined by vertical rules that meet them
  const tables: FoundTable[] = [];
  const used = new Set<Edge>();
  const byTop = [...hEdges].sort((a, b) => b.at - a.at);
  for (const start of byTop) {
    if (used.has(start)) continue;
    const [x0, x1] = start.spans.reduce((acc, s) => (s[1] - s[0] > acc[1] - acc[0] ? s : acc));
    // vertical edges hanging from this rule inside its extent
    const cols = vEdges.filter((v) => v.at >= x0 - SNAP && v.at <= x1 + SNAP && covers(v, start.at - 3));
    if (cols.length < 3) continue;
    const left = cols[0]!.at;
    const right = cols[cols.length - 1]!.at;
    // the rows: horizontal edges below, as long as the outer vertical rules reach them
    const rows: Edge[] = [start];
    for (const h of byTop) {
      if (h.at >= start.at || used.has(h)) continue;
      const prev = rows[rows.length - 1]!;
      const mid = (prev.at + h.at) / 2;
      if (!covers(cols[0]!, mid) || !covers(cols[cols.length - 1]!, mid)) break;
      if (h.spans.some(([a, b]) => b > left + SNAP && a < right - SNAP)) rows.push(h);
    }
    if (rows.length < 3) continue;
    for (const r of rows) used.add(r);
    const table = buildGrid(page.items, rows, cols);
    if (table) tables.push(table);
  }
  return tables;
}

function splitRule(r: RuleSegment, horizontal: { at: number; from: number; to: number }[], vertical: { at: number; from: number; to: number }[]): void {
  const w = r.x1 - r.x0;
  const h = r.y1 - r.y0;
  if (h <= THIN && w > 4 * THIN) horizontal.push({ at: (r.y0 + r.y1) / 2, from: r.x0, to: r.x1 });
  else if (w <= THIN && h > 4 * THIN) vertical.push({ at: (r.x0 + r.x1) / 2, from: r.y0, to: r.y1 });
}

/** Cells of the grid rows × cols, merged where a rule is missing; null when the grid holds no text. */
function buildGrid(items: readonly PdfTextItem[], rows: Edge[], cols: Edge[]): FoundTable | null {
  const R = rows.length - 1;
  const C = cols.length - 1;
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < R; r++) {
    const midY = (rows[r]!.at + rows[r + 1]!.at) / 2;
    for (let c = 0; c + 1 < C; c++) if (!covers(cols[c + 1]!, midY)) union(r * C + c, r * C + c + 1);
  }
  for (let c = 0; c < C; c++) {
    const midX = (cols[c]!.at + cols[c + 1]!.at) / 2;
    for (let r = 0; r + 1 < R; r++) if (!covers(rows[r + 1]!, midX)) union(r * C + c, (r + 1) * C + c);
  }
  const groups = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const root = find(r * C + c);
      const g = groups.get(root) ?? { r0: r, r1: r, c0: c, c1: c };
      g.r0 = Math.min(g.r0, r);
      g.r1 = Math.max(g.r1, r);
      g.c0 = Math.min(g.c0, c);
      g.c1 = Math.max(g.c1, c);
      groups.set(root, g);
    }
  }
  const inside = new Set<PdfTextItem>();
  const cells: TableCell[] = [];
  let withText = 0;
  for (const g of [...groups.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)) {
    const top = rows[g.r0]!.at;
    const bottom = rows[g.r1 + 1]!.at;
    const left = cols[g.c0]!.at;
    const right = cols[g.c1 + 1]!.at;
    const mine = items.filter((it) => {
      const cx = it.x + it.width / 2;
      const cy = it.y + it.size * 0.3;
      return cx > left && cx < right && cy < top && cy > bottom;
    });
    for (const it of mine) inside.add(it);
    const text = itemTextLines(mine)
      .map((l) => l.replace(/\s+/gu, ' ').trim())
      .filter(Boolean)
      .join(' ');
    if (text) withText++;
    cells.push({ row: g.r0, col: g.c0, rowSpan: g.r1 - g.r0 + 1, colSpan: g.c1 - g.c0 + 1, text, columnHeader: g.r0 === 0 });
  }
  // a grid of empty boxes (a form, a frame) is not a table
  if (withText < 2 || C < 2) return null;
  return { left: cols[0]!.at, right: cols[C]!.at, top: rows[0]!.at, bottom: rows[R]!.at, rowCount: R, colCount: C, cells, items: inside };
}

/** One text line per table row: the cells that start in the row, "a | b | c"; a cell spanned from above renders empty. */
export function rowTexts(table: Pick<FoundTable, 'rowCount' | 'colCount' | 'cells'>): string[] {
  const out: string[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const parts: string[] = [];
    for (let c = 0; c < table.colCount; ) {
      const cell = table.cells.find((x) => x.row <= r && r < x.row + x.rowSpan && x.col <= c && c < x.col + x.colSpan);
      parts.push(cell && cell.row === r ? cell.text : '');
      c += cell ? cell.col + cell.colSpan - c : 1;
    }
    out.push(parts.join(' | '));
  }
  return out;
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
