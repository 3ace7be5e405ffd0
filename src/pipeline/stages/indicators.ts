/**
 * Indicators from prose: one per numeric target in the objectives, indicators,
 * tasks and solutions parts — bullets, numbered targets "(1)…(13)", and targets
 * inside task prose ("phấn đấu đến năm 2025… đạt 62,8%"). Appendix tables are
 * read by the appendix stage.
 *
 * `id` is the section path plus a running number: the third target under
 * II. → 3. is "II.3.3". The year is the sentence's, else the heading's
 * ("Mục tiêu đến năm 2030").
 */
import type { OutlineNode, PlanDocument } from '../../model/document.js';
import type { Indicator } from '../../schema/record.js';
import type { Stage } from '../stage.js';
import { paragraphs, spanSource, topNodesOfKind } from '../blocks.js';
import { findTargets, headingYear } from '../targets.js';
import { explicitFields } from '../agency-phrases.js';
import { skeleton } from '../../text/vietnamese.js';

/** A heading's label ("3.", "1.2.", "a)", "II."), also glued to its text as OCR leaves it ("4.Sở Y tế"). */
const LABEL = /^\s*(?:[IVXLivxl1]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])\s*(?:[.)\/]\s*(?=\p{Lu})|[.)\/]?\s+)/u;
const KINDS = ['objectives', 'indicators', 'tasks', 'solutions'] as const;

/** Indicators of one node's own text (heading line included, children excluded). */
/**
 * In task prose, a number after a support or payment verb is a policy level ("hỗ trợ 50% học phí",
 * "miễn 100% lệ phí"), not a target.
 */
const POLICY_BEFORE = /(?:ho tro|mien|muc ho tro|muc dong|dong|chi tra|tro cap|cho vay|vay|giam)\s*(?:toi da|khoang|len den|den)?\s*$/;
const POLICY_AFTER = /^\s*\S*\s*(?:hoc phi|le phi|phi|gia|lai suat|muc dong|tien)/;

export function indicatorsOfNode(doc: PlanDocument, node: OutlineNode, path: string, year: number | null, prose = false): Indicator[] {
  const ownEnd = node.children[0] ? node.children[0].start - 1 : node.end;
  const paras = paragraphs(doc, node.start, ownEnd);
  if (paras[0]) {
    // The heading's label ("3.", "a)") is not a number of the text.
    const label = LABEL.exec(paras[0].text)?.[0].length ?? 0;
    paras[0] = { ...paras[0], text: ' '.repeat(label) + paras[0].text.slice(label) };
  }
  const out: Indicator[] = [];
  let context = year;
  for (const p of paras) {
    const fields = explicitFields(p.text);
    if (fields.length > 0 && fields[0]!.at <= 2) continue;
    const found = findTargets(p.text, context);
    // "Đến năm 2030, phấn đấu đạt các chỉ tiêu sau:" gives its year to the targets that follow.
    const intro = /(?:den|nam)\s+((?:19|20)\d{2})\b[^.;]*:\s*$/.exec(skeleton(p.text));
    if (found.length === 0 && intro) {
      context = Number(intro[1]);
      continue;
    }
    for (const t of found) {
      if (prose) {
        const skel = skeleton(p.text);
        if (POLICY_BEFORE.test(skel.slice(Math.max(0, t.start - 30), t.start)) && POLICY_AFTER.test(skel.slice(t.end, t.end + 30))) continue;
      }
      // "Có 32 giường bệnh/10.000 dân": a composite unit names its indicator.
      const fromUnit = !t.name && t.target.unit?.includes('/') ? `Số ${t.target.unit}` : '';
      const name = t.name || fromUnit || t.text;
      if (!t.name && !fromUnit) doc.warn('indicator-without-name', `no name read for the target in "${t.text.slice(0, 80)}"`, spanSource(doc, p, t.start, t.end));
      out.push({
        id: `${path}.${out.length + 1}`,
        text: t.text.trim(),
        name,
        target: t.target,
        responsible: [],
        source: spanSource(doc, p, t.start, t.end),
      });
    }
  }
  return out;
}

