/**
 * The text-layer path on Word-export-like PDFs (tests/pdf-twins, src/scripts/make-pdf-twins.ts):
 * a ruled table broken across pages is read on the page it continues on, page numbers in the
 * margin are no lines of the page, and a bulleted item wrapped after a ";" stays one item.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfDocument } from '../../src/backends/pdf-ocr.js';
import { isPageNumberLine, pageFromText, withoutPageNumber } from '../../src/backends/pdf-text.js';
import { readInputFile } from '../../src/backends/read-input.js';
import { extractFile } from '../../src/extract.js';
import { packageRoot } from '../../src/util/paths.js';

const TWINS = join(packageRoot(), 'tests', 'pdf-twins');
const NO_OCR = { mode: 'never', engine: 'auto', jobs: 1 } as const;
const twin = (name: string) => join(TWINS, `${name}.pdf`);
const names = (agencies: { name: string }[]) => agencies.map((a) => a.name);

describe('a ruled table broken across pages', () => {
  it('is read on the next page too, though that page has no header row to name its columns', async () => {
    const doc = await readPdfDocument(await readInputFile(twin('phuong-sai-gon-chinh-trang-do-thi-2026')), 'x.pdf', NO_OCR);
    expect(doc.tables.map((t) => [t.page, t.rowCount, t.colCount])).toEqual([[1, 3, 5], [2, 2, 5]]);
    const page2 = doc.pages[1]!.lines.map((l) => l.text);
    expect(page2[0]).toMatch(/^3 \| Tuyên truyền, vận động hộ kinh doanh ký cam kết \| Phòng Văn hóa - Xã hội \(chủ trì\);/u);
    // the page number above it is left out, and the table's row lines point at its rows still
    expect(doc.tables[1]!.rowLines.map((n) => page2[n - 1]!.split(' | ')[0])).toEqual(['3', '4']);
    expect(page2[2]).toBe('IV. TỔ CHỨC THỰC HIỆN');
  });

  it('gives the tasks of its continued rows, under the columns of the table it continues', async () => {
    const rec = await extractFile(twin('phuong-sai-gon-chinh-trang-do-thi-2026'));
    const task = (id: string) => rec.tasks.find((t) => t.id === id);
    expect(rec.tasks.map((t) => t.id).filter((id) => /^\d+$/.test(id))).toEqual(['1', '2', '3', '4']);
    expect(names(task('3')!.lead)).toEqual(['Phòng Văn hóa - Xã hội']);
    expect(names(task('4')!.support)).toEqual(['Công ty TNHH MTV Công viên cây xanh Thành phố']);
    expect(task('4')!.deadlines.map((d) => d.text)).toEqual(['Tháng 5/2026', 'tháng 9/2026']);
  });
});

describe('page numbers in the margin', () => {
  it('are the first or last line naming the page number only', () => {
    for (const line of ['2', '- 2 -', 'Trang 2', '2/5', 'Trang 2/5', ' 2 ']) expect(isPageNumberLine(2, line)).toBe(true);
    for (const line of ['3', '2.', '2 | Tổng thu', 'Trang 3', '12']) expect(isPageNumberLine(2, line)).toBe(false);
    expect(withoutPageNumber(2, ['', '2', 'II. NHIỆM VỤ', 'nội dung'])).toEqual(['II. NHIỆM VỤ', 'nội dung']);
    expect(withoutPageNumber(3, ['II. NHIỆM VỤ', 'nội dung', '- 3 -', ''])).toEqual(['II. NHIỆM VỤ', 'nội dung']);
    // a number inside the page, or another page's number, stays
    expect(withoutPageNumber(2, ['II. NHIỆM VỤ', '2', 'nội dung'])).toEqual(['II. NHIỆM VỤ', '2', 'nội dung']);
    expect(withoutPageNumber(2, ['3', 'nội dung'])).toEqual(['3', 'nội dung']);
    expect(pageFromText(2, '2\nnội dung').lines.map((l) => l.text)).toEqual(['nội dung']);
  });

  it('are left out of the text-layer pages and of the pages laid out again for their tables', async () => {
    const doc = await readPdfDocument(await readInputFile(twin('dac-khu-phu-quoc-du-lich-xanh-2026')), 'x.pdf', NO_OCR);
    // pages 2 and 3 hold tables (laid out from the items), page 4 is prose (pdf-parse's text)
    for (const page of doc.pages.slice(1)) expect(page.lines[0]!.text).not.toBe(String(page.number));
    expect(doc.pages[1]!.lines[0]!.text).toBe('2 | Tổng thu từ khách du lịch | tỷ đồng | 52.000');
  });
});

describe('a bulleted item wrapped after a ";"', () => {
  it('goes on on the next line of a PDF page ("- Cơ quan phối hợp: …huyện;" / "UBND các xã, thị trấn.")', async () => {
    const rec = await extractFile(twin('synthetic-blind'));
    const task = rec.tasks.find((t) => t.id === '1.1')!;
    expect(names(task.support)).toEqual(['Trung tâm Văn hóa, Thông tin và Thể thao huyện', 'Ủy ban nhân dân các xã, thị trấn']);
  });
});
