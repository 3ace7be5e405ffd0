/**
 * Make English-OCR (ocr, truth) line pairs from corpus pages read by the native `tesseract -l eng`,
 * the damage of the seeds (scans OCR'd by an English-only engine: S6, x4 hoi, Trung wong, 1a).
 *
 * Pages of corpus documents are typeset like government documents (Liberation Serif, the Times New
 * Roman metric clone of `fonts-liberation2`, when installed, else DejaVu Serif; 13–14 pt), rendered
 * at 200 or 300 dpi, degraded (blur, noise, tilt, ink, JPEG) with settings that vary page by page,
 * and read back by the native tesseract (OMP_THREAD_LIMIT=1). OCR lines are paired with the
 * typeset lines by a monotone alignment on character bigrams of the letters (marks aside), so a
 * lost or split line drops out instead of shifting the rest.
 *
 * Splits (the corpus held-out documents, index % 50 === 0, are never read here):
 *   - `train`: documents ≡ 13, 23, 33, 43 (mod 50): the channel learns from them (build:lm);
 *   - `tune`: documents ≡ 27 (mod 50): the set the English-OCR settings are tuned and errors
 *     classified on (eval:repair prints it as a tuning figure, never as a held-out one).
 * Output: src/data/repair/synthetic/eng-scan-pairs.tsv (split, doc, page, ocr, truth).
 * Deterministic rendering; OCR ~3–8 s a page niced:
 *   nice -n 15 npx tsx src/scripts/make-eng-ocr-pairs.ts [--train 60] [--tune 20]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { forEachCorpusDocument, HELD_OUT_EVERY, isHeldOutDocument } from '../repair/corpus.js';
import { dataPath, packageRoot } from '../util/paths.js';
import { alignLines } from './align-lines.js';
import { scanJpeg, typeset } from './build-scan-fixtures.js';

const root = packageRoot();
function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}
const trainPages = arg('--train', 60);
const tunePages = arg('--tune', 20);

const LIBERATION = '/usr/share/fonts/truetype/liberation2';
const families: { regular: string; bold: string }[] = [{ regular: '"Fixture Serif"', bold: '"Fixture Serif Bold"' }];
if (existsSync(join(LIBERATION, 'LiberationSerif-Regular.ttf'))) {
  GlobalFonts.registerFromPath(join(LIBERATION, 'LiberationSerif-Regular.ttf'), 'Pairs Times');
  GlobalFonts.registerFromPath(join(LIBERATION, 'LiberationSerif-Bold.ttf'), 'Pairs Times Bold');
  // Times-like print is what the scanned plans use: two pages in three
  families.unshift({ regular: '"Pairs Times"', bold: '"Pairs Times Bold"' }, { regular: '"Pairs Times"', bold: '"Pairs Times Bold"' });
} else console.error('fonts-liberation2 not installed: DejaVu Serif only');

type Split = 'train' | 'tune';
const splitOf = (index: number): Split | undefined => {
  if (isHeldOutDocument(index)) return undefined;
  const r = index % HELD_OUT_EVERY;
  return r === 27 ? 'tune' : [13, 23, 33, 43].includes(r) ? 'train' : undefined;
};

interface PageJob { split: Split; doc: number; page: number; lines: string[]; k: number; fontPt: number; family: { regular: string; bold: string } }

function collectPages(): PageJob[] {
  const jobs: PageJob[] = [];
  const n = { train: 0, tune: 0 };
  const want = { train: trainPages, tune: tunePages };
  forEachCorpusDocument(join(root, '..', 'shared', 'corpus'), (d) => {
    const split = splitOf(d.index);
    if (!split || n[split] >= want[split]) return;
    const body = d.lines.filter((l) => l.trim().length > 0).slice(4).filter((l) => !/^\(Điều .*\)$/.test(l.trim()));
    const k = jobs.length;
    const family = families[k % families.length]!;
    const fontPt = k % 2 === 0 ? 13 : 14;
    // at most two pages of a document: more documents, more kinds of text
    const pages = typeset(body, 2, { dpi: 200, fontPt, family });
    for (const [pi, lines] of pages.entries()) {
      if (lines.length < 10 || n[split] >= want[split]) continue;
      jobs.push({ split, doc: d.index, page: pi, lines, k: jobs.length, fontPt, family });
      n[split]++;
    }
  });
  return jobs;
}

async function ocrPage(job: PageJob, work: string): Promise<string> {
  const { k, fontPt, family } = job;
  const dpi = k % 3 === 2 ? 200 : 300;
  const { jpeg } = await scanJpeg(job.lines, {
    dpi, fontPt, family, seed: 9000 + job.doc * 31 + job.page, noise: 8 + (k % 4) * 6,
    tiltDeg: ((k % 5) - 2) * 0.2, ink: 17 + (k % 3) * 25, blurPasses: 1 + (k % 2),
  }, 35 + (k % 4) * 12);
  const file = join(work, `page-${k}.jpg`);
  writeFileSync(file, jpeg);
  return execFileSync('tesseract', [file, '-', '-l', 'eng', '--psm', '3'], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
}

const letters = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]/g, '');
/** Dice coefficient of the character bigrams of two lines' letters (marks and case aside). */
function similarity(a: string, b: string): number {
  const x = letters(a);
  const y = letters(b);
  if (x.length < 2 || y.length < 2) return x === y ? 1 : 0;
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < x.length; i++) { const g = x.slice(i, i + 2); grams.set(g, (grams.get(g) ?? 0) + 1); }
  let common = 0;
  for (let i = 0; i + 1 < y.length; i++) {
    const g = y.slice(i, i + 2);
    const c = grams.get(g) ?? 0;
    if (c > 0) { common++; grams.set(g, c - 1); }
  }
  return (2 * common) / (x.length - 1 + y.length - 1);
}

/** Monotone pairing maximising the summed similarity; pairs under 0.6 are not kept. */
function pairLines(ocr: readonly string[], truth: readonly string[]): [string, string][] {
  return alignLines(ocr, truth, similarity, 0.6);
}

async function main(): Promise<void> {
  const jobs = collectPages();
  const work = mkdtempSync(join(tmpdir(), 'eng-scan-pairs-'));
  const rows: string[] = [];
  let skipped = 0;
  const t0 = Date.now();
  try {
    for (const job of jobs) {
      const text = await ocrPage(job, work);
      const ocr = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
      const pairs = pairLines(ocr, job.lines);
      if (pairs.length < job.lines.length / 2) { skipped++; continue; }
      for (const [o, t] of pairs) rows.push([job.split, String(job.doc), String(job.page), o, t].join('\t'));
      console.error(`${job.k + 1}/${jobs.length} doc ${job.doc} ${job.split} ${pairs.length}/${job.lines.length} lines ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(dataPath('repair', 'synthetic', 'eng-scan-pairs.tsv'), rows.join('\n') + '\n');
  console.error(`wrote ${rows.length} line pairs from ${jobs.length - skipped} pages (${skipped} skipped: fewer than half the lines paired)`);
}

main().catch((e) => { console.error(e); process.exit(1); });
