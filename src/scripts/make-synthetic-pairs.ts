/**
 * Make synthetic (OCR, truth) line pairs for the text-repair model.
 *
 * Clean Vietnamese lines (seed 004 rendered text, seed 003 gold, and the handwritten
 * sentences in src/data/repair/sentences.txt) are drawn on a canvas with a Vietnamese-capable
 * font at varying sizes and blur, then read back with tesseract's *English* model, which
 * reproduces the damage seen in the seeds (S6, x4 hoi, Trung wong, 1a).
 *
 * Output: src/data/repair/synthetic/pairs.tsv with columns  source, id, ocr, truth.
 * "source" lets build-lm drop pairs derived from seed 003 (honest build) and "id" decides the
 * held-out split. Seeds 000-002 are never read here.
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
      if (!t) continue;
      for (const w of wrap(t, 60 + (k++ % 3) * 10)) items.push({ source, text: w });
    }
  };
  add('004', join(shared, 'dev', '004_be505b6e33d69a41.rendered.txt'));
  add('003', join(shared, 'dev', '003_cfea897aaf665822.gold.txt'));
  add('own', dataPath('repair', 'sentences.txt'));
  return items;
}

/** Draw one text line; size/blur vary deterministically with the index. */
function render(text: string, i: number): Buffer {
  const font = FONTS[i % FONTS.length]!;
  const size = [26, 30, 34, 40][(i >> 1) % 4]!;
  const scale = [1, 0.6, 0.5][(i >> 2) % 3]!; // draw then down/up-sample to blur strokes
  const c0 = createCanvas(Math.ceil(text.length * size * 0.62) + 40, Math.ceil(size * 1.9));
  const g0 = c0.getContext('2d');
  g0.fillStyle = '#fff';
  g0.fillRect(0, 0, c0.width, c0.height);
  g0.fillStyle = '#111';
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
  for (let i = 0; i < items.length; i++) {
    const { source, text } = items[i]!;
    const { data } = await worker.recognize(render(text, i));
    const ocr = data.text.replace(/\s+/g, ' ').trim();
    rows.push([source, String(i), ocr, text].join('\t'));
    if (i % 100 === 0) console.error(`${i}/${items.length} ${((Date.now() - t0) / 1000).toFixed(0)}s ${ocr}`);
  }
  await worker.terminate();
  writeFileSync(dataPath('repair', 'synthetic', 'pairs.tsv'), rows.join('\n') + '\n');
  console.error(`wrote ${rows.length} pairs`);
}

main().catch((e) => { console.error(e); process.exit(1); });
