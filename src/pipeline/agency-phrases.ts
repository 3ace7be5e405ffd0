/**
 * Who leads and who supports, as plans say it: explicit lines ("- Cơ quan chủ
 * trì: …", "- Cơ quan phối hợp: …", "- Thời gian thực hiện: …") and prose
 * ("Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở, ngành…"). Keywords are
 * matched on the skeleton, so damaged marks still match.
 */
import type { PlanDocument } from '../model/document.js';
import type { Agency, SourceRef } from '../schema/record.js';
import { AgencyRegistry, maskBracketCodes, type AgencyMention } from '../facts/agencies.js';
import { skeleton } from '../text/vietnamese.js';

export type FieldName = 'lead' | 'support' | 'time';

/** Field labels, loosely (a residual OCR error in a label word still matches; the ':' anchors them). */
const FIELD_LABEL =
  /(?:^|[;.(]\s*|\s[-+]\s*)((?:(?:c[a-z0-9]{1,2} qu[a-z0-9]{1,2}n|d[a-z0-9]{1,2}n v[a-z0-9]|b[a-z0-9] ph[a-z0-9]{1,2}n|ca nhan)\s+)?(ch[a-z0-9]{1,2} tr[a-z0-9]|thuc hien chinh|ph[a-z0-9]{1,2}i h[a-z0-9]p|chiu trach nhiem chinh|(?<=(?:quan|don vi) )thuc hien)(?:\s+(?:th[a-z0-9]{1,2}c hi[a-z0-9]n|trien khai))?|th[a-z0-9]{1,3}i (?:gian|han)(?:\s+(?:th[a-z0-9]{1,2}c hi[a-z0-9]n|hoan thanh|trien khai|bao cao))?|tien do(?:\s+thuc hien)?)\s*[:]\s*/g;

/** Explicit fields of a paragraph ("Cơ quan chủ trì: Sở Y tế; Thời gian: Quý II/2024"), with their values. */
export function explicitFields(text: string): { field: FieldName; value: string; at: number }[] {
  const skel = skeleton(text);
  const found: { field: FieldName; at: number; valueAt: number }[] = [];
  FIELD_LABEL.lastIndex = 0;
  for (let m = FIELD_LABEL.exec(skel); m; m = FIELD_LABEL.exec(skel)) {
    const at = m.index + m[0].indexOf(m[1]!);
    // A label opens the paragraph or follows a separator: "… 2024; Cơ quan phối hợp: …".
    const kind: FieldName = m[2] && /^ph/.test(m[2]) ? 'support' : m[2] ? 'lead' : 'time';
    found.push({ field: kind, at, valueAt: m.index + m[0].length });
  }
  return found.map((f, k) => {
    const next = found[k + 1];
    const value = text.slice(f.valueAt, next ? next.at : text.length).replace(/^[\s:]+|[\s;,.)]+$/gu, '').replace(/\.\/\.$/, '');
    return { field: f.field, value, at: f.at };
  });
}

const SEPARATOR_GAP = /^[\s,;&/+-]*(?:(?:và|va|cùng|cung|với|voi)\s*[\s,]*)?$/iu;

/** The run of agency mentions that opens a text (after an optional "với"/"cùng"). */
export function leadingAgencies(text: string): { agencies: AgencyMention[]; end: number } {
  const registry = AgencyRegistry.load();
  const mentions = registry.scan(text);
  const out: AgencyMention[] = [];
  let at = 0;
  for (const m of mentions) {
    const gap = text.slice(at, m.start);
    if (!(out.length === 0 ? /^[\s,:]*(?:(?:với|voi|cùng|cung|các đơn vị|cac don vi)\s*)?$/iu.test(gap) : SEPARATOR_GAP.test(gap))) break;
    out.push(m);
    at = m.end;
  }
  return { agencies: out, end: at };
}

