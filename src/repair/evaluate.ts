/**
 * Syllable accuracy of repaired text against gold: per line, word cores are compared
 * case-insensitively with tone placement normalised (hoà = hòa), aligned by Levenshtein so a
 * merged or split token costs only locally. Only gold tokens with letters are counted.
 */
import { lineWords } from './tokenize.js';
import { normalizeTonePlacement } from './vietnamese.js';

const norm = (w: string) => normalizeTonePlacement(w.toLowerCase().normalize('NFC'));

export interface AccuracyReport { correct: number; total: number; accuracy: number; errors: { line: number; got: string; want: string }[] }

export function syllableAccuracy(output: readonly string[], gold: readonly string[], keepErrors = 0): AccuracyReport {
  let correct = 0;
  let total = 0;
  const errors: AccuracyReport['errors'] = [];
  for (let li = 0; li < gold.length; li++) {
    const g = lineWords(gold[li]!).map(norm);
    const o = lineWords(output[li] ?? '').map(norm);
    const n = o.length;
    const m = g.length;
    const W = m + 1;
    const d = new Int32Array((n + 1) * W);
    for (let j = 0; j <= m; j++) d[j] = j;
    for (let i = 1; i <= n; i++) {
      d[i * W] = i;
      for (let j = 1; j <= m; j++) {
        d[i * W + j] = Math.min(d[(i - 1) * W + j - 1]! + (o[i - 1] === g[j - 1] ? 0 : 1), d[(i - 1) * W + j]! + 1, d[i * W + j - 1]! + 1);
      }
    }
    let i = n;
    let j = m;
    while (j > 0) {
      const isWord = /\p{L}/u.test(g[j - 1]!);
      if (i > 0 && d[i * W + j] === d[(i - 1) * W + j - 1]! + (o[i - 1] === g[j - 1] ? 0 : 1)) {
        if (isWord) {
          total++;
          if (o[i - 1] === g[j - 1]) correct++;
          else if (errors.length < keepErrors) errors.push({ line: li, got: o[i - 1]!, want: g[j - 1]! });
        }
        i--; j--;
      } else if (i > 0 && d[i * W + j] === d[(i - 1) * W + j]! + 1) i--;
      else {
        if (isWord) { total++; if (errors.length < keepErrors) errors.push({ line: li, got: '∅', want: g[j - 1]! }); }
        j--;
      }
    }
  }
  return { correct, total, accuracy: total ? correct / total : 1, errors };
}

/** Share of word tokens left unchanged (for clean-text pass-through). */
export function unchangedShare(input: readonly string[], output: readonly string[]): { same: number; total: number; share: number } {
  let same = 0;
  let total = 0;
  input.forEach((l, i) => {
    const a = lineWords(l);
    const b = lineWords(output[i] ?? '');
    a.forEach((w, k) => { if (/\p{L}/u.test(w)) { total++; if (b[k] === w) same++; } });
  });
  return { same, total, share: total ? same / total : 1 };
}
