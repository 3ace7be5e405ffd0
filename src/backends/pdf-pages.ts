/**
 * Page images of a PDF for OCR, one page at a time, with pdf.js (the copy pdf-parse uses).
 * A page that is one embedded image covering the page (a scanner's page) hands that image
 * over as it is stored, at its own resolution; any other page is rendered with
 * @napi-rs/canvas at ~300 dpi. Sizes are checked before any pixel buffer is allocated.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkImageSize, encodePgm, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, readImageInfo, toGray, unpack1bpp, type OcrImage } from '../ocr/image.js';
import { pageItems, type ItemOptions, type ItemsPage, type PdfItemPage } from './pdf-items.js';
import { jpegCaptureInstalled, takeCapturedJpeg, withJpegDecoding } from './pdf-jpeg.js';
import { BlankPageError, PageError } from '../ocr/pages.js';
import { describeError, InputError } from '../util/errors.js';

/** Resolution pages are rendered at. */
export const RENDER_DPI = 300;

/** Below this, OCR of body text fails: a page that fits only below it is skipped. */
export const MIN_RENDER_DPI = 150;

/**
 * The resolution to render a page of width×height points at: `dpi`, or less when the rendering
 * would pass the pixel limits (an A0 poster at 300 dpi is 140 megapixels); null when even
 * MIN_RENDER_DPI would.
 */
export function renderDpi(widthPt: number, heightPt: number, dpi: number): number | null {
  const fits = (d: number) => checkImageSize(Math.ceil((widthPt * d) / 72), Math.ceil((heightPt * d) / 72)) === null;
  if (!(widthPt > 0 && heightPt > 0 && Number.isFinite(widthPt * heightPt))) return null;
  if (fits(dpi)) return dpi;
  const bySide = (MAX_IMAGE_SIDE * 72) / Math.max(widthPt, heightPt);
  const byArea = Math.sqrt(MAX_IMAGE_PIXELS / (widthPt * heightPt)) * 72;
  const best = Math.floor(Math.min(dpi, bySide, byArea));
  return best >= MIN_RENDER_DPI && fits(best) ? best : null;
}

type Matrix = [number, number, number, number, number, number];

interface PdfJsImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray | null;
  /** A JPEG passed through undecoded (pdf-jpeg.ts). */
  bitmap?: unknown;
}

interface PdfJsObjs {
  has(name: string): boolean;
  get(name: string, callback: (value: PdfJsImage | null) => void): void;
}

interface CanvasAndContext {
  canvas: unknown;
  context: {
    fillStyle: string;
    fillRect(x: number, y: number, w: number, h: number): void;
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  };
}

interface PdfJsPage {
  pageNumber: number;
  view: number[];
  rotate: number;
  objs: PdfJsObjs;
  commonObjs: PdfJsObjs;
  getViewport(p: { scale: number }): { width: number; height: number };
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  render(p: { canvasContext: unknown; viewport: unknown; canvas: unknown; background?: string }): { promise: Promise<void> };
  cleanup(): boolean;
}

interface PdfJsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfJsPage>;
  destroy(): Promise<void>;
  canvasFactory: { create(w: number, h: number): CanvasAndContext; destroy(c: CanvasAndContext): void };
}

export interface PdfJs {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfJsDocument>; destroy(): Promise<void> };
  OPS: Record<string, number>;
  ImageKind: { GRAYSCALE_1BPP: number; RGB_24BPP: number; RGBA_32BPP: number };
}

let pdfjsPromise: Promise<{ pdfjs: PdfJs; root: string }> | null = null;

/** pdf.js as pdf-parse resolves it (the same module instance, wherever the package manager put it). */
export function loadPdfJs(): Promise<{ pdfjs: PdfJs; root: string }> {
  pdfjsPromise ??= (async () => {
    const fromHere = createRequire(import.meta.url);
    const fromPdfParse = createRequire(fromHere.resolve('pdf-parse'));
    const entry = fromPdfParse.resolve('pdfjs-dist/legacy/build/pdf.mjs');
    const pdfjs = (await import(pathToFileURL(entry).href)) as PdfJs;
    return { pdfjs, root: dirname(dirname(dirname(entry))) };
  })();
  return pdfjsPromise;
}

function mul(m: Matrix, n: readonly number[]): Matrix {
  return [m[0] * n[0]! + m[2] * n[1]!, m[1] * n[0]! + m[3] * n[1]!, m[0] * n[2]! + m[2] * n[3]!, m[1] * n[2]! + m[3] * n[3]!, m[0] * n[4]! + m[2] * n[5]! + m[4], m[1] * n[4]! + m[3] * n[5]! + m[5]];
}

interface PlacedImage {
  name: string;
  width: number;
  height: number;
  ctm: Matrix;
}

/** What a page draws, as far as choosing "its one image" or "render it" needs. */
export interface PageContent {
  images: PlacedImage[];
  visibleText: boolean;
  paths: number;
}

