/** `plan-extract export` and `plan-extract agenda`: the monitoring tables as a workbook or CSV files, and an agency's agenda. */
import { existsSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { monitoringTables, latestDocumentDate, type Table } from '../exporters/tables.js';
import { tableToCsv } from '../exporters/csv.js';
import { agendaTable, buildAgenda, formatAgenda } from '../exporters/agenda.js';
import { writeFileAtomic } from '../writers/atomic.js';
import { buildReport } from '../exporters/report.js';
import { UsageError } from './convert.js';
import { loadForCommand, parseDay, type RecordCommandOptions } from './records.js';

export type TableFormat = 'xlsx' | 'csv';

/** The format -o asks for: --format when given, else csv for a folder (existing, or ending in /), xlsx for a .xlsx name. */
export function tableFormatFor(out: string, format: TableFormat | undefined): TableFormat {
  if (format) return format;
  if (/[\\/]$/.test(out) || (existsSync(out) && statSync(out).isDirectory())) return 'csv';
  if (extname(out).toLowerCase() === '.xlsx') return 'xlsx';
  if (extname(out).toLowerCase() === '.csv') return 'csv';
  throw new UsageError(`-o ${out}: give a .xlsx file, a .csv file, or a folder for CSV files (or --format)`);
}

/**
 * Writes tables to -o: one workbook, one CSV file (a single table), or a folder of CSV files
 * named after the tables. Checks the target before anything is written.
 */
export async function writeTables(tables: Table[], out: string, format: TableFormat, date: Date): Promise<string[]> {
  if (format === 'xlsx') {
    if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError(`-o ${out} is a folder: give a .xlsx file name`);
    // exceljs costs ~0.4 s to load: only the workbook path pays it
    const { workbookBuffer } = await import('../exporters/workbook.js');
    await writeFileAtomic(out, await workbookBuffer(tables, { date }));
    return [out];
  }
  if (tables.length === 1 && extname(out).toLowerCase() === '.csv') {
    await writeFileAtomic(out, tableToCsv(tables[0]!));
    return [out];
  }
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`-o ${out} is a file: CSV output goes to a folder (one file per table)`);
  const written: string[] = [];
  for (const table of tables) {
    const file = join(out, `${table.slug}.csv`);
    await writeFileAtomic(file, tableToCsv(table));
    written.push(file);
  }
  return written;
}

export interface ExportOptions extends RecordCommandOptions {
  out: string;
  format?: TableFormat;
}

/** Returns the exit code: 0, or 1 when some input failed (the others are still exported). */
export async function exportCommand(args: string[], options: ExportOptions): Promise<number> {
  const format = tableFormatFor(options.out, options.format);
  const { records, failed } = await loadForCommand(args, options);
  if (records.length === 0) return 1;
  const tables = monitoringTables(records);
  const written = await writeTables(tables, options.out, format, latestDocumentDate(records));
  if (!options.quiet) process.stderr.write(`${records.length} record${records.length === 1 ? '' : 's'}: ${tables.map((t) => `${t.rows.length} ${t.name}`).join(', ')} → ${written.length === 1 ? written[0] : options.out}\n`);
  return failed ? 1 : 0;
}

export interface AgendaCommandOptions extends RecordCommandOptions {
  agency: string;
  from?: string;
  until?: string;
  exact: boolean;
  out?: string;
  format?: TableFormat;
}

export async function agendaCommand(args: string[], options: AgendaCommandOptions): Promise<number> {
  const from = options.from ? parseDay(options.from, false) : undefined;
  const until = options.until ? parseDay(options.until, true) : undefined;
  if (from && until && from > until) throw new UsageError(`--from ${options.from} is after --until ${options.until}`);
  const format = options.out ? tableFormatFor(options.out, options.format) : undefined;
  const { records, failed } = await loadForCommand(args, options);
  if (records.length === 0) return 1;
  const agenda = buildAgenda(records, { agency: options.agency, from, until, exact: options.exact });
  if (options.out) {
    await writeTables([agendaTable(agenda)], options.out, format!, latestDocumentDate(records));
    if (!options.quiet) process.stderr.write(`${agenda.agency}: ${agenda.entries.length} entries → ${options.out}\n`);
  } else {
    process.stdout.write(formatAgenda(agenda, process.stdout.columns ?? 120));
  }
  return failed ? 1 : 0;
}

export interface ReportCommandOptions extends RecordCommandOptions {
  out: string;
}

export async function reportCommand(args: string[], options: ReportCommandOptions): Promise<number> {
  if (!/\.html?$/i.test(options.out)) throw new UsageError(`-o ${options.out}: give a .html file name`);
  if (existsSync(options.out) && statSync(options.out).isDirectory()) throw new UsageError(`-o ${options.out} is a folder: give a .html file name`);
  const { records, failed } = await loadForCommand(args, options);
  if (records.length === 0) return 1;
  await writeFileAtomic(options.out, buildReport(records, { out: options.out, date: latestDocumentDate(records) }));
  if (!options.quiet) process.stderr.write(`${records.length} record${records.length === 1 ? '' : 's'} → ${options.out}\n`);
  return failed ? 1 : 0;
}
