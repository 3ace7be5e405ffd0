/**
 * Deadlines as plans write them: "Thường xuyên", "trước ngày 10/12 hằng năm",
 * "hoàn thành tháng 6/2024", "Quý III/2024", "trong năm 2024", "giai đoạn
 * 2024-2025", "đến năm 2030", "ngày 30/6/2024". Matching runs on the skeleton
 * (same length as the text), so damaged marks ("thang", "hang nam") still match
 * and offsets point into the text as written.
 *
 * Dates that belong to cited documents ("Nghị quyết số 42-NQ/TW ngày 24/11/2023")
 * are masked first: they are not deadlines.
 */
import type { Deadline } from '../schema/record.js';
import { skeleton } from '../text/vietnamese.js';
import { smallRoman } from './numbers.js';

export interface DeadlineOptions {
  /**
   * Strict: only time expressions introduced as deadlines ("hoàn thành …",
   * "trước …", "trong tháng …", a day/month without year, "Thường xuyên" as a
   * value, "định kỳ … hằng năm"); bare years in prose ("phấn đấu đến năm 2025")
   * are then targets' years, not deadlines. Use it on task and duty prose; use
   * the default on the value of a "Thời gian thực hiện:" line.
   */
  strict?: boolean;
}

interface Hit {
  start: number;
  end: number;
  deadline: Deadline;
  priority: number;
}

const Y = String.raw`((?:19|20)\d{2})`;
const SEP = String.raw`\s*[\/.-]\s*`;
/**
 * "trước" as English OCR leaves it when the repair could not place it ("trudc", "truéc", "trudge",
 * "true"): the cue of most deadlines, so its damaged forms count too.
 */
const TRUOC = String.raw`tru(?:oc|dc|ec|dge|de|e)`;
/** Cue words that make a time expression a deadline, as they end the text before it. */
const CUE_BEFORE = new RegExp(String.raw`(?:^|[\s(,:;])((?:(?:hoan thanh|hoan tat|xong|${TRUOC}|trong|vao|cham nhat|ket thuc|den het|den|tu|cuoi)\s*,?\s*)+)$`);
/** "Thời gian thực hiện: …" before a time expression in prose. */
const TIME_LABEL_BEFORE = /thoi (?:gian|han)[^.;:]{0,25}:\s*$|thoi (?:gian|han)(?: thuc hien| hoan thanh| trien khai)?\s*$/;
const STRICT_CUES = new RegExp(String.raw`hoan thanh|hoan tat|xong|${TRUOC}|trong|vao|cham nhat|ket thuc|den het|thoi gian`);
/** A bare year after "vào"/"đến" is a target's year ("đạt 80% vào năm 2025"), not a deadline. */
const STRICT_YEAR_CUES = new RegExp(String.raw`hoan thanh|hoan tat|xong|${TRUOC}|trong|cham nhat|ket thuc|den het|thoi gian`);

/** Masks the dates of cited documents ("số 42-NQ/TW ngày 24/11/2023") with spaces. */
export function maskCitedDates(skel: string): string {
  const re = new RegExp(
    String.raw`(?:\bso\s*[:.]?\s*\d[\w\/&.-]*|\d+\s*[-\/]\s*[a-z]{1,6}[\/-][a-z0-9-]{1,8}|\d+\/\d{4}\/[a-z0-9-]{2,10})\s*,?\s*(?:cua\s+[a-z ]{2,40}?\s*)?ngay\s*\d{1,2}(?:${SEP}\d{1,2}${SEP}\d{4}|\s*thang\s*\d{1,2}\s*nam\s*\d{4})`,
    'g',
  );
  return skel.replace(re, (m) => {
    const at = m.lastIndexOf('ngay');
    return m.slice(0, at) + ' '.repeat(m.length - at);
  });
}

function validYear(y: number): boolean {
  return y >= 1990 && y <= 2100;
}

