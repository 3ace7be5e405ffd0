/**
 * Tables to content. Every table the backend found is classified by its header words
 * (pipeline/table-columns.ts) and goes into the record's `tables` with its role; task tables
 * also give tasks, indicator tables indicators:
 *
 * - a task row's lead, support and deadlines come from its cells, read with the same agency
 *   registry and deadline parser as prose; its source is the row's line(s);
 * - group rows ("I | Cải cách thể chế", "1 | Tổ chức tuyên truyền" over rows a), b)) are
 *   parents: their label prefixes their rows' ids ("1.a"), their lead (if they name one) is
 *   inherited by rows that name none;
 * - an indicator row gives one indicator per year column with a value.
 *
 * Layout tables (the two-column header with the national motto, the "Nơi nhận" / signature
 * table) are not content and are left out.
 */
import type { PlanDocument } from '../../model/document.js';
import { tableGrid, type TableBlock, type TableCell } from '../../model/table.js';
import type { Agency, Deadline, Indicator, SourceRef, Task, TableRecord } from '../../schema/record.js';
import type { Stage, RecordDraft } from '../stage.js';
import { AgencyRegistry } from '../../facts/agencies.js';
import { skeleton } from '../../text/vietnamese.js';
import { squeeze } from '../../text/case.js';
import { parseDeadlines } from '../deadlines.js';
import { proseAgencies, uniqueAgencies, warnUnknown } from '../agency-phrases.js';
import { isHeaderRow, tableLayout, type ColumnRole, type TableLayout } from '../table-columns.js';
import { tableGlobalRange, walk } from '../blocks.js';
import { parseValueCell, unitOfCell } from './appendix.js';

/** Header and signature blocks laid out as tables: not content. */
export function isLayoutTable(table: TableBlock): boolean {
  const text = skeleton(table.cells.map((c) => c.text).join(' '));
  return table.rowCount <= 4 && /cong hoa xa hoi chu nghia|doc lap\s*-\s*tu do|noi nhan|\b(?:tm|kt|tl)\s*\.\s*(?:uy ban|chu tich|giam doc|bo truong|truong)/.test(text);
}

/** The source of rows r..endRow of a table: from the line of the first to the line before the next row. */
export function rowsSource(doc: PlanDocument, table: TableBlock, r: number, endRow = r): SourceRef {
  const line = table.rowLines[r] ?? table.firstLine;
  const next = table.rowLines[endRow + 1];
  const endLine = Math.max(line, next !== undefined ? next - 1 : table.lastLine);
  return { page: table.page, line, endLine: Math.max(line, endLine) };
}

interface Row {
  r: number;
  cells: (TableCell | null)[];
}

const LABEL = /^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}|[IVXL]{1,6}|[A-ZĐ]|[a-zđ])\s*[.)]?\s*$/u;

/** The label as an id part: "a)" → "a", "1." → "1", "II." → "II". */
function labelId(text: string): string {
  return text.trim().replace(/[.)]+$/, '').replace(/\s+/g, '');
}

function labelKind(id: string): string {
  if (/^\d+$/.test(id)) return 'int';
  if (/^\d+(?:\.\d+)+$/.test(id)) return 'dec';
  if (/^[IVXL]+$/.test(id)) return 'roman';
  if (/^[A-ZĐ]$/u.test(id)) return 'upper';
  return 'lower';
}

/** Depth of a label kind in the usual order of plans: A > I > 1 > 1.1 > a. */
const DEPTH: Record<string, number> = { upper: 0, roman: 1, int: 2, dec: 3, lower: 4 };

function text(cell: TableCell | null | undefined): string {
  return squeeze(cell?.text ?? '');
}

function columns(layout: TableLayout, role: ColumnRole): number[] {
  return layout.roles.flatMap((r, c) => (r === role ? [c] : []));
}

function readAgencies(cellText: string): { lead: Agency[]; support: Agency[] } {
  const registry = AgencyRegistry.load();
  // "Sở Y tế chủ trì, phối hợp với …" inside one cell: the prose reading says who is who.
  if (/chu tri|phoi hop/.test(skeleton(cellText))) {
    const prose = proseAgencies(cellText);
    if (prose.lead.length) return prose;
  }
  return { lead: registry.parseList(cellText.replace(/\((?:chủ trì|chu tri)\)/giu, '')), support: [] };
}

/**
 * Task rows of a table. A row's id is its label under its groups' labels: "1.a" for a) under
 * group 1, "B.I.1.1" for 1.1 under group I of part B (each part of an appendix may restart at
 * 1.1, so the groups are part of the numbering); a label repeated on the next row (an item merged
 * over two rows) is "VII.2-2"; an id some other task took already (a prose task) takes the
 * table's number in front ("T3.1").
 */
