/**
 * `npm run fixtures`: builds the test fixtures in fixtures/ from the source texts.
 *
 * - Source texts are copied from ../shared into fixtures/sources/ when ../shared is there
 *   (a developer's checkout); otherwise the committed copies are used, so CI never needs ../shared.
 * - Text-layer PDFs are typeset with pdf-lib + fontkit and a subset of DejaVu Serif
 *   (Vietnamese glyphs), A4, 13.5 pt, one source line per PDF line where it fits
 *   (longer lines wrap to the page width), paginated.
 * - Legacy-encoded text (TCVN3, VNI) is encoded from Unicode with the decoder's own table inverted.
 * - Bad inputs go to fixtures/bad/.
 *
 * Deterministic: fixed metadata, no dates from the clock; re-running gives identical bytes.
 * The helpers are exported for the benchmark and the tests.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(ROOT, 'fixtures');
const SHARED = resolve(ROOT, '..', 'shared');
// DejaVu Serif Condensed: the DejaVu Serif design with Vietnamese glyphs, narrow enough that the lines
// of the source texts (typeset in Times-like fonts) fit one per line on A4 at 13 pt.
const FONT_FILE = join(ROOT, 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSerifCondensed.ttf');

// ---------------------------------------------------------------------------------------------
// Typesetting

export const A4: [number, number] = [595.28, 841.89];

export interface PageStyle {
  size: number;
  /** Baseline-to-baseline distance of wrapped lines, in points. */
  leading: number;
  /** Extra space for an empty source line (a paragraph gap); it produces no text. */
  blankGap: number;
  margin: { top: number; bottom: number; left: number; right: number };
}

export const DEFAULT_STYLE: PageStyle = {
  size: 13,
  leading: 17,
  blankGap: 6,
  margin: { top: 56.7, bottom: 56.7, left: 56.7, right: 42.5 },
};

/** One line of layout: plain text (left), aligned text, two columns on one baseline, or a page break. */
export type LayoutLine =
  | string
  | { text: string; align: 'left' | 'center' | 'right' }
  | { left: string; right: string }
  | { pageBreak: true }
  /** Keep the next `lines` lines on one page (a signature block): break the page first when they do not fit. */
  | { keep: number };

/** Fixed metadata so the bytes do not depend on the clock. */
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

export async function newPdf(title: string): Promise<{ doc: PDFDocument; font: PDFFont }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(FONT_FILE), { subset: true });
  doc.setTitle(title);
  doc.setProducer('plan-extract fixtures (pdf-lib)');
  doc.setCreator('plan-extract npm run fixtures');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  return { doc, font };
}

/** Splits a line into pieces no wider than `width`, at spaces (a word longer than the width is cut). */
export function wrapLine(text: string, font: PDFFont, size: number, width: number): string[] {
  if (font.widthOfTextAtSize(text, size) <= width) return [text];
  const out: string[] = [];
  let current = '';
  for (const word of text.split(/ +/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      current = candidate;
      continue;
    }
    if (current) out.push(current);
    current = word;
    while (font.widthOfTextAtSize(current, size) > width) {
      let n = current.length - 1;
      while (n > 1 && font.widthOfTextAtSize(current.slice(0, n), size) > width) n--;
      out.push(current.slice(0, n));
      current = current.slice(n);
    }
  }
  if (current) out.push(current);
  return out;
}

