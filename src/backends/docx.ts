/**
 * Word .docx input (OOXML), read with a defensive ZIP reader (zip.ts) and xmldom (office-xml.ts):
 * the body's paragraphs in reading order, each with the label Word's automatic numbering shows
 * ("I.", "1.1.", "a)", "-"; docx-numbering.ts); tables as TableBlocks (w:gridSpan and w:vMerge
 * give spans; w:tblHeader rows, or else the first row, are column headers), except the tables
 * that lay out the header and the closing, which render as their columns' lines (layout.ts);
 * text boxes after the paragraph that anchors them; footnotes and endnotes at the end of the
 * document as "[n] text", in the order they are referenced. Comments, tracked deletions
 * (w:del, w:moveFrom), field codes and hidden text are not text; tracked insertions are.
 * A .docx has no pages: the document is one page numbered null, like text input.
 */
import type { Element, Node } from '@xmldom/xmldom';
import type { PlanDocument } from '../model/document.js';
import type { TableCell } from '../model/table.js';
import { InputError } from '../util/errors.js';
import { Numbering } from './docx-numbering.js';
import { PageBuilder, type RawTable } from './layout.js';
import { attr, child, childVal, children, isOn, OfficeXmlError, parseOfficeXml } from './office-xml.js';
import { isEncryptedOoxml, isOle } from './ole.js';
import type { RawInput } from './read-input.js';
import { isZip, ZipArchive, ZipError } from './zip.js';

/** Symbol-font characters (w:sym) that stand for punctuation a reader sees. */
const SYMBOLS: Record<string, string> = { F0B7: '•', F02D: '-', F02B: '+', F0A7: '▪', F0E0: '→', F0D8: '➢' };

/** Inline containers whose content is text of the paragraph. */
const INLINE_CONTAINERS = new Set(['hyperlink', 'ins', 'moveTo', 'smartTag', 'customXml', 'fldSimple', 'bdo', 'dir', 'r']);
/** Inline elements that are never text: tracked deletions, moved-away text, comments, field codes. */
const NOT_TEXT = new Set(['del', 'moveFrom', 'delText', 'delInstrText', 'instrText', 'commentReference', 'commentRangeStart', 'commentRangeEnd', 'rPr', 'pPr', 'proofErr', 'bookmarkStart', 'bookmarkEnd', 'lastRenderedPageBreak']);

interface Notes {
  footnotes: Map<string, Element>;
  endnotes: Map<string, Element>;
  /** Referenced notes in reading order: [kind, id]. */
  order: [('footnote' | 'endnote'), string][];
}

class DocxReader {
  readonly page = new PageBuilder('docx');
  private readonly notes: Notes;

  constructor(
    private readonly numbering: Numbering,
    notes: Omit<Notes, 'order'>,
  ) {
    this.notes = { ...notes, order: [] };
  }

  /** Block-level content (body, cell, text box, note): paragraphs and tables into the page. */
  blocks(container: Node): void {
    for (const el of children(container)) {
      switch (el.localName) {
        case 'p':
          this.paragraphInto(el, (text) => this.page.paragraph(text));
          break;
        case 'tbl':
          this.page.table(this.table(el));
          break;
        case 'sdt': {
          const content = child(el, 'sdtContent');
          if (content) this.blocks(content);
          break;
        }
        case 'customXml':
        case 'ins':
        case 'moveTo':
          this.blocks(el);
          break;
        case 'AlternateContent':
          this.blocks(alternative(el));
          break;
        default:
          break;
      }
    }
  }

  /** A paragraph's text with its numbering label; text boxes it anchors follow it. */
  private paragraphInto(p: Element, emit: (text: string) => void): void {
    const pPr = child(p, 'pPr');
    if (isOn(child(child(pPr ?? p, 'rPr') ?? p, 'vanish')) && !hasVisibleRun(p)) return;
    const label = this.numbering.labelFor(pPr);
    const boxes: Element[] = [];
    const text = this.inline(p, boxes);
    const body = text.replace(/^[ \t]+/, '');
    if (body.trim() !== '' || label) emit(label ? `${label}${body.trim() ? ' ' + body : ''}` : body);
    else emit('');
    for (const box of boxes) this.boxInto(box, emit);
  }

