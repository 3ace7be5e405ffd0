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
import { romanNumber, toRoman } from '../../text/roman.js';
import { tableGrid, type TableBlock, type TableCell } from '../../model/table.js';
import type { Agency, Deadline, Indicator, SourceRef, Task, TableRecord } from '../../schema/record.js';
import type { Stage, RecordDraft } from '../stage.js';
import { AGENCY_HEAD, AgencyRegistry } from '../../facts/agencies.js';
import { skeleton } from '../../text/vietnamese.js';
import { squeeze } from '../../text/case.js';
import { parseDeadlines } from '../deadlines.js';
import { fieldAgencies, joinMergedBodies, proseAgencies, uniqueAgencies, warnUnknown } from '../agency-phrases.js';
import { isHeaderRow, tableLayout, type ColumnRole, type TableLayout } from '../table-columns.js';
import { tableGlobalRange, walk } from '../blocks.js';
import { parseValueCell, repairEqualsSign, unitOfCell } from './appendix.js';

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

const LABEL = /^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}|[IVXL]{1,6}|[A-ZĐ]|[a-zđ])\s*[.)_]?\s*$/u;
/** A group's label and title in one cell: "I. RÀ SOÁT, QUY HOẠCH", "B - Tổ chức thực hiện", "2) Đào tạo". */
const FULL_WIDTH_GROUP = /^\s*(\d{1,2}(?:\.\d{1,2}){0,3}|[IVXL]{1,6}|[A-ZĐ])\s*(?:[.):]|\s[-–])\s*(\S.*)$/u;

/** The label as an id part: "a)" → "a", "1." → "1", "II." → "II". */
function labelId(text: string): string {
  // "1_": OCR reads the period of a label in a narrow cell as an underscore
  return text.trim().replace(/[.)_]+$/, '').replace(/\s+/g, '');
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

/** A Roman label as OCR misreads it in a narrow cell: I as l, 1, T, | or !, II as H ("HI" for III, "IT" for II). */
const DAMAGED_ROMAN = /^[IVXLlHhT1|!]{1,6}$/u;
/** A number label OCR read as a bracket or bar ("{" for 1): no digit and no letter, one or two marks. */
const DAMAGED_NUMBER = /^[{}()[\]|!/\\_]{1,2}$/u;

/**
 * The label column of a task table with the labels OCR damaged put back from their neighbours,
 * as the outline does for headings: a group row's Roman label that is not the next Roman number
 * but reads as one misread ("I" after "I", "HI" after "II"), and a task row's label read as a
 * bracket ("{" for 1) where the next number is due. Each repair is a `section-label-repaired`
 * warning. `group[k]`: the row has a title and nothing else (no lead, support or time).
 * `misread`: the text came through OCR, so a valid numeral repeating the last one ("I" after "I")
 * is a misreading too; in a typed document it is the author's own slip and stays as written.
 */
export function repairRowLabels(labels: readonly string[], group: readonly boolean[], last: { roman: number; number: number } = { roman: 0, number: 0 }, misread = true): { labels: string[]; repaired: { row: number; from: string; to: string }[] } {
  const out = [...labels];
  const repaired: { row: number; from: string; to: string }[] = [];
  let { roman, number } = last;
  labels.forEach((raw, k) => {
    const label = raw.trim().replace(/[.)]+$/, '');
    if (!label) return;
    // the repair may have read a damaged numeral as a word ("IT" → "ÍT")
    const unmarked = label.normalize('NFD').replace(/\p{M}/gu, '');
    if (group[k] && DAMAGED_ROMAN.test(unmarked) && /[IVXLH]/u.test(unmarked)) {
      const value = /^[IVXL]+$/.test(label) ? romanNumber(label) : null;
      const expected = roman + 1;
      // H is two I's run together
      const read = unmarked.replace(/[Hh]/g, 'II').replace(/[l1T|!]/g, 'I');
      // a valid numeral is misread only when it repeats the last one; junk only when it reads as the next
      const fits = value === null ? romanNumber(read) === expected : misread && value === roman;
      if (value !== expected && roman > 0 && fits) {
        out[k] = toRoman(expected);
        repaired.push({ row: k, from: raw.trim(), to: out[k]! });
        roman = expected;
      } else if (value !== null) roman = value;
      number = 0;
      return;
    }
    if (/^\d{1,2}$/.test(label)) {
      number = Number(label);
      return;
    }
    if (!group[k] && DAMAGED_NUMBER.test(label)) {
      out[k] = String(number + 1);
      repaired.push({ row: k, from: raw.trim(), to: out[k]! });
      number++;
    }
  });
  last.roman = roman;
  last.number = number;
  return { labels: out, repaired };
}

