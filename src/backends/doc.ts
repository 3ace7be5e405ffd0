/**
 * Word 97 .doc input (OLE compound file), read with word-extractor: the main text, with field
 * codes dropped and field results kept; text boxes, footnotes and endnotes appended like the
 * .docx backend does. word-extractor turns Word's cell marks (0x07) into tabs, which a real tab
 * would make ambiguous, so its `clean` filter is wrapped (before the library is loaded) to keep
 * them as a private-use character; each cell's text then becomes lines of its own, in order:
 * left column, then right, which is how the header and closing stages read the layout tables
 * of the header and the signature (see layout.ts). word-extractor does not expose the table
 * properties (which cell mark ends a row), so .doc tables do not become TableBlocks.
 *
 * Files named .doc that are something else are told apart by their bytes: a .docx (ZIP) and a
 * Word HTML page are read by their own backends; RTF and anything else that is not OLE is an
 * InputError; an OLE file holding an encrypted OOXML package is an "encrypted" InputError.
 */
import { createRequire } from 'node:module';
import type { PlanDocument } from '../model/document.js';
import { InputError } from '../util/errors.js';
import { PageBuilder } from './layout.js';
import { isEncryptedOoxml, isOle } from './ole.js';
import type { RawInput } from './read-input.js';
import { isZip } from './zip.js';

/** What word-extractor leaves of a cell mark (see the module comment). */
const CELL_MARK = '\ue007';

interface WordDocumentLike {
  getBody(options?: { filterUnicode?: boolean }): string;
  getFootnotes(options?: { filterUnicode?: boolean }): string;
  getEndnotes(options?: { filterUnicode?: boolean }): string;
  getTextboxes(options?: { filterUnicode?: boolean; includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
}
type Extractor = { extract(source: Buffer): Promise<WordDocumentLike> };

let extractorClass: (new () => Extractor) | null = null;

function loadExtractor(): new () => Extractor {
  if (extractorClass) return extractorClass;
  const require = createRequire(import.meta.url);
  const filters = require('word-extractor/lib/filters.js') as { clean: (s: string) => string; __cellMarksKept?: boolean };
  if (!filters.__cellMarksKept) {
    const clean = filters.clean;
    filters.clean = (s: string) => clean(s.replace(/\x07/g, CELL_MARK));
    filters.__cellMarksKept = true;
  }
  extractorClass = require('word-extractor') as new () => Extractor;
  return extractorClass;
}

export type DocSniff = 'ole' | 'zip' | 'html' | 'rtf' | 'other';

/** What a file named .doc really holds. */
export function sniffDoc(bytes: Uint8Array): DocSniff {
  if (isOle(bytes)) return 'ole';
  if (isZip(bytes)) return 'zip';
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (/^(<!doctype html|<html|<\?xml[^>]*>\s*<html)/.test(head) || head.startsWith('mime-version:')) return 'html';
  return 'other';
}

/**
 * Items laid side by side with spaces ("- Bộ Công an;          - Thường trực Tỉnh ủy;"): a run of
 * spaces after an item's closing punctuation, before the next item's dash, separates two items.
 */
const SPACED_ITEMS = /(?<=[;.,:])[ \t]{4,}(?=[-+•] )/;

/** Body text into the page: cell marks end a cell's text (a row's last mark closes the row). */
function addText(page: PageBuilder, text: string): void {
  for (const line of text.replace(/\r\n?/g, '\n').split(new RegExp(`\n|${CELL_MARK}`))) {
    for (const part of line.split(SPACED_ITEMS)) page.paragraph(part);
  }
}

export async function readDocDocument(input: RawInput, displayName: string): Promise<PlanDocument> {
  const bytes = input.bytes;
  const kind = sniffDoc(bytes);
  if (kind === 'rtf') throw new InputError(displayName, 'an RTF file named .doc (save it as .docx)');
  if (kind !== 'ole') throw new InputError(displayName, 'not a Word 97 (.doc) file (not an OLE compound file)');
  if (isEncryptedOoxml(bytes)) throw new InputError(displayName, 'encrypted (password-protected) Office file');
  let doc: WordDocumentLike;
  try {
    const Extractor = loadExtractor();
    doc = await new Extractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.trim();
    throw new InputError(displayName, `damaged Word 97 (.doc) file${message ? ` (${message})` : ''}`, { cause: err });
  }
  const page = new PageBuilder('doc');
  const raw = { filterUnicode: false };
  addText(page, doc.getBody(raw));
  const boxes = doc.getTextboxes({ ...raw, includeHeadersAndFooters: false, includeBody: true }).trim();
  if (boxes) {
    page.paragraph('');
    addText(page, boxes);
  }
  const notes = [doc.getFootnotes(raw), doc.getEndnotes(raw)]
    .flatMap((t) => t.split(/\n/))
    .map((t) => t.replace(new RegExp(CELL_MARK, 'g'), ' ').trim())
    .filter(Boolean);
  if (notes.length > 0) {
    page.paragraph('');
    notes.forEach((note, i) => page.paragraph(`[${i + 1}] ${note}`));
  }
  return page.build({ displayName, sha256: input.sha256, kind: 'doc', encoding: 'word-97' });
}
