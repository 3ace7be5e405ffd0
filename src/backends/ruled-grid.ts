/**
 * Ruled grids from straight rules, whatever drew them: the vector rules of a PDF text layer
 * (pdf-tables.ts) or the separator lines tesseract finds on a scan (ocr-tables.ts).
 *
 * Conservative on purpose: a grid is horizontal and vertical rules that meet, at least three
 * column edges and three row edges (two columns, two rows). Cells merged by a missing rule (a
 * row group spanning rows, a header spanning columns) become one cell with its spans. What
 * text a cell holds is the caller's business.
 *
 * Coordinates grow upward (PDF user space); image callers negate y. `snap` is the distance
 * under which two rules are one edge, and how far a rule may fall short of the rule it meets.
 */

/** A straight rule of zero thickness: horizontal (y0 = y1) or vertical (x0 = x1). */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Edge {
  /** Position across the rule (x of a vertical rule, y of a horizontal one). */
  at: number;
  /** Covered intervals along the rule. */
  spans: [number, number][];
}

/** One cell of a grid: its offsets and spans, and its bounds. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  left: number;
  right: number;
  /** top > bottom: y grows upward. */
  top: number;
  bottom: number;
}

export interface RuledGrid {
  left: number;
  right: number;
  top: number;
  bottom: number;
  rowCount: number;
  colCount: number;
  /** Row by row, left to right. */
  cells: GridCell[];
}

function cluster(segments: { at: number; from: number; to: number }[], snap: number): Edge[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at);
  const edges: Edge[] = [];
  for (const s of sorted) {
    const last = edges[edges.length - 1];
    if (last && s.at - last.at <= snap) last.spans.push([s.from, s.to]);
    else edges.push({ at: s.at, spans: [[s.from, s.to]] });
  }
  for (const e of edges) e.spans = mergeSpans(e.spans, snap);
  return edges;
}

function mergeSpans(spans: [number, number][], snap: number): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + snap) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The ruled grids the rules make (see module comment), top to bottom. */
export function findRuledGrids(rules: readonly Rule[], snap: number): RuledGrid[] {
  const horizontal: { at: number; from: number; to: number }[] = [];
  const vertical: { at: number; from: number; to: number }[] = [];
  for (const r of rules) {
    if (r.y0 === r.y1 && r.x1 > r.x0) horizontal.push({ at: r.y0, from: r.x0, to: r.x1 });
    else if (r.x0 === r.x1 && r.y1 > r.y0) vertical.push({ at: r.x0, from: r.y0, to: r.y1 });
  }
  const hEdges = cluster(horizontal, snap);
  const vEdges = cluster(vertical, snap);
  if (hEdges.length < 3 || vEdges.length < 3) return [];
  const covers = (e: Edge, v: number) => e.spans.some(([a, b]) => a - snap <= v && v <= b + snap);
  // grids: groups of horizontal edges joined by vertical rules that meet them
  const grids: RuledGrid[] = [];
  const used = new Set<Edge>();
  const byTop = [...hEdges].sort((a, b) => b.at - a.at);
  for (const start of byTop) {
    if (used.has(start)) continue;
    const [x0, x1] = start.spans.reduce((acc, s) => (s[1] - s[0] > acc[1] - acc[0] ? s : acc));
    // vertical edges hanging from this rule inside its extent
    const cols = vEdges.filter((v) => v.at >= x0 - snap && v.at <= x1 + snap && covers(v, start.at - 1.5 * snap));
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
      if (h.spans.some(([a, b]) => b > left + snap && a < right - snap)) rows.push(h);
    }
    if (rows.length < 3) continue;
    for (const r of rows) used.add(r);
    grids.push(mergedCells(rows, cols, covers));
  }
  return grids;
}

/** The cells of the grid rows × cols, merged where a rule is missing. */
function mergedCells(rows: Edge[], cols: Edge[], covers: (e: Edge, v: number) => boolean): RuledGrid {
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
  const cells = [...groups.values()]
    .sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)
    .map((g) => ({
      row: g.r0,
      col: g.c0,
      rowSpan: g.r1 - g.r0 + 1,
      colSpan: g.c1 - g.c0 + 1,
      top: rows[g.r0]!.at,
      bottom: rows[g.r1 + 1]!.at,
      left: cols[g.c0]!.at,
      right: cols[g.c1 + 1]!.at,
    }));
  return { left: cols[0]!.at, right: cols[C]!.at, top: rows[0]!.at, bottom: rows[R]!.at, rowCount: R, colCount: C, cells };
}

/** One text line per table row: the cells that start in the row, "a | b | c"; a cell spanned from above renders empty. */
export function rowTexts(table: { rowCount: number; colCount: number; cells: readonly { row: number; col: number; rowSpan: number; colSpan: number; text: string }[] }): string[] {
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
