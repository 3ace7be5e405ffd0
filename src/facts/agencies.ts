/**
 * The agency registry: public bodies that plans name as lead, support or
 * responsible agencies (src/data/agencies/agencies.json, hand-written facts).
 *
 * Matching works on word skeletons (no marks, lower case), with abbreviations
 * expanded ("Sở LĐTB&XH" → "Sở Lao động - Thương binh và Xã hội"), "và" and
 * punctuation ignored, and a small edit distance allowed per word, so that
 * "Sở Văn hóa Thể thao và Du lịch", "Sở VH,TT&DL" and a residual OCR error
 * ("Sé Tai chinh") all find their body. A level suffix ("tỉnh", "huyện Bình
 * Lục") is kept in the name as the document writes it. Collective mentions
 * ("các sở, ban, ngành có liên quan", "UBND các huyện, thành phố") are groups.
 */
import { readFileSync } from 'node:fs';
import type { Agency } from '../schema/record.js';
import { dataPath } from '../util/paths.js';
import { skeleton } from '../text/vietnamese.js';
import { provinceBySkeleton } from './administrative.js';

interface AgencyEntry {
  name: string;
  aliases?: string[];
  level?: boolean;
  placeName?: boolean;
  /** First and last year the name was in use (the 2025 mergers end many). */
  validFrom?: number;
  validTo?: number;
  /** The body that took over its duties when it was merged or renamed. */
  successor?: string;
  /** A Party organisation named after the body it leads: "Đảng ủy" + "Ủy ban nhân dân tỉnh" is one body. */
  partyOf?: boolean;
}

/** When a body's name was in use, and what replaced it. */
export interface AgencyValidity {
  name: string;
  validFrom: number | null;
  validTo: number | null;
  successor: string | null;
}

interface AgencyData {
  abbreviations: Record<string, string>;
  agencies: AgencyEntry[];
  groupWords: string[];
  groupTails: string[];
}

/** A word (or an abbreviation's expanded word) of a text, with its span in the text. */
interface Token {
  key: string;
  start: number;
  end: number;
  /** Starts with a capital letter in the text (agency names do). */
  upper: boolean;
  /** Came from an abbreviation. */
  abbr: boolean;
  /** Punctuation between the previous word and this one. */
  before: string;
}

interface Alias {
  keys: string[];
  entry: AgencyEntry;
  chars: number;
}

export interface AgencyMention {
  agency: Agency;
  /** Offsets of the mention in the scanned text. */
  start: number;
  end: number;
}

const UNITS: [string[], string][] = [
  // A bank's branch of a level ("Ngân hàng Chính sách xã hội chi nhánh tỉnh", "Ngân hàng Nhà nước chi nhánh khu vực 5").
  [['chi', 'nhanh', 'tinh'], 'chi nhánh tỉnh'],
  [['chi', 'nhanh', 'khu', 'vuc'], 'chi nhánh khu vực'],
  [['chi', 'nhanh'], 'chi nhánh'],
  [['thanh', 'pho'], 'thành phố'],
  [['thi', 'xa'], 'thị xã'],
  [['thi', 'tran'], 'thị trấn'],
  [['tinh'], 'tỉnh'],
  [['huyen'], 'huyện'],
  [['quan'], 'quận'],
  [['phuong'], 'phường'],
  [['xa'], 'xã'],
  [['dac', 'khu'], 'đặc khu'],
  // The regional offices of 2025 ("Kho bạc Nhà nước khu vực XII", "Chi cục Thuế khu vực").
  [['khu', 'vuc'], 'khu vực'],
];

