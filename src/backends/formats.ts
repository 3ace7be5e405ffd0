/** The input formats by file extension (a module of its own: listing a folder needs no backend loaded). */
import { extname } from 'node:path';

export const TEXT_EXTENSIONS = ['.txt', '.md', '.markdown'];
export const PDF_EXTENSIONS = ['.pdf'];
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.tif', '.tiff'];
export const DOCX_EXTENSIONS = ['.docx'];
export const DOC_EXTENSIONS = ['.doc'];
export const HTML_EXTENSIONS = ['.htm', '.html'];

/** Every extension an input may have, in the order the CLI's help lists them. */
export const INPUT_EXTENSIONS: readonly string[] = [...PDF_EXTENSIONS, ...DOCX_EXTENSIONS, ...DOC_EXTENSIONS, ...TEXT_EXTENSIONS, ...HTML_EXTENSIONS, ...IMAGE_EXTENSIONS];

export function isSupportedInput(file: string): boolean {
  return INPUT_EXTENSIONS.includes(extname(file).toLowerCase());
}
