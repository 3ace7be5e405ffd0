/**
 * Scanned twins of the development documents that hold tables, for `npm run eval:extract`'s
 * SCANNED group: each tests/data document with an expected record and a pipe table is typeset
 * with its tables ruled, as a plan's task and indicator tables are printed (two-column header and
 * signature lines kept apart), scanned (200 dpi, light noise and tilt, JPEG) and saved as an
 * image-only PDF. The tool then OCRs it with the Vietnamese model, reads the tables from the
 * ruling lines tesseract finds (src/backends/ocr-tables.ts), and is scored against the clean
 * document's expected record: how much of a scanned plan's tables survives.
 *
 * Output: tests/scanned/<name>.pdf. Deterministic (the noise is seeded by the name). Seeds
 * 000–002 are never read.
 *
 * Usage: npm run fixtures:scanned [-- name…]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { imagePdf, scanJpeg, typeset } from './build-scan-fixtures.js';
import { damageableDocuments } from './make-damaged-inputs.js';
import { packageRoot } from '../util/paths.js';

const root = packageRoot();
const DATA = join(root, 'tests', 'data');
export const SCANNED_DIR = join(root, 'tests', 'scanned');
const DPI = 200;

/** A document with at least three pipe-table rows. */
const hasTable = (text: string) => (text.match(/^.* \| .*$/gm) ?? []).length >= 3;

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : damageableDocuments().filter((n) => hasTable(readFileSync(join(DATA, `${n}.txt`), 'utf8')));
  mkdirSync(SCANNED_DIR, { recursive: true });
  for (const name of names) {
    const seed = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 100_000, 11) * 10;
    const source = readFileSync(join(DATA, `${name}.txt`), 'utf8').split('\n');
    const pages = typeset(source, 1000, { dpi: DPI, fontPt: 13, columns: true, tables: true });
    const scans = [];
    for (const [i, lines] of pages.entries()) scans.push(await scanJpeg(lines, { dpi: DPI, fontPt: 13, seed: seed + i, noise: 6, tiltDeg: 0.3, columns: true, tables: true }, 55));
    const pdf = await imagePdf(scans, DPI);
    writeFileSync(join(SCANNED_DIR, `${name}.pdf`), pdf);
    console.error(`${name}: ${pages.length} pages, ${pdf.length} bytes`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
