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
 * Round 4 (session 13, helper `blind`): a Tờ trình of a Sở with a two-line "Kính gửi:" laid out with tabs; a speech
 * with no header, number or signer; a provincial plan with a page-number header, a landscape appendix section whose
 * target table has a two-row header (Mục tiêu over Năm 2025 | Năm 2026 | Năm 2030) and a "Cơ quan theo dõi" column,
 * and prose tasks "Giao Sở X chủ trì, phối hợp với Y …" under typed headings 1.1, 1.2; a commune's plan saved by Word
 * as a web page in windows-1252 with numeric character references, <h1>/<h2> headings carrying mso-list numbers, words
 * split across <span>s, VML drawings, one "Đơn vị thực hiện" column saying "X chủ trì; Y phối hợp", and the signature
 * block in a table beside "Nơi nhận" with the signature image.
 *
 * Round 5 (session 14, helper `blind`): a provincial plan whose targets are only prose sentences and whose prose tasks
 * give lead, support and time in one run-in sentence, the signature alone in a table with "Nơi nhận" after it; a Sở's
 * plan whose one "Đơn vị thực hiện" column says "X phối hợp với Y" without "chủ trì".
 *
 *   npx tsx src/scripts/build-blind-docx.ts [dir] [--round=1|2|3|4|5]   (default tests/data, where they live once scored)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  Header,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  Textbox,
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

/**
 * The head of a page Word saves "as web page", up to the opening of its body's section. The
 * xmlns values are namespace names Word writes (identifiers, never fetched: the pages are read offline).
 */
