/**
 * Build the shipped repair model files (src/data/repair/{syllables.txt,channel.json,lm.json})
 * from the allowed sources (see src/repair/training.ts).
 *
 *   npx tsx src/scripts/build-lm.ts                      # full model -> src/data/repair
 *   npx tsx src/scripts/build-lm.ts --exclude 003 --out /tmp/no003   # honest dev model
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatBackground, MODEL_FILES } from '../repair/model-data.js';
import { buildModelData } from '../repair/training.js';
import { dataPath, packageRoot } from '../util/paths.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const exclude = arg('--exclude');
if (exclude && exclude !== '003') throw new Error('--exclude supports only 003');
const outDir = resolve(arg('--out') ?? (exclude ? dataPath('repair', 'no003') : dataPath('repair')));
const t0 = Date.now();
const data = buildModelData({
  sharedDir: join(packageRoot(), '..', 'shared'),
  handwrittenDir: dataPath('repair'),
  exclude003: exclude === '003',
  tessdataVie: join(packageRoot(), 'node_modules', '@tesseract.js-data', 'vie', '4.0.0', 'vie.traineddata.gz'),
});
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, MODEL_FILES.syllables), data.syllables.join('\n') + '\n');
writeFileSync(join(outDir, MODEL_FILES.channel), JSON.stringify(data.channel));
writeFileSync(join(outDir, MODEL_FILES.lm), JSON.stringify(data.lm));
writeFileSync(join(outDir, MODEL_FILES.background), formatBackground(data.background));
console.log(`wrote ${outDir}: ${data.syllables.length} syllables, ${Object.keys(data.lm.uni).length} LM units, ` +
  `${Object.keys(data.lm.bi).length} bigrams, ${Object.keys(data.lm.tri).length} trigrams in ${Date.now() - t0} ms`);
