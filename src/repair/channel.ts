/**
 * Character-level noisy channel P(ocr | truth): a weighted edit distance whose costs are
 * -log probabilities estimated from aligned (ocr, truth) token pairs, smoothed towards a prior
 * built from the hand-listed confusions (so rare characters still behave sensibly).
 */
import { skeletonChar } from './vietnamese.js';

export interface ChannelCounts {
  /** truth char -> ocr char ('' = dropped) -> count */
  sub: Record<string, Record<string, number>>;
  /** ocr char inserted with no truth counterpart -> count */
  ins: Record<string, number>;
  /** total aligned characters seen (for the insertion rate) */
  total: number;
  /** whole-token confusions: lowercase OCR token -> truth syllable -> count */
  tokens: Record<string, Record<string, number>>;
  /** how often each truth syllable was aligned (denominator for token confusions) */
  truths: Record<string, number>;
}

export type Confusions = Map<string, string[]>; // ocr string -> truth skeleton strings

/** a truth string as the edit distance reads it: characters, their interned ids and skeletons, deletion costs */
export interface TruthInfo { chars: string[]; ids: Int32Array; skel: string[]; del: Float64Array }

export function parseConfusions(text: string): Confusions {
  const map: Confusions = new Map();
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [ocr, ...truths] = line.trim().split(/\s+/);
    if (ocr) map.set(ocr, truths);
  }
  return map;
}

const BETA = 2;
const PRIOR_FLOOR = 0.05;
/** cost of a listed many-to-many confusion (ti -> ủ, ¢ -> có, rn -> m) */
const MULTI_COST = 2.5;
/** whole-token evidence is sparse; never let it be much cheaper than a clean match */
const TOKEN_PENALTY = 0.5;
/** characters interned for the dense subCost memo (OCR output rarely uses more) */
const CHAR_IDS = 256;
/** nats: a lower bound must exceed the cut-off by this much before the exact distance is skipped */
const LOWER_BOUND_MARGIN = 1e-9;

export class Channel {
  private readonly cache = new Map<string, number>();
  private readonly subCache = new Map<string, Map<string, number>>();
  private readonly subTotals = new Map<string, number>();
  private readonly insTotal: number;

  /** many-to-many confusions as [ocr chars, truth skeletons as char arrays] */
  private readonly multi: [string[], string[][]][] = [];

  constructor(private readonly counts: ChannelCounts, private readonly confusions: Confusions) {
    for (const [o, ts] of confusions) {
      const oc = [...o];
      const multi = ts.filter((t) => oc.length > 1 || [...t].length > 1);
      if (multi.length) this.multi.push([oc, multi.map((t) => [...t])]);
    }
    for (const [t, row] of Object.entries(counts.sub)) {
      let s = 0;
      for (const c of Object.values(row)) s += c;
      this.subTotals.set(t, s);
    }
    let ins = 0;
    for (const c of Object.values(counts.ins)) ins += c;
    this.insTotal = ins;
  }

  /** Prior plausibility of reading truth char t as ocr char o (unnormalised, <= 1). */
  private prior(t: string, o: string): number {
    if (o === t) return 1;
    if (o === '') return 0.02;
    const st = skeletonChar(t);
    if (skeletonChar(o) === st) return 0.3;
    const conf = this.confusions.get(o);
    if (conf && conf.includes(st)) return 0.1;
    return 0.002;
  }

  /** -log P(o | t); o = '' means t was dropped by the OCR. */
  subCost(t: string, o: string): number {
    let row = this.subCache.get(t);
    if (!row) this.subCache.set(t, (row = new Map()));
    const hit = row.get(o);
    if (hit !== undefined) return hit;
    const n = this.counts.sub[t]?.[o] ?? 0;
    const tot = this.subTotals.get(t) ?? 0;
    // Bayesian smoothing for rare truth chars, plus a floor from the prior so that a listed
    // confusion never becomes impossible just because the char is frequent
    const p = Math.max((n + BETA * this.prior(t, o)) / (tot + BETA), PRIOR_FLOOR * this.prior(t, o));
    const c = -Math.log(Math.min(1, p));
    row.set(o, c);
    return c;
  }

  /** -log P(ocr char o inserted with no truth counterpart). */
  insCost(o: string): number {
    const key = '\u0001' + o;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const n = this.counts.ins[o] ?? 0;
    const rate = (this.insTotal + 1) / (this.counts.total + 50);
    const share = (n + 0.5) / (this.insTotal + 20);
    const c = -Math.log(Math.min(1, rate * share * 4));
    this.cache.set(key, c);
    return c;
  }

  /** Cost from the whole-token table, or Infinity if this confusion was never observed. */
  tokenCost(ocr: string, truth: string): number {
    const n = this.counts.tokens[ocr]?.[truth];
    if (!n) return Infinity;
    return -Math.log(n / (this.counts.truths[truth]! + 1)) + TOKEN_PENALTY;
  }

  /** Truth syllables observed for this OCR token. */
  tokenTruths(ocr: string): string[] { return Object.keys(this.counts.tokens[ocr] ?? {}); }