/** The run of agency mentions that closes a text ("Giao Sở Y tế, Sở Tài chính" → both). */
export function trailingAgencies(text: string): AgencyMention[] {
  const registry = AgencyRegistry.load();
  const mentions = registry.scan(text);
  const out: AgencyMention[] = [];
  let at = text.length;
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k]!;
    const gap = text.slice(m.end, at);
    const ok = out.length === 0 ? /^[\s,(]*(?:(?:là|la|làm|lam|giữ vai trò|giu vai tro)\s+(?:cơ quan|co quan|đơn vị|don vi)(?:\s+(?:đầu mối|dau moi|thường trực|thuong truc))?\s*)?$/iu.test(gap) : SEPARATOR_GAP.test(gap);
    if (!ok) break;
    out.unshift(m);
    at = m.start;
  }
  return out;
}

/**
 * Lead and support named in prose: "X chủ trì, phối hợp với Y…", "giao X chủ trì", "do X chủ trì", "X chủ trì; Y phối hợp".
 * `cooperation`: with no "chủ trì" anywhere, "X phối hợp (chặt chẽ) với Y …" gives X as lead and Y as support
 * (the subject carries the task out; a task's own prose only, never a "Cơ quan phối hợp:" value, where X supports).
 */
export function proseAgencies(raw: string, options: { cooperation?: boolean } = {}): { lead: Agency[]; support: Agency[] } {
  const text = maskBracketCodes(raw);
  const skel = skeleton(text);
  const lead: Agency[] = [];
  const support: Agency[] = [];
  const re = /chu tri\b/g;
  for (let m = re.exec(skel); m; m = re.exec(skel)) {
    // The subject: the clause before "chủ trì".
    const clauseStart = Math.max(skel.lastIndexOf('.', m.index - 1), skel.lastIndexOf(';', m.index - 1), skel.lastIndexOf(':', m.index - 1), skel.lastIndexOf('\n', m.index - 1)) + 1;
    const subject = subjectBefore(text.slice(clauseStart, m.index));
    if (subject.length === 0) continue;
    lead.push(...subject);
    // "…chủ trì, phối hợp với Y" / "chủ trì và phối hợp cùng Y".
    const after = skel.slice(m.index + m[0].length);
    // "với" may be left out: "Sở Tài chính chủ trì, phối hợp các sở, ban, ngành".
    const co = /^\s*(?:[,;]\s*)?(?:va\s+|,\s*)?(?:phoi hop|phoi ket hop)\s+(?:chat che\s+)?(?:(?:voi|cung)\s+)?/.exec(after);
    if (co) {
      const from = m.index + m[0].length + co[0].length;
      support.push(...partnersAt(text.slice(from)));
      continue;
    }
    // "X chủ trì; Y phối hợp (thực hiện)." : Y, the subject of a next clause that "phối hợp" closes, supports
    // "X (chủ trì); Y, Z (phối hợp)": the role in brackets after the names.
    const sep = /^\s*\)?\s*[;,]\s*/.exec(after);
    if (!sep) continue;
    const clauseFrom = m.index + m[0].length + sep[0].length;
    const rest = skel.slice(clauseFrom);
    const end = rest.search(/[.;:\n]/);
    const closing = /\bphoi hop(?:\s+(?:thuc hien|trien khai))?\s*\)?\s*$/.exec(end < 0 ? rest : rest.slice(0, end));
    if (closing) support.push(...subjectBefore(text.slice(clauseFrom, clauseFrom + closing.index)));
  }
  if (options.cooperation && lead.length === 0 && !/chu tri\b/.test(skel)) {
    // "với"/"cùng" may be left out ("Văn phòng HĐND-UBND phường phối hợp Phòng Văn hóa - Xã hội lập danh sách"): the
    // partners must then open the text after "phối hợp" ("phối hợp tổ chức …" names none).
    const co = /phoi hop\s+(?:chat che\s+)?(?:(?:voi|cung)\s+)?/g;
    for (let m = co.exec(skel); m; m = co.exec(skel)) {
      const clauseStart = Math.max(skel.lastIndexOf('.', m.index - 1), skel.lastIndexOf(';', m.index - 1), skel.lastIndexOf(':', m.index - 1), skel.lastIndexOf('\n', m.index - 1)) + 1;
      const subject = subjectBefore(text.slice(clauseStart, m.index));
      if (subject.length === 0) continue;
      const partners = partnersAt(text.slice(m.index + m[0].length));
      if (partners.length === 0) continue;
      lead.push(...subject);
      support.push(...partners);
    }
  }
  return { lead: uniqueAgencies(lead), support: uniqueAgencies(support) };
}

