/**
 * Picks the backend for an input by its extension (and, for PDFs, its bytes)
 * and returns the document model. Backends: text/Markdown, PDF text layer;
 * scanned PDFs and images join through the OCR backend.
 */
import { extname } from 'node:path';
import type { PlanDocument } from '../model/document.js';
import { InputError } from '../util/errors.js';
import { readInputFile } from './read-input.js';
import { readTextDocument } from './text.js';
import { readPdfTextDocument } from './pdf-text.js';

export const TEXT_EXTENSIONS = ['.txt', '.md', '.markdown'];
export const PDF_EXTENSIONS = ['.pdf'];
export const IMAGE_EXTENSIONS: string[] = [];

export function isSupportedInput(file: string): boolean {
  const ext = extname(file).toLowerCase();
  return TEXT_EXTENSIONS.includes(ext) || PDF_EXTENSIONS.includes(ext) || IMAGE_EXTENSIONS.includes(ext);
}

export interface LoadOptions {
  /** The name recorded in source.file and used in messages (the path as given). */
  displayName?: string;
}

export async function loadDocument(file: string, options: LoadOptions = {}): Promise<PlanDocument> {
  const displayName = options.displayName ?? file;
  const ext = extname(file).toLowerCase();
  if (!isSupportedInput(file)) throw new InputError(displayName, `unsupported file type "${ext || '(none)'}" (expected .pdf, .txt or .md)`);
  const input = await readInputFile(file);
  if (PDF_EXTENSIONS.includes(ext)) return readPdfTextDocument(input, displayName);
  return readTextDocument(input, displayName);
}
