/**
 * The .docx backend on real Word documents (fixtures/real/, copies of ../shared/real) and on the
 * synthetic fixtures built by `npm run fixtures:office`: numbering labels, tables, layout tables
 * of the header and the closing, notes, tracked changes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/backends/index.js';
import { writeZip } from '../../src/scripts/build-office-fixtures.js';
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

describe('docx backend on the synthetic plan (npm run fixtures:office)', () => {
  const file = fixture('office', 'synthetic-plan.docx');

  it('renders numbering, bullets, a restarted list, tracked changes, the text box and the footnote', async () => {
    const doc = await loadDocument(file);
    const text = doc.lines.map((l) => l.text);
    for (const line of ['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', '- Triển khai kịp thời, đồng bộ Luật Việc làm.', '+ Nâng cao nhận thức của người lao động.', '2. Yêu cầu', 'II. NỘI DUNG, NHIỆM VỤ', '1.2. Sở Tư pháp chủ trì phổ biến pháp luật về việc làm, thực hiện hằng năm.', 'a) Ở cấp tỉnh;', 'b) Ở cấp xã.', '2.1. Sở Nội vụ chủ trì mở lớp bồi dưỡng, hoàn thành trước ngày 30/6/2026.', 'IV. TỔ CHỨC THỰC HIỆN']) {
      expect(text).toContain(line);
    }
    // a second instance of a list restarts it
    expect(text.filter((t) => t.startsWith('Bước 1:'))).toEqual(['Bước 1: rà soát nhu cầu;', 'Bước 1: tổng hợp;']);
    // the tracked deletion is gone, the insertion is in; the comment's text is not in the document
    expect(text).toContain('- Bảo đảm đúng tiến độ.');
    expect(text.join('\n')).not.toMatch(/không tiến độ|Xem lại câu này/);
    // the text box follows its paragraph; the footnote comes last
    expect(text[text.indexOf('Các nhiệm vụ cụ thể theo bảng sau:') + 2]).toBe('Bảng phân công nhiệm vụ năm 2026');
    expect(text[text.length - 1]).toBe('[1] Luật Việc làm số 74/2025/QH15.');
  });

  it('reads the task table: header row, group rows merged across, a lead agency merged down', async () => {
    const doc = await loadDocument(file);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect([t.rowCount, t.colCount]).toEqual([6, 5]);
    expect(t.cells.filter((c) => c.columnHeader).map((c) => c.text)).toEqual(['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành']);
    expect(t.cells.find((c) => c.text === 'Nhóm nhiệm vụ về đào tạo')).toMatchObject({ row: 3, col: 1, colSpan: 4, rowSpan: 1 });
    expect(t.cells.find((c) => c.text === 'Sở Nội vụ' && c.col === 2)).toMatchObject({ row: 4, col: 2, rowSpan: 2, colSpan: 1 });
    const grid = tableGrid(t);
    expect(grid[5]![2]!.text).toBe('Sở Nội vụ');
    expect(grid[5]![1]!.text).toBe('Biên soạn tài liệu bồi dưỡng');
    const lines = doc.pages[0]!.lines;
    expect(lines[t.rowLines[5]! - 1]!.text).toBe('2 | Biên soạn tài liệu bồi dưỡng |  | Sở Tư pháp | Hằng năm');
    expect(lines[t.rowLines[1]! - 1]!.text).toBe('I | Nhóm nhiệm vụ về tuyên truyền');
  });

  it('gives the header, the signer and the recipients from the layout tables', async () => {
    const record = await extractFile(file);
    expect(record.document).toMatchObject({ type: 'KH', number: '45/KH-UBND', issuer: 'Ủy ban nhân dân tỉnh Lai Châu', place: 'Lai Châu', date: '2026-03-12' });
    expect(record.signer).toMatchObject({ authority: 'TM. ỦY BAN NHÂN DÂN', capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn An' });
    expect(record.recipients).toEqual(['Bộ Nội vụ', 'TT. Tỉnh ủy', 'Các sở, ban, ngành tỉnh']);
  });
});

describe('Word numbering and run content, on packages written here', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
  const dir = mkdtempSync(join(tmpdir(), 'docx-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const p = (body: string, numId?: number, ilvl = 0, style?: string) =>
    `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${numId !== undefined ? `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>` : ''}</w:pPr>${body}</w:p>`;
  const r = (text: string, extra = '') => `<w:r>${extra}<w:t xml:space="preserve">${text}</w:t></w:r>`;
  const lvl = (ilvl: number, fmt: string, text: string, extra = '') => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
  async function read(body: string, numbering: string, styles = ''): Promise<string[]> {
    const file = join(dir, `t${Math.random().toString(36).slice(2)}.docx`);
    const parts = [
      { name: 'word/document.xml', data: new TextEncoder().encode(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`) },
      { name: 'word/numbering.xml', data: new TextEncoder().encode(`<?xml version="1.0"?><w:numbering ${W}>${numbering}</w:numbering>`) },
      { name: 'word/styles.xml', data: new TextEncoder().encode(`<?xml version="1.0"?><w:styles ${W}>${styles}</w:styles>`) },
    ];
    writeFileSync(file, writeZip(parts));
    return (await loadDocument(file)).lines.map((l) => l.text);
  }

  it('nums sharing an abstract definition continue each other; a startOverride restarts; lvlRestart 0 never restarts; isLgl is decimal', async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>')}${lvl(2, 'lowerLetter', '%1.%3)', '<w:isLgl/>')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>`;
    const body = [p(r('A'), 1), p(r('a1'), 1, 1), p(r('B'), 2), p(r('b1'), 2, 1), p(r('b-sub'), 2, 2), p(r('E'), 3)].join('');
    expect(await read(body, numbering)).toEqual(['I. A', '1. a1', 'II. B', '2. b1', '2.1) b-sub', 'V. E']);
  });

  it('takes numbering from a paragraph style (and the style it is based on)', async () => {
    const numbering = `<w:abstractNum w:abstractNumId="7">${lvl(0, 'decimal', 'Điều %1.', '<w:pStyle w:val="Dieu"/>')}</w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="7"/></w:num>`;
    const styles = `<w:style w:type="paragraph" w:styleId="Dieu"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="DieuDam"><w:basedOn w:val="Dieu"/></w:style>`;
    const body = [p(r('Phạm vi'), undefined, 0, 'Dieu'), p(r('Đối tượng'), undefined, 0, 'DieuDam'), p(r('numId 0 switches it off'), 0, 0, 'Dieu')].join('');
    expect(await read(body, numbering, styles)).toEqual(['Điều 1. Phạm vi', 'Điều 2. Đối tượng', 'numId 0 switches it off']);
  });

  it('drops hidden text, moved-away text, field codes; keeps field results, tabs and breaks; reads mc:AlternateContent once', async () => {
    const body = [
      p(r('Hiện') + r(' ẩn', '<w:rPr><w:vanish/></w:rPr>') + '<w:moveFrom><w:r><w:t>cũ</w:t></w:r></w:moveFrom>' + '<w:moveTo>' + r(' mới') + '</w:moveTo>'),
      p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r('7') + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
      p(r('Số: 12/KH-UBND') + '<w:r><w:tab/></w:r>' + r('Hà Nội') + '<w:r><w:br/></w:r>' + r('dòng sau')),
      p('<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>một lần</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>một lần</w:t></w:r></mc:Fallback></mc:AlternateContent>'),
    ].join('');
    expect(await read(body, '')).toEqual(['Hiện mới', '7', 'Số: 12/KH-UBND Hà Nội', 'dòng sau', 'một lần']);
  });
});
