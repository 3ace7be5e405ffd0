/**
 * References: the documents a plan cites ("Nghị quyết số 42-NQ/TW ngày
 * 24/11/2023 của Ban Chấp hành Trung ương", "Kế hoạch số 3246/KH-UBND ngày 24
 * tháng 11 năm 2021 của Sở Lao động…", "Luật số 58/2014/QH13"), de-duplicated by
 * number. Those cited in the title and the preamble (before the first section:
 * "Căn cứ…", "Thực hiện…") are the legal bases and come first.
 *
 * Damage tolerated: spaces inside numbers ("42- NQ/TW"), O read for Q
 * ("42-NO/TW"), marks lost on the type word ("Nghi quyet so").
 */
import type { PlanDocument } from '../../model/document.js';
import type { Reference } from '../../schema/record.js';
import type { Stage } from '../stage.js';
import { skeleton } from '../../text/vietnamese.js';
import { canonicalTypeCode, typeCodeFromName, typeNameOf } from '../../facts/document-types.js';
import { AgencyRegistry } from '../../facts/agencies.js';
import { isoDate } from './header.js';

/** Type words as they open a citation (skeleton), longest first. */
const TYPE_WORDS =
  /(chuong trinh hanh dong|chuong trinh|nghi quyet|ket luan|ke hoach|quyet dinh|chi thi|cong van|thong bao|huong dan|nghi dinh|thong tu lien tich|thong tu|luat|quy dinh|de an|bao cao|to trinh|cong dien|phap lenh|van ban)\s+(?:s[a-z0-9]?\s*[:.]?\s*(?=\d))?/g;
/** A document number after the type word: 42-NQ/TW, 3246/KH-UBND, 58/2014/QH13, 30/2020/NĐ-CP, 62-CTr/TU. */
const NUMBER = /^(\d{1,5})\s*(?:\/\s*(\d{4})\s*)?(?:([-\/])\s*([\p{L}&]{1,8})(?![\p{L}\p{N}&])\s*(?:[-\/]\s*([\p{L}\p{N}&]{1,10}(?:-[\p{L}\p{N}]{1,8})?))?|\/\s*([\p{Lu}\p{N}]{2,8}))/u;
const DATE_NUMERIC = /^\s*,?\s*n[a-z]{2,3}\s*(\d{1,2})\s*[\/.-]\s*(\d{1,2})\s*[\/.-]\s*(\d{4})/;
const DATE_WORDS = /^\s*,?\s*n[a-z]{2,3}\s*(\d{1,2})\s*th[a-z]{2,4}\s*(\d{1,2})\s*n[a-z]{1,2}m?\s*(\d{4})/;
const ISSUER_LEAD = /^\s*,?\s*(?:c[a-z]{1,2}|do)\s+/;

/** Code read from a number's type part, with OCR's O for Q put right ("NO" → NQ). */
function typeCode(raw: string, fromWord: string | null): string | null {
  const direct = canonicalTypeCode(raw);
  if (direct) return direct;
  const s = skeleton(raw).toUpperCase().replace(/0/g, 'O');
  const fixed = s.replace(/^NO$/, 'NQ').replace(/^Q0$/, 'QD');
  return canonicalTypeCode(fixed) ?? fromWord;
}

interface Found {
  ref: Reference;
  offset: number;
  /** The cited title when the document has no number (laws cited by name). */
  name?: string;
}