function wordHtmlHead(o: { charset: string; title: string; officeXml: string; style: string }): string {
  return `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=${o.charset}">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>${o.title}</title>
<!--[if gte mso 9]><xml>${o.officeXml}</xml><![endif]-->
<style>
<!-- ${o.style} -->
</style>
</head>
<body lang=EN-US style='tab-interval:36.0pt'>
<div class=WordSection1>`;
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

async function pack(children: (Paragraph | Table | Textbox)[], extra: Partial<ConstructorParameters<typeof Document>[0]> = {}): Promise<Buffer> {
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
  const html = `${wordHtmlHead({ charset: 'utf-8', title: 'KẾ HOẠCH', officeXml: '<w:WordDocument><w:View>Print</w:View></w:WordDocument>', style: 'p.MsoNormal {margin:0cm; font-size:14.0pt; font-family:"Times New Roman",serif;} @list l0:level1 {mso-level-text:"%1\\.";}' })}
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

// ---------------------------------------------------------------------------------------------
// 8. Round 4: a Tờ trình of Sở Công Thương Lào Cai proposing a plan. The subject line has no "Về việc"; "Kính gửi:"
//    names two addressees on two lines aligned by a tab; the body summarises the draft plan's targets and tasks (which
//    are the draft's, not the Tờ trình's); "(Gửi kèm: …)"; signed KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC beside "Nơi nhận".

export async function toTrinhSctLaoCai(): Promise<Buffer> {
  const kinhGui = (pieces: string[]) =>
    new Paragraph({
      tabStops: [{ type: TabStopType.LEFT, position: 2600 }],
      alignment: AlignmentType.LEFT,
      children: pieces.flatMap((piece, k) => (k === 0 ? [new TextRun(piece)] : [new TextRun({ children: [new Tab(), piece] })])),
    });
  return pack([
    headerTable(['UBND TỈNH LÀO CAI', 'SỞ CÔNG THƯƠNG'], 'Số: 112/TTr-SCT', 'Lào Cai, ngày 05 tháng 3 năm 2026'),
    para(''),
    para('TỜ TRÌNH', { center: true, bold: true }),
    para('Đề nghị ban hành Kế hoạch phát triển công nghiệp hỗ trợ tỉnh Lào Cai năm 2026', { center: true, bold: true }),
    para(''),
    kinhGui(['Kính gửi:', '- Ủy ban nhân dân tỉnh Lào Cai;']),
    kinhGui(['', '- Chủ tịch Ủy ban nhân dân tỉnh.']),
    para(''),
    para('Căn cứ Nghị định số 111/2015/NĐ-CP ngày 03 tháng 11 năm 2015 của Chính phủ về phát triển công nghiệp hỗ trợ;'),
    para('Căn cứ Nghị định số 205/2025/NĐ-CP ngày 14 tháng 7 năm 2025 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 111/2015/NĐ-CP ngày 03 tháng 11 năm 2015 của Chính phủ về phát triển công nghiệp hỗ trợ;'),
    para('Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh tại Văn bản số 845/UBND-KT ngày 10 tháng 02 năm 2026 về việc xây dựng Kế hoạch phát triển công nghiệp hỗ trợ năm 2026,'),
    para('Sở Công Thương kính trình Ủy ban nhân dân tỉnh xem xét, ban hành Kế hoạch phát triển công nghiệp hỗ trợ tỉnh Lào Cai năm 2026, cụ thể như sau:'),
    para('I. SỰ CẦN THIẾT BAN HÀNH KẾ HOẠCH', { bold: true }),
    para('Công nghiệp hỗ trợ của tỉnh còn nhỏ lẻ, chủ yếu là doanh nghiệp nhỏ và vừa; tỷ lệ nội địa hóa thấp, liên kết với doanh nghiệp sản xuất sản phẩm hoàn chỉnh còn hạn chế. Việc ban hành Kế hoạch là cần thiết để cụ thể hóa các chính sách của Trung ương trên địa bàn tỉnh sau khi sắp xếp đơn vị hành chính.'),
    para('II. QUÁ TRÌNH XÂY DỰNG DỰ THẢO KẾ HOẠCH', { bold: true }),
    para('Sở Công Thương đã lấy ý kiến các sở, ban, ngành và Ủy ban nhân dân các xã, phường tại Văn bản số 210/SCT-QLCN ngày 12 tháng 02 năm 2026; đến nay đã nhận được 28 văn bản góp ý. Sở Công Thương đã tiếp thu, giải trình đầy đủ các ý kiến góp ý.'),
    para('III. NỘI DUNG CHỦ YẾU CỦA DỰ THẢO KẾ HOẠCH', { bold: true }),
    para('1. Mục tiêu: Phấn đấu năm 2026 có thêm 05 doanh nghiệp sản xuất sản phẩm công nghiệp hỗ trợ; giá trị sản xuất công nghiệp hỗ trợ tăng 10% so với năm 2025.'),
    para('2. Nhiệm vụ, giải pháp: Dự thảo gồm 05 nhóm nhiệm vụ, giải pháp; trong đó giao Sở Công Thương chủ trì, phối hợp với Sở Tài chính xây dựng chương trình hỗ trợ doanh nghiệp, hoàn thành trong Quý II/2026.'),
    para('3. Tổ chức thực hiện: Phân công trách nhiệm cụ thể cho các sở, ban, ngành và Ủy ban nhân dân các xã, phường.'),
    para('IV. KIẾN NGHỊ', { bold: true }),
    para('Sở Công Thương kính trình Ủy ban nhân dân tỉnh xem xét, ban hành Kế hoạch phát triển công nghiệp hỗ trợ tỉnh Lào Cai năm 2026./.'),
    para('(Gửi kèm: Dự thảo Kế hoạch; Báo cáo tổng hợp, tiếp thu, giải trình ý kiến góp ý)', { italic: true }),
    closingTable(['- Như trên;', '- Giám đốc Sở (b/c);', '- Lưu: VT, QLCN.'], ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '', '', 'Phạm Quang Vinh']),
  ]);
}

// ---------------------------------------------------------------------------------------------
// 9. Round 4: a speech at a conference as the office circulates it in Word: a centred title over the speaker and the
//    conference, "Kính thưa …" lines, numbered points, tasks put as "Thứ nhất, Sở X chủ trì, phối hợp với Y …" and
//    targets as "phấn đấu … đạt …", two documents cited; no national motto, no number, no type word, no signer.

export async function phatBieuDongNaiCongThuong(): Promise<Buffer> {
  return pack([
    para('PHÁT BIỂU CHỈ ĐẠO', { center: true, bold: true }),
    para('của đồng chí Nguyễn Thanh Hải, Phó Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai', { center: true, bold: true }),
    para('tại Hội nghị tổng kết công tác năm 2025 và triển khai nhiệm vụ năm 2026 của ngành Công Thương', { center: true, italic: true }),
    para('-----', { center: true }),
    para('Kính thưa đồng chí Thứ trưởng Bộ Công Thương;'),
    para('Kính thưa các đồng chí đại biểu, khách quý;'),
    para('Thưa toàn thể Hội nghị!'),
    para('Hôm nay, ngành Công Thương tỉnh tổ chức Hội nghị tổng kết công tác năm 2025 và triển khai nhiệm vụ năm 2026. Thay mặt Ủy ban nhân dân tỉnh, tôi ghi nhận, biểu dương những kết quả mà toàn ngành đã đạt được trong năm qua.'),
    para('1. Về kết quả năm 2025', { bold: true }),
    para('Năm 2025 là năm đầu tiên tỉnh Đồng Nai vận hành chính quyền địa phương hai cấp sau khi hợp nhất với tỉnh Bình Phước. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ước đạt 385.000 tỷ đồng, tăng 11,2% so với năm 2024; kim ngạch xuất khẩu đạt 31,5 tỷ USD. Ủy ban nhân dân tỉnh đã ban hành Quyết định số 2150/QĐ-UBND ngày 25/12/2025 phê duyệt Đề án phát triển hạ tầng thương mại, tạo cơ sở cho các năm tiếp theo.'),
    para('Bên cạnh kết quả đạt được, ngành vẫn còn những hạn chế: hạ tầng thương mại ở các xã mới hợp nhất chưa đồng bộ; công tác quản lý thị trường trên môi trường điện tử còn lúng túng.'),
    para('2. Về nhiệm vụ năm 2026', { bold: true }),
    para('Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, tôi đề nghị ngành Công Thương tập trung một số nhiệm vụ trọng tâm sau:'),
    para('Thứ nhất, Sở Công Thương chủ trì, phối hợp với Sở Tài chính tham mưu Ủy ban nhân dân tỉnh ban hành Kế hoạch phát triển thương mại điện tử giai đoạn 2026 - 2030, hoàn thành trong Quý I/2026.'),
    para('Thứ hai, phấn đấu tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng năm 2026 tăng từ 12% trở lên; kim ngạch xuất khẩu đạt trên 34 tỷ USD.'),
    para('Thứ ba, Công an tỉnh, Sở Công Thương tăng cường kiểm tra, xử lý hàng giả, hàng kém chất lượng, nhất là trong dịp Tết Nguyên đán Bính Ngọ 2026.'),
    para('Thứ tư, Ủy ban nhân dân các xã, phường chủ động phối hợp với Sở Công Thương rà soát mạng lưới chợ, cụm công nghiệp trên địa bàn; thực hiện thường xuyên.'),
    para('Nhân dịp năm mới, tôi xin chúc các đồng chí sức khỏe, hạnh phúc. Chúc Hội nghị thành công tốt đẹp!'),
    para('Xin trân trọng cảm ơn!'),
  ]);
}

// ---------------------------------------------------------------------------------------------
// 10. Round 4: a plan of UBND tỉnh Thanh Hóa whose pages carry a page-number header (not on the first page); tasks
//     as prose paragraphs "Giao Sở X chủ trì, phối hợp với Y …, hoàn thành trong Quý III/2026" under typed, bold
//     headings "1.1.", "1.2." (the heading a title, the paragraph the body); organisation items "1. Sở Công Thương:
//     …"; the targets only in an appendix in a landscape section, a table whose two-row header puts "Mục tiêu" over
//     "Năm 2025 | Năm 2026 | Năm 2030", with a "Cơ quan theo dõi" column, "-" for no target and "≥ 80".

export async function ubndThanhHoaThuongMaiDienTu(): Promise<Buffer> {
  const indicators = dataTable(
    [
      [{ text: 'STT', merge: 'restart' }, { text: 'Chỉ tiêu', merge: 'restart' }, { text: 'Đơn vị tính', merge: 'restart' }, { text: 'Mục tiêu', span: 3 }, { text: 'Cơ quan theo dõi', merge: 'restart' }],
      [{ text: '', merge: 'continue' }, { text: '', merge: 'continue' }, { text: '', merge: 'continue' }, 'Năm 2025', 'Năm 2026', 'Năm 2030', { text: '', merge: 'continue' }],
      ['1', 'Tỷ lệ dân số trưởng thành tham gia mua sắm trực tuyến', '%', '50', '55', '70', 'Sở Công Thương'],
      ['2', 'Tỷ lệ doanh nghiệp có website hoặc ứng dụng di động bán hàng', '%', '45', '50', '65', 'Sở Công Thương'],
      ['3', 'Doanh thu bán lẻ hàng hóa qua thương mại điện tử', 'tỷ đồng', '9.500', '11.000', '20.000', 'Sở Tài chính'],
      ['4', 'Số sản phẩm OCOP được đưa lên sàn thương mại điện tử', 'sản phẩm', '300', '400', '-', 'Sở Nông nghiệp và Môi trường'],
      ['5', 'Tỷ lệ giao dịch thanh toán không dùng tiền mặt trong thương mại điện tử', '%', '-', '60', '≥ 80', 'Sở Tài chính'],
    ],
    2,
  );
  const h = (text: string) => para(text, { bold: true });
  const hi = (text: string) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun({ text, bold: true, italics: true })] });
  const pageHeader = new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] });
  const main = [
    headerTable(['ỦY BAN NHÂN DÂN', 'TỈNH THANH HÓA'], 'Số: 162/KH-UBND', 'Thanh Hóa, ngày 12 tháng 8 năm 2025'),
    para(''),
    para('KẾ HOẠCH', { center: true, bold: true }),
    para('Phát triển thương mại điện tử tỉnh Thanh Hóa giai đoạn 2025 - 2030', { center: true, bold: true }),
    para('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;'),
    para('Căn cứ Nghị định số 52/2013/NĐ-CP ngày 16 tháng 5 năm 2013 của Chính phủ về thương mại điện tử; Nghị định số 85/2021/NĐ-CP ngày 25 tháng 9 năm 2021 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 52/2013/NĐ-CP;'),
    para('Căn cứ Quyết định số 645/QĐ-TTg ngày 15 tháng 5 năm 2020 của Thủ tướng Chính phủ phê duyệt Kế hoạch tổng thể phát triển thương mại điện tử quốc gia giai đoạn 2021 - 2025;'),
    para('Xét đề nghị của Sở Công Thương tại Tờ trình số 85/TTr-SCT ngày 05 tháng 8 năm 2025, Ủy ban nhân dân tỉnh ban hành Kế hoạch phát triển thương mại điện tử tỉnh Thanh Hóa giai đoạn 2025 - 2030 như sau:'),
    h('I. MỤC ĐÍCH, YÊU CẦU'),
    h('1. Mục đích'),
    dash('Phát triển thương mại điện tử trở thành kênh phân phối quan trọng, góp phần mở rộng thị trường tiêu thụ sản phẩm của tỉnh.'),
    h('2. Yêu cầu'),
    dash('Các nhiệm vụ được giao phải gắn với trách nhiệm của cơ quan chủ trì và thời hạn hoàn thành cụ thể.'),
    h('II. MỤC TIÊU'),
    h('1. Mục tiêu chung'),
    para('Thương mại điện tử của tỉnh phát triển nhanh, bền vững, được ứng dụng rộng rãi trong doanh nghiệp, hợp tác xã và người dân.'),
    h('2. Mục tiêu cụ thể'),
    para('Các chỉ tiêu cụ thể theo từng năm và cơ quan theo dõi tại Phụ lục kèm theo Kế hoạch này.'),
    h('III. NHIỆM VỤ, GIẢI PHÁP'),
    h('1. Hoàn thiện cơ chế, chính sách và nâng cao năng lực quản lý nhà nước'),
    hi('1.1. Xây dựng chính sách hỗ trợ doanh nghiệp, hộ kinh doanh tham gia sàn thương mại điện tử'),
    para('Giao Sở Công Thương chủ trì, phối hợp với Sở Tài chính, Sở Tư pháp rà soát, tham mưu Ủy ban nhân dân tỉnh ban hành chính sách hỗ trợ doanh nghiệp, hộ kinh doanh tham gia các sàn thương mại điện tử; hoàn thành trong Quý III/2026.'),
    hi('1.2. Nâng cao năng lực cán bộ quản lý nhà nước về thương mại điện tử'),
    para('Giao Sở Nội vụ chủ trì, phối hợp với Sở Công Thương tổ chức bồi dưỡng kiến thức về thương mại điện tử cho cán bộ, công chức cấp tỉnh và cấp xã; thực hiện hằng năm.'),
    h('2. Phát triển hạ tầng và dịch vụ hỗ trợ thương mại điện tử'),
    hi('2.1. Nâng cấp hạ tầng số phục vụ giao dịch điện tử'),
    para('Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính và Ủy ban nhân dân các xã, phường nâng cấp hạ tầng số, nền tảng thanh toán phục vụ giao dịch điện tử; hoàn thành trước ngày 31/12/2026.'),
    hi('2.2. Phát triển dịch vụ logistics phục vụ thương mại điện tử'),
    para('Sở Xây dựng chủ trì, phối hợp với Sở Công Thương nghiên cứu, đề xuất quy hoạch các trung tâm logistics phục vụ thương mại điện tử; thời gian thực hiện năm 2026 - 2027.'),
    h('3. Hỗ trợ doanh nghiệp, hợp tác xã ứng dụng thương mại điện tử'),
    hi('3.1. Đưa sản phẩm OCOP lên sàn thương mại điện tử'),
    para('Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Công Thương, Liên minh Hợp tác xã tỉnh hướng dẫn các chủ thể OCOP xây dựng gian hàng trực tuyến; hoàn thành trong tháng 10/2026.'),
    hi('3.2. Chống hàng giả, gian lận thương mại trên môi trường điện tử'),
    para('Giao Công an tỉnh chủ trì, phối hợp với Sở Công Thương, Sở Khoa học và Công nghệ phát hiện, xử lý các hành vi vi phạm pháp luật trong hoạt động thương mại điện tử; thực hiện thường xuyên.'),
    h('IV. KINH PHÍ THỰC HIỆN'),
    para('Kinh phí thực hiện Kế hoạch từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các nguồn huy động hợp pháp khác.'),
    h('V. TỔ CHỨC THỰC HIỆN'),
    para('1. Sở Công Thương: Là cơ quan thường trực, theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.'),
    para('2. Sở Tài chính: Tham mưu bố trí kinh phí thực hiện Kế hoạch theo quy định của Luật Ngân sách nhà nước.'),
    para('3. Các sở, ban, ngành cấp tỉnh: Căn cứ chức năng, nhiệm vụ, chủ động triển khai các nhiệm vụ được giao tại Kế hoạch này.'),
    para('4. Ủy ban nhân dân các xã, phường: Xây dựng kế hoạch triển khai tại địa phương, hoàn thành trước ngày 30/9/2025.'),
    closingTable(
      ['- Bộ Công Thương (b/c);', '- TTr. Tỉnh ủy, TTr. HĐND tỉnh (b/c);', '- Chủ tịch, các PCT UBND tỉnh;', '- Các sở, ban, ngành cấp tỉnh;', '- UBND các xã, phường;', '- Lưu: VT, KTTC.'],
      ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '', '', 'Lê Đức Giang'],
    ),
  ];
  const appendix = [
    para('Phụ lục', { center: true, bold: true }),
    para('CÁC CHỈ TIÊU PHÁT TRIỂN THƯƠNG MẠI ĐIỆN TỬ TỈNH THANH HÓA GIAI ĐOẠN 2025 - 2030', { center: true, bold: true }),
    para('(Kèm theo Kế hoạch số 162/KH-UBND ngày 12/8/2025 của Ủy ban nhân dân tỉnh Thanh Hóa)', { center: true, italic: true }),
    indicators,
  ];
  const doc = new Document({
    creator: 'plan-extract blind documents',
    title: 'Kế hoạch',
    numbering: { config: PLAN_NUMBERING },
    sections: [
      { properties: { titlePage: true }, headers: { default: pageHeader }, children: main },
      { properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, headers: { default: pageHeader }, children: appendix },
    ],
  });
  return repack(await Packer.toBuffer(doc));
}

// ---------------------------------------------------------------------------------------------
// 11. Round 4: a commune's plan after the two-level reform (xã Đầm Hà, Quảng Ninh) saved by Word as a web page the way
//     Word 15 saves it on a Western system: charset windows-1252, every letter outside it as a numeric character
//     reference (&#7871;); parts and items as <h1>/<h2> headings with mso-list numbers; words split across <span>s where
//     Word's runs break ("Ph<span>òng</span>"); the issuer's rule and the signature as VML shapes with an <img> fallback;
//     a task table with one "Đơn vị thực hiện" column ("X chủ trì; Y phối hợp", "X chủ trì, phối hợp Y") and a
//     "Sản phẩm" column; the Phòng Kinh tế, Phòng Văn hóa - Xã hội, Trung tâm Phục vụ hành chính công xã, Công an xã
//     and Ban Chỉ huy Quân sự xã; signed TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH in a table beside "Nơi nhận".

/** Text as Word writes it into a windows-1252 page: Latin-1 letters as bytes, the rest as numeric references. */
function cp1252(html: string): Buffer {
  const out: number[] = [];
  for (const ch of html) {
    const code = ch.codePointAt(0)!;
    if (code < 0x100) out.push(code);
    else for (const b of Buffer.from(`&#${code};`, 'latin1')) out.push(b);
  }
  return Buffer.from(out);
}