/** Where a task table stopped: its open groups and last labels, for the table that continues it on the next page. */
interface TaskTableState {
  groups: { id: string; kind: string; lead: Agency[]; support: Agency[]; deadlines: Deadline[] }[];
  labels: { roman: number; number: number };
  /** The table's last task when its last row was one: a row broken by the page goes on at the top of the next. */
  lastTask: Task | null;
}

const freshState = (): TaskTableState => ({ groups: [], labels: { roman: 0, number: 0 }, lastTask: null });

function text(cell: TableCell | null | undefined): string {
  return squeeze(cell?.text ?? '');
}

function columns(layout: TableLayout, role: ColumnRole): number[] {
  return layout.roles.flatMap((r, c) => (r === role ? [c] : []));
}

/** Collective mentions the registry's groups may miss: "Cơ quan, địa phương có liên quan". */
const GENERIC = /^(?:cac\s+)?(?:co quan|don vi|dia phuong|to chuc|ca nhan)\b.*\b(?:lien quan|co lien quan)$/;
/** A cell that names no one but points to another document ("Theo phân công tại Quyết định số …"). */
const BY_REFERENCE = /^(?:theo|nhu|can cu)\s+(?:phan cong|quy dinh|ke hoach|quyet dinh|phuong an|chuc nang|huong dan|van ban)/;

/** What follows a body to say it is the body of each province or commune: "Sở Nông nghiệp và Môi trường các tỉnh", "UBND cấp tỉnh". */
const EACH_PLACE = /^\s*(?:cac|cap)\s+(?:tinh|thanh pho|huyen|xa|phuong|dia phuong|tinh, thanh pho)(?:\s+truc thuoc trung uong)?\s*$/;

/**
 * The agencies a table cell lists. A cell is a list: its pieces are split at ";" and ",", and a
 * piece is read with the agency registry (the same reading as prose); a piece the registry does
 * not know that opens with an agency word ("Cục Lâm nghiệp và Kiểm lâm") is one name, not two
 * split at "và", unless "và" opens another agency ("Cục Lâm nghiệp và Cục Kiểm lâm").
 */
export function cellAgencies(cellText: string): Agency[] {
  const registry = AgencyRegistry.load();
  const out: Agency[] = [];
  for (const raw of cellText.replace(/\((?:chủ trì|chu tri)\)/giu, '').split(/\s*[;\n]\s*/u)) {
    const piece = squeeze(raw.replace(/^[\s\-–+•.]+|[\s.;,]+$/gu, ''));
    if (!piece) continue;
    const mentions = registry.scan(piece);
    let at = 0;
    const gap = (from: number, to: number) => {
      // What the registry did not cover, split at commas; a part that does not open a name ("Cao đẳng
      // trên địa bàn tỉnh", "Truyền hình Đồng Nai") continues the part before it.
      const parts: string[] = [];
      for (const part of piece.slice(from, to).split(/,\s*/u)) {
        const p = squeeze(part.replace(/^[\s\-–:.]+|[\s\-–:.]+$/gu, '').replace(/^(?:và|với|cùng)\s+/iu, '').replace(/\s+(?:và|với|cùng)$/iu, ''));
        if (!p) continue;
        const sk = skeleton(p);
        if (parts.length > 0 && !AGENCY_HEAD.test(sk) && !/^(?:cac|nhung)\s/.test(sk) && !GENERIC.test(sk)) parts[parts.length - 1] += `, ${p}`;
        else parts.push(p);
      }
      for (const p of parts) {
        const sk = skeleton(p);
        if (EACH_PLACE.test(sk) && out.length > 0 && from > 0 && /^\s*$/.test(piece.slice(from, from + (piece.slice(from).length - piece.slice(from).trimStart().length)))) {
          // "Sở Nông nghiệp và Môi trường các tỉnh", "UBND cấp tỉnh": the body of each place, one group.
          const prev = out[out.length - 1]!;
          out[out.length - 1] = { name: squeeze(`${prev.name} ${p}`), raw: squeeze(`${prev.raw} ${p}`), kind: 'group', known: prev.known };
        } else if (GENERIC.test(sk) || /^(?:cac|nhung)\s/.test(sk)) out.push({ name: p, raw: p, kind: 'group', known: false });
        else if (AGENCY_HEAD.test(sk)) {
          // "Cục Lâm nghiệp và Kiểm lâm" is one name; "Cục Lâm nghiệp và Cục Kiểm lâm" two.
          for (const name of p.split(/\s+và\s+(?=(?:Bộ|Tổng cục|Cục|Chi cục|Vụ|Viện|Sở|Ban|Ủy ban|UBND|Trung tâm|Văn phòng|Thanh tra|Công an|Phòng|Hội|Đoàn|Đội|Hạt|Trạm|Trường)\s)/u)) out.push({ name: squeeze(name), raw: squeeze(name), kind: 'agency', known: false });
        } else out.push(...registry.parseList(p));
      }
    };
    for (const m of mentions) {
      gap(at, m.start);
      out.push(m.agency);
      at = m.end;
    }
    gap(at, piece.length);
  }
  return out;
}

