/**
 * The repair model over OCR output. Pages read with the Vietnamese model are not the
 * English-OCR damage the pipeline's text repair looks for (their damage score is ~0, so its
 * `auto` gate would skip them), but the model still fixes some of what tesseract misreads on
 * poor scans. Measured on the scan fixture's pages at several scan qualities, both engines
 * (src/scripts/bench-ocr.ts; repair model built without seed 003): it never lowered syllable
 * accuracy, and on degraded scans raised it by 0 to 1 point (the gain moved with the repair
 * model's revisions). So OCR'd lines are repaired unless --repair never;
 * the text repair (src/pipeline/prepare.ts) leaves pages with origin 'ocr' alone, so
 * nothing is repaired twice.
 */
import type { PlanDocument } from '../model/document.js';
import { loadRepairModel } from '../repair/index.js';

export function repairOcrPages(doc: PlanDocument, mode: 'auto' | 'always' | 'never'): void {
  if (mode === 'never') return;
  const lines = doc.pages.filter((p) => p.origin === 'ocr').flatMap((p) => p.lines);
  if (lines.length === 0) return;
  const texts = lines.map((l) => l.text);
  const model = loadRepairModel();
  const result = model.repairLines(texts);
  lines.forEach((line, i) => {
    line.text = result.lines[i] ?? line.text;
  });
  // source.textRepair describes the text-layer repair when there is one (mixed PDFs); else this one
  doc.textRepair ??= {
    applied: true,
    damageScore: round(model.assessDamage(texts).score),
    tokens: result.tokens,
    changed: result.changed,
    meanConfidence: round(result.meanConfidence),
  };
  const byLine = new Map<number, string[]>();
  for (const t of result.lowConfidence) {
    const list = byLine.get(t.line) ?? [];
    list.push(`"${t.original}" → "${t.repaired}" (${t.confidence.toFixed(2)})`);
    byLine.set(t.line, list);
  }
  for (const [index, tokens] of [...byLine].sort((a, b) => a[0] - b[0])) {
    const line = lines[index]!;
    doc.warn('low-confidence-repair', `unsure repair of OCR: ${tokens.join(', ')}`, { page: line.page, line: line.line, endLine: line.line });
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
