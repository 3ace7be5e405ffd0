/**
 * `npm run fixtures:pdf`: PDF fixtures whose text layer lies, and the real text-layer PDF.
 *
 * - fixtures/real/laocai-SCT-DKT-1105-KH-2026-kiem-tra-VLNCN.pdf is copied from ../shared/real
 *   when ../shared is there (CI uses the committed copy).
 * - fixtures/garbled/*.pdf: a short plan typeset with DejaVu Serif (pdf-lib + fontkit), whose
 *   fonts' /ToUnicode maps are then rewritten the ways real PDFs get them wrong:
 *     word-like-ghostscript.pdf — as the 1105 PDF: two fonts, words of Windows-1252 letters in
 *       one whose map reads the Windows code page bytes as MacRoman ("ngày" → "ng‡y"), the other
 *       words in one whose map gives ASCII shifted down by 29 and every other letter a Cyrillic
 *       code ("Sở" → "6Ѐ");
 *     caesar-shift.pdf — one font, ASCII shifted by 3 (letters land on other letters: "Kế" →
 *       "Hѐ"), other letters Cyrillic;
 *     no-tounicode.pdf — the map removed: pdf.js reads the subset's glyph ids, which no shift
 *       turns into text (the page must be OCR'd).
 * - fixtures/tables/ruled-table.pdf: a ruled task table with merged cells, and a boxed paragraph
 *   that is not a table (pdf-tables.ts).
 *
 * Deterministic: fixed metadata; re-running gives identical bytes.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodePDFRawStream, PDFDict, PDFName, PDFRawStream, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { A4, newPdf } from './build-fixtures.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'fixtures');
const SHARED_REAL = resolve(ROOT, '..', 'shared', 'real');

/** Text-layer PDFs of ../shared/real copied under their own names (the scans are too big for fixtures). */
export const REAL_PDFS = ['laocai-SCT-DKT-1105-KH-2026-kiem-tra-VLNCN.pdf'];

export function copyRealPdfs(): string[] {
  const copied: string[] = [];
  for (const name of REAL_PDFS) {
    const from = join(SHARED_REAL, name);
    if (!existsSync(from)) continue;
    const to = join(FIXTURES, 'real', name);
    mkdirSync(dirname(to), { recursive: true });
    rmSync(to, { force: true });
    copyFileSync(from, to);
    chmodSync(to, 0o644);
    copied.push(join('real', name));
  }
  return copied;
}

