/**
 * Picks the backend for an input by its extension (and, for PDFs, its bytes)
 * and returns the document model. Backends: text/Markdown; PDFs (text layer,
 * with page-level OCR of scanned or damaged pages); images (OCR).
 */
import { extname } from 'node:path';
import type { PlanDocument } from '../model/document.js';
import { InputError } from '../util/errors.js';
import { readInputFile } from './read-input.js';
import { readTextDocument } from './text.js';
import { DEFAULT_OCR, readPdfDocument } from './pdf-ocr.js';
import { readImageDocument } from './image.js';
import { readDocxDocument } from './docx.js';
import type { OcrOptions } from '../ocr/types.js';

export const TEXT_EXTENSIONS = ['.txt', '.md', '.markdown'];
export const PDF_EXTENSIONS = ['.pdf'];
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.tif', '.tiff'];
export const DOCX_EXTENSIONS = ['.docx'];

export function isSupportedInput(file: string): boolean {
  const ext = extname(file).toLowerCase();
  return [TEXT_EXTENSIONS, PDF_EXTENSIONS, IMAGE_EXTENSIONS, DOCX_EXTENSIONS].some((list) => list.includes(ext));
}

export interface LoadOptions {
  /** The name recorded in source.file and used in messages (the path as given). */
  displayName?: string;
  /** OCR of scanned PDF pages and images. */
  ocr?: OcrOptions;
}

export async function loadDocument(file: string, options: LoadOptions = {}): Promise<PlanDocument> {
  const displayName = options.displayName ?? file;
  const ext = extname(file).toLowerCase();
  if (!isSupportedInput(file)) throw new InputError(displayName, `unsupported file type "${ext || '(none)'}" (expected .pdf, .docx, .txt, .md, .png, .jpg or .tif)`);
  const input = await readInputFile(file);
  const ocr = options.ocr ?? DEFAULT_OCR;
  if (PDF_EXTENSIONS.includes(ext)) return readPdfDocument(input, displayName, ocr);
  if (IMAGE_EXTENSIONS.includes(ext)) return readImageDocument(input, displayName, ocr);
  if (DOCX_EXTENSIONS.includes(ext)) return readDocxDocument(input, displayName);
  return readTextDocument(input, displayName);
}