function isoDay(y: number, m: number, d: number): string | null {
  if (!validYear(y) || m < 1 || m > 12) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > last) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function validDayMonth(d: number, m: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** All deadlines a text states, in the order they stand, without duplicates. */
export function parseDeadlines(text: string, options: DeadlineOptions = {}): Deadline[] {
  const original = text;
  const skel = maskCitedDates(skeleton(text));
  const hits: Hit[] = [];
  const add = (start: number, end: number, priority: number, make: (t: string) => Deadline | null) => {
    const d = make(squeezeText(original.slice(start, end)));
    if (d) hits.push({ start, end, deadline: d, priority });
  };
  const each = (re: RegExp, fn: (m: RegExpExecArray) => void) => {
    re.lastIndex = 0;
    for (let m = re.exec(skel); m; m = re.exec(skel)) fn(m);
  };
  const ANNUAL_AFTER = String.raw`(?:\s*(?:\(|,)?\s*(?:cua\s+)?h[a-z]ng\s+n[a-z]m\b)`;

  // Ranges of months or days in one year: "từ tháng 01 đến tháng 4/2026", "tháng 01 - 4/2026", "từ tháng 10/2025
  // đến tháng 3/2026", "từ ngày 01/3 đến ngày 30/4/2026": the year written once, at the end, holds for both ends.
  const MO = String.raw`(\d{1,2})`;
  each(new RegExp(String.raw`(?:tu\s*)?thang\s*${MO}(?:${SEP}${Y})?\s*(?:-|\?|den|toi)\s*(?:het\s*)?(?:thang\s*)?${MO}\s*(?:[\/.-]|nam)\s*${Y}\b`, 'g'), (m) =>
    add(m.index, m.index + m[0].length, 0, (t) => {
      const m1 = Number(m[1]);
      const m2 = Number(m[3]);
      const y2 = Number(m[4]);
      const y1 = m[2] ? Number(m[2]) : m1 <= m2 ? y2 : y2 - 1;
      if (!dashesOnly(t)) return null;
      if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12 || !validYear(y1) || y1 > y2 || (y1 === y2 && m1 >= m2)) return null;
      return { text: t, kind: 'range', from: `${y1}-${String(m1).padStart(2, '0')}`, to: `${y2}-${String(m2).padStart(2, '0')}` };
    }),
  );
  each(new RegExp(String.raw`(?:tu\s*)?ngay\s*(\d{1,2})${SEP}(\d{1,2})(?:${SEP}${Y})?\s*(?:-|\?|den|toi)\s*(?:het\s*)?(?:ngay\s*)?(\d{1,2})${SEP}(\d{1,2})${SEP}${Y}\b`, 'g'), (m) =>
    add(m.index, m.index + m[0].length, 0, (t) => {
      if (!dashesOnly(t)) return null;
      const y2 = Number(m[6]);
      const y1 = m[3] ? Number(m[3]) : y2;
      const from = isoDay(y1, Number(m[2]), Number(m[1]));
      const to = isoDay(y2, Number(m[5]), Number(m[4]));
      return from && to && from < to ? { text: t, kind: 'range', from, to } : null;
    }),
  );
  // Halves of a year: "6 tháng đầu năm 2026" (January to June), "6 tháng cuối năm 2026" (July to December).
  each(new RegExp(String.raw`(?:0?6|sau)\s+thang\s+(dau|cuoi)\s+nam\s*${Y}\b`, 'g'), (m) =>
    add(m.index, m.index + m[0].length, 0, (t) => {
      const y = Number(m[2]);
      if (!validYear(y)) return null;
      return m[1] === 'dau' ? { text: t, kind: 'range', from: `${y}-01`, to: `${y}-06` } : { text: t, kind: 'range', from: `${y}-07`, to: `${y}-12` };
    }),
  );
  // Recurring within the year: "trước ngày 25 hằng tháng", "ngày 05 của tháng liền kề", "hằng quý", "hằng tuần".
  const EVERY = String.raw`(?:h[a-z]ng|moi|cac)\s+(thang|quy|tuan)\b|(?:cua\s+)?thang\s+(?:lien ke|ke tiep|sau)\b`;
  each(new RegExp(String.raw`(?:${TRUOC}\s+)?ngay\s*(\d{1,2})\s*(?:,\s*)?(?:cua\s+)?(?:${EVERY})`, 'g'), (m) =>
    add(m.index, m.index + m[0].length, 2, (t) => {
      const d = Number(m[1]);
      if (d < 1 || d > 31 || (m[2] && m[2] !== 'thang')) return null;
      return { text: t, kind: 'recurring', every: 'month', day: d };
    }),
  );
  // "Định kỳ 6 tháng" (every half-year), "định kỳ 03 tháng" (every quarter): a period after "định kỳ" recurs; "6 tháng
  // đầu năm" is a half of one year (above).
  each(/(?:dinh ky\s+)?(?:h[a-z]ng|moi)\s+(thang|quy|tuan|ngay)\b|(?:dinh ky\s+)?(?:06|6|sau) thang (?:mot lan|1 lan)|dinh ky\s+(?:(0?6|sau)|(0?3|ba)) thang\b(?!\s+(?:dau|cuoi)\b)/g, (m) =>
    add(m.index, m.index + m[0].length, 6, (t) => ({
      text: t,
      kind: 'recurring',
      every: m[1] === 'thang' ? 'month' : m[1] === 'quy' || m[3] ? 'quarter' : m[1] === 'tuan' ? 'week' : m[1] === 'ngay' ? 'day' : 'half-year',
      day: null,
    })),
  );
  // Counted from an event: "Sau 03 tháng kể từ ngày ký ban hành Kế hoạch", "trong vòng 15 ngày kể từ ngày lập biên
  // bản", "trong thời hạn 05 ngày làm việc kể từ …", "trong 30 ngày sau khi Kế hoạch được ban hành". The event runs to
  // the end of its clause (at most 12 words); with no event named ("sau 6 tháng triển khai") nothing is read.
  each(/(?:sau|trong(?:\s+vong|\s+thoi han)?|cham nhat(?:\s+la)?|khong qua|toi da)\s+(\d{1,3})\s+(ngay lam viec|ngay|tuan|thang|nam)\s*,?\s+(?:ke tu|tinh tu|sau khi|ke tu khi)\s+/g, (m) => {
    const from = m.index + m[0].length;
    const clause = /^[^.;:()\n]*?(?=\s*(?:[.;:()\n]|,\s|\s(?:thoi gian|hoan thanh|bao cao)\b|$))/.exec(skel.slice(from));
    const words = clause ? clause[0].trim().split(/\s+/).filter(Boolean) : [];
    const amount = Number(m[1]);
    if (words.length === 0 || words.length > 12 || amount === 0) return;
    const end = from + clause![0].replace(/\s+$/, '').length;
    const unit = ({ 'ngay lam viec': 'working-day', ngay: 'day', tuan: 'week', thang: 'month', nam: 'year' } as const)[m[2] as 'ngay'];
    add(m.index, end, 0, (t) => ({ text: t, kind: 'relative', amount, unit, event: squeezeText(original.slice(from, end)) }));
  });
  // Full dates: "ngày 30/6/2024", "ngày 30 tháng 6 năm 2024", "30/6/2024".
  each(new RegExp(String.raw`(?:ngay\s*)?\b(\d{1,2})${SEP}(\d{1,2})${SEP}${Y}\b`, 'g'), (m) =>
    add(m.index, m.index + m[0].length, 1, (t) => {
      const iso = isoDay(Number(m[3]), Number(m[2]), Number(m[1]));
      return iso ? { text: t, kind: 'date', date: iso } : null;
    }),
  );
  each(new RegExp(String.raw`ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam\s*|${SEP})${Y}\b`, 'g'), (m) =>
    add(m.index, m.index + m[0].length, 1, (t) => {
      const iso = isoDay(Number(m[3]), Number(m[2]), Number(m[1]));
      return iso ? { text: t, kind: 'date', date: iso } : null;
    }),
  );
  // Day and month without a year: "trước ngày 10/12 hằng năm", "trước ngày 15/11".
  each(new RegExp(String.raw`(?:ngay\s*|(?<=${TRUOC}\s))(\d{1,2})\s*(?:[\/.-]|\s+thang\s+)\s*(\d{1,2})\b(?!\s*(?:[\/.-]|\s+nam\s+)\s*\d)(${ANNUAL_AFTER})?`, 'g'), (m) =>
    add(m.index, m.index + m[0].length, 2, (t) => {
      const d = Number(m[1]);
      const mo = Number(m[2]);
      return validDayMonth(d, mo) ? { text: t, kind: 'annual', month: mo, day: d } : null;
    }),
  );
  // A day and month that "hằng năm" follows, with no cue before it: "nhân ngày Doanh nhân Việt Nam 13/10 hằng năm".
  each(new RegExp(String.raw`\b(\d{1,2})\s*\/\s*(\d{1,2})${ANNUAL_AFTER}`, 'g'), (m) =>
    add(m.index, m.index + m[0].length, 2, (t) => {
      const d = Number(m[1]);
      const mo = Number(m[2]);
      return validDayMonth(d, mo) ? { text: t, kind: 'annual', month: mo, day: d } : null;
    }),
  );
  // "tháng 12 hằng năm".
  each(new RegExp(String.raw`thang\s*(\d{1,2})${ANNUAL_AFTER}`, 'g'), (m) =>
    add(m.index, m.index + m[0].length, 2, (t) => {
      const mo = Number(m[1]);
      return mo >= 1 && mo <= 12 ? { text: t, kind: 'annual', month: mo, day: null } : null;
    }),
  );
  // Months: "tháng 6/2024", "tháng 6 năm 2024".
  each(new RegExp(String.raw`thang\s*(\d{1,2})\s*(?:[\/.-]|nam)\s*${Y}\b`, 'g'), (m) =>
    add(m.index, m.index + m[0].length, 3, (t) => {
      const mo = Number(m[1]);
      return mo >= 1 && mo <= 12 ? { text: t, kind: 'month', year: Number(m[2]), month: mo } : null;
    }),
  );
  // Quarters: "Quý III/2024", "quý 3 năm 2024", and numerals OCR read as digits or l ("Quy 111/2026", "Quy 1V").
  each(new RegExp(String.raw`quy\s*([1-4]|[ivl1|]{1,3}v?)\s*(?:[\/.-]|,?\s*nam)\s*${Y}\b`, 'g'), (m) =>
    add(m.index, m.index + m[0].length, 3, (t) => {
      const q = /^[1-4]$/.test(m[1]!) ? Number(m[1]) : smallRoman(m[1]!.replace(/[l1|]/g, 'i'));
      return q && q >= 1 && q <= 4 ? { text: t, kind: 'quarter', year: Number(m[2]), quarter: q } : null;
    }),
  );
  // Ranges: "giai đoạn 2024-2025", "2021 - 2025", "từ năm 2024 đến năm 2025".
  each(new RegExp(String.raw`(?:(?:giai doan|thoi ky|tu nam|tu|nam)\s*)?\b${Y}\s*(?:-|\?|den|toi)\s*(?:nam\s*)?${Y}\b`, 'g'), (m) =>
    add(m.index, m.index + m[0].length, 4, (t) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (!dashesOnly(original.slice(m.index, m.index + m[0].length))) return null;
      return b > a && b - a <= 30 ? { text: t, kind: 'range', from: String(a), to: String(b) } : null;
    }),
  );
  // Years: "trong năm 2024", "năm 2025", "đến năm 2030".
  each(new RegExp(String.raw`nam\s*${Y}\b`, 'g'), (m) => add(m.index, m.index + m[0].length, 5, (t) => ({ text: t, kind: 'year', year: Number(m[1]) })));
  // Ongoing: "Thường xuyên", "hằng năm" / "hàng năm" without a date.
  each(/th[a-z]{2,4}g xuy[a-z]n|(?:dinh ky\s+)?h[a-z]ng\s+n[a-z]m\b/g, (m) => add(m.index, m.index + m[0].length, 6, (t) => ({ text: t, kind: 'ongoing' })));

  // Keep the best hit where hits overlap.
  hits.sort((a, b) => a.priority - b.priority || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of hits) {
    if (kept.some((k) => h.start < k.end && k.start < h.end)) continue;
    kept.push(h);
  }
  kept.sort((a, b) => a.start - b.start);

  const out: Deadline[] = [];
  const hasAnnual = kept.some((h) => h.deadline.kind === 'annual');
  for (const h of kept) {
    const before = skel.slice(Math.max(0, h.start - 40), h.start);
    const cue = CUE_BEFORE.exec(before);
    if (h.deadline.kind === 'ongoing' || (h.deadline.kind === 'recurring' && h.deadline.day === null)) {
      // "hằng năm" is the recurrence of a dated annual deadline when one stands in the same text.
      if (hasAnnual && /n[a-z]m$/.test(skel.slice(h.start, h.end))) continue;
      if (options.strict && !ongoingIsDeadline(skel, h)) continue;
    } else if (options.strict && h.deadline.kind !== 'annual' && h.deadline.kind !== 'recurring' && h.deadline.kind !== 'relative') {
      // "(từ ngày 20/4 đến ngày 26/4/2026)", "từ tháng 3 đến tháng 5/2026": a span of days or months says when by itself.
      const span = h.deadline.kind === 'range' && /^tu\s*(?:ngay|thang)\b/.test(skel.slice(h.start, h.end));
      const cued = span || (cue && (h.deadline.kind === 'year' ? STRICT_YEAR_CUES : STRICT_CUES).test(cue[1]!)) || TIME_LABEL_BEFORE.test(before);
      if (!cued) continue;
    }
    // The text includes the cue ("hoàn thành tháng 6/2024", "trước ngày 10/12 hằng năm").
    if (cue && h.deadline.kind !== 'ongoing' && h.deadline.kind !== 'relative' && !(h.deadline.kind === 'recurring' && h.deadline.day === null)) {
      const start = h.start - cue[1]!.length;
      h.deadline.text = squeezeText(original.slice(start, h.end));
    }
    out.push(h.deadline);
  }
  return dedupe(out);
}