/** Words that open the name of a body (a department's own units are seldom in the registry: "Phòng Kỹ thuật an toàn - Môi trường"). */
const BODY_WORD = '(?:Phòng|Chi cục|Trung tâm|Ban|Văn phòng|Đội|Tổ|Bộ phận|Trạm|Cục|Vụ|Hội|Viện|Trường|Bệnh viện|Công ty|Hợp tác xã|Đài|Kho bạc|Thanh tra|Sở|Ủy ban|Đoàn)';
const BODY_HEAD = new RegExp(`^${BODY_WORD}\\s+\\p{Lu}`, 'u');
/** "và" before another body's word: "Phòng A và Phòng B" are two bodies. */
const AND_ANOTHER_BODY = new RegExp(`\\s+và\\s+(?=${BODY_WORD}\\s)`, 'u');

/** Body words never used as verbs, so a lower-case word may follow them ("Hợp tác xã nông nghiệp"); "Ban hành", "Tổ chức", "Trường hợp" are not bodies. */
const BODY_HEAD_ANY_CASE = /^(?:Phòng|Chi cục|Trung tâm|Bộ phận|Trạm|Bệnh viện|Công ty|Hợp tác xã|Kho bạc)\s+\p{L}/u;

/**
 * The subject of a clause that ends with "chủ trì" / "phối hợp": the agencies that close it ("…, Sở Y tế chủ trì"),
 * else, when the whole clause is one short name opening with a body's word ("Phòng Kỹ thuật an toàn - Môi trường
 * chủ trì …"), that name as written (known: false; `warnUnknown` reports it).
 */
function subjectBefore(clause: string): Agency[] {
  const known = trailingAgencies(clause);
  if (known.length > 0) return known.map((s) => s.agency);
  const name = clause.replace(/^[\s\-–+•*]+|[\s,]+$/gu, '').replace(/^(?:(?:kính\s+)?đề nghị|giao|do)\s+/iu, '');
  const words = name.split(/\s+/).filter(Boolean);
  // names of project boards run long ("Ban Quản lý dự án đầu tư xây dựng khu vực": 11 words)
  if (!BODY_HEAD.test(name) || words.length > 14 || /[,;:()]/.test(name)) return [];
  // a verb makes the clause a sentence, not a name; not the verbs that stand inside names in lower case
  // ("Ban Quản lý dự án đầu tư xây dựng khu vực chủ trì")
  const verbs = [...skeleton(name).slice(words[0]!.length).matchAll(CLAUSE_VERB)].filter((v) => !IN_NAME_VERB.test(v[0]));
  if (verbs.length > 0) return [];
  return unknownBodies(name);
}

/**
 * The partners that open the text after "phối hợp (với)": the run of known bodies and groups, and a body the registry
 * does not know when its name opens with a body's word and ends at a verb or a separator ("… Hội Nông dân xã và Hợp tác
 * xã nông nghiệp hướng dẫn …"): kept as written (known: false; `warnUnknown` reports it).
 */
/**
 * The partners a text names after "phối hợp với" / "phối hợp cùng" with no subject before it ("+ Kiểm tra an toàn hồ,
 * đập …, phối hợp với Sở Công Thương kiểm tra …": a duty of the agency its item is headed with).
 */
export function cooperationPartners(raw: string): Agency[] {
  const text = maskBracketCodes(raw);
  const skel = skeleton(text);
  const out: Agency[] = [];
  const co = /phoi hop\s+(?:chat che\s+)?(?:voi|cung)\s+/g;
  for (let m = co.exec(skel); m; m = co.exec(skel)) out.push(...partnersAt(text.slice(m.index + m[0].length)));
  return uniqueAgencies(out);
}