  /** A text box's paragraphs (and tables, flattened to row lines) as lines. */
  private boxInto(box: Element, emit: (text: string) => void): void {
    for (const el of children(box)) {
      if (el.localName === 'p') this.paragraphInto(el, emit);
      else if (el.localName === 'tbl') for (const row of flattenTable(this.table(el))) emit(row);
      else if (el.localName === 'sdt') {
        const content = child(el, 'sdtContent');
        if (content) this.boxInto(content, emit);
      }
    }
  }

  /** The text of inline content; text boxes found on the way are collected into `boxes`. */
  private inline(node: Node, boxes: Element[]): string {
    let out = '';
    for (const el of children(node)) {
      const name = el.localName ?? '';
      if (NOT_TEXT.has(name)) continue;
      if (name === 'r') {
        if (isOn(child(child(el, 'rPr') ?? el, 'vanish'))) continue;
        out += this.run(el, boxes);
      } else if (name === 'sdt') {
        const content = child(el, 'sdtContent');
        if (content) out += this.inline(content, boxes);
      } else if (name === 'AlternateContent') out += this.inline(alternative(el), boxes);
      else if (INLINE_CONTAINERS.has(name)) out += this.inline(el, boxes);
      else if (name === 'oMath' || name === 'oMathPara') out += mathText(el);
    }
    return out;
  }

  private run(r: Element, boxes: Element[]): string {
    let out = '';
    for (const el of children(r)) {
      switch (el.localName) {
        case 't':
          out += el.textContent ?? '';
          break;
        case 'tab':
        case 'ptab':
          out += '\t';
          break;
        case 'br':
        case 'cr':
          out += '\n';
          break;
        case 'noBreakHyphen':
          out += '-';
          break;
        case 'sym': {
          const code = (attr(el, 'char') ?? '').toUpperCase();
          out += SYMBOLS[code] ?? (/^F0[2-7][0-9A-F]$/.test(code) ? String.fromCharCode(parseInt(code, 16) - 0xf000) : '');
          break;
        }
        case 'footnoteReference':
        case 'endnoteReference': {
          const id = attr(el, 'id');
          if (id !== null) this.notes.order.push([el.localName === 'footnoteReference' ? 'footnote' : 'endnote', id]);
          break;
        }
        case 'drawing':
        case 'pict':
        case 'object':
        case 'AlternateContent':
          collectBoxes(el.localName === 'AlternateContent' ? alternative(el) : el, boxes);
          break;
        default:
          break;
      }
    }
    return out;
  }

