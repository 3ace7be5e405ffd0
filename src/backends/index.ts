/**
 * Picks the backend for an input by its extension (and, for PDFs, its bytes)
 * and returns the document model. Backends: text/Markdown; PDFs (text layer,
 * with page-level OCR of scanned or damaged pages); images (OCR).
 */
import { extname } from 'node:path';
import type { PlanDocument } from '../model/document.js';
import { InputError } from '../util/errors.js';
import { readInputFile, type RawInput } from './read-input.js';
import { DEFAULT_OCR, type OcrOptions } from '../ocr/types.js';
import { DOC_EXTENSIONS, DOCX_EXTENSIONS, HTML_EXTENSIONS, IMAGE_EXTENSIONS, isSupportedInput, PDF_EXTENSIONS } from './formats.js';

export { DOC_EXTENSIONS, DOCX_EXTENSIONS, HTML_EXTENSIONS, IMAGE_EXTENSIONS, isSupportedInput, PDF_EXTENSIONS, TEXT_EXTENSIONS } from './formats.js';

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
  // each backend is loaded when its first file comes: a folder of Word files never loads pdf.js or the OCR engines
  if (PDF_EXTENSIONS.includes(ext)) {
    const { readPdfDocument } = await import('./pdf-ocr.js');
    return readPdfDocument(input, displayName, options.ocr ?? DEFAULT_OCR);
  }
  if (IMAGE_EXTENSIONS.includes(ext)) {
    const { readImageDocument } = await import('./image.js');
    return readImageDocument(input, displayName, options.ocr ?? DEFAULT_OCR);
  }
  if (HTML_EXTENSIONS.includes(ext)) return (await import('./html.js')).readHtmlDocument(input, displayName);
  if (DOCX_EXTENSIONS.includes(ext) || DOC_EXTENSIONS.includes(ext)) return readWordDocument(input, displayName);
  return (await import('./text.js')).readTextDocument(input, displayName);
}

/**
 * Word files by what their bytes are, whatever the extension says (offices rename freely): a ZIP is
 * read as .docx, an OLE file as Word 97 (unless it holds an encrypted OOXML package).
 */
async function readWordDocument(input: RawInput, displayName: string): Promise<PlanDocument> {
  const [{ readDocDocument, sniffDoc }, { isEncryptedOoxml }, { readDocxDocument }, { readHtmlDocument }] = await Promise.all([import('./doc.js'), import('./ole.js'), import('./docx.js'), import('./html.js')]);
  const kind = sniffDoc(input.bytes);
  if (kind === 'ole' && !isEncryptedOoxml(input.bytes)) return readDocDocument(input, displayName);
  if (kind === 'ole' || kind === 'zip') return readDocxDocument(input, displayName);
  // Word's "save as web page" is often named .doc
  if (kind === 'html') return readHtmlDocument(input, displayName);
  if (extname(input.file).toLowerCase() === '.doc') return readDocDocument(input, displayName);
  return readDocxDocument(input, displayName);
}