export const indicatorsStage: Stage = {
  name: 'indicators',
  run(doc, draft) {
    const visit = (node: OutlineNode, path: string[], year: number | null) => {
      const here = [...path, node.id];
      const y = headingYear(node.heading) ?? year;
      draft.indicators.push(...indicatorsOfNode(doc, node, here.join('.'), y, node.kind === 'tasks' || node.kind === 'solutions'));
      for (const child of node.children) if (child.kind !== 'appendix') visit(child, here, y);
    };
    const parents = (target: OutlineNode, nodes: readonly OutlineNode[], trail: OutlineNode[] = []): OutlineNode[] | null => {
      for (const n of nodes) {
        if (n === target) return trail;
        const found = parents(target, n.children, [...trail, n]);
        if (found) return found;
      }
      return null;
    };
    const outline = (doc.data.outline ?? []);
    const read = topNodesOfKind(outline, [...KINDS], ['organization', 'budget', 'appendix']);
    for (const top of read) {
      const trail = parents(top, outline) ?? [];
      let year: number | null = null;
      for (const t of trail) year = headingYear(t.heading) ?? year;
      visit(top, trail.map((t) => t.id), year);
    }
    // Targets are indicators wherever they sit: a "chỉ tiêu" list inside the organization part or any other
    // part the walk above leaves out ("2. Sở Y tế … phấn đấu đạt các chỉ tiêu sau: - Tỷ lệ … 95%").
    const covered = (line: number) => read.some((n) => line >= n.start && line <= n.end);
    const visitOthers = (nodes: readonly OutlineNode[], path: string[], year: number | null) => {
      for (const node of nodes) {
        if (node.kind === 'appendix' || covered(node.start)) continue;
        const here = [...path, node.id];
        const y = headingYear(node.heading) ?? year;
        const ownEnd = node.children[0] ? node.children[0].start - 1 : node.end;
        draft.indicators.push(...targetListsIn(doc, node.start, ownEnd, here.join('.'), y, CHI_TIEU.test(skeleton(node.heading))));
        visitOthers(node.children, here, y);
      }
    };
    visitOthers(outline, [], null);
  },
};

/** A heading or an introducing sentence that announces targets ("3. Chỉ tiêu", "… đạt các chỉ tiêu sau:"). */
const CHI_TIEU = /\bchi tieu\b/;

/**
 * The targets of the "chỉ tiêu" lists of a span: the bullets after a paragraph that announces targets (or all of
 * the span's bullets when its heading does), up to the first paragraph that is not a bullet.
 */
function targetListsIn(doc: PlanDocument, start: number, end: number, path: string, year: number | null, headed: boolean): Indicator[] {
  const out: Indicator[] = [];
  let open = false;
  let context = year;
  const paras = paragraphs(doc, start, end);
  for (const [k, p] of paras.entries()) {
    const skel = skeleton(p.text);
    const intro = /(?:den|nam)\s+((?:19|20)\d{2})\b[^.;]*:\s*$/.exec(skel);
    // The heading line itself holds no target ("3. Chỉ tiêu đến năm 2030").
    if (k === 0 && p.start === start) {
      open = headed || (CHI_TIEU.test(skel) && /:\s*$/.test(skel));
      continue;
    }
    if (!headed && (!p.bullet || /^[a-zđ]\)$/.test(p.bullet))) {
      // Under another heading, a paragraph that announces targets opens a list; any other paragraph closes it.
      open = CHI_TIEU.test(skel) && /:\s*$/.test(skel);
      if (intro) context = Number(intro[1]);
      continue;
    }
    if (intro && findTargets(p.text, context).length === 0) {
      context = Number(intro[1]);
      continue;
    }
    if (!open) continue;
    for (const t of findTargets(p.text, context)) {
      const fromUnit = !t.name && t.target.unit?.includes('/') ? `Số ${t.target.unit}` : '';
      const name = t.name || fromUnit || t.text;
      if (!t.name && !fromUnit) doc.warn('indicator-without-name', `no name read for the target in "${t.text.slice(0, 80)}"`, spanSource(doc, p, t.start, t.end));
      out.push({ id: `${path}.${out.length + 1}`, text: t.text.trim(), name, target: t.target, responsible: [], source: spanSource(doc, p, t.start, t.end) });
    }
  }
  return out;
}
