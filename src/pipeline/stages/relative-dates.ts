/**
 * Times counted from the plan's own signing ("Sau 03 tháng kể từ ngày ký", "trong vòng 15 ngày kể từ ngày ban hành
 * Kế hoạch này") get their due day from the document's date, so that they can be followed up like any dated
 * deadline. Other events ("ngày lập biên bản") have no day in the document; working days are not counted (the
 * holidays of each year are not known here).
 */
import type { Stage } from '../stage.js';
import type { Deadline } from '../../schema/record.js';
import { skeleton } from '../../text/vietnamese.js';

/** "ngày ký", "ngày ký ban hành (Kế hoạch)", "ngày ban hành Kế hoạch này", on the skeleton. */
const OWN_SIGNING = /^ngay (?:ky|ban hanh)\b/;

/** The ISO day `amount` units after `iso` (calendar months: 31/1 + 1 month is 28/2 or 29/2). */
export function addToDate(iso: string, amount: number, unit: 'day' | 'week' | 'month' | 'year'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (unit === 'day' || unit === 'week') return new Date(Date.UTC(y, m - 1, d + amount * (unit === 'week' ? 7 : 1))).toISOString().slice(0, 10);
  const months = (m - 1) + amount * (unit === 'year' ? 12 : 1);
  const year = y + Math.floor(months / 12);
  const month = months % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

function dated(d: Deadline, signed: string): Deadline {
  if (d.kind !== 'relative' || d.unit === 'working-day' || !OWN_SIGNING.test(skeleton(d.event))) return d;
  return { ...d, date: addToDate(signed, d.amount, d.unit) };
}

export const relativeDatesStage: Stage = {
  name: 'relative-dates',
  run(_doc, draft) {
    const signed = draft.document.date;
    if (!signed || !/^\d{4}-\d{2}-\d{2}$/.test(signed)) return;
    for (const t of draft.tasks) t.deadlines = t.deadlines.map((d) => dated(d, signed));
    for (const r of draft.responsibilities) r.deadlines = r.deadlines.map((d) => dated(d, signed));
  },
};