/**
 * "Chủ trì: X" and "Phối hợp: Y" as labels inside one cell (on lines of their own, or after ";"), also abbreviated
 * "CT: X; PH: Y" (in capitals only: "ct"/"ph" in lower case are no labels).
 */
const ROLE_LABEL = /(?:^|\n|;)\s*[-+•]?\s*(?:(?:[Đđ]ơn vị|[Cc]ơ quan|ĐƠN VỊ|CƠ QUAN)\s+)?([Cc]hủ trì|CHỦ TRÌ|[Pp]hối hợp|PHỐI HỢP|CT|PH)(?:\s+(?:thực hiện|THỰC HIỆN))?\s*:\s*/gu;

/** The agencies of a cell whose lists are labelled with their roles; null when no label stands in it. */
function labelledRoles(cellText: string): { lead: Agency[]; support: Agency[] } | null {
  const marks = [...cellText.matchAll(ROLE_LABEL)];
  if (marks.length === 0) return null;
  const out = { lead: [] as Agency[], support: [] as Agency[] };
  // Names before the first label are the lead ("Sở Y tế; Phối hợp: …").
  const before = cellText.slice(0, marks[0]!.index).trim();
  if (before) out.lead.push(...cellAgencies(before));
  marks.forEach((m, k) => {
    const segment = cellText.slice(m.index! + m[0].length, marks[k + 1]?.index ?? cellText.length);
    out[/^(?:chu tri|ct)$/.test(skeleton(m[1]!)) ? 'lead' : 'support'].push(...cellAgencies(segment));
  });
  return out;
}

function readAgencies(cellText: string): { lead: Agency[]; support: Agency[] } {
  // "Chủ trì: Cục Biến đổi khí hậu" / "Phối hợp: Vụ Pháp chế; …" in one "Cơ quan thực hiện" cell.
  const labelled = labelledRoles(cellText);
  if (labelled && labelled.lead.length) return labelled;
  // "Công an phường (chủ trì); Đội …, các khu phố (phối hợp)": each list's role in brackets after it.
  if (/\(\s*(?:chu tri|phoi hop)\s*\)/.test(skeleton(cellText))) {
    const byRole = fieldAgencies(cellText, 'lead');
    if (byRole.lead.length) return byRole;
  }
  // "Sở Y tế chủ trì, phối hợp với …" inside one cell: the prose reading says who is who. The cell is an
  // implementer's: "Chi cục Bảo vệ môi trường phối hợp với Công an tỉnh" (no "chủ trì") names who carries the task out
  // first, then who helps.
  if (/chu tri|phoi hop/.test(skeleton(cellText))) {
    const prose = proseAgencies(cellText, { cooperation: true });
    if (prose.lead.length) return prose;
  }
  return { lead: cellAgencies(cellText), support: [] };
}

