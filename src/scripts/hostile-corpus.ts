/**
 * Hostile PDFs and images, built by hand: content that stalls pdf.js (100,000 nested `q`), scripts
 * (document JavaScript; the font-matrix injection of CVE-2024-4367), pages that render to enormous
 * sizes, deep and circular outlines, and images whose header lies about what follows. Each must end
 * as one clear line or a valid record (tests/backends/hostile.test.ts).
 *
 *   tsx src/scripts/hostile-corpus.ts <dir> [marker-file]   writes the corpus into <dir>
 *
 * The script payloads write `marker` when they run: its existence after an extraction means
 * something in the PDF was executed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export interface HostileInput {
  name: string;
  bytes: Uint8Array;
  /** What it attacks. */
  note: string;
  /** ok: must give a valid record; fail: must be refused; either: one or the other. */
  expect: 'ok' | 'fail' | 'either';
}

interface PdfObject {
  dict: string;
  stream?: Uint8Array;
}

/** A PDF from numbered objects (1 is the catalog), with a correct classic xref table. */
export function buildPdf(objects: PdfObject[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let pos = parts[0]!.length;
  objects.forEach((o, i) => {
    offsets.push(pos);
    let body: Buffer;
    if (o.stream) {
      const data = deflateSync(o.stream, { level: 9 });
      const dict = o.dict.replace(/>>\s*$/, ` /Length ${data.length} /Filter /FlateDecode >>`);
      body = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n${dict}\nstream\n`, 'latin1'), data, Buffer.from('\nendstream\nendobj\n')]);
    } else body = Buffer.from(`${i + 1} 0 obj\n${o.dict}\nendobj\n`, 'latin1');
    parts.push(body);
    pos += body.length;
  });
  const xref = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${pos}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

const HELVETICA = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
const PLAN_TEXT = 'BT /F1 14 Tf 72 760 Td (UY BAN NHAN DAN TINH LAI CHAU) Tj 0 -24 Td (KE HOACH Trien khai thuc hien nam 2024) Tj 0 -24 Td (I. MUC DICH, YEU CAU) Tj ET\n';

/** One page (object 3) with its content stream (object 4) and Helvetica as /F1 (object 5); `extra` objects from 6 on. */
function onePage(content: string | Uint8Array, options: { mediaBox?: string; page?: string; catalog?: string; resources?: string; extra?: PdfObject[] } = {}): Uint8Array {
  const stream = typeof content === 'string' ? new Uint8Array(Buffer.from(content, 'latin1')) : content;
  return buildPdf([
    { dict: `<< /Type /Catalog /Pages 2 0 R ${options.catalog ?? ''} >>` },
    { dict: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    { dict: `<< /Type /Page /Parent 2 0 R /MediaBox ${options.mediaBox ?? '[0 0 595 842]'} /Resources << /Font << /F1 5 0 R >> ${options.resources ?? ''} >> /Contents 4 0 R ${options.page ?? ''} >>` },
    { dict: '<< >>', stream },
    { dict: HELVETICA },
    ...(options.extra ?? []),
  ]);
}

/** A JavaScript string literal for a PDF string: parentheses and backslashes escaped. */
const pdfString = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** JavaScript that leaves a trace when it runs, whatever the engine (Node, a PDF viewer's sandbox). */
function payload(marker: string): string {
  return `try { (globalThis.process?.getBuiltinModule?.('fs') ?? require('fs')).writeFileSync(${JSON.stringify(marker)}, 'ran'); } catch (e) {} globalThis.__planExtractProbe = 1;`;
}

function nestedQ(depth: number, withText: boolean): Uint8Array {
  const inner = withText ? PLAN_TEXT : '0 0 m 500 700 l S\n';
  return new Uint8Array(Buffer.from('q '.repeat(depth) + '\n' + inner + 'Q '.repeat(depth) + '\n', 'latin1'));
}

/** Outline items 6.. chained by /First `depth` deep; the last one points back at the first (a cycle). */
function deepOutline(depth: number): PdfObject[] {
  const first = 6 + 1; // object 6 is the /Outlines root
  const items: PdfObject[] = [{ dict: `<< /Type /Outlines /First ${first} 0 R /Last ${first} 0 R /Count ${depth} >>` }];
  for (let i = 0; i < depth; i++) {
    const num = first + i;
    const parent = i === 0 ? 6 : num - 1;
    const child = i < depth - 1 ? `/First ${num + 1} 0 R /Last ${num + 1} 0 R /Count 1` : `/First ${first} 0 R /Next ${first} 0 R`;
    items.push({ dict: `<< /Title (Muc ${i + 1}) /Parent ${parent} 0 R ${child} /Dest [3 0 R /Fit] >>` });
  }
  return items;
}

function crc32(buf: Uint8Array): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A grey PNG whose IHDR says width×height and whose IDAT inflates to `rawBytes` bytes (a bomb when far more than the header needs). */
function lyingPng(width: number, height: number, rawBytes: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey
  const raw = Buffer.alloc(rawBytes, 0); // filter byte 0, black pixels, far more rows than the header
  const idat = deflateSync(raw, { level: 9 });
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', new Uint8Array())]));
}

/** A JPEG with two frame headers: the first claims 800×600, the second 60000×60000. */
function twoFrameJpeg(): Uint8Array {
  const sof = (w: number, h: number) => [0xff, 0xc0, 0x00, 0x0b, 0x08, h >> 8, h & 0xff, w >> 8, w & 0xff, 0x01, 0x01, 0x11, 0x00];
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x01, 0x00, 0xc8, 0x00, 0xc8, 0x00, 0x00];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof(800, 600), ...sof(60000, 60000), 0xff, 0xd9]);
}

/** A little-endian TIFF whose IFD chain loops: IFD 1 → IFD 2 → IFD 1. */
function loopingTiff(): Uint8Array {
  const b = Buffer.alloc(8 + 2 * (2 + 12 * 3 + 4) + 64);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  const ifd1 = 8;
  const ifd2 = ifd1 + 2 + 12 * 3 + 4;
  const writeIfd = (at: number, next: number) => {
    b.writeUInt16LE(3, at);
    const entry = (i: number, tag: number, value: number) => {
      const p = at + 2 + i * 12;
      b.writeUInt16LE(tag, p);
      b.writeUInt16LE(3, p + 2); // SHORT
      b.writeUInt32LE(1, p + 4);
      b.writeUInt16LE(value, p + 8);
    };
    entry(0, 256, 100); // width
    entry(1, 257, 100); // height
    entry(2, 259, 1); // no compression
    b.writeUInt32LE(next, at + 2 + 36);
  };
  writeIfd(ifd1, ifd2);
  writeIfd(ifd2, ifd1);
  b.writeUInt32LE(ifd1, 4);
  return new Uint8Array(b);
}

export function hostileCorpus(marker: string): HostileInput[] {
  const js = payload(marker);
  return [
    { name: 'nested-q-100000.pdf', bytes: onePage(nestedQ(100_000, true)), note: '100,000 nested q operators around the text (pdf.js: quadratic)', expect: 'either' },
    { name: 'nested-q-100000-drawing.pdf', bytes: onePage(nestedQ(100_000, false)), note: '100,000 nested q around a line, no text (would be rendered for OCR)', expect: 'either' },
    {
      name: 'javascript.pdf',
      bytes: onePage(PLAN_TEXT, {
        catalog: `/OpenAction 6 0 R /Names << /JavaScript << /Names [(probe) 6 0 R] >> >> /AA << /WC 6 0 R >>`,
        page: '/AA << /O 6 0 R /C 6 0 R >>',
        extra: [{ dict: `<< /Type /Action /S /JavaScript /JS ${pdfString(js)} >>` }],
      }),
      note: 'document JavaScript on open, page open/close and in the names tree',
      expect: 'ok',
    },
    {
      name: 'cve-2024-4367-font-matrix.pdf',
      // the published proof of concept: a string inside /FontMatrix, pasted into generated glyph code when eval was enabled
      bytes: buildPdf([
        { dict: '<< /Type /Catalog /Pages 2 0 R >>' },
        { dict: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
        { dict: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>' },
        { dict: '<< >>', stream: new Uint8Array(Buffer.from('BT /F1 24 Tf 72 700 Td (Ke) Tj ET\n', 'latin1')) },
        { dict: `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FontMatrix [0.001 0 0 0.001 0 ${pdfString(`0); ${js} //`)}] >>` },
      ]),
      note: 'CVE-2024-4367: JavaScript in a font matrix; the page has too little text and is rendered for OCR',
      expect: 'either',
    },
    {
      name: 'postscript-function.pdf',
      // a Type 4 (PostScript calculator) function: what pdf.js compiles with new Function when isEvalSupported is on
      bytes: onePage('q /Sh0 sh Q\nBT /F1 24 Tf 72 700 Td (Ke) Tj ET\n', {
        resources: '/Shading << /Sh0 6 0 R >>',
        extra: [
          { dict: '<< /ShadingType 2 /ColorSpace /DeviceGray /Coords [0 0 595 842] /Function 7 0 R /Extend [true true] >>' },
          { dict: '<< /FunctionType 4 /Domain [0 1] /Range [0 1] >>', stream: new Uint8Array(Buffer.from('{ dup mul 1 exch sub }', 'latin1')) },
        ],
      }),
      note: 'a PostScript calculator function (compiled to JavaScript only when eval is allowed)',
      expect: 'either',
    },
    { name: 'page-200000pt-text.pdf', bytes: onePage(PLAN_TEXT, { mediaBox: '[0 0 200000 200000]' }), note: 'a 2.8 km page with a text layer', expect: 'either' },
    { name: 'page-200000pt-scan.pdf', bytes: onePage('0 0 m 500 700 l S\n', { mediaBox: '[0 0 200000 200000]' }), note: 'a 2.8 km page without text: would render to 833,333² pixels', expect: 'either' },
    { name: 'page-userunit.pdf', bytes: onePage('0 0 m 500 700 l S\n', { mediaBox: '[0 0 14400 14400]', page: '/UserUnit 75000' }), note: 'the largest page PDF allows (UserUnit 75000)', expect: 'either' },
    { name: 'page-1e30.pdf', bytes: onePage('0 0 m 500 700 l S\n', { mediaBox: '[-1e30 -1e30 1e30 1e30]' }), note: 'a media box of 1e30 points', expect: 'either' },
    {
      name: 'image-100000x100000.pdf',
      bytes: onePage('q 595 0 0 842 0 0 cm /Im0 Do Q\n', {
        resources: '/XObject << /Im0 6 0 R >>',
        extra: [{ dict: '<< /Type /XObject /Subtype /Image /Width 100000 /Height 100000 /ColorSpace /DeviceGray /BitsPerComponent 8 >>', stream: new Uint8Array(64) }],
      }),
      note: 'a page-covering image XObject claiming 10^10 pixels',
      expect: 'either',
    },
    { name: 'outline-deep.pdf', bytes: onePage(PLAN_TEXT, { catalog: '/Outlines 6 0 R /PageMode /UseOutlines', extra: deepOutline(20_000) }), note: 'an outline 20,000 levels deep whose last item loops to the first', expect: 'ok' },
    { name: 'png-header-small-data-bomb.png', bytes: lyingPng(1000, 1000, 200 * 1024 * 1024), note: 'PNG: IHDR says 1000×1000; its IDAT inflates to 200 MB', expect: 'either' },
    { name: 'png-header-large-data-small.png', bytes: lyingPng(15000, 15000, 4096), note: 'PNG: IHDR says 15000×15000 (under the limit); its IDAT holds 4 KB', expect: 'fail' },
    { name: 'jpeg-two-frames.jpg', bytes: twoFrameJpeg(), note: 'JPEG: a first frame of 800×600, then a second of 60000×60000, no scan data', expect: 'fail' },
    { name: 'jpeg-named-png.png', bytes: twoFrameJpeg(), note: 'a JPEG named .png', expect: 'fail' },
    { name: 'tiff-ifd-loop.tif', bytes: loopingTiff(), note: 'TIFF: the IFD chain loops back on itself', expect: 'fail' },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: tsx src/scripts/hostile-corpus.ts <dir> [marker-file]\n');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  for (const input of hostileCorpus(process.argv[3] ?? join(dir, 'SCRIPT-RAN'))) {
    writeFileSync(join(dir, input.name), input.bytes);
    process.stdout.write(`${input.name}\t${input.bytes.length} bytes\t${input.note}\n`);
  }
}
