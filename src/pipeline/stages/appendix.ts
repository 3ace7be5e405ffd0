/**
 * Appendix tables of indicators (PHỤ LỤC: TT | Chỉ tiêu | Đơn vị | Đến năm 2025 |
 * Đến năm 2030 | Bộ phận theo dõi): one indicator per row and year column, with
 * the responsible units of the row.
 *
 * Text layers and OCR put a row's cells on one line, separated by tabs, runs of
 * spaces, or single spaces; a long name may wrap onto the next lines. A row is
 * read as: number, name, unit (a known unit), one value per year column, then
 * the responsible units. A numbered row that does not read that way is warned
 * about (`unreadable-table-row`), never guessed.
 */
import type { PlanDocument } from '../../model/document.js';
import type { TableBlock } from '../../model/table.js';
import type { Indicator, SourceRef, Target } from '../../schema/record.js';
import type { Stage } from '../stage.js';
import { AgencyRegistry } from '../../facts/agencies.js';
import { skeleton } from '../../text/vietnamese.js';
import { tableLines, unitSkeleton, walk } from '../blocks.js';
import { parseVietnameseNumber } from '../numbers.js';
import { warnUnknown } from '../agency-phrases.js';

/** Units as table cells write them (skeleton source → as recorded). Longest first. */
const TABLE_UNITS: [string, string][] = [
  [String.raw`giuong(?: benh)?\s*\/\s*(?:10\.?000|1\s*van|van)\s*dan`, 'giường bệnh/10.000 dân'],
  [String.raw`bac s[iy]\s*\/\s*(?:10\.?000|1\s*van|van)\s*dan`, 'bác sĩ/10.000 dân'],
  [String.raw`m[2²]\s*san(?: xay dung)?\s*\/\s*nguoi`, 'm² sàn/người'],
  [String.raw`m[2²]\s*\/\s*nguoi`, 'm²/người'],
  [String.raw`m[2²]`, 'm²'],
  [String.raw`trieu dong\s*\/\s*nguoi\s*\/\s*nam`, 'triệu đồng/người/năm'],
  [String.raw`trieu dong\s*\/\s*nguoi`, 'triệu đồng/người'],
  [String.raw`lao dong\s*\/\s*nam`, 'lao động/năm'],
  [String.raw`nguoi\s*\/\s*nam`, 'người/năm'],
  [String.raw`%\s*\/\s*nam`, '%/năm'],
  ['%', '%'],
  ['‰', '‰'],
  ['%o', '‰'],
  ['luot nguoi', 'lượt người'],
  ['lao dong', 'lao động'],
  ['nguoi', 'người'],
  ['can ho', 'căn hộ'],
  ['can', 'căn'],
  ['ho gia dinh', 'hộ gia đình'],
  ['ho', 'hộ'],
  ['xa', 'xã'],
  ['tuoi', 'tuổi'],
  ['nam', 'năm'],
  ['luot', 'lượt'],
  ['the', 'thẻ'],
  ['tre', 'trẻ'],
  ['truong', 'trường'],
  ['co so', 'cơ sở'],
  ['ty dong', 'tỷ đồng'],
  ['trieu dong', 'triệu đồng'],
  ['lan', 'lần'],
  ['diem', 'điểm'],
  ['km', 'km'],
  ['ha', 'ha'],
  ['doanh nghiep', 'doanh nghiệp'],
  ['cong trinh', 'công trình'],
  ['thon', 'thôn'],
  ['to dan pho', 'tổ dân phố'],
];
const UNIT_RES = TABLE_UNITS.map(([src, unit]) => [new RegExp(String.raw`^(?:${src})(?![a-z0-9])`), unit] as const);
/** A value cell: "90", "≥ 90", "< 2", "62,8%", "90 trở lên", "-" (no target). */
const VALUE = /^\s*(?:(≥|≤|>=|<=|>|<|=|~|tren|duoi|khoang|toi thieu|it nhat|toi da)\s*)?(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?)(?:\s*[-–]\s*(\d+(?:[,.]\d+)?))?\s*%?(?:\s*(tro len|tro xuong))?(?=\s|$|\t|;)|^\s*(?:-|–|x|\/)(?=\s|$)/;
const ROW_START = /^\s*(\d{1,2}(?:\.\d{1,2})?|[IVX]{1,4}|[a-zđ])\s*[.)]?(?:\s+|\t)(?=\S)/u;

interface Row {
  tt: string;
  text: string;
  start: number;
  end: number;
}

function comparatorOf(sign: string | undefined, tail: string | undefined): Target['comparator'] {
  if (tail === 'tro len') return '>=';
  if (tail === 'tro xuong') return '<=';
  switch (sign) {
    case '≥': case '>=': case 'toi thieu': case 'it nhat': return '>=';
    case '≤': case '<=': case 'toi da': return '<=';
    case '>': case 'tren': return '>';
    case '<': case 'duoi': return '<';
    case '~': case 'khoang': return '~';
    default: return '=';
  }
}

