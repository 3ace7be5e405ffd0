/**
 * HTML input (.htm, .html): Word's "save as web page" and pages saved from legal portals, parsed
 * with htmlparser2 into a domhandler tree. The charset comes from a byte-order mark, else the
 * page's <meta> (Word writes windows-1252 or windows-1258 and character references for the rest),
 * else UTF-8 when the bytes are valid UTF-8, else windows-1252. Block elements end lines, <br>
 * breaks them; scripts, styles, <head>, comments (and so Word's conditional comments with their
 * VML and XML islands), hidden elements (display:none, mso-hide:all) and a portal's chrome
 * (portal.ts) are dropped. Tables become TableBlocks (colspan/rowspan placed on the grid as
 * browsers do; <thead> rows, rows of <th> only, or else the first row are column headers),
 * except layout tables of the header and the closing (layout.ts) and a portal's metadata box.
 * An HTML page has no pages: the document is one page numbered null, like text input.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { PlanDocument } from '../model/document.js';
import type { TableCell } from '../model/table.js';
import { InputError } from '../util/errors.js';
import { PageBuilder, type RawTable } from './layout.js';
import { isChromeElement, isMetadataBox } from './portal.js';
import type { RawInput } from './read-input.js';

const SKIP = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'xml', 'svg', 'object', 'embed', 'iframe', 'canvas', 'map', 'math', 'img', 'video', 'audio']);
/** Word's VML, Office and Excel elements (shapes, lines, properties); smart tags (st1:place) hold text and are kept. */
const SKIP_PREFIX = /^(v|w|x|m):/i;
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'body', 'html', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'hr', 'address', 'center', 'figure', 'figcaption', 'caption', 'details', 'summary', 'fieldset', 'legend',
]);

/** Most nesting followed; deeper content (hostile pages) is read as plain text of its subtree. */
const MAX_DEPTH = 200;
/**
 * Deepest element nesting accepted: htmlparser2 keeps its open-element stack with Array.unshift,
 * so parsing costs grow with the square of the depth (measured: 20,000 nested divs 0.35 s,
 * 200,000 more than a minute). Real pages nest a few dozen deep.
 */
export const MAX_NESTING = 5000;
const VOID_OR_OPTIONAL_END = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rt', 'rp', 'o:p']);

