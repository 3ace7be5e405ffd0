/**
 * What the document is, beyond its type word:
 *
 * - a Quyết định (or Nghị quyết) that issues a plan ("Ban hành kèm theo Quyết định này Kế hoạch
 *   …") carries the plan after its own signature: `document` stays the decision, `attachment`
 *   names the plan (type, title, where it stands), and the body the content stages read is the
 *   plan's (so tasks, indicators and responsibilities are the plan's, with its positions); the
 *   decision's signature is still looked for after the decision (`decisionEnd`);
 * - a text with no national motto, no number, no type word, no signature and no part a plan has
 *   (MỤC TIÊU, NHIỆM VỤ, TỔ CHỨC THỰC HIỆN…) — a speech, an article — is not an administrative document: no type, no issuer taken from a sentence, no
 *   tasks, and a `not-an-administrative-document` warning.
 */
import type { PlanDocument } from '../../model/document.js';
import type { RecordDraft, Stage } from '../stage.js';
import { skeleton } from '../../text/vietnamese.js';
import { squeeze, tidyCodes, upperShare } from '../../text/case.js';
import { typeCodeFromName, typeNameOf } from '../../facts/document-types.js';
import { findBodyEnd } from './sections.js';

const ISSUES = /ban hanh kem theo (?:quyet dinh|nghi quyet) nay\s+(?:ban\s+)?(ke hoach|chuong trinh(?: hanh dong)?|quy che|quy dinh|de an|phuong an|huong dan|dieu le)\b/;
const ATTACHED_TO = /^[\s(*_]*(?:ban hanh\s+)?kem theo (?:quyet dinh|nghi quyet)/;

/** Finds the document a decision issues; sets the attachment and moves the body to it. */
export function findAttachment(doc: PlanDocument, draft: RecordDraft, bodyStart: number): void {
  if (draft.document.type !== 'QĐ' && draft.document.type !== 'NQ') return;
  const lines = doc.lines;
  const skels = (i: number) => skeleton(lines[i]?.text ?? '');
  let kind: string | null = null;
  let at = -1;
  for (let i = bodyStart; i < Math.min(lines.length, bodyStart + 80) && !kind; i++) {
    const m = ISSUES.exec(`${skels(i)} ${skels(i + 1)}`);
    if (m && m.index < skels(i).length) {
      kind = m[1]!;
      at = i;
    }
  }
  if (!kind || at < 0) return;
  const code = typeCodeFromName(kind);
  // The attached document opens with its type word on a line of its own, its title, then "(Kèm theo Quyết định số …)".
  for (let i = at + 1; i < lines.length; i++) {
    const s = skels(i).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
    if (!s.startsWith(kind.split(' ').slice(0, 2).join(' ')) || s.split(/\s+/).length > 5 || upperShare(lines[i]!.text) < 0.8) continue;
    let j = i + 1;
    const title: string[] = [];
    for (; j < Math.min(lines.length, i + 8); j++) {
      if (ATTACHED_TO.test(skels(j))) break;
      if (skels(j).trim() === '') {
        if (title.length) break;
        continue;
      }
      title.push(lines[j]!.text.replace(/^[\s*_#|]+|[\s*_|]+$/gu, ''));
    }
    const attachedTo = j < lines.length && ATTACHED_TO.test(skels(j));
    if (!attachedTo && title.length === 0) continue;
    draft.attachment = {
      type: code,
      typeName: typeNameOf(code),
      title: title.length ? tidyCodes(squeeze(title.join(' '))) : null,
      source: doc.sourceOf(i, lines.length - 1),
    };
    const decisionEnd = findBodyEnd(doc, bodyStart);
    doc.data.decisionEnd = Math.min(decisionEnd, i - 1);
    doc.data.bodyStart = attachedTo ? j + 1 : j;
    return;
  }
  doc.warn('attachment-not-found', `the decision issues a ${typeNameOf(code) ?? kind} but its text was not found after the decision`, doc.sourceOf(at));
}

/** Parts a plan is made of: an outline with one of them is a plan's body, header or not (a fragment, a scan that lost its header). */
const PLAN_PARTS = new Set(['purpose', 'objectives', 'indicators', 'tasks', 'solutions', 'organization']);

/** True when nothing marks the text as an administrative document. */
function notAdministrative(doc: PlanDocument, draft: RecordDraft): boolean {
  const ev = doc.data.headerEvidence;
  const s = draft.signer;
  if (ev === undefined || ev.motto || ev.number || ev.typeWord || s.authority || s.capacity || s.title || s.name) return false;
  // A part known only by what it holds ("2. Về nhiệm vụ năm 2026" over "Sở X chủ trì, …" in a speech) is no plan's part
  // unless it has a part's Roman label (a plan whose heading words were damaged).
  return !(doc.data.outline ?? []).some((node) => node.level === 1 && PLAN_PARTS.has(node.kind) && (!node.kindInferred || /^[IVXL]+$/.test(node.id)));
}

/** Warnings of the coverage stage that a plan's content was not read: no doubt in a text that is not a plan. */
const NOT_MISSED = new Set(['tasks-not-found', 'indicators-not-found']);

export const documentKindStage: Stage = {
  name: 'document-kind',
  run(doc, draft) {
    if (!notAdministrative(doc, draft)) return;
    draft.document.type = null;
    draft.document.typeName = null;
    // An issuer read from a sentence ("Ủy ban nhân dân thành phố đã ban hành …") is no issuer here.
    const inferred = doc.warnings.findIndex((w) => w.code === 'issuer-inferred');
    if (inferred >= 0) {
      draft.document.issuer = null;
      doc.warnings.splice(inferred, 1);
    }
    // "no task read, but … lines name an agency that chủ trì": a speech's sentences are no plan's content to miss.
    for (let k = doc.warnings.length - 1; k >= 0; k--) if (NOT_MISSED.has(doc.warnings[k]!.code)) doc.warnings.splice(k, 1);
    const dropped = draft.tasks.length + draft.responsibilities.length + draft.indicators.length;
    draft.tasks = [];
    draft.responsibilities = [];
    draft.indicators = [];
    doc.warn(
      'not-an-administrative-document',
      `no national motto, no number, no type word and no signature: not an administrative document (a speech or an article?); no type or issuer given${dropped ? `, ${dropped} tasks, responsibilities and targets left out` : ''}`,
      null,
    );
  },
};
