/**
 * Picks the backend for an input by its extension (and, for PDFs, its bytes)
 * and returns the document model. Backends: text/Markdown; PDFs (text layer,
 * with page-level OCR of scanned or damaged pages); images (OCR).
 */
import { extname } from 'node:path';
import type { PlanDocument } from '../model/document.js';
import { InputError } from '../util/errors.js';
import { readInputFile, type RawInput } from './read-input.js';
import { readTextDocument } from './text.js';
import { DEFAULT_OCR, readPdfDocument } from './pdf-ocr.js';
import { readImageDocument } from './image.js';
import { readDocxDocument } from './docx.js';
import { readDocDocument, sniffDoc } from './doc.js';
import { isEncryptedOoxml } from './ole.js';
import { readHtmlDocument } from './html.js';
import type { OcrOptions } from '../ocr/types.js';

export const TEXT_EXTENSIONS = ['.txt', '.md', '.markdown'];
export const PDF_EXTENSIONS = ['.pdf'];
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.tif', '.tiff'];
export const DOCX_EXTENSIONS = ['.docx'];
export const DOC_EXTENSIONS = ['.doc'];
export const HTML_EXTENSIONS = ['.htm', '.html'];

export function isSupportedInput(file: string): boolean {
  const ext = extname(file).toLowerCase();
  return [TEXT_EXTENSIONS, PDF_EXTENSIONS, IMAGE_EXTENSIONS, DOCX_EXTENSIONS, DOC_EXTENSIONS, HTML_EXTENSIONS].some((list) => list.includes(ext));
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
  if (!isSupportedInput(file)) throw new InputError(displayName, `unsupported file type "${ext || '(none)'}" (expected .pdf, .docx, .doc, .htm, .html, .txt, .md, .png, .jpg or .tif)`);
  const input = await readInputFile(file);
  const ocr = options.ocr ?? DEFAULT_OCR;
  if (PDF_EXTENSIONS.includes(ext)) return readPdfDocument(input, displayName, ocr);
  if (IMAGE_EXTENSIONS.includes(ext)) return readImageDocument(input, displayName, ocr);
  if (HTML_EXTENSIONS.includes(ext)) return readHtmlDocument(input, displayName);
  if (DOCX_EXTENSIONS.includes(ext) || DOC_EXTENSIONS.includes(ext)) return readWordDocument(input, displayName);
  return readTextDocument(input, displayName);
}

/**
 * Word files by what their bytes are, whatever the extension says (offices rename freely): a ZIP is
 * read as .docx, an OLE file as Word 97 (unless it holds an encrypted OOXML package).
 */
async function readWordDocument(input: RawInput, displayName: string): Promise<PlanDocument> {
  const kind = sniffDoc(input.bytes);
  if (kind === 'ole' && !isEncryptedOoxml(input.bytes)) return readDocDocument(input, displayName);
  if (kind === 'ole' || kind === 'zip') return readDocxDocument(input, displayName);
  // Word's "save as web page" is often named .doc
  if (kind === 'html') return readHtmlDocument(input, displayName);
  if (extname(input.file).toLowerCase() === '.doc') return readDocDocument(input, displayName);
  return readDocxDocument(input, displayName);
}