/** Collective nouns whose members a qualifier names ("các doanh nghiệp du lịch", "các tổ chức tín dụng"): the last word of the group. */
const QUALIFIED_HEADS = new Set(['nghiep', 'so', 'vi', 'hoi', 'chuc']);
/** Words that end a qualifier: function words, and the first words of the verbs and tails that follow a group. */
const QUALIFIER_STOPS = new Set(['va', 'voi', 'cung', 'tren', 'tai', 'trong', 'thuoc', 'cua', 'de', 'nham', 'co', 'duoc', 'se', 'da', 'dang', 'can', 'phai', 'theo', 'tu', 'den', 'o', 've', 'khi', 'neu', 'lien', 'khac', 'nhu', 'hoac', 'la', 'thi', 'chu', 'phoi', 'lap', 'lam', 'tham', 'thuc', 'trien', 'tuyen', 'huong', 'ra', 'bo', 'cap', 'tao', 'day', 'nang', 'thanh', 'truc', 'dia', 'dong', 'ky', 'moi']);
const QUALIFIER_STOP_PAIRS = new Set(['to chuc', 'xay dung', 'bao cao', 'kiem tra', 'ho tro', 'cung cap', 'dam bao', 'bao dam', 'tiep tuc', 'tang cuong', 'quan ly', 'giam sat', 'tong hop', 'theo doi', 'van dong', 'hoan thanh', 'chap hanh', 'nghien cuu', 'de xuat', 'phat trien', 'ung dung', 'san xuat']);

/** Compact key of an abbreviation: skeleton letters and digits only ("LĐ-TB&XH" → "ldtbxh"). */
function compact(s: string): string {
  return skeleton(s).replace(/[^a-z0-9]/g, '');
}

function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

export class AgencyRegistry {
  private readonly abbreviations = new Map<string, { expansion: string; keys: string[] }>();
  private readonly aliases: Alias[] = [];
  private readonly groupWords: string[][];
  private readonly groupTails: string[][];

  constructor(data: AgencyData) {
    for (const [abbr, expansion] of Object.entries(data.abbreviations)) {
      this.abbreviations.set(compact(abbr), { expansion, keys: wordKeys(expansion) });
    }
    for (const entry of data.agencies) {
      for (const alias of [entry.name, ...(entry.aliases ?? [])]) {
        const keys = this.tokenize(alias).map((t) => t.key).filter((k) => k !== 'va');
        if (keys.length > 0) this.aliases.push({ keys, entry, chars: keys.join('').length });
      }
    }
    // Longest first, so "tổ chức chính trị - xã hội" wins over "tổ chức".
    const byLength = (a: string[], b: string[]) => b.length - a.length;
    this.groupWords = data.groupWords.map((w) => wordKeys(w)).sort(byLength);
    this.groupTails = data.groupTails.map((w) => wordKeys(w)).sort(byLength);
  }

  private static instance: AgencyRegistry | null = null;
  /** The registry over the shipped data file (loaded once). */
  static load(): AgencyRegistry {
    AgencyRegistry.instance ??= new AgencyRegistry(JSON.parse(readFileSync(dataPath('agencies', 'agencies.json'), 'utf8')) as AgencyData);
    return AgencyRegistry.instance;
  }

