/**
 * Tasks: the numbered items of the NHIỆM VỤ / GIẢI PHÁP parts.
 *
 * - A numbered item whose children are numbered items is a group: its
 *   children are the tasks; the group itself is not emitted as a task (its
 *   heading names a theme, not work to do). What the group states for all its
 *   items ("- Cơ quan chủ trì: …" before its first item) is inherited by items
 *   that state nothing of their own — that is the document's word, not a guess.
 * - Any other numbered item (lettered sub-points included in its text) is a
 *   task; a part whose items are lettered (a), b)) has lettered tasks.
 * - `id` is the document's numbering; an item numbered "1" under group "6" is
 *   "6.1"; when a later part restarts the numbering (GIẢI PHÁP 1, 2… after
 *   NHIỆM VỤ 1, 2…) its ids take the part's label ("III.1").
 * - lead/support come from explicit lines ("Cơ quan chủ trì:", "Cơ quan phối
 *   hợp:"), else from prose ("X chủ trì, phối hợp với Y"); a task that names no
 *   agency of its own keeps `lead` empty (the TỔ CHỨC THỰC HIỆN part says who).
 * - deadlines come from "Thời gian thực hiện:" lines, else from deadline
 *   phrases of the text ("hoàn thành tháng 6/2024", "trước ngày 10/12 hằng năm").
 */
import type { OutlineNode, PlanDocument } from '../../model/document.js';
import type { Agency, Deadline, Task } from '../../schema/record.js';
import type { Stage } from '../stage.js';
import { AgencyRegistry } from '../../facts/agencies.js';
import { parseDeadlines } from '../deadlines.js';
import { paragraphs, topNodesOfKind, type Paragraph } from '../blocks.js';
import { cooperationPartners, explicitFields, fieldAgencies, joinMergedBodies, leadingAgencies, proseAgencies, uniqueAgencies, unknownSubject, warnUnknown } from '../agency-phrases.js';

interface Inherited {
  lead: Agency[];
  support: Agency[];
  deadlines: Deadline[];
}

/** A heading's label ("3.", "1.2.", "a)", "II."), also glued to its text as OCR leaves it ("4.Sở Y tế"). */
const LABEL = /^\s*(?:[IVXLivxl1]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])\s*(?:[.)\/]\s*(?=\p{Lu})|[.)\/]?\s+)/u;

function isNumbered(node: OutlineNode): boolean {
  return /^\d/.test(node.id);
}

interface Fields {
  lead: string[];
  support: string[];
  time: string[];
  /** Paragraphs that are only field lines (left out of the prose search). */
  fieldParas: Set<Paragraph>;
}

function collectFields(paras: Paragraph[]): Fields {
  const out: Fields = { lead: [], support: [], time: [], fieldParas: new Set() };
  for (const p of paras) {
    const fields = explicitFields(p.text);
    if (fields.length === 0) continue;
    // A field line opens its paragraph (or follows the task sentence in the same paragraph).
    for (const f of fields) out[f.field].push(f.value);
    if (fields[0]!.at <= 2) out.fieldParas.add(p);
  }
  return out;
}

/**
 * The agencies an item is headed with, when the item is given out agency by agency: the heading is the names
 * alone ("1.2. Công an tỉnh", its duties below), or the names before ':' ("7. Các sở, ban, ngành, địa phương: Căn
 * cứ …", "3.3. Bộ Chỉ huy Quân sự tỉnh chỉ đạo lực lượng Bộ đội Biên phòng: …"). Known bodies and groups only: a
 * theme ("Về chính sách …") or a sentence that merely opens with an agency names no lead.
 */
function openingAgencies(text: string, headingAlone: boolean): Agency[] {
  const t = text.replace(/^(?:(?:kính\s+)?đề nghị|giao)\s+/iu, '').trim();
  const colon = t.indexOf(':');
  const head = colon > 0 ? t.slice(0, colon) : headingAlone && t.split(/\s+/).length <= 16 && !/[.;]/.test(t.replace(/[.:]$/, '')) ? t : null;
  if (head === null) return [];
  const run = leadingAgencies(head);
  if (run.agencies.length === 0) return [];
  const rest = head.slice(run.end).replace(/[\s.:,]+$/u, '').trim();
  if (colon > 0 ? rest.split(/\s+/).filter(Boolean).length > 8 : rest !== '') return [];
  return run.agencies.map((m) => m.agency);
}

/** Words after a name that do not make it a sentence's subject ("Công an tỉnh của …", "Sở Y tế và …"). */
const NOT_A_VERB = /^(?:của|thuộc|tại|trên|trong|và|với|cùng|theo|về|do|là|các|những|có liên quan)(?=\s|$)/iu;

