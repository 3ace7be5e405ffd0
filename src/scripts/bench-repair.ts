/**
 * Speed of the text repair (`npx tsx src/scripts/bench-repair.ts`), per channel, on ~70k-syllable
 * documents: seed 003 (English OCR) repeated, seed 003's gold stripped of its marks repeated
 * (stripped channel), seed 004's clean text repeated through the Vietnamese-OCR pass.
 *
 * Steady state: several rounds of one repairLines call per document and per model; CPU seconds
 * (process.cpuUsage, the process's own cost whatever else runs on the machine), median per
 * channel. Start-up (read the data files + build the model) and the JS heap after loading are
 * measured in fresh child processes (one per round), median.
 *
 * --baseline DIR compares against another copy of the source tree (e.g. the commit before a
 * change: `mkdir -p /tmp/old && git archive main src | tar -x -C /tmp/old && cp package.json
 * tsconfig.json /tmp/old && ln -s "$PWD/node_modules" /tmp/old/`): DIR/src/repair is
 * imported with its own DIR/src/data/repair; both models run interleaved in the same process
 * (alternating which goes first), so machine load hits both alike, and their outputs are checked
 * to be identical line for line.
 *
 * Options: --rounds N (default 7), --baseline DIR, --only english-ocr|stripped|vie-ocr.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../util/paths.js';

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const root = packageRoot();

interface Tree { name: string; dir: string }
interface Loaded { name: string; model: { repairLines(lines: readonly string[], o?: { ocr?: boolean; channel?: string }): { lines: string[]; channel: string } } }

/** child mode: load one tree's model, print start-up CPU seconds and heap bytes as JSON */
async function startupChild(dir: string): Promise<void> {
  const heap0 = process.memoryUsage().heapUsed;
  const modelMod = await import(pathToFileURL(join(dir, 'src', 'repair', 'model.ts')).href);
  const dataMod = await import(pathToFileURL(join(dir, 'src', 'repair', 'model-data.ts')).href);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const model = modelMod.createRepairModel(dataMod.readModelData(join(dir, 'src', 'data', 'repair')));
  const cpu = process.cpuUsage(c0);
  const wall = (performance.now() - t0) / 1000;
  const m = process.memoryUsage();
  // keep the model alive until the heap is read
  if (!model) throw new Error('no model');
  process.stdout.write(JSON.stringify({ cpu: (cpu.user + cpu.system) / 1e6, wall, heap: m.heapUsed, heapModel: m.heapUsed - heap0, arrayBuffers: m.arrayBuffers }) + '\n');
}

