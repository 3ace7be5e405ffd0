/**
 * `npm run fixtures:scans`: the two real scanned plans of ../shared/real that the Vietnamese-OCR
 * repair is measured on (`npm run eval:scans`) copied to tests/ocr/data/real/ under their original
 * names. Their hand-written page truths (<doc>-p<N>.truth.txt) sit beside them; the evaluation
 * renders the pages itself (pdftoppm, 200 dpi) and never reads ../shared. Without ../shared (CI)
 * the committed copies are kept.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/paths.js';
import { REAL_SCANS } from './eval-real-scans-data.js';

const root = packageRoot();
const to = join(root, 'tests', 'ocr', 'data', 'real');
mkdirSync(to, { recursive: true });
let copied = 0;
for (const scan of REAL_SCANS) {
  const from = join(root, '..', 'shared', 'real', scan.sharedPath);
  if (!existsSync(from)) continue;
  copyFileSync(from, join(to, scan.file));
  chmodSync(join(to, scan.file), 0o644);
  copied++;
}
console.log(copied ? `copied ${copied} scanned PDFs to tests/ocr/data/real/` : 'no ../shared/real: kept the committed copies');
