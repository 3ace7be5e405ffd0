/**
 * Tables of OCR'd pages (src/backends/ocr-tables.ts): an OCR reading with ruling lines becomes a
 * table with its merged cells, its rows laid out as lines in place of the OCR lines; and a real
 * OCR of a scanned plan (tests/scanned, ruled tables) gives the task table cell by cell.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutOcrPage } from '../../src/backends/ocr-tables.js';
import { extractFile } from '../../src/extract.js';
import { tableGrid } from '../../src/model/table.js';
import { closeEngines, nativeAvailable } from '../../src/ocr/engine.js';
import type { Box, OcrLine, OcrPage, OcrWord } from '../../src/ocr/types.js';

const word = (text: string, left: number, top: number, confidence = 0.9): OcrWord => ({ text, confidence, box: { left, top, width: 12 * text.length, height: 24 } });
const line = (words: OcrWord[]): OcrLine => ({ text: words.map((w) => w.text).join(' '), confidence: 0.9, box: words[0]!.box, words, block: 1, paragraph: 1 });
const hRule = (top: number, left = 100, right = 900): Box => ({ left, top, width: right - left, height: 3 });
const vRule = (left: number, top = 200, bottom = 500): Box => ({ left, top, width: 3, height: bottom - top });

/**
 * A page: a heading line, then a 3-row table with columns at x 100 | 250 | 600 | 900 and rows at
 * y 200 | 300 | 400 | 500, whose "Chủ trì" cell spans rows 2 and 3 (no rule under it), and OCR
 * lines that cross the columns the way tesseract reads them; a paragraph below.
 */
function tablePage(): OcrPage {
  return {
    confidence: 0.9,
    rules: [hRule(200), hRule(300), hRule(400, 100, 600), hRule(500), vRule(100), vRule(250), vRule(600), vRule(900)],
    lines: [
      line([word('KẾ', 120, 100), word('HOẠCH', 160, 100)]),
      line([word('STT', 110, 240), word('Nhiệm', 260, 240), word('vụ', 340, 240), word('|', 598, 238), word('Chủ', 620, 240), word('trì', 680, 240)]),
      line([word('1', 110, 340), word('Tuyên', 260, 340), word('truyền', 340, 340), word('Công', 620, 390), word('an', 690, 390), word('xã', 730, 390)]),
      line([word('2', 110, 440), word('Hội', 260, 440), word('thi', 310, 440)]),
      line([word('Các', 120, 540), word('thôn', 170, 540)]),
    ],
  };
}

