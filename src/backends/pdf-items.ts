/**
 * Positioned text items of PDF pages, straight from pdf.js's text content: what the garbled
 * text-layer check (pdf-garbled.ts) decodes font by font and what tables are found from
 * (pdf-tables.ts). Coordinates are PDF user space (points, origin bottom-left).
 */
import { join } from 'node:path';
import { describeError, InputError } from '../util/errors.js';
import { loadPdfJs } from './pdf-pages.js';

export interface PdfTextItem {
  str: string;
  /** pdf.js's name of the font (one per font object of the document). */
  font: string;
  /** Baseline start and advance width, in points. */
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale), in points. */
  size: number;
}

/** A straight ruling segment drawn on the page (table borders), in points. */
export interface RuleSegment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfItemPage {
  number: number;
  items: PdfTextItem[];
  rules: RuleSegment[];
  /** pdf.js font name → the font's name in the PDF (BaseFont), when the operator list was read. */
  fontNames: Map<string, string>;
}

interface TextContentItem {
  str?: string;
  fontName?: string;
  transform?: number[];
  width?: number;
}

export interface ItemsPage {
  commonObjs: { has(name: string): boolean; get(name: string): unknown };
  getTextContent(p?: Record<string, unknown>): Promise<{ items: TextContentItem[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  cleanup(): boolean;
}

interface ItemsDocument {
  numPages: number;
  getPage(n: number): Promise<ItemsPage>;
  destroy(): Promise<void>;
}

export interface ItemOptions {
  rules?: boolean;
  fontNames?: boolean;
}

/** Reads the items of some pages: in the pdf worker, under the page budget (GuardedPdf.items), or in-process (readPdfItems). */
export type PdfItemsReader = (numbers: readonly number[], options: ItemOptions) => Promise<PdfItemPage[]>;

/** The text items (and, with `rules`, ruling segments) of one pdf.js page. */
export async function pageItems(OPS: Record<string, number>, page: ItemsPage, n: number, options: ItemOptions): Promise<PdfItemPage> {
  const content = await page.getTextContent({ disableNormalization: true });
  const items: PdfTextItem[] = [];
  for (const it of content.items) {
    if (typeof it.str !== 'string' || it.str.length === 0 || !it.transform) continue;
    const [a, b, , d, e, f] = it.transform as [number, number, number, number, number, number];
    // rotated text (stamps, margin notes) is left out of the layout analysis
    if (Math.abs(b) > 1e-3 * Math.abs(a)) continue;
    items.push({ str: it.str, font: it.fontName ?? '', x: e, y: f, width: it.width ?? 0, size: Math.abs(d) || Math.abs(a) || 1 });
  }
  const ops = options.rules || options.fontNames ? await page.getOperatorList() : null;
  const rules = ops && options.rules ? rulesOf(OPS, ops) : [];
  const fontNames = new Map<string, string>();
  if (ops) {
    for (const font of new Set(items.map((i) => i.font))) {
      // fonts are resolved once the operator list is built
      const obj = page.commonObjs.has(font) ? (page.commonObjs.get(font) as { name?: unknown }) : null;
      if (typeof obj?.name === 'string') fontNames.set(font, obj.name);
    }
  }
  return { number: n, items, rules, fontNames };
}

/** Text items (and, with `rules`, ruling segments) of the given pages, read in this thread (no time limit: tests, scripts). */
export async function readPdfItems(bytes: Uint8Array, displayName: string, numbers: readonly number[], options: ItemOptions = {}): Promise<PdfItemPage[]> {
  const { pdfjs, root } = await loadPdfJs();
  const task = (pdfjs.getDocument as unknown as (src: Record<string, unknown>) => { promise: Promise<ItemsDocument>; destroy(): Promise<void> })({
    data: new Uint8Array(bytes),
    verbosity: 0,
    stopAtErrors: false,
    isEvalSupported: false,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
  });
  let doc: ItemsDocument;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw new InputError(displayName, `unreadable PDF (${describeError(err)})`, { cause: err });
  }
  const out: PdfItemPage[] = [];
  try {
    for (const n of numbers) {
      if (n < 1 || n > doc.numPages) continue;
      const page = await doc.getPage(n);
      try {
        out.push(await pageItems(pdfjs.OPS, page, n, options));
      } finally {
        page.cleanup();
      }
    }
  } finally {
    await doc.destroy().catch(() => undefined);
  }
  return out;
}

type Matrix = [number, number, number, number, number, number];
function mul(m: Matrix, n: readonly number[]): Matrix {
  return [m[0] * n[0]! + m[2] * n[1]!, m[1] * n[0]! + m[3] * n[1]!, m[0] * n[2]! + m[2] * n[3]!, m[1] * n[2]! + m[3] * n[3]!, m[0] * n[4]! + m[2] * n[5]! + m[4], m[1] * n[4]! + m[3] * n[5]! + m[5]];
}
function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/**
 * Horizontal and vertical segments the page strokes or fills: Word draws table borders as
 * thin filled rectangles or stroked lines. Thin rectangles become their centre line; a
 * rectangle that is a box (both sides long) gives its four edges.
 */
export function rulesOf(O: Record<string, number>, ops: { fnArray: number[]; argsArray: unknown[][] }): RuleSegment[] {
  const out: RuleSegment[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const push = (x0: number, y0: number, x1: number, y1: number) => {
    const [ax, ay] = apply(ctm, x0, y0);
    const [bx, by] = apply(ctm, x1, y1);
    out.push({ x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] ?? [];
    if (fn === O.save) stack.push(ctm);
    else if (fn === O.restore) ctm = stack.pop() ?? ctm;
    else if (fn === O.transform) ctm = mul(ctm, args as number[]);
    else if (fn === O.constructPath && args[0] !== O.endPath) {
      // a path ended without painting is a clipping path, not a drawn rule
      // pdf.js 5: [paintOp, [pathData Float32Array], minMax]; path data: DrawOPS moveTo=0 lineTo=1 curveTo=2 closePath=3
      const data = (args[1] as unknown[] | undefined)?.[0];
      if (!data || !ArrayBuffer.isView(data)) continue;
      const p = Array.from(data as unknown as ArrayLike<number>);
      let j = 0;
      let cx = 0;
      let cy = 0;
      let sx = 0;
      let sy = 0;
      const pts: [number, number][] = [];
      const flush = () => {
        for (let k = 1; k < pts.length; k++) segment(pts[k - 1]!, pts[k]!);
        pts.length = 0;
      };
      const segment = (a: [number, number], b: [number, number]) => {
        if (Math.abs(a[0] - b[0]) < 0.01 || Math.abs(a[1] - b[1]) < 0.01) push(a[0], a[1], b[0], b[1]);
      };
      while (j < p.length) {
        const op = p[j++]!;
        if (op === 0) {
          flush();
          cx = sx = p[j++]!;
          cy = sy = p[j++]!;
          pts.push([cx, cy]);
        } else if (op === 1) {
          cx = p[j++]!;
          cy = p[j++]!;
          pts.push([cx, cy]);
        } else if (op === 2) {
          j += 6;
          flush();
        } else if (op === 3) {
          pts.push([sx, sy]);
          flush();
        } else break;
      }
      flush();
    }
  }
  return out.map(thinToLine).filter((s): s is RuleSegment => s !== null);
}

/** A filled thin rectangle's edges come as two parallel close segments: keep segments, callers merge. */
function thinToLine(s: RuleSegment): RuleSegment | null {
  const w = s.x1 - s.x0;
  const h = s.y1 - s.y0;
  if (w < 0.5 && h < 0.5) return null;
  return s;
}
