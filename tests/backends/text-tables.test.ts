import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadDocument } from '../../src/backends/index.js';
import { findTextTables, followsLabel, rowLabel } from '../../src/backends/text-tables.js';
import { tableGrid, type TableBlock } from '../../src/model/table.js';
import { readTestData } from '../helpers.js';

const real = (name: string) => fileURLToPath(new URL(`../../fixtures/real/${name}`, import.meta.url));

/** Row r's cells as text, a merged cell once. */
function rowTexts(table: TableBlock, r: number): string[] {
  const row = tableGrid(table)[r]!;
  return row.filter((c, k) => c && row.indexOf(c) === k).map((c) => c!.text);
}

describe('row labels', () => {
  it('reads labels and their order', () => {
    expect(rowLabel('a)')).toEqual({ kind: 'lower', parts: [0] });
    expect(rowLabel('**II**')).toEqual({ kind: 'roman', parts: [2] });
    expect(rowLabel('2.3')).toEqual({ kind: 'dec', parts: [2, 3] });
    expect(rowLabel('2026 - 2030')).toBeNull();
    expect(followsLabel(rowLabel('d)'), rowLabel('đ)')!)).toBe(true);
    expect(followsLabel(rowLabel('8'), rowLabel('2')!)).toBe(false);
    expect(followsLabel(rowLabel('1.8'), rowLabel('2.1')!)).toBe(true);
    expect(followsLabel(rowLabel('I'), rowLabel('1.1')!)).toBe(true);
  });
});

