/** The PDF text-layer backend on the fixture PDFs: envelope checks, errors, pages and line numbers, empty pages. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPdfEnvelope, describePdfError, pageFromText, readPdfText } from '../../src/backends/pdf-text.js';
import { readPdfDocument } from '../../src/backends/pdf-ocr.js';
import { readInputFile } from '../../src/backends/read-input.js';
import { InputError } from '../../src/util/errors.js';
import { PDFParse } from 'pdf-parse';
import { ENCRYPTED_PDF_PASSWORD } from '../../src/scripts/build-fixtures.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const NO_OCR = { mode: 'never', engine: 'auto', jobs: 1 } as const;
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

async function reason(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).reason;
  }
  throw new Error('expected an InputError');
}

describe('checkPdfEnvelope', () => {
  it('accepts a whole PDF', () => {
    expect(() => checkPdfEnvelope(bytesOf('lai-chau-767.pdf'), 'x.pdf')).not.toThrow();
  });

  it('refuses a file without a %PDF- header, and a cut file without %%EOF', async () => {
    expect(await reason(() => checkPdfEnvelope(bytesOf('bad/not-a-pdf.pdf'), 'x.pdf'))).toMatch(/not a PDF/);
    expect(await reason(() => checkPdfEnvelope(bytesOf('bad/truncated.pdf'), 'x.pdf'))).toMatch(/truncated/);
    // The header must be near the start.
    const late = new Uint8Array([...new Uint8Array(2000).fill(0x20), ...bytesOf('lai-chau-767.pdf')]);
    expect(await reason(() => checkPdfEnvelope(late, 'x.pdf'))).toMatch(/not a PDF/);
    expect(await reason(() => checkPdfEnvelope(new Uint8Array(), 'x.pdf'))).toMatch(/not a PDF/);
  });

  it('names the file in the error', async () => {
    expect.assertions(1);
    try {
      checkPdfEnvelope(bytesOf('bad/not-a-pdf.pdf'), 'plans/x.pdf');
    } catch (err) {
      expect((err as InputError).file).toBe('plans/x.pdf');
    }
  });
});

describe('readPdfText', () => {
  it('reads the 7 pages of the seed-004 PDF in order', async () => {
    const { pageCount, pages } = await readPdfText(bytesOf('binh-luc-92kl.pdf'), 'b.pdf');
    expect(pageCount).toBe(7);
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pages[0]!.text.split('\n')[0]).toBe('Số: /KH-UBND');
    expect(pages[6]!.text).toContain('Nguyễn Xuân Đức');
  });

  it('leaves the caller its buffer (pdf.js gets a copy)', async () => {
    const bytes = bytesOf('blank-page.pdf');
    const length = bytes.length;
    await readPdfText(bytes, 'x.pdf');
    expect(bytes.length).toBe(length);
    expect(bytes.byteLength).toBe(length);
  });

  it('refuses an encrypted PDF with a password-needed reason', async () => {
    expect(await reason(() => readPdfText(bytesOf('bad/encrypted.pdf'), 'e.pdf'))).toMatch(/encrypted PDF: a password is required/);
  });

  it('the encrypted fixture is a real encrypted PDF: pdf.js raises PasswordException, and reads it with the password', async () => {
    const without = new PDFParse({ data: bytesOf('bad/encrypted.pdf'), verbosity: 0 });
    await expect(without.getText()).rejects.toMatchObject({ name: 'PasswordException' });
    await without.destroy();
    const withPassword = new PDFParse({ data: bytesOf('bad/encrypted.pdf'), password: ENCRYPTED_PDF_PASSWORD, verbosity: 0 });
    const result = await withPassword.getText();
    await withPassword.destroy();
    expect(result.pages[0]!.text.trim()).toBe('Encrypted plan');
  });

  it('refuses a PDF with no pages', async () => {
    expect(await reason(() => readPdfText(bytesOf('bad/zero-pages.pdf'), 'z.pdf'))).toBe('PDF has no pages');
  });

  it('describes pdf.js errors in one line', () => {
    expect(describePdfError(Object.assign(new Error('No password given'), { name: 'PasswordException' }))).toMatch(/password/);
    expect(describePdfError(Object.assign(new Error('Invalid PDF structure.'), { name: 'InvalidPDFException' }))).toBe('invalid PDF (Invalid PDF structure.)');
    expect(describePdfError(new Error('bad xref\nsecond line'))).toBe('unreadable PDF (bad xref)');
  });
});

describe('readPdfDocument (--ocr never): pages and line numbers', () => {
  it('keeps one source line per PDF line: the gold text of seed 003, page by page, with the two-column heading', async () => {
    const doc = await readPdfDocument(await readInputFile(join(FIXTURES, 'lai-chau-767.pdf')), 'l.pdf', NO_OCR);
    expect(doc.kind).toBe('pdf-text');
    expect(doc.pageCount).toBe(7);
    expect(doc.encoding).toBe('pdf');
    const gold = readFileSync(join(FIXTURES, 'sources', 'lai-chau-767.gold.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '').map(norm);
    const lines = doc.pages.flatMap((p) => p.lines);
    expect(lines.map((l) => norm(l.text))).toEqual(gold);
    // The two columns of the heading come back as one line each, left column first.
    expect(norm(doc.pages[0]!.lines[0]!.text)).toBe('ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(norm(doc.pages[0]!.lines[2]!.text)).toBe('Số: 767 /KH-UBND Lai Châu, ngày 31 tháng 3 năm 2021');
    // Positions: page numbers, and 1-based line numbers that restart on every page.
    for (const page of doc.pages) {
      page.lines.forEach((l, i) => {
        expect(l.page).toBe(page.number);
        expect(l.line).toBe(i + 1);
      });
    }
    const heading = lines.find((l) => l.text === 'I. MỤC ĐÍCH, YÊU CẦU')!;
    expect(heading).toMatchObject({ page: 1, line: gold.indexOf('I. MỤC ĐÍCH, YÊU CẦU') + 1 });
    expect(doc.pages[6]!.lines[0]!.text).toMatch(/^Nơi nhận:/);
    expect(doc.warnings).toEqual([]);
  });

  it('warns about a page with no text layer, with its page number', async () => {
    const doc = await readPdfDocument(await readInputFile(join(FIXTURES, 'blank-page.pdf')), 'blank.pdf', NO_OCR);
    expect(doc.pageCount).toBe(3);
    expect(doc.pages.map((p) => p.origin)).toEqual(['pdf-text', 'empty', 'pdf-text']);
    expect(doc.pages[1]!.lines).toEqual([]);
    expect(doc.warnings).toEqual([{ code: 'empty-page', message: expect.stringContaining('page 2'), source: { page: 2, line: 1, endLine: 1 } }]);
    expect(doc.pages[2]!.lines[0]).toMatchObject({ text: 'II. TỔ CHỨC THỰC HIỆN', page: 3, line: 1 });
  });

  it('pageFromText trims blank lines at the ends, normalises to NFC, and marks an empty page', () => {
    const page = pageFromText(4, '\n\n  \nKe\u0302\u0301 hoa\u0323ch\n\nII. NHIỆM VỤ\n \n');
    expect(page).toMatchObject({ number: 4, origin: 'pdf-text' });
    expect(page.lines.map((l) => [l.text, l.line])).toEqual([
      ['Kế hoạch', 1],
      ['', 2],
      ['II. NHIỆM VỤ', 3],
    ]);
    expect(pageFromText(2, ' \n\n')).toMatchObject({ number: 2, origin: 'empty', lines: [] });
  });
});
