/**
 * Budget: the paragraphs of the KINH PHÍ part(s) ("Kinh phí thực hiện từ nguồn
 * ngân sách nhà nước…"), each a TextItem. A budget part may stand at top level
 * (V. KINH PHÍ THỰC HIỆN) or inside another (IV.3. Kinh phí).
 */
import type { Stage } from '../stage.js';
import { paragraphs, topNodesOfKind } from '../blocks.js';

/** A heading's label ("3.", "1.2.", "a)", "II."), also glued to its text as OCR leaves it ("4.Sở Y tế"). */
const LABEL = /^\s*(?:[IVXLivxl1]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])\s*(?:[.)\/]\s*(?=\p{Lu})|[.)\/]?\s+)/u;

export const budgetStage: Stage = {
  name: 'budget',
  run(doc, draft) {
    for (const node of topNodesOfKind((doc.data.outline ?? []), ['budget'], ['tasks', 'solutions', 'appendix', 'purpose', 'objectives', 'indicators'])) {
      const paras = paragraphs(doc, node.start, node.end);
      const first = paras[0];
      // The heading line alone is a label; a heading that runs on ("3. Kinh phí thực hiện: từ nguồn…") is content.
      if (first) {
        const rest = first.text.replace(LABEL, '');
        const colon = rest.indexOf(':');
        if (first.start === first.end && (colon < 0 || colon === rest.length - 1) && rest.split(/\s+/).length <= 10) paras.shift();
        else paras[0] = { ...first, text: rest };
      }
      for (const p of paras) {
        const text = (p.bullet && !/^[-–+•*]$/.test(p.bullet) ? `${p.bullet} ` : '') + p.text.replace(/\s*\.\/\.\s*$/, '.').trim();
        draft.budget.push({ text, source: doc.sourceOf(p.start, p.end) });
      }
    }
  },
};
