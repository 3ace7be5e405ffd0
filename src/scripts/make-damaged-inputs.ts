/**
 * Damaged twins of the development documents, for `npm run eval:extract`'s DAMAGED group: each
 * tests/data document that has an expected record is typeset (two-column header and signature
 * lines kept apart), scanned (200 dpi, light noise and tilt, JPEG) and read back by tesseract.js
 * with its *English* model, which loses the diacritics and confuses letters the way the text
 * layers of the seeds did ("S6: 30 /KH-UBND", "Trung wong"). The extraction then runs on that
 * text, repair included, and is scored against the clean document's expected record: how much
 * of the structure and content survives English OCR.
 *
 * Output: tests/damaged/<name>.txt, pages separated by form feeds. Deterministic for a given
 * tesseract.js and model. Seeds 000–002 are never read.
 *
 * Usage: npm run fixtures:damaged [-- name…]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorker, OEM } from 'tesseract.js';
import { scanJpeg, typeset } from './build-scan-fixtures.js';
import { packageRoot } from '../util/paths.js';

const root = packageRoot();
const DATA = join(root, 'tests', 'data');
export const DAMAGED_DIR = join(root, 'tests', 'damaged');
const DPI = 200;

/** Documents that are already OCR output (the seeds' own damaged texts) are not scanned again. */
const ALREADY_DAMAGED = /^(00\d-|damaged-)|\.ocr(-\w+)?$/;

/** The development documents with an expected record and a text input. */
export function damageableDocuments(): string[] {
  return readdirSync(DATA)
    .filter((f) => f.endsWith('.expected.yaml'))
    .map((f) => f.slice(0, -'.expected.yaml'.length))
    .filter((name) => !ALREADY_DAMAGED.test(name) && existsSync(join(DATA, `${name}.txt`)))
    .sort();
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : damageableDocuments();
  mkdirSync(DAMAGED_DIR, { recursive: true });
  const langPath = join(root, 'node_modules', '@tesseract.js-data', 'eng', '4.0.0');
  const worker = await createWorker('eng', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
  try {
    for (const name of names) {
      // the scan's noise comes from the name, so adding a document leaves the others' twins as they are
      const seed = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 100_000, 7) * 10;
      const source = readFileSync(join(DATA, `${name}.txt`), 'utf8').split('\n');
      const pages = typeset(source, 1000, { dpi: DPI, fontPt: 13, columns: true });
      const texts: string[] = [];
      for (const [i, lines] of pages.entries()) {
        const scan = await scanJpeg(lines, { dpi: DPI, fontPt: 13, seed: seed + i, noise: 8, tiltDeg: 0.2, columns: true }, 70);
        const { data } = await worker.recognize(scan.jpeg);
        texts.push(data.text.trimEnd());
      }
      writeFileSync(join(DAMAGED_DIR, `${name}.txt`), texts.join('\n\f\n') + '\n');
      console.error(`${name}: ${pages.length} pages`);
    }
  } finally {
    await worker.terminate();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