/** In prose, "thường xuyên" is a deadline when it stands alone as a value; "hằng năm" when it times a report. */
function ongoingIsDeadline(skel: string, h: Hit): boolean {
  const word = skel.slice(h.start, h.end);
  const after = skel.slice(h.end, h.end + 3);
  const before = skel.slice(Math.max(0, h.start - 30), h.start);
  if (word.startsWith('th')) {
    return /^\s*([.;,)]|$)/.test(after) || /(^|[:;(]|thoi gian[^.;]*)\s*$/.test(before) || /^\s*$/.test(before);
  }
  if (word.startsWith('dinh ky')) return true;
  // "…; thực hiện hằng năm.", "(tổ chức hằng năm)": the clause says when the work is done and nothing else.
  if (/^\s*([.;)]|$)/.test(after) && /(?:^|[:;(]|thoi gian[^.;]*|(?:^|[;(,]\s*)(?:thuc hien|trien khai|to chuc))\s*$/.test(before)) return true;
  const clauseStart = Math.max(skel.lastIndexOf('.', h.start), skel.lastIndexOf(';', h.start));
  const clauseEnd = (() => {
    const rest = skel.slice(h.end);
    const m = /[.;]/.exec(rest);
    return m ? h.end + m.index : skel.length;
  })();
  return /bao cao|dinh ky|so ket|tong ket/.test(skel.slice(clauseStart + 1, clauseEnd));
}

/**
 * The skeleton writes every mark-less non-ASCII character as "?": a range read through "?" must have a dash there
 * (an en or em dash, "2026–2030"), not any other symbol.
 */
function dashesOnly(text: string): boolean {
  return !/[^\p{L}\p{N}\p{M}\s\/.,:()\-–—]/u.test(text);
}

function squeezeText(s: string): string {
  return s.replace(/\s+/g, ' ').trim().replace(/^[(,:;\s]+|[),;:\s]+$/g, '');
}

function dedupe(list: Deadline[]): Deadline[] {
  const seen = new Set<string>();
  const out: Deadline[] = [];
  for (const d of list) {
    const { text: _t, ...rest } = d;
    void _t;
    const key = JSON.stringify(rest);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