function taskRows(doc: PlanDocument, table: TableBlock, layout: TableLayout, used: Set<string>, tasks: Task[]): void {
  const found: Task[] = [];
  const paths: string[] = [];
  readTaskRows(doc, table, layout, found, paths);
  const own = new Set<string>();
  found.forEach((task, k) => {
    let id = paths[k]!;
    // The same label on the next row (an item Word merged over two rows, each with its own product or lead): "VII.2-2".
    for (let n = 2; own.has(id); n++) id = `${paths[k]}-${n}`;
    own.add(id);
    if (used.has(id)) id = `T${table.index}.${id}`;
    used.add(id);
    tasks.push({ ...task, id });
  });
}

function readTaskRows(doc: PlanDocument, table: TableBlock, layout: TableLayout, tasks: Task[], paths: string[]): void {
  const grid = tableGrid(table);
  const idCol = layout.roles.indexOf('id');
  const taskCols = columns(layout, 'task');
  const taskCol = taskCols[0] ?? layout.roles.findIndex((r) => r === 'product');
  const leadCols = columns(layout, 'lead');
  const supportCols = columns(layout, 'support');
  const timeCols = columns(layout, 'time');
  const productCols = columns(layout, 'product');
  const rows: Row[] = grid.map((cells, r) => ({ r, cells })).filter((row) => !inHeader(layout, row.r));
  /** Open groups, outermost first. */
  const groups: { id: string; kind: string; lead: Agency[]; support: Agency[]; deadlines: Deadline[] }[] = [];
  const own = (row: Row, cols: number[]) => cols.map((c) => row.cells[c]).filter((cell, k, a) => cell && a.indexOf(cell) === k && cell !== row.cells[taskCol] && cell !== row.cells[idCol]).map(text).filter((t) => t !== '');
  rows.forEach((row, k) => {
    const label = idCol >= 0 ? text(row.cells[idCol]) : '';
    const body = taskCol >= 0 ? text(row.cells[taskCol]) : '';
    if (!body && !label) return;
    // A header repeated inside the table (after a page break or a group row): skip.
    if (isHeaderRow(row.cells)) return;
    const leadText = own(row, leadCols).join('; ');
    const supportText = own(row, supportCols).join('; ');
    const timeText = own(row, timeCols).join('; ');
    const id = LABEL.test(label) ? labelId(label) : '';
    const kind = id ? labelKind(id) : '';
    const source = rowsSource(doc, table, row.r);
    const next = rows[k + 1];
    const nextId = next && idCol >= 0 ? labelId(text(next.cells[idCol])) : '';
    const nextDeeper = nextId !== '' && LABEL.test(nextId) && DEPTH[labelKind(nextId)]! > (DEPTH[kind] ?? 99);
    // A group: a label and a title, no lead/support/time of its own, and deeper rows under it.
    if (id && !leadText && !supportText && !timeText && (nextDeeper || kind === 'roman' || kind === 'upper')) {
      while (groups.length && DEPTH[groups[groups.length - 1]!.kind]! >= DEPTH[kind]!) groups.pop();
      groups.push({ id, kind, lead: [], support: [], deadlines: [] });
      return;
    }
    if (id) while (groups.length && DEPTH[groups[groups.length - 1]!.kind]! >= DEPTH[kind]!) groups.pop();
    if (!body) return;
    // The document's own numbering; "a" under "1" is "1.a", "1" under "II" is "II.1" only when "1" is taken.
    const taskId = id || String(tasks.length + 1);
    paths.push([...groups.map((g) => g.id), id || String(tasks.length + 1)].join('.'));

    let lead: Agency[] = [];
    let support: Agency[] = [];
    if (leadText) {
      const read = readAgencies(leadText);
      lead = read.lead;
      support = read.support;
      if (lead.length === 0) doc.warn('unreadable-agency', `table ${table.index} row ${taskId}: no agency read in "${leadText}"`, source);
    }
    if (supportText) support.push(...AgencyRegistry.load().parseList(supportText));
    let deadlines: Deadline[] = [];
    if (timeText) {
      deadlines = parseDeadlines(timeText);
      if (deadlines.length === 0) doc.warn('unparsed-deadline', `table ${table.index} row ${taskId}: no deadline read in "${timeText}"`, source);
    }
    lead = uniqueAgencies(lead);
    support = uniqueAgencies(support).filter((s) => !lead.some((l) => l.name === s.name));
    warnUnknown(doc, [...lead, ...support], source);
    const product = own(row, productCols).join('; ');
    const sentence = /^(.+?[.:!?])(?:\s+\p{Lu}|$)/u.exec(body);
    let title = (sentence ? sentence[1]! : body).replace(/(?<!\.)[.:;]\s*$/, '').trim();
    if (title.length > 300) title = title.slice(0, 300).replace(/\s+\S*$/, '') + '…';
    tasks.push({ id: taskId, title, text: product ? `${body}\nSản phẩm: ${product}` : body, lead, support, deadlines, source });
  });
}

