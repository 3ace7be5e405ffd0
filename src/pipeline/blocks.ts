/**
 * Paragraphs and sentences of a stretch of the document, and walks over the
 * outline: the shared ground of the content stages. A paragraph keeps the
 * global line range it came from, so every item can carry its `source`.
 */
import type { OutlineNode, PlanDocument } from '../model/document.js';
import type { TableBlock } from '../model/table.js';
import type { SectionKind } from '../schema/record.js';
import { skeleton } from '../text/vietnamese.js';

export interface Paragraph {
  /** The paragraph's text, lines joined, bullet marker removed. */
  text: string;
  /** The bullet or label it opened with ("-", "+", "(3)", "a)"), or null. */
  bullet: string | null;
  /** Global line indices (inclusive). */
  start: number;
  end: number;
  /** Offsets in `text` where each joined line starts (for sources of parts of a paragraph). */
  lineStarts: number[];
  /** The global line index of each joined line. */
  lineIndices: number[];
}

/** Words a wrapped line may end on, so a capital on the next line does not open a new paragraph. */
const CONTINUES = /(?:^|\s)(?:cua|va|cac|voi|cho|trong|ve|de|theo|nhung|duoc|co|la|den|tu|tai|tren|nham|gan|hoac|hay|mot|so|nhu|boi|thuoc|giua|ca|cung|do|o)\s*$|[,(-]\s*$/;

const headingSets = new WeakMap<PlanDocument, Set<number>>();
/** Global indices of the outline's heading lines. */
function headingLines(doc: PlanDocument): Set<number> {
  let set = headingSets.get(doc);
  if (!set || (set.size === 0 && doc.data.outline)) {
    set = new Set(walk(doc.data.outline ?? []).map((w) => w.node.start));
    headingSets.set(doc, set);
  }
  return set;
}

/** Global line indices [start, end] of the lines that render a table's rows. */
export function tableGlobalRange(doc: PlanDocument, table: TableBlock): [number, number] {
  let offset = 0;
  for (const page of doc.pages) {
    if (page.number === table.page) return [offset + table.firstLine - 1, offset + Math.max(table.firstLine, table.lastLine) - 1];
    offset += page.lines.length;
  }
  return [table.firstLine - 1, Math.max(table.firstLine, table.lastLine) - 1];
}

const tableSets = new WeakMap<PlanDocument, Set<number>>();
/** Global indices of the lines inside tables: prose stages do not read them (the tables stage reads the cells). */
export function tableLines(doc: PlanDocument): Set<number> {
  let set = tableSets.get(doc);
  if (!set) {
    set = new Set();
    for (const table of doc.tables) {
      const [a, b] = tableGlobalRange(doc, table);
      for (let i = a; i <= b; i++) set.add(i);
    }
    tableSets.set(doc, set);
  }
  return set;
}

const BULLET = /^\s*([-–+•*▪●○◦]|\(\d{1,2}\)|\d{1,2}\)|[a-zđ]\))\s*/u;
const ENDS_SENTENCE = /[.;:!?…]["”)]?\s*$/u;

const widths = new WeakMap<PlanDocument, number>();
/** The typical width of a full line of the document (80th percentile of non-blank line lengths). */
function lineWidth(doc: PlanDocument): number {
  let w = widths.get(doc);
  if (w === undefined) {
    const lengths = doc.lines.map((l) => l.text.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
    w = lengths[Math.floor(lengths.length * 0.8)] ?? 80;
    widths.set(doc, w);
  }
  return w;
}

/**
 * Splits global lines [from, to] into paragraphs: blank lines, bullets, sentence
 * ends before a capital, and short lines (a heading, a paragraph's last line)
 * before a capital — text layers often have no blank lines at all.
 */
export function paragraphs(doc: PlanDocument, from: number, to: number): Paragraph[] {
  const lines = doc.lines;
  const width = lineWidth(doc);
  const headings = headingLines(doc);
  const out: Paragraph[] = [];
  let cur: { parts: string[]; indices: number[]; start: number; end: number; bullet: string | null } | null = null;
  const flush = () => {
    if (!cur) return;
    let text = '';
    const lineStarts: number[] = [];
    for (const part of cur.parts) {
      // "2021-" + "2025" and hyphenated words across a break join without a space.
      const glue = text === '' ? '' : /\d-$/.test(text) && /^[\d\p{Lu}]/u.test(part) ? '' : ' ';
      text += glue;
      lineStarts.push(text.length);
      text += part;
    }
    if (text.trim()) out.push({ text, bullet: cur.bullet, start: cur.start, end: cur.end, lineStarts, lineIndices: cur.indices });
    cur = null;
  };
  let blank = false;
  const inTable = tableLines(doc);
  const paged = doc.kind.startsWith('pdf') || doc.kind === 'image';
  const wholeParagraphs = doc.kind === 'docx' || doc.kind === 'doc' || doc.kind === 'html';
  for (let i = Math.max(0, from); i <= Math.min(to, lines.length - 1); i++) {
    if (inTable.has(i)) {
      // A table ends the paragraph before it; its cells are read by the tables stage.
      flush();
      blank = true;
      continue;
    }
    const raw = lines[i]!.text.replace(/\f/g, '');
    const text = raw.trim();
    if (text === '') {
      blank = true;
      continue;
    }
    const prev: string = cur?.parts[cur.parts.length - 1] ?? '';
    // A page's full line cut inside a phrase with a dash ("… các tổ chức chính trị" / "- xã hội xã tuyên truyền …"):
    // the dash that opens the next line joins the phrase, it is no bullet — a bullet's item opens with a capital or
    // follows a line that ends its sentence or clause.
    const dashWrap: boolean = !wholeParagraphs && cur !== null && /^[-–]\s+\p{Ll}/u.test(text) && prev.length >= width * 0.85 && !ENDS_SENTENCE.test(prev) && !/[,(]\s*$/.test(prev);
    const bullet: RegExpExecArray | null = dashWrap ? null : BULLET.exec(text);
    // A blank line inside a sentence (a page break: "thể" / "nhẹ cân còn…") does not end the paragraph.
    const brokenSentence = blank && !ENDS_SENTENCE.test(prev) && /^\p{Ll}/u.test(text);
    const capital = /^["“(]?\p{Lu}/u.test(text);
    const prevLine = i - 1;
    const continues = CONTINUES.test(skeleton(prev));
    // A heading line ends its paragraph unless it runs on ("…các chủ trương của" / "Đảng, chính sách…").
    // In a Word or HTML file a line is a whole paragraph: a heading there ends where it ends, whatever its last word
    // ("1.1. … sàn thương mại điện tử" / "Giao Sở …": "tử" is no "từ" that runs on).
    const headingPrev = cur !== null && cur.indices.length === 1 && headings.has(cur.start) && prevLine >= cur.start && (!continues || wholeParagraphs);
    // A page's full line ending in ";" wraps onto the next one when its paragraph goes on ("- Cơ quan phối hợp:
    // Trung tâm …, Thông tin và Thể thao huyện;" / "UBND các xã, thị trấn."): only where lines are a page's lines
    // (PDF, scan); a text or Word file's line is a whole paragraph.
    const wrappedList = paged && /;\s*$/.test(prev) && prev.length >= width * 0.9 && cur !== null && cur.bullet !== null;
    const shortPrev = (prev.length > 0 && prev.length < width * 0.7 && !/[,-]$/.test(prev) && !continues) || headingPrev;
    const startsNew = !cur || bullet !== null || (blank && !brokenSentence) || (((ENDS_SENTENCE.test(prev) && !wrappedList) || shortPrev) && capital);
    blank = false;
    if (startsNew) {
      flush();
      cur = { parts: [bullet ? text.slice(bullet[0].length) : text], indices: [i], start: i, end: i, bullet: bullet ? bullet[1]! : null };
    } else {
      cur!.parts.push(text);
      cur!.indices.push(i);
      cur!.end = i;
    }
  }
  flush();
  return out;
}

/** The global line a character offset of a paragraph's text stands on. */
export function lineOfOffset(p: Paragraph, offset: number): number {
  let line = p.start;
  for (let k = 0; k < p.lineStarts.length; k++) if (p.lineStarts[k]! <= offset) line = p.lineIndices[k] ?? p.start + k;
  return Math.min(line, p.end);
}

/** The source of a span of a paragraph's text. */
export function spanSource(doc: PlanDocument, p: Paragraph, from: number, to: number) {
  return doc.sourceOf(lineOfOffset(p, from), lineOfOffset(p, Math.max(from, to - 1)));
}

/** Sentences of a text: split at ". " (or "; " when asked) before a capital, keeping offsets. */
export function sentences(text: string, splitSemicolons = false): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = splitSemicolons ? /[.;!?](?:\/\.)?["”)]?\s+(?=["“(]?[\p{Lu}\d-])|[;]\s+/gu : /[.!?](?:\/\.)?["”)]?\s+(?=["“(]?\p{Lu})/gu;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].trimEnd().length;
    push(at, end);
    at = m.index + m[0].length;
  }
  push(at, text.length);
  function push(s: number, e: number) {
    const raw = text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ text: t, start: s + lead, end: s + lead + t.length });
  }
  return out;
}