export function xaDamHaCaiCachHanhChinh(): Buffer {
  const e = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const span = (t: string) => `<span lang=VI style='font-size:14.0pt;mso-ansi-language:VI'>${t}</span>`;
  const p = (html: string, style = 'text-align:justify;text-indent:36.0pt') => `<p class=MsoNormal style='${style}'>${span(html)}<o:p></o:p></p>`;
  const listP = (label: string, text: string) =>
    `<p class=MsoListParagraph style='margin-left:0cm;text-align:justify;text-indent:36.0pt;mso-list:l2 level1 lfo3'><![if !supportLists]>${span(`${label}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span>`)}<![endif]>${span(e(text))}<o:p></o:p></p>`;
  const heading = (tag: 'h1' | 'h2', list: string, label: string, text: string) =>
    `<${tag} style='margin:6.0pt 0cm;text-indent:36.0pt;mso-list:${list}'><![if !supportLists]>${span(`${label}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span>`)}<![endif]>${span(text)}<o:p></o:p></${tag}>`;
  const cell = (html: string, width: number, align = 'justify') => `<td width=${width} valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'><p class=MsoNormal style='text-align:${align}'>${span(html)}<o:p></o:p></p></td>`;
  const row = (cells: string[], align = 'justify') => `<tr>${cells.map((c, k) => cell(c, [40, 230, 170, 90, 110][k]!, align)).join('')}</tr>`;
  const tasks = [
    row(['<b>STT</b>', '<b>Nội dung nhiệm vụ</b>', '<b>Đơn vị thực hiện</b>', '<b>Thời gian hoàn thành</b>', '<b>Sản phẩm</b>'], 'center'),
    row(['1', 'Rà soát, công khai danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của xã', 'Văn phòng HĐND và UBND xã chủ trì; Trung tâm Phục vụ hành chính công xã phối hợp', 'Trước 31/3/2026', 'Danh mục được công khai']),
    row(['2', 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', 'Trung tâm Phục vụ hành chính công xã chủ trì, phối hợp với Phòng Kinh tế, Phòng Văn hóa - Xã hội', 'Quý II/2026', 'Hồ sơ được số hóa']),
    row(['3', 'Tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến và ứng dụng VNeID', 'Ph</span><span lang=VI style=\'font-size:14.0pt\'>òng Văn hóa - Xã hội chủ trì; Công an xã phối hợp', 'Thường xuyên', 'Tin, bài tuyên truyền']),
    row(['4', 'Làm sạch dữ liệu dân cư, đất đai phục vụ chuyển đổi số', 'Công an xã chủ trì, phối hợp Phòng Kinh tế và các thôn', 'Tháng 6/2026', 'Dữ liệu được làm sạch']),
    row(['5', 'Kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị thuộc Ủy ban nhân dân xã', 'Văn phòng HĐND và UBND xã chủ trì; Phòng Kinh tế, Phòng Văn hóa - Xã hội phối hợp', 'Quý III/2026', 'Báo cáo kết quả kiểm tra']),
  ];
  const vmlRule = `<!--[if gte vml 1]><v:line id="Straight_x0020_Connector_x0020_1" o:spid="_x0000_s1026" style='position:absolute;z-index:251659264' from="60pt,3pt" to="120pt,3pt" strokeweight=".5pt"/><![endif]--><![if !vml]><span style='mso-ignore:vglayout;position:absolute;z-index:251659264'><img width=82 height=2 src="KH%2074_files/image001.png" v:shapes="Straight_x0020_Connector_x0020_1"></span><![endif]>`;
  const vmlSignature = `<!--[if gte vml 1]><v:shape id="Picture_x0020_2" o:spid="_x0000_i1025" type="#_x0000_t75" style='width:120pt;height:60pt'><v:imagedata src="KH%2074_files/image002.png" o:title="chu ky"/></v:shape><![endif]--><![if !vml]><img width=160 height=80 src="KH%2074_files/image003.jpg" alt="chu ky" v:shapes="Picture_x0020_2"><![endif]>`;
  const html = `${wordHtmlHead({ charset: 'windows-1252', title: 'KH 74', officeXml: '<o:DocumentProperties><o:Author>Văn thư</o:Author></o:DocumentProperties>', style: 'h1 {mso-style-link:"Heading 1 Char"; font-size:14.0pt;} h2 {font-size:14.0pt;} @list l0:level1 {mso-level-number-format:roman-upper;}' })}
<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 width=640 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
<tr><td width=250 valign=top style='padding:0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center'>${span('ỦY BAN NHÂN DÂN')}</p><p class=MsoNormal align=center style='text-align:center'><b>${span('XÃ ĐẦM HÀ')}</b></p><p class=MsoNormal align=center style='text-align:center'>${vmlRule}${span('&nbsp;')}</p></td>
<td width=390 valign=top style='padding:0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center'><b>${span('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')}</b></p><p class=MsoNormal align=center style='text-align:center'><b>${span('Độc lập - Tự do - Hạnh phúc')}</b></p></td></tr>
<tr><td width=250 valign=top style='padding:0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center'>${span('Số: 74/KH-UBND')}</p></td>
<td width=390 valign=top style='padding:0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center'><i>${span('Đầm Hà, ngày 08 tháng 01 năm 2026')}</i></p></td></tr>
</table>
<p class=MsoNormal>${span('&nbsp;')}</p>
<p class=MsoNormal align=center style='text-align:center'><b>${span('KẾ HOẠCH')}</b></p>
<p class=MsoNormal align=center style='text-align:center'><b>${span('Thực hiện công tác cải cách hành chính và chuyển đổi số')}</b></p>
<p class=MsoNormal align=center style='text-align:center'><b>${span('trên địa bàn xã năm 2026')}</b></p>
${p(e('Căn cứ Kế hoạch số 312/KH-UBND ngày 25 tháng 12 năm 2025 của Ủy ban nhân dân tỉnh Quảng Ninh về cải cách hành chính tỉnh Quảng Ninh năm 2026;'))}
${p(e('Căn cứ Nghị quyết số 05-NQ/ĐU ngày 30 tháng 12 năm 2025 của Ban Chấp hành Đảng bộ xã về phương hướng, nhiệm vụ năm 2026;'))}
${p(e('Ủy ban nhân dân xã Đầm Hà ban hành Kế hoạch thực hiện công tác cải cách hành chính và chuyển đổi số năm 2026 như sau:'))}
${heading('h1', 'l0 level1 lfo1', 'I.', 'MỤC ĐÍCH, YÊU CẦU')}
${listP('-', 'Nâng cao chất lượng phục vụ người dân, doanh nghiệp sau khi sắp xếp, tổ chức chính quyền địa phương hai cấp.')}
${listP('-', 'Xác định rõ nhiệm vụ, đơn vị chủ trì, thời hạn hoàn thành; gắn với trách nhiệm người đứng đầu.')}
${heading('h1', 'l0 level1 lfo1', 'II.', 'CHỈ TIÊU')}
${listP('-', '100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình;')}
${listP('-', 'Tỷ lệ hồ sơ giải quyết thủ tục hành chính trước và đúng hạn đạt từ 98% trở lên;')}
${listP('-', 'Chỉ số hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính xã đạt trên 90%;')}
${listP('-', 'Tỷ lệ dân số trưởng thành có tài khoản thanh toán điện tử đạt 85%.')}
${heading('h1', 'l0 level1 lfo1', 'III.', 'NHIỆM VỤ CỤ THỂ')}
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>
${tasks.join('\n')}
</table>
${heading('h1', 'l0 level1 lfo1', 'IV.', 'TỔ CHỨC THỰC HIỆN')}
${heading('h2', 'l1 level1 lfo2', '1.', 'Văn phòng HĐND và UBND xã')}
${p(e('Là cơ quan thường trực, tham mưu Ủy ban nhân dân xã theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo kết quả thực hiện trước ngày 15/12/2026.'))}
${heading('h2', 'l1 level1 lfo2', '2.', 'Trung tâm Phục vụ hành chính công xã')}
${p(e('Niêm yết công khai thủ tục hành chính; bố trí công chức hướng dẫn người dân thực hiện dịch vụ công trực tuyến.'))}
${heading('h2', 'l1 level1 lfo2', '3.', 'Công an xã')}
${p(e('Chủ trì làm sạch dữ liệu dân cư; bảo đảm an ninh, an toàn thông tin trên địa bàn xã.'))}
${heading('h2', 'l1 level1 lfo2', '4.', 'Phòng Kinh tế, Phòng Văn hóa - Xã hội')}
${p(e('Căn cứ chức năng, nhiệm vụ, thực hiện các nhiệm vụ được giao; báo cáo kết quả về Văn phòng HĐND và UBND xã trước ngày 30/11/2026.'))}
${heading('h2', 'l1 level1 lfo2', '5.', 'Ban Chỉ huy Quân sự xã')}
${p(e('Phối hợp với Công an xã bảo đảm an ninh, trật tự tại Trung tâm Phục vụ hành chính công xã.'))}
<p class=MsoNormal>${span('&nbsp;')}</p>
<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 width=640 style='border-collapse:collapse'>
<tr><td width=300 valign=top style='padding:0cm 5.4pt'>
<p class=MsoNormal><b><i><span lang=VI style='font-size:12.0pt'>Nơi nhận:</span></i></b></p>
${['- UBND tỉnh (b/c);', '- Sở Nội vụ (b/c);', '- TT. Đảng ủy, TT. HĐND xã;', '- Chủ tịch, các PCT UBND xã;', '- Như mục IV;', '- Lưu: VT, VP.'].map((r) => `<p class=MsoNormal><span lang=VI style='font-size:11.0pt'>${e(r)}</span></p>`).join('\n')}
</td><td width=340 valign=top style='padding:0cm 5.4pt'>
<p class=MsoNormal align=center style='text-align:center'><b>${span('TM. ỦY BAN NHÂN DÂN')}</b></p>
<p class=MsoNormal align=center style='text-align:center'><b>${span('KT. CHỦ TỊCH')}</b></p>
<p class=MsoNormal align=center style='text-align:center'><b>${span('PHÓ CHỦ TỊCH')}</b></p>
<p class=MsoNormal align=center style='text-align:center'>${vmlSignature}</p>
<p class=MsoNormal align=center style='text-align:center'><b>${span('Hoàng Thị Thu Trang')}</b></p>
</td></tr>
</table>
</div>
</body>
</html>
`;
  return cp1252(html);
}

/** Round 4 (scored once before the fixes it drove). */
export const BLIND_ROUND4_DOCX: Record<string, () => Promise<Buffer>> = {
  'totrinh-sct-lao-cai-cong-nghiep-ho-tro-2026': toTrinhSctLaoCai,
  'phat-bieu-dong-nai-hoi-nghi-cong-thuong-2026': phatBieuDongNaiCongThuong,
  'ubnd-thanh-hoa-thuong-mai-dien-tu-2025-2030': ubndThanhHoaThuongMaiDienTu,
};
export const BLIND_ROUND4_HTML: Record<string, () => Buffer> = {
  'xa-dam-ha-cai-cach-hanh-chinh-2026': xaDamHaCaiCachHanhChinh,
};

// ---------------------------------------------------------------------------------------------
// 12. Round 4, written after the round's fixes (scored once, left blind): a plan of a Phòng of Công an tỉnh Lâm Đồng
//     whose header stands in two floating TEXT BOXES (issuer left, motto right, as older office templates draw it), the
//     number and the place and date on one paragraph split by a tab, "+" bullets, run-in bold task titles "1. Công tác
//     nắm tình hình:" followed by "Đội X chủ trì, phối hợp với Y …; thời gian: …", a monthly report day, and the
//     signature block as right-indented paragraphs under "Nơi nhận" (no table), a rank before the signer's name.

export async function congAnLamDongPc04(): Promise<Buffer> {
  const box = (lines: string[], left: `${number}pt`) =>
    new Textbox({
      style: { position: 'absolute', marginLeft: left, marginTop: '0pt', width: left === '0pt' ? '210pt' : '260pt', height: '60pt' },
      children: centered(lines, true),
    });
  const runIn = (title: string, body: string) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun({ text: title, bold: true }), new TextRun(` ${body}`)] });
  const right = (text: string, bold = true) => new Paragraph({ indent: { left: 4800 }, alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold })] });
  return pack([
    box(['CÔNG AN TỈNH LÂM ĐỒNG', 'PHÒNG CẢNH SÁT ĐIỀU TRA', 'TỘI PHẠM VỀ MA TÚY'], '0pt'),
    box(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'], '220pt'),
    para(''),
    para(''),
    para(''),
    new Paragraph({ tabStops: [{ type: TabStopType.CENTER, position: 6800 }], children: [new TextRun('Số: 318/KH-PC04'), new TextRun({ children: [new Tab(), 'Lâm Đồng, ngày 03 tháng 3 năm 2026'], italics: true })] }),
    para(''),
    para('KẾ HOẠCH', { center: true, bold: true }),
    para('Cao điểm tấn công, trấn áp tội phạm về ma túy năm 2026', { center: true, bold: true }),
    para('Thực hiện Kế hoạch số 72/KH-CAT-PV01 ngày 25/02/2026 của Công an tỉnh Lâm Đồng về phòng, chống ma túy năm 2026; căn cứ Luật Phòng, chống ma túy năm 2021, Phòng Cảnh sát điều tra tội phạm về ma túy xây dựng Kế hoạch như sau:'),
    para('I. MỤC ĐÍCH, YÊU CẦU', { bold: true }),
    para('+ Tập trung lực lượng, phương tiện tấn công, trấn áp mạnh tội phạm về ma túy trên địa bàn tỉnh.'),
    para('+ Phân công rõ đơn vị chủ trì, thời gian hoàn thành; bảo đảm an toàn cho cán bộ, chiến sĩ.'),
    para('II. CHỈ TIÊU', { bold: true }),
    para('+ Số vụ, đối tượng phạm tội về ma túy bị phát hiện, bắt giữ tăng ít nhất 10% so với năm 2025;'),
    para('+ Triệt xóa 100% điểm, tụ điểm phức tạp về ma túy được phát hiện;'),
    para('+ Tỷ lệ người nghiện có hồ sơ được đưa đi cai nghiện bắt buộc đạt 95% trở lên.'),
    para('III. NHIỆM VỤ, GIẢI PHÁP', { bold: true }),
    runIn('1. Công tác nắm tình hình:', 'Đội Điều tra tổng hợp chủ trì, phối hợp với Công an các xã, phường rà soát, lập danh sách đối tượng nghi vấn mua bán trái phép chất ma túy; thời gian: hoàn thành trước ngày 31/3/2026.'),
    runIn('2. Công tác đấu tranh, triệt phá:', 'Đội Trinh sát chủ trì, phối hợp với Phòng Cảnh sát hình sự, Bộ Chỉ huy Bộ đội Biên phòng tỉnh đấu tranh triệt phá các đường dây mua bán ma túy; thời gian: từ tháng 3 đến tháng 9/2026.'),
    runIn('3. Công tác quản lý người nghiện:', 'Đội Quản lý nghiệp vụ chủ trì, phối hợp với Sở Y tế, Ủy ban nhân dân các xã, phường lập hồ sơ đưa người nghiện đi cai nghiện bắt buộc; thời gian: thường xuyên.'),
    para('IV. TỔ CHỨC THỰC HIỆN', { bold: true }),
    para('1. Đội Tham mưu tổng hợp: Theo dõi, đôn đốc các đội thực hiện Kế hoạch; tổng hợp, báo cáo kết quả về Công an tỉnh trước ngày 20 hằng tháng.'),
    para('2. Đội Điều tra tổng hợp: Chủ trì xác minh, điều tra các vụ án về ma túy; báo cáo kết quả cao điểm trước ngày 30/9/2026.'),
    para(''),
    new Paragraph({ tabStops: [{ type: TabStopType.CENTER, position: 6800 }], children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true }), new TextRun({ children: [new Tab(), 'KT. TRƯỞNG PHÒNG'], bold: true })] }),
    new Paragraph({ tabStops: [{ type: TabStopType.CENTER, position: 6800 }], children: [new TextRun('- Đ/c Giám đốc Công an tỉnh (b/c);'), new TextRun({ children: [new Tab(), 'PHÓ TRƯỞNG PHÒNG'], bold: true })] }),
    para('- Các Đội thuộc Phòng;'),
    para('- Lưu: HS, ĐTTH.'),
    para(''),
    right('Thượng tá Phạm Đức Thắng'),
  ]);
}