/** "Quý III, IV/2026" → "Quý III/2026, Quý IV/2026": each quarter of a list with its year, for the deadline parser. */
const QUARTER_LIST = /(Quý|quý)\s+([IV]{1,3}|[1-4])((?:\s*(?:,|và|-|–)\s*(?:[IV]{1,3}|[1-4]))+)\s*\/\s*((?:19|20)\d{2})/u;

/** "Tháng 5, 6/2026" → "Tháng 5/2026, Tháng 6/2026" (a dash between months is a range: "Tháng 9 - 10/2026" stays). */
const MONTH_LIST = /(Tháng|tháng|THÁNG)\s+(\d{1,2})((?:\s*(?:,|và)\s*\d{1,2})+)\s*\/\s*((?:19|20)\d{2})/u;

export function expandQuarterLists(text: string): string {
  return text
    .replace(new RegExp(QUARTER_LIST.source, 'gu'), (_, word: string, first: string, rest: string, year: string) =>
      [first, ...rest.split(/\s*(?:,|và|-|–)\s*/u).filter(Boolean)].map((q) => `${word} ${q}/${year}`).join(', '),
    )
    .replace(new RegExp(MONTH_LIST.source, 'gu'), (_, word: string, first: string, rest: string, year: string) =>
      [first, ...rest.split(/\s*(?:,|và)\s*/u).filter(Boolean)].map((m) => `${word} ${m}/${year}`).join(', '),
    );
}

/**
 * Task rows of a table. A row's id is its label under its groups' labels: "1.a" for a) under
 * group 1, "B.I.1.1" for 1.1 under group I of part B (each part of an appendix may restart at
 * 1.1, so the groups are part of the numbering); a label repeated on the next row (an item merged
 * over two rows) is "VII.2-2"; an id some other task took already (a prose task) takes the
 * table's number in front ("T3.1").
 */
function taskRows(doc: PlanDocument, table: TableBlock, layout: TableLayout, used: Set<string>, tasks: Task[], state: TaskTableState, year: number | null): void {
  const found: Task[] = [];
  const paths: string[] = [];
  readTaskRows(doc, table, layout, found, paths, state, year);
  const own = new Set<string>();
  const ids = paths.map((path) => {
    let id = path;
    // The same label on the next row (an item Word merged over two rows, each with its own product or lead): "VII.2-2".
    for (let n = 2; own.has(id); n++) id = `${path}-${n}`;
    own.add(id);
    return id;
  });
  // Numbers the prose tasks have taken already: every id of the table takes the table's number ("T1.3").
  const prefix = ids.some((id) => used.has(id)) ? `T${table.index}.` : '';
  found.forEach((task, k) => {
    let id = prefix + ids[k]!;
    for (let n = 2; used.has(id); n++) id = `${prefix}${ids[k]}-${n}`;
    used.add(id);
    tasks.push({ ...task, id });
    const cells = rowCells.get(task);
    if (cells) rowCells.set(tasks[tasks.length - 1]!, cells);
    if (task === state.lastTask) state.lastTask = tasks[tasks.length - 1]!;
  });
}

/** The lead, support and time cells of a task row, kept to read a row again when a page broke it. */
const rowCells = new WeakMap<Task, { lead: string; support: string; time: string }>();

/** The lead and support of a task row from its cells (a lead cell may name the supports too). */
function rowAgencies(doc: PlanDocument, cells: { lead: string; support: string }): { lead: Agency[]; support: Agency[] } {
  let lead: Agency[] = [];
  let support: Agency[] = [];
  if (cells.lead && !BY_REFERENCE.test(skeleton(cells.lead.trim()))) ({ lead, support } = readAgencies(cells.lead));
  if (cells.support && !BY_REFERENCE.test(skeleton(cells.support.trim()))) support = [...support, ...cellAgencies(cells.support)];
  lead = uniqueAgencies(joinMergedBodies(lead, doc.data.documentYear));
  support = uniqueAgencies(joinMergedBodies(support, doc.data.documentYear)).filter((s) => !lead.some((l) => l.name === s.name));
  return { lead, support };
}

/** A time cell that is a month or a quarter without its year ("Tháng 01", "Quý I"), as a year's work programme writes it. */
const YEARLESS = /^\s*(?:(?:tháng|thang)\s*(\d{1,2})|(?:quý|quy)\s*([IV]{1,3}|[1-4]))\s*$/iu;

