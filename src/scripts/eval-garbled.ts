/**
 * How much of a lying text layer the decoder recovers: token accuracy of the PDF's text as the
 * tool reads it (no OCR) against a reference text (e.g. poppler's pdftotext of the same PDF).
 * Tokens are whitespace-separated words, compared as multisets (layout and order ignored).
 *
 *   npx tsx src/scripts/eval-garbled.ts ../shared/real/laocai-SCT-DKT-1105-KH-2026-kiem-tra-VLNCN.pdf ../shared/real/laocai-SCT-DKT-1105-KH-2026-kiem-tra-VLNCN.pdftotext.txt
 */
import { readFileSync } from 'node:fs';
import { readInputFile } from '../backends/read-input.js';
import { readPdfDocument } from '../backends/pdf-ocr.js';
import { readPdfText } from '../backends/pdf-text.js';

const [pdf, reference] = process.argv.slice(2);
if (!pdf || !reference) throw new Error('usage: eval-garbled <file.pdf> <reference.txt>');
const input = await readInputFile(pdf);
const bytes = new Uint8Array(input.bytes);
const tokens = (text: string) => text.normalize('NFC').split(/\s+/u).filter((t) => t && !/^\d+$/u.test(t) && !/^[\p{P}\p{S}]+$/u.test(t));

function overlap(got: string[], want: string[]): number {
  const bag = new Map<string, number>();
  for (const t of want) bag.set(t, (bag.get(t) ?? 0) + 1);
  let hit = 0;
  for (const t of got) {
    const n = bag.get(t) ?? 0;
    if (n > 0) {
      hit++;
      bag.set(t, n - 1);
    }
  }
  return hit;
}

const want = tokens(readFileSync(reference, 'utf8'));
const raw = await readPdfText(bytes, pdf);
const before = tokens(raw.pages.map((p) => p.text).join('\n'));
const doc = await readPdfDocument(input, pdf, { mode: 'never', engine: 'auto', jobs: 1 });
const after = tokens(doc.toText());
const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
console.log(`reference tokens: ${want.length}`);
console.log(`text layer as pdf.js reads it: ${before.length} tokens, ${overlap(before, want)} match (${pct(overlap(before, want), want.length)} of the reference)`);
console.log(`decoded: ${after.length} tokens, ${overlap(after, want)} match (${pct(overlap(after, want), want.length)} of the reference, precision ${pct(overlap(after, want), after.length)})`);
for (const w of doc.warnings.filter((x) => x.code === 'garbled-text-layer')) console.log(`warning: ${w.message.slice(0, 160)}`);
