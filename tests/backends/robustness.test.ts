/**
 * PDFs, images and text files are untrusted input. Mutated copies of the committed fixtures
 * (truncated, bytes flipped, ranges zeroed, xref removed, page tree circular or lying, stream
 * lengths bogus, image headers claiming 30000×30000, corrupt pixel data, a 10 MB line, invalid
 * UTF-8, UTF-16 without BOM) must each end, in bounded time, either as a valid record or as one
 * InputError naming the file; in a batch, one stderr line per failed file, no output for it,
 * valid JSON for the rest, exit code 1. Deterministic: every random choice comes from a seeded PRNG.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { basename, extname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile, type ExtractOptions } from '../../src/extract.js';
import { validateRecord } from '../../src/schema/record.js';
import { InputError } from '../../src/util/errors.js';
import { closeEngines } from '../../src/ocr/engine.js';
import { mulberry32 as prng } from '../../src/util/prng.js';
import { assertBuilt, fixture, run, stderrLines, tempDir } from '../cli/run.js';
import { pngHeader } from '../helpers.js';


const read = (name: string) => new Uint8Array(readFileSync(fixture(name)));
const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const fromLatin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** Replaces the first occurrence of `from` (which must exist) with `to`. */
function edit(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const s = latin1(bytes);
  const i = s.indexOf(from);
  if (i < 0) throw new Error(`test setup: "${from}" not in the fixture`);
  return fromLatin1(s.slice(0, i) + to + s.slice(i + from.length));
}

/** Flips `count` random bytes between `from` and `to` (keeps the header and the %%EOF tail, so the envelope check passes). */
function flip(bytes: Uint8Array, rnd: () => number, count: number, from = 16, to = bytes.length - 32): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let k = 0; k < count; k++) {
    const i = from + Math.floor(rnd() * (to - from));
    out[i] = out[i]! ^ (1 + Math.floor(rnd() * 255));
  }
  return out;
}

function zero(bytes: Uint8Array, start: number, length: number): Uint8Array {
  const out = new Uint8Array(bytes);
  out.fill(0, start, Math.min(out.length, start + length));
  return out;
}

const EOF = fromLatin1('\n%%EOF\n');


/** A baseline JPEG header (SOI, JFIF APP0, SOF0) claiming the given size, and nothing after it. */
function jpegHeader(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x01, 0x01, 0x2c, 0x01, 0x2c, 0x00, 0x00];
  const sof = [0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof]);
}