/** Typesets the layout lines onto A4 pages of `doc`; returns the number of pages added. */
export function typeset(doc: PDFDocument, font: PDFFont, lines: readonly LayoutLine[], style: PageStyle = DEFAULT_STYLE): number {
  const [pw, ph] = A4;
  const { size, leading, blankGap, margin } = style;
  const width = pw - margin.left - margin.right;
  let page = doc.addPage(A4);
  let pages = 1;
  let y = ph - margin.top - size;
  let atTop = true;
  const newPage = () => {
    page = doc.addPage(A4);
    pages++;
    y = ph - margin.top - size;
    atTop = true;
  };
  const room = () => {
    if (y < margin.bottom) newPage();
  };
  const draw = (text: string, x: number) => page.drawText(text, { x, y, size, font });
  for (const item of lines) {
    if (typeof item === 'object' && 'pageBreak' in item) {
      newPage();
      continue;
    }
    if (typeof item === 'object' && 'keep' in item) {
      if (!atTop && y - (item.keep - 1) * leading < margin.bottom) newPage();
      continue;
    }
    if (typeof item === 'string' && item.trim() === '') {
      if (!atTop) y -= blankGap;
      continue;
    }
    if (typeof item === 'object' && 'left' in item) {
      room();
      // Two columns on one baseline, each centred in its area (40% left, 60% right), as in the
      // heading of a Vietnamese administrative document; a column too wide for its area is set smaller.
      const areas: [string, number, number][] = [
        [item.left, margin.left, width * 0.4 - 8],
        [item.right, margin.left + width * 0.4, width * 0.6],
      ];
      for (const [text, x0, w] of areas) {
        if (!text) continue;
        const colSize = Math.min(size, (size * w) / font.widthOfTextAtSize(text, size));
        const tw = font.widthOfTextAtSize(text, colSize);
        page.drawText(text, { x: x0 + (w - tw) / 2, y, size: colSize, font });
      }
      y -= leading;
      atTop = false;
      continue;
    }
    const text = typeof item === 'string' ? item : item.text;
    const align = typeof item === 'string' ? 'left' : item.align;
    for (const piece of wrapLine(text.replace(/\s+$/, ''), font, size, width)) {
      room();
      const w = font.widthOfTextAtSize(piece, size);
      const x = align === 'center' ? margin.left + (width - w) / 2 : align === 'right' ? margin.left + width - w : margin.left;
      draw(piece, x);
      y -= leading;
      atTop = false;
    }
  }
  return pages;
}

export async function renderPdf(title: string, lines: readonly LayoutLine[], style: PageStyle = DEFAULT_STYLE): Promise<{ bytes: Uint8Array; pages: number }> {
  const { doc, font } = await newPdf(title);
  const pages = typeset(doc, font, lines, style);
  return { bytes: await doc.save({ useObjectStreams: true }), pages };
}

// ---------------------------------------------------------------------------------------------
// Legacy encodings: the decoder's table (src/data/vietnamese/legacy-encodings.json) inverted.

type LegacyTable = Record<string, string>;

function legacyTables(): { tcvn3: LegacyTable; vni: LegacyTable } {
  const raw = JSON.parse(readFileSync(join(ROOT, 'src', 'data', 'vietnamese', 'legacy-encodings.json'), 'utf8')) as {
    tcvn3: LegacyTable;
    vni: LegacyTable;
  };
  return { tcvn3: raw.tcvn3, vni: raw.vni };
}

/**
 * Encodes Unicode Vietnamese as TCVN3 or VNI bytes (the Latin-1 code of each legacy character).
 * TCVN3 has no codes for capitals with tone marks (old files used a second font with the same
 * codes): those are written with the lower-case code, which round-trips only on all-capitals lines.
 */
export function encodeLegacy(text: string, encoding: 'tcvn3' | 'vni'): Buffer {
  const table = legacyTables()[encoding];
  const inverse = new Map<string, string>();
  for (const [legacy, unicode] of Object.entries(table)) if (!inverse.has(unicode)) inverse.set(unicode, legacy);
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch.charCodeAt(0) < 0x80) {
      out += ch;
      continue;
    }
    const code = inverse.get(ch) ?? (encoding === 'tcvn3' ? inverse.get(ch.toLowerCase()) : undefined);
    if (code === undefined) throw new Error(`cannot encode "${ch}" in ${encoding}`);
    out += code;
  }
  return Buffer.from(out, 'latin1');
}

// ---------------------------------------------------------------------------------------------
// Hand-made encrypted PDF (pdf-lib cannot encrypt): Standard security handler, V1/R2, RC4 40-bit,
// user password "secret". A real encrypted file: with the password pdf.js reads its one line.

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const padPassword = (pw: string) => Buffer.concat([Buffer.from(pw, 'latin1'), PAD]).subarray(0, 32);

