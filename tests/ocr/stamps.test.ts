/**
 * The received-document stamp taken out of an OCR'd page (src/ocr/stamps.ts): on tesseract TSV
 * laid out as the real BCA scan's first page is (the stamp's frame beside the type word and
 * title, its words on the title's lines), and on that scan itself.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PlanDocument } from '../../src/model/document.js';
import { warnOcrPage } from '../../src/ocr/pages.js';
import { withoutReceivedStamp } from '../../src/ocr/stamps.js';
import { parseTsv } from '../../src/ocr/tsv.js';
import { ocrPdfPage } from './read-page.js';

const here = dirname(fileURLToPath(import.meta.url));
const size = { width: 2500, height: 3524 };

/** TSV rows: separators (text '') and words, each [block, line, left, top, width, height, text]. */
function tsv(rows: [number, number, number, number, number, number, string][]): string {
  return rows.map(([b, l, x, y, w, h, t], i) => `5\t1\t${b}\t1\t${l}\t${i + 1}\t${x}\t${y}\t${w}\t${h}\t${t ? 95 : -1}\t${t}`).join('\n');
}

const frame: [number, number, number, number, number, number, string][] = [
  [1, 1, 147, 432, 588, 23, ''],
  [2, 1, 135, 839, 586, 19, ''],
  [3, 1, 138, 436, 14, 408, ''],
  [4, 1, 720, 455, 17, 408, ''],
];

const header: [number, number, number, number, number, number, string][] = [
  [7, 3, 168, 472, 135, 45, 'UBND'],
  [7, 3, 321, 457, 110, 65, 'TỈNH'],
  [7, 3, 452, 469, 98, 56, 'LÂM'],
  [7, 3, 569, 467, 139, 65, 'ĐỒNG'],
  [7, 4, 306, 560, 402, 64, 'Số:....16.44'],
  [7, 4, 1201, 545, 80, 54, 'KẾ'],
  [7, 4, 1300, 556, 218, 53, 'HOẠCH'],
  [7, 5, 161, 556, 127, 128, 'ĐẾN'],
  [7, 5, 305, 648, 75, 106, 'Ngày'],
  [7, 5, 429, 630, 278, 128, '13/4/2026'],
  [7, 5, 820, 630, 108, 42, 'Phối'],
  [7, 5, 948, 632, 90, 51, 'hợp'],
  [7, 5, 1058, 628, 117, 42, 'kiểm'],
  [7, 5, 1194, 628, 99, 64, 'soát'],
  [7, 6, 161, 701, 195, 60, 'Chuyển:'],
  [7, 6, 347, 701, 318, 64, '.....'],
  [7, 6, 972, 697, 85, 41, 'liên'],
  [7, 6, 1077, 709, 121, 41, 'quan'],
  [7, 7, 160, 771, 48, 46, 'Số'],
  [7, 7, 216, 779, 41, 41, 'và'],
  [7, 7, 272, 779, 43, 52, 'ký'],
  [7, 7, 329, 781, 79, 54, 'hiệu'],
  [7, 7, 422, 784, 283, 51, 'HS:....'],
  [10, 1, 539, 871, 120, 50, 'Thực'],
  [10, 1, 682, 871, 97, 50, 'hiện'],
];

describe('received-document stamp', () => {
  it('takes the framed stamp out of the header lines it shares with the type word and title, and warns with its text', () => {
    const ocr = withoutReceivedStamp(parseTsv(tsv([...frame, ...header])), size);
    expect(ocr.lines.map((l) => l.text)).toEqual(['KẾ HOẠCH', 'Phối hợp kiểm soát', 'liên quan', 'Thực hiện']);
    expect(ocr.receivedStamp).toEqual({ text: 'UBND TỈNH LÂM ĐỒNG Số:....16.44 ĐẾN Ngày 13/4/2026 Chuyển: ..... Số và ký hiệu HS:....', lineIndex: 0 });
    // the frame's separators go with it (they would call for a table search)
    expect(ocr.rules).toEqual([]);
    const doc = new PlanDocument({ file: 'x', sha256: '0'.repeat(64), kind: 'pdf-scan', pageCount: 1, encoding: 'pdf', pages: [] });
    warnOcrPage(doc, 1, ocr);
    expect(doc.warnings.map((w) => [w.code, w.source])).toEqual([['received-stamp', { page: 1, line: 1, endLine: 1 }]]);
    expect(doc.warnings[0]!.message).toContain('"UBND TỈNH LÂM ĐỒNG Số:....16.44 ĐẾN');
  });

  it('keeps a framed box that is no received stamp, and the stamp words when no frame closes around them', () => {
    const draft: typeof header = [
      [7, 1, 300, 500, 120, 50, 'DỰ'],
      [7, 1, 440, 500, 140, 50, 'THẢO'],
      [7, 1, 1201, 545, 80, 54, 'KẾ'],
      [7, 1, 1300, 556, 218, 53, 'HOẠCH'],
    ];
    const boxed = parseTsv(tsv([...frame, ...draft]));
    expect(withoutReceivedStamp(boxed, size)).toBe(boxed);
    // three sides of a frame do not close it
    const open = parseTsv(tsv([...frame.slice(0, 3), ...header]));
    expect(withoutReceivedStamp(open, size)).toBe(open);
  });

  it('a stamp frame lower than the top part of the page is left alone', () => {
    const low = (rows: typeof header) => rows.map(([b, l, x, y, w, h, t]) => [b, l, x, y + 1500, w, h, t] as (typeof header)[number]);
    const page = parseTsv(tsv([...low(frame), ...low(header)]));
    expect(withoutReceivedStamp(page, size)).toBe(page);
  });

  it('on the real BCA scan, the receiving office\'s stamp leaves the first page\'s type word and title lines clean', async () => {
    const { image, read } = await ocrPdfPage(join(here, 'data', 'real', 'BCA-996-KH-TCTLNTW-C04-scanned.pdf'), 1);
    const ocr = withoutReceivedStamp(read, image);
    // the receiving office's name heads the stamp; ĐẾN and the labels are read differently at each resolution
    expect(ocr.receivedStamp?.text).toMatch(/^UBND TỈNH LÂM ĐỒNG Số/u);
    const lines = ocr.lines.map((l) => l.text);
    const type = lines.findIndex((l) => /^K\S HOẠCH$/u.test(l));
    expect(type, lines.join('\n')).toBeGreaterThan(0);
    expect(lines[type + 1]).toMatch(/^Ph\S+ hợp kiểm soát các hoạt động hợp pháp$/u);
    expect(lines[type + 2]).toMatch(/^liên quan \S+ ma túy năm 2026$/u);
    expect(lines.join('\n')).not.toMatch(/LÂM ĐỒNG/u);
  }, 120_000);
});
