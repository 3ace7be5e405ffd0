/**
 * The .docx backend on real Word documents (fixtures/real/, copies of ../shared/real) and on the
 * synthetic fixtures built by `npm run fixtures:office`: numbering labels, tables, layout tables
 * of the header and the closing, notes, tracked changes.
 */
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/backends/index.js';
import { extractFile } from '../../src/extract.js';
import { tableGrid } from '../../src/model/table.js';
import { fixture } from '../cli/run.js';

const real = (name: string) => fixture('real', name);

describe('docx backend on real documents', () => {
  it('renders automatic numbering as the reader sees it (PCMT: I., 1., 1.1., -)', async () => {
    const doc = await loadDocument(real('lamdong-UBND-KH-draft-2025-10-PCMT-den-2030.docx'));
    const text = doc.lines.map((l) => l.text);
    expect(doc.kind).toBe('docx');
    expect(doc.pageCount).toBeNull();
    expect(text).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    expect(text).toContain('II. CHỈ TIÊU CHỦ YẾU THỰC HIỆN ĐẾN NĂM 2030');
    expect(text).toContain('1.1. Các sở, ban, ngành, địa phương');
    expect(text).toContain('3.6. Sở Nông nghiệp và Môi trường, Sở Dân tộc và Tôn giáo');
    expect(text).toContain('V. TỔ CHỨC THỰC HIỆN');
    expect(text.filter((t) => t.startsWith('- ')).length).toBeGreaterThan(30);
    // the header layout table: issuer lines, number, motto, place and date, then the type name
    expect(text.slice(0, 8)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH LÂM ĐỒNG', 'Số: /KH-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Lâm Đồng, ngày tháng 10 năm 2025', '', 'KẾ HOẠCH']);
    expect(doc.tables).toHaveLength(0);
  });

  it('reads the CCHC appendix as one table with its header row and Roman group rows', async () => {
    const doc = await loadDocument(real('lamdong-UBND-KH-draft-2025-12-CCHC-nam-2026.docx'));
    expect(doc.tables).toHaveLength(1);
    const table = doc.tables[0]!;
    expect(table.origin).toBe('docx');
    expect(table.colCount).toBe(7);
    expect(table.rowCount).toBe(60);
    const grid = tableGrid(table);
    expect(grid[0]!.map((c) => c?.text)).toEqual(['STT', 'Nhiệm vụ', 'Sản phẩm', 'Thời gian hoàn thành', 'Chủ trì thực hiện', 'Phối hợp thực hiện', 'Theo dõi, kiểm tra, đôn đốc']);
    expect(grid[0]!.every((c) => c?.columnHeader)).toBe(true);
    expect(grid[1]![0]!.text).toBe('I');
    expect(grid[1]![1]!.text).toBe('Cải cách thể chế');
    expect(grid[1]![0]!.columnHeader).toBe(false);
    expect(grid[2]![4]!.text).toBe('Sở Tư pháp');
    // each row renders as one line of the page, and the table knows which
    const line = doc.pages[0]!.lines[table.rowLines[2]! - 1]!.text;
    expect(line.startsWith('1 | Thực hiện việc đăng tải')).toBe(true);
    expect(table.lastLine - table.firstLine + 1).toBe(60);
  });

  it('gives header, signer and recipients of the real plans', async () => {
    const record = await extractFile(real('laocai-UBND-KH-draft-2026-chithi11-khoangsan.docx'));
    expect(record.source.kind).toBe('docx');
    expect(record.document).toMatchObject({ type: 'KH', number: null, issuer: 'Ủy ban nhân dân tỉnh Lào Cai', place: 'Lào Cai', date: '2026' });
    expect(record.document.title).toMatch(/^Triển khai thực hiện Chỉ thị số 11-CT\/TU ngày 04\/01\/2026/);
    expect(record.signer).toMatchObject({ authority: 'TM. ỦY BAN NHÂN DÂN', capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Thành Sinh' });
    expect(record.recipients[0]).toBe('Bộ Nông nghiệp và Môi trường');
    const sct = await extractFile(real('laocai-SCT-KH-draft-2026-04-kiem-tra-cap-GCN-VLNCN.docx'));
    expect(sct.signer).toMatchObject({ capacity: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Hoàng Văn Thuân' });
    expect(sct.document.date).toBe('2026-04');
  });

  it('takes the type of a Thông báo from its header table', async () => {
    const record = await extractFile(real('NONPLAN-laocai-VPUBND-TB-ket-luan-draft-2026-06-cum-cong-nghiep.docx'));
    expect(record.document.type).toBe('TB');
    expect(record.document.place).toBe('Lào Cai');
  });
});
