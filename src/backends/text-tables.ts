/**
 * Tables in text and Markdown input, found in the lines as the file has them (the lines are
 * not rewritten, so positions still point into the user's file; a row's `rowLines` entry is
 * the line its first cell stands on). Four shapes:
 *
 * - pipe rows: Markdown pipe tables (`| a | b |` with a `| --- |` line under the header) and
 *   plain `a | b | c` rows as OCR and converters leave ruled tables;
 * - boxed tables as antiword prints them: `+----+----+` borders, `|` between cells, a row's
 *   text wrapped over several lines between borders (or, without inner borders, on lines
 *   whose first cell is empty);
 * - a pipe header followed by its rows one cell per line, as a PDF converter leaves a table
 *   that runs over pages (BNNMT 2200): a row opens at a line that is only a row label
 *   ("1", "a)", "II"); a row with more lines than columns is a row broken by a page, and
 *   its extra lines continue the cells from the second column on;
 * - legal-portal Markdown: every cell on lines of its own between lone `|` lines. A row ends
 *   with `|` and the next opens with `|`, so an empty cell and a row break look alike; the
 *   column count is read from the distance between consecutive row labels, and an empty
 *   token ends a row when the row is full or when the next token is the next row's label.
 */
import type { TableBlock, TableCell } from '../model/table.js';
import { stripMarkdownLine } from '../text/markdown.js';
import { squeeze } from '../text/case.js';
import { romanNumber } from '../text/roman.js';

/** A row as found: its cells' text and the 0-based index of the line it starts on. */
interface FoundRow {
  cells: string[];
  line: number;
}

interface FoundTable {
  rows: FoundRow[];
  headerRows: number;
  firstLine: number;
  lastLine: number;
}

// ---------------------------------------------------------------------------------------------
// Row labels ("1", "1.2", "a)", "II", "A") and their order.

type LabelKind = 'int' | 'dec' | 'roman' | 'upper' | 'lower';
interface Label {
  kind: LabelKind;
  parts: number[];
}


/** The row label a cell text is, or null: "1", "1.", "2.3", "a)", "đ)", "II", "II.", "A", "B.". */
export function rowLabel(text: string): Label | null {
  const t = cellText(text).replace(/\s+/g, '');
  let m = /^(\d{1,3})\.?$/.exec(t);
  if (m) return { kind: 'int', parts: [Number(m[1])] };
  m = /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?$/.exec(t);
  if (m) return { kind: 'dec', parts: m[1]!.split('.').map(Number) };
  m = /^([IVXL]{1,6})\.?$/.exec(t);
  if (m) {
    const v = romanNumber(m[1]!);
    if (v) return { kind: 'roman', parts: [v] };
  }
  m = /^([A-HJ-UWYZĐ])\.?$/u.exec(t);
  if (m) return { kind: 'upper', parts: [letterIndex(m[1]!.toLowerCase())] };
  m = /^([a-zđ])[).]$/u.exec(t);
  if (m) return { kind: 'lower', parts: [letterIndex(m[1]!)] };
  return null;
}

/** Vietnamese alphabetical order of labels: a, b, c, d, đ, e… */
function letterIndex(c: string): number {
  if (c === 'đ') return 4.5;
  const code = c.charCodeAt(0) - 97;
  return code;
}

function nextLetter(prev: number, cand: number): boolean {
  if (prev === 3) return cand === 4.5 || cand === 4; // d → đ (or e when đ is skipped)
  if (prev === 4.5) return cand === 4;
  return cand === prev + 1;
}

function isFirstLabel(l: Label): boolean {
  if (l.kind === 'dec') return l.parts.slice(1).every((p) => p === 1);
  return l.parts[0] === (l.kind === 'upper' || l.kind === 'lower' ? 0 : 1);
}

