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

/** A heading or sentence that announces targets, on the skeleton. */
const ANNOUNCES_TARGETS = /\bchi tieu\b/;
/** A part heading ("III. …"): the end of what a "chỉ tiêu" heading covers. */
const ROMAN_HEADING = /^[ivxl]{1,5}\s*[.\/]\s+\S/;

function squeezeTo(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

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
    // Under each heading or sentence that announces targets ("II. CHỈ TIÊU …", "… đạt các chỉ tiêu sau:"), lines
    // with % and no indicator read from them mean a list was missed, even when other targets were read.
    const indicatorLines = new Set(draft.indicators.flatMap((x) => (x.source ? [`${x.source.page}:${x.source.line}`, `${x.source.page}:${x.source.endLine}`] : [])));
    let warnedList = false;
    for (let i = from; i <= to; i++) {
      const skel = skeleton(lines[i]!.text).trim();
      if (!ANNOUNCES_TARGETS.test(skel) || !(/:$/.test(skel) || skel.split(/\s+/).length <= 16)) continue;
      const under: number[] = [];
      for (let k = i + 1; k <= Math.min(to, i + 15); k++) {
        const s = skeleton(lines[k]!.text).trim();
        if (ROMAN_HEADING.test(s) || (ANNOUNCES_TARGETS.test(s) && s.split(/\s+/).length <= 16)) break;
        if (PERCENT.test(lines[k]!.text)) under.push(k);
      }
      const read = under.some((k) => indicatorLines.has(`${lines[k]!.page}:${lines[k]!.line}`));
      if (under.length >= 2 && !read) {
        warnedList = true;
        doc.warn('indicators-not-found', `no indicator read under "${squeezeTo(lines[i]!.text, 80)}", but ${under.length} of its lines state percentages`, doc.sourceOf(i));
      }
    }
    if (!warnedList && draft.indicators.length === 0 && percentLines.length >= 2) {
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
