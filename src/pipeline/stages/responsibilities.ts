/**
 * Responsibilities: the TỔ CHỨC THỰC HIỆN part, one entry per agency paragraph.
 *
 * The agency is the heading line alone ("3. Trạm Y tế"), or the text before ':'
 * ("1. Sở Lao động - Thương binh và Xã hội: Chủ trì, phối hợp…"), or the run of
 * agencies that opens a sentence ("12. Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh,
 * các tổ chức thành viên tham gia…"). A paragraph that names several agencies
 * ("Sở Tài chính, Sở Nội vụ: …", "Bộ phận Văn phòng - Thống kê, Bộ phận Tư pháp
 * - Hộ tịch: …") gives one entry per agency, each with the same duties. Body
 * paragraphs of the form "- Sở Y tế: …" are entries of their own; lettered
 * sub-items without an agency are duties of the item above them.
 * Duties are the sentences and bullets; deadlines are the deadline phrases of
 * the duties ("Định kỳ báo cáo hằng năm (trước ngày 15/11)").
 */
import type { OutlineNode, PlanDocument } from '../../model/document.js';
import type { Agency, Responsibility } from '../../schema/record.js';
import type { Stage } from '../stage.js';
import { AgencyRegistry, maskBracketCodes } from '../../facts/agencies.js';
import { skeleton } from '../../text/vietnamese.js';
import { parseDeadlines } from '../deadlines.js';
import { paragraphs, sentences, topNodesOfKind, type Paragraph } from '../blocks.js';
import { joinMergedBodies, leadingAgencies, partnersAt, uniqueAgencies, unknownSubject, warnUnknown } from '../agency-phrases.js';

/** A heading's label ("3.", "1.2.", "a)", "II."), also glued to its text as OCR leaves it ("4.Sở Y tế"). */
const LABEL = /^\s*(?:[IVXLivxl1]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])\s*(?:[.)\/]\s*(?=\p{Lu})|[.)\/]?\s+)/u;
const REQUEST = /^(?:(?:kính\s+)?đề nghị|de nghi|giao|yêu cầu|yeu cau|đối với|doi voi|trách nhiệm của|trach nhiem cua|nhiệm vụ của|nhiem vu cua)\s+/iu;

const CLOSING = /^(?:trong qua trinh|qua trinh (?:to chuc )?thuc hien|tren day la|ke hoach nay)/;

interface Head {
  agencies: Agency[];
  duty: string;
}

/** The agency (or agencies) a paragraph opens with, and what it says they must do. */
/** Items of an organization part that are not agencies: "1. Thời gian thực hiện Kế hoạch: …", "Chế độ báo cáo: …". */
const NOT_AN_AGENCY = /^(?:thoi gian|thoi han|kinh phi|che do (?:thong tin )?bao cao|noi dung|tien do|chi tieu|cong tac (?:trien khai|to chuc|kiem tra|bao cao|thong tin))\b/;

