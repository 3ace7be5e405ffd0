/**
 * Tuning of the Vietnamese-OCR pass (how its settings were chosen; `npx tsx src/scripts/tune-vie-ocr.ts`,
 * niced): for a grid of the flat per-change cost (vieChangeCost) and the evidence threshold
 * (vieMinConfidence), with the mark channel learned from the training pairs (and the tuning
 * scan's pages, unless --synthetic-only), it prints
 *   - the tuning real scan (BCA 996, tool's unrepaired OCR in tests/repair/data/real-scans/):
 *     page accuracies and their mean;
 *   - training pages only of the synthetic pairs (vie-pairs.tsv: clean pages, tesseract.js;
 *     vie-scan-pairs.tsv: stamped scan-like pages, native tesseract): lines made better / worse;
 *   - seed 004's Vietnamese OCR against its rendered text;
 *   - clean text through the same pass (truth lines of those pages): syllables changed.
 * Never the held-out synthetic pages, never the check document (HCM 753), never seeds 000–002.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepairModel, type RepairModel } from '../repair/index.js';
import { syllableAccuracy, unchangedShare } from '../repair/evaluate.js';
import { readModelData } from '../repair/model-data.js';
import { pageAccuracy, readTruth } from '../repair/page-accuracy.js';
import { SEED004 } from '../repair/training.js';
import { buildVieChannel, readViePairs } from '../repair/vie-channel.js';
import { dataPath, packageRoot } from '../util/paths.js';
import { REAL_SCANS, tuningScanPairs } from './eval-real-scans-data.js';

const root = packageRoot();
const synth = (f: string) => dataPath('repair', 'synthetic', f);
const withReal = !process.argv.includes('--synthetic-only');
const data = { ...readModelData(dataPath('repair')), vieChannel: buildVieChannel([synth('vie-pairs.tsv'), synth('vie-scan-pairs.tsv')], withReal ? tuningScanPairs(packageRoot()) : []) };
const fixtures = join(root, 'tests', 'repair', 'data', 'real-scans');
const tuning = REAL_SCANS.filter((s) => s.role === 'tuning');
const realPages = tuning.map((s) => s.pages.map((p) => ({
  ocr: readFileSync(join(fixtures, `${s.key}-p${p}.ocr.txt`), 'utf8').split('\n').filter(Boolean),
  truth: readTruth(join(root, 'tests', 'ocr', 'data', 'real', `${s.key}-p${p}.truth.txt`)),
})));
const trainPages = (file: string) => {
  const pages = new Map<string, { ocr: string[]; truth: string[] }>();
  for (const p of readViePairs(synth(file))) {
    if (p.split !== 'train') continue;
    const key = String(p.doc);
    const page = pages.get(key) ?? pages.set(key, { ocr: [], truth: [] }).get(key)!;
    page.ocr.push(p.ocr);
    page.truth.push(p.truth);
  }
  return [...pages.values()];
};
const synthSets = { 'vie-pairs train': trainPages('vie-pairs.tsv'), 'vie-scan-pairs train': trainPages('vie-scan-pairs.tsv') };
const ocr004 = readFileSync(join(root, '..', 'shared', 'dev', `${SEED004}.ocr-vie.txt`), 'utf8').split('\n');
const rendered004 = readFileSync(join(root, '..', 'shared', 'dev', `${SEED004}.rendered.txt`), 'utf8').split('\n');

function lineDelta(m: RepairModel, pages: { ocr: string[]; truth: string[] }[]): string {
  let better = 0; let worse = 0; let n = 0; let a = 0; let b = 0; let t = 0;
  for (const pg of pages) {
    const out = m.repairLines(pg.ocr, { ocr: true }).lines;
    pg.ocr.forEach((o, i) => {
      const x = syllableAccuracy([o], [pg.truth[i]!]);
      const y = syllableAccuracy([out[i]!], [pg.truth[i]!]);
      if (y.correct > x.correct) better++; else if (y.correct < x.correct) worse++;
      n++; a += x.correct; b += y.correct; t += x.total;
    });
  }
  return `${(a / t).toFixed(4)}->${(b / t).toFixed(4)} better ${better} / worse ${worse} of ${n}`;
}

const costs = process.argv.includes('--costs') ? process.argv[process.argv.indexOf('--costs') + 1]!.split(',').map(Number) : [4, 3, 2, 1.5, 1, 0.5, 0];
const confs = process.argv.includes('--confs') ? process.argv[process.argv.indexOf('--confs') + 1]!.split(',').map(Number) : [0, 0.5, 0.7, 0.9];
for (const vieChangeCost of costs) {
  for (const vieMinConfidence of confs) {
    const m = createRepairModel(data, { vieChangeCost, vieMinConfidence });
    const real = realPages.map((pages) => {
      const out = m.repairLines(pages.flatMap((p) => p.ocr), { ocr: true }).lines;
      let k = 0;
      return pages.map((p) => { const r = pageAccuracy(out.slice(k, k + p.ocr.length), p.truth).accuracy; k += p.ocr.length; return r; });
    }).flat();
    const one = (ls: string[]) => [ls.join(' ')];
    const a004 = syllableAccuracy(one(m.repairLines(ocr004, { ocr: true }).lines), one(rendered004)).accuracy;
    // clean text through the same pass: the truths of the training pages must come out unchanged
    let changedClean = 0; let cleanTotal = 0;
    for (const pg of [...synthSets['vie-pairs train'], ...realPages.flat().map((p) => ({ ocr: p.truth, truth: p.truth }))]) {
      const u = unchangedShare(pg.truth, m.repairLines(pg.truth, { ocr: true }).lines);
      changedClean += u.total - u.same; cleanTotal += u.total;
    }
    const synthText = `clean truths changed ${changedClean}/${cleanTotal} | ` + Object.entries(synthSets).map(([k, v]) => `${k} ${lineDelta(m, v)}`).join(' | ');
    console.log(`cost ${vieChangeCost} conf ${vieMinConfidence}: real ${real.map((x) => x.toFixed(4)).join(' ')} mean ${(real.reduce((s, x) => s + x, 0) / real.length).toFixed(4)} | 004 ${a004.toFixed(4)} | ${synthText}`);
  }
}