export function analyseOperators(pdfjs: PdfJs, ops: { fnArray: number[]; argsArray: unknown[][] }): PageContent {
  const O = pdfjs.OPS;
  const showText = new Set([O.showText, O.showSpacedText, O.nextLineShowText, O.nextLineSetSpacingShowText]);
  const imageOps = new Set([O.paintImageXObject, O.paintInlineImageXObject, O.paintImageXObjectRepeat, O.paintImageMaskXObject, O.paintInlineImageXObjectGroup, O.paintImageMaskXObjectGroup]);
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let mode = 0;
  const stack: { ctm: Matrix; mode: number }[] = [];
  const content: PageContent = { images: [], visibleText: false, paths: 0 };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] ?? [];
    if (fn === O.save) stack.push({ ctm, mode });
    else if (fn === O.restore) ({ ctm, mode } = stack.pop() ?? { ctm, mode });
    else if (fn === O.transform) ctm = mul(ctm, args as number[]);
    else if (fn === O.paintFormXObjectBegin) {
      stack.push({ ctm, mode });
      const m = args[0] as number[] | null;
      if (Array.isArray(m) || ArrayBuffer.isView(m)) ctm = mul(ctm, Array.from(m as ArrayLike<number>));
    } else if (fn === O.paintFormXObjectEnd) ({ ctm, mode } = stack.pop() ?? { ctm, mode });
    else if (fn === O.setTextRenderingMode) mode = Number(args[0]) || 0;
    else if (showText.has(fn)) {
      if (mode !== 3 && mode !== 7) content.visibleText = true;
    } else if (fn === O.constructPath) content.paths++;
    else if (imageOps.has(fn)) {
      if (fn === O.paintImageXObject || fn === O.paintInlineImageXObject) {
        const name = typeof args[0] === 'string' ? args[0] : '';
        content.images.push({ name, width: Number(args[1]) || 0, height: Number(args[2]) || 0, ctm });
      } else content.images.push({ name: '', width: 0, height: 0, ctm });
    }
  }
  return content;
}

/** The page's one image when it covers the page upright, with the resolution it is drawn at. */
export function singlePageImage(content: PageContent, view: number[], rotate: number): { name: string; dpi: number } | null {
  if (content.images.length !== 1 || content.visibleText || content.paths > 0 || rotate % 360 !== 0) return null;
  const img = content.images[0]!;
  const [a, b, c, d, e, f] = img.ctm;
  if (!img.name || Math.abs(b) > 1e-6 || Math.abs(c) > 1e-6 || a <= 0 || d <= 0) return null;
  const [x0, y0, x1, y1] = view as [number, number, number, number];
  const pageArea = (x1 - x0) * (y1 - y0);
  const ix0 = Math.max(x0, e);
  const iy0 = Math.max(y0, f);
  const ix1 = Math.min(x1, e + a);
  const iy1 = Math.min(y1, f + d);
  const covered = Math.max(0, ix1 - ix0) * Math.max(0, iy1 - iy0);
  if (pageArea <= 0 || covered / pageArea < 0.85) return null;
  const dpi = img.width > 0 ? (img.width / a) * 72 : 0;
  if (dpi < 50) return null;
  return { name: img.name, dpi: Math.round(dpi) };
}

/** Opens the document in pdf.js; `passJpeg`: plain JPEG images come through undecoded (pdf-jpeg.ts). */
async function openDocument(bytes: Uint8Array, displayName: string, passJpeg: boolean): Promise<PdfJsDocument> {
  const { pdfjs, root } = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    stopAtErrors: false,
    isEvalSupported: false,
    isImageDecoderSupported: passJpeg,
    // images larger than this are dropped by pdf.js instead of decoded
    maxImageSize: MAX_IMAGE_PIXELS,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
  });
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw new InputError(displayName, `unreadable PDF (${describeError(err)})`, { cause: err });
  }
}

function safeImageInfo(data: Uint8Array): { width: number; height: number } | null {
  try {
    const info = readImageInfo(data);
    return info.type === 'jpeg' && info.pages.length === 1 ? info.pages[0]! : null;
  } catch {
    return null;
  }
}

export class PdfPageImager {
  private constructor(
    private readonly pdfjs: PdfJs,
    private readonly doc: PdfJsDocument,
    readonly displayName: string,
    private readonly passesJpeg: boolean,
  ) {}

  static async open(bytes: Uint8Array, displayName: string): Promise<PdfPageImager> {
    const passesJpeg = jpegCaptureInstalled();
    const { pdfjs } = await loadPdfJs();
    return new PdfPageImager(pdfjs, await openDocument(bytes, displayName, passesJpeg), displayName, passesJpeg);
  }

  /**
   * The image to OCR for page n (1-based): its embedded scan, or a rendering at `dpi`.
   * BlankPageError when there is nothing to OCR: the page draws nothing, or (`onlyScans`)
   * it draws no image (its text layer, however thin, is all the text it has).
   */
  async pageImage(n: number, dpi = RENDER_DPI, onlyScans = false): Promise<OcrImage & { source: 'embedded' | 'rendered' }> {
    return this.withPage(n, async (page) => {
      const direct = await this.embeddedImage(page, onlyScans).catch((err: unknown) => {
        if (err instanceof BlankPageError) throw err;
        return null;
      });
      if (direct) return { ...direct, source: 'embedded' };
      return { ...(await this.render(page, n, dpi)), source: 'rendered' };
    });
  }