/** True when `cand` can be the label of the row after a row labelled `prev`. */
export function followsLabel(prev: Label | null, cand: Label): boolean {
  if (!prev || prev.kind !== cand.kind) return true;
  const p = prev.parts;
  const c = cand.parts;
  switch (cand.kind) {
    case 'int':
    case 'roman':
      return c[0] === p[0]! + 1;
    case 'upper':
    case 'lower':
      return nextLetter(p[0]!, c[0]!);
    case 'dec': {
      const same = (n: number) => c.slice(0, n).every((v, k) => v === p[k]);
      if (c.length === p.length && same(c.length - 1) && c[c.length - 1] === p[p.length - 1]! + 1) return true;
      if (c.length === p.length + 1 && same(p.length) && c[c.length - 1] === 1) return true;
      if (c.length <= p.length && c.length >= 2 && same(c.length - 2) && c[c.length - 2] === p[c.length - 2]! + 1 && c[c.length - 1] === 1) return true;
      return false;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Cells.

/** A cell's text from its raw lines: Markdown marks removed, lines joined, spaces squeezed. */
function cellText(raw: string): string {
  // Rules under the issuer and the motto ("-------") are no text.
  return squeeze(squeeze(stripMarkdownLine(raw.replace(/\s*\n\s*/g, ' ')).replace(/\*+/g, ' ')).replace(/(?:^|\s)-{3,}(?=\s|$)/g, ' '));
}

/** Splits a pipe row into cells ("| a | b |" and "a | b"), keeping escaped pipes. */
function splitPipeRow(line: string): string[] {
  let s = line.trim();
  const cells: string[] = [];
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (s[i] === '|') {
      cells.push(cur);
      cur = '';
    } else cur += s[i];
  }
  cells.push(cur);
  return cells.map((c) => c.trim());
}

const BORDER = /^\s*\+[-=+:]*\+\s*$/;
const MD_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const LONE_PIPE = /^\s*\|\s*$/;

function isPipeRow(line: string): boolean {
  const t = line.trim();
  if (LONE_PIPE.test(t) || BORDER.test(t)) return false;
  if (t.startsWith('|')) return (t.match(/(?<!\\)\|/g)?.length ?? 0) >= 2;
  // "STT | Nội dung | ĐVT": plain rows need a spaced pipe and two non-empty cells.
  return / \| /.test(t) && splitPipeRow(t).filter((c) => c !== '').length >= 2;
}

// ---------------------------------------------------------------------------------------------
// Pipe and boxed tables.

/** Header words: a first row made of these is the header, whatever the format says. */
const HEADER_WORD = /^(?:s?tt|so tt|stt|noi dung|nhiem vu|ten|chi tieu|don vi|dvt|co quan|chu tri|phoi hop|thoi gian|thoi han|san pham|ghi chu|nam|giai doan|ket qua|dia diem|doi tuong|muc tieu|ke hoach)/;

function looksLikeHeader(cells: string[]): boolean {
  const nonEmpty = cells.map((c) => cellText(c)).filter((c) => c !== '');
  if (nonEmpty.length < 2) return false;
  const hits = nonEmpty.filter((c) => HEADER_WORD.test(skel(c))).length;
  return hits >= 2 && !rowLabel(nonEmpty[0]!);
}

/** Lower-case, marks removed, đ → d (enough for header words; no dependency on the repair's skeleton). */
function skel(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().trim();
}

function readPipeBlock(lines: readonly string[], from: number, to: number): FoundTable | null {
  const rows: FoundRow[] = [];
  let headerRows = 0;
  const borders = [];
  for (let i = from; i <= to; i++) if (BORDER.test(lines[i]!)) borders.push(i);
  const boxed = borders.length > 0;
  // Inner borders: each row between two borders, its text wrapped over the lines between.
  const innerBorders = borders.filter((b) => b > from && b < to).length;
  let group: { cells: string[][]; line: number } | null = null;
  // Rows written without outer pipes ("1 | Rà soát … | Chi cục Thủy lợi"): a row that opens with a pipe then has an
  // empty first cell ("  | và người dân vùng ven sông, suối |  |  |", the wrapped end of the row above).
  const content = lines.slice(from, to + 1).filter((l) => l.trim() !== '' && !BORDER.test(l) && !MD_SEPARATOR.test(l));
  const bare = content.filter((l) => !l.trim().startsWith('|')).length > content.length / 2;
  const flush = () => {
    if (!group) return;
    const width = Math.max(...group.cells.map((c) => c.length));
    const cells = Array.from({ length: width }, (_, k) => group!.cells.map((c) => c[k] ?? '').filter((t) => t !== '').join(' '));
    rows.push({ cells, line: group.line });
    group = null;
  };
  for (let i = from; i <= to; i++) {
    const line = lines[i]!;
    if (BORDER.test(line)) {
      if (innerBorders > 1 || rows.length === 0) flush();
      continue;
    }
    if (MD_SEPARATOR.test(line)) {
      flush();
      headerRows = rows.length;
      continue;
    }
    // In such a table a pipe at either end of a row separates an empty cell (both are kept).
    const cells = bare && !boxed && /^\||\|$/.test(line.trim()) ? splitPipeRow(`\u0000${line.trim()}\u0000`).map((c) => c.replace(/\u0000/g, '')) : splitPipeRow(line);
    if (boxed && innerBorders > 1) {
      group ??= { cells: [], line: i };
      group.cells.push(cells);
      continue;
    }
    // Without inner borders, a line whose first cell is empty continues the row above (wrapped text).
    const prev = rows[rows.length - 1];
    if (boxed && prev && cells[0] === '' && cells.some((c) => c !== '')) {
      prev.cells = prev.cells.map((c, k) => squeeze(`${c} ${cells[k] ?? ''}`));
      for (let k = prev.cells.length; k < cells.length; k++) prev.cells.push(cells[k]!);
      continue;
    }
    rows.push({ cells, line: i });
  }
  flush();
  if (rows.length === 0) return null;
  if (headerRows === 0 && rows.length > 1 && looksLikeHeader(rows[0]!.cells)) headerRows = 1;
  const realFirst = rows[0]!.line;
  return { rows, headerRows, firstLine: Math.min(realFirst, from), lastLine: to };
}

// ---------------------------------------------------------------------------------------------
// Pipe rows wrapped over lines: a pipe table typeset as text and read back by OCR.

const countPipes = (text: string) => text.match(/(?<!\\)\|/g)?.length ?? 0;
/** A heading or a list item after a table: a line that never continues a row. */
const OUTLINE_LINE = /^(?:[IVXL]+|\d{1,2}(?:\.\d{1,2})*)[.)]\s|^(?:phụ lục|bảng|nơi nhận)\b/iu;

/**
 * The `| --- |` line under a pipe header as English OCR reads a printed one: a short word
 * ("fell", "reef") between the header's lines and the first row. Only near the block's start,
 * in a table of outer pipes.
 */
function isGarbledSeparator(lines: readonly string[], blockStart: number, k: number): boolean {
  const t = lines[k]!.trim();
  if (k <= blockStart || k > blockStart + 3 || !lines[blockStart]!.trim().startsWith('|')) return false;
  return /^[\p{L}_=~.:-]{1,8}(?: [\p{L}_=~.:-]{1,8}){0,2}$/u.test(t) && rowLabel(t) === null;
}

/**
 * A line that is no pipe row, after a pipe line of a table: the wrapped end of the row above (or
 * a garbled separator) when a pipe line follows it, or when it closes a table of outer pipes with
 * the row's last pipe ("25.000 |").
 */
function isRowContinuation(lines: readonly string[], blockStart: number, k: number): boolean {
  const t = lines[k]!.trim();
  if (t === '' || BORDER.test(t) || isPipeRow(t) || OUTLINE_LINE.test(t)) return false;
  const closesRow = lines[blockStart]!.trim().startsWith('|') && t.endsWith('|');
  if (closesRow) return true;
  // a caption between two tables ("Đơn vị tính: triệu đồng") is followed by the next table's header
  const next = lines[k + 1];
  return next !== undefined && isPipeRow(next) && !MD_SEPARATOR.test(lines[k + 2] ?? '') && !looksLikeHeader(splitPipeRow(next));
}

/**
 * A block of pipe lines with its wrapped rows joined, as a printed pipe table reads back from
 * OCR: a row's text runs on over the next lines ("| 1 | Tổ chức ra quân thu gom rác thải" /
 * "| Phòng Kinh tế | Đoàn Thanh niên …; Công" / "an đặc khu | Từ tháng 4 | Báo cáo |"). A row is
 * complete with as many pipes as the table's rows have: the complete rows' most common count in
 * a table of outer pipes, the header's in one without ("TT | Nội dung | … | Thời gian"). A line
 * that opens with a row label ("| 2 |", "3 |") opens a row; a line without pipes continues the
 * row above. The rows keep the line they start on.
 */
function readUnwrappedPipeBlock(lines: readonly string[], from: number, to: number): FoundTable | null {
  const block = lines.slice(from, to + 1).map((l) => l.trim());
  const isRule = (t: string) => MD_SEPARATOR.test(t) || BORDER.test(t);
  const piped = block.filter((t) => countPipes(t) > 0 && !isRule(t));
  const outer = piped.filter((t) => t.startsWith('|')).length > piped.length / 2;
  const complete = block.filter((t) => t.startsWith('|') && t.endsWith('|') && !isRule(t)).map(countPipes);
  const width = outer ? (complete.length >= 2 ? mostCommon(complete) : 0) : looksLikeHeader(splitPipeRow(block[0]!)) ? countPipes(block[0]!) : 0;
  const firstCell = (t: string) => (t.startsWith('|') ? splitPipeRow(t)[0] : t.split('|')[0]) ?? '';
  const view: string[] = [];
  const origin: number[] = [];
  for (let k = 0; k < block.length; k++) {
    // OCR reads a printed pipe as "]" after a number or a word ("| 1] Tỷ lệ", "93,5] ≥ 95 |")
    const line = outer && width > 0 && countPipes(block[k]!) < width ? block[k]!.replace(/(?<=\S)\](?=\s|$)/gu, ' |') : block[k]!;
    const last = view.length > 0 && !isRule(view[view.length - 1]!) ? view[view.length - 1]! : null;
    if (isGarbledSeparator(lines, from, from + k) && (k + 1 >= block.length || countPipes(block[k + 1]!) > 0)) {
      view.push('| --- |');
      origin.push(from + k);
      continue;
    }
    const pipes = countPipes(line);
    const shared = last !== null && last.endsWith('|') && line.startsWith('|') ? 1 : 0;
    const joins =
      last !== null &&
      !isRule(line) &&
      (pipes === 0 ||
        (width > 0 &&
          !rowLabel(firstCell(line)) &&
          (outer || !line.startsWith('|')) &&
          countPipes(last) + pipes - shared <= width));
    if (!joins) {
      view.push(line);
      origin.push(from + k);
      continue;
    }
    // a complete row of outer pipes takes the text into its last cell, before the closing pipe
    const into = outer && last.endsWith('|') && (pipes === 0 || countPipes(last) >= width) ? `${last.slice(0, -1).trim()} ${line} |` : shared ? `${last} ${line.slice(1).trim()}` : `${last} ${line}`;
    view[view.length - 1] = into;
  }
  const found = readPipeBlock(view, 0, view.length - 1);
  if (!found) return null;
  return { ...found, rows: found.rows.map((r) => ({ ...r, line: origin[r.line]! })), firstLine: origin[found.firstLine]!, lastLine: to };
}

