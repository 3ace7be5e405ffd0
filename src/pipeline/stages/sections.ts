/**
 * The heading tree: Roman-numbered parts (I. MỤC ĐÍCH, YÊU CẦU), numbered
 * items (1., 1.1.) and lettered items (a)), each with the line range it governs
 * and a kind read from its heading (inherited by children that say nothing).
 */
import type { OutlineNode, PlanDocument } from '../../model/document.js';
import type { Section, SectionKind } from '../../schema/record.js';
import type { Stage } from '../stage.js';
import { skeleton } from '../../text/vietnamese.js';
import { squeeze, tidyCodes, upperShare } from '../../text/case.js';
import { RECIPIENTS_HEADING } from './closing.js';
import { AgencyRegistry } from '../../facts/agencies.js';
import { tableGlobalRange, tableLines } from '../blocks.js';
import { romanNumber, toRoman } from '../../text/roman.js';
import { tableLayout } from '../table-columns.js';

const ROMAN_LABEL = /^\s*([IVXLivxl1]{1,6})\s*[.\/]\s*(\S.*)$/u;
// "1. Về …", and OCR's "4.Sở Y tế" with the space lost (a capital must follow, so "8.000" is no label).
const NUMBER_LABEL = /^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)](?:\s+|(?=\p{Lu}))(\S.*)$/u;
const NUMBER_LABEL_NO_DOT = /^\s*(\d{1,2}\.\d{1,2}(?:\.\d{1,2}){0,2})\s+(\S.*)$/u;
const LETTER_LABEL = /^\s*([a-zđ])\s*\)\s+(\S.*)$/u;
/** "1: Hạ tầng và nền tảng": an item label whose period OCR read as a colon or comma. */
const NUMBER_LABEL_DAMAGED = /^\s*(\d{1,2})\s*([:,])\s*(\p{Lu}.*)$/u;

/**
 * A part heading known by its words: OCR debris and a short (damaged or missing) label, then the words that
 * open a plan's parts, then anything short ("~ IL.MUC TIÊU, CÁC CHỈ TIÊU CHỦ YẾU DPEN NĂM 2030"). On the
 * skeleton; the caller also asks for capitals and a short line.
 */
