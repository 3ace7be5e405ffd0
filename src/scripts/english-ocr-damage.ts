/**
 * English-OCR damage for a hand-written test document: Vietnamese marks stripped, with the confusions English OCR makes
 * on Vietnamese (ô/ơ read as 6 or d, ư as w, ê as é, a few other marked letters as é, đ as d, "Số:" as "S6:"), drawn from
 * a fixed seed so that the same input always gives the same output. It made tests/data/huyen-can-loc-viec-lam-2021.ocr.txt
 * from its .gold.txt. The stray é on 4% of marked letters is harsher than real English OCR (see that record's header).
 *
 *   npx tsx src/scripts/english-ocr-damage.ts <clean.txt> <damaged.txt>
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: npx tsx src/scripts/english-ocr-damage.ts <clean.txt> <damaged.txt>');
  process.exit(2);
}
let seed = 20261201;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const bare = (ch: string) => ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace('đ', 'd').replace('Đ', 'D');
const out: string[] = [];
for (const ch of readFileSync(input, 'utf8')) {
  const marked = ch.normalize('NFD') !== ch;
  const r = random();
  if (/[ồốổỗộ]/u.test(ch) && r < 0.35) out.push('6');
  else if (/[ơờớởỡợ]/u.test(ch) && r < 0.3) out.push('d');
  else if (/[ưừứửữự]/u.test(ch) && r < 0.3) out.push('w');
  else if (/[ếềểễệ]/u.test(ch) && r < 0.5) out.push('é');
  else if (/[áàảãạ]/u.test(ch) && r < 0.08) out.push('d');
  else if (marked && r < 0.04) out.push(ch === ch.toLowerCase() ? 'é' : 'E');
  else out.push(bare(ch));
}
writeFileSync(output, out.join('').replace(/^So: /m, 'S6: '));
