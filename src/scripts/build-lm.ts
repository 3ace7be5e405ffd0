/**
 * Build the shipped repair model files in src/data/repair from the allowed sources
 * (see src/repair/training.ts): lm-corpus.bin (syllable trigram, modified Kneser-Ney, pruned) from
 * ../shared/corpus; lm.bin = lm-corpus.bin mixed with an in-domain (plan text) model, the one
 * the decoder loads; lm-general.bin = lm.bin mixed with the general-register model of
 * src/data/repair/general/ (stripped conversation, prose, everyday text); syllables.txt,
 * channel.json and vie-channel.json.
 *
 *   npm run build:lm                                   # full model -> src/data/repair
 *   npm run build:lm -- --corpus-every 20              # quick model from 1/20 of the corpus
 *   npm run build:lm -- --skip-lm                      # keep lm.bin, rebuild the channels
 *   npm run build:lm -- --min3 3 --min2 2 --out DIR    # other pruning, elsewhere
 *   npm run build:lm -- --min4 3 --out DIR             # a 4-gram model (4-grams seen >= 3 times)
 * Deterministic: the same inputs give byte-identical files. Run it niced on a shared machine.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MODEL_FILES } from '../repair/model-data.js';
import { buildCodeParts, buildLanguageModel, buildModelData, trainingPaths } from '../repair/training.js';
import { buildVieChannel } from '../repair/vie-channel.js';
import { dataPath, packageRoot } from '../util/paths.js';
import { tuningScanPairs } from './eval-real-scans-data.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const root = packageRoot();
const paths = trainingPaths(root);
const outDir = resolve(arg('--out') ?? dataPath('repair'));
mkdirSync(outDir, { recursive: true });
const t0 = Date.now();
let lm: Uint8Array;
if (process.argv.includes('--skip-lm')) lm = readFileSync(join(outDir, MODEL_FILES.lmCorpus));
else {
  // --also "1:1,3:3,2:2:3" builds extra pruning levels (min trigram:min bigram[:min 4-gram] count)
  // as lm-p<min3>-<min2>[-<min4>].bin for comparison; a min 4-gram count makes an order-4 model
  // the shipped corpus model is a trigram model; --min4 N builds a 4-gram model (4-grams seen >= N
  // times; measured and not shipped, src/repair/README.md "4-gram")
  const min4 = Number(arg('--min4') ?? 0);
  const main = [Number(arg('--min3') ?? 2), Number(arg('--min2') ?? 2), ...(min4 > 0 ? [min4] : [])] as [number, number, number?];
  const also = (arg('--also') ?? '').split(',').filter(Boolean).map((x) => x.split(':').map(Number) as [number, number, number?]);
  const built = buildLanguageModel({ ...paths, corpusEvery: Number(arg('--corpus-every') ?? 1), minTrigramCount: main[0], minBigramCount: main[1], log: (m) => console.log(m) }, [main, ...also]);
  built.forEach((b, i) => {
    const name = i === 0 ? MODEL_FILES.lmCorpus : `lm-p${also[i - 1]!.join('-')}.bin`;
    writeFileSync(join(outDir, name), b.file);
    console.log(`${name}: ${(b.file.length / 2 ** 20).toFixed(2)} MB ${JSON.stringify(b.stats)}`);
  });
  lm = built[0]!.file;
  console.log(`language model built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
// code part spellings (NĐ, QĐ, BLĐTBXH) from the corpus: another pass over it (~30 s), kept by --skip-lm when present
const codePartsFile = join(outDir, MODEL_FILES.codeParts);
if (!process.argv.includes('--skip-lm') || !existsSync(codePartsFile)) writeFileSync(codePartsFile, buildCodeParts(paths.corpusDir));
// clean pages read by tesseract.js and scan-like stamped pages read by the native tesseract
// and the pages of the real scan the pass is tuned on (BCA 996; never the check scan)
const vieChannel = buildVieChannel(['vie-pairs.tsv', 'vie-scan-pairs.tsv'].map((f) => join(paths.handwrittenDir, 'synthetic', f)), tuningScanPairs(packageRoot()));
const data = buildModelData({ ...paths, exclude003: false, vieChannel }, lm);
writeFileSync(join(outDir, MODEL_FILES.syllables), data.syllables.join('\n') + '\n');
writeFileSync(join(outDir, MODEL_FILES.channel), JSON.stringify(data.channel));
writeFileSync(join(outDir, MODEL_FILES.vieChannel), JSON.stringify(vieChannel));
writeFileSync(join(outDir, MODEL_FILES.lm), data.lm);
if (data.lmGeneral) writeFileSync(join(outDir, MODEL_FILES.lmGeneral), typeof data.lmGeneral === 'function' ? data.lmGeneral() : data.lmGeneral);
console.log(`wrote ${outDir}: ${data.syllables.length} syllables, vie channel ${vieChannel.aligned} aligned syllables, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
