/**
 * The document model every backend produces and every pipeline stage reads:
 * pages of lines with their positions, plus the warnings gathered on the way
 * (the vfile idea: one object carries text, positions and messages).
 */
import type { SectionKind, SourceKind, SourceRef, Warning, RecordSource } from '../schema/record.js';
import type { TableBlock } from './table.js';

export interface TextLine {
  /** The line as the pipeline sees it now (repaired when repair ran). */
  text: string;
  /** The line as the backend delivered it, before any repair. */
  original: string;
  /** 1-based page number, null for text input. */
  page: number | null;
  /** 1-based line number within its page (within the file for text input). */
  line: number;
  /** OCR confidence 0..1 when the line came from OCR. */
  confidence?: number;
  /** Where the line stands on the OCR'd page image (pixels, top-left origin), when it came from OCR. */
  box?: { left: number; top: number; width: number; height: number };
}

export type PageOrigin = 'text' | 'pdf-text' | 'ocr' | 'empty';

export interface Page {
  number: number | null;
  origin: PageOrigin;
  lines: TextLine[];
}

export interface DocumentInit {
  file: string;
  sha256: string;
  kind: SourceKind;
  pageCount: number | null;
  encoding: string;
  pages: Page[];
  /** Tables the backend found, in reading order (see model/table.ts). */
  tables?: TableBlock[];
}

/** A heading of the document with the global line range it governs (what later stages walk). */
export interface OutlineNode {
  id: string;
  heading: string;
  kind: SectionKind;
  /** True when the kind was read from what the part holds, not from its heading (section-kind-inferred). */
  kindInferred?: boolean;
  level: number;
  /** Global index of the heading line. */
  start: number;
  /** Global index of the last line before the next heading of the same or a higher level. */
  end: number;
  children: OutlineNode[];
}

/** What stages learn about the layout and share with later stages (vfile's `data`). */
export interface DocumentData {
  /** First global line of the body (after header and title); set by the header stage. */
  bodyStart?: number;
  /** Last global line of the body (before "Nơi nhận" and the signature); set by the sections stage. */
  bodyEnd?: number;
  outline?: OutlineNode[];
  /** The year of the document's date, when the header gives one (agency names are checked against it). */
  documentYear?: number;
  /** What the header showed of an administrative document (set by the header stage). */
  headerEvidence?: { motto: boolean; number: boolean; typeWord: boolean };
  /** A Quyết định that issues a plan: the last line of the decision itself (before its "Nơi nhận"), where its signature is looked for. */
  decisionEnd?: number;
}

export class PlanDocument {
  readonly file: string;
  readonly sha256: string;
  kind: SourceKind;
  readonly pageCount: number | null;
  readonly encoding: string;
  readonly pages: Page[];
  /** Tables in reading order; each also renders as lines of its page (model/table.ts). */
  readonly tables: TableBlock[];
  readonly warnings: Warning[] = [];
  ocr: RecordSource['ocr'] = null;
  textRepair: RecordSource['textRepair'] = null;
  readonly data: DocumentData = {};
  private flat: TextLine[] | null = null;

  constructor(init: DocumentInit) {
    this.file = init.file;
    this.sha256 = init.sha256;
    this.kind = init.kind;
    this.pageCount = init.pageCount;
    this.encoding = init.encoding;
    this.pages = init.pages;
    this.tables = init.tables ?? [];
  }

  /** All lines of all pages in reading order; index i is the "global line index" stages pass around. */
  get lines(): readonly TextLine[] {
    this.flat ??= this.pages.flatMap((p) => p.lines);
    return this.flat;
  }

  /** Call after a stage replaced pages' line arrays. */
  invalidateLines(): void {
    this.flat = null;
  }

  /** The source reference of global lines [start, end] (inclusive). */
  sourceOf(start: number, end: number = start): SourceRef {
    const lines = this.lines;
    const first = lines[Math.max(0, Math.min(start, lines.length - 1))];
    if (!first) return { page: null, line: 1, endLine: 1 };
    let last = lines[Math.max(start, Math.min(end, lines.length - 1))] ?? first;
    if (last.page !== first.page) {
      // A span that runs onto the next page ends, for this reference, at the last line of its first page.
      const page = this.pages.find((p) => p.number === first.page);
      last = page?.lines[page.lines.length - 1] ?? first;
    }
    return { page: first.page, line: first.line, endLine: Math.max(first.line, last.line) };
  }

  /**
   * Whether text came through OCR (the repair ran on the document, or a table was read from an
   * OCR'd page): misreadings are expected there ("IT" for II, "=" for "≥"), slips of a typist are not.
   */
  cameThroughOcr(table?: { origin: string } | null): boolean {
    return table?.origin === 'ocr' || this.textRepair?.applied === true;
  }

  warn(code: string, message: string, source: SourceRef | null = null): void {
    this.warnings.push({ code, message, source });
  }

  /** The text, pages separated by form feeds (what `plan-extract text` prints). */
  toText(): string {
    return this.pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n\f');
  }
}

/** Builds a page from raw text lines, numbering them from 1. */
export function makePage(number: number | null, origin: PageOrigin, texts: readonly string[]): Page {
  return {
    number,
    origin,
    lines: texts.map((text, i) => ({ text, original: text, page: number, line: i + 1 })),
  };
}