/** The most frequent value (the smallest of equally frequent ones); 0 for none. */
function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [v, c] of [...counts].sort((x, y) => x[0] - y[0])) if (c > bestCount) [best, bestCount] = [v, c];
  return best;
}

/** Lines that end a cell-per-line table: the closing of the document, an appendix, a new pipe table. */
const TABLE_END = /^(?:noi nhan|tm\s*\.|kt\s*\.|t\/m|phu luc\b)/;

/**
 * A pipe header whose rows follow one cell per line (a converter's rendering of a table that
 * runs over pages). Extends the header with the header words that follow it on lines of their
 * own, then reads rows opened by label lines. Null when the lines after the header do not read so.
 */
function readCellPerLine(lines: readonly string[], header: FoundTable, from: number): { table: FoundTable; end: number } | null {
  const head = header.rows[header.rows.length - 1]!.cells.map(cellText).filter((c) => c !== '');
  let i = from;
  // Header cells the converter left out of the pipe row ("Thời gian thực hiện").
  while (i < lines.length && i < from + 4) {
    const t = cellText(lines[i]!);
    if (t === '' || rowLabel(t) || !HEADER_WORD.test(skel(t)) || t.length > 60) break;
    head.push(t);
    i++;
  }
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (i >= lines.length || !rowLabel(lines[i]!)) return null;
  const n = head.length;
  const rows: FoundRow[] = [{ cells: head, line: header.rows[header.rows.length - 1]!.line }];
  let cur: { tokens: string[]; line: number; label: Label } | null = null;
  let last = i;
  const flush = () => {
    if (!cur) return;
    const cells = cur.tokens.slice(0, n);
    // More lines than columns: the row was broken by a page; the rest continue its cells from the second column.
    cur.tokens.slice(n).forEach((t, k) => {
      const col = Math.min(n - 1, 1 + k);
      cells[col] = squeeze(`${cells[col] ?? ''} ${t}`);
    });
    rows.push({ cells, line: cur.line });
    cur = null;
  };
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    const t = cellText(raw);
    if (t === '') {
      // A blank line ends the table unless a row label follows.
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim() === '') j++;
      if (j >= lines.length || !rowLabel(lines[j]!)) break;
      continue;
    }
    if (isPipeRow(raw) || LONE_PIPE.test(raw) || TABLE_END.test(skel(t))) break;
    const label = rowLabel(t);
    if (label && (!cur || (cur.tokens.length >= 2 && followsLabel(cur.label, label)))) {
      flush();
      cur = { tokens: [t], line: i, label };
    } else if (cur) {
      cur.tokens.push(t);
    }
    last = i;
  }
  flush();
  if (rows.length < 2) return null;
  return { table: { rows: [...header.rows.slice(0, -1), ...rows], headerRows: header.rows.length, firstLine: header.firstLine, lastLine: last }, end: last };
}

