/**
 * The Vietnamese-OCR pass (`repairLines(lines, { ocr: true })`) on real stamped scans: the tool's
 * unrepaired OCR of the BCA 996 (tuning) and HCM 753 (check, never tuned on) pages
 * (tests/repair/data/real-scans, written by `npm run eval:scans -- --write-fixtures`) against
 * their hand-written truths (tests/ocr/data/real).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unchangedShare } from '../../src/repair/evaluate.js';
import { loadRepairModel } from '../../src/repair/index.js';
import { pageAccuracy, readTruth } from '../../src/repair/page-accuracy.js';
import { REAL_SCANS } from '../../src/scripts/eval-real-scans-data.js';

const here = dirname(fileURLToPath(import.meta.url));
const model = loadRepairModel();

function scanPages(key: string) {
  const scan = REAL_SCANS.find((s) => s.key === key)!;
  const pages = scan.pages.map((p) => ({
    ocr: readFileSync(join(here, 'data', 'real-scans', `${key}-p${p}.ocr.txt`), 'utf8').split('\n').filter(Boolean),
    truth: readTruth(join(here, '..', 'ocr', 'data', 'real', `${key}-p${p}.truth.txt`)),
  }));
  // the pipeline repairs a document's OCR lines at once
  const out = model.repairLines(pages.flatMap((p) => p.ocr), { ocr: true });
  let k = 0;
  return pages.map((p) => {
    const repaired = out.lines.slice(k, k + p.ocr.length);
    k += p.ocr.length;
    return { ...p, repaired, channel: out.channel, raw: pageAccuracy(p.ocr, p.truth).accuracy, fixed: pageAccuracy(repaired, p.truth).accuracy };
  });
}

describe('Vietnamese-OCR pass on real scans', () => {
  const bca = scanPages('bca-996');
  const hcm = scanPages('hcm-753');
  const mean = (xs: { fixed: number }[]) => xs.reduce((s, x) => s + x.fixed, 0) / xs.length;

  it('takes the Vietnamese-OCR channel', () => {
    expect(bca[0]!.channel).toBe('vie-ocr');
    expect(hcm[0]!.channel).toBe('vie-ocr');
  });

  it('makes no page worse', () => {
    for (const p of [...bca, ...hcm]) expect(p.fixed).toBeGreaterThanOrEqual(p.raw);
  });

  it('reaches the measured accuracy (BCA 996 tuned on: 0.9540 -> 0.9751; HCM 753 check: 0.9474 -> 0.9636)', () => {
    expect(mean(bca)).toBeGreaterThanOrEqual(0.975);
    expect(mean(hcm)).toBeGreaterThanOrEqual(0.963);
  });

  it('restores the marks the scans lost in running text', () => {
    const text = bca.flatMap((p) => p.repaired).join('\n');
    const raw = bca.flatMap((p) => p.ocr).join('\n');
    expect(raw).toMatch(/tô chức/);
    expect(text).not.toMatch(/tô chức/);
    expect(text).toMatch(/các cơ quan, tổ chức, cá nhân/);
    expect(raw).toMatch(/kiêm soát/);
    expect(text).not.toMatch(/kiêm soát/);
  });

  it('leaves the clean truths through the same pass (nearly) unchanged', () => {
    for (const p of [...bca, ...hcm]) {
      const u = unchangedShare(p.truth, model.repairLines(p.truth, { ocr: true }).lines);
      expect(u.total - u.same).toBeLessThanOrEqual(1);
    }
  });
});

describe('Vietnamese-OCR pass on the mark errors of issue 10', () => {
  it('fixes what the language model is sure of', () => {
    const lines = [
      'Căn cứ Nghị quyết của Hội đông nhân dân tỉnh về việc giao quyên tự chủ cho các cơ quan, tổ chức;',
      'Xét Tờ trình sô 125/TTr-SNV của Sở Nội vụ về cơ cầu tổ chức bộ máy;',
      'Tổ chúc thực hiện theo chỉ đạo của Chú tịch Ủy ban nhân dân tỉnh.',
    ];
    expect(loadRepairModel().repairLines(lines, { ocr: true }).lines).toEqual([
      'Căn cứ Nghị quyết của Hội đồng nhân dân tỉnh về việc giao quyền tự chủ cho các cơ quan, tổ chức;',
      'Xét Tờ trình số 125/TTr-SNV của Sở Nội vụ về cơ cấu tổ chức bộ máy;',
      'Tổ chức thực hiện theo chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh.',
    ]);
  });

  it('keeps a non-syllable with marks when no syllable of its letters fits better', () => {
    // "Nguyễn" and codes stay; a broken syllable with a syllable's letters is repaired
    const r = loadRepairModel().repairLines(['Ông Nguyễn Văn An triên khai kế hoạch số 12/KH-UBND.'], { ocr: true });
    expect(r.lines[0]).toBe('Ông Nguyễn Văn An triển khai kế hoạch số 12/KH-UBND.');
  });

  it('leaves capitalised non-syllables (names of villages) as written', () => {
    // in a clean page (a lone short line with two unknown words would look damaged)
    const page = [...readTruth(join(here, '..', 'ocr', 'data', 'real', 'bca-996-p1.truth.txt')), 'Nhân dân thôn Trấp và bản Lúi tham gia đầy đủ.'];
    const r = loadRepairModel().repairLines(page, { ocr: true });
    expect(r.channel).toBe('vie-ocr');
    expect(r.lines.at(-1)).toBe(page.at(-1));
  });
});