/** The unit a table's unit cell names ("Tỷ lệ %" is no unit cell, "%" is), as recorded; null when none is known. */
export function unitOfCell(text: string): string | null {
  const u = unitSkeleton(text.trim());
  for (const [re, unit] of UNIT_RES) {
    const m = re.exec(u);
    if (m && u.slice(m[0].length).trim() === '') return unit;
  }
  return null;
}

/**
 * One value cell: "90", "≥ 90", "< 2", "62,8%", "5-10", "90 trở lên"; null when the cell is no value ("-", text).
 * `equalsSign`: the value has "=" before it, which no plan prints before a target; English OCR reads "≥" so.
 */
export function parseValueCell(text: string): { value: number | null; min?: number; max?: number; comparator: Target['comparator']; equalsSign?: true } | null {
  const u = unitSkeleton(text.trim());
  const v = VALUE.exec(u);
  if (!v || !v[2]) return null;
  // The whole cell must be the value (a unit after it at most): "Năm 2025 tăng 10%" is no value cell.
  if (u.slice(v[0].length).replace(/[%‰\s.]|tro len|tro xuong/g, '') !== '') return null;
  return valueOf(v);
}

type CellValue = NonNullable<ReturnType<typeof parseValueCell>>;

/** The value a VALUE match reads (its number, or its range); null when the number does not read. */
function valueOf(v: RegExpExecArray): CellValue | null {
  const n = parseVietnameseNumber(v[2]!);
  const hi = v[3] ? parseVietnameseNumber(v[3]) : null;
  if (n === null) return null;
  const equalsSign = v[1] === '=' ? { equalsSign: true as const } : {};
  if (hi !== null && hi > n) return { value: null, min: n, max: hi, comparator: comparatorOf(v[1], v[4]), ...equalsSign };
  return { value: n, comparator: comparatorOf(v[1], v[4]), ...equalsSign };
}

/**
 * A target written "= 95" in text that came through OCR: no plan prints "=" before a target, and
 * English OCR reads "≥" so. Its comparator becomes ≥, with a `comparator-repaired` warning; in a
 * typed document the "=" stays as written.
 */
export function repairEqualsSign(doc: PlanDocument, value: CellValue, where: string, source: SourceRef, table: TableBlock | null): void {
  if (!value.equalsSign || !doc.cameThroughOcr(table)) return;
  value.comparator = '>=';
  doc.warn('comparator-repaired', `${where}: "=" before ${value.value ?? value.min} read as ≥ (OCR reads "≥" as "=")`, source);
}

export interface ParsedRow {
  name: string;
  unit: string;
  values: (CellValue | null)[];
  rest: string;
}

/** Reads one row's text (after its number) for `columns` year columns; null when it does not read. */
export function parseRow(text: string, columns: number): ParsedRow | null {
  // Cells as text layers and OCR leave them: tabs, runs of spaces, or ruled lines read as '|'.
  const t = text.replace(/\t|\s*\|\s*/g, '  ');
  const u = unitSkeleton(t);
  // Try each place a unit could stand (after at least one word of name).
  const re = /(?<=\s)\S/g;
  for (let m = re.exec(u); m; m = re.exec(u)) {
    const at = m.index;
    const unitHit = UNIT_RES.map(([r, unit]) => ({ m: r.exec(u.slice(at)), unit })).find((x) => x.m);
    if (!unitHit) continue;
    let pos = at + unitHit.m![0].length;
    const values: ParsedRow['values'] = [];
    let ok = true;
    for (let c = 0; c < columns; c++) {
      const v = VALUE.exec(u.slice(pos));
      if (!v) {
        ok = false;
        break;
      }
      if (v[2]) {
        const value = valueOf(v);
        if (value === null) {
          ok = false;
          break;
        }
        values.push(value);
      } else values.push(null);
      pos += v[0].length;
    }
    if (!ok || values.every((v) => v === null)) continue;
    const name = t.slice(0, at).replace(/\s+/g, ' ').trim();
    if (!/\p{L}{2,}/u.test(name)) continue;
    return { name, unit: unitHit.unit, values, rest: t.slice(pos).replace(/\s+/g, ' ').trim() };
  }
  return null;
}

