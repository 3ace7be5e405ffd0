/**
 * Tables to CSV: RFC 4180 (comma-separated, CRLF line ends, a field quoted when it holds a comma,
 * a quote or a line break, quotes doubled), UTF-8 with a byte-order mark so Excel reads the
 * Vietnamese correctly. Dates are written ISO (2024-06-30), empty cells as empty fields.
 */
import type { Cell, Table } from './tables.js';

export const BOM = '\uFEFF';

export function csvField(value: Cell): string {
  if (value === null) return '';
  const s = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tableToCsv(table: Table): string {
  const lines = [table.columns.map((c) => csvField(c.header)), ...table.rows.map((row) => row.map(csvField))];
  return BOM + lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}