export const ENCRYPTED_PDF_PASSWORD = 'secret';

export function encryptedPdf(userPassword = ENCRYPTED_PDF_PASSWORD, ownerPassword = 'owner-secret'): Buffer {
  const id = md5(Buffer.from('plan-extract encrypted fixture'));
  const P = -4; // all permissions
  const pBytes = Buffer.alloc(4);
  pBytes.writeInt32LE(P);
  const O = rc4(md5(padPassword(ownerPassword)).subarray(0, 5), padPassword(userPassword));
  const key = md5(padPassword(userPassword), O, pBytes, id).subarray(0, 5);
  const U = rc4(key, PAD);
  const objectKey = (num: number) => md5(key, Buffer.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, 0, 0])).subarray(0, 10);
  const content = rc4(objectKey(4), Buffer.from('BT /F1 14 Tf 72 760 Td (Encrypted plan) Tj ET', 'latin1'));
  const hex = (b: Buffer) => `<${b.toString('hex')}>`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    null, // the content stream, below
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Filter /Standard /V 1 /R 2 /O ${hex(O)} /U ${hex(U)} /P ${P} >>`,
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const obj =
      body === null
        ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Length ${content.length} >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream\nendobj\n', 'latin1')])
        : Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    chunks.push(obj);
    length += obj.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  const trailer = `\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [${hex(id)} ${hex(id)}] >>\nstartxref\n${length}\n%%EOF\n`;
  chunks.push(Buffer.from(xref + trailer, 'latin1'));
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------------------------------------
// The fixtures

/** Source texts: [name in fixtures/sources, path under ../shared]. */
const SOURCES: [string, string][] = [
  ['lai-chau-767.gold.txt', 'dev/003_cfea897aaf665822.gold.txt'],
  ['lai-chau-767.seed.txt', 'seeds/003_cfea897aaf665822.txt'],
  ['binh-luc-92kl.rendered.txt', 'dev/004_be505b6e33d69a41.rendered.txt'],
  ['binh-luc-92kl.seed.md', 'seeds/004_be505b6e33d69a41.txt'],
];

function refreshSources(): void {
  const dir = join(FIXTURES, 'sources');
  mkdirSync(dir, { recursive: true });
  for (const [name, shared] of SOURCES) {
    const from = join(SHARED, shared);
    if (existsSync(from)) writeFileSync(join(dir, name), readFileSync(from));
    else if (!existsSync(join(dir, name))) throw new Error(`missing source ${name}: neither ${from} nor a committed copy`);
  }
}

export function readSource(name: string): string[] {
  const text = readFileSync(join(FIXTURES, 'sources', name), 'utf8').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Seed 003 (gold text) laid out as the document was: the two-column heading (issuer left, the
 * national motto right, number and place/date on one line) and the two-column closing
 * (recipients left, signature right). Other lines stay one per line.
 */
export function laiChauLayout(): LayoutLine[] {
  const src = readSource('lai-chau-767.gold.txt');
  const columns: Record<number, [string, string]> = {
    1: ['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    3: ['TỈNH LAI CHÂU', 'Độc lập - Tự do - Hạnh phúc'],
    4: ['Số: 767 /KH-UBND', 'Lai Châu, ngày 31 tháng 3 năm 2021'],
    295: ['Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN'],
    297: ['- TT. Tỉnh ủy (để b/c);', 'KT. CHỦ TỊCH'],
  };
  const centred = new Set([5, 7, 8, 9, 10, 299]);
  const closing = src.findIndex((l) => l.startsWith('Nơi nhận'));
  return src.flatMap((text, i): LayoutLine[] => (i === closing ? [{ keep: src.length - closing }, layoutLine(text, i)] : [layoutLine(text, i)]));
  function layoutLine(text: string, i: number): LayoutLine {
    const n = i + 1;
    const col = columns[n];
    if (col) {
      // Guard against the source changing under the layout.
      if (text.replace(/\s+/g, ' ').trim() !== `${col[0]} ${col[1]}`.replace(/\s+/g, ' ')) throw new Error(`lai-chau line ${n} changed: ${text}`);
      return { left: col[0], right: col[1] };
    }
    if (centred.has(n)) return { text, align: 'center' };
    return text;
  }
}

/** Seed 004 as it was typeset into 7 A4 pages: the rendered text, heading centred, signature on the right. */
export function binhLucLayout(): LayoutLine[] {
  const src = readSource('binh-luc-92kl.rendered.txt');
  return src.map((text, i): LayoutLine => {
    const n = i + 1;
    if (n === 5 || n === 7) return { text, align: 'center' };
    if (n === 3) return { text, align: 'right' };
    if (n >= 152) return { text, align: 'right' };
    return text;
  });
}

/** The style that typesets seed 004 into 7 pages, like the original. */
export const BINH_LUC_STYLE: PageStyle = { ...DEFAULT_STYLE, size: 14, leading: 17.5, blankGap: 6 };

/** A short plan whose second page is blank (no text layer): exercises the empty-page warning. */
export function blankPageLayout(): LayoutLine[] {
  return [
    { left: 'ỦY BAN NHÂN DÂN', right: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' },
    { left: 'HUYỆN BÌNH LỤC', right: 'Độc lập - Tự do - Hạnh phúc' },
    { left: 'Số: 15/KH-UBND', right: 'Bình Lục, ngày 10 tháng 02 năm 2022' },
    '',
    { text: 'KẾ HOẠCH', align: 'center' },
    { text: 'Tuyên truyền chính sách an sinh xã hội năm 2022', align: 'center' },
    '',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Mục đích',
    'Nâng cao nhận thức của cán bộ và nhân dân về chính sách an sinh xã hội.',
    '2. Yêu cầu',
    'Tuyên truyền kịp thời, đúng đối tượng, phù hợp với điều kiện của địa phương.',
    { pageBreak: true },
    { pageBreak: true },
    'II. TỔ CHỨC THỰC HIỆN',
    '1. Phòng Lao động - Thương binh và Xã hội',
    'Chủ trì, phối hợp với các cơ quan liên quan triển khai thực hiện Kế hoạch này.',
    '2. Ủy ban nhân dân các xã, thị trấn',
    'Tổ chức tuyên truyền trên hệ thống loa truyền thanh cơ sở./.',
    '',
    { left: 'Nơi nhận:', right: 'TM. ỦY BAN NHÂN DÂN' },
    { left: '- UBND tỉnh;', right: 'CHỦ TỊCH' },
    '- Các xã, thị trấn;',
    '- Lưu: VT.',
    { text: 'Trần Văn Minh', align: 'right' },
  ];
}

/** A few lines of a plan, to be written in TCVN3 (mixed-case lines avoid the capitals TCVN3 cannot hold). */
export const TCVN3_PLAN = [
  'UBND HUYỆN BÌNH LỤC',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Số: 21/KH-UBND',
  'Bình Lục, ngày 15 tháng 3 năm 2022',
  '',
  'KẾ HOẠCH',
  'Thực hiện chính sách an sinh xã hội trên địa bàn huyện năm 2022',
  '',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Mục đích',
  'Tiếp tục nâng cao nhận thức và trách nhiệm của các cấp, các ngành về chính sách xã hội.',
  '2. Yêu cầu',
  'Triển khai kịp thời, hiệu quả các chính sách an sinh xã hội trên địa bàn huyện.',
  'II. NHIỆM VỤ',
  '1. Về giảm nghèo và trợ giúp xã hội',
  'Thực hiện đồng bộ các chính sách hỗ trợ hộ nghèo, hộ cận nghèo.',
  '2. Về bảo hiểm xã hội',
  'Đẩy mạnh phát triển đối tượng tham gia bảo hiểm xã hội tự nguyện.',
  '',
  'Nơi nhận:',
  '- Sở Lao động - TB&XH;',
  '- Các xã, thị trấn;',
  '- Lưu: VT.',
  'TM. ỦY BAN NHÂN DÂN',
  'CHỦ TỊCH',
  'Nguyễn Văn An',
];

export const VNI_PLAN = [
  'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Số: 45/KH-UBND',
  'Lai Châu, ngày 08 tháng 6 năm 2021',
  '',
  'KẾ HOẠCH',
  'Triển khai công tác trợ giúp xã hội năm 2021',
  '',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Mục đích',
  'Bảo đảm các đối tượng yếu thế được tiếp cận đầy đủ các chính sách trợ giúp xã hội.',
  '2. Yêu cầu',
  'Ủy ban nhân dân các huyện, thành phố chủ động bố trí nguồn lực thực hiện.',
  'II. TỔ CHỨC THỰC HIỆN',
  '1. Sở Lao động - Thương binh và Xã hội',
  'Chủ trì hướng dẫn, kiểm tra việc thực hiện Kế hoạch này.',
  '',
  'Nơi nhận:',
  '- Các sở, ban, ngành tỉnh;',
  '- Lưu: VT.',
  'TM. ỦY BAN NHÂN DÂN',
  'KT. CHỦ TỊCH',
  'PHÓ CHỦ TỊCH',
  'Lê Thị Hoa',
];

export const laiChauPdf = () => renderPdf('Kế hoạch 767/KH-UBND (Lai Châu)', laiChauLayout());
export const binhLucPdf = () => renderPdf('Kế hoạch thực hiện Kết luận 92-KL/TW (Bình Lục)', binhLucLayout(), BINH_LUC_STYLE);

function write(rel: string, bytes: Uint8Array | string): void {
  const file = join(FIXTURES, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  if (size > 300 * 1024) throw new Error(`${rel} is ${size} bytes; fixtures must stay under 300 KB`);
  console.log(`${rel.padEnd(36)} ${String(size).padStart(8)} bytes`);
}

export async function buildFixtures(): Promise<void> {
  refreshSources();

  // Text inputs, as they are.
  write('lai-chau-767.txt', readFileSync(join(FIXTURES, 'sources', 'lai-chau-767.seed.txt')));
  write('binh-luc-92kl.md', readFileSync(join(FIXTURES, 'sources', 'binh-luc-92kl.seed.md')));

  // Text-layer PDFs.
  const laiChau = await laiChauPdf();
  write('lai-chau-767.pdf', laiChau.bytes);
  const binhLuc = await binhLucPdf();
  if (binhLuc.pages !== 7) throw new Error(`binh-luc-92kl.pdf has ${binhLuc.pages} pages; the original has 7 (tune BINH_LUC_STYLE)`);
  write('binh-luc-92kl.pdf', binhLuc.bytes);
  const blank = await renderPdf('Kế hoạch 15/KH-UBND (trang trắng)', blankPageLayout());
  if (blank.pages !== 3) throw new Error(`blank-page.pdf has ${blank.pages} pages, expected 3`);
  write('blank-page.pdf', blank.bytes);

  // Legacy encodings.
  write('legacy-tcvn3.txt', encodeLegacy(TCVN3_PLAN.join('\r\n') + '\r\n', 'tcvn3'));
  write('legacy-vni.txt', encodeLegacy(VNI_PLAN.join('\r\n') + '\r\n', 'vni'));

  // Bad inputs.
  write('bad/truncated.pdf', laiChau.bytes.subarray(0, Math.floor(laiChau.bytes.length / 2)));
  write('bad/not-a-pdf.pdf', 'Đây không phải là tệp PDF, chỉ là văn bản có đuôi .pdf.\n');
  write('bad/encrypted.pdf', encryptedPdf());
  const empty = await PDFDocument.create({ updateMetadata: false });
  empty.setProducer('plan-extract fixtures (pdf-lib)');
  empty.setCreationDate(FIXED_DATE);
  empty.setModificationDate(FIXED_DATE);
  write('bad/zero-pages.pdf', await empty.save({ useObjectStreams: false, addDefaultPage: false }));
  write('bad/empty.txt', '');
  // Bytes of a small PNG-like binary: a signature, NULs and control bytes.
  const binary = Buffer.alloc(512);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 37 + 11) & 0xff;
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').copy(binary, 0);
  write('bad/binary.txt', binary);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await buildFixtures();
}