describe('text tables', () => {
  it('reads a pipe header whose rows follow one cell per line (BNNMT 2200), a row broken by a page included', async () => {
    const doc = await loadDocument(real('BNNMT-2200-QD-2026-KH-trien-khai-ND180-cac-bon-rung.txt'));
    expect(doc.tables.map((t) => [t.firstLine, t.lastLine, t.rowCount, t.colCount])).toEqual([
      [1, 3, 2, 2],
      [57, 120, 14, 5],
    ]);
    const t = doc.tables[1]!;
    // "Thời gian thực hiện" stood on a line of its own under the pipe header.
    expect(rowTexts(t, 0)).toEqual(['TT', 'Nội dung hoạt động', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện']);
    expect(rowTexts(t, 1)).toEqual(['1', 'Tổ chức tuyên truyền, phổ biến, hướng dẫn triển khai thực hiện Nghị định']);
    expect(rowTexts(t, 2)).toEqual(['a)', 'Tổ chức Hội nghị phổ biến, triển khai Nghị định đến các cơ quan, tổ chức về lâm nghiệp ở trung ương, địa phương.', 'Cục Lâm nghiệp và Kiểm lâm', 'Vụ Pháp chế; các cơ quan, đơn vị có liên quan', 'Quý III, IV/2026']);
    // Row c) runs over a page break: its last two lines continue the content and the lead.
    const c = rowTexts(t, 8);
    expect(c[0]).toBe('c)');
    expect(c[1]).toMatch(/thẩm định kết quả giảm phát thải; cấp tín chỉ/);
    expect(c[2]).toBe('Viện Khoa học lâm nghiệp Việt Nam, Cục Lâm nghiệp và Kiểm lâm');
    expect(c[4]).toBe('Quý IV/2026, 2027');
    expect(t.rowLines.slice(0, 4)).toEqual([57, 60, 62, 67]);
    // The lines are the file's own.
    expect(doc.lines[61]!.text).toBe('a)');
  });

  it('reads portal tables with cells between lone "|" lines: empty cells, two-level headers, sub-rows', async () => {
    const doc = await loadDocument(real('portal/thanhhoa-UBND-235-KH-2025-11-quan-trac-thuy-san.md'));
    const sites = doc.tables[1]!;
    expect([sites.rowCount, sites.colCount]).toEqual([27, 6]);
    const header = sites.cells.filter((c) => c.columnHeader);
    expect(header.find((c) => c.text === 'Đối tượng quan trắc')).toMatchObject({ row: 0, col: 2, colSpan: 4 });
    expect(header.find((c) => c.text === 'STT')).toMatchObject({ rowSpan: 2 });
    expect(tableGrid(sites)[9]!.map((c) => c?.text)).toEqual(['8', 'xã Tân Tiến', '', '2', '1', '']);
  });

  it('reads the ~130-row task table of the Đồng Nai portal page, empty cells kept in place', async () => {
    const doc = await loadDocument(real('portal/dongnai-UBND-179-KH-2025-11-kinh-te-so.md'));
    const t = doc.tables[1]!;
    expect(rowTexts(t, 0)).toEqual(['STT', 'Nhiệm vụ, giải pháp', 'Đơn vị thực hiện', 'Đơn vị phối hợp', 'Thời gian thực hiện', 'Sản phẩm đầu ra']);
    const row = tableGrid(t).find((r) => r[0]?.text === '2.8')!;
    expect(row.map((c) => c?.text ?? null).slice(2)).toEqual(['Ban Quản lý các Khu công nghiệp, khu kinh tế', 'Các sở, ban, ngành; UBND các phường, xã', '2026 - 2030', 'Chiến lược và Kế hoạch']);
    // A group row with empty cells ("5.1 | | Thương mại | | | |"): the empty cells stay cells, the row stays one row.
    const group = doc.tables[2]!;
    expect(tableGrid(group).find((r) => r[0]?.text === '5.1')!.map((c) => c?.text)).toEqual(['5.1', '', 'Thương mại', '', '', '']);
  });

  it('reads boxed tables as antiword prints them, wrapped rows joined', () => {
    const [t] = findTextTables(readTestData('boxed-table.txt').split('\n'));
    expect(t).toBeDefined();
    expect([t!.rowCount, t!.colCount]).toEqual([3, 4]);
    expect(rowTexts(t!, 1)).toEqual(['1', 'Tuyên truyền, phổ biến Luật Việc làm', 'Sở Tư pháp', 'Quý II/2026']);
    expect(t!.cells.filter((c) => c.columnHeader).map((c) => c.text)).toEqual(['TT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian']);
    expect(t!.rowLines).toEqual([3, 5, 8]);
  });

  it('reads Markdown pipe tables and plain "a | b" rows; a line of prose with one "|" is no table', () => {
    const lines = ['Đoạn văn có một | dấu gạch.', '', '| STT | Chỉ tiêu | ĐVT | Năm 2030 |', '| --- | --- | --- | --- |', '| 1 | Tỷ lệ hộ nghèo | % | 1 |'];
    const tables = findTextTables(lines);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.firstLine).toBe(3);
    expect(rowTexts(tables[0]!, 1)).toEqual(['1', 'Tỷ lệ hộ nghèo', '%', '1']);
    const ruled = findTextTables(readTestData('ruled-table.txt').split('\n'));
    expect(ruled).toHaveLength(1);
    expect(rowTexts(ruled[0]!, 0)[0]).toBe('STT');
    expect(ruled[0]!.cells.find((c) => c.row === 0)!.columnHeader).toBe(true);
  });

  it('joins the rows of a printed pipe table that English OCR read back wrapped, its "| --- |" line garbled', () => {
    // typed as lines of the damaged twin of the Phú Quốc plan (tests/damaged); the header's last cell wraps too
    const lines = [
      'III. NHIEM VU',
      '| STT | Nhiém vu | Pon vi chu tri | Pon vi phéi hop | Thoi gian hoan',
      'thanh |',
      'reef',
      '| I | Hoan thién co ché | | | |',
      '| 1 | TG chic ra quan thu gom rac thai',
      '| Phong Kinh té | Doan Thanh nién; Cong',
      'an dac khu | Tir thang 4 dén thang 10/2026 |',
      '| 2 | Ki€m tra viéc chap hanh phap luat | Phong Kinh té | Cong an dic khu | Thuong xuyén |',
      '| 3] So bai bién | Phong Kinh té | Cong an dic khu |',
      'Quy 11/2026 |',
      '',
      'IV. KINH PHI',
    ];
    const [table, ...more] = findTextTables(lines);
    expect(more).toEqual([]);
    expect([table!.rowCount, table!.colCount, table!.firstLine, table!.lastLine]).toEqual([5, 5, 2, 11]);
    expect(table!.rowLines).toEqual([2, 5, 6, 9, 10]);
    expect(rowTexts(table!, 0)).toEqual(['STT', 'Nhiém vu', 'Pon vi chu tri', 'Pon vi phéi hop', 'Thoi gian hoan thanh']);
    expect(table!.cells.filter((c) => c.columnHeader).length).toBe(5);
    expect(rowTexts(table!, 2)).toEqual(['1', 'TG chic ra quan thu gom rac thai', 'Phong Kinh té', 'Doan Thanh nién; Cong an dac khu', 'Tir thang 4 dén thang 10/2026']);
    expect(rowTexts(table!, 4)).toEqual(['3', 'So bai bién', 'Phong Kinh té', 'Cong an dic khu', 'Quy 11/2026']);
  });

  it('keeps two typed tables apart across the caption line between them', () => {
    const lines = ['| STT | Chỉ tiêu | Năm 2030 |', '| --- | --- | --- |', '| 1 | Tỷ lệ hộ nghèo | 1 |', 'Đơn vị tính: triệu đồng', '| STT | Nội dung | Kinh phí |', '| 1 | Tập huấn | 200 |'];
    const tables = findTextTables(lines);
    expect(tables.map((t) => [t.firstLine, t.lastLine, t.rowCount])).toEqual([[1, 3, 2], [5, 6, 2]]);
    expect(rowTexts(tables[0]!, 1)).toEqual(['1', 'Tỷ lệ hộ nghèo', '1']);
  });

  it('joins wrapped rows of a table without outer pipes, a row opening at its label', () => {
    const lines = [
      'TT | Noi dung nhiém vu | Co quan chu tri | Co quan phéi hop | Thoi gian',
      'thuc hién',
      '1 | Ra soat phuong an ung pho thién tai |',
      'Chi cuc Thuy loi | Van phong S& | Quy 1/2026',
      '2 | Kiém tra ho chira | Chi cuc Thuy',
      'loi | Cong ty Thuy loi | Truc',
      'ngay 31/5/2026',
      '3 | Tap huan | Trung tam Dich vu | Hoi Nong dan | Thuong xuyén',
      'IV. KINH PHI',
      'Kinh phi | do ngan sach bo tri',
    ];
    const tables = findTextTables(lines);
    expect(tables[0]!.rowCount).toBe(4);
    expect(rowTexts(tables[0]!, 0)[4]).toBe('Thoi gian thuc hién');
    expect(rowTexts(tables[0]!, 2)).toEqual(['2', 'Kiém tra ho chira', 'Chi cuc Thuy loi', 'Cong ty Thuy loi', 'Truc ngay 31/5/2026']);
    // the heading after the table is no continuation of its last row
    expect(rowTexts(tables[0]!, 3)[4]).toBe('Thuong xuyén');
    expect(tables[0]!.lastLine).toBe(8);
  });
});
