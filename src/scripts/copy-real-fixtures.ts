/**
 * `npm run fixtures:real`: the text and Markdown documents of ../shared/real and
 * ../shared/real/portal (the BNNMT text converted from PDF, poppler's text of the 1105 PDF, the
 * legal-portal pages) copied under their original names to fixtures/real/ and fixtures/real/portal/,
 * beside the Word and HTML ones that `npm run fixtures:office` copies. Without ../shared (CI) the
 * committed copies are kept. The scanned PDFs (1.2 and 2.5 MB, minutes of OCR) are not copied.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, ROOT } from './build-office-fixtures.js';

const SHARED_REAL = join(ROOT, '..', 'shared', 'real');
const TEXT = /\.(txt|md|markdown)$/i;

export function copyRealTextDocuments(): string[] {
  const copied: string[] = [];
  for (const sub of ['', 'portal']) {
    const from = join(SHARED_REAL, sub);
    if (!existsSync(from)) continue;
    const to = join(FIXTURES, 'real', sub);
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from).sort()) {
      // README.md describes the folder; it is no document.
      if (!TEXT.test(name) || name === 'README.md') continue;
      rmSync(join(to, name), { force: true });
      copyFileSync(join(from, name), join(to, name));
      chmodSync(join(to, name), 0o644);
      copied.push(join('real', sub, name));
    }
  }
  return copied;
}

const copied = copyRealTextDocuments();
console.log(copied.length ? `copied ${copied.length} real text documents to fixtures/real/` : 'no ../shared/real: kept the committed copies');
