/**
 * The real scans the Vietnamese-OCR repair is measured on, and which of them its settings were
 * tuned on: BCA 996 (tuning) and HCM 753 (the check it was never tuned on).
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
