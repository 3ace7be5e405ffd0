/**
 * `npm run bench` (builds first): how much the whole pipeline costs over pdf-parse's own text extraction.
 *
 * 1. Typesets a ≥100-page text-layer PDF from the seed-003 fixture text (its pages repeated) into a temp dir.
 * 2. In one process, interleaved, several repetitions each of
 *    - pdf-parse alone: new PDFParse({ data }).getText()
 *    - the full pipeline: extractFile() (decode, repair check, header, sections, … validated record)
 *    and reports the median seconds of each and their ratio (target ≤ 2×).
 * 3. Peak RSS of the pipeline in a fresh process: the built CLI under /usr/bin/time -v when present,
 *    otherwise a child node process reporting process.resourceUsage().maxRSS (target ≤ 400 MB).
 *
 * Options: --pages N (default 105), --reps N (default 7).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { laiChauLayout, renderPdf, ROOT, type LayoutLine } from './build-fixtures.js';
import { extractFile } from '../extract.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} expects a whole number`);
  return n;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function makeBenchPdf(minPages: number, file: string): Promise<number> {
  const one = laiChauLayout();
  const lines: LayoutLine[] = [];
  let pages = 0;
  // Each copy of the plan starts on a new page; stop once there are enough pages.
  const perCopy = (await renderPdf('probe', one)).pages;
  const copies = Math.ceil(minPages / perCopy);
  for (let c = 0; c < copies; c++) {
    if (c > 0) lines.push({ pageBreak: true });
    lines.push(...one);
  }
  const { bytes, pages: n } = await renderPdf(`plan-extract benchmark (${copies} × seed 003)`, lines);
  writeFileSync(file, bytes);
  pages = n;
  return pages;
}

async function pdfParseOnly(file: string): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const data = new Uint8Array(await readFile(file));
  const t = performance.now();
  const parser = new PDFParse({ data });
  const result = await parser.getText();
  await parser.destroy();
  const s = (performance.now() - t) / 1000;
  if (result.total < 1) throw new Error('pdf-parse read no pages');
  return s;
}

async function pipeline(file: string): Promise<number> {
  const t = performance.now();
  const record = await extractFile(file);
  const s = (performance.now() - t) / 1000;
  if (record.source.kind !== 'pdf-text') throw new Error(`unexpected source kind ${record.source.kind}`);
  return s;
}

/** Peak RSS in MB of one CLI run on the file, in a fresh process. */
function peakRss(file: string): { mb: number; how: string; seconds: number } {
  const bin = join(ROOT, 'bin', 'plan-extract');
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` (npm run bench does)');
  const t = performance.now();
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, bin, '--format', 'json', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const seconds = (performance.now() - t) / 1000;
    if (r.status !== 0) throw new Error(`plan-extract failed: ${r.stderr}`);
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    if (m) return { mb: Number(m[1]) / 1024, how: '/usr/bin/time -v node bin/plan-extract --format json <pdf>', seconds };
  }
  const script = `import(${JSON.stringify(join(ROOT, 'dist', 'extract.js'))}).then(async (m) => { await m.extractFile(${JSON.stringify(file)}); process.stdout.write(String(process.resourceUsage().maxRSS)); })`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return { mb: Number(r.stdout) / 1024, how: 'child node process, process.resourceUsage().maxRSS after extractFile()', seconds };
}

async function main(): Promise<void> {
  const minPages = option('pages', 105);
  const reps = option('reps', 7);
  const dir = mkdtempSync(join(tmpdir(), 'plan-extract-bench-'));
  try {
    const file = join(dir, 'bench.pdf');
    const pages = await makeBenchPdf(minPages, file);
    const { size } = await import('node:fs').then((fs) => fs.statSync(file));
    console.log(`benchmark PDF: ${pages} pages, ${(size / 1024).toFixed(0)} KB (${file})`);

    // Warm-up: module loading, the repair model's data, JIT.
    const coldParse = await pdfParseOnly(file);
    const coldPipe = await pipeline(file);
    const parseTimes: number[] = [];
    const pipeTimes: number[] = [];
    for (let i = 0; i < reps; i++) {
      parseTimes.push(await pdfParseOnly(file));
      pipeTimes.push(await pipeline(file));
    }
    const rss = peakRss(file);

    const mp = median(parseTimes);
    const ml = median(pipeTimes);
    const ratio = ml / mp;
    const row = (a: string, b: string, c: string, d: string) => console.log(`${a.padEnd(34)} ${b.padStart(10)} ${c.padStart(10)} ${d.padStart(12)}`);
    console.log('');
    row('', 'median s', 'first s', 'per page ms');
    row('-'.repeat(34), '-'.repeat(10), '-'.repeat(10), '-'.repeat(12));
    row('pdf-parse getText()', mp.toFixed(3), coldParse.toFixed(3), ((mp * 1000) / pages).toFixed(1));
    row('pipeline extractFile()', ml.toFixed(3), coldPipe.toFixed(3), ((ml * 1000) / pages).toFixed(1));
    console.log('');
    row('ratio pipeline / pdf-parse', `${ratio.toFixed(2)}×`, '', ratio <= 2 ? 'ok (≤ 2×)' : 'OVER (> 2×)');
    row('peak RSS, CLI in a fresh process', `${rss.mb.toFixed(0)} MB`, `${rss.seconds.toFixed(2)} s`, rss.mb <= 400 ? 'ok (≤ 400 MB)' : 'OVER (> 400 MB)');
    console.log(`\n${reps} interleaved repetitions after one warm-up each; RSS measured with ${rss.how}`);
    console.log(`times, s: pdf-parse [${parseTimes.map((t) => t.toFixed(3)).join(', ')}], pipeline [${pipeTimes.map((t) => t.toFixed(3)).join(', ')}]`);
    if (ratio > 2 || rss.mb > 400) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
