/**
 * Copies the documents the monitoring tests read (export, agenda, report) from ../shared into
 * tests/data/monitor/, so the tests never read ../shared at run time:
 * - seed 000, a held-out plan: a test INPUT of the agenda acceptance test only — no rule, table or
 *   lexicon is built or tuned from it (seeds 003 and 004 are in fixtures/ already);
 * - the real plans of ../shared/real that fixtures/real does not hold already (the office build
 *   and PDF build scripts copy the Word, HTML and PDF ones there): the text and Markdown ones.
 * Run: npm run data:monitor
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../util/paths.js';

const ROOT = packageRoot();
const SHARED = resolve(ROOT, '..', 'shared');
const OUT = join(ROOT, 'tests', 'data', 'monitor');

if (!existsSync(SHARED)) {
  console.error(`../shared is not there (${SHARED}): the committed copies in tests/data/monitor stay as they are`);
  process.exit(0);
}
mkdirSync(join(OUT, 'real'), { recursive: true });
const seed = readdirSync(join(SHARED, 'seeds')).find((f) => f.startsWith('000_'));
if (!seed) throw new Error('seed 000 not found in ../shared/seeds');
copyFileSync(join(SHARED, 'seeds', seed), join(OUT, 'seed-000.txt'));
console.log(`seed-000.txt ← seeds/${seed}`);
for (const dir of ['real', join('real', 'portal')]) {
  for (const name of readdirSync(join(SHARED, dir)).sort()) {
    // The scans take minutes of OCR: left out of a test that converts every file.
    if (name === 'README.md' || /scanned\.pdf$/.test(name) || !/\.[a-z]+$/.test(name)) continue;
    if (existsSync(join(ROOT, 'fixtures', dir, name))) continue;
    copyFileSync(join(SHARED, dir, name), join(OUT, 'real', name));
    console.log(`real/${name} ← ${dir}/${name}`);
  }
}