export function parseHead(text: string, isHeading: boolean): Head | null {
  const registry = AgencyRegistry.load();
  if (NOT_AN_AGENCY.test(skeleton(text.trim()))) return null;
  let t = maskBracketCodes(text).replace(REQUEST, '').trim();
  // Damaged "Đề nghị" ("Bố nghị", "De nghi"): matched on the skeleton.
  const req = /^(?:kinh\s+)?\S{1,3}\s+nghi\s+/.exec(skeleton(t));
  if (req) t = t.slice(req[0].length).trim();
  const colon = t.indexOf(':');
  if (colon > 0) {
    const before = t.slice(0, colon);
    const run = leadingAgencies(before);
    const rest = before.slice(run.end).trim();
    if (run.agencies.length > 0 && !/\p{L}{2,}/u.test(rest.replace(/^(có trách nhiệm|co trach nhiem|chủ trì|chu tri)/iu, ''))) {
      return { agencies: run.agencies.map((m) => m.agency), duty: t.slice(colon + 1).trim() };
    }
    if (isHeading && before.split(/\s+/).length <= 14 && /^\p{Lu}/u.test(before)) {
      const list = registry.parseList(before);
      if (list.length > 0) return { agencies: list, duty: t.slice(colon + 1).trim() };
    }
  }
  const run = leadingAgencies(t);
  if (run.agencies.length > 0) {
    // "Công an phường, Đội Quản lý trật tự đô thị phường phối hợp …": a body the registry does not know may follow the known ones.
    const more = isHeading ? partnersAt(t) : [];
    if (more.length > run.agencies.length) {
      const last = more[more.length - 1]!.raw;
      return { agencies: more, duty: t.slice(t.indexOf(last) + last.length).replace(/^[\s,;:.-]+/, '').trim() };
    }
    return { agencies: run.agencies.map((m) => m.agency), duty: t.slice(run.end).replace(/^[\s,;:.-]+/, '').trim() };
  }
  // "1. Phòng Chuyển đổi số là đầu mối theo dõi …": an item opening with a body the registry does not know, ended by its verb.
  const unknown = isHeading ? unknownSubject(t) : [];
  if (unknown.length > 0) {
    const last = unknown[unknown.length - 1]!.raw;
    return { agencies: unknown, duty: t.slice(t.indexOf(last) + last.length).replace(/^[\s,;:.-]+/, '').trim() };
  }
  if (isHeading && t.split(/\s+/).length <= 12 && /^\p{Lu}/u.test(t) && !/[.;]/.test(t.replace(/\.\/\.$|\.$/, ''))) {
    return { agencies: registry.parseList(t.replace(/[:.]+$/, '')).slice(0, 1), duty: '' };
  }
  return null;
}

function dutiesOf(text: string): string[] {
  const clean = text.replace(/\s*\.\/\.\s*$/, '.').trim();
  if (!clean) return [];
  return sentences(clean).map((s) => s.text).filter((s) => /\p{L}{2,}/u.test(s));
}

/** The entries a paragraph opened (one per agency it names), still taking duties. */
interface Open {
  entries: Responsibility[];
  start: number;
  end: number;
}

function addDuties(o: Open, duties: string[], end: number): void {
  for (const e of o.entries) e.duties.push(...duties);
  o.end = end;
}

export const responsibilitiesStage: Stage = {
  name: 'responsibilities',
  run(doc, draft) {
    // Items of other parts may read as organization ("Nâng cao … trách nhiệm của các cấp ủy"): only parts count.
    const parts = topNodesOfKind((doc.data.outline ?? []), ['organization'], ['tasks', 'solutions', 'purpose', 'objectives', 'indicators', 'budget', 'appendix']);
    for (const part of parts) processNode(doc, part, null, draft.responsibilities, true);
  },
};

function open(doc: PlanDocument, head: Head, p: Paragraph, out: Responsibility[]): Open | null {
  const agencies = uniqueAgencies(joinMergedBodies(head.agencies, doc.data.documentYear));
  if (agencies.length === 0) return null;
  const source = doc.sourceOf(p.start, p.end);
  warnUnknown(doc, agencies, source);
  const entries = agencies.map((agency): Responsibility => ({ agency, duties: dutiesOf(head.duty), deadlines: [], source }));
  out.push(...entries);
  return { entries, start: p.start, end: p.end };
}

function close(doc: PlanDocument, o: Open | null): void {
  if (!o) return;
  for (const e of o.entries) {
    e.source = doc.sourceOf(o.start, o.end);
    e.deadlines = parseDeadlines(e.duties.join(' '), { strict: true });
  }
}

