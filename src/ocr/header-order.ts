/**
 * The header of a scanned page put back in print order. Tesseract's layout analysis sometimes
 * reads the issuer column of a two-column header ("ỦY BAN NHÂN DÂN / PHƯỜNG SÀI GÒN / Số:
 * 342/KH-UBND") as a block of its own and places it after the first paragraphs of the body,
 * so the header stage meets the national motto without its issuer and number. When a line that
 * stands above the type word (KẾ HOẠCH, QUYẾT ĐỊNH …) beside the motto comes after body lines in
 * tesseract's order, the header's lines are moved back to the top in print order, a left-column
 * line and the right-column line beside it joined into one (the column gap between them, as
 * tsv.ts writes it), as tesseract reads a header it does not split.
 */
import { typeCodeFromName } from '../facts/document-types.js';
import { skeleton } from '../text/vietnamese.js';
import { finishLine } from './tsv.js';
import type { OcrLine, OcrPage } from './types.js';

const MOTTO = /^cong hoa xa hoi chu nghia viet nam$/;
const flat = (text: string) => skeleton(text).replace(/\s+/g, ' ').trim();
const middle = (l: OcrLine) => l.box.top + l.box.height / 2;
/** A type-word line ("KẾ HOẠCH", "QUYẾT ĐỊNH"): a document type's name (src/data/documents), in capitals, in a few words. */
const isTypeWord = (text: string) => text === text.toUpperCase() && flat(text).split(' ').length <= 4 && typeCodeFromName(flat(text)) !== null;

/** Two lines of one print line in different columns: they overlap in height, not in width. */
function besideEachOther(a: OcrLine, b: OcrLine): boolean {
  const vertical = Math.min(a.box.top + a.box.height, b.box.top + b.box.height) - Math.max(a.box.top, b.box.top);
  const horizontal = Math.min(a.box.left + a.box.width, b.box.left + b.box.width) - Math.max(a.box.left, b.box.left);
  return vertical > 0.5 * Math.min(a.box.height, b.box.height) && horizontal < 0;
}

/** The page with its header lines in print order (module comment); the page unchanged when they already are. */
export function withHeaderInPrintOrder(page: OcrPage, size: { height: number }): OcrPage {
  const at = page.lines.findIndex((l) => l.box.top <= size.height * 0.25 && MOTTO.test(flat(l.text)));
  const motto = page.lines[at];
  if (!motto) return page;
  // the header ends where the type word stands (or a few lines under the motto without one)
  const type = page.lines.find((l) => l.box.top > motto.box.top && isTypeWord(l.text));
  const end = type ? type.box.top : motto.box.top + 6 * motto.box.height;
  const inHeader = page.lines.map((l) => middle(l) < end);
  const first = inHeader.indexOf(true);
  // in order when the header's lines come first, one after another
  const last = inHeader.lastIndexOf(true);
  if (inHeader.slice(first, last + 1).every(Boolean)) return page;
  const header = page.lines.filter((_, i) => inHeader[i]).sort((a, b) => middle(a) - middle(b));
  // each print line of the header: its tesseract lines, one per column
  const printLines: OcrLine[][] = [];
  for (const line of header) {
    const row = printLines.find((r) => r.every((l) => besideEachOther(l, line)));
    if (row) row.push(line);
    else printLines.push([line]);
  }
  const joined = printLines.map((row) => {
    const columns = row.sort((a, b) => a.box.left - b.box.left);
    const whole = finishLine({ ...columns[0]!, words: columns.flatMap((l) => l.words) });
    // the columns were tesseract's own blocks: the gap between them is a column gap, however narrow
    return { ...whole, text: columns.map((l) => l.text).join('   ') };
  });
  const lines = [...page.lines.slice(0, first), ...joined, ...page.lines.slice(first).filter((_, i) => !inHeader[first + i])];
  return { ...page, lines };
}
