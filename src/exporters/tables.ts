/**
 * The monitoring tables of a set of records: documents, tasks, indicators, duties, warnings. One
 * table model feeds every exporter (workbook sheets, CSV files, the report), so they hold the same
 * cells. Column headers are Vietnamese, as the officers who read them write.
 */
import { basename } from 'node:path';
import type { Agency, Deadline, PlanRecord, SourceRef } from '../schema/record.js';
import { deadlinePeriod, earliestDue, isoFullDate } from './deadlines.js';
import type { LoadedRecord } from './load.js';

export type Cell = string | number | Date | null;
export type ColumnKind = 'text' | 'int' | 'number' | 'date';

export interface Column {
  header: string;
  kind: ColumnKind;
  /** Width in characters, for the workbook. */
  width: number;
}

export interface Table {
  /** Sheet name (and CSV file name). */
  name: string;
  /** File name of the CSV, ASCII. */
  slug: string;
  columns: Column[];
  rows: Cell[][];
}

const text = (header: string, width: number): Column => ({ header, kind: 'text', width });
const int = (header: string, width = 8): Column => ({ header, kind: 'int', width });
const num = (header: string, width = 10): Column => ({ header, kind: 'number', width });
const date = (header: string, width = 12): Column => ({ header, kind: 'date', width });

/** Agencies of a list, one cell: names joined by "; ". */
export function agencyNames(list: readonly Agency[]): string {
  return list.map((a) => a.name).join('; ');
}

export function deadlineTexts(list: readonly Deadline[]): string {
  return list.map((d) => d.text).join('; ');
}

export function deadlinePeriods(list: readonly Deadline[]): string {
  return list.map(deadlinePeriod).join('; ');
}

/** How a document is named in the other tables: its number, or its file when it has none (drafts). */
export function documentLabel(r: PlanRecord): string {
  return r.document.number ?? basename(r.source.file);
}

const SOURCE_COLUMNS = [int('Trang', 7), int('Dòng', 7), int('Đến dòng', 10)];
const sourceCells = (s: SourceRef | null): Cell[] => (s ? [s.page, s.line, s.endLine] : [null, null, null]);

/** The document's date as a date when it is a full one; a year or year-month stays text. */
function documentDate(iso: string | null): Cell {
  return isoFullDate(iso) ?? iso;
}

export function documentsTable(records: readonly LoadedRecord[]): Table {
  return {
    name: 'Văn bản',
    slug: 'van-ban',
    columns: [
      text('Tệp', 40),
      text('Loại', 12),
      text('Số', 18),
      text('Cơ quan ban hành', 36),
      text('Địa danh', 14),
      date('Ngày'),
      text('Trích yếu', 70),
      text('Nguồn', 10),
      int('Số trang', 10),
      int('Nhiệm vụ', 10),
      int('Chỉ tiêu', 10),
      int('Trách nhiệm', 12),
      int('Cảnh báo', 10),
      text('Mã cảnh báo', 40),
    ],
    rows: records.map(({ record: r }) => {
      const codes = new Map<string, number>();
      for (const w of r.warnings) codes.set(w.code, (codes.get(w.code) ?? 0) + 1);
      return [
        r.source.file,
        r.document.typeName ?? r.document.type,
        r.document.number,
        r.document.issuer,
        r.document.place,
        documentDate(r.document.date),
        r.document.title,
        r.source.kind,
        r.source.pages,
        r.tasks.length,
        r.indicators.length,
        r.responsibilities.length,
        r.warnings.length,
        [...codes].map(([c, n]) => `${c} (${n})`).join('; '),
      ];
    }),
  };
}

export function tasksTable(records: readonly LoadedRecord[]): Table {
  return {
    name: 'Nhiệm vụ',
    slug: 'nhiem-vu',
    columns: [
      text('Văn bản', 18),
      text('Tệp', 30),
      text('Mã', 8),
      text('Nhiệm vụ', 60),
      text('Chủ trì', 36),
      text('Phối hợp', 40),
      text('Thời hạn (văn bản)', 30),
      date('Hạn'),
      text('Kỳ hạn', 22),
      ...SOURCE_COLUMNS,
    ],
    rows: records.flatMap(({ record: r }) =>
      r.tasks.map((t) => [documentLabel(r), r.source.file, t.id, t.title, agencyNames(t.lead), agencyNames(t.support), deadlineTexts(t.deadlines), earliestDue(t.deadlines), deadlinePeriods(t.deadlines), ...sourceCells(t.source)]),
    ),
  };
}

