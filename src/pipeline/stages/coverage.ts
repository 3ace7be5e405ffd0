/**
 * The last word on what the stages left empty: when the document clearly holds targets (numbers with %),
 * tasks with leads ("X chủ trì") or agencies' duties, and the stages that read them found nothing, the record
 * says so in a warning instead of returning an empty list in silence (a damaged heading, an unusual layout).
 */
import type { Stage } from '../stage.js';
import { skeleton } from '../../text/vietnamese.js';
import { AgencyRegistry } from '../../facts/agencies.js';

/** A percentage that can be a target: "đạt 75%", "dưới 3 %" (not "100%" alone in a table header). */
const PERCENT = /\d(?:[.,]\d+)?\s*%/;

export const coverageStage: Stage = {
  name: 'coverage',
  run(doc, draft) {
    const lines = doc.lines;
    // From the top: a header that swallowed the body (no blank line after the title) must not hide it.
    const from = 0;
    const to = Math.min(doc.data.bodyEnd ?? lines.length - 1, lines.length - 1);
    const percentLines: number[] = [];
    const leadLines: number[] = [];
    const registry = AgencyRegistry.load();
    for (let i = from; i <= to; i++) {
      const text = lines[i]!.text;
      if (PERCENT.test(text)) percentLines.push(i);
      const skel = skeleton(text);
      const at = skel.search(/\bchu tri\b/);
      // "X chủ trì": an agency named before the words on the same line.
      if (at > 0 && registry.scan(text.slice(0, at)).some((m) => m.agency.kind === 'agency')) leadLines.push(i);
    }
    if (draft.indicators.length === 0 && percentLines.length >= 2) {
      doc.warn('indicators-not-found', `no indicator read, but ${percentLines.length} lines of the body state percentages`, doc.sourceOf(percentLines[0]!));
    }
    if (leadLines.length > 0) {
      if (draft.tasks.length === 0 && draft.responsibilities.length === 0) {
        doc.warn('tasks-not-found', `no task or responsibility read, but ${leadLines.length} lines name an agency that "chủ trì"`, doc.sourceOf(leadLines[0]!));
      } else if (draft.tasks.length > 0 && draft.tasks.every((t) => t.lead.length === 0) && draft.responsibilities.length === 0) {
        doc.warn('task-leads-not-found', `no task has a lead, but ${leadLines.length} lines name an agency that "chủ trì"`, doc.sourceOf(leadLines[0]!));
      }
    }
    const organization = (doc.data.outline ?? []).some((n) => n.kind === 'organization');
    if (organization && draft.responsibilities.length === 0) {
      doc.warn('responsibilities-not-found', 'the document has an organization part (TỔ CHỨC THỰC HIỆN) but no responsibility was read from it', null);
    }
  },
};
