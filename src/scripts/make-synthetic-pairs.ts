/**
 * Make synthetic (OCR, truth) line pairs for the text-repair model.
 *
 * Clean Vietnamese lines (seed 004 rendered text, seed 003 gold, and the handwritten
 * sentences in src/data/repair/sentences.txt) are drawn on a canvas with a Vietnamese-capable
 * font at varying sizes and blur, then read back with tesseract's *English* model, which
 * reproduces the damage seen in the seeds (S6, x4 hoi, Trung wong, 1a).
 *
 * Output: src/data/repair/synthetic/pairs.tsv with columns  source, id, ocr, truth.
 * "source" lets build-lm drop pairs derived from seed 003 (honest build); id = line * 10 + pass
 * and the held-out split goes by line. Seeds 000-002 are never read here.
 *
 * Usage: npx tsx src/scripts/make-synthetic-pairs.ts [--limit N]
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { createWorker, OEM } from 'tesseract.js';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { dataPath, packageRoot } from '../util/paths.js';

const root = packageRoot();
const shared = join(root, '..', 'shared');
const fontDir = join(root, 'node_modules', 'dejavu-fonts-ttf', 'ttf');
const FONTS = [
  { file: 'DejaVuSerif.ttf', family: 'DVSerif' },
  { file: 'DejaVuSans.ttf', family: 'DVSans' },
  { file: 'DejaVuSerifCondensed.ttf', family: 'DVSerifCond' },
];
for (const f of FONTS) GlobalFonts.registerFromPath(join(fontDir, f.file), f.family);

/** Break long paragraphs into printed-line sized chunks (~60-80 chars) at spaces. */
function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const w of line.split(/\s+/).filter(Boolean)) {
    if (cur && cur.length + 1 + w.length > width) { out.push(cur); cur = w; } else cur = cur ? cur + ' ' + w : w;
  }
  if (cur) out.push(cur);
  return out;
}

function sourceLines(): { source: string; text: string }[] {
  const items: { source: string; text: string }[] = [];
  const add = (source: string, file: string) => {
    if (!existsSync(file)) return;
    let k = 0;
    for (const raw of readFileSync(file, 'utf8').split('\n')) {
      const t = raw.replace(/[*#|]/g, ' ').trim();
      if (!t || raw.startsWith('# ')) continue;
      for (const w of wrap(t, 60 + (k++ % 3) * 10)) items.push({ source, text: w });
    }
  };
  add('004', join(shared, 'dev', '004_be505b6e33d69a41.rendered.txt'));
  add('003', join(shared, 'dev', '003_cfea897aaf665822.gold.txt'));
  add('own', dataPath('repair', 'sentences.txt'));
  add('003', dataPath('repair', 'sentences-dev003.txt')); // 003-informed: dropped from the honest build
  return items;
}

/** Draw one text line; font, size and blur vary deterministically with line index and pass. */
function render(text: string, i: number, pass: number): Buffer {
  const font = FONTS[(i + pass) % FONTS.length]!;
  const size = (pass === 0 ? [26, 30, 34, 40] : [22, 28, 32, 36])[(i >> 1) % 4]!;
  const scale = (pass === 0 ? [1, 0.6, 0.5] : [0.7, 0.45, 0.55])[(i >> 2) % 3]!; // down/up-sample to blur strokes
  const c0 = createCanvas(Math.ceil(text.length * size * 0.62) + 40, Math.ceil(size * 1.9));
  const g0 = c0.getContext('2d');
  g0.fillStyle = '#fff';
  g0.fillRect(0, 0, c0.width, c0.height);
  g0.fillStyle = pass === 0 ? '#111' : '#333';
  g0.font = `${size}px ${font.family}`;
  g0.textBaseline = 'middle';
  g0.fillText(text, 20, c0.height / 2);
  if (scale === 1) return c0.toBuffer('image/png');
  const w = Math.max(1, Math.round(c0.width * scale));
  const h = Math.max(1, Math.round(c0.height * scale));
  const c1 = createCanvas(w, h);
  c1.getContext('2d').drawImage(c0, 0, 0, w, h);
  const c2 = createCanvas(c0.width, c0.height);
  c2.getContext('2d').drawImage(c1, 0, 0, c0.width, c0.height);
  return c2.toBuffer('image/png');
}

async function main(): Promise<void> {
  const limitArg = process.argv.indexOf('--limit');
  const limit = limitArg > 0 ? Number(process.argv[limitArg + 1]) : Infinity;
  const items = sourceLines().slice(0, limit);
  const langPath = join(root, 'node_modules', '@tesseract.js-data', 'eng', '4.0.0');
  const worker = await createWorker('eng', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
  const rows: string[] = [];
  const t0 = Date.now();
  const passes = 2;
  for (let pass = 0; pass < passes; pass++) {
    for (let i = 0; i < items.length; i++) {
      const { source, text } = items[i]!;
      const { data } = await worker.recognize(render(text, i, pass));
      const ocr = data.text.replace(/\s+/g, ' ').trim();
      // id = line * 10 + pass: the held-out split goes by line, so both renders of a line fall on the same side
      rows.push([source, String(i * 10 + pass), ocr, text].join('\t'));
      if (i % 200 === 0) console.error(`pass ${pass} ${i}/${items.length} ${((Date.now() - t0) / 1000).toFixed(0)}s ${ocr}`);
    }
  }
  await worker.terminate();
  writeFileSync(dataPath('repair', 'synthetic', 'pairs.tsv'), rows.join('\n') + '\n');
  console.error(`wrote ${rows.length} pairs`);
}

main().catch((e) => { console.error(e); process.exit(1); });