export function partnersAt(text: string): Agency[] {
  const run = leadingAgencies(text);
  const out = run.agencies.map((m) => m.agency);
  let at = run.end;
  for (let guard = 0; guard < 4; guard++) {
    const sep = out.length === 0 ? /^\s*/u.exec(text.slice(at))! : /^\s*(?:,|và|cùng)\s+/u.exec(text.slice(at));
    if (!sep) break;
    const name = unknownNameAt(text.slice(at + sep[0].length));
    if (!name) break;
    out.push(...unknownBodies(name));
    at += sep[0].length + name.length;
    const more = leadingAgencies(text.slice(at).replace(/^\s*(?:,|và|cùng)\s+/u, (x) => ' '.repeat(x.length)));
    if (more.agencies.length === 0 || !/^\s*(?:,|và|cùng)\s+$/u.test(text.slice(at, at + more.agencies[0]!.start))) continue;
    out.push(...more.agencies.map((m) => m.agency));
    at += more.end;
  }
  return out;
}

/**
 * The bodies of a name the registry does not know, as written: one name ("Trung tâm Công nghệ thông tin và Truyền
 * thông"), or several when "và" is followed by another body's word ("Phòng A và Phòng B").
 */
function unknownBodies(name: string): Agency[] {
  const registry = AgencyRegistry.load();
  return name
    .split(AND_ANOTHER_BODY)
    .map((raw) => raw.trim())
    .filter(Boolean)
    .map((raw) => registry.lookup(raw) ?? { name: registry.expand(raw), raw, kind: 'agency' as const, known: false });
}

/**
 * Verbs that end a name the registry does not know. Not those that stand inside names in lower case: "xây dựng",
 * "quản lý", "kiểm tra", "nghiên cứu" ("Ban Quản lý dự án đầu tư xây dựng số 1", "Đoàn kiểm tra", "Viện nghiên cứu").
 */
const NAME_ENDING_VERB =
  /\b(?:la (?:dau moi|co quan|don vi)|chu tri|chu dong|tham muu|co trach nhiem|chiu trach nhiem|phoi hop|to chuc|trien khai|thuc hien|huong dan|theo doi|bao cao|ra soat|tuyen truyen|tiep tuc|tang cuong|chi dao|de xuat|day nhanh|tham dinh|ban hanh|bo tri|tong hop|pho bien|cap nhat|van hanh|giam sat|don doc|tiep nhan|giai quyet|phat dong|dam bao|bao dam|cung cap|thu thap|lap|duy tri|phan cong|tham gia|van dong|ho tro|day manh|nang cap|hoan thien|hoan thanh|dang tai|cong khai|xu ly)\b/g;

/** The body a sentence opens with when the registry does not know it: a name opening with a body's word, ended by a verb. */
export function unknownSubject(sentence: string): Agency[] {
  const name = unknownNameAt(sentence);
  if (!name || /[,;:()]/.test(name)) return [];
  if (sentence.length === name.length) return [];
  return unknownBodies(name);
}

/** A name opening with a body's word, up to the verb or separator that ends it (12 words at most); null when none ends it. */
function unknownNameAt(text: string): string | null {
  if (!BODY_HEAD.test(text) && !BODY_HEAD_ANY_CASE.test(text)) return null;
  const skel = skeleton(text);
  const words = [...text.matchAll(/\S+/gu)];
  for (let k = 1; k < Math.min(words.length, 13); k++) {
    const w = words[k]!;
    const prev = words[k - 1]![0];
    if (/[,;.:()]$/u.test(prev)) return text.slice(0, words[k - 1]!.index + prev.length).replace(/[,;.:()]+$/u, '');
    // A verb in lower case ends the name ("Phòng Chuyển đổi số thẩm định …"); a capital is the name's own word ("Trung tâm Giám sát …").
    if (!/^\p{Ll}/u.test(w[0])) continue;
    NAME_ENDING_VERB.lastIndex = w.index;
    const verb = NAME_ENDING_VERB.exec(skel);
    if (verb && verb.index === w.index) return text.slice(0, w.index).trimEnd();
    // "kiểm tra", "xây dựng" … end it only before their object ("… Phòng Chuyển đổi số kiểm tra việc …").
    // "điều tra" stands in names too ("Cơ quan Cảnh sát điều tra"); a second verb after a comma ("điều tra, xử lý …") is an object as well.
    const weak = /^(?:xay dung|quan ly|kiem tra|nghien cuu|dieu tra)(?:\s+|\s*,\s*)(?:xu ly|viec|cac|cong tac|tinh hinh|ke hoach|phuong an|du an|de an|he thong|quy che|van ban|chinh sach|nhung|toan bo|danh sach)\b/.exec(skel.slice(w.index));
    if (weak) return text.slice(0, w.index).trimEnd();
  }
  return null;
}