function processNode(doc: PlanDocument, node: OutlineNode, inheritedOpen: Open | null, out: Responsibility[], isPart: boolean): void {
  // Items take kinds from their words ("Sở Tài chính: bố trí kinh phí…" reads as budget): inside the part,
  // an item is an agency's if it names one; a budget or appendix item that names none is left to its stage.
  if (!isPart && node.kind !== 'organization') {
    const first = paragraphs(doc, node.start, node.start)[0];
    const head = first ? parseHead(first.text.replace(LABEL, ''), true) : null;
    if (!head?.agencies[0]?.known) return;
  }
  const ownEnd = node.children[0] ? node.children[0].start - 1 : node.end;
  const paras = paragraphs(doc, node.start, ownEnd);
  let current: Open | null = inheritedOpen;
  let headIsAgency = false;
  if (paras[0]) {
    const first = { ...paras[0], text: paras[0].text.replace(LABEL, '') };
    const head = isPart ? null : parseHead(first.text, true);
    if (head) {
      current = open(doc, head, first, out);
      headIsAgency = current !== null;
    } else if (!isPart) {
      if (current) {
        addDuties(current, dutiesOf(first.text), first.end);
      } else if (!/bao cao|kinh phi|hieu luc|dieu khoan|che do|trach nhiem|nhiem vu|phan cong|to chuc thuc hien/.test(skeleton(first.text))) {
        doc.warn('unreadable-agency', `no agency read in "${first.text.slice(0, 80)}"`, doc.sourceOf(first.start, first.end));
      }
    }
  }
  for (const p of paras.slice(1)) {
    // The plan's closing words ("Trong quá trình thực hiện, nếu có khó khăn…") are nobody's duty.
    if (CLOSING.test(skeleton(p.text))) {
      if (current && current !== inheritedOpen) close(doc, current);
      current = null;
      continue;
    }
    // A numbered agency item the outline did not take as a heading ("4.Sở Y tế" without a space).
    const numbered = /^\s*\d{1,2}\s*[.)]\s*(?=\p{Lu})/u.exec(p.text);
    const numberedHead = numbered && !isPart ? parseHead(p.text.slice(numbered[0].length), true) : null;
    if (numberedHead?.agencies[0]?.known) {
      if (current && current !== inheritedOpen) close(doc, current);
      current = open(doc, numberedHead, p, out);
      continue;
    }
    // "- Sở Tài chính: …" inside an item is an entry of its own.
    // In a part without numbered items, a paragraph that opens with a known body is that body's entry;
    // so is a request to bodies anywhere ("Yêu cầu các sở, ban, ngành … báo cáo trước ngày 15/12 hằng năm").
    const request = REQUEST.test(p.text) && /^(?:đề nghị|de nghi|yêu cầu|yeu cau|giao)\s/iu.test(p.text);
    const sub = /:/.test(p.text.slice(0, 160)) || p.bullet || isPart || request ? parseHead(p.text, false) : null;
    if (request && sub?.agencies[0]?.known) {
      if (current && current !== inheritedOpen) close(doc, current);
      current = open(doc, sub, p, out);
      continue;
    }
    const opensWithBody = isPart && !p.bullet && !/^[^:]{0,120}:/.test(p.text) ? sub?.agencies[0]?.known === true : true;
    if (sub && opensWithBody && (/:/.test(p.text.slice(0, 160)) ? true : sub.agencies.every((a) => a.kind === 'agency') || isPart) && (p.bullet || !current || isPart || /^[^:]{0,120}:/.test(p.text))) {
      if (current && current !== inheritedOpen) close(doc, current);
      current = open(doc, sub, p, out);
      continue;
    }
    if (current) addDuties(current, dutiesOf(p.text), p.end);
  }
  for (const child of node.children) {
    const childFirst = paragraphs(doc, child.start, child.start)[0];
    const childHead = childFirst ? parseHead(childFirst.text.replace(LABEL, ''), true) : null;
    if (headIsAgency && current && !childHead?.agencies.some((a) => a.known)) {
      // Lettered duties of the agency above.
      const text = paragraphs(doc, child.start, child.end).map((p) => p.text.replace(LABEL, '')).join(' ');
      addDuties(current, dutiesOf(text), child.end);
      continue;
    }
    if (current && current !== inheritedOpen) {
      close(doc, current);
      current = null;
    }
    processNode(doc, child, null, out, false);
  }
  if (current && current !== inheritedOpen) close(doc, current);
}