/** The deepest nesting of elements that need an end tag, counted on the tags alone (before parsing). */
export function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  const tag = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (VOID_OR_OPTIONAL_END.has(name) || m[3] === '/') continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > deepest) deepest = depth;
  }
  return deepest;
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv Content-Type). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 8192)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const declared = declaredCharset(bytes);
  if (declared && !/^utf-?16/.test(declared)) {
    try {
      return { text: new TextDecoder(declared).decode(bytes), encoding: new TextDecoder(declared).encoding };
    } catch {
      // an unknown label: fall through to detection
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

function isHidden(el: Element): boolean {
  const style = (el.attribs.style ?? '').toLowerCase().replace(/\s+/g, '');
  return style.includes('display:none') || style.includes('mso-hide:all') || el.attribs.hidden !== undefined;
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Collects text into lines: inline text joins the current line, blocks end it. */
class LineCollector {
  readonly lines: string[] = [];
  private current = '';

  text(t: string): void {
    this.current += t;
  }

  breakLine(): void {
    this.lines.push(this.current);
    this.current = '';
  }

  endBlock(): void {
    if (this.current.trim() !== '') this.lines.push(this.current);
    this.current = '';
  }

  finish(): string[] {
    this.endBlock();
    return this.lines.map((l) => l.replace(/\s+/g, ' ').trim());
  }
}

class HtmlReader {
  readonly page = new PageBuilder('html');

  /** Walks block content into the page. */
  blocks(nodes: ChildNode[], depth = 0): void {
    const collector = new LineCollector();
    this.walk(nodes, collector, depth, (table) => {
      for (const line of collector.finish()) this.page.paragraph(line);
      collector.lines.length = 0;
      this.table(table, depth);
    });
    for (const line of collector.finish()) this.page.paragraph(line);
  }

  /** Inline walk; tables are handed to `onTable` (which flushes the lines before them). */
  private walk(nodes: ChildNode[], out: LineCollector, depth: number, onTable: (table: Element) => void): void {
    for (const node of nodes) {
      if (node.type === 'text') {
        out.text((node as unknown as { data: string }).data);
        continue;
      }
      if (!isElement(node)) continue; // comments (Word's conditional ones too), directives, CDATA
      const tag = node.name.toLowerCase();
      if (SKIP.has(tag) || SKIP_PREFIX.test(tag) || isHidden(node) || isChromeElement(tag, node.attribs)) continue;
      if (tag === 'br') {
        out.breakLine();
        continue;
      }
      if (tag === 'table') {
        if (depth >= MAX_DEPTH) out.text(' ' + textOf(node) + ' ');
        else onTable(node);
        continue;
      }
      if (tag === 'td' || tag === 'th') out.text(' ');
      const block = BLOCK.has(tag) || tag === 'tr';
      if (block) out.endBlock();
      if (depth < MAX_DEPTH) this.walk(node.children, out, depth + 1, onTable);
      else out.text(textOf(node));
      if (block) out.endBlock();
    }
  }

  private table(tableEl: Element, depth: number): void {
    const raw = this.readTable(tableEl, depth);
    if (raw.rowCount === 0) return;
    if (isMetadataBox(raw.cells.map((c) => c.text))) return;
    this.page.table(raw);
  }

  /** Cell text: its blocks as lines; a nested table's rows as "a | b" lines. */
  private cellText(cell: Element, depth: number): string {
    const collector = new LineCollector();
    const nested: string[] = [];
    this.walk(cell.children, collector, depth + 1, (table) => {
      nested.push(...collector.finish());
      collector.lines.length = 0;
      const t = this.readTable(table, depth + 1);
      for (let r = 0; r < t.rowCount; r++) {
        const texts = t.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col).map((c) => c.text.replace(/\n/g, ' '));
        if (texts.some(Boolean)) nested.push(texts.join(' | '));
      }
    });
    return [...nested, ...collector.finish()].filter((l) => l !== '').join('\n');
  }

  /** The HTML table algorithm: cells placed left to right, skipping slots taken by rowspans from above. */
  readTable(tableEl: Element, depth: number): RawTable {
    const rows: { tr: Element; head: boolean }[] = [];
    const collect = (el: Element, head: boolean) => {
      for (const child of el.children) {
        if (!isElement(child)) continue;
        const tag = child.name.toLowerCase();
        if (isHidden(child)) continue;
        if (tag === 'tr') rows.push({ tr: child, head });
        else if (tag === 'thead') collect(child, true);
        else if (tag === 'tbody' || tag === 'tfoot') collect(child, head);
      }
    };
    collect(tableEl, false);
    const cells: TableCell[] = [];
    const taken = new Set<string>();
    let rowIndex = 0;
    const headRows = new Set<number>();
    for (const { tr, head } of rows) {
      const tds = tr.children.filter((c): c is Element => isElement(c) && /^t[dh]$/i.test(c.name) && !isHidden(c));
      if (tds.length === 0) continue;
      const texts = tds.map((td) => this.cellText(td, depth));
      // Word's spacer rows (<tr height=0> under "supportMisalignedColumns") and other empty rows hold nothing.
      if (texts.every((t) => t === '') && tds.every((td) => Number(td.attribs.rowspan ?? '1') <= 1)) continue;
      let col = 0;
      tds.forEach((td, i) => {
        while (taken.has(`${rowIndex},${col}`)) col++;
        // browsers cap colspan at 1000; a rowspan never reaches past the table's last row
        const colSpan = clampSpan(td.attribs.colspan, 1000);
        const rowSpan = clampSpan(td.attribs.rowspan, Math.max(1, rows.length - rowIndex));
        for (let r = rowIndex; r < rowIndex + rowSpan; r++) for (let k = col; k < col + colSpan; k++) taken.add(`${r},${k}`);
        cells.push({ row: rowIndex, col, rowSpan, colSpan, text: texts[i]!, columnHeader: false });
        col += colSpan;
      });
      if (head || tds.every((td) => td.name.toLowerCase() === 'th')) headRows.add(rowIndex);
      rowIndex++;
    }
    const rowCount = rowIndex;
    for (const c of cells) c.rowSpan = Math.max(1, Math.min(c.rowSpan, rowCount - c.row));
    const colCount = Math.max(0, ...cells.map((c) => c.col + c.colSpan));
    // leading header rows only; with none marked, the first row
    let headers = 0;
    while (headRows.has(headers)) headers++;
    if (headers === 0 && rowCount > 1) headers = 1;
    for (const c of cells) c.columnHeader = c.row < headers;
    return { rowCount, colCount, cells };
  }
}

function clampSpan(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

function textOf(node: ChildNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (!isElement(node)) return '';
  const tag = node.name.toLowerCase();
  if (SKIP.has(tag) || SKIP_PREFIX.test(tag)) return '';
  let out = '';
  // iterative, so that a hostile page nested a million deep cannot overflow the stack
  const stack: ChildNode[] = [...node.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') out += (n as unknown as { data: string }).data;
    else if (isElement(n) && !SKIP.has(n.name.toLowerCase()) && !SKIP_PREFIX.test(n.name)) {
      out += ' ';
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  return out;
}

export function readHtmlDocument(input: RawInput, displayName: string): PlanDocument {
  const { text, encoding } = decodeHtml(input.bytes);
  if (text.slice(0, 64 * 1024).includes('\u0000')) throw new InputError(displayName, 'binary data, not an HTML page');
  const depth = nestingDepth(text);
  if (depth > MAX_NESTING) throw new InputError(displayName, `HTML nested ${depth} elements deep (the limit is ${MAX_NESTING})`);
  const dom = parseDocument(text, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const reader = new HtmlReader();
  reader.blocks(dom.children);
  return reader.page.build({ displayName, sha256: input.sha256, kind: 'html', encoding });
}
