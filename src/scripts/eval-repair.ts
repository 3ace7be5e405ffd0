/**
 * Evaluate the text-repair model (npm run eval:repair):
 *   - syllable accuracy on seed 003 vs gold, shipped model (003 is in its training data);
 *   - the same with a model built in memory WITHOUT seed 003 (honest dev number);
 *   - accuracy on the held-out synthetic pairs (both models);
 *   - throughput on ~69k syllables (seed 003 repeated), including model start-up;
 *   - share of seed 004's clean syllables left unchanged.
 * Options: --errors N  print the first N errors of the honest run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRepairModel, loadRepairModel } from '../repair/index.js';
import { syllableAccuracy, unchangedShare } from '../repair/evaluate.js';
import { buildModelData, isHeldOut, readSyntheticPairs, SEED003, SEED004 } from '../repair/training.js';
import { lineWords } from '../repair/tokenize.js';
import { dataPath, packageRoot } from '../util/paths.js';

const shared = join(packageRoot(), '..', 'shared');
const read = (f: string) => readFileSync(f, 'utf8').split('\n');
const errArg = process.argv.indexOf('--errors');
const showErrors = errArg > 0 ? Number(process.argv[errArg + 1]) : 0;

const seed = read(join(shared, 'seeds', `${SEED003}.txt`));
const gold = read(join(shared, 'dev', `${SEED003}.gold.txt`));
const clean004 = read(join(shared, 'seeds', `${SEED004}.txt`));
const synth = readSyntheticPairs(dataPath('repair', 'synthetic', 'pairs.tsv')).filter(isHeldOut);
const fmt = (x: number) => x.toFixed(4);

// throughput first, in a cold process state: start-up (file load + model build) included
const big: string[] = [];
let sylls = 0;
while (sylls < 69_000) { big.push(...seed); sylls += seed.reduce((s, l) => s + lineWords(l).length, 0); }
const mb = (x: number) => (x / 2 ** 20).toFixed(0) + ' MB';
const heap0 = process.memoryUsage().heapUsed;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const model = loadRepairModel();
const tLoad = performance.now() - t0;
const heapModel = process.memoryUsage().heapUsed - heap0;
model.repairLines(big);
const tAll = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuS = (cpu.user + cpu.system) / 1e6;
console.log(`throughput: ${sylls} syllables in ${(tAll / 1000).toFixed(2)} s wall incl. start-up ${(tLoad / 1000).toFixed(2)} s = ${Math.round(sylls / (tAll / 1000))} syllables/s ` +
  `(CPU time ${cpuS.toFixed(2)} s = ${Math.round(sylls / cpuS)} syllables/CPU-s; wall time depends on machine load)`);
console.log(`memory: model heap ${mb(heapModel)} after load; after the run: heap used ${mb(process.memoryUsage().heapUsed)}, rss ${mb(process.memoryUsage().rss)}`);
let bytes = 0;
for (const f of readdirSync(dataPath('repair'), { recursive: true, withFileTypes: true })) if (f.isFile()) bytes += statSync(join(f.parentPath, f.name)).size;
console.log(`model files: src/data/repair ${(bytes / 2 ** 20).toFixed(2)} MB`);

const full = syllableAccuracy(model.repairLines(seed).lines, gold);
const unrepaired = syllableAccuracy(seed, gold);
console.log(`seed 003 unrepaired baseline: ${fmt(unrepaired.accuracy)} (${unrepaired.correct}/${unrepaired.total})`);
console.log(`seed 003, shipped model (trained with 003): ${fmt(full.accuracy)} (${full.correct}/${full.total})`);

const honestModel = createRepairModel(buildModelData({ sharedDir: shared, handwrittenDir: dataPath('repair'), exclude003: true, tessdataVie: join(packageRoot(), 'node_modules', '@tesseract.js-data', 'vie', '4.0.0', 'vie.traineddata.gz') }));
const honest = syllableAccuracy(honestModel.repairLines(seed).lines, gold, showErrors);
console.log(`seed 003, model built WITHOUT 003 (honest): ${fmt(honest.accuracy)} (${honest.correct}/${honest.total})`);

// stress test: honest model whose language model also lacks 004's text (a plan on a topic the
// in-domain text does not cover; only handwritten sentences + background bigrams)
const offTopic = createRepairModel(buildModelData({ sharedDir: shared, handwrittenDir: dataPath('repair'), exclude003: true, lmWithout004: true, tessdataVie: join(packageRoot(), 'node_modules', '@tesseract.js-data', 'vie', '4.0.0', 'vie.traineddata.gz') }));
const off = syllableAccuracy(offTopic.repairLines(seed).lines, gold);
console.log(`seed 003, model without 003 and without 004 text in the LM (off-topic stress): ${fmt(off.accuracy)} (${off.correct}/${off.total})`);

const synthEval = (m: typeof model, exclude003: boolean) => {
  const ps = synth.filter((p) => !exclude003 || p.source !== '003');
  const out = m.repairLines(ps.map((p) => p.ocr)).lines; // held-out lines as one document
  return syllableAccuracy(out, ps.map((p) => p.truth));
};
const s1 = synthEval(model, false);
const s2 = synthEval(honestModel, true);
console.log(`synthetic held-out pairs, shipped model: ${fmt(s1.accuracy)} (${s1.correct}/${s1.total})`);
console.log(`synthetic held-out pairs without 003-derived lines, honest model: ${fmt(s2.accuracy)} (${s2.correct}/${s2.total})`);

const r004 = model.repairLines(clean004);
const u = unchangedShare(clean004, r004.lines);
console.log(`seed 004 clean text unchanged: ${fmt(u.share)} (${u.same}/${u.total}); damaged=${model.assessDamage(clean004).damaged}`);
if (showErrors) for (const e of honest.errors) console.log(`  line ${e.line}: got ${e.got} want ${e.want}`);