/** The known bodies (not groups) a sentence opens with as its subject, a lower-case word (its verb) right after them. */
function subjectAgencies(text: string): Agency[] {
  const t = text.replace(/^(?:(?:kính\s+)?đề nghị|giao)\s+/iu, '').trim();
  // A sentence, not a heading ("c) Thanh toán số và tài sản số" is a theme, however close "Thanh toán" is to "Thành đoàn").
  if (!/[.;]$/u.test(t) && t.length < 80) return [];
  const run = leadingAgencies(t);
  // A body the registry does not know, named up to its verb ("Trung tâm Công nghệ thông tin và Truyền thông tổ chức …").
  if (run.agencies.length === 0) return unknownSubject(t);
  if (run.agencies[0]!.start > 0) return [];
  let rest = t.slice(run.end);
  // "Bộ phận Một cửa của Trung tâm Phục vụ hành chính công phường bố trí …": the unit of a body is the subject.
  const of = /^\s+(?:của|thuộc)\s+/iu.exec(rest);
  if (of) {
    const owner = leadingAgencies(rest.slice(of[0].length));
    if (owner.agencies.length === 0 || owner.agencies[0]!.start > 0) return [];
    rest = rest.slice(of[0].length + owner.end);
  }
  if (!/^\s+\p{Ll}/u.test(rest) || NOT_A_VERB.test(rest.trim())) return [];
  // A collective subject ("Các cấp, các ngành tiếp tục …") names no one: the organization part says who.
  if (run.agencies.some((m) => m.agency.kind === 'group')) return [];
  return run.agencies.map((m) => m.agency);
}

