/**
 * Blind plans as real Word files (session 12, helper `extract`): four plans of the kind the owners hold aside
 * (Lâm Đồng and Lào Cai, provincial UBND, departments, a commune; 2025–2026, after the two-level reform), written
 * by hand in Word's own conventions, which the plain-text development documents do not have:
 *
 * - the header and the closing as borderless two-column tables (issuer | motto; number | place and date;
 *   "Nơi nhận" | signature), a three-line issuer block, drafts with a blank number and day;
 * - headings and items numbered by Word (numbering.xml), directly or through paragraph styles;
 * - task tables with vertically merged lead cells, group rows (Roman or A/B) spanning the columns, a row of column
 *   numbers "(1) (2) …" under the header, a two-row header ("Đơn vị thực hiện" over "Chủ trì | Phối hợp"), columns
 *   in an unusual order (the time before the content), agencies one per paragraph in a cell;
 * - an appendix indicator table "Chỉ tiêu | Đơn vị tính | Thực hiện 2025 | Mục tiêu 2026 | Mục tiêu 2030" with
 *   lettered sub-rows.
 *
 * Each document's expected record (`<name>.expected.yaml`, written by hand from what the document says) sits beside
 * it; this script writes only the .docx files, deterministically (src/scripts/build-office-fixtures.ts's repack).
 *
 * Round 2 (two more, scored once before the fixes they drove): a ministry's plan laid out with tab stops instead of
 * tables, and a ward's plan saved by Word as a web page (.htm, Word's list markup).
 *
 * Round 3: a Sở Y tế plan with a spacer row in its header table, a tracked change in its date, a footnote, a title row
 * inside its task table and an acting director's signature.
 *
 *   npx tsx src/scripts/build-blind-docx.ts [dir] [--round=1|2|3]   (default tests/data, where they live once scored)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { ROOT, repack } from './build-office-fixtures.js';

// ---------------------------------------------------------------------------------------------
// Building blocks

type CellSpec = string | { text: string | string[]; span?: number; merge?: 'restart' | 'continue'; bold?: boolean };

const para = (text: string, opts: { bold?: boolean; center?: boolean; italic?: boolean } = {}) =>
  new Paragraph({ alignment: opts.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED, children: [new TextRun({ text, bold: opts.bold, italics: opts.italic })] });
const centered = (texts: string[], bold = false) => texts.map((t) => para(t, { center: true, bold }));
const pageBreak = () => new Paragraph({ children: [new PageBreak()] });

/** A paragraph numbered by Word: list `reference`, `level`, optionally a list instance (a restart). */
const numbered = (text: string, reference: string, level = 0, instance?: number, bold = false) =>
  new Paragraph({ numbering: { reference, level, ...(instance !== undefined ? { instance } : {}) }, children: [new TextRun({ text, bold })] });
/** A paragraph whose number comes from its style (Heading1/Heading2 carry the numbering). */
const styled = (text: string, style: string) => new Paragraph({ style, children: [new TextRun(text)] });

/** The borderless header table: issuer | motto, then number | place and date. */
function headerTable(issuer: string[], number: string, placeDate: string): Table {
  return new Table({
    borders: TableBorders.NONE,
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [
          new TableCell({ children: centered(issuer, true) }),
          new TableCell({ children: centered(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'], true) }),
        ],
      }),
      new TableRow({
        children: [
          new TableCell({ children: centered([number]) }),
          new TableCell({ children: [para(placeDate, { center: true, italic: true })] }),
        ],
      }),
    ],
  });
}

/** The borderless closing table: "Nơi nhận:" and its items beside the signature block. */
function closingTable(recipients: string[], signature: string[]): Table {
  return new Table({
    borders: TableBorders.NONE,
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [
          new TableCell({ children: [para('Nơi nhận:', { bold: true, italic: true }), ...recipients.map((r) => para(r))] }),
          new TableCell({ children: signature.map((s) => para(s, { center: true, bold: s !== '' })) }),
        ],
      }),
    ],
  });
}

function specCell(spec: CellSpec, header: boolean): TableCell {
  const s = typeof spec === 'string' ? { text: spec } : spec;
  const texts = Array.isArray(s.text) ? s.text : [s.text];
  return new TableCell({
    children: texts.map((t) => para(t, { bold: header || s.bold, center: header })),
    ...(s.span ? { columnSpan: s.span } : {}),
    ...(s.merge ? { verticalMerge: s.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
  });
}

/** A data table with borders; the first `headerRows` rows repeat on every page (w:tblHeader). */
function dataTable(rows: CellSpec[][], headerRows = 1): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((cells, r) => new TableRow({ tableHeader: r < headerRows, children: cells.map((c) => specCell(c, r < headerRows)) })),
  });
}

const PLAN_NUMBERING = [
  {
    reference: 'parts',
    levels: [
      { level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT },
      { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT },
      { level: 2, format: LevelFormat.LOWER_LETTER, text: '%3)', alignment: AlignmentType.LEFT },
    ],
  },
  { reference: 'dash', levels: [{ level: 0, format: LevelFormat.BULLET, text: '-', alignment: AlignmentType.LEFT }] },
  { reference: 'items', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] },
];

async function pack(children: (Paragraph | Table)[], extra: Partial<ConstructorParameters<typeof Document>[0]> = {}): Promise<Buffer> {
  const doc = new Document({
    creator: 'plan-extract blind documents',
    title: 'Kế hoạch',
    numbering: { config: PLAN_NUMBERING },
    ...extra,
    sections: [{ children }],
  });
  return repack(await Packer.toBuffer(doc));
}

const dash = (text: string) => numbered(text, 'dash');

// ---------------------------------------------------------------------------------------------
// 1. A Quyết định of UBND tỉnh Lâm Đồng issuing a plan; the plan's tasks in an appendix table whose group rows are
//    one cell across the table ("I. RÀ SOÁT, QUY HOẠCH"), with a row of column numbers and a merged lead cell.

