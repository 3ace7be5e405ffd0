/**
 * What the columns of a table hold, read from its header words whatever their wording
 * ("Chủ trì", "Cơ quan chủ trì", "Sở, ngành chủ trì tham mưu", "Đơn vị thực hiện" are all the
 * lead), and what the table is for (tasks, indicators, a schedule, something else).
 *
 * The header is the first rows (at most four) whose cells are header words; a two-level
 * header ("Năm" over "2025 | 2030", "Đối tượng" over four kinds) gives each column the words
 * of both levels, the lower level tested first because it is the more specific.
 */
import { tableGrid, type TableBlock, type TableCell } from '../model/table.js';
import { skeleton } from '../text/vietnamese.js';

export type ColumnRole = 'id' | 'task' | 'product' | 'lead' | 'support' | 'time' | 'indicator' | 'unit' | 'year' | 'note' | 'monitor' | 'other';
export type TableRole = 'tasks' | 'indicators' | 'schedule' | 'other';

/** Header words → role, tested on the skeleton in this order (first hit wins). */
const ROLE_RULES: [RegExp, ColumnRole][] = [
  [/^(?:s?tt|so tt|so thu tu|thu tu)$/, 'id'],
  [/^(?:don vi tinh|dvt|don vi do)$|^don vi$/, 'unit'],
  // One column for both ("Cơ quan chủ trì / phối hợp", "Đơn vị chủ trì, phối hợp"): its cells say who is who ("CT: X; PH:
  // Y", "X chủ trì, phối hợp với Y"), read as a lead cell.
  [/chu tri\s*(?:[\/,;-]|va)\s*(?:(?:co quan|don vi)\s+)?phoi hop/, 'lead'],
  [/phoi hop/, 'support'],
  [/chu tri|(?:don vi|co quan|bo phan|ca nhan|nguoi) (?:thuc hien|thuc hien chinh|chiu trach nhiem|trien khai|tham muu)|trach nhiem thuc hien|^thuc hien$|^(?:co quan|don vi) (?:chu quan|dau moi)$/, 'lead'],
  [/theo doi|giam sat/, 'monitor'],
  [/thoi gian|thoi han|tien do|hoan thanh|^thoi diem|^han\b/, 'time'],
  [/san pham|ket qua (?:dau ra|dat duoc|can dat)|hinh thuc van ban/, 'product'],
  [/chi tieu/, 'indicator'],
  [/ghi chu/, 'note'],
  [/nhiem vu|noi dung|cong viec|hoat dong|giai phap|ten (?:de an|du an|chuong trinh)|^de an|danh muc/, 'task'],
];