/** A short inspection plan written for these fixtures (header as a two-column block). */
export const GARBLED_PLAN: ({ left: string; right: string } | string)[] = [
  { left: 'ỦY BAN NHÂN DÂN', right: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' },
  { left: 'XÃ MINH LƯƠNG', right: 'Độc lập - Tự do - Hạnh phúc' },
  { left: 'Số: 27/KH-UBND', right: 'Minh Lương, ngày 14 tháng 4 năm 2026' },
  '',
  'KẾ HOẠCH',
  'Kiểm tra công tác phòng cháy, chữa cháy tại các cơ sở trên địa bàn xã năm 2026',
  '',
  'Thực hiện Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ; Ủy ban nhân dân xã',
  'ban hành Kế hoạch kiểm tra công tác phòng cháy, chữa cháy năm 2026 như sau:',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Mục đích',
  '- Đánh giá việc chấp hành quy định về phòng cháy, chữa cháy của các cơ sở;',
  '- Phát hiện, chấn chỉnh kịp thời những tồn tại, hạn chế, nâng cao ý thức tự',
  'bảo vệ của người dân và doanh nghiệp trong việc bảo đảm an toàn.',
  '2. Yêu cầu',
  '- Việc kiểm tra phải đúng quy định của pháp luật, khách quan, công khai;',
  '- Không làm ảnh hưởng đến hoạt động sản xuất, kinh doanh bình thường của cơ sở.',
  'II. NỘI DUNG KIỂM TRA',
  '1. Kiểm tra hồ sơ quản lý về phòng cháy, chữa cháy của cơ sở; nội quy, quy định,',
  'biển báo, sơ đồ chỉ dẫn; việc tổ chức huấn luyện, bồi dưỡng nghiệp vụ.',
  '2. Kiểm tra việc duy trì các điều kiện an toàn về phòng cháy, chữa cháy; hệ thống',
  'điện, thiết bị sử dụng điện; phương tiện chữa cháy tại chỗ và lối thoát nạn.',
  'III. TỔ CHỨC THỰC HIỆN',
  '1. Công an xã chủ trì, phối hợp với các đơn vị liên quan tổ chức kiểm tra, tổng',
  'hợp kết quả, báo cáo Ủy ban nhân dân xã trước ngày 30 tháng 6 năm 2026.',
  '2. Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã bố trí kinh phí, phương',
  'tiện phục vụ đoàn kiểm tra theo quy định hiện hành.',
  '3. Các thôn, bản phối hợp tuyên truyền, vận động người dân thực hiện nghiêm các',
  'quy định về phòng cháy, chữa cháy trong mùa khô.',
  'Trên đây là Kế hoạch kiểm tra công tác phòng cháy, chữa cháy năm 2026 của Ủy ban',
  'nhân dân xã, đề nghị các cơ quan, đơn vị nghiêm túc thực hiện./.',
  '',
  'Nơi nhận:',
  '- Công an xã;',
  '- Lưu: VT.',
  'TM. ỦY BAN NHÂN DÂN',
  'CHỦ TỊCH',
  'Nguyễn Văn Bình',
];

const SIZE = 12.5;
const LEADING = 17;
const MARGIN = 56.7;

/** Characters Windows-1252 can encode (the simple font of a Word export holds these). */
const WIN_HIGH = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));
const MAC_HIGH = new TextDecoder('macintosh').decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));
const isWinAnsi = (word: string) => [...word].every((c) => c.charCodeAt(0) < 0x80 || WIN_HIGH.includes(c));

/**
 * Typesets the plan word by word; `pick` chooses each word's font (Word puts a run of
 * Windows-1252 letters in a simple font and the rest in a composite one).
 */
function typesetWords(doc: PDFDocument, lines: typeof GARBLED_PLAN, pick: (word: string) => PDFFont): void {
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN - SIZE;
  const drawRun = (text: string, x0: number) => {
    let x = x0;
    for (const word of text.split(' ')) {
      if (!word) continue;
      const font = pick(word);
      page.drawText(word, { x, y, size: SIZE, font });
      x += font.widthOfTextAtSize(word, SIZE) + font.widthOfTextAtSize(' ', SIZE);
    }
  };
  for (const line of lines) {
    if (line === '') {
      y -= 6;
      continue;
    }
    if (y < MARGIN) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN - SIZE;
    }
    if (typeof line === 'object') {
      drawRun(line.left, MARGIN);
      drawRun(line.right, MARGIN + 200);
    } else drawRun(line, MARGIN);
    y -= LEADING;
  }
}

/** CID → Unicode of a pdf-lib font's /ToUnicode map (one bfchar section, as pdf-lib writes it). */
function readToUnicode(doc: PDFDocument, font: PDFFont): Map<number, string> {
  const dict = doc.context.lookup(font.ref, PDFDict);
  const stream = doc.context.lookup(dict.get(PDFName.of('ToUnicode'))) as PDFRawStream;
  const text = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
  const map = new Map<number, string>();
  for (const m of text.matchAll(/<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]+)>/g)) {
    const units: number[] = [];
    for (let i = 0; i < m[2]!.length; i += 4) units.push(parseInt(m[2]!.slice(i, i + 4), 16));
    map.set(parseInt(m[1]!, 16), String.fromCharCode(...units));
  }
  return map;
}

