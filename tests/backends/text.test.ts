/** The text backend: decoding (UTF-8, BOM, UTF-16, TCVN3, VNI), Markdown stripping, binary detection, input errors. */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText, looksBinary, looksLikeMarkdown, readTextDocument } from '../../src/backends/text.js';
import { readInputFile } from '../../src/backends/read-input.js';
import { InputError } from '../../src/util/errors.js';
import { encodeLegacy, TCVN3_PLAN, VNI_PLAN } from '../../src/scripts/build-fixtures.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const fixtureBytes = (name: string) => readFileSync(join(FIXTURES, name));
const tmp = mkdtempSync(join(tmpdir(), 'plan-extract-text-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SAMPLE = 'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nSố: 767/KH-UBND\nLai Châu, ngày 31 tháng 3 năm 2021\nKẾ HOẠCH\nTriển khai thực hiện Kết luận số 92-KL/TW';

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  const be = Buffer.from(le);
  be.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

/**
 * TCVN3 gives capitals with tone marks the codes of the small letters (they lived in a second font),
 * so "Số: 21/KH-UBND" (no a-z besides the marked letter) decodes as all capitals. Lines must be equal;
 * a line without ASCII small letters may differ in case only.
 */
function sameUpToTcvn3Case(actual: string[], expected: string[]): boolean {
  return actual.length === expected.length && actual.every((line, i) => line === expected[i] || (!/[a-z]/.test(expected[i]!) || !/[a-z]/.test(line)) && line.toUpperCase() === expected[i]!.toUpperCase());
}

async function readDoc(name: string, bytes: Uint8Array | string) {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  return readTextDocument(await readInputFile(file), name);
}

async function inputError(promise: Promise<unknown> | (() => unknown)): Promise<InputError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError');
}

describe('decodeText', () => {
  it('reads UTF-8', () => {
    expect(decodeText(Buffer.from(SAMPLE, 'utf8'))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('drops a UTF-8 byte order mark', () => {
    const { text, encoding } = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]));
    expect(encoding).toBe('utf-8');
    expect(text).toBe(SAMPLE);
  });

  it('reads UTF-16 LE and BE by their byte order marks', () => {
    expect(decodeText(utf16(SAMPLE, 'le'))).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeText(utf16(SAMPLE, 'be'))).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('decodes the TCVN3 fixture back to the plan it was written from', () => {
    const { text, encoding } = decodeText(fixtureBytes('legacy-tcvn3.txt'));
    expect(encoding).toBe('tcvn3');
    expect(sameUpToTcvn3Case(text.normalize('NFC').split(/\r?\n/).slice(0, TCVN3_PLAN.length), TCVN3_PLAN)).toBe(true);
  });

  it('decodes the VNI fixture back to the plan it was written from', () => {
    const { text, encoding } = decodeText(fixtureBytes('legacy-vni.txt'));
    expect(encoding).toBe('vni');
    expect(text.normalize('NFC').split(/\r?\n/).slice(0, VNI_PLAN.length)).toEqual(VNI_PLAN);
  });

  it.each([
    ['tcvn3', 'Tiếp tục nâng cao nhận thức và trách nhiệm của các cấp, các ngành về chính sách xã hội, bảo đảm an sinh cho người dân.'],
    ['vni', 'Ủy ban nhân dân các huyện, thành phố chủ động bố trí ngân sách, huy động các nguồn lực thực hiện; kiểm tra, giám sát.'],
    ['vni', 'ĐẨY MẠNH CÔNG TÁC TUYÊN TRUYỀN, TRIỂN KHAI KỊP THỜI, HIỆU QUẢ CÁC CHÍNH SÁCH AN SINH XÃ HỘI'],
    ['tcvn3', 'ĐẨY MẠNH CÔNG TÁC TUYÊN TRUYỀN, TRIỂN KHAI KỊP THỜI, HIỆU QUẢ CÁC CHÍNH SÁCH AN SINH XÃ HỘI'],
  ] as const)('round-trips %s: %s', (encoding, line) => {
    const bytes = encodeLegacy(line, encoding);
    // Legacy bytes are not valid UTF-8 and hold no letters beyond Latin-1.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeText(bytes)).toEqual({ text: line, encoding });
  });

  it('leaves Western European Windows-1252 text alone (no false TCVN3/VNI detection)', () => {
    const text = 'Café crème brûlée, naïve façade, déjà vu à Genève.';
    expect(decodeText(Buffer.from(text, 'latin1'))).toEqual({ text, encoding: 'windows-1252' });
  });
});

describe('readTextDocument', () => {
  it('reads the legacy fixtures with their encoding, one line per line of the file', async () => {
    const tcvn3 = readTextDocument(await readInputFile(join(FIXTURES, 'legacy-tcvn3.txt')), 'legacy-tcvn3.txt');
    expect(tcvn3.encoding).toBe('tcvn3');
    expect(tcvn3.kind).toBe('text');
    expect(tcvn3.pageCount).toBeNull();
    expect(tcvn3.pages).toHaveLength(1);
    expect(sameUpToTcvn3Case(tcvn3.pages[0]!.lines.map((l) => l.text), TCVN3_PLAN)).toBe(true);
    expect(tcvn3.pages[0]!.lines[4]).toMatchObject({ text: 'Bình Lục, ngày 15 tháng 3 năm 2022', page: null, line: 5 });
  });

  it('strips Markdown line by line and keeps the line count (seed 004, .md)', async () => {
    const raw = fixtureBytes('binh-luc-92kl.md').toString('utf8').split('\n');
    if (raw[raw.length - 1] === '') raw.pop();
    const doc = readTextDocument(await readInputFile(join(FIXTURES, 'binh-luc-92kl.md')), 'binh-luc-92kl.md');
    const lines = doc.pages[0]!.lines;
    expect(lines).toHaveLength(raw.length);
    expect(lines[12]).toMatchObject({ text: 'I. MỤC ĐÍCH, YÊU CẦU', line: 13 });
    expect(lines[4]!.text).toBe('Bình Lục, ngày tháng năm 2021');
    expect(lines[6]!.text).toBe('KẾ HOẠCH');
    expect(lines.some((l) => /\*\*|^#/.test(l.text))).toBe(false);
  });

  it('strips Markdown in a .txt file that looks like Markdown, and leaves plain text alone', async () => {
    const md = fixtureBytes('binh-luc-92kl.md');
    const doc = await readDoc('seed-004.txt', md);
    expect(doc.pages[0]!.lines[12]!.text).toBe('I. MỤC ĐÍCH, YÊU CẦU');
    expect(looksLikeMarkdown(['## **KẾ HOẠCH**', 'text', '**I. MỤC ĐÍCH**'])).toBe(true);
    expect(looksLikeMarkdown(['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', '- Lưu: VT.', 'a * b * c'])).toBe(false);
    const plain = await readDoc('plain.txt', 'Số: 5/KH-UBND\n- Lưu: VT.\n2 * 3 = 6\n');
    expect(plain.pages[0]!.lines.map((l) => l.text)).toEqual(['Số: 5/KH-UBND', '- Lưu: VT.', '2 * 3 = 6']);
  });

  it('normalises to NFC and CRLF/CR line ends to lines', async () => {
    const doc = await readDoc('nfd.txt', Buffer.from('Ke\u0302\u0301 hoa\u0323ch\r\nSô\u0301: 1\rHết\n', 'utf8'));
    expect(doc.pages[0]!.lines.map((l) => l.text)).toEqual(['Kế hoạch', 'Số: 1', 'Hết']);
  });

  it('reads UTF-16 files', async () => {
    const doc = await readDoc('utf16.txt', utf16(SAMPLE + '\n', 'le'));
    expect(doc.encoding).toBe('utf-16le');
    expect(doc.pages[0]!.lines.map((l) => l.text)).toEqual(SAMPLE.split('\n'));
  });

  it('refuses binary data and text without any text', async () => {
    expect((await inputError(readDoc('binary.txt', fixtureBytes('bad/binary.txt')))).reason).toMatch(/binary/);
    expect((await inputError(readDoc('blank.txt', '\n  \n\t\n'))).reason).toMatch(/no text/);
  });
});

describe('looksBinary', () => {
  it('flags NUL bytes and control characters, not text', () => {
    expect(looksBinary(fixtureBytes('bad/binary.txt'))).toBe(true);
    expect(looksBinary(Buffer.from('abc\0def'))).toBe(true);
    expect(looksBinary(Buffer.from('x\x01\x02\x03\x04\x05'.repeat(10)))).toBe(true);
    expect(looksBinary(Buffer.from(SAMPLE, 'utf8'))).toBe(false);
    expect(looksBinary(Buffer.from('page one\fpage two\ttab\r\n'))).toBe(false);
    expect(looksBinary(new Uint8Array())).toBe(false);
  });

  it('does not flag UTF-16 with a BOM (it has NUL bytes) or legacy 8-bit text', () => {
    expect(looksBinary(utf16(SAMPLE, 'le'))).toBe(false);
    expect(looksBinary(utf16(SAMPLE, 'be'))).toBe(false);
    expect(looksBinary(fixtureBytes('legacy-tcvn3.txt'))).toBe(false);
    expect(looksBinary(fixtureBytes('legacy-vni.txt'))).toBe(false);
  });
});

describe('readInputFile', () => {
  it('names each way a file cannot be used', async () => {
    expect((await inputError(readInputFile(join(tmp, 'missing.txt')))).reason).toBe('no such file');
    expect((await inputError(readInputFile(tmp))).reason).toMatch(/folder/);
    expect((await inputError(readInputFile(join(FIXTURES, 'bad', 'empty.txt')))).reason).toBe('empty file');
  });

  it('returns the bytes and their sha256', async () => {
    const input = await readInputFile(join(FIXTURES, 'legacy-vni.txt'));
    expect(input.bytes.equals(fixtureBytes('legacy-vni.txt'))).toBe(true);
    expect(input.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
