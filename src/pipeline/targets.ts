/**
 * Numeric targets in prose: "tỷ lệ lao động qua đào tạo toàn tỉnh đạt 62,8%",
 * "còn dưới 12%", "gần 60.000 lao động", "giảm từ 60 đến 65%", "có 20%, năm 2030
 * có 25% lực lượng lao động…". A target is a number with a unit; its comparator
 * comes from the words before it (dưới → <, không quá → <=, trên → >, ít nhất →
 * >=, đạt/là → =, khoảng/gần → ~), its year from "vào năm 2025" after it, else
 * the nearest "năm 2025" before it in the sentence, else the heading's year.
 * Not targets: dates, years, document numbers, levels ("mức độ 2"), and ages that
 * define a group ("trẻ em dưới 5 tuổi").
 */
import type { Target } from '../schema/record.js';
import { NUMBER_SOURCE, parseVietnameseNumber } from './numbers.js';
import { unitSkeleton } from './blocks.js';
import { maskCitedDates } from './deadlines.js';

export interface FoundTarget {
  target: Target;
  name: string;
  /** The clause the target stands in. */
  text: string;
  start: number;
  end: number;
}

/** Units on the skeleton (regex source) → as written in records. Longest first. */
const PER_10K = String.raw`\s*(?:\/|tren)\s*(?:(?:1|10)\.?000|1\s*van|mot van|van|10 nghin)\s*dan`;
const UNITS: [string, string][] = [
  [String.raw`%\s*\/\s*nam`, '%/năm'],
  // A rate per population: "dưới 50/100.000 dân" (the number stands before the slash, not a date or a document number).
  [String.raw`\/\s*100\.?000\s*dan`, '/100.000 dân'],
  [String.raw`\/\s*10\.?000\s*dan`, '/10.000 dân'],
  [String.raw`giuong(?: benh)?${PER_10K}`, 'giường bệnh/10.000 dân'],
  [String.raw`bac s[iy]${PER_10K}`, 'bác sĩ/10.000 dân'],
  [String.raw`duoc s[iy]${PER_10K}`, 'dược sĩ/10.000 dân'],
  [String.raw`dieu duong${PER_10K}`, 'điều dưỡng/10.000 dân'],
  [String.raw`m[2²]\s*san(?:\s+xay dung)?\s*(?:\/|tren)\s*nguoi`, 'm² sàn/người'],
  [String.raw`m[2²]\s*\/\s*nguoi`, 'm²/người'],
  [String.raw`m[2²]`, 'm²'],
  [String.raw`trieu dong\s*\/\s*nguoi\s*\/\s*nam`, 'triệu đồng/người/năm'],
  [String.raw`lao dong\s*\/\s*nam`, 'lao động/năm'],
  // Amounts of money a target names ("tổng thu từ du lịch đạt 6.500 tỷ đồng"); budget amounts are not read as targets
  // (the KINH PHÍ part is not scanned for them).
  [String.raw`nghin ty dong`, 'nghìn tỷ đồng'],
  ['ty dong', 'tỷ đồng'],
  ['trieu dong', 'triệu đồng'],
  [String.raw`nguoi\s*\/\s*nam`, 'người/năm'],
  ['%', '%'],
  ['‰', '‰'],
  [String.raw`%o`, '‰'],
  // "1.200 lượt người"; but in "1.200 lượt người dân" the counted noun is "người dân" (a unit "lượt", as "500 lượt cán bộ").
  [String.raw`luot nguoi(?!\s+(?:dan|lao dong|cao tuoi|khuyet tat|co cong|ngheo|tham gia)(?![a-z]))`, 'lượt người'],
  ['lao dong', 'lao động'],
  ['cong dan', 'công dân'],
  ['nguoi', 'người'],
  ['can ho', 'căn hộ'],
  ['can nha', 'căn nhà'],
  ['ngoi nha', 'ngôi nhà'],
  ['giuong benh', 'giường bệnh'],
  ['giuong', 'giường bệnh'],
  ['bac s[iy]', 'bác sĩ'],
  ['hoc sinh', 'học sinh'],
  ['sinh vien', 'sinh viên'],
  ['doanh nghiep', 'doanh nghiệp'],
  ['hop tac xa', 'hợp tác xã'],
  ['mo hinh', 'mô hình'],
  ['cong trinh', 'công trình'],
  ['gia dinh', 'gia đình'],
  ['viec lam', 'việc làm'],
  ['co so', 'cơ sở'],
  // Counts of work done ("100 cuộc kiểm tra", "ít nhất 02 lớp tập huấn", "15 sản phẩm OCOP"): the unit is the counted
  // noun, its classifier when it has one.
  ['san pham', 'sản phẩm'],
  ['cuoc', 'cuộc'],
  ['lop', 'lớp'],
  ['buoi', 'buổi'],
  ['dot', 'đợt'],
  ['luot', 'lượt'],
  ['hoi nghi', 'hội nghị'],
  ['tin bai', 'tin bài'],
  ['bai viet', 'bài viết'],
  ['van ban', 'văn bản'],
  ['ho so', 'hồ sơ'],
  ['cau lac bo', 'câu lạc bộ'],
  ['nha tieu', 'nhà tiêu'],
  ['cay', 'cây'],
  // Teams a commune sets up ("mỗi thôn ít nhất 01 tổ công nghệ số cộng đồng", "05 tổ tự quản"): "tổ" by the kind of
  // team after it (the skeleton's "to" is also "tờ" of "tờ rơi" and the "tổ" of "tổ chức").
  [String.raw`to(?=\s+(?:cong nghe|tu quan|hoa giai|an ninh|bao ve|dan phong|xung kich|cong tac|hop tac|pccc|phong chay)\b)`, 'tổ'],
  ['truong', 'trường'],
  ['the', 'thẻ'],
  ['ho', 'hộ'],
  ['xa', 'xã'],
  ['thon', 'thôn'],
  ['tre', 'trẻ'],
  ['tuoi', 'tuổi'],
  ['nam', 'năm'],
  ['km', 'km'],
  ['ha', 'ha'],
  ['diem phan tram', 'điểm phần trăm'],
  ['diem', 'điểm'],
  ['usd', 'USD'],
];
/** Units that count work done rather than measure a population: a target's name follows them. */
const COUNT_UNITS = new Set(['sản phẩm', 'cuộc', 'lớp', 'buổi', 'đợt', 'lượt', 'hội nghị', 'tin bài', 'bài viết', 'văn bản', 'hồ sơ', 'câu lạc bộ', 'nhà tiêu', 'cây', 'tổ']);
const PER_POPULATION = /^\s*\/\s*(?:100|10)\.?000\s*dan(?![a-z])/;
const UNIT_RES = UNITS.map(([src, unit]) => [new RegExp(String.raw`^\s*(?:${src})(?![a-z0-9])`), unit] as const);

