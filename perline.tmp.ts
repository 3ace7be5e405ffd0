import { readFileSync } from 'node:fs';
import { loadRepairModel } from './src/repair/index.js';
import { syllableAccuracy } from './src/repair/evaluate.js';
import { stripMarks } from './src/repair/vietnamese.js';
const model = loadRepairModel();
for (const f of ['contracts','everyday','conversation','literary']) {
  const doc = readFileSync(`src/data/repair/general-eval/${f}.txt`,'utf8').split('\n').filter(Boolean);
  let c = 0, t = 0; const ch = new Map<string, number>();
  for (const l of doc) { const r = model.repairLines([stripMarks(l)]); const k = r.channel + '/' + (r.register ?? '-'); ch.set(k, (ch.get(k) ?? 0) + 1); const a = syllableAccuracy(r.lines, [l]); c += a.correct; t += a.total; }
  console.log(f, 'line by line', (c / t).toFixed(4), JSON.stringify([...ch]));
}