// ---------------------------------------------------------------------------------------------
// Portal tables: cells between lone "|" lines.

interface Token {
  text: string;
  line: number;
}

function readLonePipeBlock(lines: readonly string[], from: number): { table: FoundTable | null; end: number } {
  const tokens: Token[] = [];
  let i = from + 1;
  let buf: string[] = [];
  let bufLine = from;
  let end = from;
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    if (LONE_PIPE.test(raw)) {
      tokens.push({ text: cellText(buf.join('\n')), line: buf.length ? bufLine : i });
      buf = [];
      end = i;
      // A lone "|" before a blank line (or the end) closes the table.
      if (i + 1 >= lines.length || lines[i + 1]!.trim() === '') break;
      continue;
    }
    if (raw.trim() === '' && buf.every((b) => b.trim() === '')) {
      // A blank line where a cell should open: the table ended without its last "|".
      break;
    }
    if (buf.length === 0) bufLine = i;
    buf.push(raw);
  }
  if (tokens.length < 2) return { table: null, end };
  return { table: tokensToTable(tokens, from, end), end };
}

function tokensToTable(tokens: Token[], from: number, end: number): FoundTable | null {
  const isRowStart = (k: number) => (k === 0 || tokens[k - 1]!.text === '') && tokens[k]!.text !== '' && rowLabel(tokens[k]!.text) !== null;
  // The first data row opens with a first label (1, 1.1, I, A, a): a lone "X" under "Tọa độ" is a column, not row 10.
  const firstData = tokens.findIndex((_, k) => isRowStart(k) && isFirstLabel(rowLabel(tokens[k]!.text)!));
  // The header (and tables without labels): every empty token is a row break.
  const headerEnd = firstData < 0 ? tokens.length : firstData;
  const rows: FoundRow[] = [];
  let cur: Token[] = [];
  const push = () => {
    if (cur.length) rows.push({ cells: cur.map((t) => t.text), line: cur[0]!.line });
    cur = [];
  };
  for (let k = 0; k < headerEnd; k++) {
    if (tokens[k]!.text === '') push();
    else cur.push(tokens[k]!);
  }
  push();
  const headerRows = firstData < 0 ? (rows.length > 1 && looksLikeHeader(rows[0]!.cells) ? 1 : 0) : rows.length;
  if (firstData >= 0) {
    // Columns: the most frequent distance between consecutive labels of rows that follow each other.
    const starts = tokens.map((_, k) => k).filter(isRowStart);
    const gaps = new Map<number, number>();
    for (let s = 0; s + 1 < starts.length; s++) {
      const a = rowLabel(tokens[starts[s]!]!.text)!;
      const b = rowLabel(tokens[starts[s + 1]!]!.text)!;
      if (a.kind === b.kind && followsLabel(a, b)) {
        const g = starts[s + 1]! - starts[s]! - 1;
        gaps.set(g, (gaps.get(g) ?? 0) + 1);
      }
    }
    // Rows that span rows below them (a sub-row between "1" and "2") make longer gaps: the shortest gap
    // as wide as the header is the row.
    const headerWidth = Math.max(2, ...rows.map((r) => r.cells.length));
    const best = [...gaps.keys()].filter((g) => g >= headerWidth).sort((x, y) => x - y)[0];
    const n = best ?? headerWidth;
    let label: Label | null = null;
    for (let k = firstData; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.text !== '') {
        if (cur.length === 0) label = rowLabel(t.text);
        cur.push(t);
        continue;
      }
      const next = tokens[k + 1];
      const nextLabel = next && next.text !== '' ? rowLabel(next.text) : null;
      // A header repeated inside the table ("Nội dung | Đơn vị thực hiện | …" under a group row) opens a row too.
      const nextHeader = next !== undefined && next.text !== '' && HEADER_WORD.test(skel(next.text)) && !HEADER_WORD.test(skel(cur[cur.length - 1]?.text ?? ''));
      if (cur.length >= n || (cur.length > 0 && ((nextLabel && followsLabel(label, nextLabel)) || nextHeader)) || !next) push();
      else if (cur.length === 0) continue;
      else cur.push(t);
    }
    push();
  }
  if (rows.length === 0) return null;
  return { rows, headerRows, firstLine: from, lastLine: end };
}

