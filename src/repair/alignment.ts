/**
 * Token alignment between an OCR read and its clean text (Levenshtein over tokens, with
 * substitution cost from skeleton similarity), used to harvest (ocr, truth) pairs for the
 * channel model. Lines of 004's OCR do not match the rendered lines, so alignment also works
 * on whole-document token streams with a diagonal band.
 */
import { skeleton } from './vietnamese.js';

/** Cheap similarity of two tokens in 0..1 (1 = identical skeletons). */
function tokenDistance(a: string, b: string): number {
  const x = skeleton(a).replace(/[06¢@]/g, 'o').replace(/[4&]/g, 'a');
  const y = skeleton(b);
  if (x === y) return 0;
  const n = x.length;
  const m = y.length;
  if (!n || !m) return 1;
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const s = prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1);
      cur[j] = Math.min(s, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return Math.min(1, prev[m]! / Math.max(n, m));
}

export type AlignedPair = [ocr: string | null, truth: string | null];

/** Align two token sequences; `band` limits |i - j * n/m| for long streams. */
export function alignTokens(ocr: readonly string[], truth: readonly string[], band = Infinity): AlignedPair[] {
  const n = ocr.length;
  const m = truth.length;
  const GAP = 0.7;
  const INF = 1e9;
  const W = m + 1;
  const cost = new Float64Array((n + 1) * W).fill(INF);
  const back = new Uint8Array((n + 1) * W); // 0 diag, 1 up (ocr extra), 2 left (truth missing)
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    const center = m ? Math.round((i * m) / Math.max(1, n)) : 0;
    const lo = Math.max(0, band === Infinity ? 0 : center - band);
    const hi = Math.min(m, band === Infinity ? m : center + band);
    for (let j = lo; j <= hi; j++) {
      if (i === 0 && j === 0) continue;
      let best = INF;
      let dir = 0;
      if (i > 0 && j > 0) {
        const c = cost[(i - 1) * W + j - 1]! + tokenDistance(ocr[i - 1]!, truth[j - 1]!);
        if (c < best) { best = c; dir = 0; }
      }
      if (i > 0) { const c = cost[(i - 1) * W + j]! + GAP; if (c < best) { best = c; dir = 1; } }
      if (j > 0) { const c = cost[i * W + j - 1]! + GAP; if (c < best) { best = c; dir = 2; } }
      cost[i * W + j] = best;
      back[i * W + j] = dir;
    }
  }
  const out: AlignedPair[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const dir = back[i * W + j];
    if (i > 0 && j > 0 && dir === 0) { out.push([ocr[i - 1]!, truth[j - 1]!]); i--; j--; }
    else if (i > 0 && (dir === 1 || j === 0)) { out.push([ocr[i - 1]!, null]); i--; }
    else { out.push([null, truth[j - 1]!]); j--; }
  }
  return out.reverse();
}