/** Round 4, the last document (scored once after the round's fixes; blind: tests/blind). */
export const BLIND_ROUND4_LATE_DOCX: Record<string, () => Promise<Buffer>> = {
  'cong-an-lam-dong-pc04-cao-diem-ma-tuy-2026': congAnLamDongPc04,
};

// ---------------------------------------------------------------------------------------------
// 13. Round 5 (session 14, helper `blind`): a provincial plan of UBND tỉnh Lào Cai whose targets are written only as
//     prose sentences ("Phấn đấu đến năm 2030, … đạt 3.500 ha, chiếm khoảng 2,5% …"), laws cited with their day of
//     passing ("Luật Trồng trọt ngày 19 tháng 11 năm 2018; Luật Chăn nuôi ngày …" in one "Căn cứ"), prose tasks whose
//     lead, support and time stand in ONE run-in sentence after the body ("Cơ quan chủ trì: …; cơ quan phối hợp: …;
//     thời gian hoàn thành: …"), an organisation item naming three departments at once, and the signature alone in a
//     borderless table (an empty left cell) with "Nơi nhận" as paragraphs AFTER it; PHÓ CHỦ TỊCH THƯỜNG TRỰC.

export async function ubndLaoCaiNongNghiepHuuCo(): Promise<Buffer> {
  const signature = new Table({
    borders: TableBorders.NONE,
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [
          new TableCell({ children: [para('')] }),
          new TableCell({ children: centered(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH THƯỜNG TRỰC', '', '', '', 'Hoàng Văn Minh'], true) }),
        ],
      }),
    ],
  });
  const task = (heading: string, body: string) => [para(heading, { bold: true }), para(body)];
  return pack([
    headerTable(['ỦY BAN NHÂN DÂN', 'TỈNH LÀO CAI'], 'Số: 58/KH-UBND', 'Lào Cai, ngày 20 tháng 02 năm 2026'),
    para(''),
    para('KẾ HOẠCH', { center: true, bold: true }),
    para('Phát triển nông nghiệp hữu cơ tỉnh Lào Cai giai đoạn 2026 - 2030', { center: true, bold: true }),
    para(''),
    para('Căn cứ Luật Trồng trọt ngày 19 tháng 11 năm 2018; Luật Chăn nuôi ngày 19 tháng 11 năm 2018;', { italic: true }),
    para('Căn cứ Nghị định số 109/2018/NĐ-CP ngày 29 tháng 8 năm 2018 của Chính phủ về nông nghiệp hữu cơ;', { italic: true }),
    para('Căn cứ Quyết định số 885/QĐ-TTg ngày 23 tháng 6 năm 2020 của Thủ tướng Chính phủ phê duyệt Đề án phát triển nông nghiệp hữu cơ giai đoạn 2020 - 2030;', { italic: true }),
    para('Theo đề nghị của Sở Nông nghiệp và Môi trường tại Tờ trình số 45/TTr-SNNMT ngày 10 tháng 02 năm 2026,', { italic: true }),
    para('Ủy ban nhân dân tỉnh ban hành Kế hoạch phát triển nông nghiệp hữu cơ tỉnh Lào Cai giai đoạn 2026 - 2030 như sau:'),
    para('I. MỤC ĐÍCH, YÊU CẦU', { bold: true }),
    para('1. Mục đích', { bold: true }),
    para('- Cụ thể hóa Đề án phát triển nông nghiệp hữu cơ của Thủ tướng Chính phủ phù hợp với điều kiện của tỉnh.'),
    para('- Phát huy lợi thế vùng cao, hình thành các vùng sản xuất hữu cơ gắn với du lịch nông nghiệp.'),
    para('2. Yêu cầu', { bold: true }),
    para('- Xác định rõ nhiệm vụ, cơ quan chủ trì, thời gian hoàn thành; bảo đảm sự phối hợp giữa các cấp, các ngành.'),
    para('II. MỤC TIÊU', { bold: true }),
    para('1. Mục tiêu chung', { bold: true }),
    para('Phát triển nông nghiệp hữu cơ theo hướng hàng hóa, hiệu quả, bền vững; nâng cao giá trị gia tăng và thu nhập cho người sản xuất.'),
    para('2. Mục tiêu cụ thể', { bold: true }),
    para('Phấn đấu đến năm 2030, diện tích sản xuất nông nghiệp hữu cơ của tỉnh đạt 3.500 ha, chiếm khoảng 2,5% tổng diện tích đất sản xuất nông nghiệp; giá trị sản xuất nông nghiệp hữu cơ tăng bình quân từ 10%/năm trở lên.'),
    para('Đến năm 2028, có ít nhất 40 sản phẩm nông nghiệp hữu cơ được chứng nhận theo tiêu chuẩn quốc gia; 100% cơ sở sản xuất hữu cơ được hướng dẫn ứng dụng truy xuất nguồn gốc điện tử.'),
    para('III. NHIỆM VỤ VÀ GIẢI PHÁP', { bold: true }),
    ...task('1. Rà soát, xác định vùng sản xuất nông nghiệp hữu cơ tập trung', 'Rà soát quỹ đất, điều kiện thổ nhưỡng, nguồn nước để xác định các vùng sản xuất hữu cơ tập trung tại các xã vùng cao. Cơ quan chủ trì: Sở Nông nghiệp và Môi trường; cơ quan phối hợp: Sở Tài chính, Ủy ban nhân dân các xã, phường; thời gian hoàn thành: Quý III/2026.'),
    ...task('2. Hỗ trợ chứng nhận và truy xuất nguồn gốc sản phẩm hữu cơ', 'Hỗ trợ các hợp tác xã, doanh nghiệp đánh giá, chứng nhận sản phẩm phù hợp tiêu chuẩn quốc gia về nông nghiệp hữu cơ. Cơ quan chủ trì: Sở Khoa học và Công nghệ; cơ quan phối hợp: Sở Nông nghiệp và Môi trường, Liên minh Hợp tác xã tỉnh; thời gian thực hiện: hằng năm.'),
    ...task('3. Xúc tiến thương mại, kết nối tiêu thụ sản phẩm', 'Tổ chức hội chợ, kết nối cung cầu, đưa sản phẩm hữu cơ vào hệ thống siêu thị và sàn thương mại điện tử. Cơ quan chủ trì: Sở Công Thương; cơ quan phối hợp: Sở Văn hóa, Thể thao và Du lịch, Hiệp hội Doanh nghiệp tỉnh; thời gian thực hiện: năm 2026 - 2030.'),
    ...task('4. Đào tạo, tập huấn, chuyển giao kỹ thuật', 'Tập huấn quy trình sản xuất hữu cơ cho nông dân, cán bộ khuyến nông cấp xã. Cơ quan chủ trì: Sở Nông nghiệp và Môi trường; cơ quan phối hợp: Hội Nông dân tỉnh, Sở Dân tộc và Tôn giáo; thời gian thực hiện: thường xuyên.'),
    para('IV. KINH PHÍ THỰC HIỆN', { bold: true }),
    para('Kinh phí thực hiện Kế hoạch từ ngân sách nhà nước theo phân cấp hiện hành, lồng ghép các chương trình mục tiêu quốc gia và các nguồn vốn hợp pháp khác.'),
    para('V. TỔ CHỨC THỰC HIỆN', { bold: true }),
    para('1. Sở Nông nghiệp và Môi trường là cơ quan thường trực, chủ trì theo dõi, hướng dẫn, đôn đốc thực hiện Kế hoạch; tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.'),
    para('2. Sở Tài chính, Sở Khoa học và Công nghệ, Sở Công Thương theo chức năng, nhiệm vụ được giao chủ động triển khai các nội dung của Kế hoạch; gửi kết quả thực hiện về Sở Nông nghiệp và Môi trường trước ngày 05/12 hằng năm.'),
    para('3. Ủy ban nhân dân các xã, phường căn cứ Kế hoạch này xây dựng kế hoạch thực hiện trên địa bàn, hoàn thành trong tháng 4/2026.'),
    para('4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tuyên truyền, vận động hội viên, nhân dân tham gia sản xuất nông nghiệp hữu cơ.'),
    para('Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo Ủy ban nhân dân tỉnh (qua Sở Nông nghiệp và Môi trường) để xem xét, giải quyết./.'),
    para(''),
    signature,
    para('Nơi nhận:', { bold: true, italic: true }),
    para('- Bộ Nông nghiệp và Môi trường (b/c);'),
    para('- TT. Tỉnh ủy, HĐND tỉnh;'),
    para('- Chủ tịch, các PCT UBND tỉnh;'),
    para('- Các sở, ban, ngành tỉnh;'),
    para('- UBND các xã, phường;'),
    para('- Lưu: VT, NLN.'),
  ]);
}

