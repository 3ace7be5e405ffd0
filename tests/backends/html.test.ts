/**
 * The HTML backend on the real Word "save as web page" plans (fixtures/real/portal/) and on small
 * pages written here: charset from <meta>, scripts/styles/comments and a portal's chrome dropped,
 * tables with colspan/rowspan.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/backends/index.js';
import { extractFile } from '../../src/extract.js';
import { tableGrid } from '../../src/model/table.js';
import { fixture } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'html-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const page = (name: string, html: string | Buffer) => {
  const file = join(dir, name);
  writeFileSync(file, html);
  return file;
};

describe('html backend on real Word HTML', () => {
  it('reads the Phố Bảng plan (windows-1252 with character references): header, sections, signer, footnotes', async () => {
    const file = fixture('real', 'portal', 'tuyenquang-xaPhoBang-UBBC-TBTTKT-01-KH-2025-12-tuyen-truyen-bau-cu.htm');
    const doc = await loadDocument(file);
    expect(doc.kind).toBe('html');
    expect(doc.encoding).toBe('windows-1252');
    const text = doc.lines.map((l) => l.text);
    expect(text.slice(0, 3)).toEqual(['ỦY BAN BẦU CỬ XÃ PHỐ BẢNG', 'TIỂU BAN THÔNG TIN, TUYÊN TRUYỀN, KHÁNH TIẾT', 'Số: 01/KH-TBTTKT']);
    expect(text).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    expect(text.some((t) => /^\[1\] Chỉ thị số 46-CT\/TW/.test(t))).toBe(true);
    // nothing of the <head>, the styles or Word's conditional XML islands
    expect(text.some((t) => /mso-|Microsoft|DocumentProperties|behavior:url/.test(t))).toBe(false);
    const record = await extractFile(file);
    expect(record.document).toMatchObject({ type: 'KH', number: '01/KH-TBTTKT', place: 'Phố Bảng', date: '2025-12-10' });
    expect(record.signer.authority).toBe('TM. TIỂU BAN');
  });

  it('reads the Lương Minh plan with its appendix forms; their signature rows are layout, their lists are tables', async () => {
    const file = fixture('real', 'portal', 'quangninh-xaLuongMinh-MTTQ-KH-draft-2025-11-hiep-thuong.htm');
    const record = await extractFile(file);
    expect(record.document).toMatchObject({ type: 'KH', number: null, place: 'Lương Minh', date: '2025-11-25' });
    expect(record.signer).toMatchObject({ authority: 'TM. BAN THƯỜNG TRỰC', title: 'CHỦ TỊCH', name: 'Lan Thị Vân' });
    const doc = await loadDocument(file);
    expect(doc.tables.length).toBe(2);
    expect(tableGrid(doc.tables[0]!)[0]!.map((c) => c?.text)).toEqual(['Stt', 'Họ và tên (3)', 'Chức vụ công tác', 'Tín nhiệm', 'Không tín nhiệm']);
  });
});

describe('html backend on small pages', () => {
  it('decodes the charset the page declares (windows-1258 uses combining tone marks: NFC after)', async () => {
    // "Kế hoạch" in windows-1258: K, e-circumflex (0xEA) + combining acute (0xEC), space, ho, a + combining dot below (0xF2), ch
    const bytes = Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body><p>K'), Buffer.from([0xea, 0xec]), Buffer.from(' ho'), Buffer.from([0x61, 0xf2]), Buffer.from('ch</p></body></html>')]);
    const doc = await loadDocument(page('cp1258.htm', bytes));
    expect(doc.lines.map((l) => l.text)).toEqual(['Kế hoạch']);
    expect(doc.encoding).toBe('windows-1258');
  });

  it('drops scripts, styles, comments, hidden elements, menus and a portal metadata box; keeps tables with spans', async () => {
    const html = `<!doctype html><html><head><title>Cổng</title><style>p{}</style></head><body>
      <nav><a href="/">Trang chủ</a> <a>Văn bản</a></nav>
      <div class="banner">THƯ VIỆN PHÁP LUẬT</div>
      <table><tr><td>Số hiệu:</td><td>12/KH-UBND</td><td>Loại văn bản:</td><td>Kế hoạch</td></tr>
             <tr><td>Nơi ban hành:</td><td>Tỉnh X</td><td>Người ký:</td><td>A</td></tr></table>
      <div id="content"><p>KẾ HOẠCH</p><script>alert(1)</script><!-- a comment --><p style="display:none">ẩn</p>
      <p>Dòng một<br>dòng hai</p>
      <table><thead><tr><th>TT</th><th>Nhiệm vụ</th><th>Chủ trì</th></tr></thead>
        <tr><td colspan="3"><b>I</b> Nhóm</td></tr>
        <tr><td rowspan="2">1</td><td>Việc A</td><td>Sở Tài chính</td></tr>
        <tr><td>Việc B</td><td>Sở Xây dựng</td></tr></table></div>
      <footer>Bản quyền</footer></body></html>`;
    const doc = await loadDocument(page('portal.html', html));
    expect(doc.lines.map((l) => l.text)).toEqual(['KẾ HOẠCH', 'Dòng một', 'dòng hai', 'TT | Nhiệm vụ | Chủ trì', 'I Nhóm', '1 | Việc A | Sở Tài chính', ' | Việc B | Sở Xây dựng'.trim()]);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect([t.rowCount, t.colCount]).toEqual([4, 3]);
    expect(t.cells.find((c) => c.text === 'I Nhóm')).toMatchObject({ row: 1, col: 0, colSpan: 3 });
    expect(t.cells.find((c) => c.text === '1')).toMatchObject({ row: 2, col: 0, rowSpan: 2 });
    expect(t.cells.find((c) => c.text === 'Việc B')).toMatchObject({ row: 3, col: 1 });
    expect(t.cells.filter((c) => c.columnHeader).map((c) => c.text)).toEqual(['TT', 'Nhiệm vụ', 'Chủ trì']);
  });
});