/** Comparator words as they end the text before a number (skeleton), checked in order. */
const COMPARATORS: [RegExp, Target['comparator']][] = [
  [/(?:≥|>=)\s*$/, '>='],
  [/(?:≤|<=)\s*$/, '<='],
  [/>\s*$/, '>'],
  [/<\s*$/, '<'],
  [/(?:con|xuong|giam xuong|giam con|o muc)\s+duoi\s*(?:muc\s*)?$/, '<'],
  [/(?:khong qua|khong vuot qua|toi da|khong cao hon|khong vuot|duoi hoac bang)\s*(?:muc\s*)?$/, '<='],
  [/(?:it nhat|toi thieu|khong duoi|khong thap hon|tren hoac bang)\s*(?:(?:la|co|dat)\s*)?(?:muc\s*)?$/, '>='],
  [/(?:^|[^a-z])duoi\s*(?:muc\s*)?$/, '<'],
  [/(?:^|[^a-z])(?:tren|hon|vuot)\s*(?:muc\s*)?$/, '>'],
  [/(?:^|[^a-z])(?:khoang|gan|xap xi|uoc dat|uoc|chung)\s*$/, '~'],
  [/(?:^|[^a-z])(?:dat|la|bang|co|duy tri|giam|tang|con|len|cho|muc|dat muc|dat ty le|chiem)\s*$/, '='],
];