function indicatorRows(doc: PlanDocument, table: TableBlock, layout: TableLayout, sectionId: string, out: Indicator[]): void {
  const registry = AgencyRegistry.load();
  const grid = tableGrid(table);
  const idCol = layout.roles.indexOf('id');
  const nameCol = layout.roles.indexOf('indicator') >= 0 ? layout.roles.indexOf('indicator') : layout.roles.indexOf('task');
  const unitCol = layout.roles.indexOf('unit');
  const yearCols = columns(layout, 'year');
  const respCols = [...columns(layout, 'lead'), ...columns(layout, 'monitor')];
  if (nameCol < 0 || yearCols.length === 0) return;
  grid.forEach((cells, r) => {
    if (inHeader(layout, r)) return;
    const k = r;
    const name = text(cells[nameCol]);
    const tt = idCol >= 0 ? labelId(text(cells[idCol])) : String(k + 1);
    if (!name) return;
    const source = rowsSource(doc, table, r);
    const unitText = unitCol >= 0 ? text(cells[unitCol]) : '';
    const unit = unitText ? (unitOfCell(unitText) ?? unitText) : null;
    const responsible = uniqueAgencies(respCols.map((c) => text(cells[c])).filter(Boolean).flatMap((t) => registry.parseList(t)));
    let any = false;
    let unreadable = false;
    for (const c of yearCols) {
      const cell = cells[c];
      if (!cell || cell === cells[nameCol]) continue;
      const raw = text(cell);
      if (!raw) continue;
      const v = parseValueCell(raw);
      if (!v) {
        if (/\d/.test(raw)) unreadable = true;
        continue;
      }
      if (v.value === null && v.min === undefined) continue;
      any = true;
      const year = layout.years[c] ?? null;
      out.push({
        id: `${sectionId}.${tt}.${year ?? c}`,
        text: `${tt}. ${name}`,
        name,
        target: v.value === null ? { value: null, min: v.min, max: v.max, comparator: v.comparator, unit, year } : { value: v.value, comparator: v.comparator, unit, year },
        responsible,
        source,
      });
    }
    if (!any && unreadable) doc.warn('unreadable-table-row', `table ${table.index} row ${tt}: no value read in its year columns`, source);
    if (any) warnUnknown(doc, responsible, source);
  });
}

function inHeader(layout: TableLayout, r: number): boolean {
  return r >= layout.headerStart && r < layout.headerStart + layout.headerRows;
}

/** Rows as the record keeps them (header rows left out): one string per column, a merged cell in its first column only. */
function recordRows(table: TableBlock, layout: TableLayout): string[][] {
  const grid = tableGrid(table);
  return grid.flatMap((cells, r) => (inHeader(layout, r) ? [] : [cells.map((cell, c) => (cell && cell.col === c && cell.row === r ? squeeze(cell.text) : ''))]));
}

/** The id of the appendix a table stands in (PL, PL2…), or "PL" when none. */
function sectionIdOf(doc: PlanDocument, start: number): string {
  let id = 'PL';
  let count = 0;
  for (const { node } of walk(doc.data.outline ?? [])) {
    if (node.kind !== 'appendix' || node.level !== 1) continue;
    count++;
    if (node.start <= start && start <= node.end) id = count === 1 ? node.id : `${node.id}${count}`;
  }
  return id;
}

export function readTableContent(doc: PlanDocument, draft: RecordDraft): void {
  const used = new Set(draft.tasks.map((t) => t.id));
  let previous: { layout: TableLayout; colCount: number } | null = null;
  for (const table of doc.tables) {
    if (isLayoutTable(table)) continue;
    let layout = tableLayout(table);
    // A table continued after a page or a blank line without its header: the previous table's columns.
    if (layout.headerRows === 0 && previous && previous.colCount === table.colCount && previous.layout.role !== 'other') layout = { ...previous.layout, headerStart: 0, headerRows: 0 };
    const [start] = tableGlobalRange(doc, table);
    if (layout.role === 'tasks') taskRows(doc, table, layout, used, draft.tasks);
    else if (layout.role === 'indicators') indicatorRows(doc, table, layout, sectionIdOf(doc, start), draft.indicators);
    const entry: TableRecord = {
      index: table.index,
      role: layout.role,
      header: layout.headers,
      columns: layout.roles,
      rows: recordRows(table, layout),
      source: { page: table.page, line: table.firstLine, endLine: Math.max(table.firstLine, table.lastLine) },
    };
    draft.tables.push(entry);
    if (layout.headerRows > 0 || layout.role !== 'other') previous = { layout, colCount: table.colCount };
  }
}

export const tablesStage: Stage = {
  name: 'tables',
  run(doc, draft) {
    readTableContent(doc, draft);
  },
};