const PART_WORDS_HEADING =
  /^[~\-–_*•'"`.,;:|!»«\s]*(?:([a-z0-9|!]{1,5})\s*[.\/:,;]?\s*(?=[a-z]))?(?:cac\s+)?(muc dich|yeu cau|muc tieu|chi tieu|nhiem vu|giai phap|to chuc thuc hien|kinh phi|quan diem|noi dung|phan cong|trach nhiem|pham vi|doi tuong)\b/;
const MAX_PART_HEADING_WORDS = 16;

/** A line that is nothing but a part's name, after at most a short (damaged) label, on the skeleton. */
const PART_HEADING =
  /^(?:[a-z0-9|]{1,5}\s*[.\/:]?\s+)?(?:cac\s+)?(?:muc dich|yeu cau|muc tieu|nhiem vu|giai phap|to chuc thuc hien|kinh phi(?: thuc hien)?)(?:[ ,]+(?:va\s+)?(?:muc dich|yeu cau|muc tieu|nhiem vu|giai phap|chu yeu|trong tam|thuc hien|to chuc thuc hien))*\s*$/;

/** Heading words → kind, tested on the skeleton in this order (first hit wins). */
const KIND_RULES: [RegExp, SectionKind][] = [
  [/^phu luc/, 'appendix'],
  // A part that opens with its tasks keeps that name whatever follows ("NHIỆM VỤ, GIẢI PHÁP VÀ PHÂN CÔNG THỰC HIỆN").
  [/^(?:cac )?nhiem vu(?:,| va)? giai phap\b.*\bva phan cong/, 'tasks'],
  // "NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN": the tasks, each given to its agency.
  [/^(?:cac )?nhiem vu(?: cu the| trong tam)? va phan cong\b/, 'tasks'],
  // "NỘI DUNG, GIẢI PHÁP TRỌNG TÂM VÀ PHÂN CÔNG NHIỆM VỤ": the solutions, each given to its agency, are tasks.
  [/(?:giai phap|nhiem vu)\b.*\bva phan cong (?:nhiem vu|trach nhiem|thuc hien)/, 'solutions'],
  [/to chuc thuc hien|trach nhiem (cua cac|thuc hien)|phan cong (nhiem vu|trach nhiem)/, 'organization'],
  [/kinh phi|nguon (von|luc) thuc hien/, 'budget'],
  [/^nhiem vu(,| va)? giai phap|^(cac )?nhiem vu/, 'tasks'],
  [/giai phap/, 'solutions'],
  [/chi tieu/, 'indicators'],
  [/muc tieu|tam nhin/, 'objectives'],
  [/muc dich|yeu cau|quan diem/, 'purpose'],
];

export function kindOfHeading(heading: string): SectionKind | null {
  // A long heading is a paragraph: its words ("… đáp ứng yêu cầu …") say nothing of the section's kind.
  if (heading.split(/\s+/).length > MAX_TITLE_WORDS) return null;
  const skel = skeleton(heading).trim();
  for (const [re, kind] of KIND_RULES) if (re.test(skel)) return kind;
  return null;
}

/** An item heading that names nothing but targets or aims ("Chỉ tiêu chủ yếu", "Các chỉ tiêu cụ thể", "Mục tiêu, chỉ tiêu"). */
const AIMS_ITEM = /^(?:cac\s+)?(?:muc tieu|chi tieu)(?:[ ,]+(?:va\s+)?(?:muc tieu|chi tieu|chu yeu|cu the|chung|tong quat|co ban|trong tam|nam \d{4}|den nam \d{4}|giai doan \d{4}\s*-\s*\d{4}))*\s*:?$/;

/** Parts whose items keep the part's kind whatever their headings say ("Tăng cường trách nhiệm của các cấp ủy" is a task). */
const KIND_KEEPING_PARTS: ReadonlySet<SectionKind> = new Set(['tasks', 'solutions', 'organization', 'budget', 'appendix']);

/** A heading's own kind, or its parent's: only parts about aims (purpose, objectives) are divided by kind. */
function childKind(heading: string, parentKind: SectionKind | undefined): SectionKind {
  // A part's targets under its tasks ("II. PHƯƠNG HƯỚNG, NHIỆM VỤ" / "1. Chỉ tiêu chủ yếu" / "2. Nhiệm vụ trọng tâm"):
  // an item named only as the targets or aims is those, not a task.
  if (parentKind && (parentKind === 'tasks' || parentKind === 'solutions') && AIMS_ITEM.test(skeleton(heading).trim())) return kindOfHeading(heading) ?? parentKind;
  if (parentKind && KIND_KEEPING_PARTS.has(parentKind)) return parentKind;
  return kindOfHeading(heading) ?? parentKind ?? 'other';
}

/** Roman numeral value, reading OCR's 1 and l as I; null when it is not a numeral. */
/** A Roman part label as OCR may leave it ("I1", "111" for III), else null. */
export function romanValue(label: string): number | null {
  return romanNumber(label.replace(/[1l]/g, 'I').toUpperCase());
}

export { toRoman };

/** Where the body ends: the line before "Nơi nhận" or the signature block. */
export function findBodyEnd(doc: PlanDocument, from: number): number {
  const lines = doc.lines;
  for (let i = from; i < lines.length; i++) {
    const s = skeleton(lines[i]!.text).trim();
    if (RECIPIENTS_HEADING.test(s) || /^(tm|kt)\s*[.,]\s*(uy ban|chu tich|hoi dong)/.test(s)) return i - 1;
  }
  return lines.length - 1;
}

interface Candidate {
  index: number;
  id: string;
  heading: string;
  /** 1 = Roman, 2.. = depth of an Arabic label below Roman, 9 = lettered (resolved later). */
  rank: number;
}

function cleanHeading(text: string): string {
  return squeeze(text).replace(/[:;]\s*$/, '');
}

/** Words a title never ends on: a line ending with one runs on. */
const CONNECTOR_AT_END = /\s(và|của|với|cho|các|để|trong|về|đến|từ|theo|được|có|những|là|tại|đối)\s*$/u;

/** Headings longer than this many words are paragraphs that start with a number, not titles. */
const MAX_TITLE_WORDS = 12;
const MAX_HEADING_CHARS = 300;

/** The width of a full line of this document's text (wrapped lines run to about this length). */
function typicalWidth(doc: PlanDocument, from: number, to: number): number {
  const lengths = doc.lines
    .slice(from, to + 1)
    .map((l) => l.text.trim().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 80;
}

/** End of the first sentence: a period, semicolon or colon before a space (not inside 92-KL/TW or 8.000). */
function firstSentence(text: string): string {
  const m = /[.;:](?=\s|$)/u.exec(text);
  const cut = m ? text.slice(0, m.index) : text;
  return cut.length > MAX_HEADING_CHARS ? cut.slice(0, MAX_HEADING_CHARS).replace(/\s+\S*$/, '') + ' …' : cut;
}

/**
 * The heading of a numbered line. A numbered paragraph ("1. Các cấp, các ngành đẩy mạnh … của" running on
 * to the next line) gets its first sentence, joined across the wrapped lines; a short title line is itself.
 */
function headingAt(doc: PlanDocument, index: number, rest: string, width: number, to: number): string {
  let text = squeeze(rest);
  // A line runs on when it stops on a word that cannot end a title ("… giảm nghèo và") or inside a code
  // ("Kết luận 92-" / "KL/TW"), or when it fills the
  // width and the next line carries on in lower case; a full-width title followed by a capital is a title.
  const wraps = (line: string, next: string) =>
    !/[.;:!?]\s*$/.test(line) &&
    (CONNECTOR_AT_END.test(line.toLowerCase()) || /\S-\s*$/.test(line) || (line.trim().length >= width * 0.75 && /^\s*[\p{Ll}\d(]/u.test(next)));
  let i = index;
  let current = doc.lines[index]!.text;
  while (i < to && text.length < MAX_HEADING_CHARS) {
    const next = doc.lines[i + 1]!.text;
    if (next.trim() === '' || !wraps(current, next)) break;
    text += ' ' + squeeze(next);
    current = next;
    i++;
  }
  text = tidyCodes(text);
  return cleanHeading(text.split(' ').length > MAX_TITLE_WORDS ? firstSentence(text) : text);
}

/** "1. MỤC ĐÍCH" is an item, not a part: an Arabic label of one or two digits that is not a misread Roman (11, 111). */
const ARABIC_ITEM = /^\s*(?![1]{2,3}\s*[.\/])\d{1,2}\s*[.)]\s/u;

/** A part heading known by its words (see PART_WORDS_HEADING), with its label as read and its cleaned text. */
export function partByWords(text: string): { label: string | null; heading: string } | null {
  const trimmed = text.trim();
  if (trimmed.length > 110 || upperShare(trimmed) < 0.8 || ARABIC_ITEM.test(trimmed)) return null;
  const m = PART_WORDS_HEADING.exec(skeleton(trimmed));
  if (!m) return null;
  const label = m[1] ?? null;
  // A label must be something a Roman numeral can turn into (I, l, 1, |, !), not a word.
  if (label && !/^[ivxl1|!]+$/.test(label)) return null;
  const heading = partHeadingText(trimmed);
  if (heading.split(/\s+/).length > MAX_PART_HEADING_WORDS) return null;
  return { label, heading };
}

/** A part heading's text without the OCR debris and damaged label before its first word. */
function partHeadingText(text: string): string {
  const skel = skeleton(text);
  const m = /^[^a-z]*(?:[a-z0-9|!]{1,5}[^a-z\s]*\s*(?=[a-z]{2}))?/.exec(skel);
  let at = m ? m[0].length : 0;
  // Keep the first word whole when the label was glued to it ("IL.MUC").
  const lead = /^[^a-z]*([ivxl1|!]{1,5})[.\/:,;]?(?=[a-z])/.exec(skel);
  if (lead) at = lead[0].length;
  else if (!/^[^a-z]*[ivxl1|!]{1,5}[.\/:,;]?\s/.test(skel)) at = (/^[^a-z]*/.exec(skel)?.[0].length ?? 0);
  return cleanHeading(text.slice(at).trim());
}

/**
 * The line that held a lost part heading: the non-blank line before the item that restarts the numbering,
 * when it is not itself a heading or a sentence (short, no closing punctuation, mostly capitals); -1 if none.
 */
function lostPartHeadingLine(doc: PlanDocument, index: number, found: readonly Candidate[]): number {
  let j = index - 1;
  while (j >= 0 && doc.lines[j]!.text.trim() === '') j--;
  if (j < 0 || found.some((c) => c.index === j)) return -1;
  const t = doc.lines[j]!.text.trim();
  if (t.length > 110 || /[.;,]$/.test(t) || /^[-+•*]/.test(t) || upperShare(t) < 0.6) return -1;
  return j;
}

/** `repair`: recover parts whose labels were damaged or lost (the body; not the appendix, whose titles are not parts). */
function findCandidates(doc: PlanDocument, from: number, to: number, repair = true): Candidate[] {
  const lines = doc.lines;
  const width = typicalWidth(doc, from, to);
  const found: Candidate[] = [];
  let lastRoman = 0;
  /** The highest "N." item of the part open now (a "1." after "3." means a part heading was lost). */
  let lastTopItem = 0;
  const openPart = (_at: number) => {
    lastTopItem = 0;
  };
  // a table's rows are no headings, whatever their first cell reads ("3. | Tập huấn …" on a scan)
  const inTable = tableLines(doc);
  for (let i = from; i <= to; i++) {
    if (inTable.has(i)) continue;
    const text = lines[i]!.text;
    const roman = ROMAN_LABEL.exec(text);
    if (roman && upperShare(roman[2]!) >= 0.7) {
      const value = romanValue(roman[1]!);
      if (value !== null && value <= lastRoman + 2 && value > lastRoman) {
        const damaged = /[1l]/.test(roman[1]!) || value !== lastRoman + 1;
        const id = toRoman(damaged ? lastRoman + 1 : value);
        if (damaged && roman[1] !== id) doc.warn('section-label-repaired', `section label "${roman[1]}" read as ${id}`, doc.sourceOf(i));
        lastRoman = damaged ? lastRoman + 1 : value;
        openPart(i);
        found.push({ index: i, id, heading: cleanHeading(roman[2]!), rank: 1 });
        continue;
      }
    }
    const part = PART_HEADING.exec(skeleton(text).trim());
    if (part && text.trim().length <= 70 && upperShare(text) >= 0.8 && !ARABIC_ITEM.test(text)) {
      // A part heading whose Roman label OCR garbled or dropped ("HIIL. GIẢI PHÁP", "II NHIỆM VỤ").
      const id = toRoman(lastRoman + 1);
      const heading = cleanHeading(text.trim().replace(/^\S{1,5}\s*[.\/:]?\s+(?=\p{Lu}{2})/u, ''));
      doc.warn('section-recovered', `part heading "${squeeze(text)}" read as ${id}. ${heading}`, doc.sourceOf(i));
      lastRoman += 1;
      openPart(i);
      found.push({ index: i, id, heading, rank: 1 });
      continue;
    }
    const words = repair ? partByWords(text) : null;
    if (words) {
      // Known by its words, its label damaged ("~ IL.", "1I", "Il") or missing: its number follows from its neighbours.
      const id = toRoman(lastRoman + 1);
      const how = words.label ? `label "${words.label}" read as ${id}` : `no label; numbered ${id} after its neighbours`;
      doc.warn('section-label-repaired', `part heading "${squeeze(text)}": ${how}`, doc.sourceOf(i));
      lastRoman += 1;
      openPart(i);
      found.push({ index: i, id, heading: words.heading, rank: 1 });
      continue;
    }
    // "PHỤ LỤC …" in capitals, or "Phụ lục" / "Phụ lục II" alone on its line (a heading in sentence case).
    if (/^\s*phu luc\b/.test(skeleton(text)) && (upperShare(text) >= 0.7 || APPENDIX_ALONE.test(skeleton(text).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')))) {
      found.push({ index: i, id: 'PL', heading: cleanHeading(text), rank: 1 });
      continue;
    }
    let num = NUMBER_LABEL.exec(text) ?? NUMBER_LABEL_NO_DOT.exec(text);
    // Only the very next item number, as a short title: "2, Phòng Tài chính …" in running text is not a label.
    const damaged = num || !repair ? null : NUMBER_LABEL_DAMAGED.exec(text);
    if (damaged && Number(damaged[1]) === lastTopItem + 1 && damaged[3]!.split(/\s+/).length <= MAX_TITLE_WORDS && !/[.;,:]\s*$/.test(damaged[3]!)) {
      doc.warn('section-label-repaired', `item label "${damaged[1]}${damaged[2]}" read as ${damaged[1]}.`, doc.sourceOf(i));
      num = [damaged[0], damaged[1], damaged[3]] as unknown as RegExpExecArray;
    }
    if (num) {
      const heading = headingAt(doc, i, num[2]!, width, to);
      if (/^\d+$/.test(num[1]!)) {
        const n = Number(num[1]);
        // "1." again after "2.", "3." of the same part, as a title: the part heading between them was lost.
        if (repair && n === 1 && lastRoman > 0 && lastTopItem >= 2 && /^\s*1\s*\.\s*\p{Lu}/u.test(text) && heading.split(/\s+/).length <= MAX_TITLE_WORDS) {
          const at = lostPartHeadingLine(doc, i, found);
          const id = toRoman(lastRoman + 1);
          const partHeading = at >= 0 ? partHeadingText(lines[at]!.text) : '';
          doc.warn('section-label-repaired', at >= 0 ? `part heading "${squeeze(lines[at]!.text)}" not read; numbered ${id} after its neighbours (its items restart at 1)` : `a part is missing its heading before "${squeeze(text).slice(0, 60)}" (its items restart at 1); numbered ${id}`, doc.sourceOf(at >= 0 ? at : i));
          lastRoman += 1;
          found.push({ index: at >= 0 ? at : i, id, heading: partHeading, rank: 1 });
          openPart(at >= 0 ? at : i);
        }
        lastTopItem = Math.max(lastTopItem, n);
      }
      found.push({ index: i, id: num[1]!, heading, rank: 1 + num[1]!.split('.').length });
      continue;
    }
    const letter = LETTER_LABEL.exec(text);
    if (letter) found.push({ index: i, id: letter[1]!, heading: headingAt(doc, i, letter[2]!, width, to), rank: 9 });
  }
  return found;
}

/** Builds the tree, dropping numbered lines that break the numbering (a wrapped line starting with "3. …"). */
function buildOutline(doc: PlanDocument, candidates: Candidate[], end: number, hasRoman: boolean): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: { node: OutlineNode; rank: number; lastChild: number; lettered: boolean }[] = [];
  for (const c of candidates) {
    let rank = c.rank;
    if (!hasRoman && rank >= 2 && rank < 9) rank -= 1;
    if (rank === 9) {
      // A lettered item sits one below the deepest numbered item open above it.
      const numbered = stack.filter((s) => !s.lettered);
      rank = (numbered[numbered.length - 1]?.rank ?? 0) + 1;
    }
    while (stack.length > 0 && stack[stack.length - 1]!.rank >= rank) stack.pop();
    const parent = stack[stack.length - 1];
    const lastLeaf = Number(c.id.split('.').pop());
    if (c.rank >= 2 && c.rank < 9 && parent && Number.isFinite(lastLeaf)) {
      // Numbers only go up within a parent; a smaller one is a wrapped line of prose, not a heading.
      if (lastLeaf <= parent.lastChild) continue;
      parent.lastChild = lastLeaf;
    }
    const kind = childKind(c.heading, parent?.node.kind);
    const node: OutlineNode = { id: c.id, heading: c.heading, kind, level: stack.length + 1, start: c.index, end, children: [] };
    if (parent) parent.node.children.push(node);
    else roots.push(node);
    stack.push({ node, rank, lastChild: 0, lettered: c.rank === 9 });
  }
  closeRanges(roots, end, (i) => doc.lines[i]!.text.trim() === '');
  return roots;
}

function closeRanges(nodes: OutlineNode[], end: number, isBlank: (i: number) => boolean): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    node.end = i + 1 < nodes.length ? nodes[i + 1]!.start - 1 : end;
    // Blank lines before the next heading belong to no one.
    while (node.end > node.start && isBlank(node.end)) node.end--;
    closeRanges(node.children, node.end, isBlank);
  }
}

/**
 * A part whose heading says nothing (unreadable, or words the rules do not know) is known by what it holds:
 * items that open with an agency and a colon are organization; "X chủ trì" prose or a task table is tasks; a list of
 * targets with % is indicators. Its items that said nothing take the kind too.
 */
/** An item that opens with an order (on the skeleton, after its label): what a plan's tasks say. */
const DIRECTIVE_ITEM = /^\s*\d{1,2}\s*[.)]\s*(?:thuc hien|tham muu|tang cuong|tiep tuc|bao cao|trien khai|day manh|nang cao|chi dao|kiem tra|ra soat|to chuc|hoan thien|bao dam|dam bao|phoi hop|xay dung|tuyen truyen|huong dan|theo doi)\b/;

