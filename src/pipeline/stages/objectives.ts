/**
 * Objectives: purposes (Mục đích), requirements (Yêu cầu), general objectives
 * (Mục tiêu chung / tổng quát), specific objectives that are not numeric
 * (Mục tiêu cụ thể — numeric ones are indicators), and the vision (Tầm nhìn),
 * each paragraph or bullet a TextItem. The category comes from the heading
 * of the node, or from an inline label ("- Mục đích: …", "Mục tiêu chung:").
 */
import type { OutlineNode, PlanDocument } from '../../model/document.js';
import type { Objectives } from '../../schema/record.js';
import type { Stage } from '../stage.js';
import { skeleton } from '../../text/vietnamese.js';
import { upperShare } from '../../text/case.js';
import { paragraphs, topNodesOfKind } from '../blocks.js';
import { findTargets } from '../targets.js';

type Category = keyof Objectives;

/** A heading's label ("3.", "1.2.", "a)", "II."), also glued to its text as OCR leaves it ("4.Sở Y tế"). */
const LABEL = /^\s*(?:[IVXLivxl1]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])\s*(?:[.)\/]\s*(?=\p{Lu})|[.)\/]?\s+)/u;

/** The category a heading or label names (skeleton). Order matters: "mục tiêu cụ thể" before "mục tiêu". */
export function categoryOf(text: string): Category | null {
  const s = skeleton(text).trim();
  if (/^(?:\S+\s+)?muc dich\b/.test(s) && /yeu cau/.test(s)) return 'purposes';
  if (/^(?:\S+\s+)?muc dich\b/.test(s)) return 'purposes';
  if (/^(?:\S+\s+)?yeu cau\b/.test(s)) return 'requirements';
  if (/^(?:\S+\s+)?muc tieu (?:chung|tong quat|tong the)\b/.test(s)) return 'general';
  if (/^(?:\S+\s+)?(?:muc tieu cu the|chi tieu cu the|cac chi tieu|chi tieu)\b/.test(s)) return 'specific';
  if (/^(?:\S+\s+)?tam nhin\b/.test(s)) return 'vision';
  if (/^(?:\S+\s+)?muc tieu\b/.test(s)) return 'general';
  return null;
}

function collect(doc: PlanDocument, node: OutlineNode, inherited: Category | null, out: Objectives): void {
  const fromHeading = categoryOf(node.heading);
  let current: Category | null = fromHeading ?? inherited;
  const ownEnd = node.children[0] ? node.children[0].start - 1 : node.end;
  const paras = paragraphs(doc, node.start, ownEnd);
  // The heading line is a label, unless it runs on into a sentence ("a) Giảm tỷ lệ…" under Mục tiêu cụ thể).
  const first = paras[0];
  if (first) {
    const rest = first.text.replace(LABEL, '');
    const headingOnly = first.start === first.end && fromHeading !== null;
    if (headingOnly) paras.shift();
    else paras[0] = { ...first, text: rest };
  }
  for (const p of paras) {
    let text = p.text.trim();
    // A part heading the outline missed ("II NHIỆM VỤ", "HIIL. GIẢI PHÁP" from OCR) ends the objectives.
    const firstLine = doc.lines[p.start]!.text.trim();
    if (upperShare(firstLine) > 0.8 && firstLine.length < 60 && /nhiem vu|giai phap|to chuc thuc hien|kinh phi|phu luc/.test(skeleton(firstLine))) {
      doc.warn('objectives-cut', `objectives end at a part heading the outline missed: "${firstLine}"`, doc.sourceOf(p.start));
      return;
    }
    // Inline labels: "Mục đích: …", "- Mục tiêu chung: …".
    const colon = text.indexOf(':');
    if (colon > 0 && colon < 40) {
      const label = categoryOf(text.slice(0, colon));
      if (label) {
        current = label;
        text = text.slice(colon + 1).trim();
        if (!text) continue;
      }
    }
    if (!current) continue;
    // Intro lines ("Đến năm 2025:") are not objectives.
    if (/:$/.test(text) && text.split(/\s+/).length <= 12) continue;
    if (current === 'specific' && findTargets(text).length > 0) continue;
    out[current].push({ text: text.replace(/\s*\.\/\.\s*$/, '.'), source: doc.sourceOf(p.start, p.end) });
  }
  for (const child of node.children) collect(doc, child, current, out);
}

export const objectivesStage: Stage = {
  name: 'objectives',
  run(doc, draft) {
    for (const top of topNodesOfKind((doc.data.outline ?? []), ['purpose', 'objectives', 'indicators'], ['tasks', 'solutions', 'organization', 'budget', 'appendix'])) {
      collect(doc, top, top.kind === 'indicators' ? 'specific' : null, draft.objectives);
    }
  },
};
