/**
 * Choose the weight of the general-register model (src/data/repair/general/, see its README) in
 * the general decoding model, on a split of those texts only (training.ts splitGeneralTexts:
 * every 4th block is tuning text, the rest trains the tuning model). For each weight it prints
 * the tuning text's accuracy per register when stripped of its marks, and the held-out corpus
 * slice (admin text) stripped, decoded with the same mixed model.
 * Never reads src/data/repair/general-eval (the evaluation set).
 *   npx tsx src/scripts/tune-general-lm.ts [--weights 0.3,0.5,0.7] [--admin-docs 24] [--errors N: most frequent confusions]
 *     [--decode JSON: DecodeOptions for the general decoder]
 * The register threshold (register.ts) is checked here too: scores of corpus training documents
 * (≡ 7 mod 50) and of the tuning blocks.
 */
import { join } from 'node:path';
import { createRepairModel, type DecodeOptions, type RepairModel, type RepairOptions } from '../repair/index.js';
import { forEachCorpusDocument, isHeldOutDocument } from '../repair/corpus.js';
import { syllableAccuracy } from '../repair/evaluate.js';
import { NgramModel } from '../repair/ngram.js';
import { readModelData } from '../repair/model-data.js';
import { GENERAL_REGISTER_THRESHOLD, registerScoreOfLines, skeletonLogRatios } from '../repair/register.js';
import { buildGeneralLm, readGeneralTexts, splitGeneralTexts } from '../repair/training.js';
import { lineWords } from '../repair/tokenize.js';
import { stripMarks } from '../repair/vietnamese.js';
import { dataPath, packageRoot } from '../util/paths.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const weights = (arg('--weights') ?? '0.3,0.5,0.7').split(',').map(Number);
const adminDocs = Number(arg('--admin-docs') ?? 24);
// decoder settings to compare (JSON of DecodeOptions), e.g. --decode '{"strippedCandidates":40}'
const decode = JSON.parse(arg('--decode') ?? '{}') as Partial<DecodeOptions>;
const dir = dataPath('repair');
const data = readModelData(dir);
const texts = readGeneralTexts(join(dir, 'general'));
const { train, tune } = splitGeneralTexts(texts);
const registers = [...new Set(tune.map((t) => t.name.replace(/-\d+\.txt$/, '')))].sort();
console.log(`general texts: ${texts.length} files, ${texts.reduce((s, t) => s + t.lines.reduce((a, l) => a + lineWords(l).length, 0), 0)} tokens; tuning model from ${train.length} blocks, tuning text ${tune.length} blocks`);

// admin text: held-out corpus documents (measured, never in a model) and training documents ≡ 7 mod 50 (for the register threshold)
const docsOf = (keep: (i: number) => boolean, max: number) => {
  const out: string[][] = [];
  forEachCorpusDocument(join(packageRoot(), '..', 'shared', 'corpus'), (d) => {
    if (!keep(d.index) || out.length >= max) return;
    const lines: string[] = [];
    let n = 0;
    for (const l of d.lines) { if (n > 4000) break; lines.push(l); n += lineWords(l).length; }
    out.push(lines);
  });
  return out;
};
const heldOut = docsOf(isHeldOutDocument, adminDocs);
const trainDocs = docsOf((i) => i % 50 === 7, 24);

const showErrors = Number(arg('--errors') ?? 0);
const acc = (m: RepairModel, docs: readonly (readonly string[])[], opts: RepairOptions) => {
  let c = 0; let t = 0;
  const confusions = new Map<string, number>();
  for (const d of docs) {
    const a = syllableAccuracy(m.repairLines(d.map(stripMarks), opts).lines, d, showErrors ? 1e9 : 0);
    c += a.correct; t += a.total;
    for (const e of a.errors) confusions.set(`${e.got}>${e.want}`, (confusions.get(`${e.got}>${e.want}`) ?? 0) + 1);
  }
  if (showErrors) console.log(`    errors: ${[...confusions].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, showErrors).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  return `${(c / t).toFixed(4)} (${c}/${t})`;
};
const admin = createRepairModel({ ...data, lmGeneral: undefined });
console.log(`lm.bin alone: ${registers.map((r) => `${r} ${acc(admin, tune.filter((x) => x.name.startsWith(r + '-')).map((x) => x.lines), { channel: 'stripped' })}`).join('; ')}; admin held-out slice ${acc(admin, heldOut, {})}`);
for (const w of weights) {
  const m = createRepairModel({ ...data, lmGeneral: buildGeneralLm(dir, data.lm, train.map((t) => t.lines), w) }, decode);
  const cells = registers.map((r) => `${r} ${acc(m, tune.filter((x) => x.name.startsWith(r + '-')).map((x) => x.lines), { channel: 'stripped', register: 'general' })}`);
  console.log(`weight ${w}, general model forced: ${cells.join('; ')}; admin held-out slice ${acc(m, heldOut, { register: 'general' })}`);
}
{
  // the register decision: scores of admin documents (training documents ≡ 7 mod 50) and of the tuning blocks
  const g = new NgramModel(buildGeneralLm(dir, data.lm, train.map((t) => t.lines), weights[0]!));
  const ratios = skeletonLogRatios(new NgramModel(data.lm), g);
  const sc = (docs: readonly (readonly string[])[]) => docs.map((d) => registerScoreOfLines(d.map(stripMarks), ratios));
  const show = (xs: number[]) => `min ${Math.min(...xs).toFixed(2)} max ${Math.max(...xs).toFixed(2)}, above ${GENERAL_REGISTER_THRESHOLD}: ${xs.filter((x) => x > GENERAL_REGISTER_THRESHOLD).length}/${xs.length}`;
  console.log(`register score, corpus training documents ≡ 7 mod 50: ${show(sc(trainDocs))}; held-out documents: ${show(sc(heldOut))}`);
  for (const r of registers) console.log(`register score, tuning blocks ${r}: ${show(sc(tune.filter((x) => x.name.startsWith(r + '-')).map((x) => x.lines)))}`);
}