  /** Channel cost: the cheaper of the character model and the observed whole-token confusion. */
  cost(ocr: string, truth: string): number {
    return Math.min(this.charCost(ocr, truth), this.tokenCost(ocr, truth));
  }

  /**
   * Weighted edit distance: cost of the OCR string given the truth string (both lowercase),
   * with the listed many-to-many confusions as extra moves.
   */
  charCost(ocr: string, truth: string): number {
    return this.prepare(ocr)(truth);
  }

  /**
   * subCost memo as a dense matrix over interned characters (the edit-distance inner loop
   * reads it per cell): ids 1..CHAR_IDS-1, 0 = not interned (falls back to subCost), NaN = not yet computed.
   */
  private readonly charIds = new Map<string, number>();
  private readonly subMatrix = new Float64Array(CHAR_IDS * CHAR_IDS).fill(NaN);
  private charId(ch: string): number {
    let id = this.charIds.get(ch);
    if (id === undefined) {
      id = this.charIds.size + 1 < CHAR_IDS ? this.charIds.size + 1 : 0;
      if (id) this.charIds.set(ch, id);
    }
    return id;
  }
  private subCostIds(t: string, ti: number, o: string, oi: number): number {
    if (ti === 0 || oi === 0) return this.subCost(t, o);
    const k = ti * CHAR_IDS + oi;
    let c = this.subMatrix[k]!;
    if (c !== c) this.subMatrix[k] = c = this.subCost(t, o);
    return c;
  }

  /** the whole-token table row of one OCR token (tokenCost for many truths) */
  tokenRow(ocr: string): Record<string, number> | undefined { return this.counts.tokens[ocr]; }
  tokenCostIn(row: Record<string, number> | undefined, truth: string): number {
    const n = row?.[truth];
    if (!n) return Infinity;
    return -Math.log(n / (this.counts.truths[truth]! + 1)) + TOKEN_PENALTY;
  }

  private readonly truthInfo = new Map<string, TruthInfo>();

  /** the truth-side data of the edit distance for one truth string (memoised) */
  truthInfoOf(truth: string): TruthInfo {
    let info = this.truthInfo.get(truth);
    if (!info) {
      const chars = [...truth];
      info = { chars, ids: Int32Array.from(chars, (c) => this.charId(c)), skel: chars.map(skeletonChar), del: Float64Array.from(chars, (c) => this.subCost(c, '')) };
      if (this.truthInfo.size < 100_000) this.truthInfo.set(truth, info);
    }
    return info;
  }
  private buffer = new Float64Array(256);

  /**
   * Scorer for one OCR token against many truths: the OCR-side work (characters, insertion
   * costs, where many-to-many moves can end) is done once, truth-side data is memoised.
   */
  /**
   * With `bound`, the scorer may stop early and return some value > bound once every path is
   * known to cost more (costs are >= 0; a path visits at least one of any `longest move`
   * consecutive rows); a cost <= bound is always exact.
   */
  prepare(ocr: string): (truth: string, bound?: number) => number {
    const score = this.prepareInfo(ocr);
    return (truth: string, bound = Infinity) => score(this.truthInfoOf(truth), bound);
  }

