/**
 * An agency's agenda across plans: the tasks it leads or supports and the duties assigned to it,
 * with their deadlines resolved into a period and ordered by date.
 *
 * - Dated deadlines (a day, a month, a quarter, a year, a range) give one entry on their last day;
 *   a range is kept when it overlaps the period.
 * - Annual deadlines with a day or month ("trước ngày 10/12 hằng năm") give one entry per year of
 *   the period (from the plan's own year on).
 * - Ongoing deadlines ("thường xuyên", "hằng năm" without a date) are listed first, once, as
 *   "thường xuyên": they apply to the whole period, so they head the agenda instead of repeating.
 * - Items that state no deadline are listed last, as "không nêu thời hạn": an officer still owes them.
 *
 * The agency is matched through the agency registry (abbreviations, old and new names resolve to one
 * canonical name; a level suffix such as "tỉnh Lai Châu" is allowed after it). The same sector's body
 * at the other local level — the Phòng of a district plan for a Sở — is listed too, marked
 * "cùng ngành", because it carries the same line of work down the administration; `exact` drops it.
 * A body merged into the agency (the registry's `successor`: "Sở LĐTB&XH" → "Sở Nội vụ" in 2025) is
 * listed as "tiền thân": its duties in older plans passed to the agency asked for.
 */
import type { Agency, Deadline, PlanRecord, SourceRef } from '../schema/record.js';
import { AgencyRegistry } from '../facts/agencies.js';
import { skeleton } from '../text/vietnamese.js';
import { deadlineDue, deadlinePeriod, isoEnd, isoStart, lastDay, utcDate } from './deadlines.js';
import { cleanTable, documentLabel, type Cell, type Table } from './tables.js';
import type { LoadedRecord } from './load.js';

export type AgendaRole = 'chủ trì' | 'phối hợp' | 'được giao';
export type AgendaMatch = 'đúng cơ quan' | 'tiền thân' | 'cùng ngành';
/** Where an entry stands: ongoing at the top, dated in date order, without a deadline at the end. */
export type AgendaBand = 'ongoing' | 'dated' | 'none';

export interface AgendaEntry {
  band: AgendaBand;
  due: Date | null;
  period: string;
  deadlineText: string;
  role: AgendaRole;
  match: AgendaMatch;
  /** The agency as the record names it. */
  agency: string;
  document: string;
  file: string;
  item: 'nhiệm vụ' | 'trách nhiệm';
  id: string;
  text: string;
  source: SourceRef;
}

export interface AgendaOptions {
  agency: string;
  from?: Date;
  until?: Date;
  /** Only the agency itself, not the same sector's body at the other level. */
  exact?: boolean;
  registry?: AgencyRegistry;
}

export interface Agenda {
  /** The agency's canonical name, as the registry gives it (or the query when the registry does not know it). */
  agency: string;
  known: boolean;
  from: Date;
  until: Date;
  entries: AgendaEntry[];
}

const UNIT_WORDS = ['tinh', 'huyen', 'thanh pho', 'thi xa', 'quan', 'xa', 'phuong', 'thi tran', 'dac khu'];
/** Leading words that say a body's level; the rest of the name says its sector. */
const LEVEL_WORDS = ['so', 'phong'];

