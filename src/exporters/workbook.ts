/**
 * Tables to an .xlsx workbook with exceljs: one sheet per table, header row frozen and bold,
 * autofilter over the data, column widths from the table model, dates as real Excel dates.
 *
 * Determinism: the workbook's created/modified dates come from the records (the latest document
 * date), and the zip is packed again with fflate with a fixed time on every entry — exceljs (JSZip)
 * would stamp each entry with the current time, so the same records would give different bytes.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { Table } from './tables.js';

export interface WorkbookOptions {
  /** The workbook's created and modified date (and the zip entries' time). */
  date: Date;
}

const DATE_FORMAT = 'dd/mm/yyyy';

export function buildWorkbook(tables: readonly Table[], options: WorkbookOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'plan-extract';
  wb.lastModifiedBy = 'plan-extract';
  wb.created = options.date;
  wb.modified = options.date;
  for (const table of tables) {
    const ws = wb.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    ws.columns = table.columns.map((c) => ({
      header: c.header,
      width: c.width,
      style: c.kind === 'date' ? { numFmt: DATE_FORMAT } : c.kind === 'text' ? { alignment: { wrapText: false, vertical: 'top' } } : {},
    }));
    for (const row of table.rows) ws.addRow(row.map((v) => (v === null ? null : v)));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, table.rows.length + 1), column: table.columns.length } };
  }
  return wb;
}

/** Repacks a zip with every entry stamped with one time, in the order the entries stood. */
function repack(zip: Uint8Array, date: Date): Uint8Array {
  const files = unzipSync(zip);
  const out: Zippable = {};
  // DOS times start in 1980: an earlier date (records without one) is clamped there.
  const mtime = date.getTime() < Date.UTC(1980, 0, 2) ? new Date(Date.UTC(1980, 0, 2)) : date;
  for (const [name, data] of Object.entries(files)) out[name] = [data, { mtime, level: 6 }];
  return zipSync(out);
}

export async function workbookBuffer(tables: readonly Table[], options: WorkbookOptions): Promise<Buffer> {
  const raw = await buildWorkbook(tables, options).xlsx.writeBuffer();
  return Buffer.from(repack(new Uint8Array(raw as ArrayBuffer), options.date));
}