function writeToUnicode(doc: PDFDocument, font: PDFFont, map: Map<number, string>): void {
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  const entries = [...map.entries()].sort((a, b) => a[0] - b[0]);
  const chunks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100);
    chunks.push(`${part.length} beginbfchar\n${part.map(([cid, u]) => `<${hex(cid)}> <${[...u].map((c) => hex(c.charCodeAt(0))).join('')}>`).join('\n')}\nendbfchar`);
  }
  const cmap = `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000><ffff>\nendcodespacerange\n${chunks.join('\n')}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;
  const dict = doc.context.lookup(font.ref, PDFDict);
  dict.set(PDFName.of('ToUnicode'), doc.context.register(doc.context.flateStream(cmap)));
}

/** ASCII shifted down by `shift`; every other character a Cyrillic code, in order of the map (as glyph ids read as text). */
function shiftedMap(map: Map<number, string>, shift: number): Map<number, string> {
  const out = new Map<number, string>();
  let cyrillic = 0x410;
  for (const [cid, u] of [...map.entries()].sort((a, b) => a[0] - b[0])) {
    const c = u.charCodeAt(0);
    if (u === ' ') out.set(cid, u);
    else if (u.length === 1 && c >= 0x21 && c <= 0x7e) out.set(cid, String.fromCharCode(c - shift));
    else out.set(cid, String.fromCharCode(cyrillic++));
  }
  return out;
}

/** Windows-1252 bytes read as MacRoman ("à" 0xE0 → "‡"). */
function macRomanMap(map: Map<number, string>): Map<number, string> {
  const out = new Map<number, string>();
  for (const [cid, u] of map) {
    const i = WIN_HIGH.indexOf(u);
    out.set(cid, u.length === 1 && u.charCodeAt(0) >= 0x80 && i >= 0 ? MAC_HIGH[i]! : u);
  }
  return out;
}

export async function wordLikeGhostscriptPdf(): Promise<Uint8Array> {
  const { doc, font: simple } = await newPdf('Kế hoạch 27/KH-UBND (bản đồ ký tự sai)');
  const { font: composite } = await embedSecondFont(doc);
  typesetWords(doc, GARBLED_PLAN, (w) => (isWinAnsi(w) ? simple : composite));
  await doc.flush();
  writeToUnicode(doc, simple, macRomanMap(readToUnicode(doc, simple)));
  writeToUnicode(doc, composite, shiftedMap(readToUnicode(doc, composite), 29));
  return doc.save({ useObjectStreams: true });
}

export async function caesarShiftPdf(): Promise<Uint8Array> {
  const { doc, font } = await newPdf('Kế hoạch 27/KH-UBND (mã lệch 3)');
  typesetWords(doc, GARBLED_PLAN, () => font);
  await doc.flush();
  writeToUnicode(doc, font, shiftedMap(readToUnicode(doc, font), 3));
  return doc.save({ useObjectStreams: true });
}

export async function noToUnicodePdf(): Promise<Uint8Array> {
  const { doc, font } = await newPdf('Kế hoạch 27/KH-UBND (không có ToUnicode)');
  typesetWords(doc, GARBLED_PLAN.slice(0, 12), () => font);
  await doc.flush();
  doc.context.lookup(font.ref, PDFDict).delete(PDFName.of('ToUnicode'));
  return doc.save({ useObjectStreams: true });
}

async function embedSecondFont(doc: PDFDocument): Promise<{ font: PDFFont }> {
  // a second subset of the same face: its own font object and map, as Word's second font is
  const file = join(ROOT, 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSerifCondensed.ttf');
  return { font: await doc.embedFont(readFileSync(file), { subset: true }) };
}

/**
 * A plan page with a ruled task table (a group row spanning all columns, a lead cell spanning two
 * rows) and, above it, a paragraph in a box (two vertical rules only: not a table).
 */
export const RULED_TABLE = {
  header: ['STT', 'Nội dung nhiệm vụ', 'Chủ trì', 'Thời gian'],
  rows: [
    ['I', 'Công tác tuyên truyền'],
    ['1', 'Tuyên truyền Luật Phòng cháy, chữa cháy trên loa truyền thanh xã', 'Công an xã', 'Quý II/2026'],
    ['2', 'Tổ chức hội thi tìm hiểu pháp luật về phòng cháy', '', 'Quý III/2026'],
  ],
};

export async function ruledTablePdf(): Promise<Uint8Array> {
  const { doc, font } = await newPdf('Kế hoạch 28/KH-UBND (bảng kẻ ô)');
  const page = doc.addPage(A4);
  const size = 11;
  let y = A4[1] - MARGIN - size;
  const text = (t: string, x: number, yy: number) => page.drawText(t, { x, y: yy, size, font });
  for (const line of ['Số: 28/KH-UBND', 'KẾ HOẠCH', 'Tuyên truyền phòng cháy, chữa cháy năm 2026', 'Nội dung chính của kế hoạch được nêu trong khung dưới đây và bảng phân công.']) {
    text(line, MARGIN, y);
    y -= 16;
  }
  // a boxed paragraph: a frame, not a grid
  const boxTop = y + 12;
  text('Mọi cơ quan, đơn vị thực hiện nghiêm túc kế hoạch này.', MARGIN + 6, y - 4);
  y -= 24;
  page.drawRectangle({ x: MARGIN, y: y + 8, width: 470, height: boxTop - y - 8, borderWidth: 0.6, opacity: 0 });
  y -= 14;
  // the table: columns at these x; rows 22 pt high; group row spans all columns, "Công an xã" two rows
  const xs = [MARGIN, MARGIN + 40, MARGIN + 280, MARGIN + 380, MARGIN + 470];
  const rowH = 22;
  const top = y;
  const rowsY = [top, top - rowH, top - 2 * rowH, top - 3 * rowH, top - 4 * rowH];
  const line = (x0: number, y0: number, x1: number, y1: number) => page.drawLine({ start: { x: x0, y: y0 }, end: { x: x1, y: y1 }, thickness: 0.6 });
  for (let r = 0; r < rowsY.length; r++) {
    // no rule under "Công an xã" in its column: the cell spans rows 2 and 3
    if (r === 3) {
      line(xs[0]!, rowsY[r]!, xs[2]!, rowsY[r]!);
      line(xs[3]!, rowsY[r]!, xs[4]!, rowsY[r]!);
    } else line(xs[0]!, rowsY[r]!, xs[4]!, rowsY[r]!);
  }
  for (let c = 0; c < xs.length; c++) {
    const inner = c > 0 && c < xs.length - 1;
    // inner column rules skip the group row (row 1), which spans all columns
    if (inner) {
      line(xs[c]!, rowsY[0]!, xs[c]!, rowsY[1]!);
      line(xs[c]!, rowsY[2]!, xs[c]!, rowsY[4]!);
    } else line(xs[c]!, rowsY[0]!, xs[c]!, rowsY[4]!);
  }
  const cell = (t: string, c: number, r: number) => {
    if (t) page.drawText(t, { x: xs[c]! + 3, y: rowsY[r]! - 15, size: c === 1 ? 7.5 : 9, font });
  };
  RULED_TABLE.header.forEach((t, c) => cell(t, c, 0));
  cell(RULED_TABLE.rows[0]![0]!, 0, 1);
  cell(RULED_TABLE.rows[0]![1]!, 1, 1);
  RULED_TABLE.rows.slice(1).forEach((row, i) => row.forEach((t, c) => cell(t, c, i + 2)));
  text('Các thôn, bản phối hợp thực hiện.', MARGIN, rowsY[4]! - 20);
  return doc.save({ useObjectStreams: true });
}

export const GARBLED_FIXTURES: [string, () => Promise<Uint8Array>][] = [
  ['tables/ruled-table.pdf', ruledTablePdf],
  ['garbled/word-like-ghostscript.pdf', wordLikeGhostscriptPdf],
  ['garbled/caesar-shift.pdf', caesarShiftPdf],
  ['garbled/no-tounicode.pdf', noToUnicodePdf],
];

async function main(): Promise<void> {
  const copied = copyRealPdfs();
  console.log(copied.length ? `copied ${copied.join(', ')} to fixtures/` : 'no ../shared/real: kept the committed copies');
  for (const [rel, build] of GARBLED_FIXTURES) {
    const bytes = await build();
    mkdirSync(dirname(join(FIXTURES, rel)), { recursive: true });
    writeFileSync(join(FIXTURES, rel), bytes);
    console.log(`${rel.padEnd(36)} ${String(bytes.length).padStart(8)} bytes`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