/**
 * Bodies that were merged, named together after the merger, are their successor: a 2026 plan's "Cục Lâm nghiệp
 * và Cục Kiểm lâm" is the one Cục Lâm nghiệp và Kiểm lâm (formed from both in 2025), and "Sở Kế hoạch và Đầu tư,
 * Sở Tài chính" is Sở Tài chính. Only when two or more names of one list lead to the same body: one old name
 * alone is kept as written (and flagged by `warnUnknown`); names still in use ("Sở Tài chính và Sở Nội vụ") stay apart.
 */
export function joinMergedBodies(list: Agency[], year: number | null | undefined): Agency[] {
  if (!year || list.length < 2) return list;
  const registry = AgencyRegistry.load();
  const target = (a: Agency): string | null => {
    const v = registry.validity(a);
    if (!v) return null;
    if (v.validTo !== null && year > v.validTo && v.successor) return v.successor;
    // The successor itself, when it is named beside a body merged into it.
    return v.validTo === null ? v.name : null;
  };
  const targets = list.map(target);
  const out: Agency[] = [];
  const done = new Set<number>();
  for (let i = 0; i < list.length; i++) {
    if (done.has(i)) continue;
    const t = targets[i];
    const same = t ? targets.map((x, k) => (x === t ? k : -1)).filter((k) => k >= 0) : [];
    const merged = same.filter((k) => targets[k] !== registry.validity(list[k]!)?.name);
    if (same.length < 2 || merged.length === 0) {
      out.push(list[i]!);
      continue;
    }
    for (const k of same) done.add(k);
    const successor = registry.lookup(t!);
    out.push({ ...(successor ?? { name: t!, kind: 'agency' as const, known: true }), raw: same.map((k) => list[k]!.raw).join(' và ') });
  }
  return out;
}

/** Verbs that end the subject of a clause ("Sở Nội vụ chủ trì tham mưu …", "các sở … chủ động tổ chức …"). */
/** Verbs that stand inside names in lower case (see NAME_ENDING_VERB). */
const IN_NAME_VERB = /^(?:xay dung|quan ly|kiem tra|nghien cuu|dieu tra)$/;

const CLAUSE_VERB =
  /\b(?:la (?:dau moi|co quan|don vi)|chu tri|chu dong|tham muu|co trach nhiem|chiu trach nhiem|phoi hop|to chuc|trien khai|thuc hien|xay dung|huong dan|can cu|theo doi|kiem tra|bao cao|ra soat|tuyen truyen|tiep tuc|tang cuong|quan ly|chi dao|nghien cuu|de xuat|lam)\b/g;

/**
 * The agencies of a "Cơ quan chủ trì / thực hiện / phối hợp:" value. Mostly a list ("Sở Nội vụ, Sở Tài chính"); but
 * some plans write a sentence there ("Sở Nội vụ chủ trì tham mưu UBND Thành phố ban hành Kế hoạch; Sở Tư pháp và
 * các sở, ban, ngành … chủ động tổ chức triển khai …"): then each clause gives its subject — the agencies before
 * its verb — and never the objects after it (UBND Thành phố is the one advised, not an implementer). A clause "X
 * chủ trì, phối hợp với Y" gives X as lead and Y as support, whatever the label.
 */