export async function qdLamDongNuocSach(): Promise<Buffer> {
  const tasks = dataTable([
    ['STT', 'Nội dung nhiệm vụ', 'Cơ quan, đơn vị chủ trì', 'Cơ quan phối hợp', 'Thời hạn hoàn thành', 'Kết quả/sản phẩm'],
    ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
    [{ text: 'I. RÀ SOÁT, QUY HOẠCH', span: 6, bold: true }],
    ['1', 'Rà soát hiện trạng các công trình cấp nước sinh hoạt nông thôn tập trung', { text: 'Sở Nông nghiệp và Môi trường', merge: 'restart' }, 'Ủy ban nhân dân các xã, phường, đặc khu', 'Quý I/2026', 'Báo cáo rà soát'],
    ['2', 'Cập nhật phương án cấp nước nông thôn vào quy hoạch tỉnh', { text: '', merge: 'continue' }, 'Sở Xây dựng; Sở Tài chính', 'Tháng 6/2026', 'Phương án được cập nhật'],
    [{ text: 'II. ĐẦU TƯ, QUẢN LÝ CÔNG TRÌNH', span: 6, bold: true }],
    ['1', 'Đầu tư xây dựng mới, cải tạo, nâng cấp các công trình cấp nước tập trung', 'Ủy ban nhân dân các xã, phường, đặc khu', { text: ['Sở Nông nghiệp và Môi trường', 'Sở Tài chính'] }, 'Trước ngày 31/12/2026', 'Công trình hoàn thành, bàn giao'],
    ['2', 'Kiểm tra, giám sát chất lượng nước tại các công trình cấp nước', 'Sở Y tế', 'Trung tâm Kiểm soát bệnh tật tỉnh', 'Định kỳ hằng quý', 'Kết quả xét nghiệm mẫu nước'],
    ['3', 'Giao công trình cấp nước sau đầu tư cho đơn vị quản lý, khai thác theo quy định', 'Sở Tài chính', 'Sở Nông nghiệp và Môi trường', 'Năm 2026', 'Quyết định giao tài sản'],
    [{ text: 'III. TRUYỀN THÔNG', span: 6, bold: true }],
    ['1', 'Tuyên truyền, vận động người dân sử dụng nước sạch, bảo vệ công trình cấp nước', 'Báo và Phát thanh, Truyền hình Lâm Đồng', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh; Hội Liên hiệp Phụ nữ tỉnh', 'Thường xuyên', 'Tin, bài, phóng sự'],
  ]);
  return pack([
    headerTable(['ỦY BAN NHÂN DÂN', 'TỈNH LÂM ĐỒNG'], 'Số: 215/QĐ-UBND', 'Lâm Đồng, ngày 14 tháng 01 năm 2026'),
    para(''),
    para('QUYẾT ĐỊNH', { center: true, bold: true }),
    para('Ban hành Kế hoạch bảo đảm cấp nước sạch nông thôn trên địa bàn tỉnh Lâm Đồng năm 2026', { center: true, bold: true }),
    para('ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', { center: true, bold: true }),
    para('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;', { italic: true }),
    para('Căn cứ Luật Tài nguyên nước ngày 27 tháng 11 năm 2023;', { italic: true }),
    para('Căn cứ Nghị định số 117/2007/NĐ-CP ngày 11 tháng 7 năm 2007 của Chính phủ về sản xuất, cung cấp và tiêu thụ nước sạch;', { italic: true }),
    para('Căn cứ Quyết định số 1978/QĐ-TTg ngày 24 tháng 11 năm 2021 của Thủ tướng Chính phủ phê duyệt Chiến lược quốc gia cấp nước sạch và vệ sinh nông thôn đến năm 2030, tầm nhìn đến năm 2045;', { italic: true }),
    para('Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường tại Tờ trình số 09/TTr-SNNMT ngày 06 tháng 01 năm 2026.', { italic: true }),
    para('QUYẾT ĐỊNH:', { center: true, bold: true }),
    para('Điều 1. Ban hành kèm theo Quyết định này Kế hoạch bảo đảm cấp nước sạch nông thôn trên địa bàn tỉnh Lâm Đồng năm 2026.'),
    para('Điều 2. Quyết định này có hiệu lực kể từ ngày ký.'),
    para('Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Nông nghiệp và Môi trường, Tài chính, Xây dựng, Y tế; Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu và Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.'),
    closingTable(
      ['- Như Điều 3;', '- Bộ Nông nghiệp và Môi trường (b/c);', '- TT. Tỉnh ủy, TT. HĐND tỉnh;', '- Chủ tịch, các PCT UBND tỉnh;', '- Lưu: VT, NNMT.'],
      ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '', '', 'Trần Minh Khôi'],
    ),
    pageBreak(),
    headerTable(['ỦY BAN NHÂN DÂN', 'TỈNH LÂM ĐỒNG'], '', ''),
    para('KẾ HOẠCH', { center: true, bold: true }),
    para('Bảo đảm cấp nước sạch nông thôn trên địa bàn tỉnh Lâm Đồng năm 2026', { center: true, bold: true }),
    para('(Kèm theo Quyết định số 215/QĐ-UBND ngày 14/01/2026 của Ủy ban nhân dân tỉnh Lâm Đồng)', { center: true, italic: true }),
    numbered('MỤC ĐÍCH, YÊU CẦU', 'parts', 0, undefined, true),
    numbered('Mục đích', 'parts', 1),
    dash('Nâng cao tỷ lệ người dân nông thôn được sử dụng nước sạch đạt quy chuẩn, góp phần thực hiện tiêu chí nông thôn mới.'),
    numbered('Yêu cầu', 'parts', 1),
    dash('Xác định rõ nhiệm vụ, thời hạn và trách nhiệm của từng cơ quan, đơn vị; bảo đảm sự phối hợp chặt chẽ giữa các cấp.'),
    numbered('CHỈ TIÊU', 'parts', 0, undefined, true),
    para('Đến cuối năm 2026, phấn đấu đạt các chỉ tiêu sau:'),
    dash('Tỷ lệ hộ gia đình nông thôn sử dụng nước sạch đạt quy chuẩn đạt 62% (năm 2025 đạt 58,4%);'),
    dash('100% trường học, trạm y tế trên địa bàn nông thôn có công trình cấp nước sạch;'),
    dash('Xây dựng mới 12 công trình cấp nước tập trung; cải tạo, nâng cấp 20 công trình;'),
    dash('Tỷ lệ công trình cấp nước tập trung hoạt động bền vững, hiệu quả đạt từ 70% trở lên.'),
    numbered('NHIỆM VỤ VÀ GIẢI PHÁP', 'parts', 0, undefined, true),
    para('Các nhiệm vụ cụ thể, cơ quan chủ trì, cơ quan phối hợp và thời hạn hoàn thành tại Phụ lục kèm theo Kế hoạch này.'),
    numbered('KINH PHÍ THỰC HIỆN', 'parts', 0, undefined, true),
    para('Kinh phí thực hiện từ nguồn vốn Chương trình mục tiêu quốc gia xây dựng nông thôn mới, ngân sách địa phương và các nguồn vốn hợp pháp khác.'),
    numbered('TỔ CHỨC THỰC HIỆN', 'parts', 0, undefined, true),
    numbered('Sở Nông nghiệp và Môi trường', 'parts', 1),
    para('Là cơ quan thường trực, chủ trì, phối hợp với các sở, ngành, địa phương triển khai Kế hoạch; tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện trước ngày 15/12/2026.'),
    numbered('Sở Tài chính', 'parts', 1),
    para('Tham mưu bố trí kinh phí thực hiện Kế hoạch theo khả năng cân đối ngân sách.'),
    numbered('Sở Y tế', 'parts', 1),
    para('Chỉ đạo kiểm tra, giám sát chất lượng nước sạch định kỳ hằng quý.'),
    numbered('Ủy ban nhân dân các xã, phường, đặc khu', 'parts', 1),
    para('Xây dựng kế hoạch của địa phương, hoàn thành trong tháng 02/2026; quản lý, khai thác các công trình sau đầu tư.'),
    pageBreak(),
    para('PHỤ LỤC', { center: true, bold: true }),
    para('DANH MỤC NHIỆM VỤ BẢO ĐẢM CẤP NƯỚC SẠCH NÔNG THÔN NĂM 2026', { center: true, bold: true }),
    para('(Kèm theo Kế hoạch ban hành tại Quyết định số 215/QĐ-UBND ngày 14/01/2026 của Ủy ban nhân dân tỉnh Lâm Đồng)', { center: true, italic: true }),
    tasks,
  ]);
}