/** A one-page PDF built by hand around one content stream (Flate-compressed), with a correct xref table. */
function minimalPdf(content: Uint8Array): Uint8Array {
  const stream = deflateSync(content, { level: 9 });
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  let pos = parts[0]!.length;
  objs.forEach((o, i) => {
    offsets.push(pos);
    const b =
      o === null
        ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream\nendobj\n')])
        : Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`);
    parts.push(b);
    pos += b.length;
  });
  const xref = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${pos}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/** A decompression bomb: `mb` MB of text-showing operators in a stream a few hundred times smaller. */
function bombPdf(mb: number): Uint8Array {
  const unit = Buffer.from('BT /F1 12 Tf 72 720 Td (Ke hoach so 30) Tj ET\n');
  const content = Buffer.alloc(mb * 1024 * 1024, 0x20);
  for (let i = 0; i + unit.length <= content.length; i += unit.length) unit.copy(content, i);
  return minimalPdf(content);
}

interface Case {
  name: string;
  bytes: Uint8Array;
  /** Must this input be refused? 'either' when a damaged file may still be readable. */
  expect: 'fail' | 'ok' | 'either';
  /** The reason must match this when it fails. */
  reason?: RegExp;
}

/** The mutated PDFs and text files (run without OCR: fast, and what is tested is the parsing). */
function pdfAndTextCases(): Case[] {
  const rnd = prng(0x5eed);
  const cases: Case[] = [];
  const text = read('lai-chau-767.pdf'); // pdf-lib: xref stream, object streams
  const scan = read('scan-mixed.pdf'); // classic xref table, plain page tree
  for (const [label, pdf] of [['text', text], ['scan', scan]] as const) {
    for (const f of [0.02, 0.3, 0.6, 0.97]) {
      const cut = pdf.subarray(0, Math.floor(pdf.length * f));
      cases.push({ name: `${label}-cut-${f}.pdf`, bytes: cut, expect: 'fail', reason: /truncated PDF|not a PDF/ });
      // the same cut with an %%EOF glued on: gets past the envelope check, pdf.js must cope
      cases.push({ name: `${label}-cut-eof-${f}.pdf`, bytes: concat(cut, EOF), expect: 'either' });
    }
    for (const n of [1, 10, 200]) for (const r of [1, 2]) cases.push({ name: `${label}-flip-${n}-${r}.pdf`, bytes: flip(pdf, rnd, n), expect: 'either' });
    for (const [start, len] of [[0, 64], [Math.floor(pdf.length / 3), 512], [Math.floor(pdf.length / 2), 8192], [pdf.length - 600, 500]] as const) {
      cases.push({ name: `${label}-zero-${start}-${len}.pdf`, bytes: zero(pdf, start, len), expect: 'either' });
    }
  }
  // xref removed: the xref stream object (text) and the xref table (scan); startxref then points at nothing
  {
    const s = latin1(text);
    const start = s.lastIndexOf('24 0 obj');
    const end = s.indexOf('endobj', start) + 'endobj'.length;
    cases.push({ name: 'text-no-xref.pdf', bytes: fromLatin1(s.slice(0, start) + s.slice(end)), expect: 'either' });
    const t = latin1(scan);
    const x = t.lastIndexOf('\nxref');
    const tr = t.indexOf('trailer', x);
    cases.push({ name: 'scan-no-xref.pdf', bytes: fromLatin1(t.slice(0, x + 1) + t.slice(tr)), expect: 'either' });
    cases.push({ name: 'scan-no-xref-no-trailer.pdf', bytes: fromLatin1(t.slice(0, x + 1) + '%%EOF\n'), expect: 'either' });
  }
  // page tree: circular (the Pages node is its own kid; same length, offsets stay right), /Count lying both ways
  cases.push({ name: 'scan-circular-pages.pdf', bytes: edit(scan, '/Kids [ 16 0 R 23 0 R ]', '/Kids [ 16 0 R  1 0 R ]'), expect: 'either' });
  cases.push({ name: 'scan-circular-kid.pdf', bytes: edit(scan, '/Kids [ 16 0 R 23 0 R ]', '/Kids [  1 0 R  1 0 R ]'), expect: 'either' });
  cases.push({ name: 'scan-count-9.pdf', bytes: edit(scan, '/Count 2\n', '/Count 9\n'), expect: 'either' });
  cases.push({ name: 'scan-count-huge.pdf', bytes: edit(scan, '/Count 2\n', '/Count 2147483647\n'), expect: 'either' });
  cases.push({ name: 'scan-count-0.pdf', bytes: edit(scan, '/Count 2\n', '/Count 0\n'), expect: 'either' });
  // a negative /Count used to reach the schema check as source.pages -5 ("record failed validation")
  cases.push({ name: 'scan-count-neg.pdf', bytes: edit(scan, '/Count 2\n', '/Count -5\n'), expect: 'fail', reason: /invalid PDF \(page count -5\)/ });
  // content streams whose /Length is huge or bogus
  cases.push({ name: 'scan-length-huge.pdf', bytes: edit(scan, '/Length 10207', '/Length 99999'), expect: 'either' });
  cases.push({ name: 'scan-length-enormous.pdf', bytes: edit(scan, '/Length 10207', '/Length 9999999999999'), expect: 'either' });
  cases.push({ name: 'scan-length-negative.pdf', bytes: edit(scan, '/Length 10207', '/Length -10207'), expect: 'either' });
  cases.push({ name: 'text-length-huge.pdf', bytes: edit(text, '/Length 2274', '/Length 2274000000'), expect: 'either' });
  cases.push({ name: 'text-objstm-huge.pdf', bytes: edit(text, '/N 13\n', '/N 1300000000\n'), expect: 'either' });

  // hand-built PDFs: a plain one, one whose content stream inflates 1000-fold, one that draws nothing
  cases.push({ name: 'minimal.pdf', bytes: minimalPdf(new Uint8Array(Buffer.from('BT /F1 12 Tf 72 720 Td (Ke hoach) Tj ET'))), expect: 'either' });
  cases.push({ name: 'small-bomb.pdf', bytes: bombPdf(1), expect: 'either' });
  cases.push({ name: 'empty-content.pdf', bytes: minimalPdf(new Uint8Array()), expect: 'either' });

  // text files
  const txt = read('lai-chau-767.txt');
  const line = Buffer.from('Số: 30/KH-UBND Bắc Giang, ngày 30 tháng 4 năm 2024 — kế hoạch triển khai thực hiện. ', 'utf8');
  const big = Buffer.alloc(10 * 1024 * 1024);
  for (let i = 0; i < big.length; i += line.length) line.copy(big, i);
  cases.push({ name: 'one-line-10mb.txt', bytes: new Uint8Array(big), expect: 'either' });
  // one "word" of 1.2 million letters: past ~4 million, String.match on words overflowed the stack ("internal error")
  cases.push({ name: 'one-word.txt', bytes: new Uint8Array(Buffer.from('ệ'.repeat(1_200_000), 'utf8')), expect: 'fail', reason: /letters in a row/ });
  cases.push({ name: 'invalid-utf8.txt', bytes: flip(txt, rnd, 40, 0, txt.length), expect: 'ok' });
  const withBad = concat(txt.subarray(0, 3000), new Uint8Array([0xc3, 0x28, 0xff, 0xfe, 0xe2, 0x82]), txt.subarray(3000));
  cases.push({ name: 'invalid-utf8-seq.txt', bytes: withBad, expect: 'ok' });
  // UTF-16 without a BOM used to be refused as binary data
  const utf16 = Buffer.from(Buffer.from(txt).toString('utf8'), 'utf16le');
  cases.push({ name: 'utf16le-no-bom.txt', bytes: new Uint8Array(utf16), expect: 'ok' });
  cases.push({ name: 'utf16be-no-bom.txt', bytes: new Uint8Array(Buffer.from(utf16).swap16()), expect: 'ok' });
  cases.push({ name: 'cut-text.txt', bytes: txt.subarray(0, 777), expect: 'either' });
  return cases;
}

/** Mutated images: refused before any pixel is allocated, or by the decoder as corrupt. */
function imageCases(): Case[] {
  const rnd = prng(0x1a6e);
  const png = read('scan-lai-chau-top.png');
  const huge = /too large/;
  // the real PNG with its IHDR rewritten to 30000×30000 (CRC now wrong: the size check must come first)
  const bigPng = new Uint8Array(png);
  new DataView(bigPng.buffer).setUint32(16, 30000);
  new DataView(bigPng.buffer).setUint32(20, 30000);
  const garbage = new Uint8Array(20000).map(() => Math.floor(rnd() * 256));
  return [
    { name: 'huge-30000.png', bytes: bigPng, expect: 'fail', reason: huge },
    { name: 'huge-header-only.png', bytes: pngHeader(30000, 30000), expect: 'fail', reason: huge },
    { name: 'huge-30000-jpeg.jpg', bytes: concat(jpegHeader(30000, 30000), garbage), expect: 'fail', reason: huge },
    { name: 'zero-size.png', bytes: pngHeader(0, 100), expect: 'fail', reason: /no pixels/ },
    { name: 'png-garbage-after-header.png', bytes: concat(png.subarray(0, 41), garbage), expect: 'fail' },
    { name: 'png-zeroed-data.png', bytes: zero(png, 2000, png.length), expect: 'fail' },
    { name: 'png-cut.png', bytes: png.subarray(0, 1000), expect: 'fail' },
    { name: 'jpeg-garbage-after-header.jpg', bytes: concat(jpegHeader(1200, 1600), garbage), expect: 'fail' },
    { name: 'jpeg-header-only.jpg', bytes: jpegHeader(1200, 1600), expect: 'fail' },
    { name: 'not-an-image.png', bytes: fromLatin1('this is not a png at all'), expect: 'fail' },
  ];
}

const tmp = tempDir('plan-extract-fuzz-');
afterAll(async () => {
  await closeEngines();
  tmp.cleanup();
});

function writeCases(dir: string, cases: Case[]): string[] {
  mkdirSync(dir, { recursive: true });
  return cases.map((c) => {
    const file = join(dir, c.name);
    writeFileSync(file, c.bytes);
    return file;
  });
}

type Outcome = { ok: true } | { ok: false; error: unknown };

/** Runs extractFile with a time bound; a record must validate. */
async function attempt(file: string, options: ExtractOptions, limitMs: number): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${limitMs} ms`)), limitMs);
  });
  try {
    const record = await Promise.race([extractFile(file, options), limit]);
    validateRecord(JSON.parse(JSON.stringify(record)));
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
}