/**
 * Documents that tell of tasks without giving them out: a Tờ trình sums up the draft it proposes ("III. NỘI DUNG CHỦ
 * YẾU CỦA DỰ THẢO KẾ HOẠCH": "giao Sở X chủ trì …" is the draft's), a Báo cáo what was done. Their parts take a kind
 * from their headings only.
 */
const TELLING_TYPES = new Set(['TTr', 'BC']);

/** A line that is only the word "Phụ lục" and its label ("Phụ lục", "Phụ lục II", "Phụ lục số 02"). */
const APPENDIX_ALONE = /^phu luc(?:\s+(?:so\s+)?(?:[ivxl]{1,5}|\d{1,2}[a-z]?))?$/;

function inferKind(doc: PlanDocument, part: OutlineNode, type: string | null): void {
  if (part.kind !== 'other' || part.id === 'PL') return;
  if (type !== null && TELLING_TYPES.has(type)) return;
  const registry = AgencyRegistry.load();
  const lines = doc.lines.slice(part.start + 1, part.end + 1).map((l) => l.text);
  const skels = lines.map((t) => skeleton(t));
  const items = part.children.filter((c) => /^\d/.test(c.id));
  const agencyItems = items.filter((c) => {
    const rest = (doc.lines[c.start]?.text ?? '').replace(/^\s*\d{1,2}(?:\.\d{1,2})*\s*[.)]\s*/u, '');
    const first = registry.scan(rest.slice(0, 120))[0];
    return first !== undefined && first.start <= 12 && first.agency.kind === 'agency' && /^\s*[:]/.test(rest.slice(first.end));
  });
  const leads = skels.filter((t) => /\bchu tri\b/.test(t)).length;
  const targets = skels.filter((t) => /^\s*[-+•*]/.test(t) && /\d\s*%/.test(t)).length;
  // A table of tasks in the part ("NỘI DUNG, THỜI GIAN THỰC HIỆN" over "TT | Thời gian | Nội dung công việc | Đơn vị thực hiện").
  const taskTable = doc.tables.some((t) => {
    const [first] = tableGlobalRange(doc, t);
    return first > part.start && first <= part.end && tableLayout(t).role === 'tasks';
  });
  // "II. NỘI DUNG" whose items are orders ("1. Thực hiện …", "2. Tham mưu …", "4. Tăng cường …"): the plan's tasks,
  // not topics ("1. Quan trắc, cảnh báo môi trường", "2. Thông tin tuyên truyền" over schedules)
  const orders = items.filter((c) => DIRECTIVE_ITEM.test(skeleton(doc.lines[c.start]?.text ?? '')));
  const contentOfOrders = /^noi dung\b/.test(skeleton(part.heading)) && items.length >= 3 && orders.length * 2 > items.length;
  let kind: SectionKind | null = null;
  if (items.length > 0 && agencyItems.length * 2 > items.length) kind = 'organization';
  else if (leads > 0 || taskTable || contentOfOrders) kind = 'tasks';
  else if (targets >= 2) kind = 'indicators';
  if (!kind) return;
  doc.warn('section-kind-inferred', `part ${part.id} "${part.heading.slice(0, 60)}": kind read from its content as ${kind}`, doc.sourceOf(part.start));
  const keep = KIND_KEEPING_PARTS.has(kind);
  const set = (n: OutlineNode) => {
    if (keep || n.kind === 'other') n.kind = childKind(n.heading, kind!);
    n.children.forEach(set);
  };
  part.kind = kind;
  part.kindInferred = true;
  part.children.forEach(set);
}

