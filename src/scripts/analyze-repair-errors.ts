/**
 * Classify the English-OCR repair's errors on the TUNING data (never on held-out sets):
 *   - `eng-scan-pairs.tsv` split `tune` (corpus documents ≡ 27 mod 50, native tesseract eng);
 *   - seed 003 with the honest model (no 003 in any part), a development document;
 *   - seed 004's English OCR against its rendered text (token-aligned), a development document.
 * Each wrong syllable gets one class, first that applies:
 *   split/merge  the OCR token has no aligned truth token or vice versa (a space lost or added);
 *   not-syllable the wanted word is not in the syllable inventory (name, foreign word, odd spelling);
 *   missing      the wanted syllable is not among the token's candidates (after the channel beam);
 *   channel      it is a candidate but costs more in the channel than the output by > 3 nats
 *                (the LM would have to pay for it);
 *   lm           a candidate the channel puts near the output: the language model chose wrong.
 * Usage: npx tsx src/scripts/analyze-repair-errors.ts [--set tune|003|004|all] [--show 40] [--model shipped|honest]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignTokens } from '../repair/alignment.js';
import { CandidateGenerator } from '../repair/candidates.js';
import { Channel, parseConfusions } from '../repair/channel.js';
import { createRepairModel } from '../repair/index.js';
import { readModelData, type RepairModelData } from '../repair/model-data.js';
import { honestModelData, SEED003, SEED004 } from '../repair/training.js';
import { lineWords } from '../repair/tokenize.js';
import { readViePairs } from '../repair/vie-channel.js';
import { normalizeTonePlacement } from '../repair/vietnamese.js';
import { dataPath, packageRoot } from '../util/paths.js';

const root = packageRoot();
const shared = join(root, '..', 'shared');
const argOf = (n: string, d: string) => { const i = process.argv.indexOf(n); return i > 0 ? process.argv[i + 1]! : d; };
const which = argOf('--set', 'all');
const show = Number(argOf('--show', '30'));
const read = (f: string) => readFileSync(f, 'utf8').split('\n');
const norm = (w: string) => normalizeTonePlacement(w.toLowerCase().normalize('NFC'));

interface Job { name: string; data: RepairModelData; ocr: string[]; truth: string[]; byTokens?: boolean }
const shipped = readModelData(dataPath('repair'));
const honest = argOf('--model', 'shipped') === 'honest' || which === '003' || which === 'all' ? honestModelData(root) : shipped;
const jobs: Job[] = [];
if (which === 'tune' || which === 'all') {
  const tune = readViePairs(dataPath('repair', 'synthetic', 'eng-scan-pairs.tsv')).filter((p) => p.split === 'tune');
  jobs.push({ name: 'tune (eng-scan-pairs)', data: argOf('--model', 'shipped') === 'honest' ? honest : shipped, ocr: tune.map((p) => p.ocr), truth: tune.map((p) => p.truth) });
}
if (which === '003' || which === 'all') jobs.push({ name: 'seed 003 honest', data: honest, ocr: read(join(shared, 'seeds', `${SEED003}.txt`)), truth: read(join(shared, 'dev', `${SEED003}.gold.txt`)) });
if (which === '004' || which === 'all') jobs.push({ name: 'seed 004 eng OCR', data: shipped, ocr: read(join(shared, 'dev', `${SEED004}.ocr-eng.txt`)), truth: read(join(shared, 'dev', `${SEED004}.rendered.txt`)), byTokens: true });

for (const job of jobs) {
  const model = createRepairModel(job.data);
  const confusions = parseConfusions(job.data.confusions);
  const channel = new Channel(job.data.channel, confusions);
  const gen = new CandidateGenerator(job.data.syllables, channel, confusions, job.data.channel);
  const syllables = new Set(job.data.syllables);
  const out = model.repairLines(job.ocr).lines;
  const classes = new Map<string, { n: number; ex: string[] }>();
  let total = 0;
  let wrong = 0;
  const note = (cls: string, ex: string) => {
    const c = classes.get(cls) ?? classes.set(cls, { n: 0, ex: [] }).get(cls)!;
    c.n++; if (c.ex.length < show) c.ex.push(ex);
  };
  const groups: [string[], string[], string[]][] = job.byTokens
    ? [[job.ocr.flatMap(lineWords), out.flatMap(lineWords), job.truth.flatMap(lineWords)]]
    : job.ocr.map((o, i) => [lineWords(o), lineWords(out[i] ?? ''), lineWords(job.truth[i] ?? '')]);
  for (const [o, r, t] of groups) {
    if (o.length !== r.length) { note('layout', `${o.join(' ')} => ${r.join(' ')}`); continue; }
    // align OCR tokens with the truth; the output token i is the repair of OCR token i
    const idx = new Map<string, number>();
    const pairs = alignTokens(o, t, job.byTokens ? 60 : Infinity);
    let oi = 0;
    for (let k = 0; k < pairs.length; k++) {
      const [ot, tt] = pairs[k]!;
      const here = oi;
      if (ot !== null) oi++;
      if (tt === null || !/\p{L}/u.test(tt)) continue;
      total++;
      const got = ot === null ? '∅' : r[here]!;
      if (ot !== null && norm(got) === norm(tt)) continue;
      wrong++;
      const ctx = `${ot ?? '∅'} -> ${got} (want ${tt})   | ${(job.byTokens ? o.slice(Math.max(0, here - 4), here + 4) : o).join(' ')}`;
      const prev = pairs[k - 1];
      const next = pairs[k + 1];
      if (ot === null || (prev && (prev[0] === null || prev[1] === null)) || (next && (next[0] === null || next[1] === null))) { note('split/merge', ctx); continue; }
      const want = norm(tt);
      if (!/^\p{L}+$/u.test(tt)) { note('not-letters', ctx); continue; }
      if (!syllables.has(want)) { note(/^\p{Lu}/u.test(tt) ? 'not-syllable (capitalised)' : 'not-syllable', ctx); continue; }
      const lower = ot.normalize('NFC').toLowerCase();
      if (/\d/.test(ot) && /^\d+$/.test(ot)) { note('number token', ctx); continue; }
      const cands = gen.generate(lower, 60);
      const wc = cands.find((c) => c.syl === want);
      if (!wc) { note('missing', ctx); continue; }
      const gc = cands.find((c) => c.syl === norm(got));
      const gotCost = gc ? gc.cost : 0;
      const rank = cands.indexOf(wc);
      if (wc.cost - gotCost > 3) note('channel', `${ctx}  [cost want ${wc.cost.toFixed(1)} got ${gotCost.toFixed(1)} rank ${rank}]`);
      else note('lm', `${ctx}  [cost want ${wc.cost.toFixed(1)} got ${gotCost.toFixed(1)} rank ${rank}]`);
      idx.set(tt, 1);
    }
  }
  console.log(`\n== ${job.name}: ${total - wrong}/${total} = ${((total - wrong) / total).toFixed(4)} (${wrong} wrong)`);
  for (const [cls, c] of [...classes].sort((a, b) => b[1].n - a[1].n)) {
    console.log(`  ${cls}: ${c.n}`);
    for (const e of c.ex) console.log(`      ${e}`);
  }
}
