/**
 * `npm run fixtures:office`: the Office and HTML fixtures.
 *
 * - Real documents: the Word (.docx, .doc) and Word-HTML (.htm) files of ../shared/real and
 *   ../shared/real/portal are copied, under their original names, to fixtures/real/ and
 *   fixtures/real/portal/ when ../shared is there (a developer's checkout); CI uses the committed
 *   copies.
 * - Synthetic .docx built with the `docx` package (dev dependency): automatic numbering
 *   (I., 1., 1.1., a), bullets), a task table with merged group rows (w:vMerge, w:gridSpan), the
 *   two-column header table and the signer / "Nơi nhận" table, a text box, a footnote, a tracked
 *   deletion and insertion, a comment.
 * - Hostile Office files in fixtures/bad/: a zip bomb (honest and with lying sizes), XXE and
 *   billion-laughs XML, an encrypted OOXML stub (OLE with EncryptionInfo/EncryptedPackage), a
 *   truncated .docx, a corrupt .doc, a .docx that is not a ZIP, a .docx without word/document.xml.
 *
 * Deterministic: fixed timestamps in every ZIP and package property; re-running gives identical bytes.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(ROOT, 'fixtures');
const SHARED_REAL = resolve(ROOT, '..', 'shared', 'real');

/** Office and HTML documents of ../shared/real (and portal/) copied to fixtures/real/ under their own names. */
export function copyRealDocuments(): string[] {
  const copied: string[] = [];
  for (const sub of ['', 'portal']) {
    const from = join(SHARED_REAL, sub);
    if (!existsSync(from)) continue;
    const to = join(FIXTURES, 'real', sub);
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from).sort()) {
      if (!/\.(docx|doc|htm|html)$/i.test(name)) continue;
      // ../shared is read-only: the copy is made writable so that the next run can replace it
      rmSync(join(to, name), { force: true });
      copyFileSync(join(from, name), join(to, name));
      chmodSync(join(to, name), 0o644);
      copied.push(join('real', sub, name));
    }
  }
  return copied;
}

async function main(): Promise<void> {
  const copied = copyRealDocuments();
  console.log(copied.length ? `copied ${copied.length} real documents to fixtures/real/` : 'no ../shared/real: kept the committed copies');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