function key(name: string): string {
  return skeleton(name)
    .replace(/[^a-z0-9& ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Matches record agencies against one query agency. */
export class AgencyMatcher {
  readonly name: string;
  readonly known: boolean;
  private readonly target: string;
  private readonly sector: string | null;

  constructor(
    query: string,
    private readonly registry: AgencyRegistry,
    private readonly exact = false,
  ) {
    const found = registry.lookup(query);
    this.known = found !== null && found.kind === 'agency';
    this.name = this.known ? found!.name : registry.expand(query.trim());
    this.target = key(this.name);
    this.sector = sectorOf(this.target);
  }

  /** The canonical key of an agency of a record: through the registry when the registry knows the name. */
  private canonical(a: Agency): string {
    const again = this.registry.lookup(a.name);
    return key(again && again.kind === 'agency' ? again.name : a.name);
  }

  match(a: Agency): AgendaMatch | null {
    if (a.kind !== 'agency') return null;
    const k = this.canonical(a);
    if (withLevel(k, this.target)) return 'đúng cơ quan';
    if (this.mergedInto(a)) return 'tiền thân';
    if (this.exact || this.sector === null) return null;
    const s = sectorOf(k);
    return s !== null && withLevel(s, this.sector) ? 'cùng ngành' : null;
  }

  /** Whether the agency was merged into the one asked for (following successors, a few steps). */
  private mergedInto(a: Agency): boolean {
    let validity = this.registry.validity(a);
    for (let step = 0; step < 4 && validity?.successor; step++) {
      if (key(validity.successor) === this.target) return true;
      validity = this.registry.validity({ name: validity.successor, raw: validity.successor, kind: 'agency', known: true });
    }
    return false;
  }
}

/** The name itself, or the name followed by a level ("sở y tế tỉnh lai châu" for "sở y tế"). */
function withLevel(k: string, base: string): boolean {
  if (k === base) return true;
  if (!k.startsWith(base + ' ')) return false;
  const rest = k.slice(base.length + 1);
  return UNIT_WORDS.some((u) => rest === u || rest.startsWith(u + ' '));
}

function sectorOf(k: string): string | null {
  const [first, ...rest] = k.split(' ');
  return first && LEVEL_WORDS.includes(first) && rest.length > 0 ? rest.join(' ') : null;
}

/** The default period: from the start of the earliest plan's year to the end of the latest year any deadline or plan names. */
function defaultPeriod(records: readonly PlanRecord[]): { from: Date; until: Date } {
  let minYear = Infinity;
  let maxYear = -Infinity;
  const see = (y: number) => {
    minYear = Math.min(minYear, y);
    maxYear = Math.max(maxYear, y);
  };
  for (const r of records) {
    if (r.document.date) see(Number(r.document.date.slice(0, 4)));
    for (const d of [...r.tasks.flatMap((t) => t.deadlines), ...r.responsibilities.flatMap((x) => x.deadlines)]) {
      const due = deadlineDue(d);
      if (due) maxYear = Math.max(maxYear, due.getUTCFullYear());
    }
  }
  if (!Number.isFinite(minYear)) minYear = Number.isFinite(maxYear) ? maxYear : new Date(0).getUTCFullYear();
  if (!Number.isFinite(maxYear)) maxYear = minYear;
  return { from: utcDate(minYear, 1, 1), until: utcDate(maxYear, 12, 31) };
}

interface Item {
  record: PlanRecord;
  kind: AgendaEntry['item'];
  id: string;
  text: string;
  role: AgendaRole;
  match: AgendaMatch;
  agency: string;
  deadlines: readonly Deadline[];
  source: SourceRef;
}

function resolve(item: Item, from: Date, until: Date): AgendaEntry[] {
  const base = {
    role: item.role,
    match: item.match,
    agency: item.agency,
    document: documentLabel(item.record),
    file: item.record.source.file,
    item: item.kind,
    id: item.id,
    text: item.text,
    source: item.source,
  };
  if (item.deadlines.length === 0) return [{ ...base, band: 'none', due: null, period: 'không nêu thời hạn', deadlineText: '' }];
  const planYear = item.record.document.date ? Number(item.record.document.date.slice(0, 4)) : from.getUTCFullYear();
  const out: AgendaEntry[] = [];
  for (const d of item.deadlines) {
    // A time counted from an event ("15 ngày kể từ ngày lập biên bản") has no day of its own, unless the event is the
    // plan's signing (relative-dates.ts): listed with the undated ones.
    if (d.kind === 'ongoing' || d.kind === 'recurring' || (d.kind === 'relative' && !d.date) || (d.kind === 'annual' && d.month === null)) {
      out.push({ ...base, band: 'ongoing', due: null, period: deadlinePeriod(d), deadlineText: d.text });
    } else if (d.kind === 'annual') {
      for (let y = Math.max(from.getUTCFullYear(), planYear); y <= until.getUTCFullYear(); y++) {
        const due = d.day === null ? lastDay(y, d.month!) : utcDate(y, d.month!, Math.min(d.day, lastDay(y, d.month!).getUTCDate()));
        if (due >= from && due <= until) out.push({ ...base, band: 'dated', due, period: deadlinePeriod({ kind: 'date', text: d.text, date: due.toISOString().slice(0, 10) }), deadlineText: d.text });
      }
    } else {
      const due = deadlineDue(d)!;
      const start = d.kind === 'range' ? isoStart(d.from) : due;
      const inPeriod = d.kind === 'range' ? start <= until && isoEnd(d.to) >= from : due >= from && due <= until;
      if (inPeriod) out.push({ ...base, band: 'dated', due, period: deadlinePeriod(d), deadlineText: d.text });
    }
  }
  return out;
}

const BAND_ORDER: Record<AgendaBand, number> = { ongoing: 0, dated: 1, none: 2 };

export function buildAgenda(records: readonly LoadedRecord[], options: AgendaOptions): Agenda {
  const registry = options.registry ?? AgencyRegistry.load();
  const matcher = new AgencyMatcher(options.agency, registry, options.exact);
  const plans = records.map((r) => r.record);
  const period = defaultPeriod(plans);
  const from = options.from ?? period.from;
  const until = options.until ?? period.until;
  const items: Item[] = [];
  for (const record of plans) {
    for (const t of record.tasks) {
      const roles: [AgendaRole, Agency[]][] = [
        ['chủ trì', t.lead],
        ['phối hợp', t.support],
      ];
      for (const [role, list] of roles) {
        const hit = list.map((a) => [a, matcher.match(a)] as const).find(([, m]) => m !== null);
        if (hit) {
          items.push({ record, kind: 'nhiệm vụ', id: t.id, text: t.title, role, match: hit[1]!, agency: hit[0].name, deadlines: t.deadlines, source: t.source });
          break; // a task listed under both roles counts once, as its lead
        }
      }
    }
    for (const resp of record.responsibilities) {
      const m = matcher.match(resp.agency);
      if (!m) continue;
      items.push({ record, kind: 'trách nhiệm', id: resp.agency.name, text: resp.duties.join(' ') || resp.agency.name, role: 'được giao', match: m, agency: resp.agency.name, deadlines: resp.deadlines, source: resp.source });
    }
  }
  const entries = items.flatMap((item, order) => resolve(item, from, until).map((e) => ({ e, order })));
  entries.sort((a, b) => BAND_ORDER[a.e.band] - BAND_ORDER[b.e.band] || (a.e.due?.getTime() ?? 0) - (b.e.due?.getTime() ?? 0) || a.order - b.order);
  return { agency: matcher.name, known: matcher.known, from, until, entries: entries.map((x) => x.e) };
}

export function agendaTable(agenda: Agenda): Table {
  return cleanTable({
    name: 'Lịch công việc',
    slug: 'lich-cong-viec',
    columns: [
      { header: 'Hạn', kind: 'date', width: 12 },
      { header: 'Kỳ hạn', kind: 'text', width: 20 },
      { header: 'Thời hạn (văn bản)', kind: 'text', width: 30 },
      { header: 'Vai trò', kind: 'text', width: 10 },
      { header: 'Khớp', kind: 'text', width: 12 },
      { header: 'Cơ quan (trong văn bản)', kind: 'text', width: 36 },
      { header: 'Văn bản', kind: 'text', width: 18 },
      { header: 'Tệp', kind: 'text', width: 30 },
      { header: 'Loại', kind: 'text', width: 12 },
      { header: 'Mã', kind: 'text', width: 10 },
      { header: 'Nội dung', kind: 'text', width: 70 },
      { header: 'Trang', kind: 'int', width: 7 },
      { header: 'Dòng', kind: 'int', width: 7 },
    ],
    rows: agenda.entries.map((e): Cell[] => [e.due, e.period, e.deadlineText, e.role, e.match, e.agency, e.document, e.file, e.item, e.item === 'nhiệm vụ' ? e.id : null, e.text, e.source.page, e.source.line]),
  });
}

/** The agenda as a plain-text table for the terminal (fixed-width columns, long text cut with "…"). */
export function formatAgenda(agenda: Agenda, width = 120): string {
  const day = (d: Date) => d.toISOString().slice(0, 10).split('-').reverse().join('/');
  const head = `${agenda.agency}${agenda.known ? '' : ' (không có trong danh mục cơ quan)'} — ${day(agenda.from)} đến ${day(agenda.until)}: ${agenda.entries.length} mục\n`;
  if (agenda.entries.length === 0) return head;
  const rows = agenda.entries.map((e) => [e.period, e.role + (e.match === 'cùng ngành' ? '*' : e.match === 'tiền thân' ? '†' : ''), e.document, e.item === 'nhiệm vụ' ? e.id : 'TN', e.text, `${e.source.page !== null ? `tr.${e.source.page} ` : ''}d.${e.source.line}`]);
  const headers = ['Hạn', 'Vai trò', 'Văn bản', 'Mã', 'Nội dung', 'Nguồn'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fixed = widths.reduce((s, w, i) => (i === 4 ? s : s + w), 0) + 2 * (headers.length - 1);
  widths[4] = Math.max(20, Math.min(widths[4]!, width - fixed));
  const cut = (s: string, w: number) => (s.length > w ? s.slice(0, w - 1) + '…' : s.padEnd(w));
  const line = (cells: string[]) => cells.map((c, i) => cut(c, widths[i]!)).join('  ').trimEnd();
  const out = [head, line(headers), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows) out.push(line(r));
  if (agenda.entries.some((e) => e.match !== 'đúng cơ quan')) out.push('');
  if (agenda.entries.some((e) => e.match === 'tiền thân')) out.push('† cơ quan tiền thân, đã hợp nhất vào cơ quan này');
  if (agenda.entries.some((e) => e.match === 'cùng ngành')) out.push('* cơ quan cùng ngành ở cấp khác (Phòng của huyện cho Sở của tỉnh); --exact để bỏ');
  return out.join('\n') + '\n';
}
