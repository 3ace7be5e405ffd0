/**
 * OCR benchmark and accuracy (npm run bench:ocr [-- --pages 5 --dpi 300 --rounds 2 --skip-speed --skip-accuracy]).
 *
 * Speed: a multi-page scan typeset from seed 004's rendered text (tests/ocr/data, lightly degraded,
 * JPEG) is read by
 *   - wasm:   the embedded engine (tesseract.js scheduler, one worker per core);
 *   - native: the tool's native engine (when a tesseract with vie is on PATH);
 *   - plain native tesseract, OMP_THREAD_LIMIT=1, as many pages at once as cores, on the same
 *     JPEG files: with the very model file the wasm engine uses (gunzipped into a temp tessdata
 *     dir, --tessdata-dir) and with the system's (Debian's) model;
 * and prints seconds per page, pages per second and the ratios wasm / native-same-model and
 * default engine / native-system-model. Worker start-up is timed separately.
 *
 * Accuracy: fixtures/scan-lai-chau.pdf OCR'd by each engine (and both tesseract.js model builds),
 * syllable accuracy against the typeset text (tests/ocr/data/scan-lai-chau.truth.txt), alone and
 * after the repair model: the shipped one (trained with seed 003's gold, so optimistic on this
 * 003-based fixture) and an honest one built without seed 003.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { imagePdf, scanJpeg, typeset } from './build-scan-fixtures.js';
import { WasmEngine } from '../ocr/wasm.js';
import { NativeEngine, PARAMETER_ARGS, packagedTessdata, probeNative, TSV_OUTPUT } from '../ocr/native.js';
import type { OcrImage } from '../ocr/image.js';
import type { OcrEngine } from '../ocr/types.js';
import { PdfPageImager } from '../backends/pdf-pages.js';
import { syllableAccuracy } from '../repair/evaluate.js';
import { createRepairModel, loadRepairModel, type RepairModel } from '../repair/index.js';
import { honestModelData } from '../repair/training.js';
import { packageRoot } from '../util/paths.js';

const root = packageRoot();
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const PAGES = arg('pages', 14);
const ROUNDS = arg('rounds', 2);
const DPI = arg('dpi', 200);
const JOBS = arg('jobs', 2);
const cores = availableParallelism();
const skipAccuracy = process.argv.includes('--skip-accuracy');
const skipSpeed = process.argv.includes('--skip-speed');

const fmt = (x: number, d = 2) => x.toFixed(d);

/**
 * CPU seconds used so far by this process (all threads) and its waited-for children
 * (/proc/self/stat utime+stime+cutime+cstime): a measure a busy shared machine disturbs less than wall time.
 */
function cpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields 14..17 of stat(5) are at 11..14 after the state field
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return NaN;
  }
}

function execTesseract(binary: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 64 << 20 }, (err) => (err ? reject(err) : resolve()));
  });
}

/** Runs fn over items, `n` at once. */
async function pool<T>(items: readonly T[], n: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

interface Timing {
  wall: number;
  cpu: number;
}

async function timed(fn: () => Promise<unknown>): Promise<Timing> {
  const c = cpuSeconds();
  const t = performance.now();
  await fn();
  return { wall: (performance.now() - t) / 1000, cpu: cpuSeconds() - c };
}

/** Runs the CLI on a file and waits; its CPU (and its tesseract children's) lands in this process's cutime. */
function runCli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(root, 'bin', 'plan-extract'), ...args], { maxBuffer: 64 << 20 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
}

/**
 * Speed: a PAGES-page scan (default 14 pages at 200 dpi, one colour JPEG per page, as a scanner
 * makes it) read by the whole tool (`plan-extract text`, every stage, its default and its wasm
 * engine, two pages at once) and by plain tesseract on the very JPEGs the PDF embeds, two at once.
 * Accuracy of each against the typeset text comes with it.
 */