/**
 * The year a month or quarter written without one falls in: the one year the title gives ("Công tác trọng tâm năm
 * 2026"), else, when the title names no year, the document's own; none when the title names more (a span, a target
 * year "đến năm 2030").
 */
function planYear(doc: PlanDocument, title: string | null): number | null {
  const t = title ?? '';
  if (/\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b|đến năm/iu.test(t)) return null;
  const years = new Set([...t.matchAll(/năm\s+((?:19|20)\d{2})\b/giu)].map((m) => Number(m[1])));
  if (years.size === 1) return [...years][0]!;
  if (/\b(?:19|20)\d{2}\b/.test(t)) return null;
  return doc.data.documentYear ?? null;
}

/** The deadlines of a task row's time cell; `year`: the plan's year, for a month or quarter written without one. */
function rowDeadlines(timeText: string, planYear: number | null = null): Deadline[] {
  if (!timeText) return [];
  const yearless = YEARLESS.exec(timeText);
  if (yearless && planYear !== null) {
    const text = squeeze(timeText);
    if (yearless[1]) {
      const month = Number(yearless[1]);
      if (month >= 1 && month <= 12) return [{ kind: 'month', year: planYear, month, text }];
    } else {
      const quarter = romanNumber(yearless[2]!.toUpperCase()) ?? Number(yearless[2]);
      if (quarter >= 1 && quarter <= 4) return [{ kind: 'quarter', year: planYear, quarter, text }];
    }
  }
  let deadlines = parseDeadlines(expandQuarterLists(timeText)).map((d) => {
    // A quarter of a list keeps the list as the document wrote it ("Quý III, IV/2026").
    if (d.kind !== 'quarter' || timeText.includes(d.text)) return d;
    const list = QUARTER_LIST.exec(timeText);
    return list ? { ...d, text: list[0] } : d;
  });
  // A year alone in a time column ("2025", "Năm 2026") is the year the task is due.
  const alone = /^\s*(?:năm\s+)?((?:19|20)\d{2})\s*$/iu.exec(timeText);
  if (deadlines.length === 0 && alone) deadlines = [{ kind: 'year', year: Number(alone[1]), text: timeText.trim() }];
  // A year listed after other times in the cell ("Quý III, IV/2026, 2027"): that year too.
  for (const m of timeText.matchAll(/[,;]\s*((?:19|20)\d{2})\s*(?=[,;.]|$)/gu)) {
    const y = Number(m[1]);
    if (!deadlines.some((d) => (d.kind === 'year' && d.year === y) || (d.kind === 'range' && (d.from.startsWith(String(y)) || d.to.startsWith(String(y)))))) deadlines.push({ kind: 'year', year: y, text: m[1]! });
  }
  return deadlines;
}

