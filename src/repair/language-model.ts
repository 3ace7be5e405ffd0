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

const ID_BITS = 2 ** 17; // unit ids fit in 17 bits, so a trigram key fits in a double exactly
export interface LmParams {
  /** weight of the lower-order estimate under in-domain bigram counts */
  gamma2: number;
  /** ... and under in-domain trigram counts */
  gamma3: number;
  /** background bigrams vs unigram in the lower-order estimate */
  bgWeight: number;
  /** pseudo-count mass of the background (word-list) unigram distribution */
  bgUnigramMass: number;
  unknownPenalty: number;
  /** if > 0: background pairs multiply the unigram by this (absent pairs by bgAbsent) instead of mixing */
  bgBoost: number;
  bgAbsent: number;
  /** exponent applied to background degrees before they serve as unigram counts */
  degreePower: number;
  /** if > 0, the bigram interpolation weight is this times the context's number of successor types */
  wittenBell: number;
}
export const DEFAULT_LM: LmParams = { gamma2: 1.5, gamma3: 1, bgWeight: 0.6, bgUnigramMass: 2000, unknownPenalty: 2, bgBoost: 0, bgAbsent: 1, degreePower: 1, wittenBell: 0 };

/**
 * Background knowledge from the Vietnamese tesseract word lists: which syllable pairs occur
 * in ordinary Vietnamese (no counts), used below the in-domain counts. A syllable's number of
 * distinct neighbours serves as its frequency proxy.
 */
export interface BackgroundBigrams { pairs: [string, string][] }

export class LanguageModel {
  private readonly ids = new Map<string, number>();
  private readonly uniCount: number[] = [];
  private readonly degree: number[] = [];
  private readonly succDegree: number[] = [];
  // per-context tables keyed by small-integer ids (fast Map/Set paths in V8)
  private readonly biNext: (Map<number, number> | undefined)[] = [];
  private readonly triNext = new Map<number, Map<number, number>>(); // key u*ID_BITS+v
  private readonly bgNext: (Set<number> | undefined)[] = [];
  private readonly uniCost: Float64Array;
  private readonly uniProb: Float64Array;
  /** Cost for in-inventory syllables never seen in any source. */
  readonly unseenCost: number;
  /** Cost for tokens that are not Vietnamese syllables at all. */
  readonly oovCost: number;
  readonly boundaryId: number;

  constructor(counts: LmCounts, vocabulary: readonly string[], background: BackgroundBigrams, private readonly params: LmParams = DEFAULT_LM) {
    const BG_UNIGRAM_MASS = params.bgUnigramMass;
    const intern = (w: string) => {
      let id = this.ids.get(w);
      if (id === undefined) { id = this.ids.size; this.ids.set(w, id); this.uniCount.push(0); this.degree.push(0); this.succDegree.push(0); }
      return id;
    };
    for (const w of vocabulary) intern(w);
    for (const [w, c] of Object.entries(counts.uni)) this.uniCount[intern(w)] = c;
    if (this.ids.size >= ID_BITS) throw new Error('language model vocabulary too large');
    for (const [k, c] of Object.entries(counts.bi)) {
      const [a, b] = k.split(' ');
      const x = intern(a!);
      (this.biNext[x] ??= new Map()).set(intern(b!), c);
    }
    for (const [k, c] of Object.entries(counts.tri)) {
      const [a, b, d] = k.split(' ');
      const key = intern(a!) * ID_BITS + intern(b!);
      let m = this.triNext.get(key);
      if (!m) this.triNext.set(key, (m = new Map()));
      m.set(intern(d!), c);
    }
    for (const [a, b] of background.pairs) {
      const x = intern(a);
      const y = intern(b);
      (this.bgNext[x] ??= new Set()).add(y);
      this.degree[x]!++;
      this.degree[y]!++;
    }
    for (const [a, b] of background.pairs) this.succDegree[this.ids.get(a)!]! += this.degree[this.ids.get(b)!]!;
    // frequency proxy: number of distinct background neighbours, flattened by degreePower
    const weight = this.degree.map((d) => d ** params.degreePower);
    let degTotal = 0;
    for (const d of weight) degTotal += d;
    const total = counts.total + BG_UNIGRAM_MASS;
    this.unseenCost = Math.log(total) - Math.log(0.05);
    this.oovCost = this.unseenCost + 3;
    this.uniCost = new Float64Array(this.ids.size);
    for (let i = 0; i < this.ids.size; i++) {
      const c = this.uniCount[i]! + (degTotal ? (BG_UNIGRAM_MASS * weight[i]!) / degTotal : 0);
      this.uniCost[i] = c > 0 ? Math.log(total) - Math.log(c + 0.05) : this.unseenCost;
    }
    this.uniProb = this.uniCost.map((c) => Math.exp(-c));
    this.boundaryId = this.ids.get(BOUNDARY) ?? -1;
  }

  /** Unit id, or -1 for units outside the vocabulary. */
  id(w: string): number { return this.ids.get(w) ?? -1; }

  unigramCost(id: number): number {
    return id >= 0 ? this.uniCost[id]! : this.unseenCost;
  }

  /** Interpolated background/unigram estimate Q(w | v) used below the in-domain counts. */
  private lower(v: number, w: number): number {
    const uni = this.uniProb[w]!;
    if (v < 0 || this.succDegree[v]! === 0) return uni;
    const present = this.bgNext[v]?.has(w) ?? false;
    if (this.params.bgBoost > 0) return uni * (present ? this.params.bgBoost : this.params.bgAbsent);
    const bg = present ? this.degree[w]! / this.succDegree[v]! : 0;
    return this.params.bgWeight * bg + (1 - this.params.bgWeight) * uni;
  }

  /**
   * -log P(w | u v): in-domain trigram and bigram counts interpolated (Witten-Bell style with a
   * fixed weight) down to the background-bigram / unigram estimate. Ids of -1 are unknown units;
   * `wUnknownCost` is used when w itself is unknown.
   */
  cost(u: number, v: number, w: number, wUnknownCost: number): number {
    if (w < 0) return wUnknownCost + this.params.unknownPenalty;
    let p = this.lower(v, w);
    if (v >= 0) {
      const cv = this.uniCount[v]!;
      if (cv > 0) {
        const next = this.biNext[v];
        const cvw = next?.get(w) ?? 0;
        // Witten-Bell flavour: contexts followed by many different units trust counts less
        const g2 = this.params.wittenBell > 0 ? this.params.wittenBell * (next?.size ?? 1) : this.params.gamma2;
        p = (cvw + g2 * p) / (cv + g2);
        if (u >= 0) {
          const cuv = this.biNext[u]?.get(v);
          if (cuv) {
            const cuvw = this.triNext.get(u * ID_BITS + v)?.get(w) ?? 0;
            p = (cuvw + this.params.gamma3 * p) / (cuv + this.params.gamma3);
          }
        }
      }
    }
    return -Math.log(p);
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