export function fieldAgencies(raw: string, field: 'lead' | 'support'): { lead: Agency[]; support: Agency[] } {
  const value = maskBracketCodes(raw);
  const registry = AgencyRegistry.load();
  const out = { lead: [] as Agency[], support: [] as Agency[] };
  // "X (chủ trì), Y, Z": the bracket ends X's list as a ";" would.
  const lists = value.replace(/(\(\s*(?:chủ trì|chu tri)\s*\))\s*,\s*/giu, '$1; ');
  /** Lists with no role of their own, and whether any list was marked "(chủ trì)" or "(phối hợp)". */
  const unmarked: Agency[] = [];
  const marked = { lead: false, support: false };
  for (const clause of lists.split(/\s*;\s*|\s*\n\s*|\.\s+(?=\p{Lu})/u)) {
    if (!clause.trim()) continue;
    // "Phòng Kinh tế (chủ trì)", "Đội Quản lý trật tự đô thị phường, các khu phố (phối hợp)": the role in brackets after a
    // list of names says what the whole list does, known or not.
    const role = /^(.*?)\s*\(\s*(chu tri|phoi hop)\s*\)[\s.,]*$/.exec(skeleton(clause));
    if (role && role[1]!.trim()) {
      out[role[2] === 'chu tri' ? 'lead' : 'support'].push(...registry.parseList(clause.slice(0, role[1]!.length)));
      marked[role[2] === 'chu tri' ? 'lead' : 'support'] = true;
      continue;
    }
    const skel = skeleton(clause);
    const mentions = registry.scan(clause);
    const inside = (at: number) => mentions.some((m) => at >= m.start && at < m.end);
    CLAUSE_VERB.lastIndex = 0;
    let verbAt = -1;
    // A verb counts only right after a name ("… đặc khu chủ động tổ chức"): "Phòng Quản lý đầu tư" is a name.
    const afterName = (at: number) => mentions.some((m) => m.end <= at && /^[\s,]*$/.test(clause.slice(m.end, at)));
    for (let m = CLAUSE_VERB.exec(skel); m; m = CLAUSE_VERB.exec(skel)) {
      if (!inside(m.index) && m.index > 0 && afterName(m.index)) {
        verbAt = m.index;
        break;
      }
    }
    // A list (no verb, or a verb only after the whole list of names has ended the value) is read as before.
    if (verbAt < 0) {
      const list = registry.parseList(clause);
      out[field].push(...list);
      unmarked.push(...list);
      continue;
    }
    const prose = proseAgencies(clause);
    if (prose.lead.length > 0) {
      out.lead.push(...prose.lead);
      out.support.push(...prose.support);
      continue;
    }
    out[field].push(...registry.parseList(clause.slice(0, verbAt)));
  }
  // "Đơn vị thực hiện: Phòng Văn hóa - Xã hội (chủ trì); Đoàn Thanh niên xã, Hội Phụ nữ xã": when the lead is marked and
  // no list is marked as support, the unmarked lists of an implementers' field are the ones who support it.
  if (field === 'lead' && marked.lead && !marked.support && unmarked.length > 0) {
    out.lead = out.lead.filter((a) => !unmarked.includes(a));
    out.support.push(...unmarked);
  }
  return out;
}

export function uniqueAgencies(list: Agency[]): Agency[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const key = skeleton(a.name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Warns once per unknown agency name, and when a plan names a body after the year its name went out of
 * use ("Sở Lao động - Thương binh và Xã hội" in a 2026 plan: merged into Sở Nội vụ in 2025).
 */
export function warnUnknown(doc: PlanDocument, agencies: Agency[], source: SourceRef): void {
  const registry = AgencyRegistry.load();
  const year = doc.data.documentYear;
  for (const a of agencies) {
    if (!a.known) {
      doc.warn('unknown-agency', `agency not in the registry, kept as written: "${a.raw}"`, source);
      continue;
    }
    const v = year ? registry.validity(a) : null;
    if (v && year && ((v.validTo !== null && year > v.validTo) || (v.validFrom !== null && year < v.validFrom))) {
      const when = v.validTo !== null && year > v.validTo ? `was in use until ${v.validTo}` : `was in use from ${v.validFrom}`;
      doc.warn('agency-out-of-date', `"${a.raw}" ${when}, the document is of ${year}${v.successor ? `; its duties went to ${v.successor}` : ''}`, source);
    }
  }
}