function readTaskRows(doc: PlanDocument, table: TableBlock, layout: TableLayout, tasks: Task[], paths: string[], state: TaskTableState, year: number | null): void {
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
  const groups = state.groups;
  const ownCells = (row: Row, cols: number[]) => cols.map((c) => row.cells[c]).filter((cell, k, a) => cell && a.indexOf(cell) === k && cell !== row.cells[taskCol] && cell !== row.cells[idCol]) as TableCell[];
  const own = (row: Row, cols: number[]) => ownCells(row, cols).map(text).filter((t) => t !== '');
  /** A cell's paragraphs kept apart: one name per paragraph in a list of persons or bodies. */
  const ownLines = (row: Row, cols: number[]) => ownCells(row, cols).map((c) => c.text.trim()).filter((t) => t !== '').join('\n');
  /** The row (index in rows) that gave the last task, so that a wrapped row joins only the row right above it. */
  // (-1: the table this one continues ended on a task, whose row the page broke)
  let lastRowWasTask = state.lastTask ? -1 : -2;
  const carried = state.lastTask;
  state.lastTask = null;
  const bare = (row: Row) => !ownLines(row, leadCols) && !ownLines(row, supportCols) && own(row, timeCols).length === 0;
  const labels = repairRowLabels(
    rows.map((row) => (idCol >= 0 ? text(row.cells[idCol]) : '')),
    rows.map(bare),
    state.labels,
    doc.cameThroughOcr(table),
  );
  for (const { row, from, to } of labels.repaired) doc.warn('section-label-repaired', `table ${table.index}: row label "${from}" read as ${to} (after its neighbours)`, rowsSource(doc, table, rows[row]!.r));
  rows.forEach((row, k) => {
    let label = idCol >= 0 ? labels.labels[k]! : '';
    let body = taskCol >= 0 ? text(row.cells[taskCol]) : '';
    // A group row written as one cell across the number and content columns ("I. RÀ SOÁT, QUY HOẠCH" merged over
    // the whole row): its label opens the cell's text.
    const across = idCol >= 0 && taskCol >= 0 && row.cells[idCol] && row.cells[idCol] === row.cells[taskCol] ? FULL_WIDTH_GROUP.exec(label) : null;
    if (across) {
      label = across[1]!;
      body = across[2]!;
    }
    const leadText = ownLines(row, leadCols);
    const supportText = ownLines(row, supportCols);
    const timeText = own(row, timeCols).join('; ');
    // A row with no label whose content opens in lower case ("  | và người dân vùng ven sông, suối |  |  |"), or whose
    // content cell is empty beside text in the other cells, is the wrapped end of the row above (a text table writes a
    // wrapped cell on a row of its own; a page breaks a row of a PDF's table, its rest at the top of the next page):
    // its cells join that row's.
    const previous = tasks[tasks.length - 1] ?? (lastRowWasTask === -1 ? carried : null);
    if (!label && idCol >= 0 && (body ? /^\p{Ll}/u.test(body) : leadText || supportText || timeText) && previous && lastRowWasTask === k - 1 && !isHeaderRow(row.cells)) {
      const head = previous.text.split('\nSản phẩm: ')[0]!;
      const joined = body ? `${head} ${body}` : head;
      const product = previous.text.includes('\nSản phẩm: ') ? previous.text.slice(previous.text.indexOf('\nSản phẩm: ')) : '';
      if (previous.title === head) previous.title = joined;
      previous.text = joined + product;
      // a cell broken in the middle of a name ("… Ủy ban Mặt trận Tổ quốc" / "Việt Nam phường (phối hợp)") is read again whole
      const cells = rowCells.get(previous);
      if (cells) {
        const cat = (a: string, b: string) => (a && b ? `${a} ${b}` : a || b);
        cells.lead = cat(cells.lead, leadText);
        cells.support = cat(cells.support, supportText);
        cells.time = cat(cells.time, timeText);
        const read = rowAgencies(doc, cells);
        previous.lead = read.lead;
        previous.support = read.support;
        if (timeText) previous.deadlines = rowDeadlines(cells.time, year);
      }
      const here = rowsSource(doc, table, row.r);
      if (previous.source.page === here.page) previous.source = { ...previous.source, endLine: here.endLine };
      lastRowWasTask = k;
      return;
    }
    if (!body && !label) return;
    // A header repeated inside the table (after a page break or a group row), or the row that numbers the columns ("(1) | (2) | …"): skip.
    if (isHeaderRow(row.cells)) return;
    if (row.cells.every((c) => !c || /^\s*\(?\d{1,2}\)?\s*$|^\s*$/.test(c.text)) && row.cells.some((c) => c && /\(\d{1,2}\)/.test(c.text))) return;
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
    lastRowWasTask = k;
    // The document's own numbering; "a" under "1" is "1.a", "1" under "II" is "II.1" only when "1" is taken.
    const taskId = id || String(tasks.length + 1);
    // "1.1" under group "1" is "1.1", not "1.1.1": a dotted label that opens with its group's label already holds it.
    const inner = groups.length > 0 && id.startsWith(`${groups[groups.length - 1]!.id}.`) ? groups.slice(0, -1) : groups;
    paths.push([...inner.map((g) => g.id), id || String(tasks.length + 1)].join('.'));

    const cells = { lead: leadText, support: supportText, time: timeText };
    if (leadText && BY_REFERENCE.test(skeleton(leadText.trim()))) {
      doc.warn('lead-by-reference', `table ${table.index} row ${taskId}: the lead is given by reference ("${squeeze(leadText)}"), no agency read`, source);
    } else if (leadText && readAgencies(leadText).lead.length === 0) doc.warn('unreadable-agency', `table ${table.index} row ${taskId}: no agency read in "${squeeze(leadText)}"`, source);
    const { lead, support } = rowAgencies(doc, cells);
    const deadlines = rowDeadlines(timeText, year);
    if (timeText && deadlines.length === 0) doc.warn('unparsed-deadline', `table ${table.index} row ${taskId}: no deadline read in "${timeText}"`, source);
    else if (year !== null && YEARLESS.test(timeText)) doc.warn('deadline-year-inferred', `table ${table.index} row ${taskId}: "${squeeze(timeText)}" has no year; read in ${year}, the year of the plan`, source);
    warnUnknown(doc, [...lead, ...support], source);
    const product = own(row, productCols).join('; ');
    const sentence = /^(.+?[.:!?])(?:\s+\p{Lu}|$)/u.exec(body);
    let title = (sentence ? sentence[1]! : body).replace(/(?<!\.)[.:;]\s*$/, '').trim();
    if (title.length > 300) title = title.slice(0, 300).replace(/\s+\S*$/, '') + '…';
    tasks.push({ id: taskId, title, text: product ? `${body}\nSản phẩm: ${product}` : body, lead, support, deadlines, source });
    rowCells.set(tasks[tasks.length - 1]!, cells);
  });
  // the table ends on a task: the next page may go on with the rest of its row
  state.lastTask = rows.length > 0 && lastRowWasTask === rows.length - 1 ? (tasks[tasks.length - 1] ?? carried) : null;
}