/** Indicators of the table(s) in global lines [from, to]. */
export function readTables(doc: PlanDocument, from: number, to: number, sectionId: string): Indicator[] {
  const lines = doc.lines;
  const registry = AgencyRegistry.load();
  const out: Indicator[] = [];
  // Tables the backend found are read from their cells (tables stage): only lines outside them are guessed here.
  const inTable = tableLines(doc);
  let i = from;
  while (i <= to) {
    if (inTable.has(i)) {
      i++;
      continue;
    }
    // A header: "Chỉ tiêu" on this line, "Đơn vị" and the year columns on it or the next few (cells on lines of their own).
    // The cheap test first: most lines are not a table header.
    if (!/chi tieu|noi dung/.test(skeleton(lines[i]!.text))) {
      i++;
      continue;
    }
    const window = lines.slice(i, Math.min(to, i + 7) + 1).map((l) => skeleton(l.text)).join(' \n ');
    if (!/don vi|dvt/.test(window) || !/(?:19|20)\d{2}/.test(window)) {
      i++;
      continue;
    }
    const years: number[] = [];
    let j = Math.max(from, i - 2);
    // "TT" and the first cells may stand just above "Chỉ tiêu".
    for (; j <= Math.min(to, i + 7); j++) {
      const text = lines[j]!.text.replace(/^\s*\|\s*/, '');
      if (j > i && (ROW_START.test(text) || /^\s*1\s*[.)]?\s*$/.test(text)) && !/^\s*\d{4}\b/.test(text)) break;
      // Year columns: "Đến năm 2025", "2030", "Giai đoạn 2021-2025" (one column, its end); not the date of the plan
      // an appendix title cites ("Kèm theo Kế hoạch số 82/KH-UBND ngày 20/7/2024").
      if (/kem theo|ban hanh|ngay\s*\d/.test(skeleton(text))) continue;
      for (const y of text.matchAll(/(?<![\/\d])((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?(?![\/\d])/g)) {
        const year = Number(y[2] ?? y[1]);
        if (!years.includes(year)) years.push(year);
      }
    }
    if (years.length === 0) {
      doc.warn('unreadable-table-row', 'an indicator table without year columns', doc.sourceOf(i));
      i = j;
      continue;
    }
    // Rows: a numbered line opens one; other lines continue it. A number alone on its line opens the next
    // row only when it is the next number and the row before is complete (cells one per line).
    const rows: Row[] = [];
    for (; j <= to; j++) {
      if (inTable.has(j)) break;
      const text = lines[j]!.text.replace(/^\s*\|\s*/, '');
      if (!text.trim() || /^[\s|+=_-]+$/.test(text)) continue;
      if (/chi tieu/.test(skeleton(text)) && /don vi|dvt/.test(skeleton(text))) break;
      const start = ROW_START.exec(text);
      const bare = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(text);
      const last = rows[rows.length - 1];
      const nextNumber = String(Number(last?.tt ?? 0) + 1);
      if (start && !(bare && start[1] !== nextNumber)) rows.push({ tt: start[1]!, text: text.slice(start[0].length), start: j, end: j });
      else if (bare && bare[1] === nextNumber && (!last || parseRow(last.text.replace(/\s+/g, ' '), years.length))) rows.push({ tt: bare[1]!, text: '', start: j, end: j });
      else if (last) {
        last.text += ' ' + text.trim();
        last.end = j;
      }
    }
    for (const row of rows) {
      const parsed = parseRow(row.text, years.length) ?? parseRow(row.text.replace(/\s+/g, ' '), years.length);
      const source = doc.sourceOf(row.start, row.end);
      if (!parsed) {
        // Group rows ("I", "A", "Về y tế") carry no values: not an error.
        if (/^\d/.test(row.tt) || /\d/.test(row.text.replace(/\b(?:19|20)\d{2}\b/g, ''))) doc.warn('unreadable-table-row', `table row ${row.tt} could not be read: "${row.text.slice(0, 100)}"`, source);
        continue;
      }
      const responsible = parsed.rest ? registry.parseList(parsed.rest) : [];
      warnUnknown(doc, responsible, source);
      parsed.values.forEach((v, k) => {
        if (!v) return;
        repairEqualsSign(doc, v, `table row ${row.tt}`, source, null);
        out.push({
          id: `${sectionId}.${row.tt}.${years[k]}`,
          text: `${row.tt}. ${row.text.replace(/\s+/g, ' ').trim()}`,
          name: parsed.name,
          target: v.value === null ? { value: null, min: v.min, max: v.max, comparator: v.comparator, unit: parsed.unit, year: years[k] ?? null } : { value: v.value, comparator: v.comparator, unit: parsed.unit, year: years[k] ?? null },
          responsible,
          source,
        });
      });
    }
    i = j;
  }
  return out;
}

export const appendixStage: Stage = {
  name: 'appendix',
  run(doc, draft) {
    const outline = doc.data.outline ?? [];
    let found = false;
    let count = 0;
    for (const { node } of walk(outline)) {
      if (node.kind !== 'appendix' || node.level !== 1) continue;
      found = true;
      // Several appendices: PL, PL2, PL3… so that ids stay unique.
      count++;
      draft.indicators.push(...readTables(doc, node.start, node.end, count === 1 ? node.id : `${node.id}${count}`));
    }
    // A table after the signature without a "PHỤ LỤC" heading (a scan that lost it).
    const bodyEnd = doc.data.bodyEnd;
    if (!found && bodyEnd !== undefined && bodyEnd + 1 < doc.lines.length) {
      draft.indicators.push(...readTables(doc, bodyEnd + 1, doc.lines.length - 1, 'PL'));
    }
  },
};