/** Every node of the outline, depth first, with its ancestors. */
export function walk(nodes: readonly OutlineNode[], parents: OutlineNode[] = []): { node: OutlineNode; parents: OutlineNode[] }[] {
  const out: { node: OutlineNode; parents: OutlineNode[] }[] = [];
  for (const node of nodes) {
    out.push({ node, parents });
    out.push(...walk(node.children, [...parents, node]));
  }
  return out;
}

/**
 * Topmost nodes of the given kinds (a tasks part, not each of its items),
 * not looking inside parts of the `stop` kinds (an item "2. Sở Y tế: … các chỉ
 * tiêu" of TỔ CHỨC THỰC HIỆN is not an indicators part).
 */
export function topNodesOfKind(nodes: readonly OutlineNode[], kinds: readonly SectionKind[], stop: readonly SectionKind[] = []): OutlineNode[] {
  const out: OutlineNode[] = [];
  for (const node of nodes) {
    if (kinds.includes(node.kind)) out.push(node);
    else if (!stop.includes(node.kind)) out.push(...topNodesOfKind(node.children, kinds, stop));
  }
  return out;
}

/** The body of a node: its lines after the heading line, up to its first child (or its end). */
export function ownRange(node: OutlineNode): [number, number] {
  const first = node.children[0];
  return [node.start + 1, first ? first.start - 1 : node.end];
}

/** The heading line's text after its label ("1. Sở Y tế: Chủ trì…" → "Sở Y tế: Chủ trì…"). */
export function headingRest(doc: PlanDocument, node: OutlineNode): string {
  const text = doc.lines[node.start]?.text ?? '';
  return text.replace(/^\s*(?:[IVXLivxl1]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])\s*(?:[.)\/]\s*(?=\p{Lu})|[.)\/]?\s+)/u, '').trim();
}

/** Skeleton with the few non-letter symbols units need kept (%, ‰, ²), same length as the text. */
export function unitSkeleton(text: string): string {
  const s = skeleton(text);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    out += c === '‰' || c === '²' || c === '%' || c === '≥' || c === '≤' ? c : s[i]!;
  }
  return out;
}

