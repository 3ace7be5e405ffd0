/**
 * Make synthetic Vietnamese-OCR (ocr, truth) line pairs for the Vietnamese-OCR repair channel.
 *
 * Corpus documents (../shared/corpus) are typeset like government documents (DejaVu Serif
 * 13–14 pt, 200 dpi), degraded (blur, noise, slight tilt, JPEG) and read back with tesseract.js's
 * `vie` model (node_modules, offline). Pages whose OCR line count equals the typeset line count
 * are paired line by line.
 *
 * Documents: training pages come from documents with index % 50 === 7 (in the training part of
 * the corpus), evaluation pages from held-out documents (index % 50 === 0, see corpus.ts) only.
 * Output: src/data/repair/synthetic/vie-pairs.tsv (or eng-pairs.tsv with --lang eng) with columns
 *   split, doc, page, ocr, truth.
 * Deterministic rendering (seeded noise); run once, niced (a few seconds of OCR per page):
 *   nice -n 10 npx tsx src/scripts/make-vie-ocr-pairs.ts [--train 24] [--eval 12]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorker, OEM } from 'tesseract.js';
import { forEachCorpusDocument, HELD_OUT_EVERY, isHeldOutDocument } from '../repair/corpus.js';
import { dataPath, packageRoot } from '../util/paths.js';
import { scanJpeg, typeset } from './build-scan-fixtures.js';

const root = packageRoot();
function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}
const trainPages = arg('--train', 24);
const evalPages = arg('--eval', 12);
// --lang eng: the same pages read by the English model (English-OCR damage), written to eng-pairs.tsv
const lang = process.argv.includes('--lang') ? process.argv[process.argv.indexOf('--lang') + 1]! : 'vie';

interface PageJob { split: 'train' | 'eval'; doc: number; page: number; lines: string[] }

function collectPages(): PageJob[] {
  const jobs: PageJob[] = [];
  let nTrain = 0;
  let nEval = 0;
  forEachCorpusDocument(join(root, '..', 'shared', 'corpus'), (d) => {
    const split = isHeldOutDocument(d.index) ? 'eval' : d.index % HELD_OUT_EVERY === 7 ? 'train' : undefined;
    if (!split) return;
    if (split === 'train' ? nTrain >= trainPages : nEval >= evalPages) return;
    // skip the title block: start at the 5th non-empty line, keep prose-like lines
    const body = d.lines.filter((l) => l.trim().length > 0).slice(4).filter((l) => !/^\(Điều .*\)$/.test(l.trim()));
    const fontPt = d.index % 2 === 0 ? 13 : 14;
    const pages = typeset(body, 1, { dpi: 200, fontPt });
    for (const [pi, lines] of pages.entries()) {
      if (lines.length < 10) continue;
      jobs.push({ split, doc: d.index, page: pi, lines });
      if (split === 'train') nTrain++; else nEval++;
    }
  });
  return jobs;
}

async function main(): Promise<void> {
  const jobs = collectPages();
  const langPath = join(root, 'node_modules', '@tesseract.js-data', lang, '4.0.0_best_int');
  const worker = await createWorker(lang, OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
  const rows: string[] = [];
  let skipped = 0;
  const t0 = Date.now();
  for (const [k, job] of jobs.entries()) {
    const fontPt = job.doc % 2 === 0 ? 13 : 14;
    const { jpeg } = await scanJpeg(job.lines, { dpi: 200, fontPt, seed: 1000 + job.doc, noise: 12 + (job.doc % 4) * 8, tiltDeg: ((job.doc % 5) - 2) * 0.2 }, 35 + (job.doc % 3) * 12);
    const { data } = await worker.recognize(jpeg);
    const ocr = data.text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
    if (ocr.length !== job.lines.length) { skipped++; continue; }
    ocr.forEach((o, i) => rows.push([job.split, String(job.doc), String(job.page), o, job.lines[i]!].join('\t')));
    console.error(`${k + 1}/${jobs.length} doc ${job.doc} ${job.split} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  await worker.terminate();
  writeFileSync(dataPath('repair', 'synthetic', `${lang}-pairs.tsv`), rows.join('\n') + '\n');
  console.error(`wrote ${rows.length} line pairs from ${jobs.length - skipped} pages (${skipped} pages skipped: line count differs)`);
}

main().catch((e) => { console.error(e); process.exit(1); });
