/**
 * Text-level stages that run before extraction: whatever turns the backend's
 * lines into the best text we can get. Here: the repair model.
 *
 * - Text-layer and text-file lines are repaired when their damage score says they
 *   were OCR'd by an English-only engine (or always / never, as asked).
 * - OCR'd pages (read with the Vietnamese model) are not that kind of damage (their
 *   score is ~0), but the model still fixes some of what tesseract misreads on poor
 *   scans: measured by src/scripts/bench-ocr.ts at several scan qualities, both
 *   engines, it never lowered syllable accuracy. So they are repaired unless
 *   --repair never. Each page is repaired once, by one of the two passes.
 */
import type { PlanDocument, TextLine } from '../model/document.js';
import type { TableCell } from '../model/table.js';
import { assessDamage, loadRepairModel } from '../repair/index.js';
import { isUnicodeVietnamese } from '../text/vietnamese.js';

export interface PrepareOptions {
  repair: 'auto' | 'always' | 'never';
}

function linesOf(doc: PlanDocument, origins: readonly string[]): TextLine[] {
  return doc.pages.filter((p) => origins.includes(p.origin)).flatMap((p) => p.lines);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The cells of the tables whose rows are on pages of these origins (what the tables stage reads instead of the row lines). */
function cellsOf(doc: PlanDocument, origins: readonly string[]): TableCell[] {
  const pages = new Set(doc.pages.filter((p) => origins.includes(p.origin)).map((p) => p.number));
  return doc.tables.filter((t) => pages.has(t.page)).flatMap((t) => t.cells);
}

/** Repairs the lines and the cells of their tables in place, records the statistics (first pass wins) and warns on doubtful tokens. */
function repairLinesOf(doc: PlanDocument, lines: TextLine[], cells: TableCell[], damageScore: number, what: string, ocr = false): void {
  // OCR'd lines that look clean still go through the Vietnamese-OCR channel (mark errors)
  const model = loadRepairModel();
  const result = model.repairLines(lines.map((l) => l.text), { ocr });
  lines.forEach((line, i) => {
    line.text = result.lines[i] ?? line.text;
  });
  // a cell is repaired as the line it is; its doubts are those of its row's line, warned once there
  if (cells.length > 0) {
    const repaired = model.repairLines(cells.map((c) => c.text), { ocr }).lines;
    cells.forEach((cell, i) => {
      cell.text = repaired[i] ?? cell.text;
    });
  }
  doc.textRepair ??= {
    applied: true,
    damageScore: round(damageScore),
    tokens: result.tokens,
    changed: result.changed,
    meanConfidence: round(result.meanConfidence),
  };
  // One warning per line, listing its doubtful tokens, keeps the list readable.
  const byLine = new Map<number, string[]>();
  for (const t of result.lowConfidence) {
    const list = byLine.get(t.line) ?? [];
    list.push(`"${t.original}" → "${t.repaired}" (${t.confidence.toFixed(2)})`);
    byLine.set(t.line, list);
  }
  for (const [index, tokens] of [...byLine].sort((a, b) => a[0] - b[0])) {
    const line = lines[index]!;
    doc.warn('low-confidence-repair', `unsure repair${what}: ${tokens.join(', ')}`, { page: line.page, line: line.line, endLine: line.line });
  }
}

/** At most n lines, evenly spread over the text. */
function sampleLines(texts: string[], n: number): string[] {
  if (texts.length <= n) return texts;
  return Array.from({ length: n }, (_, i) => texts[Math.floor((i * texts.length) / n)]!);
}

export function repairText(doc: PlanDocument, mode: PrepareOptions['repair']): void {
  if (mode === 'never') return;
  const lines = linesOf(doc, ['text', 'pdf-text']);
  if (lines.length === 0) return;
  const texts = lines.map((l) => l.text);
  // Clean Unicode Vietnamese (most text layers) needs no repair; its score is estimated on a sample of lines.
  const clean = mode === 'auto' && isUnicodeVietnamese(texts);
  const damage = assessDamage(clean ? sampleLines(texts, 80) : texts);
  if (mode === 'auto' && (clean || !damage.damaged)) {
    doc.textRepair = { applied: false, damageScore: round(damage.score), tokens: damage.syllables, changed: 0, meanConfidence: 1 };
    return;
  }
  repairLinesOf(doc, lines, cellsOf(doc, ['text', 'pdf-text']), damage.score, '');
}

export function repairOcrText(doc: PlanDocument, mode: PrepareOptions['repair']): void {
  if (mode === 'never') return;
  const lines = linesOf(doc, ['ocr']);
  if (lines.length === 0) return;
  repairLinesOf(doc, lines, cellsOf(doc, ['ocr']), assessDamage(lines.map((l) => l.text)).score, ' of OCR', true);
}

export function prepareText(doc: PlanDocument, options: PrepareOptions): void {
  // source.textRepair describes the text-layer repair when there is a text layer, else the OCR repair.
  repairText(doc, options.repair);
  repairOcrText(doc, options.repair);
}