/** References in a text whose character offsets map to lines through `lineAt`. */
export function findReferences(text: string, sourceAt: (offset: number) => Reference['source'], legalBasis: boolean): Found[] {
  // Line breaks count as spaces for the patterns; the text keeps them for the agency registry (place names).
  const skel = skeleton(text).replace(/\n/g, ' ');
  const out: Found[] = [];
  const registry = AgencyRegistry.load();
  TYPE_WORDS.lastIndex = 0;
  for (let m = TYPE_WORDS.exec(skel); m; m = TYPE_WORDS.exec(skel)) {
    if (m.index > 0 && /[a-z]/.test(skel[m.index - 1]!)) continue;
    const at = m.index + m[0].length;
    const num = NUMBER.exec(text.slice(at));
    if (!num) continue;
    // "Văn bản số 123/UBND-VX" is an official letter.
    const fromWord = m[1] === 'van ban' ? 'CV' : typeCodeFromName(m[1]!);
    let code: string | null;
    let number = num[0].replace(/\s+/g, '');
    if (num[6]) {
      // 58/2014/QH13 or 12/QH13: no type code in the number; the word names the type.
      code = fromWord;
    } else if (num[4]) {
      const direct = canonicalTypeCode(num[4]);
      const fixed = direct ? null : typeCode(num[4], null);
      code = direct ?? fixed ?? fromWord;
      // The code as it is spelled ("QD" → "QĐ"), put right where OCR damaged it ("42-NO/TW" → "42-NQ/TW").
      const spelled = direct ?? fixed;
      if (spelled && spelled !== num[4]) {
        const cut = number.indexOf(num[4], num[1]!.length);
        if (cut >= 0) number = number.slice(0, cut) + spelled + number.slice(cut + num[4].length);
      }
    } else continue;
    let end = at + num[0].length;
    let date: string | null = null;
    const rest = skel.slice(end);
    const d = DATE_NUMERIC.exec(rest) ?? DATE_WORDS.exec(rest);
    if (d) {
      date = isoDate(d[3]!, d[2], d[1]);
      end += d[0].length;
    }
    let issuer: string | null = null;
    const lead = ISSUER_LEAD.exec(skel.slice(end)) ?? /^\s*,?\s*(?:(?:tai\s+)?hoi\s+nghi\s+(?:lan\s+thu\s+\S+\s+)?(?:trung\s+uong|\S+)\s*\d*\s*(?:\(khoa\s+[a-z]+\)\s*)?(?:cua\s+)?)(?=ban\s+chap\s+hanh|bo\s+chinh\s+tri|ban\s+bi\s+thu)/.exec(skel.slice(end));
    if (lead) {
      const after = text.slice(end + lead[0].length, end + lead[0].length + 160);
      const mention = registry.scan(after)[0];
      // "của Bộ Chính trị", also "của Hội nghị lần thứ tám Ban Chấp hành Trung ương…".
      if (mention && (mention.start === 0 || (mention.start < 60 && /^hoi\s+nghi\b/.test(skeleton(after))))) issuer = mention.agency.name;
      else {
        const words = /^((?:\p{Lu}[\p{L}\p{M}]*|Trung ương|Tổ quốc)(?:\s+(?:\p{Lu}[\p{L}\p{M}]*|\p{Ll}+)){0,7}?)(?=\s+(?:về|ve|tại|tai|ban hành|ban hanh|quy định|quy dinh|hướng dẫn|huong dan|\(|,|;|\.)|[,;.(]|$)/u.exec(after);
        if (words) issuer = words[1]!.replace(/\s+/g, ' ').trim();
      }
    }
    const year = date ? Number(date.slice(0, 4)) : num[2] ? Number(num[2]) : null;
    out.push({ ref: { type: code, typeName: typeNameOf(code), number, name: null, year, date, issuer, legalBasis, source: sourceAt(m.index) }, offset: m.index });
  }
  return out;
}

/**
 * Laws cited by name, without a number: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
 * "Luật Phòng, chống ma túy năm 2021", "Bộ luật Hình sự năm 2015". Number null; the name and the year kept.
 */
export function findNamedLaws(text: string, sourceAt: (offset: number) => Reference['source'], legalBasis = true): Found[] {
  // Line breaks count as spaces for the patterns; the text keeps them for the agency registry (place names).
  const skel = skeleton(text).replace(/\n/g, ' ');
  const out: Found[] = [];
  // Also by name and number: "Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng số 69/2020/QH14".
  const re = /(?:^|[\s;,(])(luat|bo luat)\s+(?!so\b)([a-z][a-z ,-]{3,120}?)\s*,?\s*(?:ngay\s*(\d{1,2})\s*(?:[\/.-]|\s+thang\s+)\s*(\d{1,2})\s*(?:[\/.-]|\s+nam\s+)\s*(\d{4})|nam\s+((?:19|20)\d{2})\b|so\s*(\d{1,3})\s*\/\s*((?:19|20)\d{2})\s*\/\s*qh\s*(\d{1,2})\b)/g;
  for (let m = re.exec(skel); m; m = re.exec(skel)) {
    const at = m.index + m[0].indexOf(m[1]!);
    // The name as written, from "Luật" to the end of its words (marks and capitals kept).
    const name = text.slice(at, m.index + m[0].indexOf(m[2]!, m[0].indexOf(m[1]!) + m[1]!.length) + m[2]!.length).replace(/[\s,]+$/u, '').replace(/\s+/g, ' ');
    // A law cited by number is read by findReferences; "luật" as a common noun ("pháp luật năm 2020") is no name.
    const nameAt = m.index + m[0].indexOf(m[2]!, m[0].indexOf(m[1]!) + m[1]!.length);
    if (/\bso\s*\d/.test(m[2]!) || !/^\p{Lu}/u.test(text.slice(nameAt))) continue;
    const date = m[5] ? isoDate(m[5], m[4], m[3]) : null;
    const number = m[7] ? `${m[7]}/${m[8]}/QH${m[9]}` : null;
    const year = m[6] ? Number(m[6]) : m[8] ? Number(m[8]) : date ? Number(date.slice(0, 4)) : null;
    out.push({
      ref: { type: 'Luật', typeName: typeNameOf('Luật'), number, name, year, date, issuer: null, legalBasis, source: sourceAt(at) },
      offset: at,
      name,
    });
  }
  return out;
}

/** The lines [from, to] as one text, with a map from offsets back to sources. */
export function joinLines(doc: PlanDocument, from: number, to: number): { text: string; sourceAt: (offset: number) => Reference['source'] } {
  const starts: number[] = [];
  let text = '';
  for (let i = from; i <= to; i++) {
    starts.push(text.length);
    // Lines end with "\n": a name may wrap onto the next line, a place name after a body does not.
    text += doc.lines[i]!.text.replace(/\f/g, '') + '\n';
  }
  const sourceAt = (offset: number) => {
    let k = 0;
    while (k + 1 < starts.length && starts[k + 1]! <= offset) k++;
    return doc.sourceOf(from + k);
  };
  return { text, sourceAt };
}

export const referencesStage: Stage = {
  name: 'references',
  run(doc, draft) {
    const lines = doc.lines;
    if (lines.length === 0) return;
    const bodyStart = doc.data.bodyStart ?? 0;
    const bodyEnd = doc.data.bodyEnd ?? lines.length - 1;
    const firstSection = doc.data.outline?.[0]?.start ?? bodyStart;
    // Title and preamble: from the start (the plan's own "Số: …" has no type word before it) to the first section.
    const head = joinLines(doc, 0, Math.max(0, firstSection - 1));
    const body = joinLines(doc, Math.max(0, firstSection), Math.min(bodyEnd, lines.length - 1));
    const inHead = [...findReferences(head.text, head.sourceAt, true), ...findNamedLaws(head.text, head.sourceAt)].sort((a, b) => a.offset - b.offset);
    const found = [...inHead, ...[...findReferences(body.text, body.sourceAt, false), ...findNamedLaws(body.text, body.sourceAt, false)].sort((a, b) => a.offset - b.offset)];
    const own = draft.document.number ? skeleton(draft.document.number) : null;
    const byNumber = new Map<string, Reference>();
    for (const { ref, name } of found) {
      const key = ref.number ? skeleton(ref.number).replace(/\s+/g, '') : `${skeleton(name ?? '')}|${ref.year}`;
      if (own && key === own) continue;
      const seen = byNumber.get(key);
      if (!seen) {
        byNumber.set(key, ref);
        continue;
      }
      seen.date ??= ref.date;
      // "của Ban Thường vụ Tỉnh ủy" in the title, "… Tỉnh ủy Bắc Giang" in the preamble: keep the fuller name.
      if (!seen.issuer || (ref.issuer && ref.issuer.length > seen.issuer.length && skeleton(ref.issuer).startsWith(skeleton(seen.issuer)))) seen.issuer = ref.issuer;
      seen.legalBasis ||= ref.legalBasis;
      if (ref.date && seen.date && ref.date !== seen.date) {
        doc.warn('reference-conflict', `${ref.number} cited with two dates (${seen.date}, ${ref.date})`, ref.source);
      }
    }
    const refs = [...byNumber.values()];
    draft.references = [...refs.filter((r) => r.legalBasis), ...refs.filter((r) => !r.legalBasis)];
  },
};
