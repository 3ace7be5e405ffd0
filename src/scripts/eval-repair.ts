/**
 * Evaluate the text-repair model (npm run eval:repair). Every number says what it measures:
 *   - start-up (model load + set-up) and throughput on ~69k syllables (seed 003 repeated), in CPU
 *     and wall seconds: start-up + first run (cold caches), then the steady state (median of 5 runs);
 *   - seed 003 vs gold: shipped model, and the honest model (lm.bin never sees 003; channel and
 *     inventory rebuilt without 003);
 *   - the held-out corpus slice (every 50th document, never in lm.bin) stripped of its marks;
 *   - own general-register text (src/data/repair/general-eval, never in a model) stripped, per register;
 *   - synthetic English-OCR held-out pairs and Vietnamese-OCR held-out pairs (corpus held-out documents),
 *     with lines made better / worse by the repair; the English-OCR tuning pages (tuned on: not held out);
 *   - seed 004's Vietnamese OCR against its rendered text, raw vs repaired;
 *   - seed 004 clean text unchanged; model size;
 *   - the real scans' unrepaired OCR (tool, tests/repair/data/real-scans) raw vs repaired per page
 *     (`npm run eval:scans` runs the OCR itself and compares with plain tesseract).
 * Options: --errors N  print the first N errors of each accuracy run;  --quick  skip the slow parts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRepairModel, loadRepairModel, type RepairModel, type RepairOptions } from '../repair/index.js';
import { forEachCorpusDocument, isHeldOutDocument } from '../repair/corpus.js';
import { syllableAccuracy, unchangedShare } from '../repair/evaluate.js';
import { honestModelData, isHeldOut, readSyntheticPairs, SEED003, SEED004 } from '../repair/training.js';
import { lineWords } from '../repair/tokenize.js';
import { readViePairs } from '../repair/vie-channel.js';
import { stripMarks } from '../repair/vietnamese.js';
import { dataPath, packageRoot } from '../util/paths.js';
import { pageAccuracy, readTruth } from '../repair/page-accuracy.js';
import { REAL_SCANS } from './eval-real-scans-data.js';

const root = packageRoot();
const shared = join(root, '..', 'shared');
const read = (f: string) => readFileSync(f, 'utf8').split('\n');
const errArg = process.argv.indexOf('--errors');
const showErrors = errArg > 0 ? Number(process.argv[errArg + 1]) : 0;
const fmt = (x: number) => x.toFixed(4);
const GENERAL_EVAL_REGISTERS = ['contracts', 'formal', 'everyday', 'conversation', 'literary'] as const;
const mb = (x: number) => (x / 2 ** 20).toFixed(0) + ' MB';

const seed = read(join(shared, 'seeds', `${SEED003}.txt`));
const gold = read(join(shared, 'dev', `${SEED003}.gold.txt`));
const clean004 = read(join(shared, 'seeds', `${SEED004}.txt`));

// ---- throughput, cold: start-up (file load + model build) included, then steady state
const big: string[] = [];
let sylls = 0;
while (sylls < 69_000) { big.push(...seed); sylls += seed.reduce((s, l) => s + lineWords(l).length, 0); }
// CPU time (process.cpuUsage) is what the code costs; wall time also counts other jobs on the machine
const cpuSeconds = (since: NodeJS.CpuUsage) => { const c = process.cpuUsage(since); return (c.user + c.system) / 1e6; };
const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US');
const heap0 = process.memoryUsage().heapUsed;
const buffers0 = process.memoryUsage().arrayBuffers;
const cpuStart = process.cpuUsage();
const t0 = performance.now();
const model = loadRepairModel();
const tLoad = (performance.now() - t0) / 1000;
const cpuLoad = cpuSeconds(cpuStart);
const heapModel = process.memoryUsage().heapUsed - heap0;
// the model's tables are typed arrays: array-buffer memory, outside the JS heap
const buffersModel = process.memoryUsage().arrayBuffers - buffers0;
model.repairLines(big);
const tFirst = (performance.now() - t0) / 1000;
const cpuFirst = cpuSeconds(cpuStart);
const steady: { cpu: number; wall: number }[] = [];
for (let run = 0; run < 5; run++) {
  const c0 = process.cpuUsage();
  const t1 = performance.now();
  model.repairLines(big);
  steady.push({ wall: (performance.now() - t1) / 1000, cpu: cpuSeconds(c0) });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const steadyCpu = median(steady.map((r) => r.cpu));
const steadyWall = median(steady.map((r) => r.wall));
console.log(`start-up (model load + repair set-up): ${cpuLoad.toFixed(3)} s CPU, ${tLoad.toFixed(3)} s wall; model: JS heap ${mb(heapModel)} + array buffers ${mb(buffersModel)}`);
console.log(`throughput with start-up (start-up + first run on cold caches, ${sylls} syllables): ${rate(sylls, cpuFirst)} syllables/CPU-s (${cpuFirst.toFixed(2)} s CPU), ` +
  `${rate(sylls, tFirst)} syllables/s wall (${tFirst.toFixed(2)} s)`);
console.log(`throughput steady state (median of 5 runs, ${sylls} syllables): ${rate(sylls, steadyCpu)} syllables/CPU-s (${steadyCpu.toFixed(2)} s CPU), ` +
  `${rate(sylls, steadyWall)} syllables/s wall (${steadyWall.toFixed(2)} s); runs CPU ${steady.map((r) => r.cpu.toFixed(2)).join(' / ')} s`);
{
  const m = process.memoryUsage();
  console.log(`memory after the runs: JS heap used ${mb(m.heapUsed)}, array buffers ${mb(m.arrayBuffers)}, rss ${mb(m.rss)}`);
}
let bytes = 0;
for (const f of readdirSync(dataPath('repair'), { recursive: true, withFileTypes: true })) if (f.isFile()) bytes += statSync(join(f.parentPath, f.name)).size;
console.log(`model files: src/data/repair ${(bytes / 2 ** 20).toFixed(2)} MB (lm.bin ${(statSync(dataPath('repair', 'lm.bin')).size / 2 ** 20).toFixed(2)} MB)`);

const report = (name: string, r: ReturnType<typeof syllableAccuracy>) => {
  console.log(`${name}: ${fmt(r.accuracy)} (${r.correct}/${r.total})`);
  for (const e of r.errors) console.log(`    line ${e.line}: got ${e.got} want ${e.want}`);
};

// ---- seed 003
report('seed 003 unrepaired baseline', syllableAccuracy(seed, gold));
report('seed 003, shipped model (channel trained with 003)', syllableAccuracy(model.repairLines(seed).lines, gold));
const honestModel = createRepairModel(honestModelData(root));
report('seed 003, model built WITHOUT 003 (honest)', syllableAccuracy(honestModel.repairLines(seed).lines, gold, showErrors));

// ---- held-out corpus slice, stripped of its marks
const heldOut: string[][] = [];
forEachCorpusDocument(join(shared, 'corpus'), (d) => {
  if (!isHeldOutDocument(d.index)) return;
  // at most ~4,000 syllables per document keeps the run short and the documents balanced
  const lines: string[] = [];
  let n = 0;
  for (const l of d.lines) { if (n > 4000) break; lines.push(l); n += lineWords(l).length; }
  heldOut.push(lines);
});
{
  let correct = 0; let total = 0; let raw = 0; let channelOk = 0;
  for (const [i, doc] of heldOut.entries()) {
    const stripped = doc.map(stripMarks);
    const r = model.repairLines(stripped);
    if (r.channel === 'stripped') channelOk++;
    const a = syllableAccuracy(r.lines, doc, i < 2 ? showErrors : 0);
    for (const e of a.errors) console.log(`    doc ${i} line ${e.line}: got ${e.got} want ${e.want}`);
    correct += a.correct; total += a.total;
    raw += syllableAccuracy(stripped, doc).correct;
  }
  console.log(`held-out corpus slice stripped (${heldOut.length} documents, channel 'stripped' chosen for ${channelOk}): ${fmt(correct / total)} (${correct}/${total}); stripped input ${fmt(raw / total)}`);
  let c2 = 0; let t2 = 0;
  for (const doc of heldOut) {
    const a = syllableAccuracy(model.repairLines(doc.map(stripMarks), { channel: 'english-ocr' }).lines, doc);
    c2 += a.correct; t2 += a.total;
  }
  console.log(`  same through the English-OCR channel (the previous behaviour on stripped text): ${fmt(c2 / t2)}`);
}

// ---- own general-register text (src/data/repair/general-eval: written by hand for this
// measurement, never in any model), stripped of its marks, one document per register
{
  const cells: string[] = [];
  for (const reg of GENERAL_EVAL_REGISTERS) {
    const doc = read(dataPath('repair', 'general-eval', `${reg}.txt`));
    const r = model.repairLines(doc.map(stripMarks));
    const a = syllableAccuracy(r.lines, doc, showErrors);
    for (const e of a.errors) console.log(`    ${reg} line ${e.line}: got ${e.got} want ${e.want}`);
    cells.push(`${reg} ${fmt(a.accuracy)} (${a.correct}/${a.total}, ${r.channel}${r.register ? ' ' + r.register : ''})`);
  }
  console.log(`own general-register text, stripped, per register: ${cells.join('; ')}`);
}

// ---- synthetic pairs
const linesDelta = (m: RepairModel, ocr: string[], truth: string[], opts: RepairOptions) => {
  const out = m.repairLines(ocr, opts).lines;
  let better = 0; let worse = 0;
  ocr.forEach((o, i) => {
    const a = syllableAccuracy([o], [truth[i]!]).correct;
    const b = syllableAccuracy([out[i]!], [truth[i]!]).correct;
    if (b > a) better++; else if (b < a) worse++;
  });
  return { before: syllableAccuracy(ocr, truth), after: syllableAccuracy(out, truth, showErrors), better, worse, lines: ocr.length };
};
const synth = readSyntheticPairs(dataPath('repair', 'synthetic', 'pairs.tsv')).filter(isHeldOut).filter((p) => p.source !== '003');
{
  const d = linesDelta(honestModel, synth.map((p) => p.ocr), synth.map((p) => p.truth), {});
  console.log(`synthetic English-OCR held-out pairs (004/own lines), honest model: ${fmt(d.after.accuracy)} (${d.after.correct}/${d.after.total}); raw ${fmt(d.before.accuracy)}; lines better ${d.better} / worse ${d.worse} of ${d.lines}`);
}
const engCorpus = readViePairs(dataPath('repair', 'synthetic', 'eng-pairs.tsv')).filter((p) => p.split === 'eval');
if (engCorpus.length) {
  const d = linesDelta(model, engCorpus.map((p) => p.ocr), engCorpus.map((p) => p.truth), {});
  console.log(`synthetic English-OCR pairs from held-out corpus pages: ${fmt(d.after.accuracy)} (${d.after.correct}/${d.after.total}); raw ${fmt(d.before.accuracy)}; lines better ${d.better} / worse ${d.worse} of ${d.lines}`);
}
// the English-OCR tuning pages (make-eng-ocr-pairs.ts, corpus documents ≡ 27 mod 50, native tesseract eng):
// the settings were chosen on them, so this is a tuning figure, not a held-out one
const engTune = readViePairs(dataPath('repair', 'synthetic', 'eng-scan-pairs.tsv')).filter((p) => p.split === 'tune');
if (engTune.length) {
  const d = linesDelta(model, engTune.map((p) => p.ocr), engTune.map((p) => p.truth), {});
  console.log(`English-OCR tuning pages (native tesseract eng, tuned on, not held out): ${fmt(d.after.accuracy)} (${d.after.correct}/${d.after.total}); raw ${fmt(d.before.accuracy)}; lines better ${d.better} / worse ${d.worse} of ${d.lines}`);
}
for (const [file, what] of [['vie-pairs.tsv', 'synthetic Vietnamese-OCR held-out pairs'], ['vie-scan-pairs.tsv', 'synthetic stamped-scan Vietnamese-OCR held-out pairs (native tesseract)']] as const) {
const vie = readViePairs(dataPath('repair', 'synthetic', file)).filter((p) => p.split === 'eval');
if (vie.length) {
  // one page = one document, as the pipeline sees OCR
  let better = 0; let worse = 0; let n = 0; let cb = 0; let ca = 0; let tot = 0;
  const pages = new Map<number, typeof vie>();
  for (const p of vie) (pages.get(p.doc) ?? pages.set(p.doc, []).get(p.doc)!).push(p);
  for (const ps of pages.values()) {
    const d = linesDelta(model, ps.map((p) => p.ocr), ps.map((p) => p.truth), { ocr: true });
    better += d.better; worse += d.worse; n += d.lines; cb += d.before.correct; ca += d.after.correct; tot += d.after.total;
  }
  console.log(`${what} (${pages.size} pages): raw ${fmt(cb / tot)} -> repaired ${fmt(ca / tot)} (${ca}/${tot}); lines better ${better} / worse ${worse} of ${n}`);
}
}

// ---- real scans: the tool's unrepaired OCR (tests/repair/data/real-scans, written by
// `npm run eval:scans -- --write-fixtures`) repaired as the pipeline does (a document at once)
for (const scan of REAL_SCANS) {
  const dir = join(root, 'tests', 'repair', 'data', 'real-scans');
  const pages = scan.pages.map((p) => readFileSync(join(dir, `${scan.key}-p${p}.ocr.txt`), 'utf8').split('\n').filter(Boolean));
  const out = model.repairLines(pages.flat(), { ocr: true }).lines;
  let k = 0;
  const cells = pages.map((p, i) => {
    const truth = readTruth(join(root, 'tests', 'ocr', 'data', 'real', `${scan.key}-p${scan.pages[i]}.truth.txt`));
    const a = pageAccuracy(p, truth).accuracy;
    const b = pageAccuracy(out.slice(k, k + p.length), truth).accuracy;
    k += p.length;
    return { a, b };
  });
  const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
  console.log(`real scan ${scan.key} (${scan.role === 'tuning' ? 'tuned on' : 'check, never tuned on'}), tool's OCR raw -> repaired per page: ${cells.map((c) => `${fmt(c.a)} -> ${fmt(c.b)}`).join(', ')}; mean ${fmt(mean(cells.map((c) => c.a)))} -> ${fmt(mean(cells.map((c) => c.b)))}`);
}

// ---- seed 004: Vietnamese OCR vs rendered (token-aligned over the whole text), and clean text unchanged
{
  const ocr = read(join(shared, 'dev', `${SEED004}.ocr-vie.txt`));
  const rendered = read(join(shared, 'dev', `${SEED004}.rendered.txt`));
  const rep = model.repairLines(ocr, { ocr: true });
  const one = (ls: string[]) => [ls.join(' ')];
  const a = syllableAccuracy(one(ocr), one(rendered));
  const b = syllableAccuracy(one(rep.lines), one(rendered), showErrors);
  console.log(`seed 004 Vietnamese OCR vs rendered: raw ${fmt(a.accuracy)} (${a.correct}/${a.total}) -> repaired ${fmt(b.accuracy)} (${b.correct}/${b.total}), channel ${rep.channel}, ${rep.changed} tokens changed`);
  for (const e of b.errors) console.log(`    got ${e.got} want ${e.want}`);
}
const r004 = model.repairLines(clean004);
const u = unchangedShare(clean004, r004.lines);
console.log(`seed 004 clean text unchanged: ${fmt(u.share)} (${u.same}/${u.total}); channel ${r004.channel}; damaged=${model.assessDamage(clean004).damaged}`);
{
  // clean text as if it came from OCR: what the Vietnamese-OCR pass changes in correct text
  const u4 = unchangedShare(clean004, model.repairLines(clean004, { ocr: true }).lines);
  let same = 0; let total = 0;
  for (const doc of heldOut) {
    const uh = unchangedShare(doc, model.repairLines(doc, { ocr: true }).lines);
    same += uh.same; total += uh.total;
  }
  console.log(`clean text through the Vietnamese-OCR pass: seed 004 unchanged ${fmt(u4.share)} (${u4.same}/${u4.total}); held-out corpus slice unchanged ${fmt(same / total)} (${same}/${total})`);
}
