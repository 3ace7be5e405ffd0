import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTruth } from '../repair/page-accuracy.js';
import type { ViePair } from '../repair/vie-channel.js';

/**
 * The real scans the Vietnamese-OCR repair is measured on, and which of them its settings were
 * tuned on: BCA 996 (tuning) and HCM 753 (the check it was never tuned on; the table layout
 * rule of src/backends/ocr-tables.ts, centred cells, was made looking at HCM pages 3 and 4).
 */
export interface RealScan {
  /** key of the truth files: tests/ocr/data/real/<key>-p<N>.truth.txt */
  key: string;
  /** file name under tests/ocr/data/real/ */
  file: string;
  /** path under ../shared/real/ (for the copy script only) */
  sharedPath: string;
  /** pages with printed text (page 4 of BCA 996 is blank) */
  pages: number[];
  role: 'tuning' | 'check';
}

export const REAL_SCANS: readonly RealScan[] = [
  { key: 'bca-996', file: 'BCA-996-KH-TCTLNTW-C04-scanned.pdf', sharedPath: 'BCA-996-KH-TCTLNTW-C04-scanned.pdf', pages: [1, 2, 3], role: 'tuning' },
  { key: 'hcm-753', file: 'hcm-DHCongThuong-753-KH-DCT-2026-06-scanned.pdf', sharedPath: 'portal/hcm-DHCongThuong-753-KH-DCT-2026-06-scanned.pdf', pages: [1, 2, 3, 4], role: 'check' },
];

/**
 * The tuning scans' pages as training pairs of the Vietnamese-OCR channel: the tool's unrepaired
 * OCR of a page (tests/repair/data/real-scans, written by `npm run eval:scans -- --write-fixtures`)
 * and its truth, each as one line (the channel aligns their tokens). Real scans lose marks that
 * the synthetic pages keep (the hook of tổ, kiểm, triển: DejaVu's marks are larger than Times').
 */
export function tuningScanPairs(root: string): ViePair[] {
  return REAL_SCANS.filter((s) => s.role === 'tuning').flatMap((s) => s.pages.map((page) => ({
    split: 'train',
    doc: -1,
    ocr: readFileSync(join(root, 'tests', 'repair', 'data', 'real-scans', `${s.key}-p${page}.ocr.txt`), 'utf8').split('\n').filter(Boolean).join(' '),
    truth: readTruth(join(root, 'tests', 'ocr', 'data', 'real', `${s.key}-p${page}.truth.txt`)).join(' '),
  })));
}
