/**
 * The receiving office's stamp on a scanned document ("dấu đến": a ruled box with the receiving
 * office's name, "ĐẾN", "Số: …", "Ngày: …", "Chuyển: …", "Số và ký hiệu HS: …", the numbers
 * handwritten). The office that scans an incoming plan stamps it beside the header, where the
 * type word and title are printed, so tesseract reads the box's words and the title's as one
 * line ("ĐẾN Ngày 13/4 Phối hợp kiểm soát các hoạt động …") and the title is lost. The stamp is
 * no part of the document: its words are taken out of the page's lines and its text is kept for
 * a warning, so nothing is dropped silently.
 *
 * Found by tesseract's separators (a box and no text in its TSV), which outline the stamp's frame
 * where the pixel rule search (rules.ts) sees only its thicker edges: two horizontal and two
 * vertical separators that close a rectangle in the top part of the page, narrower than half of
 * it, whose words say ĐẾN and one of the stamp's field labels.
 */
import { skeleton } from '../text/vietnamese.js';
import { finishLine } from './tsv.js';
import type { Box, OcrLine, OcrPage, OcrWord } from './types.js';

/** The stamp's text and the index (0-based) of the page's OCR line where it stood (its first line's). */
export type ReceivedStamp = NonNullable<OcrPage['receivedStamp']>;

const right = (b: Box) => b.left + b.width;
const bottom = (b: Box) => b.top + b.height;

/** Closed rectangles outlined by the separators: [left, top, right, bottom]. */
function rectangles(rules: readonly Box[], tolerance: number): Box[] {
  const horizontal = rules.filter((b) => b.width > 3 * b.height).slice(0, 40);
  const vertical = rules.filter((b) => b.height > 3 * b.width).slice(0, 40);
  const found: Box[] = [];
  const spans = (h: Box, a: Box, b: Box) => h.left <= a.left + a.width + tolerance && right(h) >= b.left - tolerance;
  const covers = (v: Box, top: Box, low: Box) => v.top <= bottom(top) + tolerance && bottom(v) >= low.top - tolerance;
  for (const a of vertical) {
    for (const b of vertical) {
      if (b.left <= right(a) + tolerance) continue;
      for (const top of horizontal) {
        if (!spans(top, a, b) || !covers(a, top, top) || !covers(b, top, top)) continue;
        for (const low of horizontal) {
          if (low.top <= bottom(top) + tolerance || !spans(low, a, b) || !covers(a, top, low) || !covers(b, top, low)) continue;
          found.push({ left: a.left, top: top.top, width: right(b) - a.left, height: bottom(low) - top.top });
        }
      }
    }
  }
  return found;
}

const inside = (w: OcrWord, r: Box) => {
  const x = w.box.left + w.box.width / 2;
  const y = w.box.top + w.box.height / 2;
  return x > r.left && x < right(r) && y > r.top && y < bottom(r);
};

/**
 * The words of a received-document stamp: two of its three marks, as OCR reads a stamp on a
 * scan badly (ĐẾN read "ĐỀN)", Chuyển "thuyền."): the word ĐẾN in capitals, the dotted lines
 * its numbers are written on, and its field labels (Số, Ngày, Chuyển, Số và ký hiệu, Lưu hồ sơ).
 */
function isStampText(words: readonly OcrWord[]): boolean {
  const den = words.some((w) => /^den\W*$/u.test(skeleton(w.text)) && w.text === w.text.toUpperCase());
  const dotted = words.filter((w) => /\.{4,}|…{2,}/u.test(w.text)).length >= 2;
  const labels = /(?:^|\s)(?:so|ngay|chuyen|so va ky hieu|luu ho so)\b/u.test(skeleton(words.map((w) => w.text).join(' ')));
  return [den, dotted, labels].filter(Boolean).length >= 2;
}

/**
 * The page without the words of its received-document stamp (module comment), the stamp's text
 * in `receivedStamp`; the page unchanged when it has none.
 */
export function withoutReceivedStamp(page: OcrPage, size: { width: number; height: number }): OcrPage {
  const tolerance = Math.max(8, size.width * 0.02);
  // a stamp stands in the top part of the page: rules below it (a table's) are never paired
  const top = page.rules.filter((b) => b.top < size.height * 0.45);
  const frames = rectangles(top, tolerance).filter((r) => r.width < size.width * 0.5 && bottom(r) < size.height * 0.45);
  for (const frame of frames) {
    const words = page.lines.flatMap((l) => l.words.filter((w) => inside(w, frame)));
    if (words.length === 0 || !isStampText(words)) continue;
    let lineIndex = -1;
    const lines: OcrLine[] = [];
    page.lines.forEach((line) => {
      const kept = line.words.filter((w) => !inside(w, frame));
      if (kept.length === line.words.length) return lines.push(line);
      if (lineIndex < 0) lineIndex = lines.length;
      if (kept.length > 0) lines.push(finishLine({ ...line, words: kept }));
    });
    const rules = page.rules.filter((b) => !(b.left >= frame.left - tolerance && right(b) <= right(frame) + tolerance && b.top >= frame.top - tolerance && bottom(b) <= bottom(frame) + tolerance));
    const receivedStamp: ReceivedStamp = { text: words.map((w) => w.text).join(' '), lineIndex: Math.max(0, Math.min(lineIndex, lines.length - 1)) };
    return { ...page, lines, rules, receivedStamp };
  }
  return page;
}