// ---------------------------------------------------------------------------------------------
// The grid: spans for short rows and two-level headers.

function toBlock(found: FoundTable, page: number | null): TableBlock | null {
  const rows = found.rows.filter((r) => r.cells.some((c) => cellText(c) !== ''));
  if (rows.length < 2 && !(rows.length === 1 && rows[0]!.cells.length >= 3)) return null;
  const headerRows = Math.min(found.headerRows, rows.length);
  const colCount = Math.max(...rows.map((r) => r.cells.length));
  if (colCount < 2) return null;
  const cells: TableCell[] = [];
  let r = 0;
  // A two-level header: the first row has fewer cells than columns, the second fills the rest.
  if (headerRows >= 2 && rows[0]!.cells.length < colCount && rows[1]!.cells.length < colCount) {
    const top = rows[0]!.cells.map(cellText);
    const sub = rows[1]!.cells.map(cellText);
    const spanning = colCount - sub.length; // top cells that span both rows
    const groups = top.length - spanning; // top cells over the second row's cells
    if (spanning >= 0 && groups >= 1) {
      let col = 0;
      let subCol = 0;
      // The leading cells (TT, the name) span both rows; the rest group the sub-cells (the usual layout).
      const spansDown = top.map((_, k) => k < spanning);
      const per = Math.floor(sub.length / groups);
      let groupNo = 0;
      top.forEach((text, k) => {
        if (spansDown[k]) {
          cells.push({ row: 0, col, rowSpan: 2, colSpan: 1, text, columnHeader: true });
          col++;
        } else {
          groupNo++;
          const span = groupNo === groups ? sub.length - subCol : per;
          cells.push({ row: 0, col, rowSpan: 1, colSpan: Math.max(1, span), text, columnHeader: true });
          for (let s = 0; s < span; s++) cells.push({ row: 1, col: col + s, rowSpan: 1, colSpan: 1, text: sub[subCol + s] ?? '', columnHeader: true });
          col += Math.max(1, span);
          subCol += span;
        }
      });
      r = 2;
    }
  }
  let prevCells: TableCell[] = [];
  for (; r < rows.length; r++) {
    const row = rows[r]!;
    const texts = row.cells.map(cellText);
    const rowCells: TableCell[] = [];
    const prevWidth = prevCells.reduce((w, c) => w + c.colSpan, 0);
    if (r >= headerRows && texts.length < colCount && texts.length >= 2 && !rowLabel(texts[0] ?? '') && prevWidth === colCount && prevCells.length === colCount) {
      // A row under a row whose first cells span down (TT and the object of rows "1" and its sub-row):
      // its cells are the last columns, the cells above it cover the first ones.
      const offset = colCount - texts.length;
      for (let c = 0; c < offset; c++) prevCells[c]!.rowSpan++;
      texts.forEach((text, c) => rowCells.push({ row: r, col: offset + c, rowSpan: 1, colSpan: 1, text, columnHeader: false }));
      cells.push(...rowCells);
      // The next sub-row continues under the same spanning cells.
      prevCells = [...prevCells.slice(0, offset), ...rowCells];
      continue;
    }
    // A short row (a group row "I | Lĩnh vực y tế", a merged cell): its last cell spans the rest.
    texts.forEach((text, c) => {
      const span = c === texts.length - 1 ? colCount - c : 1;
      rowCells.push({ row: r, col: c, rowSpan: 1, colSpan: span, text, columnHeader: r < headerRows });
    });
    cells.push(...rowCells);
    prevCells = rowCells;
  }
  const rowLines = rows.map((row) => row.line + 1);
  return {
    index: 0,
    page,
    firstLine: found.firstLine + 1,
    lastLine: found.lastLine + 1,
    rowLines,
    rowCount: rows.length,
    colCount,
    cells,
    origin: 'text',
  };
}