// ---------------------------------------------------------------------------------------------
// 14. Round 5: a plan of Sở Nông nghiệp và Môi trường tỉnh Lâm Đồng (a three-line issuer block under UBND TỈNH LÂM
//     ĐỒNG), a decree citing the decree it amends, targets as bullets of which one names two targets ("đạt 98%, ở khu
//     vực nông thôn đạt 85%") and one has no number, a task table with ONE "Đơn vị thực hiện" column whose cells say
//     "X phối hợp với Y, Z" (no "chủ trì") or name a unit alone or a group ("Các phòng, đơn vị thuộc Sở"), times
//     "Trước 30/6/2026", "Từ tháng 5 đến tháng 10/2026", "Định kỳ 6 tháng"; the units of a Sở after 2025 (Chi cục Bảo
//     vệ môi trường, Văn phòng Sở, Phòng Kế hoạch - Tài chính) and "Ủy ban nhân dân các xã, phường, đặc khu".

export async function soNnmtLamDongChatThaiRan(): Promise<Buffer> {
  const tasks = dataTable([
    ['STT', 'Nội dung công việc', 'Đơn vị thực hiện', 'Thời gian hoàn thành', 'Sản phẩm'],
    ['1', 'Rà soát, cập nhật hiện trạng thu gom, xử lý chất thải rắn sinh hoạt tại các xã, phường, đặc khu', 'Chi cục Bảo vệ môi trường phối hợp với Ủy ban nhân dân các xã, phường, đặc khu', 'Tháng 4/2026', 'Báo cáo hiện trạng'],
    ['2', 'Hướng dẫn phân loại chất thải rắn sinh hoạt tại nguồn', 'Chi cục Bảo vệ môi trường', 'Quý II/2026', 'Văn bản hướng dẫn'],
    ['3', 'Thẩm định phương án giá dịch vụ thu gom, vận chuyển, xử lý chất thải rắn sinh hoạt', 'Phòng Kế hoạch - Tài chính phối hợp với Sở Tài chính, Sở Xây dựng', 'Trước 30/6/2026', 'Phương án giá được phê duyệt'],
    ['4', 'Kiểm tra các cơ sở xử lý chất thải rắn sinh hoạt', 'Chi cục Bảo vệ môi trường phối hợp với Công an tỉnh', 'Từ tháng 5 đến tháng 10/2026', 'Kết luận kiểm tra'],
    ['5', 'Tổng hợp, báo cáo kết quả thực hiện Kế hoạch', 'Văn phòng Sở', 'Định kỳ 6 tháng', 'Báo cáo'],
    ['6', 'Tuyên truyền giảm thiểu chất thải nhựa, túi ni lông khó phân hủy', 'Các phòng, đơn vị thuộc Sở', 'Thường xuyên', 'Tin, bài'],
  ]);
  return pack([
    headerTable(['UBND TỈNH LÂM ĐỒNG', 'SỞ NÔNG NGHIỆP', 'VÀ MÔI TRƯỜNG'], 'Số: 412/KH-SNNMT', 'Lâm Đồng, ngày 16 tháng 3 năm 2026'),
    para(''),
    para('KẾ HOẠCH', { center: true, bold: true }),
    para('Thu gom, vận chuyển và xử lý chất thải rắn sinh hoạt trên địa bàn tỉnh năm 2026', { center: true, bold: true }),
    para(''),
    para('Căn cứ Luật Bảo vệ môi trường năm 2020;'),
    para('Căn cứ Nghị định số 05/2025/NĐ-CP ngày 06/01/2025 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 08/2022/NĐ-CP ngày 10/01/2022 của Chính phủ quy định chi tiết một số điều của Luật Bảo vệ môi trường;'),
    para('Thực hiện Kế hoạch số 35/KH-UBND ngày 20/01/2026 của Ủy ban nhân dân tỉnh về bảo vệ môi trường năm 2026,'),
    para('Sở Nông nghiệp và Môi trường xây dựng Kế hoạch như sau:'),
    para('I. MỤC ĐÍCH, YÊU CẦU', { bold: true }),
    para('- Nâng cao hiệu quả thu gom, vận chuyển, xử lý chất thải rắn sinh hoạt; từng bước phân loại chất thải tại nguồn.'),
    para('- Phân công cụ thể đơn vị thực hiện, thời gian hoàn thành từng nội dung công việc.'),
    para('II. CHỈ TIÊU', { bold: true }),
    para('- Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý đạt 98%, ở khu vực nông thôn đạt 85%;'),
    para('- Không phát sinh mới bãi chôn lấp chất thải rắn sinh hoạt không hợp vệ sinh;'),
    para('- Giảm ít nhất 20% lượng chất thải rắn sinh hoạt phải chôn lấp so với năm 2025.'),
    para('III. NHIỆM VỤ CỤ THỂ', { bold: true }),
    tasks,
    para('IV. TỔ CHỨC THỰC HIỆN', { bold: true }),
    para('1. Chi cục Bảo vệ môi trường là đầu mối, chủ trì theo dõi, đôn đốc thực hiện Kế hoạch.'),
    para('2. Đề nghị Ủy ban nhân dân các xã, phường, đặc khu chỉ đạo tổ chức thu gom, xử lý chất thải rắn sinh hoạt trên địa bàn; báo cáo kết quả về Sở Nông nghiệp và Môi trường (qua Chi cục Bảo vệ môi trường) trước ngày 30/11/2026.'),
    para('3. Văn phòng Sở bảo đảm kinh phí, điều kiện thực hiện; tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2026.'),
    para(''),
    closingTable(['- UBND tỉnh (b/c);', '- Giám đốc Sở (b/c);', '- UBND các xã, phường, đặc khu;', '- Các phòng, đơn vị thuộc Sở;', '- Lưu: VT, CCBVMT.'], ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '', '', '', 'Trần Thị Hồng Nhung']),
  ]);
}