describe('layoutOcrPage', () => {
  it('reads the cells of a ruled grid, a missing rule making a cell span two rows', () => {
    const { page, tables } = layoutOcrPage(3, tablePage());
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect([t.rowCount, t.colCount, t.origin, t.page]).toEqual([3, 3, 'ocr', 3]);
    const grid = tableGrid({ ...t, index: 1 });
    expect(grid.map((row) => row.map((c) => c?.text))).toEqual([
      ['STT', 'Nhiệm vụ', 'Chủ trì'],
      ['1', 'Tuyên truyền', 'Công an xã'],
      ['2', 'Hội thi', 'Công an xã'],
    ]);
    expect(grid[1]![2]!.rowSpan).toBe(2);
    expect(t.cells.filter((c) => c.columnHeader).map((c) => c.text)).toEqual(['STT', 'Nhiệm vụ', 'Chủ trì']);
    // the rule read as "|" is no text; the rows replace the OCR lines, in place, in reading order
    expect(page.lines.map((l) => l.text)).toEqual(['KẾ HOẠCH', 'STT Nhiệm vụ Chủ trì', '1 Tuyên truyền Công an xã', '2 Hội thi', 'Các thôn']);
    expect(t.rowLines).toEqual([2, 3, 4]);
    expect(page.lines.map((l) => l.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a row of cells wrapped over two printed lines reads as tesseract read it, line by line, not cell by cell', () => {
    const page: OcrPage = {
      confidence: 0.9,
      rules: [hRule(200), hRule(300), hRule(400), vRule(100, 200, 400), vRule(250, 200, 400), vRule(600, 200, 400), vRule(900, 200, 400)],
      lines: [
        line([word('TT', 110, 240), word('Nhiệm', 260, 240), word('vụ', 340, 240), word('Chủ', 620, 240), word('trì', 680, 240)]),
        // tesseract's lines, in its order: a line may hold one column's fragment only
        line([word('1', 110, 330), word('Ban', 260, 318), word('hành', 310, 318)]),
        line([word('Trước', 620, 320), word('ngày', 700, 320)]),
        line([word('kế', 260, 350), word('hoạch', 300, 350)]),
        line([word('27/6/2026', 620, 352)]),
      ],
    };
    const { page: laid, tables } = layoutOcrPage(1, page);
    expect(laid.lines.map((l) => l.text)).toEqual(['TT Nhiệm vụ Chủ trì', '1 Ban hành Trước ngày kế hoạch 27/6/2026']);
    expect(tableGrid({ ...tables[0]!, index: 1 })[1]!.map((c) => c?.text)).toEqual(['1', 'Ban hành kế hoạch', 'Trước ngày 27/6/2026']);
  });

  it('text centred in its cell reads with the printed lines beside it, whatever line tesseract put it on', () => {
    const page: OcrPage = {
      confidence: 0.9,
      rules: [hRule(200), hRule(300), hRule(420), vRule(100, 200, 420), vRule(250, 200, 420), vRule(600, 200, 420), vRule(900, 200, 420)],
      lines: [
        // a two-line header: tesseract reads the lines of the last column first and joins the centred cells to the line below
        line([word('Thời', 620, 220), word('gian', 690, 220)]),
        line([word('TT', 110, 238), word('Nội', 260, 240), word('dung', 320, 240), word('thực', 620, 256), word('hiện', 690, 256)]),
        // three printed lines beside a two-line cell and a one-line cell, both centred
        line([word('Trình', 260, 310), word('lãnh', 330, 310), word('đạo', 400, 310), word('Trước', 620, 326), word('ngày', 700, 326)]),
        line([word('5', 110, 345), word('báo', 260, 345), word('cáo', 320, 345), word('15/7/2026', 620, 364)]),
        line([word('Bộ', 260, 380)]),
      ],
    };
    const { page: laid, tables } = layoutOcrPage(1, page);
    expect(laid.lines.map((l) => l.text)).toEqual(['TT Nội dung Thời gian thực hiện', 'Trình lãnh đạo Trước ngày 5 báo cáo Bộ 15/7/2026']);
    expect(tableGrid({ ...tables[0]!, index: 1 }).map((row) => row.map((c) => c?.text))).toEqual([
      ['TT', 'Nội dung', 'Thời gian thực hiện'],
      ['5', 'Trình lãnh đạo báo cáo Bộ', 'Trước ngày 15/7/2026'],
    ]);
  });

  it('maps each OCR line to the page line that holds its words', () => {
    expect(layoutOcrPage(1, tablePage()).lineOf).toEqual([1, 2, 2, 2, 5]);
  });

  it('leaves a page without a ruled grid as tesseract read it', () => {
    const ocr = { ...tablePage(), rules: [hRule(200), vRule(100), vRule(900)] };
    const { page, tables, lineOf } = layoutOcrPage(1, ocr);
    expect(tables).toEqual([]);
    expect(page.lines.map((l) => l.text)).toEqual(ocr.lines.map((l) => l.text));
    expect(lineOf).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps a grid of empty boxes (a form) out of the tables', () => {
    const ocr = { ...tablePage(), lines: [tablePage().lines[0]!] };
    expect(layoutOcrPage(1, ocr).tables).toEqual([]);
  });
});

const hasNative = await nativeAvailable();

describe.skipIf(!hasNative)('a scanned plan with ruled tables (native tesseract)', () => {
  afterAll(closeEngines);
  it('reads its task table cell by cell: leads, supports and deadlines of every task', async () => {
    const file = join(import.meta.dirname, '..', 'scanned', 'qd-snnmt-dak-lak-phong-chong-thien-tai-2026.pdf');
    const record = await extractFile(file, { displayName: 'qd-snnmt-dak-lak-phong-chong-thien-tai-2026.pdf' });
    expect(record.source.kind).toBe('pdf-scan');
    const tables = record.tables ?? [];
    expect(tables.some((t) => t.role === 'tasks')).toBe(true);
    expect(record.tasks.map((t) => t.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(record.tasks.map((t) => t.lead.map((a) => a.name).join('; '))).toEqual(['Chi cục Thủy lợi', 'Chi cục Thủy lợi', 'Trung tâm Dịch vụ nông nghiệp', 'Văn phòng Sở', 'Văn phòng Sở']);
    // a row the typesetting wrapped onto a row of its own joins its task
    expect(record.tasks[2]!.title).toContain('người dân vùng ven sông');
    expect(record.tasks.map((t) => t.deadlines[0]?.kind)).toEqual(['quarter', 'date', 'range', 'ongoing', 'date']);
  }, 120_000);
});