const NUMBER_RE = new RegExp(String.raw`(?<![\d.,\/\p{L}])(?<![\p{L}\d]-)(${NUMBER_SOURCE})(?![\d]|[.,]\d)`, 'gu');
const YEAR_AFTER = /^\s*(?:\(\s*)?(?:(?:vao|den|trong|tai)\s+)?(?:cuoi\s+)?nam\s+((?:19|20)\d{2})\b/;
const YEAR_ANY = /(?:nam|den)\s+((?:19|20)\d{2})\b(?!\s*[-\/]\s*\d)/g;
const FILLERS =
  /^(?:[\s,;:.()-]+|\(?\d{1,2}\)|(?:phan dau|phan dau dat|den cuoi nam \d{4}|den nam \d{4}|cuoi nam \d{4}|nam \d{4}|vao nam \d{4}|giai doan \d{4}\s*-\s*\d{4}|dam bao|bao dam|duy tri|tiep tuc|trong do|rieng|gop phan|va|den|dat|la|tren dia ban (?:tinh|huyen|xa|phuong|thanh pho|thi xa)|hang nam|moi nam|binh quan|nhung|it nhat|phan dau co|tro len)(?=[\s,;:.()]|$))/;

function cleanName(text: string, fromEnd: boolean): string {
  let t = text;
  if (fromEnd) {
    // "…, trong đó X chiếm 1,1%": the name is what follows "trong đó".
    const inner = /,\s*trong do\s+/g;
    let last = -1;
    for (let m = inner.exec(unitSkeleton(t)); m; m = inner.exec(unitSkeleton(t))) last = m.index + m[0].length;
    if (last >= 0) t = t.slice(last);
    // The name is the last comma-separated piece before the number ("…, phấn đấu đến năm 2025, tỷ lệ X đạt"),
    // unless that piece is too short to be one ("có chứng chỉ, bằng cấp đạt 55%").
    const comma = t.lastIndexOf(',');
    if (comma >= 0) {
      const piece = t.slice(comma + 1);
      if (words(piece) >= 3 || words(piece) === 0) t = piece;
    }
    t = t.replace(/[\s,;:(]+$/u, '');
    // "… bảo đảm 100% X": the name follows the number.
    if (/(?:^|\s)(?:bao dam|dam bao|duy tri|phan dau|phan dau dat|phan dau co)\s*$/.test(unitSkeleton(t))) return '';
  }
  for (let guard = 0; guard < 20; guard++) {
    const skel = unitSkeleton(t);
    const m = FILLERS.exec(skel);
    if (!m || m[0].length === 0) break;
    t = t.slice(m[0].length);
  }
  if (fromEnd) {
    for (let guard = 0; guard < 5; guard++) {
      const skel = unitSkeleton(t);
      const m = /(?:\s|^)(?:dat|la|co|cho|duoc|bang|con|len|muc|khoang|gan|tren|duoi|tu|it nhat|toi thieu|phan dau|chiem|o muc)\s*$/.exec(skel);
      if (!m) break;
      t = t.slice(0, m.index).replace(/[\s,;:(]+$/u, '');
    }
  } else {
    // After the number: the name runs to ", trong đó", "vào năm …", or a parenthesis.
    const skel = unitSkeleton(t);
    const cut = /,\s*trong do|\s(?:vao|den)\s+(?:cuoi\s+)?nam\s+\d{4}|\s+so voi|\(|;/.exec(skel);
    if (cut) t = t.slice(0, cut.index);
  }
  return t.replace(/^[\s,;:.)-]+|[\s,;:.(-]+$/gu, '').replace(/\s+/g, ' ').trim();
}

/** What opens a bracket that states a result, not a target: "(năm 2025 đạt", "(năm 2025:", "(hiện nay", "(ước thực hiện". */
const RESULT_IN_BRACKETS = /^\(\s*(?:(?:nam\s+(?:19|20)\d{2}|hien nay|hien tai)\s*(?:dat|la|:|co|uoc dat|moi dat|chi dat)|uoc(?:\s+thuc hien|\s+dat)?\b|thuc hien\b|ket qua\b)/;

/** The words between a target and a bound after it, when they make the bound a condition ("… các tỉnh có diện tích lúa trên"). */
function isCondition(between: string): boolean {
  if (/[;:.]/.test(between) || /\b(?:dat|phan dau|giam|tang|nam\s+\d{4}|va)\b/.test(between)) return false;
  return /(?:^|\s)co\s+(?:[a-z]+\s+){1,5}(?:tren|duoi|tu|it nhat|khong duoi|toi thieu)\s*$/.test(between);
}

/** The text of the bracket still open at `at` (from its "("), or "" when none is open. */
function openBracketBefore(u: string, at: number): string {
  const open = u.lastIndexOf('(', at);
  if (open < 0 || u.lastIndexOf(')', at) > open || at - open > 60) return '';
  return u.slice(open, at);
}

function words(s: string): number {
  return s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

/** All numeric targets of a sentence or paragraph. `contextYear` is the heading's year ("Đến năm 2030"). */
export function findTargets(text: string, contextYear: number | null = null): FoundTarget[] {
  const u = maskCitedDates(unitSkeleton(text));
  const found: { start: number; compStart: number; end: number; target: Target }[] = [];
  NUMBER_RE.lastIndex = 0;
  let skipUntil = 0;
  for (let m = NUMBER_RE.exec(u); m; m = NUMBER_RE.exec(u)) {
    if (m.index < skipUntil) continue;
    const first = parseVietnameseNumber(m[1]!);
    if (first === null) continue;
    // A result in brackets beside a target ("đạt 62% (năm 2025 đạt 58,4%)", "(hiện nay: 40%)") is no target.
    if (RESULT_IN_BRACKETS.test(openBracketBefore(u, m.index))) continue;
    let end = m.index + m[1]!.length;
    // Document numbers ("42-NQ"), dates ("05/11"), "Covid-19".
    if ((/^\s*[-\/]\s*[a-z]/.test(u.slice(end)) || /^\/\d/.test(u.slice(end))) && !PER_POPULATION.test(u.slice(end))) continue;
    let min: number | undefined;
    let max: number | undefined;
    const range = new RegExp(String.raw`^\s*(?:-|–|den|toi)\s*(${NUMBER_SOURCE})(?![\d])`).exec(u.slice(end));
    if (range) {
      const second = parseVietnameseNumber(range[1]!);
      const unitAfter = UNIT_RES.some(([re]) => re.test(u.slice(end + range[0].length)));
      if (second !== null && second > first && unitAfter) {
        min = first;
        max = second;
        end += range[0].length;
      }
    }
    const unitMatch = UNIT_RES.map(([re, unit]) => ({ m: re.exec(u.slice(end)), unit })).find((x) => x.m);
    // Without a unit, only an index stated with a comparator is a target ("Chỉ số HDI đạt 0,7").
    const index = !unitMatch && /chi so|he so/.test(u.slice(Math.max(0, m.index - 80), m.index)) && /(?:dat|tren|duoi|khoang|la|≥|≤|>|<)\s*(?:muc\s*)?$/.test(u.slice(Math.max(0, m.index - 20), m.index)) && !/^\s*[\/-]/.test(u.slice(end));
    if (!unitMatch && !index) continue;
    const unit: string | null = unitMatch ? unitMatch.unit : null;
    let unitEnd = end + (unitMatch ? unitMatch.m![0].length : 0);
    const before = u.slice(Math.max(0, m.index - 40), m.index);
    // "từ 5% đến 10%": a range whose two ends each carry the unit.
    if (min === undefined && unitMatch && /(?:^|\s)tu\s*$/.test(before)) {
      const second = new RegExp(String.raw`^\s*(?:-|den|toi)\s*(${NUMBER_SOURCE})(?![\d])`).exec(u.slice(unitEnd));
      const value = second ? parseVietnameseNumber(second[1]!) : null;
      const again = second ? UNIT_RES.find(([, unit]) => unit === unitMatch.unit)![0].exec(u.slice(unitEnd + second[0].length)) : null;
      if (second && again && value !== null && value > first) {
        min = first;
        max = value;
        unitEnd += second[0].length + again[0].length;
      }
    }
    const beforeRange = min !== undefined ? before.replace(/\s*tu\s*$/, '') : before;
    let comparator: Target['comparator'] = '=';
    let compLen = 0;
    for (const [re, c] of COMPARATORS) {
      const cm = re.exec(beforeRange);
      if (cm) {
        comparator = c;
        compLen = cm[0].replace(/^[^a-z≥≤<>]+/, '').length + (before.length - beforeRange.length);
        break;
      }
    }
    if (/^\s*tro len/.test(u.slice(unitEnd))) comparator = '>=';
    // "100% các tỉnh có diện tích lúa trên 50.000 ha ban hành kế hoạch": a bound after "có …" that says which members
    // the target before it counts is a condition, not a target of its own.
    const prev = found[found.length - 1];
    if (prev && comparator !== '=' && comparator !== '~' && isCondition(u.slice(prev.end, m.index))) continue;
    // Ages and durations are targets only as life expectancy or years of schooling.
    if (unit === 'tuổi' || unit === 'năm') {
      const ctx = u.slice(Math.max(0, m.index - 80), m.index);
      if (!/tuoi tho|so nam/.test(ctx)) continue;
    }
    if (unit === 'năm' && first >= 1900) continue;
    // A count of work names what it counts after its unit ("02 lớp tập huấn"); a bare "04 lớp." ends a name ("mô hình bảo vệ 04 lớp").
    if (COUNT_UNITS.has(unit ?? '') && !/^\s*[a-z\/(]/.test(u.slice(unitEnd))) continue;
    // Years are not counts: "2025 hộ" does not occur, "năm 2025" is masked by the unit rule above.
    if (first >= 1990 && first <= 2100 && Number.isInteger(first) && /nam\s*$/.test(before)) continue;
    const target: Target = min !== undefined ? { value: null, min, max, comparator: '=', unit, year: null } : { value: first, comparator, unit, year: null };
    if (min !== undefined && comparator !== '=') target.comparator = comparator;
    found.push({ start: m.index, compStart: m.index - compLen, end: unitEnd, target });
    skipUntil = unitEnd;
  }

  // Clauses (";", ".", ":") bound names and years.
  const clauseOf = (at: number) => {
    let s = 0;
    let e = text.length;
    const re = /[;:]|\.(?=\s|$)/g;
    for (let m = re.exec(u); m; m = re.exec(u)) {
      if (m.index < at) s = m.index + 1;
      else {
        e = m.index;
        break;
      }
    }
    return [s, e] as const;
  };
  const sentenceStart = (at: number) => {
    const re = /\.(?=\s+\p{Lu})/gu;
    let s = 0;
    for (let m = re.exec(text); m && m.index < at; m = re.exec(text)) s = m.index + 1;
    return s;
  };

  /** "A đạt x; B đạt y vào năm 2025": a year stated after a later target of the same sentence. */
  const laterYear = (k: number): number | null => {
    const end = (() => {
      const m = /\.(?=\s+\p{Lu})|\.\s*$/u.exec(text.slice(found[k]!.end));
      return m ? found[k]!.end + m.index : text.length;
    })();
    for (let n = k + 1; n < found.length && found[n]!.start < end; n++) {
      const y = YEAR_AFTER.exec(u.slice(found[n]!.end));
      if (y) return Number(y[1]);
    }
    return null;
  };
  const out: FoundTarget[] = [];
  const clauseStarts: number[] = [];
  /** The previous target took the words after it as its name ("86% hộ gia đình, 75% thôn…"). */
  let consumed = false;
  for (let k = 0; k < found.length; k++) {
    const f = found[k]!;
    const [cs, ce] = clauseOf(f.start);
    const segStart = Math.max(cs, k > 0 && found[k - 1]!.end > cs ? found[k - 1]!.end : cs);
    const segEnd = Math.min(ce, k + 1 < found.length && found[k + 1]!.compStart < ce ? found[k + 1]!.compStart : ce);
    // Year: "vào năm 2025" after, else the nearest year before in the sentence, else the heading's.
    // "(năm 2025 đạt 58,4%)" after a target is last year's result, not the target's year.
    const after = RESULT_IN_BRACKETS.test(u.slice(f.end).trimStart()) ? null : YEAR_AFTER.exec(u.slice(f.end));
    let year: number | null = after ? Number(after[1]) : null;
    if (year === null) {
      const clause = u.slice(cs, f.start);
      const ss = sentenceStart(f.start);
      let nearest: number | null = null;
      YEAR_ANY.lastIndex = 0;
      const scope = u.slice(ss, f.start);
      for (let y = YEAR_ANY.exec(scope); y; y = YEAR_ANY.exec(scope)) {
        if (!/so voi\s*$/.test(scope.slice(0, y.index))) nearest = Number(y[1]);
      }
      // A yearly quantity ("hằng năm, đào tạo 8.000 người", "3%/năm"): the closest of a year and a yearly marker wins.
      let lastYearAt = -1;
      let lastMarkAt = -1;
      for (const y of clause.matchAll(/(?:nam|den)\s+((?:19|20)\d{2})\b/g)) lastYearAt = y.index;
      for (const y of clause.matchAll(/hang nam|moi nam|hang thang|moi thang/g)) lastMarkAt = y.index;
      // Yearly flows ("1,5%/năm", "2.500 lao động/năm") have no target year; an income in "triệu đồng/người/năm" does.
      if (['%/năm', 'lao động/năm', 'người/năm'].includes(f.target.unit ?? '') || lastMarkAt > lastYearAt) year = null;
      else year = nearest ?? laterYear(k) ?? contextYear;
    }
    f.target.year = year;
    const beforeText = cleanName(text.slice(segStart, Math.max(segStart, f.compStart)), true);
    const afterText = cleanName(text.slice(f.end, Math.max(f.end, segEnd)), false);
    const rawBefore = unitSkeleton(text.slice(segStart, Math.max(segStart, f.compStart)));
    // A count of work ("Tổ chức ít nhất 02 lớp tập huấn …") is named by what is counted: the unit and the words after it.
    const counted = COUNT_UNITS.has(f.target.unit ?? '') && words(afterText) >= 1 ? `${f.target.unit} ${afterText}` : null;
    const useBefore: boolean = !counted && words(beforeText) >= 2 && !(consumed && segStart === found[k - 1]?.end && !/,\s*trong do/.test(rawBefore));
    const name: string = counted ?? (useBefore ? beforeText : words(afterText) >= 2 ? afterText : '');
    consumed = !useBefore && name !== '';
    out.push({ target: f.target, name, text: text.slice(cs, ce).trim().replace(/^[-–+•]\s*/, ''), start: f.start, end: f.end });
    clauseStarts.push(cs);
  }
  // Targets that share a name ("có 20%, năm 2030 có 25% lực lượng lao động…") borrow it from a neighbour.
  for (let k = 0; k < out.length; k++) {
    if (out[k]!.name) continue;
    const same = (n: number) => clauseStarts[n] === clauseStarts[k] && out[n]!.name;
    const next = out.findIndex((_, n) => n > k && same(n));
    const prev = out.findLastIndex((_, n) => n < k && same(n));
    out[k]!.name = next >= 0 ? out[next]!.name : prev >= 0 ? out[prev]!.name : '';
  }
  return out;
}

/** Year named in a heading ("Mục tiêu đến năm 2030" → 2030). */
export function headingYear(heading: string): number | null {
  // A base year ("Giảm 10% … so với năm 2020") is no target's year.
  for (const m of unitSkeleton(heading).matchAll(/(so voi\s+)?(?:nam|den)\s+((?:19|20)\d{2})\b/g)) if (!m[1]) return Number(m[2]);
  return null;
}
