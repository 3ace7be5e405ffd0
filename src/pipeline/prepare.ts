/**
 * Text-level stages that run before extraction: whatever turns the backend's
 * lines into the best text we can get. Here: repair of OCR damage (lost or
 * mangled diacritics) on text that came from a text file or a PDF text layer.
 */
import type { PlanDocument, TextLine } from '../model/document.js';
import { assessDamage, loadRepairModel } from '../repair/index.js';
import { repairOcrPages } from '../ocr/repair.js';

export interface PrepareOptions {
  repair: 'auto' | 'always' | 'never';
}

/** Lines the repair may touch: OCR pages are read with the Vietnamese model and need no diacritic repair. */
function repairableLines(doc: PlanDocument): TextLine[] {
  return doc.pages.filter((p) => p.origin === 'text' || p.origin === 'pdf-text').flatMap((p) => p.lines);
}

export function repairText(doc: PlanDocument, mode: PrepareOptions['repair']): void {
  if (mode === 'never') return;
  const lines = repairableLines(doc);
  if (lines.length === 0) return;
  const texts = lines.map((l) => l.text);
  const damage = assessDamage(texts);
  if (mode === 'auto' && !damage.damaged) {
    doc.textRepair = { applied: false, damageScore: round(damage.score), tokens: damage.syllables, changed: 0, meanConfidence: 1 };
    return;
  }
  const result = loadRepairModel().repairLines(texts);
  lines.forEach((line, i) => {
    line.text = result.lines[i] ?? line.text;
  });
  doc.textRepair = {
    applied: true,
    damageScore: round(damage.score),
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
    doc.warn('low-confidence-repair', `unsure repair: ${tokens.join(', ')}`, { page: line.page, line: line.line, endLine: line.line });
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function prepareText(doc: PlanDocument, options: PrepareOptions): void {
  repairText(doc, options.repair);
  // OCR'd pages (origin 'ocr', left alone above) get their own pass: see src/ocr/repair.ts
  repairOcrPages(doc, options.repair);
}