  /** A w:tbl as cells with spans; nested tables become lines of their cell's text. */
  table(tbl: Element): RawTable {
    const gridCols = children(child(tbl, 'tblGrid') ?? tbl).filter((g) => g.localName === 'gridCol').length;
    const cells: TableCell[] = [];
    /** The cell that a w:vMerge continuation in column c extends (the last one started there). */
    const openByCol = new Map<number, TableCell>();
    let row = 0;
    let headerRows = 0;
    let headerDone = false;
    for (const tr of rowsOf(tbl)) {
      const trPr = child(tr, 'trPr');
      if (!headerDone && isOn(child(trPr ?? tr, 'tblHeader'))) headerRows++;
      else headerDone = true;
      let col = Number(childVal(trPr, 'gridBefore') ?? '0') || 0;
      for (const tc of cellsOf(tr)) {
        const tcPr = child(tc, 'tcPr');
        const span = Math.min(1000, Math.max(1, Number(childVal(tcPr, 'gridSpan') ?? '1') || 1));
        const vMergeEl = tcPr ? child(tcPr, 'vMerge') : null;
        const vMerge = vMergeEl ? (attr(vMergeEl, 'val') ?? 'continue') : null;
        const hMerge = tcPr ? child(tcPr, 'hMerge') : null;
        const text = this.cellText(tc);
        if (hMerge && (attr(hMerge, 'val') ?? 'continue') === 'continue') {
          // legacy horizontal merge: this cell widens the one to its left
          const left = cells.find((c) => c.row === row && c.col + c.colSpan === col);
          if (left) {
            left.colSpan += span;
            if (text) left.text = left.text ? `${left.text}\n${text}` : text;
            col += span;
            continue;
          }
        }
        if (vMerge === 'continue') {
          const above = openByCol.get(col);
          if (above && above.row + above.rowSpan === row) {
            above.rowSpan++;
            if (text) above.text = above.text ? `${above.text}\n${text}` : text;
            col += span;
            continue;
          }
        }
        const cell: TableCell = { row, col, rowSpan: 1, colSpan: span, text, columnHeader: false };
        cells.push(cell);
        openByCol.set(col, cell);
        col += span;
      }
      row++;
    }
    const rowCount = row;
    const colCount = Math.max(gridCols, ...cells.map((c) => c.col + c.colSpan), 0);
    const headers = headerRows > 0 ? headerRows : rowCount > 1 ? 1 : 0;
    for (const c of cells) c.columnHeader = c.row < headers;
    return { rowCount, colCount, cells };
  }

  /** A cell's paragraphs joined by "\n" (numbering labels included; nested tables as row lines). */
  private cellText(tc: Element): string {
    const lines: string[] = [];
    const emit = (text: string) => lines.push(text);
    const visit = (container: Node) => {
      for (const el of children(container)) {
        if (el.localName === 'p') this.paragraphInto(el, emit);
        else if (el.localName === 'tbl') lines.push(...flattenTable(this.table(el)));
        else if (el.localName === 'sdt') {
          const content = child(el, 'sdtContent');
          if (content) visit(content);
        } else if (el.localName === 'customXml') visit(el);
      }
    };
    visit(tc);
    return lines.join('\n').replace(/\n{2,}/g, '\n').trim();
  }