/** Tables in a text's lines (raw, before Markdown is stripped); numbered from `firstIndex`. */
export function findTextTables(lines: readonly string[], page: number | null = null, firstIndex = 1): TableBlock[] {
  const out: TableBlock[] = [];
  const add = (found: FoundTable | null) => {
    const block = found && toBlock(found, page);
    if (block) out.push({ ...block, index: firstIndex + out.length });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (LONE_PIPE.test(line)) {
      const { table, end } = readLonePipeBlock(lines, i);
      add(table);
      i = end;
      continue;
    }
    if (isPipeRow(line) || BORDER.test(line)) {
      let j = i;
      while (j + 1 < lines.length && (isPipeRow(lines[j + 1]!) || BORDER.test(lines[j + 1]!) || MD_SEPARATOR.test(lines[j + 1]!) || isRowContinuation(lines, i, j + 1))) j++;
      const found = readUnwrappedPipeBlock(lines, i, j);
      if (found && found.headerRows === found.rows.length) {
        // Only a header: its rows may follow one cell per line.
        const cpl = readCellPerLine(lines, found, j + 1);
        if (cpl) {
          add(cpl.table);
          i = cpl.end;
          continue;
        }
      }
      // A lone pipe row is no table (a line of prose with a "|" in it), unless it is a header.
      if (found && (found.rows.length >= 2 || found.headerRows > 0)) add(found);
      i = j;
    }
  }
  return out;
}