function indicatorRows(doc: PlanDocument, table: TableBlock, layout: TableLayout, sectionId: string, out: Indicator[]): void {
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
    const responsible = uniqueAgencies(respCols.map((c) => text(cells[c])).filter(Boolean).flatMap((t) => cellAgencies(t)));
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
      repairEqualsSign(doc, v, `table ${table.index} row ${tt}`, source, table);
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

/**
 * Whether `table` goes on with `previous` under its header printed again: the same columns and header words, on the
 * next page, with nothing but blank lines between the end of the one and the start of the other.
 */
function repeatsHeader(doc: PlanDocument, previous: { layout: TableLayout; colCount: number; table: TableBlock }, table: TableBlock, layout: TableLayout): boolean {
  if (layout.headerRows === 0 || previous.colCount !== table.colCount || previous.layout.role === 'other' || layout.role !== previous.layout.role) return false;
  if (previous.table.page === null || table.page !== previous.table.page + 1) return false;
  if (layout.headers.map((h) => skeleton(h)).join('|') !== previous.layout.headers.map((h) => skeleton(h)).join('|')) return false;
  const [, end] = tableGlobalRange(doc, previous.table);
  const [start] = tableGlobalRange(doc, table);
  for (let i = end + 1; i < start; i++) if (doc.lines[i]!.text.trim() !== '') return false;
  return true;
}

export function readTableContent(doc: PlanDocument, draft: RecordDraft): void {
  const used = new Set(draft.tasks.map((t) => t.id));
  let previous: { layout: TableLayout; colCount: number; state: TaskTableState; table: TableBlock } | null = null;
  for (const table of doc.tables) {
    if (isLayoutTable(table)) continue;
    let layout = tableLayout(table);
    let state = freshState();
    // A table continued after a page or a blank line without its header: the previous table's columns, and its open groups.
    if (layout.headerRows === 0 && previous && previous.colCount === table.colCount && previous.layout.role !== 'other') {
      layout = { ...previous.layout, headerStart: 0, headerRows: 0 };
      state = previous.state;
    } else if (previous && repeatsHeader(doc, previous, table, layout)) {
      // A table continued on the next page under its header printed again (Word's "repeat as header row"): its open groups too.
      state = previous.state;
    }
    const [start] = tableGlobalRange(doc, table);
    if (layout.role === 'tasks') taskRows(doc, table, layout, used, draft.tasks, state, planYear(doc, draft.document.title));
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
    if (layout.headerRows > 0 || layout.role !== 'other') previous = { layout, colCount: table.colCount, state, table };
  }
}

export const tablesStage: Stage = {
  name: 'tables',
  run(doc, draft) {
    readTableContent(doc, draft);
  },
};
