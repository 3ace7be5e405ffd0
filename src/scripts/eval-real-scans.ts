/**
 * `npm run eval:scans`: syllable accuracy per page of the real scans in tests/ocr/data/real
 * against their hand-written truths (src/scripts/eval-real-scans-data.ts says which document the
 * repair was tuned on), for
 *   - plain native tesseract with the system (Debian) `vie` model: `tesseract img - -l vie --psm 3`;
 *   - plain native tesseract with the packaged best_int `vie` model (--tessdata-dir);
 *   - the tool: `plan-extract text` on the PDF (default engine, default repair), and with
 *     --repair never;
 *   - the tool's unrepaired OCR repaired in-process by the current source model (equals the tool
 *     once dist is rebuilt; lets a model change be measured without a build).
 * Pages are rendered at 200 dpi by pdftoppm. Run niced: one tesseract at a time (--jobs 1).
 * Options: --errors N  the first N errors per page of the repaired text;  --cache  reuse the OCR
 * outputs of an earlier run (os.tmpdir()/plan-extract-eval-scans, keyed by the PDF's hash; the
 * tool's outputs also by dist's build), for tuning runs;  --write-fixtures  also write the
 * tool's unrepaired OCR per page to tests/repair/data/real-scans/ (inputs of the repair tests).
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagedTessdata } from '../ocr/native.js';
import { loadRepairModel } from '../repair/index.js';
import { pageAccuracy, readTruth } from '../repair/page-accuracy.js';
import { packageRoot } from '../util/paths.js';
import { REAL_SCANS } from './eval-real-scans-data.js';

const root = packageRoot();
const dataDir = join(root, 'tests', 'ocr', 'data', 'real');
const errArg = process.argv.indexOf('--errors');
const showErrors = errArg > 0 ? Number(process.argv[errArg + 1]) : 0;
const useCache = process.argv.includes('--cache');
const writeFixtures = process.argv.includes('--write-fixtures');
const cacheDir = join(tmpdir(), 'plan-extract-eval-scans');
mkdirSync(cacheDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'eval-scans-'));
const distStamp = String(statSync(join(root, 'dist', 'cli', 'main.js')).mtimeMs);

function cached(key: string, make: () => string): string {
  const file = join(cacheDir, createHash('sha256').update(key).digest('hex').slice(0, 24) + '.txt');
  if (useCache && existsSync(file)) return readFileSync(file, 'utf8');
  const text = make();
  writeFileSync(file, text);
  return text;
}
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'ignore'] });
const lines = (text: string) => text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);

async function main(): Promise<void> {
  const best = await packagedTessdata('vie');
  const model = loadRepairModel();
  const cols = ['tesseract vie (Debian)', 'tesseract best_int', 'tool --repair never', 'tool (default)', 'never + src repair'];
  const sums: Record<string, number[]> = {};
  const rows: string[] = [];
  for (const scan of REAL_SCANS) {
    const pdf = join(dataDir, scan.file);
    const hash = createHash('sha256').update(readFileSync(pdf)).digest('hex');
    const tool = (extra: string[]) => cached(`tool ${hash} ${distStamp} ${extra.join(' ')}`, () =>
      run(process.execPath, [join(root, 'bin', 'plan-extract'), 'text', '--jobs', '1', '-q', ...extra, pdf])).split('\f');
    const toolNever = tool(['--repair', 'never']);
    const toolDefault = tool([]);
    // the tool repairs the OCR lines of the whole document at once
    const pageLines = toolNever.map(lines);
    const repaired = model.repairLines(pageLines.flat(), { ocr: true }).lines;
    const srcRepaired: string[][] = [];
    let k = 0;
    for (const p of pageLines) { srcRepaired.push(repaired.slice(k, k + p.length)); k += p.length; }
    for (const page of scan.pages) {
      const truth = readTruth(join(dataDir, `${scan.key}-p${page}.truth.txt`));
      const png = join(work, `${scan.key}-${page}`);
      const plain = (tessdata?: string) => cached(`plain ${hash} ${page} ${tessdata ?? 'system'}`, () => {
        if (!existsSync(png + '.png')) run('pdftoppm', ['-r', '200', '-png', '-f', String(page), '-l', String(page), '-singlefile', pdf, png]);
        return run('tesseract', [png + '.png', '-', '-l', 'vie', '--psm', '3', ...(tessdata ? ['--tessdata-dir', tessdata] : [])]);
      });
      const outputs = [lines(plain()), lines(plain(best)), lines(toolNever[page - 1] ?? ''), lines(toolDefault[page - 1] ?? ''), srcRepaired[page - 1] ?? []];
      if (writeFixtures) {
        const dir = join(root, 'tests', 'repair', 'data', 'real-scans');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${scan.key}-p${page}.ocr.txt`), outputs[2]!.join('\n') + '\n');
      }
      const accs = outputs.map((o, i) => pageAccuracy(o, truth, i === 4 ? showErrors : 0));
      accs.forEach((a, i) => (sums[cols[i]!] ??= []).push(a.accuracy));
      rows.push(`${scan.key} p${page} (${scan.role}, ${accs[0]!.total} syllables): ` + accs.map((a, i) => `${cols[i]} ${a.accuracy.toFixed(4)}`).join(' | '));
      for (const e of accs[4]!.errors) rows.push(`    got ${e.got} want ${e.want}`);
    }
  }
  for (const r of rows) console.log(r);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  console.log('mean over pages: ' + cols.map((c) => `${c} ${mean(sums[c]!).toFixed(4)}`).join(' | '));
  rmSync(work, { recursive: true, force: true });
}

main().catch((e) => { console.error(e); rmSync(work, { recursive: true, force: true }); process.exit(1); });
