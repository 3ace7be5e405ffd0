/** What an OCR engine returns for one page, whichever engine ran. */
import type { OcrImage } from './image.js';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface OcrWord {
  text: string;
  /** 0..1 */
  confidence: number;
  box: Box;
}

export interface OcrLine {
  text: string;
  /** Mean word confidence, 0..1. */
  confidence: number;
  box: Box;
  words: OcrWord[];
  /** Tesseract's block and paragraph numbers (reading structure). */
  block: number;
  paragraph: number;
}

export interface OcrPage {
  lines: OcrLine[];
  /**
   * The ruling lines of the page, in image pixels: found in its pixels when the page may hold
   * a table (ocr/rules.ts), else tesseract's separator blocks (a box and no text). The tables of
   * a scan are read from them (backends/ocr-tables.ts).
   */
  rules: Box[];
  /** Mean word confidence of the page, 0..1 (0 when no words). */
  confidence: number;
  /** The received-document stamp whose words were taken out of the lines (ocr/stamps.ts). */
  receivedStamp?: { text: string; lineIndex: number };
}

export type EngineChoice = 'auto' | 'wasm' | 'native';

export interface OcrEngine {
  /** What source.ocr.engine records: "tesseract.js" or "tesseract 5.3.0". */
  readonly name: string;
  readonly language: string;
  /** Pages this engine works on at once. */
  readonly concurrency: number;
  /** `timeoutMs`: the page's OCR budget; an engine that can stop a page early does (native: kills tesseract). */
  recognize(image: OcrImage, options?: { timeoutMs?: number }): Promise<OcrPage>;
  /**
   * The page image in the form this engine reads fastest, made once per page before `recognize`
   * (the later stages that read pixels take it too); none: the image as it is.
   */
  prepare?(image: OcrImage): Promise<OcrImage>;
}

/** An image the engine could not decode (as opposed to an engine failure). */
export class ImageDecodeError extends Error {}

export type OcrMode = 'auto' | 'always' | 'never';

/** How the backends use OCR (from the CLI's --ocr, --engine, --jobs). */
export interface OcrOptions {
  /** auto: OCR pages with no text layer or a damaged one; always: every page; never: none. */
  mode: OcrMode;
  engine: EngineChoice;
  /** Pages OCR'd at once. */
  jobs: number;
  /** Progress: pages OCR'd so far of the pages to OCR. */
  onPage?: (done: number, total: number) => void;
  /** Time limit per page (ms) for rendering and OCR; reading its text layer gets a quarter. Default 120 s. */
  pageTimeoutMs?: number;
}

/** OCR when the caller says nothing: damaged and missing pages, the best engine installed, one page at a time. */
export const DEFAULT_OCR: OcrOptions = { mode: 'auto', engine: 'auto', jobs: 1 };

/**
 * Default page budget. A normal page costs 0.01 s to read, 0.5–2.5 s to render at 300 dpi and
 * 2–5 s to OCR on one core (15 s at a load of 10); 120 s leaves room for a loaded machine while
 * a hostile page costs minutes at most, not the run.
 */
export const DEFAULT_PAGE_TIMEOUT_S = 120;

/**
 * Tesseract parameters both engines run with. `tessedit_do_invert=0`: tesseract reads every line
 * it is unsure of a second time as white on black, for inverted print, which plans do not have;
 * the lines it is unsure of on a scan are stamps, signatures and handwriting, where the second
 * reading trades one junk string for another. Measured with tesseract 5.3 (Debian vie): on our
 * 14-page bench scan the same syllables (two pages differ by a stray ':'); on the 8 pages of the
 * two real scans in ../shared/real the differences are all in words both readings get wrong
 * (stamps, handwriting, two smudged words). npm run bench:ocr times both.
 */
export const TESSERACT_PARAMETERS: Readonly<Record<string, string>> = { tessedit_do_invert: '0' };