const YEAR = /(?<![\d/])((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?(?![\d/])/;

export interface TableLayout {
  /** The header: rows headerStart .. headerStart + headerRows - 1 (group rows may stand above it). */
  headerStart: number;
  headerRows: number;
  /** Header text of each column (levels joined by " / "). */
  headers: string[];
  roles: ColumnRole[];
  /** The year a year column holds ("Năm 2025", "2030", "Giai đoạn 2021-2025" → its end). */
  years: (number | null)[];
  role: TableRole;
}

export function roleOfHeader(text: string): ColumnRole {
  const s = unglue(skeleton(text).replace(/\s+/g, ' ').trim());
  if (s === '') return 'other';
  for (const [re, role] of ROLE_RULES) if (re.test(s)) return role;
  return 'other';
}

/** The two syllables of a header word OCR ran together ("Đơnvị tính", "Thờigian"), on the skeleton. */
const GLUED_HEADER_WORD = /\b(don|thoi|chu|phoi|noi|nhiem|chi|san|ghi|co|ket|thuc|ke|tien|nam)(vi|gian|han|tri|hop|dung|vu|tieu|pham|chu|quan|qua|hien|hoach|do|hoc)\b/g;

function unglue(s: string): string {
  return s.replace(GLUED_HEADER_WORD, '$1 $2');
}

/** A column header that names results, not targets: "Thực hiện năm 2025", "Ước thực hiện 2025", "Ước TH", "Kết quả 2025". */
const RESULT_HEADER = /^(?:uoc\s+)?(?:thuc hien|th|ket qua|dat duoc)\b/;

function yearOf(text: string): number | null {
  const s = skeleton(text);
  // "Năm 2025", "2030", "Đến năm 2030", "Giai đoạn 2021-2025": short cells that are a year; not "Kế hoạch năm 2025 của …".
  if (s.split(/\s+/).length > 5) return null;
  const m = YEAR.exec(s);
  return m ? Number(m[2] ?? m[1]) : null;
}

/** A row of header words: at least two cells with a role or a year, and no row label first. */
export function isHeaderRow(cells: (TableCell | null)[]): boolean {
  const unique = cells.filter((c, k) => c && cells.indexOf(c) === k) as TableCell[];
  const hits = unique.filter((c) => roleOfHeader(c.text) !== 'other' || yearOf(c.text) !== null).length;
  if (/^\s*(?:\d{1,2}(?:\.\d{1,2})*|[IVXL]{1,6}|[A-ZĐ]|[a-zđ])\s*[.)]?\s*$/u.test(unique[0]?.text ?? '')) return false;
  return hits >= 2 || (unique.length > 0 && unique.every((c) => c.columnHeader) && hits >= 1);
}

/** The column layout of a table, from its header rows. */
export function tableLayout(table: TableBlock): TableLayout {
  const grid = tableGrid(table);
  let first = -1;
  for (let r = 0; r < Math.min(grid.length, 4); r++) {
    if (isHeaderRow(grid[r]!)) {
      first = r;
      break;
    }
  }
  let headerRows = 0;
  let headers: string[] = Array(table.colCount).fill('');
  const sub: string[] = Array(table.colCount).fill('');
  if (first >= 0) {
    let last = first;
    // A second level: the next row is header words or years too, and not a data row.
    while (last + 1 < Math.min(grid.length, first + 3) && isHeaderRow(grid[last + 1]!) && !/^\s*(?:\d{1,2}|[IVX]{1,4})\s*[.)]?\s*$/.test(grid[last + 1]![0]?.text ?? '')) last++;
    headerRows = last - first + 1;
    for (let c = 0; c < table.colCount; c++) {
      const parts: string[] = [];
      for (let r = first; r <= last; r++) {
        const cell = grid[r]![c];
        if (cell && cell.text && !parts.includes(cell.text)) parts.push(cell.text);
      }
      headers[c] = parts.join(' / ');
      sub[c] = parts[parts.length - 1] ?? '';
    }
    // A header short of the first column (a table continued under a group row, TT spanning from above):
    // header rows whose first cell has a role but data rows open with a label line up to the right.
    const own = grid[first]!.filter((c, k, a) => c && a.indexOf(c) === k).length;
    if (own < table.colCount && grid[first]![0]?.colSpan === 1 && roleOfHeader(grid[first]![0]!.text) !== 'id' && grid[first]![own - 1]?.colSpan && grid[first]![own - 1]!.colSpan > 1) {
      const texts = grid[first]!.filter((c, k, a) => c && a.indexOf(c) === k).map((c) => c!.text);
      const shift = table.colCount - texts.length;
      headers = [...Array(shift).fill(''), ...texts];
      for (let c = 0; c < table.colCount; c++) sub[c] = headers[c]!;
      if (shift >= 1) headers[0] = 'TT';
    }
  }
  const roles = headers.map((h, c) => {
    const own = roleOfHeader(sub[c]!);
    return own !== 'other' ? own : roleOfHeader(h);
  });
  const years = headers.map((h, c) => (roles[c] === 'other' || roles[c] === 'indicator' || roles[c] === 'task' ? yearOf(sub[c]!) ?? yearOf(h) : null));
  years.forEach((y, c) => {
    if (y !== null && (roles[c] === 'other' || roles[c] === 'indicator')) roles[c] = 'year';
  });
  // Results beside targets ("Thực hiện năm 2025 | Kế hoạch năm 2026", "Ước TH 2025 | KH 2026"): what was done is no
  // target; only the other year columns are read as the plan's targets. A table of results alone is left as it was.
  const result = headers.map((h, c) => roles[c] === 'year' && (RESULT_HEADER.test(skeleton(sub[c]!).trim()) || RESULT_HEADER.test(skeleton(h).trim())));
  if (result.some(Boolean) && roles.some((r, c) => r === 'year' && !result[c])) {
    result.forEach((isResult, c) => {
      if (!isResult) return;
      roles[c] = 'other';
      years[c] = null;
    });
  }
  // A first column without a header word but with row labels is the number column.
  if (headerRows > 0 && roles[0] === 'other' && grid.slice(first + headerRows).some((row) => /^\s*\d{1,2}\s*[.)]?\s*$/.test(row[0]?.text ?? ''))) roles[0] = 'id';
  return { headerStart: Math.max(0, first), headerRows, headers, roles, years, role: roleOfTable(roles) };
}

export function roleOfTable(roles: readonly ColumnRole[]): TableRole {
  const has = (r: ColumnRole) => roles.includes(r);
  if ((has('indicator') && (has('year') || has('unit'))) || (has('unit') && has('year'))) return 'indicators';
  if ((has('task') || has('product')) && (has('lead') || has('support'))) return 'tasks';
  if (has('lead') && (has('time') || has('support'))) return 'tasks';
  if (has('time') || has('year')) return 'schedule';
  return 'other';
}