  /** prepare(), the truth given by its truthInfoOf (callers scoring many truths keep them) */
  prepareInfo(ocr: string): (info: TruthInfo, bound: number) => number {
    const o = [...ocr];
    const n = o.length;
    const oIds = Int32Array.from(o, (c) => this.charId(c));
    const ins = o.map((c) => this.insCost(c));
    const movesAt: [number, string[][]][][] = [[]];
    for (let i = 1; i <= n; i++) {
      const here: [number, string[][]][] = [];
      for (const [mo, mt] of this.multi) {
        const a = mo.length;
        if (a > i) continue;
        let ok = true;
        for (let k = 0; k < a && ok; k++) if (o[i - a + k] !== mo[k]) ok = false;
        if (ok) here.push([a, mt]);
      }
      movesAt.push(here);
    }
    let span = 1; // longest OCR side of a many-to-many move: how many rows a path can skip
    for (const [mo] of this.multi) if (mo.length > span) span = mo.length;
    const rowMin = new Float64Array(n + 1);
    // admissible lower bound for the bounded case (checked before the O(n·m) table): every truth
    // character is consumed by a substitution against one of this token's characters, a deletion or
    // a many-to-many move (MULTI_COST shared by at most maxTruthSide characters); without such moves
    // at least n − m OCR characters are insertions, costing at least the n − m cheapest insertions
    let maxTruthSide = 0;
    for (const here of movesAt) for (const [, mt] of here) for (const ts of mt) if (ts.length > maxTruthSide) maxTruthSide = ts.length;
    const anyMoves = movesAt.some((here) => here.length > 0);
    const multiShare = anyMoves ? (maxTruthSide > 0 ? MULTI_COST / maxTruthSide : 0) : Infinity;
    const insCheapest = new Float64Array(n + 1);
    const insSorted = [...ins].sort((a, b) => a - b);
    for (let k = 1; k <= n; k++) insCheapest[k] = insCheapest[k - 1]! + insSorted[k - 1]!;
    const truthCharMin = new Float64Array(CHAR_IDS).fill(NaN);
    const charMin = (t: string, tId: number, del: number): number => {
      let c = tId ? truthCharMin[tId]! : NaN;
      if (c === c) return c;
      c = del < multiShare ? del : multiShare;
      for (let i = 0; i < n; i++) {
        const s = this.subCostIds(t, tId, o[i]!, oIds[i]!);
        if (s < c) c = s;
      }
      if (tId) truthCharMin[tId] = c;
      return c;
    };
    return (info: TruthInfo, bound: number) => {
      const t = info.chars;
      const tIds = info.ids;
      const tSkel = info.skel;
      const m = t.length;
      const W = m + 1;
      if (this.buffer.length < (n + 1) * W) this.buffer = new Float64Array((n + 1) * W * 2);
      if (bound !== Infinity) {
        let lb = !anyMoves && n > m ? insCheapest[n - m]! : 0;
        for (let j = 0; j < m; j++) lb += charMin(t[j]!, tIds[j]!, info.del[j]!);
        // the margin keeps float rounding of the differently ordered sum from ever cutting a cost <= bound
        if (lb > bound + LOWER_BOUND_MARGIN) return lb;
      }
      const d = this.buffer;
      d[0] = 0;
      for (let j = 1; j <= m; j++) d[j] = d[j - 1]! + info.del[j - 1]!;
      for (let i = 1; i <= n; i++) {
        const oi = o[i - 1]!;
        const oId = oIds[i - 1]!;
        const insI = ins[i - 1]!;
        const moves = movesAt[i]!;
        d[i * W] = d[(i - 1) * W]! + insI;
        for (let j = 1; j <= m; j++) {
          let best = d[(i - 1) * W + j - 1]! + this.subCostIds(t[j - 1]!, tIds[j - 1]!, oi, oId);
          const b = d[(i - 1) * W + j]! + insI;
          if (b < best) best = b;
          const c = d[i * W + j - 1]! + info.del[j - 1]!;
          if (c < best) best = c;
          for (const [a, mt] of moves) {
            for (const truthSkel of mt) {
              const bl = truthSkel.length;
              if (bl > j) continue;
              let same = true;
              for (let k = 0; k < bl && same; k++) if (tSkel[j - bl + k] !== truthSkel[k]) same = false;
              if (same) {
                const v = d[(i - a) * W + j - bl]! + MULTI_COST;
                if (v < best) best = v;
              }
            }
          }
          d[i * W + j] = best;
        }
        if (bound !== Infinity) {
          let lo = d[i * W]!;
          for (let j = 1; j <= m; j++) if (d[i * W + j]! < lo) lo = d[i * W + j]!;
          rowMin[i] = lo;
          if (i >= span) {
            let win = lo;
            for (let r = i - span + 1; r < i; r++) if (rowMin[r]! < win) win = rowMin[r]!;
            if (win > bound) return win;
          }
        }
      }
      return d[n * W + m]!;
    };
  }
}

/** Align one (ocr, truth) pair with prior costs and add its character operations to counts. */
export function countCharOps(counts: ChannelCounts, ocr: string, truth: string, scorer: Channel, weight = 1): void {
  const o = [...ocr];
  const t = [...truth];
  const n = o.length;
  const m = t.length;
  const W = m + 1;
  const d = new Float64Array((n + 1) * W);
  const back = new Uint8Array((n + 1) * W);
  for (let j = 1; j <= m; j++) { d[j] = d[j - 1]! + scorer.subCost(t[j - 1]!, ''); back[j] = 2; }
  for (let i = 1; i <= n; i++) {
    d[i * W] = d[(i - 1) * W]! + scorer.insCost(o[i - 1]!);
    back[i * W] = 1;
    for (let j = 1; j <= m; j++) {
      const a = d[(i - 1) * W + j - 1]! + scorer.subCost(t[j - 1]!, o[i - 1]!);
      const b = d[(i - 1) * W + j]! + scorer.insCost(o[i - 1]!);
      const c = d[i * W + j - 1]! + scorer.subCost(t[j - 1]!, '');
      let best = a;
      let dir = 0;
      if (b < best) { best = b; dir = 1; }
      if (c < best) { best = c; dir = 2; }
      d[i * W + j] = best;
      back[i * W + j] = dir;
    }
  }
  let i = n;
  let j = m;
  const bump = (tc: string, oc: string) => {
    const row = (counts.sub[tc] ??= {});
    row[oc] = (row[oc] ?? 0) + weight;
  };
  while (i > 0 || j > 0) {
    const dir = back[i * W + j];
    if (i > 0 && j > 0 && dir === 0) { bump(t[j - 1]!, o[i - 1]!); i--; j--; }
    else if (i > 0 && (dir === 1 || j === 0)) { counts.ins[o[i - 1]!] = (counts.ins[o[i - 1]!] ?? 0) + weight; i--; }
    else { bump(t[j - 1]!, ''); j--; }
  }
  counts.total += weight * Math.max(n, m);
}
