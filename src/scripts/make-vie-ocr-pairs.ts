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
 *
 * --scan: pages degraded like the real stamped government scans (lighter ink, two blur passes,
 * stronger noise, JPEG quality 20–40, a grey seal-like ring over some lines on half the pages),
 * read by the native `tesseract -l vie --psm 3` (the Debian model, faster than tesseract.js);
 * training pages from documents ≡ 7 or 17 mod 50, written to vie-scan-pairs.tsv. The lines of
 * a page are paired with the typeset lines by a monotone alignment (pairLines): a seal's junk lines
 * and lost lines drop out; a page keeping fewer than half its lines is skipped.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorker, OEM } from 'tesseract.js';
import { forEachCorpusDocument, HELD_OUT_EVERY, isHeldOutDocument } from '../repair/corpus.js';
import { dataPath, packageRoot } from '../util/paths.js';
import { alignLines } from './align-lines.js';
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
const scan = process.argv.includes('--scan');
const isTrainDoc = (index: number) => index % HELD_OUT_EVERY === 7 || (scan && index % HELD_OUT_EVERY === 17);

interface PageJob { split: 'train' | 'eval'; doc: number; page: number; lines: string[] }

function collectPages(): PageJob[] {
  const jobs: PageJob[] = [];
  let nTrain = 0;
  let nEval = 0;
  forEachCorpusDocument(join(root, '..', 'shared', 'corpus'), (d) => {
    const split = isHeldOutDocument(d.index) ? 'eval' : isTrainDoc(d.index) ? 'train' : undefined;
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

/** One page as a real stamped scan, read by the native tesseract with the system vie model. */
async function nativeScanOcr(job: PageJob, k: number, work: string): Promise<string> {
  const fontPt = job.doc % 2 === 0 ? 13 : 14;
  const seed = 5000 + job.doc * 31 + job.page;
  const { jpeg } = await scanJpeg(job.lines, {
    dpi: 200, fontPt, seed, noise: 16 + (k % 4) * 6, tiltDeg: ((k % 5) - 2) * 0.25,
    ink: 50 + (k % 3) * 25, blurPasses: 2, stamp: k % 2 === 0,
  }, 20 + (k % 3) * 10);
  const file = join(work, `page-${k}.jpg`);
  writeFileSync(file, jpeg);
  return execFileSync('tesseract', [file, '-', '-l', 'vie', '--psm', '3'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

const skel = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
/** Share of the truth line's words whose letters (marks aside) the OCR line has, in order. */
function overlap(ocr: string, truth: string): number {
  const a = ocr.split(' ').map(skel);
  const b = truth.split(' ').map(skel);
  const W = b.length + 1;
  const d = new Int32Array((a.length + 1) * W);
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) {
    d[i * W + j] = Math.max(d[(i - 1) * W + j]!, d[i * W + j - 1]!, d[(i - 1) * W + j - 1]! + (a[i - 1] === b[j - 1] ? 1 : 0));
  }
  return d[a.length * W + b.length]! / Math.max(1, b.length);
}

/**
 * Monotone pairing of OCR lines with typeset lines (a seal makes junk lines, a line may be lost):
 * a dynamic programme over both sequences maximising the summed overlap; pairs whose OCR line
 * keeps at least 80% of the truth line's words (letters aside from marks) are kept.
 */
function pairLines(ocr: readonly string[], truth: readonly string[]): [string, string][] {
  return alignLines(ocr, truth, overlap, 0.8);
}

async function mainScan(): Promise<void> {
  const jobs = collectPages();
  const work = mkdtempSync(join(tmpdir(), 'vie-scan-pairs-'));
  const rows: string[] = [];
  let skipped = 0;
  const t0 = Date.now();
  try {
    for (const [k, job] of jobs.entries()) {
      const text = await nativeScanOcr(job, k, work);
      const ocr = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
      const pairs = pairLines(ocr, job.lines);
      if (pairs.length < job.lines.length / 2) { skipped++; continue; }
      for (const [o, t] of pairs) rows.push([job.split, String(job.doc), String(job.page), o, t].join('\t'));
      console.error(`${k + 1}/${jobs.length} doc ${job.doc} ${job.split} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(dataPath('repair', 'synthetic', 'vie-scan-pairs.tsv'), rows.join('\n') + '\n');
  console.error(`wrote ${rows.length} line pairs from ${jobs.length - skipped} pages (${skipped} pages skipped: line count differs)`);
}

async function main(): Promise<void> {
  if (scan) return mainScan();
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
