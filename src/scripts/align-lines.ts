/**
 * Monotone pairing of a page's OCR lines with the lines that were typeset on it (a seal makes junk
 * lines, a line may be lost or split): a dynamic programme over both sequences maximising the summed
 * similarity of the pairs it keeps; a pair counts only when its similarity reaches `min`. Shared by the
 * synthetic-pair makers (make-eng-ocr-pairs, make-vie-ocr-pairs), which differ in the similarity.
 */
export function alignLines(ocr: readonly string[], truth: readonly string[], similarity: (ocrLine: string, truthLine: string) => number, min: number): [string, string][] {
  const W = truth.length + 1;
  const memo = new Map<number, number>();
  const sim = (i: number, j: number) => {
    const k = i * W + j;
    let v = memo.get(k);
    if (v === undefined) memo.set(k, (v = similarity(ocr[i]!, truth[j]!)));
    return v >= min ? v : 0;
  };
  const score = new Float64Array((ocr.length + 1) * W);
  for (let i = 1; i <= ocr.length; i++) for (let j = 1; j <= truth.length; j++) {
    score[i * W + j] = Math.max(score[(i - 1) * W + j]!, score[i * W + j - 1]!, score[(i - 1) * W + j - 1]! + sim(i - 1, j - 1));
  }
  const out: [string, string][] = [];
  let i = ocr.length;
  let j = truth.length;
  while (i > 0 && j > 0) {
    const m = sim(i - 1, j - 1);
    if (m > 0 && score[i * W + j] === score[(i - 1) * W + j - 1]! + m) { out.push([ocr[i - 1]!, truth[j - 1]!]); i--; j--; }
    else if (score[i * W + j] === score[(i - 1) * W + j]!) i--;
    else j--;
  }
  return out.reverse();
}