export function indicatorsTable(records: readonly LoadedRecord[]): Table {
  return {
    name: 'Chỉ tiêu',
    slug: 'chi-tieu',
    columns: [
      text('Văn bản', 18),
      text('Tệp', 30),
      text('Mã', 10),
      text('Chỉ tiêu', 50),
      text('So sánh', 8),
      num('Giá trị'),
      num('Từ'),
      num('Đến'),
      text('Đơn vị', 10),
      int('Năm'),
      text('Chịu trách nhiệm', 36),
      text('Nội dung', 60),
      ...SOURCE_COLUMNS,
    ],
    rows: records.flatMap(({ record: r }) =>
      r.indicators.map((i) => [
        documentLabel(r),
        r.source.file,
        i.id,
        i.name,
        i.target.comparator,
        i.target.value,
        i.target.min ?? null,
        i.target.max ?? null,
        i.target.unit,
        i.target.year,
        agencyNames(i.responsible),
        i.text,
        ...sourceCells(i.source),
      ]),
    ),
  };
}

/** One row per duty; a responsibility that lists no duty still gets one row, so its agency is not lost. */
export function dutiesTable(records: readonly LoadedRecord[]): Table {
  return {
    name: 'Trách nhiệm',
    slug: 'trach-nhiem',
    columns: [text('Văn bản', 18), text('Tệp', 30), text('Cơ quan', 36), text('Loại', 8), int('STT', 6), text('Nhiệm vụ', 70), text('Thời hạn (văn bản)', 30), date('Hạn'), text('Kỳ hạn', 22), ...SOURCE_COLUMNS],
    rows: records.flatMap(({ record: r }) =>
      r.responsibilities.flatMap((resp) => {
        const duties = resp.duties.length > 0 ? resp.duties : [null];
        return duties.map((duty, n) => [
          documentLabel(r),
          r.source.file,
          resp.agency.name,
          resp.agency.kind === 'group' ? 'nhóm' : 'cơ quan',
          duty === null ? null : n + 1,
          duty,
          deadlineTexts(resp.deadlines),
          earliestDue(resp.deadlines),
          deadlinePeriods(resp.deadlines),
          ...sourceCells(resp.source),
        ]);
      }),
    ),
  };
}

export function warningsTable(records: readonly LoadedRecord[]): Table {
  return {
    name: 'Cảnh báo',
    slug: 'canh-bao',
    columns: [text('Văn bản', 18), text('Tệp', 30), text('Mã', 24), text('Nội dung', 80), ...SOURCE_COLUMNS],
    rows: records.flatMap(({ record: r }) => r.warnings.map((w) => [documentLabel(r), r.source.file, w.code, w.message, ...sourceCells(w.source)])),
  };
}

/**
 * A cell as every output can hold it: control characters that XML (the workbook) cannot carry are
 * dropped — OCR and broken PDF fonts leave some in titles — and an empty text is an empty cell.
 */
export function cleanCell(value: Cell): Cell {
  if (typeof value !== 'string') return value;
  const s = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  return s === '' ? null : s;
}

export function cleanTable(table: Table): Table {
  return { ...table, rows: table.rows.map((row) => row.map(cleanCell)) };
}

/** The five tables of the export, in sheet order. */
export function monitoringTables(records: readonly LoadedRecord[]): Table[] {
  return [documentsTable(records), tasksTable(records), indicatorsTable(records), dutiesTable(records), warningsTable(records)].map(cleanTable);
}

/** The latest document date of the records (the workbook's own date), or the epoch when none has one. */
export function latestDocumentDate(records: readonly LoadedRecord[]): Date {
  let best = 0;
  for (const { record } of records) {
    const d = record.document.date;
    if (!d) continue;
    const [y, m, day] = d.split('-').map(Number) as [number, number?, number?];
    best = Math.max(best, Date.UTC(y, (m ?? 1) - 1, day ?? 1));
  }
  return new Date(best);
}