async function speed(): Promise<void> {
  const source = readFileSync(join(root, 'tests', 'ocr', 'data', '004_be505b6e33d69a41.rendered.txt'), 'utf8').split('\n');
  let pages = typeset(source, PAGES, { dpi: DPI, fontPt: 13 });
  while (pages.length < PAGES) pages = [...pages, ...typeset(source, PAGES - pages.length, { dpi: DPI, fontPt: 13 })];
  pages = pages.slice(0, PAGES);
  const dir = mkdtempSync(join(tmpdir(), 'bench-ocr-'));
  try {
    const files: string[] = [];
    const scans: { jpeg: Buffer; width: number; height: number }[] = [];
    for (let i = 0; i < pages.length; i++) {
      const scan = await scanJpeg(pages[i]!, { dpi: DPI, seed: 7000 + i, noise: 10, fontPt: 13, tiltDeg: 0.3 }, 70);
      const f = join(dir, `page-${String(i + 1).padStart(2, '0')}.jpg`);
      writeFileSync(f, scan.jpeg);
      files.push(f);
      scans.push(scan);
    }
    const pdf = join(dir, 'scan.pdf');
    writeFileSync(pdf, await imagePdf(scans, DPI));
    const w = scans[0]!.width;
    const h = scans[0]!.height;
    process.stdout.write(`load average before: ${loadavg().map((x) => fmt(x)).join(' ')}\n`);
    process.stdout.write(`speed: ${pages.length}-page scan PDF, ${w}×${h} px colour JPEG per page (${DPI} dpi), ${cores} cores, ${JOBS} pages at once\n`);
    const info = await probeNative();
    const haveNative = Boolean(info?.languages.includes('vie'));
    if (!haveNative) process.stdout.write('  (no native tesseract with vie on PATH: native rows skipped)\n');
    const packaged = haveNative ? await packagedTessdata() : '';
    const truth = pages.map((p) => p.join(' '));
    const plainTesseract = (tessdata: string[]) => async () => {
      const out: string[] = [];
      await pool(files.map((f, i) => [f, i] as const), JOBS, async ([f, i]) => {
        const base = join(dir, `out-${i}-${Math.random().toString(36).slice(2)}`);
        await execTesseract(info!.binary, [f, base, ...tessdata, '-l', 'vie', '--psm', '3', '--dpi', String(DPI), ...TSV_OUTPUT]);
        out[i] = tsvText(readFileSync(`${base}.tsv`, 'utf8'));
      });
      return out;
    };
    const tool = (engine: string, repair = 'never') => async () => {
      const text = await runCli(['text', '-q', '--repair', repair, '--engine', engine, '--jobs', String(JOBS), pdf]);
      return text.split('\f').map((p) => p.replace(/\n/g, ' '));
    };
    const configs: { name: string; run: () => Promise<string[]> }[] = [{ name: 'plan-extract text --engine wasm', run: tool('wasm') }];
    if (haveNative) {
      configs.unshift(
        { name: 'plan-extract text (default engine)', run: tool('auto') },
        { name: 'the same, with its default repair pass', run: tool('auto', 'auto') },
        { name: 'plain tesseract, packaged vie (best_int)', run: plainTesseract(['--tessdata-dir', packaged]) },
        { name: 'plain tesseract, Debian vie', run: plainTesseract([]) },
        // the tool's own tesseract parameters (TESSERACT_PARAMETERS): the tool's overhead alone
        { name: 'plain tesseract, packaged vie, tool parameters', run: plainTesseract(['--tessdata-dir', packaged, ...PARAMETER_ARGS]) },
        { name: 'plain tesseract, Debian vie, tool parameters', run: plainTesseract([...PARAMETER_ARGS]) },
      );
    }
    // The machine may be shared: every configuration runs once per round, interleaved; the best round counts.
    const best = new Map<string, Timing & { accuracy: number }>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of configs) {
        let text: string[] = [];
        const t = await timed(async () => (text = await c.run()));
        const b = best.get(c.name);
        const accuracy = syllableAccuracy(text, truth).accuracy;
        best.set(c.name, { wall: Math.min(b?.wall ?? Infinity, t.wall), cpu: Math.min(b?.cpu ?? Infinity, t.cpu), accuracy });
      }
    }
    const n = pages.length;
    for (const [name, t] of best) {
      process.stdout.write(`  ${name.padEnd(42)} wall ${fmt(t.wall)} s (${fmt(n / t.wall)} pages/s), CPU ${fmt(t.cpu)} s (${fmt(t.cpu / n)} s/page); syllables ${fmt(t.accuracy * 100)}%\n`);
    }
    const ratio = (a: string, b: string) => (best.has(a) && best.has(b) ? `wall ${fmt(best.get(a)!.wall / best.get(b)!.wall)}×, CPU ${fmt(best.get(a)!.cpu / best.get(b)!.cpu)}×` : 'n/a (no native tesseract)');
    // the default engine runs the system model when one is installed (src/ocr/engine.ts nativeModel)
    const systemModel = Boolean(info?.languages.includes('vie')) && process.env.PLAN_EXTRACT_TESSDATA !== 'packaged';
    const same = systemModel ? 'plain tesseract, Debian vie' : 'plain tesseract, packaged vie (best_int)';
    const sameWithParameters = systemModel ? 'plain tesseract, Debian vie, tool parameters' : 'plain tesseract, packaged vie, tool parameters';
    process.stdout.write(`  ratio default engine / plain tesseract, same model (${same.replace('plain tesseract, ', '')}): ${ratio('plan-extract text (default engine)', same)} (target ≤ 1.1×)\n`);
    process.stdout.write(`  ratio default engine / the same plain tesseract with the tool's parameters: ${ratio('plan-extract text (default engine)', sameWithParameters)}\n`);
    process.stdout.write(`  ratio default engine with its repair pass / the same plain tesseract: ${ratio('the same, with its default repair pass', same)}\n`);
    process.stdout.write(`  ratio wasm engine / plain tesseract, same model: ${ratio('plan-extract text --engine wasm', 'plain tesseract, packaged vie (best_int)')} (target ≤ 1.5×)\n`);
    process.stdout.write(`  ratio wasm engine / the same plain tesseract with the tool's parameters: ${ratio('plan-extract text --engine wasm', 'plain tesseract, packaged vie, tool parameters')}\n`);
    process.stdout.write(`  load average after: ${loadavg().map((x) => fmt(x)).join(' ')} (best of ${ROUNDS} interleaved rounds; rows without 'repair' ran text --repair never: OCR alone)\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The words of a tesseract TSV, page text joined by spaces. */
function tsvText(tsv: string): string {
  return tsv
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .filter((f) => f.length >= 12 && f[0] === '5' && f[11]!.trim())
    .map((f) => f[11]!.trim())
    .join(' ');
}

async function accuracy(): Promise<void> {
  const fixture = join(root, 'fixtures', 'scan-lai-chau.pdf');
  const truthPages = readFileSync(join(root, 'tests', 'ocr', 'data', 'scan-lai-chau.truth.txt'), 'utf8').split('\f').map((p) => p.trim());
  const imager = await PdfPageImager.open(readFileSync(fixture), fixture);
  const images: (OcrImage & { source: string })[] = [];
  for (let n = 1; n <= truthPages.length; n++) images.push(await imager.pageImage(n));
  await imager.close();
  const shipped = loadRepairModel();
  const honest = createRepairModel(honestModelData(root));
  const truth = truthPages.map((p) => p.replace(/\n/g, ' '));
  const score = (pages: string[][]) => syllableAccuracy(pages.map((lines) => lines.join(' ')), truth);
  const repairWith = (model: RepairModel, pages: string[][]) => pages.map((lines) => model.repairLines(lines).lines);
  const report = async (name: string, engine: OcrEngine & { close(): Promise<void> }) => {
    const t = performance.now();
    const pages = (await Promise.all(images.map(async (img) => engine.recognize(engine.prepare ? await engine.prepare(img) : img)))).map((p) => p.lines.map((l) => l.text));
    const secs = (performance.now() - t) / 1000;
    await engine.close();
    const alone = score(pages);
    const withShipped = score(repairWith(shipped, pages));
    const withHonest = score(repairWith(honest, pages));
    const pct = (a: { accuracy: number; correct: number; total: number }) => `${fmt(a.accuracy * 100)}% (${a.correct}/${a.total})`;
    process.stdout.write(`  ${name.padEnd(34)} OCR ${pct(alone)}; +repair(shipped) ${pct(withShipped)}; +repair(without 003) ${pct(withHonest)}; ${fmt(secs)} s\n`);
  };
  const info = await probeNative();
  const all = async () => {
    for (const folder of ['4.0.0_best_int', '4.0.0']) {
      const e = new WasmEngine({ workers: cores, modelFolder: folder });
      await e.start();
      await report(`tesseract.js vie ${folder}`, e);
    }
    if (info?.languages.includes('vie')) await report(`tesseract ${info.version} (system vie)`, new NativeEngine({ info, concurrency: cores }));
  };
  process.stdout.write(`accuracy: ${fixture} (${images.length} pages, ${images[0]!.width}×${images[0]!.height} px at ${images[0]!.dpi} dpi, ${images[0]!.source}), syllables vs typeset text\n`);
  await all();
  // a harder scan of the same pages: 150 dpi, heavier noise, stronger JPEG compression
  images.length = 0;
  for (let i = 0; i < truthPages.length; i++) {
    const lines = truthPages[i]!.split('\n');
    const { jpeg, width, height } = await scanJpeg(lines, { dpi: 150, seed: 9100 + i, noise: 28, tiltDeg: 0.6 }, 35);
    images.push({ data: jpeg, width, height, dpi: 150, source: 'embedded' as const });
  }
  process.stdout.write(`accuracy: the same pages scanned harder (150 dpi, noise σ≈28, 0.6° tilt, JPEG q35)\n`);
  await all();
}

if (!skipSpeed) await speed();
if (!skipAccuracy) await accuracy();
