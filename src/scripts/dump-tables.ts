/**
 * `tsx src/scripts/dump-tables.ts <file> [--all]`: the tables a document's backend finds, row by row
 * (label, cells), with the role of each column: for checking expected records by hand.
 */
import { loadDocument } from '../backends/index.js';
import { tableGrid } from '../model/table.js';
import { tableLayout } from '../pipeline/table-columns.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: tsx src/scripts/dump-tables.ts <file> [--all]');
  process.exit(2);
}
const all = process.argv.includes('--all');
const doc = await loadDocument(file);
for (const t of doc.tables) {
  const layout = tableLayout(t);
  console.log(`== table ${t.index} page ${t.page ?? '-'} lines ${t.firstLine}-${t.lastLine} ${t.rowCount}x${t.colCount} ${t.origin} role=${layout.role} columns=${layout.roles.join(',')}`);
  tableGrid(t).slice(0, all ? undefined : 8).forEach((row, r) => {
    const cells = row.filter((c, k) => c && row.indexOf(c) === k).map((c) => (all ? c!.text : c!.text.slice(0, 40)).replace(/\n/g, ' / '));
    console.log(`  [${t.rowLines[r]}] ${cells.join(' | ')}`);
  });
}