export function buildTask(doc: PlanDocument, node: OutlineNode, id: string, inherited: Inherited): Task {
  const paras = paragraphs(doc, node.start, node.end);
  if (paras[0]) paras[0] = { ...paras[0], text: paras[0].text.replace(LABEL, '') };
  const first = paras[0];
  // The title: the heading, or the item's first sentence when the heading runs on into prose.
  let firstText = first?.text ?? node.heading;
  // "1. Tuyên truyền … (Cơ quan chủ trì: …; thời gian: …)": the title stops before the fields.
  const inline = first ? explicitFields(first.text)[0] : undefined;
  if (inline && inline.at > 10) firstText = firstText.slice(0, inline.at).replace(/[\s(\-–;,.]+$/u, '');
  const sentence = /^(.+?[.:!?])(?:\s+\p{Lu}|$)/u.exec(firstText);
  let title = (sentence ? sentence[1]! : firstText).replace(/(?<!\.)[.:;]\s*$/, '').trim();
  if (title.length > 300) title = title.slice(0, 300).replace(/\s+\S*$/, '') + '…';
  const text = paras.map((p) => (p.bullet ? `${p.bullet} ${p.text}` : p.text)).join('\n');
  const source = doc.sourceOf(node.start, node.end);

  const fields = collectFields(paras);
  let lead: Agency[] = [];
  let support: Agency[] = [];
  for (const [field, values] of [['lead', fields.lead], ['support', fields.support]] as const) {
    for (const v of values) {
      const found = fieldAgencies(v, field);
      lead.push(...found.lead);
      support.push(...found.support);
    }
  }
  if (fields.lead.length > 0 && lead.length === 0) doc.warn('unreadable-agency', `task ${id}: no agency read in "Cơ quan chủ trì: ${fields.lead.join('; ')}"`, source);
  if (lead.length === 0 && support.length === 0) {
    // Paragraphs joined with line breaks: a clause never runs from the heading into the next paragraph.
    const prose = proseAgencies(paras.filter((p) => !fields.fieldParas.has(p)).map((p) => p.text).join('\n'), { cooperation: true });
    lead = prose.lead;
    support = prose.support;
    // "1.2. Công an tỉnh" over its duties, "3.3. Bộ Chỉ huy Quân sự tỉnh chỉ đạo …: …", "7. Các sở, ban, ngành: …"
    // (solutions given out agency by agency): the agency the item opens with is the one that carries it out.
    if (lead.length === 0 && first) {
      lead = openingAgencies(first.text, paras.length > 1);
      // Its duties below may name whom it works with ("+ …, phối hợp với Sở Công Thương kiểm tra …").
      if (lead.length > 0 && support.length === 0) support = cooperationPartners(paras.slice(1).filter((p) => !fields.fieldParas.has(p)).map((p) => p.text).join('\n'));
    }
    // "Chi cục Quản lý thị trường tỉnh ban hành …", "Văn phòng Sở tổng hợp …": a body paragraph opening with the
    // bodies that do the work, a verb right after them (known bodies and groups only).
    if (lead.length === 0) lead = paras.slice(paras.length > 1 ? 1 : 0).filter((p) => !fields.fieldParas.has(p)).flatMap((p) => subjectAgencies(p.text));
  }
  if (lead.length === 0 && fields.lead.length === 0) lead = inherited.lead;
  if (support.length === 0 && fields.support.length === 0) support = inherited.support;

  let deadlines: Deadline[] = [];
  for (const v of fields.time) {
    const found = parseDeadlines(v);
    if (found.length === 0) doc.warn('unparsed-deadline', `task ${id}: no deadline read in "Thời gian thực hiện: ${v}"`, source);
    deadlines.push(...found);
  }
  if (fields.time.length === 0) {
    deadlines = parseDeadlines(paras.filter((p) => !fields.fieldParas.has(p)).map((p) => p.text).join(' '), { strict: true });
    if (deadlines.length === 0) deadlines = inherited.deadlines;
  }
  lead = uniqueAgencies(joinMergedBodies(lead, doc.data.documentYear));
  support = uniqueAgencies(joinMergedBodies(support, doc.data.documentYear)).filter((s) => !lead.some((l) => l.name === s.name));
  warnUnknown(doc, [...lead, ...support], source);
  return { id, title, text, lead, support, deadlines, source };
}

export const tasksStage: Stage = {
  name: 'tasks',
  run(doc, draft) {
    const registry = AgencyRegistry.load();
    const parts = topNodesOfKind((doc.data.outline ?? []), ['tasks', 'solutions'], ['organization', 'appendix', 'budget']);
    const used = new Set<string>();
    /** Lettered items that each name their own lead ("a) … - Cơ quan chủ trì: …") are tasks of their own. */
    /** Or that each say in their own prose who carries them out ("a) Giao X chủ trì …", "b) Phòng Y thẩm định …"). */
    const ownFields = (n: OutlineNode) => {
      const paras = paragraphs(doc, n.start, n.end);
      if (collectFields(paras).lead.length > 0) return true;
      const text = paras.map((p) => p.text.replace(LABEL, '')).join('\n');
      return proseAgencies(text, { cooperation: true }).lead.length > 0 || paras.some((p) => subjectAgencies(p.text.replace(LABEL, '')).length > 0);
    };
    const emit = (node: OutlineNode, parent: OutlineNode | null, part: OutlineNode, inherited: Inherited) => {
      if (node.children.some(isNumbered) || (isNumbered(node) && node.children.length > 1 && node.children.every(ownFields))) {
        // A group: what it says before its first item holds for its items.
        const own = paragraphs(doc, node.start, node.children[0]!.start - 1);
        const fields = collectFields(own);
        const next: Inherited = {
          lead: fields.lead.length ? fields.lead.flatMap((v) => registry.parseList(v)) : inherited.lead,
          support: fields.support.length ? fields.support.flatMap((v) => registry.parseList(v)) : inherited.support,
          deadlines: fields.time.length ? fields.time.flatMap((v) => parseDeadlines(v)) : inherited.deadlines,
        };
        for (const child of node.children) emit(child, isNumbered(node) ? node : null, part, next);
        return;
      }
      let id = node.id;
      if (parent && !id.includes('.') && isNumbered(node)) id = `${parent.id}.${id}`;
      if (parent && !isNumbered(node)) id = `${parent.id}.${id}`;
      if (used.has(id)) id = `${part.id}.${id}`;
      used.add(id);
      draft.tasks.push(buildTask(doc, node, id, inherited));
    };
    for (const part of parts) {
      const none: Inherited = { lead: [], support: [], deadlines: [] };
      if (part.children.length === 0) {
        bulletTasks(doc, part).forEach((node) => emit(node, null, part, none));
        continue;
      }
      const first = part.children[0]!;
      const own = paragraphs(doc, part.start + 1, first.start - 1);
      const fields = collectFields(own);
      const inherited: Inherited = fields.lead.length || fields.support.length
        ? { lead: fields.lead.flatMap((v) => registry.parseList(v)), support: fields.support.flatMap((v) => registry.parseList(v)), deadlines: [] }
        : none;
      // an item of the part that holds its targets or aims ("1. Chỉ tiêu chủ yếu") is no task
      for (const child of part.children) if (child.kind !== 'indicators' && child.kind !== 'objectives') emit(child, null, part, inherited);
    }
  },
};

/**
 * A tasks part written as an unnumbered list ("- Công an phường chủ trì …", "- Trạm Y tế phường bố trí …"): each
 * bullet is a task, numbered by its place in the list ("1", "2", …) since the document gives none — a warning says so.
 */
function bulletTasks(doc: PlanDocument, part: OutlineNode): OutlineNode[] {
  // A part of the document only ("III. NHIỆM VỤ TRỌNG TÂM"): the bullets of an item "b) Nhiệm vụ" are its text.
  if (part.level !== 1) return [];
  const items = paragraphs(doc, part.start + 1, part.end).filter((p) => p.bullet !== null && /^[-–+•*▪●○◦]$/u.test(p.bullet));
  if (items.length < 2) return [];
  doc.warn('tasks-numbered-by-position', `part ${part.id} "${part.heading}": ${items.length} unnumbered tasks, numbered by their place in the list`, doc.sourceOf(part.start, part.end));
  return items.map((p, k) => ({ id: String(k + 1), heading: p.text, kind: part.kind, level: part.level + 1, start: p.start, end: p.end, children: [] }));
}
