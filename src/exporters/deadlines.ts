/**
 * Deadlines as a monitoring officer reads them: the last day by which the work is due (a real date
 * for the spreadsheet), and the period in words. Dates are UTC midnights so a spreadsheet shows the
 * same day wherever it is opened.
 */
import type { Deadline } from '../schema/record.js';

export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** Last day of a month (month 1–12). */
export function lastDay(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 0));
}

/** The last day an ISO date ("2024", "2024-06", "2024-06-30") covers. */
export function isoEnd(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return utcDate(y, 12, 31);
  if (d === undefined) return lastDay(y, m);
  return utcDate(y, m, d);
}

/** The first day an ISO date covers. */
export function isoStart(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number?, number?];
  return utcDate(y, m ?? 1, d ?? 1);
}

/** A full ISO date as a Date; null for a year or year-month. */
export function isoFullDate(iso: string | null): Date | null {
  return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? isoStart(iso) : null;
}

/** The day a dated deadline falls due; null for ongoing and annual ones (they have no single day). */
export function deadlineDue(d: Deadline): Date | null {
  switch (d.kind) {
    case 'date':
      return isoEnd(d.date);
    case 'month':
      return lastDay(d.year, d.month);
    case 'quarter':
      return lastDay(d.year, d.quarter * 3);
    case 'year':
      return utcDate(d.year, 12, 31);
    case 'range':
      return isoEnd(d.to);
    case 'relative':
      return d.date ? isoEnd(d.date) : null;
    default:
      return null;
  }
}

const two = (n: number) => String(n).padStart(2, '0');

/** 2026-05-12 → 12/05/2026 (anything else as it is). */
const vietnameseDay = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('/') : iso);

/** The deadline's period in words (Vietnamese, as a plan would write it). */
export function deadlinePeriod(d: Deadline): string {
  switch (d.kind) {
    case 'ongoing':
      return 'thường xuyên';
    case 'date':
      return vietnameseDay(d.date);
    case 'month':
      return `tháng ${two(d.month)}/${d.year}`;
    case 'quarter':
      return `quý ${['I', 'II', 'III', 'IV'][d.quarter - 1]}/${d.year}`;
    case 'year':
      return `năm ${d.year}`;
    case 'annual':
      return d.month === null ? 'hằng năm' : d.day === null ? `tháng ${two(d.month)} hằng năm` : `${two(d.day)}/${two(d.month)} hằng năm`;
    case 'range':
      return `${d.from} – ${d.to}`;
    case 'recurring': {
      const every = { day: 'hằng ngày', week: 'hằng tuần', month: 'hằng tháng', quarter: 'hằng quý', 'half-year': '6 tháng một lần' }[d.every];
      return d.day === null ? every : `ngày ${two(d.day)} ${every}`;
    }
    case 'relative': {
      const unit = { day: 'ngày', 'working-day': 'ngày làm việc', week: 'tuần', month: 'tháng', year: 'năm' }[d.unit];
      const period = `${two(d.amount)} ${unit} kể từ ${d.event}`;
      return d.date ? `${vietnameseDay(d.date)} (${period})` : period;
    }
  }
}

/** The earliest due day of a list of deadlines; null when none has a day. */
export function earliestDue(deadlines: readonly Deadline[]): Date | null {
  let best: Date | null = null;
  for (const d of deadlines) {
    const due = deadlineDue(d);
    if (due && (!best || due < best)) best = due;
  }
  return best;
}
