/**
 * Tables from PDF text positions and ruling lines (pdf-tables.ts): a generated ruled table with
 * merged cells and a boxed paragraph (fixtures/tables/ruled-table.pdf), the appendix schedule
 * of the real 1105 PDF (a decoded garbled layer), and no tables in the plain fixture PDFs.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfDocument } from '../../src/backends/pdf-ocr.js';
import { readPdfItems } from '../../src/backends/pdf-items.js';
import { findRuledTables, mayHoldTable } from '../../src/backends/pdf-tables.js';
import { rowTexts } from '../../src/backends/ruled-grid.js';
import { readInputFile } from '../../src/backends/read-input.js';
import { tableGrid } from '../../src/model/table.js';
import { RULED_TABLE } from '../../src/scripts/build-pdf-fixtures.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const NO_OCR = { mode: 'never', engine: 'auto', jobs: 1 } as const;
const load = async (rel: string) => readPdfDocument(await readInputFile(join(FIXTURES, rel)), rel, NO_OCR);

describe('ruled tables', () => {
  it('reads the grid of a ruled table with a group row and a cell spanning two rows, and not the boxed paragraph', async () => {
    const doc = await load('tables/ruled-table.pdf');
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t).toMatchObject({ index: 1, page: 1, rowCount: 4, colCount: 4, origin: 'pdf-text' });
    const grid = tableGrid(t);
    expect(grid[0]!.map((c) => c?.text)).toEqual(RULED_TABLE.header);
    expect(grid[0]!.every((c) => c?.columnHeader)).toBe(true);
    // the group row is one cell across the table
    expect(grid[1]![0]).toBe(grid[1]![3]);
    expect(grid[1]![0]).toMatchObject({ colSpan: 4, text: 'I Công tác tuyên truyền' });
    // "Công an xã" leads rows 1 and 2
    expect(grid[2]![2]).toBe(grid[3]![2]);
    expect(grid[2]![2]).toMatchObject({ rowSpan: 2, text: 'Công an xã' });
    expect(grid[3]!.map((c) => c?.text)).toEqual(['2', 'Tổ chức hội thi tìm hiểu pháp luật về phòng cháy', 'Công an xã', 'Quý III/2026']);
    // rows render as lines of the page, and rowLines point at them
    const page = doc.pages[0]!;
    const lineOf = (n: number) => page.lines[n - 1]!.text;
    expect(t.rowLines).toHaveLength(4);
    expect(lineOf(t.rowLines[0]!)).toBe('STT | Nội dung nhiệm vụ | Chủ trì | Thời gian');
    expect(lineOf(t.rowLines[2]!)).toBe('1 | Tuyên truyền Luật Phòng cháy, chữa cháy trên loa truyền thanh xã | Công an xã | Quý II/2026');
    expect(lineOf(t.rowLines[3]!)).toBe('2 | Tổ chức hội thi tìm hiểu pháp luật về phòng cháy |  | Quý III/2026');
    expect([t.firstLine, t.lastLine]).toEqual([t.rowLines[0], t.rowLines[3]]);
    // the text around the table keeps its order; the boxed paragraph stays a line
    expect(page.lines.map((l) => l.text)).toContain('Mọi cơ quan, đơn vị thực hiện nghiêm túc kế hoạch này.');
    expect(page.lines[page.lines.length - 1]!.text).toBe('Các thôn, bản phối hợp thực hiện.');
  });

  it('finds the appendix schedule of the 1105 PDF in its decoded layer', async () => {
    const doc = await load('real/laocai-SCT-DKT-1105-KH-2026-kiem-tra-VLNCN.pdf');
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t).toMatchObject({ page: 4, rowCount: 6, colCount: 5, origin: 'pdf-text' });
    const grid = tableGrid(t);
    expect(grid[0]!.map((c) => c?.text)).toEqual(['TT', 'Tên đơn vị được kiểm tra', 'Đối tượng kiểm tra', 'Thời gian công bố Quyết định kiểm tra', 'Thời hạn kiểm tra']);
    // each unit has one or two work packages: the unit's cells span them
    expect(grid[1]![1]).toBe(grid[2]![1]);
    expect(grid[1]![1]!.text).toBe('Công ty cổ phần xây dựng giao thông Yên Bái');
    expect(grid[2]![2]!.text).toMatch(/^Gói thầu số 14: Thi công công trình đường kết nối Mường La/u);
    expect(grid[5]!.map((c) => c?.text)).toEqual(['3', 'Công ty TNHH Hiệp Phú', 'Gói thầu số 15: Thi công công trình đường kết nối Mường La (Sơn La), Than Uyên, Tân Uyên (Lai Châu), Mù Cang Chải, tỉnh Lào Cai', '27/3/2025', '02 ngày']);
    const page = doc.pages.find((p) => p.number === 4)!;
    expect(page.lines[t.rowLines[0]! - 1]!.text).toBe(rowTexts(t)[0]);
  });

  it('makes no table of the plain fixture PDFs', async () => {
    for (const name of ['lai-chau-767.pdf', 'binh-luc-92kl.pdf', 'blank-page.pdf']) {
      expect((await load(name)).tables, name).toEqual([]);
    }
  });

  it('needs three column edges and three row edges: a frame is not a table', async () => {
    const input = await readInputFile(join(FIXTURES, 'tables', 'ruled-table.pdf'));
    const [page] = await readPdfItems(new Uint8Array(input.bytes), 'x.pdf', [1], { rules: true });
    // without the table's rules only the box is left: two vertical and two horizontal edges
    const frameOnly = { ...page!, rules: page!.rules.filter((r) => r.y1 > 700) };
    expect(findRuledTables(frameOnly)).toEqual([]);
    expect(findRuledTables(page!)).toHaveLength(1);
  });

  it('looks for tables only on pages naming table columns', () => {
    expect(mayHoldTable('tt noi dung chu tri thoi gian')).toBe(true);
    expect(mayHoldTable('stt ten don vi')).toBe(true);
    expect(mayHoldTable('thuc hien ke hoach nay cac don vi chu tri phoi hop')).toBe(false);
  });
});
