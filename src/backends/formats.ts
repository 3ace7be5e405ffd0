/** The input formats by file extension (a module of its own: listing a folder needs no backend loaded). */
import { extname } from 'node:path';

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