// ---------------------------------------------------------------------------------------------
// 2. A draft plan of a Chi cục under a Sở (three-line issuer block), headings numbered through paragraph styles, a
//    task table with a two-row header ("Đơn vị thực hiện" over "Chủ trì | Phối hợp"), A/B group rows whose text
//    spans the other columns and a lead cell merged down two rows.

export async function chiCucKiemLamLaoCai(): Promise<Buffer> {
  const tasks = dataTable(
    [
      [{ text: 'TT', merge: 'restart' }, { text: 'Nội dung công việc', merge: 'restart' }, { text: 'Đơn vị thực hiện', span: 2 }, { text: 'Thời gian', merge: 'restart' }],
      [{ text: '', merge: 'continue' }, { text: '', merge: 'continue' }, 'Chủ trì', 'Phối hợp', { text: '', merge: 'continue' }],
      [{ text: 'A', bold: true }, { text: 'CÔNG TÁC CHUẨN BỊ', span: 4, bold: true }],
      ['1', 'Rà soát, cập nhật phương án phòng cháy, chữa cháy rừng của các chủ rừng', 'Phòng Quản lý bảo vệ rừng và Bảo tồn thiên nhiên', 'Các Hạt Kiểm lâm', 'Tháng 10/2025'],
      ['2', 'Kiểm tra, bảo dưỡng trang thiết bị, dụng cụ chữa cháy rừng', 'Đội Kiểm lâm cơ động và phòng cháy, chữa cháy rừng', 'Văn phòng Chi cục', 'Trước ngày 15/11/2025'],
      [{ text: 'B', bold: true }, { text: 'TỔ CHỨC THỰC HIỆN TRONG MÙA KHÔ', span: 4, bold: true }],
      ['1', 'Tổ chức trực cháy rừng 24/24 giờ trong những ngày có cấp dự báo cháy rừng từ cấp IV trở lên', { text: 'Các Hạt Kiểm lâm', merge: 'restart' }, 'Ủy ban nhân dân các xã, phường', 'Từ tháng 11/2025 đến tháng 4/2026'],
      ['2', 'Tuần tra, kiểm soát người và phương tiện ra, vào rừng', { text: '', merge: 'continue' }, 'Công an các xã, phường', 'Thường xuyên'],
      ['3', 'Cập nhật, thông tin cấp dự báo cháy rừng trên phương tiện thông tin đại chúng', 'Phòng Quản lý bảo vệ rừng và Bảo tồn thiên nhiên', 'Báo và Phát thanh, Truyền hình Lào Cai', 'Hằng ngày'],
    ],
    2,
  );
  return pack(
    [
      para('DỰ THẢO', { bold: true }),
      headerTable(['UBND TỈNH LÀO CAI', 'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', 'CHI CỤC KIỂM LÂM'], 'Số:        /KH-CCKL', 'Lào Cai, ngày      tháng 10 năm 2025'),
      para(''),
      para('KẾ HOẠCH', { center: true, bold: true }),
      para('Phòng cháy, chữa cháy rừng mùa khô 2025 - 2026', { center: true, bold: true }),
      para('Căn cứ Luật Lâm nghiệp ngày 15 tháng 11 năm 2017;'),
      para('Căn cứ Nghị định số 156/2018/NĐ-CP ngày 16 tháng 11 năm 2018 của Chính phủ quy định chi tiết thi hành một số điều của Luật Lâm nghiệp;'),
      para('Thực hiện Kế hoạch số 412/KH-UBND ngày 02 tháng 10 năm 2025 của Ủy ban nhân dân tỉnh Lào Cai về phòng cháy, chữa cháy rừng năm 2025 - 2026;'),
      para('Chi cục Kiểm lâm xây dựng Kế hoạch phòng cháy, chữa cháy rừng mùa khô 2025 - 2026 như sau:'),
      styled('MỤC ĐÍCH, YÊU CẦU', 'Heading1'),
      styled('Mục đích', 'Heading2'),
      dash('Chủ động phòng ngừa, phát hiện sớm và xử lý kịp thời các vụ cháy rừng, hạn chế thấp nhất thiệt hại do cháy rừng gây ra.'),
      styled('Yêu cầu', 'Heading2'),
      dash('Các Hạt Kiểm lâm, Đội Kiểm lâm cơ động và phòng cháy, chữa cháy rừng bám sát địa bàn, thực hiện nghiêm chế độ trực cháy.'),
      styled('CHỈ TIÊU', 'Heading1'),
      dash('Giảm ít nhất 20% số vụ cháy rừng so với mùa khô 2024 - 2025;'),
      dash('100% các vụ cháy rừng được phát hiện và xử lý kịp thời ngay từ khi mới phát sinh;'),
      dash('Tổ chức ít nhất 50 hội nghị tuyên truyền tại các thôn, bản có rừng.'),
      styled('NHIỆM VỤ CỤ THỂ', 'Heading1'),
      para('Nhiệm vụ cụ thể của các đơn vị theo bảng sau:'),
      tasks,
      styled('TỔ CHỨC THỰC HIỆN', 'Heading1'),
      styled('Phòng Quản lý bảo vệ rừng và Bảo tồn thiên nhiên', 'Heading2'),
      para('Là đầu mối tham mưu Lãnh đạo Chi cục chỉ đạo, theo dõi việc thực hiện Kế hoạch; tổng hợp, báo cáo kết quả về Sở Nông nghiệp và Môi trường trước ngày 05 hằng tháng.'),
      styled('Các Hạt Kiểm lâm', 'Heading2'),
      para('Xây dựng kế hoạch chi tiết của đơn vị, gửi về Chi cục trước ngày 31/10/2025.'),
      styled('Văn phòng Chi cục', 'Heading2'),
      para('Bảo đảm kinh phí, phương tiện phục vụ công tác phòng cháy, chữa cháy rừng.'),
      closingTable(
        ['- Sở Nông nghiệp và Môi trường (b/c);', '- UBND các xã, phường (p/h);', '- Các Hạt Kiểm lâm;', '- Lưu: VT, QLBVR.'],
        ['KT. CHI CỤC TRƯỞNG', 'PHÓ CHI CỤC TRƯỞNG', '', '', 'Hoàng Văn Thào'],
      ),
    ],
    {
      styles: {
        paragraphStyles: [
          { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', run: { bold: true }, paragraph: { numbering: { reference: 'parts', level: 0 } } },
          { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', run: { bold: true }, paragraph: { numbering: { reference: 'parts', level: 1 } } },
        ],
      },
    },
  );
}

// ---------------------------------------------------------------------------------------------
// 3. A commune's plan (xã Nghĩa Đô, Lào Cai) for military enlistment: a task table whose time column comes before
//    the content, group rows labelled A/B with their text in the content cell only, a lead cell merged down; the
//    Ban Chỉ huy Quân sự xã and Công an xã of the two-level local government; signed TM. / CHỦ TỊCH.

export async function xaNghiaDoNhapNgu(): Promise<Buffer> {
  const tasks = dataTable([
    ['TT', 'Thời gian', 'Nội dung công việc', 'Đơn vị thực hiện', 'Phối hợp'],
    [{ text: 'A', bold: true }, '', { text: 'CÔNG TÁC CHUẨN BỊ', bold: true }, '', ''],
    ['1', 'Tháng 11/2025', 'Tổ chức sơ tuyển sức khỏe công dân trong độ tuổi gọi nhập ngũ', { text: 'Ban Chỉ huy Quân sự xã', merge: 'restart' }, 'Trạm Y tế xã'],
    ['2', 'Trước ngày 10/12/2025', 'Xét duyệt chính trị, hoàn thiện hồ sơ công dân', { text: '', merge: 'continue' }, 'Công an xã'],
    ['3', 'Tháng 12/2025', 'Tổ chức khám sức khỏe nghĩa vụ quân sự', 'Trạm Y tế xã', 'Ban Chỉ huy Quân sự xã'],
    [{ text: 'B', bold: true }, '', { text: 'TỔ CHỨC GIAO, NHẬN QUÂN', bold: true }, '', ''],
    ['1', 'Từ ngày 15/01 đến ngày 25/01/2026', 'Phát lệnh gọi nhập ngũ đến từng công dân', 'Ban Chỉ huy Quân sự xã', 'Các thôn'],
    ['2', 'Ngày 05/3/2026', 'Tổ chức Lễ giao nhận quân', 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã', { text: ['Ban Chỉ huy Quân sự xã', 'Công an xã', 'Ủy ban Mặt trận Tổ quốc Việt Nam xã'] }],
    ['3', 'Thường xuyên', 'Thăm hỏi, động viên gia đình công dân nhập ngũ', 'Phòng Văn hóa - Xã hội', 'Hội Cựu chiến binh xã'],
  ]);
  return pack([
    headerTable(['ỦY BAN NHÂN DÂN', 'XÃ NGHĨA ĐÔ'], 'Số: 186/KH-UBND', 'Nghĩa Đô, ngày 20 tháng 11 năm 2025'),
    para(''),
    para('KẾ HOẠCH', { center: true, bold: true }),
    para('Tuyển chọn và gọi công dân nhập ngũ năm 2026', { center: true, bold: true }),
    para('Căn cứ Luật Nghĩa vụ quân sự ngày 19 tháng 6 năm 2015;'),
    para('Căn cứ Nghị định số 13/2016/NĐ-CP ngày 19 tháng 02 năm 2016 của Chính phủ quy định trình tự, thủ tục đăng ký và chế độ, chính sách của công dân trong thời gian đăng ký, khám, kiểm tra sức khỏe nghĩa vụ quân sự;'),
    para('Thực hiện Quyết định số 2750/QĐ-UBND ngày 10 tháng 11 năm 2025 của Ủy ban nhân dân tỉnh Lào Cai về giao chỉ tiêu tuyển chọn và gọi công dân nhập ngũ năm 2026;'),
    para('Ủy ban nhân dân xã xây dựng Kế hoạch như sau:'),
    numbered('MỤC ĐÍCH, YÊU CẦU', 'parts', 0, undefined, true),
    numbered('Tuyển chọn, gọi công dân nhập ngũ đúng luật, đủ số lượng, bảo đảm chất lượng, đúng thời gian.', 'items', 0, 1),
    numbered('Thực hiện công khai, dân chủ, công bằng từ thôn đến xã; không để xảy ra tiêu cực.', 'items', 0, 1),
    numbered('CHỈ TIÊU', 'parts', 0, undefined, true),
    dash('Bảo đảm giao quân đạt 100% chỉ tiêu trên giao.'),
    dash('Số công dân nhập ngũ: 18 công dân, trong đó thực hiện nghĩa vụ tham gia Công an nhân dân: 03 công dân.'),
    dash('Tỷ lệ công dân nhập ngũ là đảng viên đạt từ 5% trở lên.'),
    numbered('NỘI DUNG, THỜI GIAN THỰC HIỆN', 'parts', 0, undefined, true),
    tasks,
    numbered('TỔ CHỨC THỰC HIỆN', 'parts', 0, undefined, true),
    numbered('Ban Chỉ huy Quân sự xã: Chủ trì, phối hợp với các cơ quan, đơn vị tham mưu Ủy ban nhân dân xã tổ chức thực hiện Kế hoạch; báo cáo kết quả về Ủy ban nhân dân xã trước ngày 15/3/2026.', 'items', 0, 2),
    numbered('Công an xã: Thực hiện xét duyệt chính trị; bảo đảm an ninh, trật tự trong thời gian tổ chức Lễ giao nhận quân.', 'items', 0, 2),
    numbered('Trạm Y tế xã: Bố trí cán bộ, trang thiết bị phục vụ khám sức khỏe.', 'items', 0, 2),
    numbered('Phòng Văn hóa - Xã hội: Tuyên truyền Luật Nghĩa vụ quân sự trên hệ thống loa truyền thanh của xã.', 'items', 0, 2),
    numbered('Các thôn: Phối hợp rà soát, nắm chắc số công dân trong độ tuổi gọi nhập ngũ có mặt tại địa phương.', 'items', 0, 2),
    closingTable(
      ['- Ban CHQS tỉnh (b/c);', '- TT. Đảng ủy, TT. HĐND xã;', '- Chủ tịch, các PCT UBND xã;', '- Như mục IV;', '- Lưu: VT.'],
      ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '', '', 'Lương Văn Tiến'],
    ),
  ]);
}

// ---------------------------------------------------------------------------------------------
// 4. A department's plan (Sở Dân tộc và Tôn giáo tỉnh Lâm Đồng, created in 2025): tasks numbered "1.", "2." by
//    Word under a part, one with its lead, support and time on "- Đơn vị …:" lines; the targets only in an appendix
//    table of results and targets with lettered sub-rows; signed KT. GIÁM ĐỐC by an official with a K'Ho name.

export async function soDanTocTonGiaoLamDong(): Promise<Buffer> {
  const indicators = dataTable([
    ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Thực hiện 2025', 'Mục tiêu 2026', 'Mục tiêu 2030'],
    ['1', 'Tỷ lệ hộ nghèo vùng đồng bào dân tộc thiểu số giảm bình quân', '%/năm', '3,2', '3', '3'],
    ['2', 'Thu nhập bình quân của người dân tộc thiểu số', 'triệu đồng/người/năm', '42', '46', '60'],
    ['3', 'Tỷ lệ xã vùng đồng bào dân tộc thiểu số có đường ô tô đến trung tâm xã được cứng hóa', '%', '97,5', '99', '100'],
    ['4', 'Lao động người dân tộc thiểu số được đào tạo nghề', '', '', '', ''],
    ['a)', 'Đào tạo nghề nông nghiệp', 'người', '1.900', '2.000', '2.200'],
    ['b)', 'Đào tạo nghề phi nông nghiệp', 'người', '950', '1.000', '1.500'],
    ['5', 'Tỷ lệ người có uy tín được tập huấn, bồi dưỡng kiến thức', '%', '100', '100', '100'],
  ]);
  return pack(
    [
      headerTable(['UBND TỈNH LÂM ĐỒNG', 'SỞ DÂN TỘC VÀ TÔN GIÁO'], 'Số: 37/KH-SDTTG', 'Lâm Đồng, ngày 09 tháng 02 năm 2026'),
      para(''),
      para('KẾ HOẠCH', { center: true, bold: true }),
      para('Triển khai công tác dân tộc năm 2026', { center: true, bold: true }),
      para('Căn cứ Quyết định số 1719/QĐ-TTg ngày 14 tháng 10 năm 2021 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 - 2030;'),
      para('Căn cứ Quyết định số 05/2025/QĐ-UBND ngày 15 tháng 7 năm 2025 của Ủy ban nhân dân tỉnh Lâm Đồng quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Dân tộc và Tôn giáo;'),
      para('Thực hiện Kế hoạch số 28/KH-UBND ngày 20 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng về phát triển kinh tế - xã hội năm 2026;'),
      para('Sở Dân tộc và Tôn giáo ban hành Kế hoạch triển khai công tác dân tộc năm 2026 như sau:'),
      styled('MỤC ĐÍCH, YÊU CẦU', 'Heading1'),
      dash('Triển khai kịp thời, hiệu quả các chính sách dân tộc trên địa bàn tỉnh sau khi sắp xếp đơn vị hành chính.'),
      dash('Phân công cụ thể nhiệm vụ cho từng phòng, đơn vị thuộc Sở; gắn trách nhiệm của người đứng đầu.'),
      styled('MỤC TIÊU', 'Heading1'),
      styled('Mục tiêu chung', 'Heading2'),
      para('Nâng cao đời sống vật chất, tinh thần của đồng bào dân tộc thiểu số; thu hẹp dần khoảng cách về mức sống giữa vùng đồng bào dân tộc thiểu số với bình quân chung của tỉnh.'),
      styled('Các chỉ tiêu chủ yếu', 'Heading2'),
      para('Các chỉ tiêu chủ yếu năm 2026 và đến năm 2030 tại Phụ lục kèm theo Kế hoạch này.'),
      styled('NHIỆM VỤ, GIẢI PHÁP', 'Heading1'),
      numbered('Tham mưu phân bổ vốn Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi năm 2026.', 'items', 0, 1),
      dash('Đơn vị chủ trì: Phòng Chính sách dân tộc.'),
      dash('Đơn vị phối hợp: Sở Tài chính, Sở Nông nghiệp và Môi trường.'),
      dash('Thời gian hoàn thành: Quý I/2026.'),
      numbered('Phòng Tuyên truyền và Địa bàn chủ trì tổ chức thăm hỏi, tặng quà người có uy tín trong đồng bào dân tộc thiểu số nhân dịp Tết Nguyên đán và các lễ hội truyền thống; thực hiện thường xuyên.', 'items', 0, 1),
      numbered('Thanh tra Sở chủ trì, phối hợp với Văn phòng Sở kiểm tra việc thực hiện chính sách dân tộc tại các xã, phường; thời gian thực hiện từ tháng 5 đến tháng 10/2026.', 'items', 0, 1),
      numbered('Phòng Chính sách dân tộc phối hợp với Sở Giáo dục và Đào tạo rà soát, đề xuất chính sách cử tuyển đối với học sinh dân tộc thiểu số; hoàn thành trước ngày 30/6/2026.', 'items', 0, 1),
      styled('TỔ CHỨC THỰC HIỆN', 'Heading1'),
      numbered('Các phòng, đơn vị thuộc Sở căn cứ nhiệm vụ được giao xây dựng kế hoạch chi tiết; báo cáo kết quả thực hiện 6 tháng trước ngày 15/6/2026 và cả năm trước ngày 15/11/2026.', 'items', 0, 2),
      numbered('Văn phòng Sở theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo Giám đốc Sở.', 'items', 0, 2),
      closingTable(
        ['- UBND tỉnh (b/c);', '- Giám đốc, các PGĐ Sở;', '- Các phòng, đơn vị thuộc Sở;', '- Lưu: VT, CSDT.'],
        ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '', '', "K' Sỹ"],
      ),
      pageBreak(),
      para('PHỤ LỤC', { center: true, bold: true }),
      para('CÁC CHỈ TIÊU CHỦ YẾU VỀ CÔNG TÁC DÂN TỘC NĂM 2026 VÀ ĐẾN NĂM 2030', { center: true, bold: true }),
      para('(Kèm theo Kế hoạch số 37/KH-SDTTG ngày 09/02/2026 của Sở Dân tộc và Tôn giáo)', { center: true, italic: true }),
      indicators,
    ],
    {
      styles: {
        paragraphStyles: [
          { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', run: { bold: true }, paragraph: { numbering: { reference: 'parts', level: 0 } } },
          { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', run: { bold: true }, paragraph: { numbering: { reference: 'parts', level: 1 } } },
        ],
      },
    },
  );
}

// ---------------------------------------------------------------------------------------------
// 5. Round 2: a ministry's plan whose header and closing are laid out with TAB STOPS, not tables (issuer <tab> motto;
//    number <tab> place and date; "Nơi nhận:" <tab> KT. BỘ TRƯỞNG, each recipient <tab> the next signature line), a
//    task table with "1" group rows over "1.1", "1.2" rows and one "Cơ quan thực hiện" column whose cell says
//    "Chủ trì: …" and "Phối hợp: …" on two paragraphs, times "Quý II-III/2026", "Tháng 9 - 10/2026".

/** A paragraph of pieces separated by tabs, with a centre tab stop at the right column (Word's two-column layout). */
const tabbed = (pieces: string[], bold = false) =>
  new Paragraph({
    tabStops: [{ type: TabStopType.CENTER, position: 7000 }],
    children: pieces.flatMap((piece, k) => (k === 0 ? [new TextRun({ text: piece, bold })] : [new TextRun({ children: [new Tab(), piece], bold })])),
  });

export async function boNnmtGiamPhatThai(): Promise<Buffer> {
  const tasks = dataTable([
    ['TT', 'Nhiệm vụ', 'Cơ quan thực hiện', 'Tiến độ', 'Ghi chú'],
    ['1', { text: 'Hoàn thiện thể chế, chính sách', bold: true }, '', '', ''],
    ['1.1', 'Xây dựng hướng dẫn kỹ thuật đo đạc, báo cáo, thẩm định giảm phát thải trong trồng trọt', { text: ['Chủ trì: Cục Biến đổi khí hậu', 'Phối hợp: Cục Trồng trọt và Bảo vệ thực vật; Vụ Pháp chế'] }, 'Quý II-III/2026', ''],
    ['1.2', 'Rà soát định mức kinh tế - kỹ thuật cho mô hình canh tác lúa giảm phát thải', { text: ['Chủ trì: Cục Trồng trọt và Bảo vệ thực vật', 'Phối hợp: Vụ Kế hoạch - Tài chính'] }, 'Tháng 9 - 10/2026', ''],
    ['2', { text: 'Nhân rộng mô hình giảm phát thải', bold: true }, '', '', ''],
    ['2.1', 'Triển khai mô hình canh tác lúa giảm phát thải tại các tỉnh vùng Đồng bằng sông Cửu Long', { text: ['Chủ trì: Ủy ban nhân dân các tỉnh, thành phố có liên quan', 'Phối hợp: Cục Trồng trọt và Bảo vệ thực vật'] }, 'Năm 2026', 'Lồng ghép Đề án 1 triệu ha'],
    ['2.2', 'Tổng kết, đánh giá kết quả thực hiện Kế hoạch', { text: ['Chủ trì: Vụ Khoa học và Công nghệ', 'Phối hợp: Viện Khoa học Lâm nghiệp Việt Nam'] }, 'Trước ngày 15/12/2026', ''],
  ]);
  return pack([
    tabbed(['BỘ NÔNG NGHIỆP', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], true),
    tabbed(['VÀ MÔI TRƯỜNG', 'Độc lập - Tự do - Hạnh phúc'], true),
    tabbed(['Số: 812/KH-BNNMT', 'Hà Nội, ngày 27 tháng 02 năm 2026']),
    para(''),
    para('KẾ HOẠCH', { center: true, bold: true }),
    para('Giảm phát thải khí nhà kính trong trồng trọt năm 2026', { center: true, bold: true }),
    para('Căn cứ Nghị định số 35/2025/NĐ-CP ngày 25 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nông nghiệp và Môi trường;'),
    para('Căn cứ Quyết định số 942/QĐ-TTg ngày 05 tháng 8 năm 2022 của Thủ tướng Chính phủ phê duyệt Kế hoạch hành động giảm phát thải khí mê-tan đến năm 2030;'),
    para('Bộ Nông nghiệp và Môi trường ban hành Kế hoạch giảm phát thải khí nhà kính trong trồng trọt năm 2026 như sau:'),
    numbered('MỤC TIÊU', 'parts', 0, undefined, true),
    numbered('Mục tiêu chung', 'parts', 1),
    para('Giảm phát thải khí nhà kính trong trồng trọt, góp phần thực hiện cam kết của Việt Nam về phát thải ròng bằng "0".'),
    numbered('Mục tiêu cụ thể năm 2026', 'parts', 1),
    numbered('Giảm 10% lượng phát thải khí mê-tan trong sản xuất lúa so với năm 2020;', 'parts', 2),
    numbered('Tối thiểu 200.000 ha lúa áp dụng quy trình canh tác giảm phát thải;', 'parts', 2),
    numbered('100% các tỉnh, thành phố có diện tích lúa trên 50.000 ha ban hành kế hoạch thực hiện.', 'parts', 2),
    numbered('NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN', 'parts', 0, undefined, true),
    para('Chi tiết tại bảng dưới đây:'),
    tasks,
    numbered('TỔ CHỨC THỰC HIỆN', 'parts', 0, undefined, true),
    numbered('Cục Biến đổi khí hậu: Là đơn vị đầu mối, theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo Bộ trưởng trước ngày 20/12/2026.', 'items', 0, 1),
    numbered('Vụ Kế hoạch - Tài chính: Bố trí kinh phí thực hiện Kế hoạch trong dự toán năm 2026 của Bộ.', 'items', 0, 1),
    numbered('Đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương: Chỉ đạo Sở Nông nghiệp và Môi trường xây dựng kế hoạch của địa phương, gửi về Bộ trước ngày 30/4/2026.', 'items', 0, 1),
    para(''),
    tabbed(['Nơi nhận:', 'KT. BỘ TRƯỞNG'], true),
    tabbed(['- Bộ trưởng (để b/c);', 'THỨ TRƯỞNG'], false),
    para('- UBND các tỉnh, thành phố trực thuộc TW;'),
    para('- Các Cục: Biến đổi khí hậu, Trồng trọt và BVTV;'),
    para('- Lưu: VT, BĐKH.'),
    tabbed(['', 'Võ Thành Luân'], true),
  ]);
}

// ---------------------------------------------------------------------------------------------
// 6. Round 2: a ward's plan saved by Word as a web page (.htm): Word's HTML for lists (the number in a
//    <span style='mso-list:Ignore'> between <![if !supportLists]> and <![endif]>), <br> inside the issuer and signature
//    cells, a ward whose name holds a hyphen (phường Xuân Hương - Đà Lạt, Lâm Đồng), targets with "≥" and ages and levels
//    that are no targets ("từ đủ 14 tuổi", "mức độ 2"), a task table with rowspan and one "Cơ quan thực hiện" cell
//    per row, "Chủ trì: … / Phối hợp: …" split by <br>, "Ban điều hành các tổ dân phố".

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const wordListItem = (label: string, text: string, level = 1) =>
  `<p class=MsoListParagraph style='margin-left:${18 * level}pt;text-indent:-18pt;mso-list:l0 level${level} lfo1'><![if !supportLists]><span style='mso-list:Ignore'>${esc(label)}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>${esc(text)}<o:p></o:p></p>`;
const msoP = (text: string, style = '') => `<p class=MsoNormal${style ? ` style='${style}'` : ''}>${text}<o:p></o:p></p>`;
const td = (html: string, attrs = '') => `<td ${attrs} valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'>${html}</td>`;

export function phuongXuanHuongDeAn06(): Buffer {
  const b = (t: string) => `<b>${esc(t)}</b>`;
  const rows = [
    `<tr>${['TT', 'Nội dung', 'Cơ quan thực hiện', 'Thời gian hoàn thành'].map((h) => td(msoP(b(h), 'text-align:center'))).join('')}</tr>`,
    `<tr>${td(msoP('1'))}${td(msoP(esc('Rà soát, làm sạch dữ liệu dân cư trên địa bàn phường')))}${td(msoP(`Chủ trì: Công an phường<br>Phối hợp: Ban điều hành các tổ dân phố`), 'rowspan=2')}${td(msoP('Quý I/2026'))}</tr>`,
    `<tr>${td(msoP('2'))}${td(msoP(esc('Hướng dẫn người dân kích hoạt tài khoản định danh điện tử mức độ 2')))}${td(msoP('Tháng 3 - 6/2026'))}</tr>`,
    `<tr>${td(msoP('3'))}${td(msoP(esc('Tiếp nhận, giải quyết hồ sơ thủ tục hành chính trên môi trường điện tử')))}${td(msoP(`Chủ trì: Trung tâm Phục vụ hành chính công phường<br>Phối hợp: Văn phòng HĐND và UBND phường`))}${td(msoP('Thường xuyên'))}</tr>`,
    `<tr>${td(msoP('4'))}${td(msoP(esc('Tuyên truyền lợi ích của Đề án 06 trên hệ thống truyền thanh và mạng xã hội')))}${td(msoP(`Chủ trì: Phòng Văn hóa - Xã hội<br>Phối hợp: Đoàn Thanh niên Cộng sản Hồ Chí Minh phường; Hội Liên hiệp Phụ nữ phường`))}${td(msoP('Hằng tháng'))}</tr>`,
  ];
  // the namespace names Word writes into a saved web page: identifiers, never fetched (the page is read offline)
  const html = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>KẾ HOẠCH</title>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style>
<!-- p.MsoNormal {margin:0cm; font-size:14.0pt; font-family:"Times New Roman",serif;} @list l0:level1 {mso-level-text:"%1\\.";} -->
</style>
</head>
<body lang=EN-US style='tab-interval:36.0pt'>
<div class=WordSection1>
<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
<tr>${'<td width=250 valign=top style="padding:0cm 5.4pt">'}${msoP(`<b>ỦY BAN NHÂN DÂN<br>PHƯỜNG XUÂN HƯƠNG - ĐÀ LẠT</b>`, 'text-align:center')}</td><td width=380 valign=top style="padding:0cm 5.4pt">${msoP('<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b>', 'text-align:center')}</td></tr>
<tr><td width=250 valign=top style="padding:0cm 5.4pt">${msoP('Số: 25/KH-UBND', 'text-align:center')}</td><td width=380 valign=top style="padding:0cm 5.4pt">${msoP('<i>Xuân Hương - Đà Lạt, ngày 22 tháng 01 năm 2026</i>', 'text-align:center')}</td></tr>
</table>
${msoP('<o:p>&nbsp;</o:p>')}
${msoP('<b>KẾ HOẠCH</b>', 'text-align:center')}
${msoP('<b>Triển khai thực hiện Đề án 06 trên địa bàn phường năm 2026</b>', 'text-align:center')}
${msoP(esc('Căn cứ Quyết định số 06/QĐ-TTg ngày 06 tháng 01 năm 2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030;'))}
${msoP(esc('Thực hiện Kế hoạch số 15/KH-UBND ngày 12 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng về thực hiện Đề án 06 năm 2026, Ủy ban nhân dân phường ban hành Kế hoạch như sau:'))}
${msoP(b('I. MỤC ĐÍCH, YÊU CẦU'))}
${wordListItem('-', 'Đẩy mạnh khai thác, sử dụng dữ liệu dân cư trong giải quyết thủ tục hành chính, phục vụ người dân và doanh nghiệp.')}
${wordListItem('-', 'Phân công rõ trách nhiệm của từng cơ quan, đơn vị; bảo đảm hoàn thành đúng tiến độ.')}
${msoP(b('II. CHỈ TIÊU'))}
${wordListItem('1.', '100% công dân từ đủ 14 tuổi trở lên thường trú trên địa bàn phường được cấp tài khoản định danh điện tử mức độ 2;')}
${wordListItem('2.', 'Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình đạt ≥ 80%;')}
${wordListItem('3.', 'Tổ chức ít nhất 12 đợt ra quân hỗ trợ người dân tại các tổ dân phố.')}
${msoP(b('III. NHIỆM VỤ CỤ THỂ'))}
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>
${rows.join('\n')}
</table>
${msoP(b('IV. TỔ CHỨC THỰC HIỆN'))}
${wordListItem('1.', 'Công an phường: Là cơ quan thường trực, tham mưu Ủy ban nhân dân phường triển khai Kế hoạch; báo cáo kết quả trước ngày 20 hằng tháng.')}
${wordListItem('2.', 'Trung tâm Phục vụ hành chính công phường: Bố trí cán bộ hướng dẫn người dân thực hiện dịch vụ công trực tuyến.')}
${wordListItem('3.', 'Ban điều hành các tổ dân phố: Phối hợp thông báo, vận động người dân tham gia.')}
<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>
<tr><td width=300 valign=top style="padding:0cm 5.4pt">${msoP('<b><i>Nơi nhận:</i></b><br>- UBND tỉnh (b/c);<br>- Công an tỉnh (b/c);<br>- TT. Đảng ủy, TT. HĐND phường;<br>- Như mục IV;<br>- Lưu: VT.')}</td><td width=330 valign=top style="padding:0cm 5.4pt">${msoP('<b>TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH<br><br><br><br>Đặng Thị Mai Hương</b>', 'text-align:center')}</td></tr>
</table>
</div>
</body>
</html>
`;
  return Buffer.from(html, 'utf8');
}

export const BLIND_DOCX: Record<string, () => Promise<Buffer>> = {
  'qd-ubnd-lam-dong-nuoc-sach-nong-thon-2026': qdLamDongNuocSach,
  'chi-cuc-kiem-lam-lao-cai-pccc-rung-2025': chiCucKiemLamLaoCai,
  'xa-nghia-do-tuyen-quan-2026': xaNghiaDoNhapNgu,
  'so-dan-toc-ton-giao-lam-dong-2026': soDanTocTonGiaoLamDong,
};

// ---------------------------------------------------------------------------------------------
// 7. Round 3: a Sở Y tế plan whose header table has an empty spacer row between issuer and number, a date with a
//    tracked change (the day deleted and re-typed), a legal basis cited in a footnote, a task table whose first row is
//    a title across the table above the header, int groups over "a", "b" rows, and an acting director's signature
//    ("Q. GIÁM ĐỐC / PHÓ GIÁM ĐỐC").

export async function soYTeLaoCaiSotXuatHuyet(): Promise<Buffer> {
  const tasks = dataTable(
    [
      [{ text: 'BẢNG PHÂN CÔNG NHIỆM VỤ PHÒNG, CHỐNG SỐT XUẤT HUYẾT NĂM 2026', span: 6, bold: true }],
      ['STT', 'Nội dung', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện', 'Ghi chú'],
      ['1', { text: 'Giám sát, phát hiện sớm ca bệnh', bold: true }, '', '', '', ''],
      ['a', 'Giám sát ca bệnh, ổ dịch tại cộng đồng', 'Trung tâm Kiểm soát bệnh tật tỉnh', 'Trạm Y tế các xã, phường', 'Thường xuyên', ''],
      ['b', 'Giám sát côn trùng truyền bệnh tại các điểm nguy cơ cao', 'Trung tâm Kiểm soát bệnh tật tỉnh', 'Viện Vệ sinh dịch tễ Trung ương', 'Tháng 5 - 10/2026', ''],
      ['2', { text: 'Điều trị, giảm tử vong', bold: true }, '', '', '', ''],
      ['a', 'Tập huấn phác đồ chẩn đoán, điều trị sốt xuất huyết Dengue', 'Phòng Nghiệp vụ Y', 'Bệnh viện Đa khoa tỉnh', 'Quý II/2026', ''],
      ['b', 'Bảo đảm thuốc, dịch truyền, vật tư phục vụ điều trị', 'Phòng Kế hoạch - Tài chính', 'Bệnh viện Đa khoa tỉnh', 'Trước ngày 30/4/2026', ''],
    ],
    2,
  );
  const header = new Table({
    borders: TableBorders.NONE,
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: [new TableCell({ children: centered(['UBND TỈNH LÀO CAI', 'SỞ Y TẾ'], true) }), new TableCell({ children: centered(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'], true) })] }),
      new TableRow({ children: [new TableCell({ children: [para('')] }), new TableCell({ children: [para('')] })] }),
      new TableRow({
        children: [
          new TableCell({ children: centered(['Số: 156/KH-SYT']) }),
          new TableCell({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: 'Lào Cai, ngày ', italics: true }),
                  new DeletedTextRun({ text: '10', id: 1, author: 'Văn thư', date: '2026-03-01T00:00:00Z', italics: true }),
                  new InsertedTextRun({ text: '12', id: 2, author: 'Văn thư', date: '2026-03-01T00:00:00Z', italics: true }),
                  new TextRun({ text: ' tháng 3 năm 2026', italics: true }),
                ],
              }),
            ],
          }),
        ],
      }),
    ],
  });
  return pack(
    [
      header,
      para(''),
      para('KẾ HOẠCH', { center: true, bold: true }),
      para('Phòng, chống bệnh sốt xuất huyết trên địa bàn tỉnh Lào Cai năm 2026', { center: true, bold: true }),
      new Paragraph({ children: [new TextRun('Thực hiện Quyết định số 3711/QĐ-BYT ngày 19 tháng 9 năm 2014 của Bộ trưởng Bộ Y tế'), new FootnoteReferenceRun(1), new TextRun(', Sở Y tế xây dựng Kế hoạch phòng, chống bệnh sốt xuất huyết năm 2026 như sau:')] }),
      numbered('MỤC TIÊU', 'parts', 0, undefined, true),
      numbered('Mục tiêu chung', 'parts', 1),
      para('Giảm tỷ lệ mắc và tử vong do sốt xuất huyết, không để dịch lớn xảy ra.'),
      numbered('Chỉ tiêu cụ thể', 'parts', 1),
      dash('Tỷ lệ mắc sốt xuất huyết dưới 50/100.000 dân;'),
      dash('Tỷ lệ tử vong do sốt xuất huyết dưới 0,05%;'),
      dash('100% ổ dịch được phát hiện và xử lý trong vòng 48 giờ.'),
      numbered('NHIỆM VỤ VÀ GIẢI PHÁP', 'parts', 0, undefined, true),
      para('Các nhiệm vụ cụ thể theo bảng phân công dưới đây.'),
      tasks,
      numbered('TỔ CHỨC THỰC HIỆN', 'parts', 0, undefined, true),
      numbered('Trung tâm Kiểm soát bệnh tật tỉnh: Là đơn vị đầu mối, tổng hợp tình hình dịch, báo cáo Sở Y tế trước 16 giờ thứ Sáu hằng tuần.', 'items', 0, 1),
      numbered('Bệnh viện Đa khoa tỉnh, Trung tâm Y tế các khu vực: Bố trí khu vực điều trị riêng cho bệnh nhân sốt xuất huyết; báo cáo ca tử vong trong vòng 24 giờ.', 'items', 0, 1),
      closingTable(
        ['- UBND tỉnh (b/c);', '- Cục Phòng bệnh - Bộ Y tế (b/c);', '- Các đơn vị trực thuộc Sở;', '- Lưu: VT, NVY.'],
        ['Q. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '', '', 'Hà Thị Thu Phương'],
      ),
    ],
    { footnotes: { 1: { children: [para('Quyết định số 3711/QĐ-BYT ngày 19/9/2014 về hướng dẫn giám sát và phòng, chống bệnh sốt xuất huyết Dengue.')] } } },
  );
}

/** Round 3 (scored once before the fixes it drove). */
export const BLIND_ROUND3_DOCX: Record<string, () => Promise<Buffer>> = {
  'so-y-te-lao-cai-sot-xuat-huyet-2026': soYTeLaoCaiSotXuatHuyet,
};

/** Round 2 (scored once before the fixes it drove), written to `dir` too unless only round 1 is asked for. */
export const BLIND_ROUND2_DOCX: Record<string, () => Promise<Buffer>> = {
  'bo-nnmt-giam-phat-thai-trong-trot-2026': boNnmtGiamPhatThai,
};
export const BLIND_ROUND2_HTML: Record<string, () => Buffer> = {
  'phuong-xuan-huong-da-lat-de-an-06-2026': phuongXuanHuongDeAn06,
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'tests', 'data'));
  const round = args.includes('--round=1') ? 1 : args.includes('--round=2') ? 2 : args.includes('--round=3') ? 3 : 0;
  mkdirSync(dir, { recursive: true });
  const docx = {
    ...(round === 0 || round === 1 ? BLIND_DOCX : {}),
    ...(round === 0 || round === 2 ? BLIND_ROUND2_DOCX : {}),
    ...(round === 0 || round === 3 ? BLIND_ROUND3_DOCX : {}),
  };
  for (const [name, build] of Object.entries(docx)) {
    writeFileSync(join(dir, `${name}.docx`), await build());
    console.log(`wrote ${join(dir, name)}.docx`);
  }
  if (round === 0 || round === 2) {
    for (const [name, build] of Object.entries(BLIND_ROUND2_HTML)) {
      writeFileSync(join(dir, `${name}.htm`), build());
      console.log(`wrote ${join(dir, name)}.htm`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