async function load(t: Tree): Promise<Loaded> {
  const modelMod = await import(pathToFileURL(join(t.dir, 'src', 'repair', 'model.ts')).href);
  const dataMod = await import(pathToFileURL(join(t.dir, 'src', 'repair', 'model-data.ts')).href);
  return { name: t.name, model: modelMod.createRepairModel(dataMod.readModelData(join(t.dir, 'src', 'data', 'repair'))) };
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
const cpuSince = (c0: NodeJS.CpuUsage) => { const c = process.cpuUsage(c0); return (c.user + c.system) / 1e6; };
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  if (opt('startup-child')) return startupChild(opt('startup-child')!);
  const rounds = Number(opt('rounds') ?? 7);
  const trees: Tree[] = [{ name: 'current', dir: root }];
  if (opt('baseline')) trees.unshift({ name: 'baseline', dir: resolve(opt('baseline')!) });

  const { lineWords } = await import('../repair/tokenize.js');
  const { stripMarks } = await import('../repair/vietnamese.js');
  const { SEED003, SEED004 } = await import('../repair/training.js');
  const shared = join(root, '..', 'shared');
  const read = (f: string) => readFileSync(f, 'utf8').split('\n');
  const repeat = (lines: string[]) => {
    const out: string[] = [];
    let n = 0;
    const per = lines.reduce((s, l) => s + lineWords(l).length, 0);
    while (n < 69_000) { out.push(...lines); n += per; }
    return { lines: out, syllables: n };
  };
  const docs = [
    { channel: 'english-ocr', ...repeat(read(join(shared, 'seeds', `${SEED003}.txt`))), options: {} },
    { channel: 'stripped', ...repeat(read(join(shared, 'dev', `${SEED003}.gold.txt`)).map(stripMarks)), options: {} },
    { channel: 'vie-ocr', ...repeat(read(join(shared, 'seeds', `${SEED004}.txt`))), options: { ocr: true } },
  ].filter((d) => !opt('only') || d.channel === opt('only'));

  // start-up: fresh processes (tsx compiles the modules before the clock starts)
  const startup = new Map<string, { cpu: number; wall: number; heap: number; heapModel: number; arrayBuffers: number }[]>();
  for (let r = 0; r < Math.min(rounds, 5); r++) {
    for (const t of r % 2 ? [...trees].reverse() : trees) {
      const outText = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, '--startup-child', t.dir], { encoding: 'utf8' });
      const list = startup.get(t.name) ?? [];
      list.push(JSON.parse(outText.trim().split('\n').pop()!));
      startup.set(t.name, list);
    }
  }

  const models: Loaded[] = [];
  for (const t of trees) models.push(await load(t));
  // first run of each model on each document: cold caches (candidate memos, JIT)
  const first = new Map<string, number>();
  for (const m of models) {
    for (const d of docs) {
      const c0 = process.cpuUsage();
      const r = m.model.repairLines(d.lines, d.options);
      first.set(`${m.name} ${d.channel}`, cpuSince(c0));
      if (r.channel !== d.channel) throw new Error(`${m.name}: ${d.channel} document decoded as ${r.channel}`);
    }
  }
  if (models.length === 2) {
    for (const d of docs) {
      const a = models[0]!.model.repairLines(d.lines, d.options).lines;
      const b = models[1]!.model.repairLines(d.lines, d.options).lines;
      const diff = a.findIndex((l, i) => l !== b[i]);
      console.log(`${d.channel}: outputs ${diff < 0 && a.length === b.length ? 'identical' : `DIFFER (first at line ${diff + 1})`}`);
    }
  }
  const times = new Map<string, number[]>();
  for (let r = 0; r < rounds; r++) {
    for (const d of docs) {
      for (const m of r % 2 ? [...models].reverse() : models) {
        const c0 = process.cpuUsage();
        m.model.repairLines(d.lines, d.options);
        const key = `${m.name} ${d.channel}`;
        const list = times.get(key) ?? [];
        list.push(cpuSince(c0));
        times.set(key, list);
      }
    }
  }
  if (models.length === 2) {
    // the same round of both models ran back to back: the ratio per round cancels most of the
    // machine's load swings
    for (const d of docs) {
      const a = times.get(`${models[0]!.name} ${d.channel}`)!;
      const b = times.get(`${models[1]!.name} ${d.channel}`)!;
      const ratios = a.map((x, i) => x / b[i]!);
      console.log(`${d.channel}: ${models[1]!.name} is ${median(ratios).toFixed(3)}× as fast as ${models[0]!.name} (median of ${ratios.length} per-round CPU-time ratios: ${ratios.map((r) => r.toFixed(2)).join(' ')})`);
    }
  }
  for (const m of models) {
    const s = startup.get(m.name)!;
    const su = median(s.map((x) => x.cpu));
    console.log(`${m.name}: start-up ${su.toFixed(3)} s CPU (${median(s.map((x) => x.wall)).toFixed(3)} s wall), JS heap after load ${(median(s.map((x) => x.heap)) / 2 ** 20).toFixed(0)} MB ` +
      `(model ${(median(s.map((x) => x.heapModel)) / 2 ** 20).toFixed(0)} MB) + array buffers ${(median(s.map((x) => x.arrayBuffers)) / 2 ** 20).toFixed(0)} MB; median of ${s.length} fresh processes`);
    for (const d of docs) {
      const key = `${m.name} ${d.channel}`;
      const ts = times.get(key)!;
      const med = median(ts);
      console.log(`  ${d.channel.padEnd(11)} ${d.syllables} syllables: steady ${fmt(d.syllables / med)} syllables/CPU-s (median ${med.toFixed(3)} s of ${ts.length}: ${ts.map((x) => x.toFixed(2)).join(' ')}; fastest ${fmt(d.syllables / Math.min(...ts))}), ` +
        `first run ${fmt(d.syllables / first.get(key)!)}, start-up + first run ${fmt(d.syllables / (su + first.get(key)!))} syllables/CPU-s`);
    }
  }
}

await main();