  /** Words of a text, abbreviations expanded, with spans; "và" kept (callers skip it). */
  tokenize(text: string): Token[] {
    const out: Token[] = [];
    let before = '';
    for (const chunk of text.matchAll(/\S+/gu)) {
      const raw = chunk[0];
      const lead = /^[("“'[]+/u.exec(raw)?.[0].length ?? 0;
      const trail = /[)"”'\]:;,.!?]+$/u.exec(raw.slice(lead))?.[0].length ?? 0;
      const core = raw.slice(lead, raw.length - trail);
      const at = chunk.index + lead;
      if (lead > 0) before += raw.slice(0, lead);
      const upperCount = (core.match(/\p{Lu}/gu) ?? []).length;
      const abbr = core && upperCount >= 2 ? this.abbreviations.get(compact(core)) : undefined;
      // Abbreviations joined by a dash or slash ("Văn phòng HĐND-UBND phường"): each one expanded.
      const joined = !abbr && upperCount >= 4 && /^[^-–/]+(?:[-–/][^-–/]+)+$/u.test(core) ? core.split(/[-–/]/u).map((p) => ((p.match(/\p{Lu}/gu) ?? []).length >= 2 ? this.abbreviations.get(compact(p)) : undefined)) : null;
      if (abbr) {
        for (const key of abbr.keys) {
          out.push({ key, start: at, end: at + core.length, upper: true, abbr: true, before });
          before = '';
        }
      } else if (joined && joined.every((x) => x !== undefined)) {
        for (const part of joined) {
          for (const key of part!.keys) {
            out.push({ key, start: at, end: at + core.length, upper: true, abbr: true, before });
            before = '';
          }
        }
      } else {
        for (const part of core.matchAll(/[\p{L}\p{N}\p{M}&]+|[^\p{L}\p{N}\p{M}&]/gu)) {
          const p = part[0];
          if (/[\p{L}\p{N}]/u.test(p)) {
            // OCR glues and confuses: "S6Y tế" is "Sở Y tế" (6 for ở, a capital starting the next word).
            const mixed = /\p{L}/u.test(p) && /\p{N}/u.test(p);
            const pieces = mixed ? [...p.matchAll(/\p{Lu}?[^\p{Lu}]+|\p{Lu}/gu)].map((x) => ({ t: x[0], i: x.index })) : [{ t: p, i: 0 }];
            for (const piece of pieces) {
              let key = skeleton(piece.t).replace(/[^a-z0-9&]/g, '');
              if (mixed) key = key.replace(/[06]/g, 'o').replace(/4/g, 'a').replace(/1/g, 'l');
              const s0 = at + part.index + piece.i;
              out.push({ key, start: s0, end: s0 + piece.t.length, upper: /^\p{Lu}/u.test(piece.t), abbr: false, before });
              before = '';
            }
          } else {
            before += p;
          }
        }
      }
      if (trail > 0) before += raw.slice(raw.length - trail);
      // A line break between words is kept: place names do not run onto the next line.
      const gap = /^\s*/.exec(text.slice(chunk.index + raw.length))![0];
      before += gap.includes('\n') ? '\n' : ' ';
    }
    return out;
  }

  /** Expands the abbreviations of a text ("UBND các huyện" → "Ủy ban nhân dân các huyện"). */
  expand(text: string): string {
    return text.replace(/[^\s,;:()]+/gu, (chunk) => {
      const m = /^(.*?)([.]*)$/u.exec(chunk)!;
      const core = m[1]!;
      if ((core.match(/\p{Lu}/gu) ?? []).length < 2) return chunk;
      const abbr = this.abbreviations.get(compact(core));
      return abbr ? abbr.expansion + m[2] : chunk;
    });
  }

  /** All agency mentions (known bodies and collective groups) in a text, in order, not overlapping. */
  scan(text: string): AgencyMention[] {
    const tokens = this.tokenize(text);
    const out: AgencyMention[] = [];
    let i = 0;
    while (i < tokens.length) {
      const group = this.matchGroup(tokens, i);
      // "Các Hạt Kiểm lâm", "các Sở Y tế": a body there is one of in each place, after "các", is the group of them all.
      const each = !group && (tokens[i]!.key === 'cac' || tokens[i]!.key === 'nhung') && tokens[i + 1]?.upper && !/[,;.:()\n]/.test(tokens[i + 1]!.before) ? this.matchKnown(tokens, i + 1) : null;
      if (each && each.entry.level === true && each.levelFrom === each.next) {
        const start = tokens[i]!.start;
        const end = tokens[each.next - 1]!.end;
        const raw = squeeze(text.slice(start, end));
        out.push({ agency: { name: raw.charAt(0).toUpperCase() + raw.slice(1), raw, kind: 'group', known: true }, start, end });
        i = each.next;
        continue;
      }
      const known = tokens[i]!.upper ? this.matchKnown(tokens, i) : null;
      const best = group && (!known || group.next >= known.next) ? group : known;
      // "Đảng ủy Ủy ban nhân dân tỉnh", "Đảng đoàn HĐND tỉnh": the Party organisation of the body named right after it.
      const led = best && best === known && known.entry.partyOf && known.levelFrom === known.next && tokens[known.next]?.upper && !/[,;.:()\n]/.test(tokens[known.next]!.before) ? this.matchKnown(tokens, known.next) : null;
      if (led && known) {
        const body = this.mention(text, tokens, known.next, led);
        const start = tokens[i]!.start;
        const raw = squeeze(text.slice(start, body.end));
        out.push({ agency: { name: `${known.entry.name} ${body.agency.name}`, raw, kind: 'agency', known: true }, start, end: body.end });
        i = led.next;
      } else if (best && best === known && best.next > i && this.eachPlaceEnd(tokens, best.next) > best.next) {
        // "Trung tâm Y tế các khu vực", "Sở Y tế các tỉnh, thành phố": that body of every place listed, one group.
        const end = this.eachPlaceEnd(tokens, best.next);
        const body = this.mention(text, tokens, i, best);
        const tail = squeeze(text.slice(tokens[best.next]!.start, tokens[end - 1]!.end));
        out.push({ agency: { name: `${body.agency.name} ${tail}`, raw: squeeze(text.slice(body.start, tokens[end - 1]!.end)), kind: 'group', known: true }, start: body.start, end: tokens[end - 1]!.end });
        i = end;
      } else if (best && best.next > i) {
        out.push(this.mention(text, tokens, i, best));
        i = best.next;
      } else {
        i++;
      }
    }
    return out;
  }

  private mention(text: string, tokens: Token[], i: number, m: { next: number; entry: AgencyEntry | null; levelFrom: number }): AgencyMention {
    const start = tokens[i]!.start;
    const end = tokens[m.next - 1]!.end;
    const raw = squeeze(text.slice(start, end));
    if (!m.entry) {
      return { agency: { name: this.expand(raw).replace(/[\s,;:.-]+$/u, ''), raw, kind: 'group', known: true }, start, end };
    }
    let name = m.entry.name;
    if (m.levelFrom < m.next) {
      // The level as written: the unit word spelled properly, then the place name as it stands.
      const unitWords = this.unitAt(tokens, m.levelFrom);
      const unit = unitWords ? unitWords[1] : '';
      const placeFrom = m.levelFrom + (unitWords ? unitWords[0].length : 0);
      const place = placeFrom < m.next ? squeeze(text.slice(tokens[placeFrom]!.start, tokens[m.next - 1]!.end)) : '';
      name = squeeze(`${name} ${unit} ${place}`);
    }
    return { agency: { name, raw, kind: 'agency', known: true }, start, end };
  }

  /** After a body's name, "các" and a list of place units ("các tỉnh, thành phố", "các khu vực"): where the list ends (k when none). */
  private eachPlaceEnd(tokens: Token[], k: number): number {
    if (tokens[k]?.key !== 'cac' || /[,;.:()\n]/.test(tokens[k]!.before)) return k;
    let j = k + 1;
    let units = 0;
    for (;;) {
      if (units > 0 && tokens[j]?.key === 'va') j++;
      const unit = EACH_PLACE_UNITS.find((u) => u.every((key, n) => tokens[j + n]?.key === key && !tokens[j + n]!.upper && (n === 0 ? units === 0 || !/[;.:()\n]/.test(tokens[j]!.before) : !/[,;.:()\n]/.test(tokens[j + n]!.before))));
      if (!unit) break;
      j += unit.length;
      units++;
    }
    if (units > 0 && tokens[j - 1]?.key === 'va') j--;
    return units > 0 ? j : k;
  }

  private unitAt(tokens: Token[], i: number): [string[], string] | null {
    for (const unit of UNITS) {
      if (unit[0].every((k, j) => tokens[i + j]?.key === k && (j === 0 || !/[,;.]/.test(tokens[i + j]!.before)))) return unit;
    }
    return null;
  }

  /** The longest known body starting at token i, with its level suffix. */
  private matchKnown(tokens: Token[], i: number): { next: number; entry: AgencyEntry; levelFrom: number } | null {
    let best: { next: number; entry: AgencyEntry; dist: number; matched: number } | null = null;
    for (const alias of this.aliases) {
      let j = i;
      let dist = 0;
      let ok = true;
      const budget = Math.max(1, Math.round(alias.chars * 0.12));
      for (let a = 0; a < alias.keys.length; a++) {
        while (j < tokens.length && tokens[j]!.key === 'va' && alias.keys[a] !== 'va') j++;
        const t = tokens[j];
        // A list separator (";", ".") ends a name; "," and "-" may stand inside one ("Sở Văn hóa, Thể thao và Du lịch").
        if (!t || (a > 0 && /[;.:()]/.test(t.before))) {
          ok = false;
          break;
        }
        const key = alias.keys[a]!;
        const allowed = key.length <= 2 ? (alias.keys.length >= 3 && a === 0 ? 1 : 0) : key.length <= 5 ? 1 : 2;
        const d = editDistance(t.key, key, allowed);
        if (d > allowed) {
          ok = false;
          break;
        }
        dist += d;
        j++;
        if (dist > budget) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (!best || alias.keys.length > best.matched || (alias.keys.length === best.matched && dist < best.dist)) {
        best = { next: j, entry: alias.entry, dist, matched: alias.keys.length };
      }
    }
    if (!best) return null;
    const levelFrom = best.next;
    let next = levelFrom;
    const unit = this.unitAt(tokens, next);
    if (unit && next < tokens.length && !/[;.:,()]/.test(tokens[next]!.before)) {
      next += unit[0].length;
      // A place name after the unit: capitalised words, not the start of another body.
      let words = 0;
      // A region is numbered: "Ngân hàng Nhà nước Chi nhánh Khu vực 10", "Chi cục Thuế khu vực XII".
      const numbered = unit[0][unit[0].length - 1] === 'vuc' && /^\d{1,2}$/.test(tokens[next]?.key ?? '') && !/[;.:,()\n-]/.test(tokens[next]!.before);
      if (numbered) next++;
      // A spaced dash joins two names of one place ("phường Lâm Viên - Đà Lạt", the wards of 2025 named after the city).
      const joins = (before: string) => !/[;.:,()\n-]/.test(before) || (words > 0 && /^\s+[-–]\s+$/.test(before));
      while (!numbered && next < tokens.length && words < 6 && tokens[next]!.upper && !tokens[next]!.abbr && joins(tokens[next]!.before) && !this.startsKnown(tokens, next)) {
        next++;
        words++;
      }
    } else if (!unit && best.entry.placeName === true && next < tokens.length && !/[;.:,()]/.test(tokens[next]!.before)) {
      // "Tỉnh ủy Hà Nam": a bare place name only when it is a province's ("Tỉnh ủy Thực hiện…" is not).
      for (let n = Math.min(4, tokens.length - next); n >= 1; n--) {
        const words = tokens.slice(next, next + n);
        if (!words.every((t) => t.upper && !t.abbr)) continue;
        if (provinceBySkeleton(words.map((t) => t.key).join(' '))) {
          next += n;
          break;
        }
      }
    }
    return { next, entry: best.entry, levelFrom };
  }

  private startsKnown(tokens: Token[], i: number): boolean {
    const key = tokens[i]!.key;
    return ['so', 'phong', 'ban', 'uy', 'hoi', 'cong', 'tram', 'trung', 'chi', 'ngan', 'bao', 'doan', 'dai', 'cuc', 'lien', 'van', 'thanh', 'bo'].includes(key) && this.aliases.some((a) => a.keys[0] === key && a.keys.length > 1 && tokens[i + 1]?.key === a.keys[1]);
  }

  /** A collective mention starting at token i: "[UBND] các <words>[, <words>…] [có liên quan]". */
  private matchGroup(tokens: Token[], i: number): { next: number; entry: null; levelFrom: number } | null {
    let j = i;
    const starts = (words: string[]) => words.every((k, n) => tokens[j + n]?.key === k);
    // "Thủ trưởng các sở…", "Trưởng các khu phố", "Chủ tịch UBND các huyện…", "UBND các xã…".
    // "Công an các xã, phường", "Trạm Y tế các xã", "Ban điều hành các khu phố": the body of that name in each unit listed.
    for (const prefix of [['chu', 'tich'], ['thu', 'truong'], ['truong'], ['lanh', 'dao'], ['uy', 'ban', 'nhan', 'dan'], ['cong', 'an'], ['tram', 'y', 'te'], ['ban', 'dieu', 'hanh']]) {
      if (starts(prefix)) j += prefix.length;
    }
    // "UBND xã, phường, đặc khu" (no "các"): the People's Committees of every unit listed, a group.
    if (j > i && tokens[i]!.key === 'uy' && tokens[j]?.key !== 'cac') {
      let k = j;
      let units = 0;
      for (;;) {
        const unit = this.unitAt(tokens, k);
        if (!unit || (units > 0 && !/[,]/.test(tokens[k]!.before) && tokens[k - 1]?.key !== 'va')) break;
        k += unit[0].length;
        units++;
        if (tokens[k]?.key === 'va') k++;
      }
      if (tokens[k - 1]?.key === 'va') k--;
      if (units >= 2) return { next: k, entry: null, levelFrom: k };
      return null;
    }
    if (tokens[j]?.key !== 'cac' && tokens[j]?.key !== 'nhung') return null;
    // After a body's title ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương") the provinces are a list too; alone,
    // "các tỉnh" after a name says whose body it is ("Sở Nông nghiệp và Môi trường các tỉnh": the tables stage reads it).
    const listWords = j > i ? [...this.groupWords, ['tinh']] : this.groupWords;
    j++;
    let words = 0;
    for (;;) {
      const sepOk = words === 0 || !/[;.:()]/.test(tokens[j]?.before ?? ';');
      let k = j;
      if (words > 0 && tokens[k]?.key === 'va') k++;
      // Words of a list are lower case ("các sở, ban, ngành"); a capital starts a name ("các xã Phòng Y tế").
      const lower = words === 0 || !tokens[k]?.upper;
      const hit = sepOk && lower ? listWords.find((w) => w.every((key, n) => tokens[k + n]?.key === key && (n === 0 || !/[;.:,()]/.test(tokens[k + n]!.before)))) : undefined;
      // A short word run on without a separator is prose, not the list ("các sở, ban, ngành bố trí": "bố" is not "bộ").
      if (!hit || (words > 0 && k === j && hit.length === 1 && hit[0]!.length <= 2 && !/[,\-\/]/.test(tokens[k]!.before))) break;
      j = k + hit.length;
      words++;
    }
    if (words === 0) return null;
    j = this.qualifierEnd(tokens, j);
    // Tails: "có liên quan", "thuộc tỉnh", "trên địa bàn huyện".
    for (let round = 0; round < 2; round++) {
      const tail = this.groupTails.find((w) => w.every((key, n) => tokens[j + n]?.key === key && !/[;.:,()]/.test(tokens[j + n]!.before)));
      if (!tail) break;
      j += tail.length;
    }
    return { next: j, entry: null, levelFrom: j };
  }

  /**
   * The words that say which of a collective noun's members are meant ("các doanh nghiệp viễn thông", "các cơ sở
   * kinh doanh du lịch"): lower-case words run on without a separator, up to a function word, a verb or a list
   * separator. Only after nouns that need one, and only when it ends within four syllables; else the group ends
   * where it did (a name cut short is better than one that swallowed the sentence).
   */
  private qualifierEnd(tokens: Token[], j: number): number {
    if (!QUALIFIED_HEADS.has(tokens[j - 1]?.key ?? '')) return j;
    let k = j;
    while (k < tokens.length && k - j <= 4) {
      const t = tokens[k]!;
      const pair = `${t.key} ${tokens[k + 1]?.key ?? ''}`;
      if (t.upper || t.abbr || /[;.:,()\n]/.test(t.before) || /\d/.test(t.key) || QUALIFIER_STOPS.has(t.key) || QUALIFIER_STOP_PAIRS.has(pair)) break;
      k++;
    }
    if (k - j > 4 || k === j) return j;
    return k;
  }

  /**
   * A list of agencies as a "Cơ quan phối hợp:" line or a heading gives them:
   * "Sở Tài chính, Sở KH&ĐT và các cơ quan liên quan". Known bodies and groups
   * are found by scanning; what lies between them is split at list separators
   * and kept as written (known: false).
   */
  parseList(raw: string): Agency[] {
    const text = maskBracketCodes(raw);
    const mentions = this.scan(text);
    const out: Agency[] = [];
    let at = 0;
    const gap = (from: number, to: number) => {
      // Pieces split at list separators; one that opens no name after "và" or "," goes on with the name before it.
      const split = text.slice(from, to).split(/([,;+]|\s+và\s+|\s+va\s+|\s+với\s+|\s+voi\s+|\(|\))/u);
      const pieces: string[] = [];
      for (let k = 0; k < split.length; k += 2) {
        const piece = split[k]!;
        const sep = k > 0 ? split[k - 1]! : '';
        const sk = skeleton(piece.trim());
        const previous = pieces.length > 0 ? skeleton(pieces[pieces.length - 1]!.trim()) : '';
        if (/^\s*(?:,|và|va)\s*$/u.test(sep) && AGENCY_HEAD.test(previous) && /^\p{L}/u.test(piece.trim()) && !NAME_HEAD.test(piece.trim()) && !/^(?:cac|nhung|cung)\b/.test(sk) && sk.split(/\s+/).length <= 5) {
          pieces[pieces.length - 1] += sep + piece;
        } else pieces.push(piece);
      }
      for (const piece of pieces) {
        const p = squeeze(piece.replace(/^[\s\-–:.•*]+|[\s\-–:.]+$/gu, '').replace(/^(và|va|với|voi|cùng|cung|chủ trì|phối hợp)\s+/iu, ''));
        if (!p || !/\p{L}{2,}/u.test(p)) continue;
        if (/^(các|cac|những)\s/iu.test(p)) out.push({ name: this.expand(p), raw: p, kind: 'group', known: false });
        else if (/^\p{Lu}/u.test(p) && p.split(' ').length <= 12) out.push({ name: this.expand(p), raw: p, kind: 'agency', known: false });
      }
    };
    for (const m of mentions) {
      gap(at, m.start);
      out.push(m.agency);
      at = m.end;
    }
    gap(at, text.length);
    return out;
  }

  /**
   * The registry entry a canonical agency name comes from ("Sở Lao động - Thương binh và Xã hội tỉnh" →
   * the Sở's entry), with the years it was in use; null for groups and unknown names.
   */
  validity(agency: Agency): AgencyValidity | null {
    if (agency.kind !== 'agency' || !agency.known) return null;
    const skel = skeleton(agency.name);
    let best: AgencyEntry | null = null;
    for (const alias of this.aliases) {
      const base = skeleton(alias.entry.name);
      if ((skel === base || skel.startsWith(base + ' ')) && (!best || alias.entry.name.length > best.name.length)) best = alias.entry;
    }
    if (!best) return null;
    return { name: best.name, validFrom: best.validFrom ?? null, validTo: best.validTo ?? null, successor: best.successor ?? null };
  }

  /**
   * Whether a name is exactly a known body there is one of in each province or commune ("Chi cục Kiểm lâm", "Sở Nội
   * vụ", "Hạt Kiểm lâm": `level` in the data), so that its full name takes the place ("… tỉnh Lào Cai").
   */
  isLevelBody(name: string): boolean {
    const tokens = this.tokenize(name);
    if (tokens.length === 0 || !tokens[0]!.upper) return false;
    const known = this.matchKnown(tokens, 0);
    return !!known && known.entry.level === true && known.levelFrom === tokens.length;
  }

  /** The agency a name denotes when the whole name is one known body or group; null otherwise. */
  lookup(name: string): Agency | null {
    const m = this.scan(name);
    if (m.length !== 1) return null;
    const rest = (name.slice(0, m[0]!.start) + name.slice(m[0]!.end)).replace(/[\s,;:.()-]/g, '');
    return rest === '' ? m[0]!.agency : null;
  }
}

/**
 * Words an agency's name opens with (on the skeleton): a list piece that opens so is a name of its own, and "và" or a
 * comma inside a name that opens so and goes on with words that open none ("Phòng Quản lý bảo vệ rừng và Bảo tồn thiên
 * nhiên", "Đội Kiểm lâm cơ động và phòng cháy, chữa cháy rừng") is part of that name.
 */
/** Place units a body can be named for each of ("Trung tâm Y tế các khu vực", "Sở Y tế các tỉnh, thành phố"). */
const EACH_PLACE_UNITS: string[][] = [['tinh'], ['thanh', 'pho'], ['huyen'], ['thi', 'xa'], ['quan'], ['xa'], ['phuong'], ['thi', 'tran'], ['dac', 'khu'], ['khu', 'vuc'], ['dia', 'phuong'], ['cap']];

/** The same words as written, capitalised, with their marks ("Bảo tồn" and "phòng cháy" open no name; "Báo", "Phòng" do). */
const NAME_HEAD = /^(?:Bộ|Tổng cục|Cục|Chi cục|Vụ|Viện|Sở|Ban|Ủy ban|Uỷ ban|UBND|Trung tâm|Văn phòng|Thanh tra|Công an|Bộ Chỉ huy|Phòng|Hội|Đoàn|Đội|Hạt|Trạm|Chi nhánh|Hợp tác xã|Trường|Bệnh viện|Báo|Đài|Kho bạc|Ngân hàng|Quỹ|Tập đoàn|Tổng công ty|Công ty|Học viện|Đại học)(?=\s|$)/u;
export const AGENCY_HEAD = /^(?:bo|tong cuc|cuc|chi cuc|vu|vien|so|ban|uy ban|ubnd|trung tam|van phong|thanh tra|cong an|bo chi huy|phong|hoi|doan|doi|hat|tram|chi nhanh|hop tac xa|truong|benh vien|bao|dai|kho bac|ngan hang|quy|tap doan|tong cong ty|cong ty|hoc vien|dai hoc)\b/;

/**
 * A body's code in brackets after its name ("Phòng Cảnh sát giao thông (PC08)", "Phòng Hậu cần (PH10)", "Bảo hiểm xã
 * hội (BHXH)"): blanked (the same length, so offsets into the text stay right), as it is the name's code, not a body.
 */
export function maskBracketCodes(text: string): string {
  return text.replace(/\s*\((?=[A-ZĐ0-9&-]*[A-ZĐ])[A-ZĐ0-9&-]{2,10}\)/gu, (m) => ' '.repeat(m.length));
}

function wordKeys(text: string): string[] {
  return (skeleton(text).match(/[a-z0-9&]+/g) ?? []).filter((k) => k !== 'va');
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