function toSection(doc: PlanDocument, node: OutlineNode): Section {
  return {
    id: node.id,
    heading: node.heading,
    kind: node.kind,
    level: node.level,
    source: doc.sourceOf(node.start, node.end),
    children: node.children.map((c) => toSection(doc, c)),
  };
}

export const sectionsStage: Stage = {
  name: 'sections',
  run(doc, draft) {
    const lines = doc.lines;
    if (lines.length === 0) return;
    const start = doc.data.bodyStart ?? 0;
    const bodyEnd = findBodyEnd(doc, start);
    doc.data.bodyEnd = bodyEnd;
    const candidates = findCandidates(doc, start, bodyEnd);
    const hasRoman = candidates.some((c) => c.rank === 1 && c.id !== 'PL');
    const outline = buildOutline(doc, candidates, bodyEnd, hasRoman);
    // Appendices follow the signature: look for them after the body.
    const appendix = findCandidates(doc, bodyEnd + 1, lines.length - 1, false).filter((c) => c.id === 'PL');
    if (appendix.length > 0) {
      const tail = buildOutline(doc, findCandidates(doc, appendix[0]!.index, lines.length - 1, false), lines.length - 1, true);
      outline.push(...tail.filter((n) => n.start >= appendix[0]!.index));
    }
    for (const part of outline) inferKind(doc, part, draft.document.type);
    doc.data.outline = outline;
    draft.sections = outline.map((n) => toSection(doc, n));
    if (outline.length === 0) doc.warn('no-sections', 'no numbered sections (I., 1., a)) found', null);
  },
};
