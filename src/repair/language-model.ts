/**
 * Syllable trigram language model with stupid backoff. Units are lowercase syllables with
 * old-style tone placement, plus class tokens: <num> (numbers), <x> (codes, abbreviations)
 * and <s> (sentence/segment boundary).
 */
export interface LmCounts {
  uni: Record<string, number>;
  bi: Record<string, number>;
  tri: Record<string, number>;
  total: number;
}

export const BOUNDARY = '<s>';
const BACKOFF = Math.log(0.4);

const ID_BITS = 2 ** 17; // unit ids fit in 17 bits, so a trigram key fits in a double exactly

export class LanguageModel {
  private readonly ids = new Map<string, number>();
  private readonly uniCount: number[] = [];
  private readonly bi = new Map<number, number>();
  private readonly tri = new Map<number, number>();
  private readonly logTotal: number;
  /** Cost for in-inventory syllables never seen in training text. */
  readonly unseenCost: number;
  /** Cost for tokens that are not Vietnamese syllables at all. */
  readonly oovCost: number;
  readonly boundaryId: number;

  constructor(counts: LmCounts, inventorySize: number) {
    for (const [w, c] of Object.entries(counts.uni)) { this.ids.set(w, this.ids.size); this.uniCount.push(c); }
    if (this.ids.size >= ID_BITS) throw new Error('language model vocabulary too large');
    const idOf = (w: string) => this.ids.get(w);
    for (const [k, c] of Object.entries(counts.bi)) {
      const [a, b] = k.split(' ');
      const x = idOf(a!); const y = idOf(b!);
      if (x !== undefined && y !== undefined) this.bi.set(x * ID_BITS + y, c);
    }
    for (const [k, c] of Object.entries(counts.tri)) {
      const [a, b, d] = k.split(' ');
      const x = idOf(a!); const y = idOf(b!); const z = idOf(d!);
      if (x !== undefined && y !== undefined && z !== undefined) this.tri.set((x * ID_BITS + y) * ID_BITS + z, c);
    }
    this.logTotal = Math.log(counts.total + inventorySize * 0.05);
    this.unseenCost = this.logTotal - Math.log(0.05);
    this.oovCost = this.unseenCost + 3;
    this.boundaryId = this.ids.get(BOUNDARY) ?? -1;
  }

  /** Unit id, or -1 for units never seen in training. */
  id(w: string): number { return this.ids.get(w) ?? -1; }

  unigramCost(id: number): number {
    return id >= 0 ? this.logTotal - Math.log(this.uniCount[id]!) : this.unseenCost;
  }

  /**
   * -log score(w | u v) with stupid backoff over unit ids (-1 = unseen unit);
   * `wUnseenCost` is the unigram cost to use when w itself is unseen.
   */
  cost(u: number, v: number, w: number, wUnseenCost: number): number {
    if (w < 0) return -2 * BACKOFF + wUnseenCost;
    if (v >= 0) {
      if (u >= 0) {
        const cuvw = this.tri.get((u * ID_BITS + v) * ID_BITS + w);
        if (cuvw) return -Math.log(cuvw / this.bi.get(u * ID_BITS + v)!);
      }
      const cvw = this.bi.get(v * ID_BITS + w);
      if (cvw) return -BACKOFF - Math.log(cvw / this.uniCount[v]!);
    }
    return -2 * BACKOFF + this.unigramCost(w);
  }
}

/** Add the unit stream of one text segment to the counts. */
export function countUnits(counts: LmCounts, units: readonly string[]): void {
  const seq = [BOUNDARY, BOUNDARY, ...units];
  for (let i = 2; i < seq.length; i++) {
    const w = seq[i]!;
    if (w === BOUNDARY) continue;
    counts.uni[w] = (counts.uni[w] ?? 0) + 1;
    counts.total++;
    const b = seq[i - 1] + ' ' + w;
    counts.bi[b] = (counts.bi[b] ?? 0) + 1;
    const t = seq[i - 2] + ' ' + b;
    counts.tri[t] = (counts.tri[t] ?? 0) + 1;
  }
  // boundary-context counts so that cost(<s>, <s>, w) finds its denominators
  counts.uni[BOUNDARY] = (counts.uni[BOUNDARY] ?? 0) + 1;
  const bb = BOUNDARY + ' ' + BOUNDARY;
  counts.bi[bb] = (counts.bi[bb] ?? 0) + 1;
}