/** Round 5 (session 14, helper `blind`): scored once before any fix they drive (tests/blind). */
export const BLIND_ROUND5_DOCX: Record<string, () => Promise<Buffer>> = {
  'ubnd-lao-cai-nong-nghiep-huu-co-2026-2030': ubndLaoCaiNongNghiepHuuCo,
  'so-nnmt-lam-dong-chat-thai-ran-2026': soNnmtLamDongChatThaiRan,
};

// ---------------------------------------------------------------------------------------------
// 15. Round 5, written after the round's fixes (scored once): a plan of the Ban Chỉ huy Phòng thủ dân sự tỉnh Lâm Đồng
//     (the 2025 body that took over natural-disaster prevention and search and rescue) under UBND TỈNH LÂM ĐỒNG; "Thực
//     hiện" before "Căn cứ"; targets as a numbered list under "2. Chỉ tiêu"; tasks given agency by agency, each
//     item's heading the agency ("1. Sở Nông nghiệp và Môi trường (Cơ quan thường trực):"), its duties as "+" bullets
//     with their own times; a budget part; signed KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN in a closing table.

export async function bchPtdsLamDongMuaMuaBao(): Promise<Buffer> {
  return pack([
    headerTable(['UBND TỈNH LÂM ĐỒNG', 'BAN CHỈ HUY PHÒNG THỦ DÂN SỰ'], 'Số: 09/KH-BCH', 'Lâm Đồng, ngày 06 tháng 4 năm 2026'),
    para(''),
    para('KẾ HOẠCH', { center: true, bold: true }),
    para('Ứng phó thiên tai mùa mưa bão năm 2026 trên địa bàn tỉnh Lâm Đồng', { center: true, bold: true }),
    para(''),
    para('Thực hiện Chỉ thị số 08/CT-TTg ngày 20/3/2026 của Thủ tướng Chính phủ về tăng cường công tác phòng, chống thiên tai năm 2026; căn cứ Luật Phòng thủ dân sự năm 2023, Ban Chỉ huy Phòng thủ dân sự tỉnh ban hành Kế hoạch như sau:'),
    para('I. MỤC ĐÍCH, YÊU CẦU', { bold: true }),
    para('- Chủ động phòng ngừa, ứng phó kịp thời, giảm thiểu thiệt hại do thiên tai trong mùa mưa bão năm 2026.'),
    para('- Phân công cụ thể trách nhiệm của từng cơ quan, đơn vị, địa phương.'),
    para('II. MỤC TIÊU, CHỈ TIÊU', { bold: true }),
    para('1. Mục tiêu', { bold: true }),
    para('Bảo đảm an toàn tính mạng của nhân dân, giảm thiệt hại về tài sản do thiên tai gây ra.'),
    para('2. Chỉ tiêu', { bold: true }),
    para('a) 100% các xã, phường, đặc khu xây dựng và phê duyệt phương án ứng phó thiên tai trước ngày 31/5/2026;'),
    para('b) Tối thiểu 90% hộ dân vùng có nguy cơ sạt lở được thông tin, cảnh báo sớm;'),
    para('c) Thời gian di dời dân khỏi vùng nguy hiểm không quá 24 giờ kể từ khi có lệnh.'),
    para('III. NHIỆM VỤ CỦA CÁC CƠ QUAN, ĐƠN VỊ', { bold: true }),
    para('1. Sở Nông nghiệp và Môi trường (Cơ quan thường trực):', { bold: true }),
    para('+ Rà soát, cập nhật kế hoạch phòng, chống thiên tai cấp tỉnh, hoàn thành trước ngày 30/4/2026;'),
    para('+ Kiểm tra an toàn hồ, đập thủy lợi trước mùa mưa, phối hợp với Sở Công Thương kiểm tra các hồ thủy điện.'),
    para('2. Bộ Chỉ huy Quân sự tỉnh:', { bold: true }),
    para('+ Chủ trì xây dựng phương án huy động lực lượng, phương tiện cứu hộ, cứu nạn; tổ chức diễn tập trong tháng 5/2026.'),
    para('3. Công an tỉnh:', { bold: true }),
    para('+ Bảo đảm an ninh trật tự, hướng dẫn giao thông tại khu vực bị ảnh hưởng; sẵn sàng lực lượng tham gia cứu nạn, thường xuyên.'),
    para('4. Sở Xây dựng:', { bold: true }),
    para('+ Chỉ đạo bảo đảm giao thông thông suốt trên các tuyến quốc lộ, tỉnh lộ; khắc phục sạt lở trong vòng 48 giờ.'),
    para('5. Ủy ban nhân dân các xã, phường, đặc khu:', { bold: true }),
    para('+ Xây dựng phương án ứng phó thiên tai theo cấp độ rủi ro, phê duyệt trước ngày 31/5/2026; tổ chức sơ tán dân khi có lệnh.'),
    para('IV. KINH PHÍ', { bold: true }),
    para('Kinh phí thực hiện từ nguồn dự phòng ngân sách tỉnh và Quỹ phòng, chống thiên tai tỉnh.'),
    para('V. TỔ CHỨC THỰC HIỆN', { bold: true }),
    para('Các cơ quan, đơn vị, địa phương báo cáo kết quả thực hiện về Ban Chỉ huy (qua Sở Nông nghiệp và Môi trường) trước ngày 15/11/2026 để tổng hợp.'),
    para(''),
    closingTable(['- Ban Chỉ đạo quốc gia về PCTT (b/c);', '- TT. Tỉnh ủy, UBND tỉnh;', '- Thành viên Ban Chỉ huy;', '- UBND các xã, phường, đặc khu;', '- Lưu: VT.'], ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', '', '', '', 'Lê Quang Vinh']),
  ]);
}

/** Round 5, written after the round's fixes (scored once; blind: tests/blind). */
export const BLIND_ROUND5_LATE_DOCX: Record<string, () => Promise<Buffer>> = {
  'bch-ptds-lam-dong-mua-mua-bao-2026': bchPtdsLamDongMuaMuaBao,
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'tests', 'data'));
  const round = Number(args.find((a) => a.startsWith('--round='))?.slice('--round='.length) ?? 0);
  mkdirSync(dir, { recursive: true });
  const docx = {
    ...(round === 0 || round === 1 ? BLIND_DOCX : {}),
    ...(round === 0 || round === 2 ? BLIND_ROUND2_DOCX : {}),
    ...(round === 0 || round === 3 ? BLIND_ROUND3_DOCX : {}),
    ...(round === 0 || round === 4 ? BLIND_ROUND4_DOCX : {}),
    ...(round === 0 || round === 4 ? BLIND_ROUND4_LATE_DOCX : {}),
    ...(round === 0 || round === 5 ? BLIND_ROUND5_DOCX : {}),
    ...(round === 0 || round === 5 ? BLIND_ROUND5_LATE_DOCX : {}),
  };
  for (const [name, build] of Object.entries(docx)) {
    writeFileSync(join(dir, `${name}.docx`), await build());
    console.log(`wrote ${join(dir, name)}.docx`);
  }
  const html = { ...(round === 0 || round === 2 ? BLIND_ROUND2_HTML : {}), ...(round === 0 || round === 4 ? BLIND_ROUND4_HTML : {}) };
  {
    for (const [name, build] of Object.entries(html)) {
      writeFileSync(join(dir, `${name}.htm`), build());
      console.log(`wrote ${join(dir, name)}.htm`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