/** What was wrong with an outcome, or null when it keeps the contract. */
function judge(c: Case, file: string, outcome: Outcome): string | null {
  if (outcome.ok) return c.expect === 'fail' ? 'was accepted, should have been refused' : null;
  const err = outcome.error;
  if (!(err instanceof InputError)) return `threw ${err instanceof Error ? `${err.name}: ${err.message}` : `a non-Error (${String(err)})`}`;
  if (c.expect === 'ok') return `refused: ${err.reason}`;
  if (err.file !== file) return `InputError names ${err.file}, not the file`;
  if (!err.reason || err.reason.includes('\n')) return `reason is not one line: ${JSON.stringify(err.reason)}`;
  if (/internal error|undefined|\[object /i.test(err.reason)) return `unreadable reason: ${err.reason}`;
  if (c.reason && !c.reason.test(err.reason)) return `reason "${err.reason}" does not match ${c.reason}`;
  return null;
}

describe('mutated PDFs and text files, through extractFile (no OCR)', () => {
  const dir = join(tmp.dir, 'lib');
  const cases = pdfAndTextCases();
  const files = writeCases(dir, cases);

  it(`each of ${cases.length} inputs ends in time, as a valid record or one InputError`, async () => {
    const problems: string[] = [];
    const seen: string[] = [];
    for (let i = 0; i < cases.length; i++) {
      const t = performance.now();
      const outcome = await attempt(files[i]!, { ocr: 'never' }, 60_000);
      const problem = judge(cases[i]!, files[i]!, outcome);
      seen.push(`${cases[i]!.name}: ${outcome.ok ? 'ok' : (outcome.error as Error).message} (${Math.round(performance.now() - t)} ms)`);
      if (problem) problems.push(`${cases[i]!.name}: ${problem}`);
      if (!outcome.ok) libraryFailures.add(cases[i]!.name);
    }
    // Each input has its own 60 s budget above (a hang fails that input; generous because pdf.js runs
    // on a worker thread, slow to start on a loaded machine); the total is not timed: wall time on a
    // shared machine says nothing about the code (speed is the bench scripts' job).
    expect(problems, seen.join('\n')).toEqual([]);
  }, 600_000);
});

describe('mutated images, through extractFile with OCR', () => {
  const dir = join(tmp.dir, 'img');
  const cases = imageCases();
  const files = writeCases(dir, cases);

  for (const engine of ['auto', 'wasm'] as const) {
    it(`engine ${engine}: each image is refused with one InputError, the huge ones before OCR starts`, async () => {
      const problems: string[] = [];
      const seen: string[] = [];
      for (let i = 0; i < cases.length; i++) {
        const t = performance.now();
        const outcome = await attempt(files[i]!, { ocr: 'auto', engine, ocrJobs: 1 }, 30_000);
        const problem = judge(cases[i]!, files[i]!, outcome);
        seen.push(`${cases[i]!.name}: ${outcome.ok ? 'ok' : (outcome.error as Error).message} (${Math.round(performance.now() - t)} ms)`);
        if (problem) problems.push(`${cases[i]!.name}: ${problem}`);
      }
      expect(problems, seen.join('\n')).toEqual([]);
    });
  }
});

/** Failures of the library run, to compare with the batch. */
const libraryFailures = new Set<string>();

describe('the same inputs in one batch through the built bin', () => {
  beforeAll(assertBuilt);

  /**
   * Runs a batch and checks the contract: exit code, one stderr line per failed file naming it
   * (plus the summary), no output (and no temp file) for a failed file, valid records for the rest.
   * Returns the failed files' names and reasons.
   */
  async function batch(name: string, cases: Case[], args: string[]): Promise<Map<string, string>> {
    const dir = join(tmp.dir, name);
    const out = join(tmp.dir, `${name}-out`);
    const stems = cases.map((c) => basename(c.name, extname(c.name)));
    expect(new Set(stems).size).toBe(stems.length);
    writeCases(dir, cases);
    const r = await run([dir, '-o', out, '--format', 'json', '-q', ...args]);
    const lines = stderrLines(r);
    const failed = new Map<string, string>();
    const other: string[] = [];
    for (const line of lines) {
      const m = /^✗ (.+?): (.+)$/.exec(line);
      if (m && m[1]!.startsWith(dir)) failed.set(relative(dir, m[1]!), m[2]!);
      else if (!/^\d+ converted, \d+ failed, [\d.]+ s$/.test(line)) other.push(line);
    }
    // nothing on stderr but the failure lines and the summary: no stack traces, no library chatter
    expect(other).toEqual([]);
    expect(failed.size).toBe(lines.length - 1);
    for (const [file, reason] of failed) expect(reason, file).not.toMatch(/internal error|\[object |undefined/);
    expect(r.code).toBe(failed.size > 0 ? 1 : 0);
    const written = existsSync(out) ? readdirSync(out) : [];
    expect(written.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const c of cases) {
      const target = join(out, `${basename(c.name, extname(c.name))}.json`);
      if (failed.has(c.name)) {
        expect(existsSync(target), `output written for failed ${c.name}`).toBe(false);
        if (c.expect === 'ok') throw new Error(`${c.name} failed: ${failed.get(c.name)}`);
        if (c.reason) expect(failed.get(c.name), c.name).toMatch(c.reason);
      } else {
        expect(c.expect, `${c.name} was converted`).not.toBe('fail');
        expect(() => validateRecord(JSON.parse(readFileSync(target, 'utf8'))), c.name).not.toThrow();
      }
    }
    return failed;
  }

  it('mutated PDFs and text files (--ocr never, 2 workers): the same files fail as through the library', async () => {
    const failed = await batch('batch', pdfAndTextCases(), ['--ocr', 'never', '--jobs', '2']);
    expect(failed.size).toBeGreaterThan(10);
    if (libraryFailures.size > 0) expect([...failed.keys()].sort()).toEqual([...libraryFailures].sort());
  }, 300_000);

  it('mutated images with OCR on (the default engine): every one refused, one line each', async () => {
    const cases = imageCases();
    const failed = await batch('batch-img', [...cases, { name: 'good.txt', bytes: read('legacy-vni.txt'), expect: 'ok' }], ['--jobs', '2']);
    expect([...failed.keys()].sort()).toEqual(cases.map((c) => c.name).sort());
  });

  it('mutated images through tesseract.js (--engine wasm): its libpng/leptonica messages stay off stderr', async () => {
    const cases = imageCases();
    const failed = await batch('batch-wasm', cases, ['--engine', 'wasm', '--jobs', '1']);
    expect([...failed.keys()].sort()).toEqual(cases.map((c) => c.name).sort());
  });

  it('--timeout: a decompression bomb that takes seconds is stopped, and the batch goes on', async () => {
    const failed = await batch(
      'batch-timeout',
      [
        // The bomb takes ~15 s; 6 s leaves a loaded machine time to start a worker and convert good.txt.
        { name: 'bomb.pdf', bytes: bombPdf(20), expect: 'fail', reason: /^timed out after 6 s$/ },
        { name: 'good.txt', bytes: read('legacy-tcvn3.txt'), expect: 'ok' },
      ],
      ['--timeout', '6', '--jobs', '1'],
    );
    expect([...failed.keys()]).toEqual(['bomb.pdf']);
  });
});