  private async embeddedImage(page: PdfJsPage, onlyScans: boolean): Promise<OcrImage | null> {
    const content = analyseOperators(this.pdfjs, await page.getOperatorList());
    if (content.images.length === 0 && content.paths === 0 && !content.visibleText) throw new BlankPageError(`page ${page.pageNumber} is blank`);
    if (onlyScans && content.images.length === 0) throw new BlankPageError(`page ${page.pageNumber} has no image to OCR`);
    const single = singlePageImage(content, page.view, page.rotate);
    if (!single) return null;
    const objs = page.commonObjs.has(single.name) ? page.commonObjs : page.objs;
    const img = await new Promise<PdfJsImage | null>((resolve) => objs.get(single.name, (v) => resolve(v)));
    if (!img || !img.width || !img.height || checkImageSize(img.width, img.height)) return null;
    if (img.bitmap) {
      const jpeg = takeCapturedJpeg(img.bitmap);
      img.bitmap = null;
      // the JPEG's own header must agree with the image dictionary pdf.js checked: a JPEG that claims
      // more pixels than its dictionary is a decompression bomb for the engine; such a page is rendered
      const info = jpeg ? safeImageInfo(jpeg) : null;
      if (!jpeg || info?.width !== img.width || info.height !== img.height) return null;
      return { data: jpeg, width: img.width, height: img.height, dpi: single.dpi };
    }
    if (!img.data) return null;
    const { width, height, kind, data } = img;
    const K = this.pdfjs.ImageKind;
    const n = width * height;
    let gray: Uint8Array;
    if (kind === K.GRAYSCALE_1BPP) gray = unpack1bpp(data as Uint8Array, width, height);
    else if (kind === K.RGBA_32BPP || data.length === n * 4) gray = toGray(data, width, height, 4);
    else if (kind === K.RGB_24BPP || data.length === n * 3) gray = toGray(data, width, height, 3);
    else if (data.length === n) gray = toGray(data, width, height, 1);
    else return null;
    return { data: encodePgm(gray, width, height), width, height, dpi: single.dpi };
  }

  private async render(page: PdfJsPage, n: number, wanted: number): Promise<OcrImage> {
    // a passed-through JPEG cannot be drawn: while rendering, pdf.js decodes JPEGs itself
    const draw = () => this.renderPage(page, n, wanted);
    return this.passesJpeg ? withJpegDecoding(draw) : draw();
  }

  private async renderPage(page: PdfJsPage, n: number, wanted: number): Promise<OcrImage> {
    const size = page.getViewport({ scale: 1 });
    // an oversized page (a poster, a hostile media box) is rendered at the resolution that fits, or skipped
    const dpi = renderDpi(size.width, size.height, wanted);
    if (dpi === null) {
      const tooBig = checkImageSize(Math.ceil((size.width * wanted) / 72), Math.ceil((size.height * wanted) / 72)) ?? 'too large';
      throw new PageError(`page ${n} would render at ${wanted} dpi to ${tooBig.replace(/^image /, '')}, and at ${MIN_RENDER_DPI} dpi still would`);
    }
    const viewport = page.getViewport({ scale: dpi / 72 });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    let cc: CanvasAndContext;
    try {
      cc = this.doc.canvasFactory.create(width, height);
    } catch (err) {
      throw new PageError(`page ${n} cannot be rendered (${describeError(err)})`);
    }
    try {
      cc.context.fillStyle = '#ffffff';
      cc.context.fillRect(0, 0, width, height);
      await page.render({ canvasContext: cc.context, viewport, canvas: cc.canvas }).promise;
      const rgba = cc.context.getImageData(0, 0, width, height).data;
      return { data: encodePgm(toGray(rgba, width, height, 4), width, height), width, height, dpi };
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw new PageError(`page ${n} cannot be rendered (${describeError(err)})`);
    } finally {
      this.doc.canvasFactory.destroy(cc);
    }
  }

  /** The text items (and rules, font names) of page n, for the garbled-layer check and tables (pdf-items.ts). */
  items(n: number, options: ItemOptions): Promise<PdfItemPage> {
    return this.withPage(n, (page) => pageItems(this.pdfjs.OPS, page as unknown as ItemsPage, n, options));
  }

  /** Runs fn on page n, then releases the page's resources; a page pdf.js cannot open is a page failure. */
  private async withPage<T>(n: number, fn: (page: PdfJsPage) => Promise<T>): Promise<T> {
    let page: PdfJsPage;
    try {
      page = await this.doc.getPage(n);
    } catch (err) {
      throw new PageError(`page ${n} cannot be read (${describeError(err)})`);
    }
    try {
      return await fn(page);
    } finally {
      page.cleanup();
    }
  }

  async close(): Promise<void> {
    await this.doc.destroy().catch(() => undefined);
  }
}
