/**
 * A scanned header put back in print order (src/ocr/header-order.ts): on tesseract TSV whose
 * issuer column comes after the first paragraph, as tesseract read the scanned twin of the
 * phường Sài Gòn plan, and on that twin itself.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withHeaderInPrintOrder } from '../../src/ocr/header-order.js';
import { parseTsv } from '../../src/ocr/tsv.js';
import { ocrPdfPage } from './read-page.js';

const here = dirname(fileURLToPath(import.meta.url));

/** TSV rows, each [block, line, left, top, width, height, text]. */
function tsv(rows: [number, number, number, number, number, number, string][]): string {
  return rows.map(([b, l, x, y, w, h, t], i) => `5\t1\t${b}\t1\t${l}\t${i + 1}\t${x}\t${y}\t${w}\t${h}\t95\t${t}`).join('\n');
}

const motto: [number, number, number, number, number, number, string][] = [
  [1, 1, 699, 155, 110, 43, 'CỘNG'], [1, 1, 824, 158, 85, 35, 'HÒA'], [1, 1, 920, 159, 50, 34, 'XÃ'], [1, 1, 983, 157, 72, 43, 'HỘI'],
  [1, 1, 1069, 155, 85, 39, 'CHỦ'], [1, 1, 1168, 160, 129, 35, 'NGHĨA'], [1, 1, 1308, 161, 91, 41, 'VIỆT'], [1, 1, 1412, 168, 90, 28, 'NAM'],
  [1, 2, 845, 216, 68, 36, 'Độc'], [1, 2, 927, 216, 54, 37, 'lập'],
  [1, 3, 699, 268, 136, 37, 'Phường'], [1, 3, 850, 268, 54, 30, 'Sài'], [1, 3, 918, 269, 80, 33, 'Gòn,'], [1, 3, 1014, 269, 87, 37, 'ngày'],
  [2, 1, 719, 310, 56, 39, 'KẾ'], [2, 1, 790, 322, 154, 35, 'HOẠCH'],
  [2, 2, 161, 367, 106, 32, 'Chỉnh'], [2, 2, 281, 374, 97, 33, 'trang'],
];
const issuer: typeof motto = [
  [3, 1, 227, 151, 56, 38, 'ỦY'], [3, 1, 297, 162, 89, 28, 'BAN'], [3, 1, 401, 156, 125, 34, 'NHÂN'], [3, 1, 542, 157, 89, 34, 'DÂN'],
  [3, 2, 241, 208, 184, 35, 'PHƯỜNG'], [3, 2, 442, 209, 67, 34, 'SÀI'], [3, 2, 525, 209, 92, 35, 'GÒN'],
  [3, 3, 262, 263, 52, 32, 'Số:'], [3, 3, 330, 263, 230, 32, '342/KH-UBND'],
];
const size = { height: 2339 };

describe('scanned header in print order', () => {
  it('moves an issuer column read after the body back beside the motto, one line per print line, the columns apart', () => {
    const page = withHeaderInPrintOrder(parseTsv(tsv([...motto, ...issuer])), size);
    expect(page.lines.map((l) => l.text)).toEqual([
      'ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'PHƯỜNG SÀI GÒN   Độc lập',
      'Số: 342/KH-UBND   Phường Sài Gòn, ngày',
      'KẾ HOẠCH',
      'Chỉnh trang',
    ]);
    expect(page.lines[0]!.box).toEqual({ left: 227, top: 151, width: 1275, height: 51 });
  });

  it('leaves a header already in order alone, even when its columns are separate lines', () => {
    const ordered = parseTsv(tsv([...issuer, ...motto]));
    expect(withHeaderInPrintOrder(ordered, size)).toBe(ordered);
  });

  it('on the scanned twin whose issuer column tesseract reads after the preamble, the header comes first', async () => {
    const { image, read } = await ocrPdfPage(join(here, '..', 'scanned', 'phuong-sai-gon-chinh-trang-do-thi-2026.pdf'), 1);
    const lines = withHeaderInPrintOrder(read, image).lines.map((l) => l.text);
    expect(lines[0], lines.join('\n')).toMatch(/^ỦY BAN NHÂN DÂN {3}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/u);
    expect(lines[2]).toMatch(/^Số: 342\/KH-UBND {3}Phường Sài Gòn, ngày 03 tháng 3 năm 2026$/u);
    expect(lines.filter((l) => /PHƯỜNG SÀI GÒN/u.test(l))).toHaveLength(1);
  }, 120_000);
});
