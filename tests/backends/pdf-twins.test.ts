/**
 * The text-layer path on Word-export-like PDFs (tests/pdf-twins, src/scripts/make-pdf-twins.ts):
 * a ruled table broken across pages is read on the page it continues on, page numbers in the
 * margin are no lines of the page, a row the page breaks goes on at the top of the next (under the header
 * printed again or not), and a bulleted item wrapped after a ";" stays one item.
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
    // dac-khu: the indicator table goes on on page 2, the task table on page 3, neither with a header row there
    const doc = await readPdfDocument(await readInputFile(twin('dac-khu-phu-quoc-du-lich-xanh-2026')), 'x.pdf', NO_OCR);
    expect(doc.tables.map((t) => [t.page, t.rowCount, t.colCount])).toEqual([[1, 5, 4], [2, 4, 4], [2, 8, 6], [3, 3, 6]]);
    const page3 = doc.pages[2]!.lines.map((l) => l.text);
    // the page number above it is left out, and the table's row lines point at its rows still
    expect(doc.tables[3]!.rowLines.map((n) => page3[n - 1]!.split(' | ')[0])).toEqual(['', 'III', '1']);
    expect(page3[3]).toBe('IV. KINH PHÍ THỰC HIỆN');
  });

  it('gives the tasks of its continued rows, under the columns of the table it continues', async () => {
    const rec = await extractFile(twin('dac-khu-phu-quoc-du-lich-xanh-2026'));
    const task = (id: string) => rec.tasks.find((t) => t.id === id);
    expect(rec.tasks.map((t) => t.id).filter((id) => /^I/.test(id))).toEqual(['I.1', 'I.2', 'II.1', 'II.2', 'II.3', 'III.1']);
    expect(names(task('III.1')!.support)).toEqual(['Phòng Văn hóa - Xã hội']);
    expect(task('III.1')!.deadlines.map((d) => d.text)).toEqual(['Quý III/2026']);
  });
});

describe('a table row broken by the page', () => {
  it('goes on at the top of the next page: its cells join the row above, and its groups stay open', async () => {
    // dac-khu: row II.3 breaks after "… không sử dụng túi ni lông"; "khó phân hủy" opens page 3, then group III
    const rec = await extractFile(twin('dac-khu-phu-quoc-du-lich-xanh-2026'));
    const task = (id: string) => rec.tasks.find((t) => t.id === id);
    expect(task('II.3')!.title).toBe('Tuyên truyền, hướng dẫn du khách và cộng đồng không sử dụng túi ni lông khó phân hủy');
    expect(names(task('II.3')!.support)).toEqual(['Trung tâm Văn hóa, Thông tin và Thể thao đặc khu', 'các doanh nghiệp du lịch']);
    expect(names(task('III.1')!.lead)).toEqual(['Văn phòng Hội đồng nhân dân và Ủy ban nhân dân đặc khu']);
    expect(rec.tasks.map((t) => t.id).filter((id) => /^T/.test(id))).toEqual([]);
  });

  it('goes on under the header printed again, a name broken in its cell read whole', async () => {
    // phuong-sai-gon: the lead cell of row 3 breaks inside "Ủy ban Mặt trận Tổ quốc" / "Việt Nam phường (phối hợp)"
    const doc = await readPdfDocument(await readInputFile(twin('phuong-sai-gon-chinh-trang-do-thi-2026')), 'x.pdf', NO_OCR);
    expect(doc.pages[1]!.lines[0]!.text).toBe('STT | Nội dung | Đơn vị thực hiện | Thời gian | Sản phẩm');
    const rec = await extractFile(twin('phuong-sai-gon-chinh-trang-do-thi-2026'));
    const task = rec.tasks.find((t) => t.id === '3')!;
    expect(names(task.lead)).toEqual(['Phòng Văn hóa - Xã hội']);
    expect(names(task.support)).toEqual(['Ủy ban Mặt trận Tổ quốc Việt Nam phường']);
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

describe('a page line cut before a dash inside a phrase', () => {
  it('runs on: "… các tổ chức chính trị" / "- xã hội xã tuyên truyền …" is one name, no bullet', async () => {
    // xa-bat-xat (blind round 5): item 2 of the organisation part wraps inside "chính trị - xã hội"
    const rec = await extractFile(twin('xa-bat-xat-binh-dan-hoc-vu-so-2026'));
    expect(rec.responsibilities.map((r) => r.agency)).toContainEqual(expect.objectContaining({ name: 'các tổ chức chính trị - xã hội xã', kind: 'group' }));
    expect(rec.responsibilities.map((r) => r.agency.name)).not.toContain('các tổ chức');
  });
});