  /** Footnotes and endnotes, numbered in reference order, as the last lines of the document. */
  notesAtEnd(): void {
    let n = 0;
    const seen = new Set<string>();
    for (const [kind, id] of this.notes.order) {
      const key = `${kind}:${id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const note = (kind === 'footnote' ? this.notes.footnotes : this.notes.endnotes).get(id);
      if (!note) continue;
      const lines: string[] = [];
      for (const el of children(note)) if (el.localName === 'p') this.paragraphInto(el, (t) => lines.push(t));
      const text = lines.map((l) => l.trim()).filter(Boolean).join(' ');
      if (!text) continue;
      if (n === 0) this.page.paragraph('');
      n++;
      this.page.paragraph(`[${n}] ${text}`);
    }
  }
}

function hasVisibleRun(p: Element): boolean {
  return children(p).some((r) => r.localName === 'r' && !isOn(child(child(r, 'rPr') ?? r, 'vanish')) && child(r, 't') !== null);
}

/** mc:AlternateContent: the first mc:Choice (what Word shows); its mc:Fallback repeats the same content. */
function alternative(el: Element): Element {
  return child(el, 'Choice') ?? child(el, 'Fallback') ?? el;
}

/** Text boxes (w:txbxContent) inside a drawing or VML shape, not inside another text box. */
function collectBoxes(node: Node, out: Element[]): void {
  for (const el of children(node)) {
    if (el.localName === 'txbxContent') out.push(el);
    else if (el.localName === 'AlternateContent') collectBoxes(alternative(el), out);
    else collectBoxes(el, out);
  }
}

function mathText(node: Node): string {
  let out = '';
  for (const el of children(node)) out += el.localName === 't' ? (el.textContent ?? '') : mathText(el);
  return out;
}

function rowsOf(tbl: Element): Element[] {
  const rows: Element[] = [];
  for (const el of children(tbl)) {
    if (el.localName === 'tr') rows.push(el);
    else if (el.localName === 'sdt' || el.localName === 'customXml') {
      const content = el.localName === 'sdt' ? child(el, 'sdtContent') : el;
      if (content) for (const r of children(content)) if (r.localName === 'tr') rows.push(r);
    }
  }
  return rows;
}

function cellsOf(tr: Element): Element[] {
  const cells: Element[] = [];
  for (const el of children(tr)) {
    if (el.localName === 'tc') cells.push(el);
    else if (el.localName === 'sdt' || el.localName === 'customXml') {
      const content = el.localName === 'sdt' ? child(el, 'sdtContent') : el;
      if (content) for (const c of children(content)) if (c.localName === 'tc') cells.push(c);
    }
  }
  return cells;
}

/** A table as text lines, one per row, for places where a table cannot be a TableBlock (nested, in a text box). */
function flattenTable(table: RawTable): string[] {
  const lines: string[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const texts = table.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col).map((c) => c.text.replace(/\n/g, ' ').trim());
    if (texts.some(Boolean)) lines.push(texts.join(' | '));
  }
  return lines;
}

function notesOf(xml: ReturnType<typeof parseOfficeXml> | null): Map<string, Element> {
  const map = new Map<string, Element>();
  if (!xml?.documentElement) return map;
  for (const el of children(xml.documentElement)) {
    const type = attr(el, 'type');
    if (type && type !== 'normal') continue; // separators
    const id = attr(el, 'id');
    if (id !== null) map.set(id, el);
  }
  return map;
}

/** The part the package's relationships name as the main document (word/document.xml normally). */
function mainPart(zip: ZipArchive): string {
  const rels = zip.read('_rels/.rels');
  if (rels) {
    const xml = parseOfficeXml(rels, '_rels/.rels');
    for (const rel of children(xml.documentElement!)) {
      if (/\/officeDocument$/.test(attr(rel, 'Type') ?? '')) {
        const target = (attr(rel, 'Target') ?? '').replace(/^\//, '');
        if (target && zip.has(target)) return target;
      }
    }
  }
  return 'word/document.xml';
}

/** Reads a .docx; every way it can be unusable is one InputError. */
export function readDocxDocument(input: RawInput, displayName: string): PlanDocument {
  const bytes = input.bytes;
  if (isOle(bytes)) {
    if (isEncryptedOoxml(bytes)) throw new InputError(displayName, 'encrypted (password-protected) Office file');
    throw new InputError(displayName, 'a Word 97 (.doc) file named .docx; rename it to .doc');
  }
  if (!isZip(bytes)) throw new InputError(displayName, 'not a Word .docx file (not a ZIP archive)');
  try {
    const zip = new ZipArchive(bytes);
    const main = mainPart(zip);
    const documentBytes = zip.read(main);
    if (!documentBytes) throw new InputError(displayName, `not a Word .docx file (no ${main} in the package)`);
    const part = (name: string) => {
      const b = zip.read(name);
      return b ? parseOfficeXml(b, name) : null;
    };
    const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
    const document = parseOfficeXml(documentBytes, main);
    const numbering = new Numbering(part(`${dir}numbering.xml`), part(`${dir}styles.xml`));
    const reader = new DocxReader(numbering, { footnotes: notesOf(part(`${dir}footnotes.xml`)), endnotes: notesOf(part(`${dir}endnotes.xml`)) });
    const body = child(document.documentElement!, 'body');
    if (!body) throw new InputError(displayName, `not a Word document (${main} has no w:body)`);
    reader.blocks(body);
    reader.notesAtEnd();
    return reader.page.build({ displayName, sha256: input.sha256, kind: 'docx', encoding: 'utf-8' });
  } catch (err) {
    if (err instanceof ZipError || err instanceof OfficeXmlError) throw new InputError(displayName, err.message, { cause: err });
    // elements nested thousands deep (tables in tables, content controls) exhaust the stack of the walk
    if (err instanceof RangeError && /call stack/i.test(err.message)) throw new InputError(displayName, 'Word document nested too deeply to read', { cause: err });
    throw err;
  }
}
