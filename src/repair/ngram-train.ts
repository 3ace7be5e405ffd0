/**
 * Trainer for the binary syllable trigram or 4-gram model (ngram.ts): interpolated modified Kneser-Ney
 * (Chen & Goodman discounts D1, D2, D3+ per order), count pruning, u16 quantisation.
 *
 * Memory-lean: segments are appended to one growing Int32Array of unit ids; n-gram keys are
 * packed into doubles (3 × 16 bits), sorted with TypedArray.sort and run-length counted.
 * Output bytes depend only on the input order, so rebuilds are byte-identical.
 */
import { BOS, bytesOf, EOS, SPECIALS, UNK, writeNgramFile } from './ngram.js';

const P16 = 65536;
const P32 = 4294967296;

export interface NgramTrainOptions {
  /** trigrams seen fewer times are dropped (their mass goes to the backoff) */
  minTrigramCount: number;
  /** bigrams seen fewer times are dropped unless a kept trigram needs them */
  minBigramCount: number;
  /** quantisation step (nats) */
  step?: number;
  /** 3 (default) or 4: a 4-gram level on top (file format VNLM0004, see ngram.ts) */
  order?: 3 | 4;
  /** order 4: 4-grams seen fewer times are dropped (default 2) */
  minFourgramCount?: number;
}

export class NgramTrainer {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private stream = new Int32Array(1 << 20);
  private len = 0;
  private readonly extraPairs: [number, number][] = [];
  segments = 0;

  constructor() {
    for (const s of SPECIALS) this.intern(s);
  }

  intern(unit: string): number {
    let id = this.ids.get(unit);
    if (id === undefined) { id = this.names.length; this.ids.set(unit, id); this.names.push(unit); }
    return id;
  }

  private push(id: number): void {
    if (this.len === this.stream.length) {
      const next = new Int32Array(this.stream.length * 2);
      next.set(this.stream);
      this.stream = next;
    }
    this.stream[this.len++] = id;
  }

  /** One segment of units (syllables and class tokens); '<s>' and '</s>' are added here. */
  addSegment(units: readonly string[]): void {
    if (!units.length) return;
    this.push(BOS);
    for (const u of units) this.push(this.intern(u));
    this.push(EOS);
    this.segments++;
  }

  get tokens(): number { return this.len - 2 * this.segments; }

  /** Word pairs known to occur (no counts): each adds 1 to the bigram continuation count. */
  addPair(a: string, b: string): void { this.extraPairs.push([this.intern(a), this.intern(b)]); }

  /** Vocabulary = specials + `vocabulary` (sorted) + any other unit seen; returns the file. */
  build(vocabulary: readonly string[], opts: NgramTrainOptions, info: Record<string, unknown> = {}): { file: Buffer; stats: Record<string, number> } {
    const step = opts.step ?? 1 / 1024;
    // ---- final ids: specials, then all units sorted
    const words = new Set<string>(vocabulary);
    for (let i = SPECIALS.length; i < this.names.length; i++) words.add(this.names[i]!);
    for (const s of SPECIALS) words.delete(s);
    const vocab = [...SPECIALS, ...[...words].sort()];
    if (vocab.length >= P16) throw new Error(`vocabulary too large for 16-bit ids: ${vocab.length}`);
    const finalId = new Map<string, number>();
    vocab.forEach((w, i) => finalId.set(w, i));
    const remap = Int32Array.from(this.names, (n) => finalId.get(n)!);
    const V = vocab.length;
    // remapped copy: the trainer can build several pruning levels from one count pass
    const s = new Int32Array(this.len);
    for (let i = 0; i < s.length; i++) s[i] = remap[this.stream[i]!]!;

    // ---- raw trigram and bigram counts (never across segments)
    let n3raw = 0;
    let n2raw = 0;
    for (let i = 1; i < s.length; i++) {
      if (s[i] === BOS) continue;
      n2raw++;
      if (s[i - 1] !== BOS) n3raw++;
    }
    const tk = new Float64Array(n3raw);
    const bk = new Float64Array(n2raw);
    let a3 = 0;
    let a2 = 0;
    for (let i = 1; i < s.length; i++) {
      const w = s[i]!;
      if (w === BOS) continue;
      const v = s[i - 1]!;
      bk[a2++] = v * P16 + w;
      if (v !== BOS) tk[a3++] = s[i - 2]! * P32 + v * P16 + w;
    }
    tk.sort();
    bk.sort();
    const [triKeys, triCounts] = runLength(tk);
    const [biKeysRaw, biCountsRaw] = runLength(bk);
    const order = opts.order ?? 3;
    // order 4: 4-gram keys packed in base V (4 × 16 bits would not fit a double's 53 bits);
    // the same lexicographic order as the 16-bit packing of the lower levels
    const V3 = V * V * V;
    if (order === 4 && V3 * V >= 2 ** 53) throw new Error(`vocabulary too large for order-4 keys: ${V}`);
    let quadKeys: Float64Array<ArrayBufferLike> = new Float64Array(0);
    let quadCounts: Float64Array<ArrayBufferLike> = new Float64Array(0);
    // the trigram level's counts: raw counts at order 3; at order 4 continuation counts
    // (distinct left neighbours, raw after <s>), as modified Kneser-Ney uses below the top order
    let triC = triCounts;
    if (order === 4) {
      let n4raw = 0;
      for (let i = 3; i < s.length; i++) if (s[i] !== BOS && s[i - 1] !== BOS && s[i - 2] !== BOS) n4raw++;
      const qk = new Float64Array(n4raw);
      let a4 = 0;
      for (let i = 3; i < s.length; i++) {
        const w = s[i]!;
        if (w === BOS || s[i - 1] === BOS || s[i - 2] === BOS) continue;
        qk[a4++] = ((s[i - 3]! * V + s[i - 2]!) * V + s[i - 1]!) * V + w;
      }
      qk.sort();
      [quadKeys, quadCounts] = runLength(qk);
      const tails4 = new Float64Array(quadKeys.length);
      for (let i = 0; i < quadKeys.length; i++) tails4[i] = baseVToTri(quadKeys[i]! % V3, V);
      tails4.sort();
      const [t4Keys, t4Counts] = runLength(tails4);
      triC = new Float64Array(triKeys.length);
      let j = 0;
      for (let i = 0; i < triKeys.length; i++) {
        const key = triKeys[i]!;
        if (Math.floor(key / P32) === BOS) { triC[i] = triCounts[i]!; continue; }
        while (j < t4Keys.length && t4Keys[j]! < key) j++;
        triC[i] = j < t4Keys.length && t4Keys[j] === key ? t4Counts[j]! : triCounts[i]!;
      }
    }

    // ---- continuation counts for bigrams (distinct left neighbours), raw counts after <s>
    const tails = new Float64Array(triKeys.length);
    for (let i = 0; i < triKeys.length; i++) tails[i] = triKeys[i]! % P32;
    tails.sort();
    const [tailKeys, tailCounts] = runLength(tails);
    // merge in the background pairs as one extra left context each
    const extra = new Float64Array(this.extraPairs.length);
    this.extraPairs.forEach(([a, b], i) => { extra[i] = remap[a]! * P16 + remap[b]!; });
    extra.sort();
    const [extraKeys] = runLength(extra);
    const biKeys: number[] = [];
    const biCont: number[] = [];
    const biRaw: number[] = [];
    {
      let i = 0; let j = 0; let k = 0;
      while (i < biKeysRaw.length || k < extraKeys.length) {
        const key = Math.min(i < biKeysRaw.length ? biKeysRaw[i]! : Infinity, k < extraKeys.length ? extraKeys[k]! : Infinity);
        let raw = 0;
        let cont = 0;
        if (i < biKeysRaw.length && biKeysRaw[i] === key) {
          raw = biCountsRaw[i]!;
          i++;
          if (Math.floor(key / P16) === BOS) cont = raw;
          else {
            while (j < tailKeys.length && tailKeys[j]! < key) j++;
            cont = j < tailKeys.length && tailKeys[j] === key ? tailCounts[j]! : raw;
          }
        }
        if (k < extraKeys.length && extraKeys[k] === key) { cont += 1; k++; if (!raw) raw = -1; }
        biKeys.push(key);
        biCont.push(cont);
        biRaw.push(raw);
      }
    }

    // ---- unigram continuation counts: distinct left neighbours over all bigram types
    const uniCont = new Float64Array(V);
    for (let i = 0; i < biKeys.length; i++) {
      const w = biKeys[i]! % P16;
      uniCont[w]! += Math.floor(biKeys[i]! / P16) === BOS ? 0 : 1;
    }
    uniCont[BOS] = 0;

    const d1 = discounts(Array.from(uniCont).filter((c) => c > 0));
    const d2 = discounts(biCont);
    const d3 = discounts(triC);
    const disc = (d: number[], c: number) => (c >= 3 ? d[2]! : c === 2 ? d[1]! : c === 1 ? d[0]! : 0);

    // unigram: discounted continuation share + uniform floor
    let uniTotal = 0;
    let uniTypes = [0, 0, 0];
    for (let w = 0; w < V; w++) { const c = uniCont[w]!; uniTotal += c; if (c > 0) uniTypes[Math.min(c, 3) - 1]!++; }
    const gamma1 = (d1[0]! * uniTypes[0]! + d1[1]! * uniTypes[1]! + d1[2]! * uniTypes[2]!) / uniTotal;
    const p1 = new Float64Array(V);
    for (let w = 0; w < V; w++) p1[w] = Math.max(uniCont[w]! - disc(d1, uniCont[w]!), 0) / uniTotal + gamma1 / (V - 1);
    p1[BOS] = 1e-12;

    // bigram contexts: totals and type counts by count class
    const nB = biKeys.length;
    const ctxTot = new Float64Array(V);
    const ctxN = new Float64Array(V * 3);
    for (let i = 0; i < nB; i++) {
      const v = Math.floor(biKeys[i]! / P16);
      const c = biCont[i]!;
      ctxTot[v]! += c;
      if (c > 0) ctxN[v * 3 + Math.min(c, 3) - 1]!++;
    }
    const gamma2 = new Float64Array(V).fill(1);
    for (let v = 0; v < V; v++) {
      if (ctxTot[v]! > 0) gamma2[v] = (d2[0]! * ctxN[v * 3]! + d2[1]! * ctxN[v * 3 + 1]! + d2[2]! * ctxN[v * 3 + 2]!) / ctxTot[v]!;
    }
    const p2 = new Float64Array(nB);
    for (let i = 0; i < nB; i++) {
      const v = Math.floor(biKeys[i]! / P16);
      const w = biKeys[i]! % P16;
      const c = biCont[i]!;
      p2[i] = Math.max(c - disc(d2, c), 0) / ctxTot[v]! + gamma2[v]! * p1[w]!;
    }

    // trigram contexts (u v): contiguous runs in the sorted keys
    const nT = triKeys.length;
    const keepT = new Uint8Array(nT);
    const p3 = new Float64Array(nT);
    const gamma3 = new Map<number, number>(); // bigram key (u v) -> γ3
    const biIndex = new Map<number, number>();
    for (let i = 0; i < nB; i++) biIndex.set(biKeys[i]!, i);
    for (let i = 0; i < nT;) {
      const ctx = Math.floor(triKeys[i]! / P16);
      let j = i;
      let tot = 0;
      const n = [0, 0, 0];
      while (j < nT && Math.floor(triKeys[j]! / P16) === ctx) { const c = triC[j]!; tot += c; n[Math.min(c, 3) - 1]!++; j++; }
      const g = (d3[0]! * n[0]! + d3[1]! * n[1]! + d3[2]! * n[2]!) / tot;
      gamma3.set(ctx, g);
      for (let k = i; k < j; k++) {
        // pruned by the raw count; order 4 needs every trigram's P3 (a kept 4-gram's backoff)
        if (triCounts[k]! < opts.minTrigramCount && order === 3) continue;
        const c = triC[k]!;
        const tail = triKeys[k]! % P32;
        const bi = biIndex.get(tail)!;
        p3[k] = Math.max(c - disc(d3, c), 0) / tot + g * p2[bi]!;
        if (triCounts[k]! >= opts.minTrigramCount) keepT[k] = 1;
      }
      i = j;
    }

    // ---- order 4: 4-gram contexts (t u v) are contiguous runs of the sorted 4-gram keys
    const nQ = quadKeys.length;
    const keepQ = new Uint8Array(nQ);
    const p4 = new Float64Array(nQ);
    const gamma4 = new Map<number, number>(); // trigram key (t u v) -> γ4
    let d4: number[] | undefined;
    if (order === 4) {
      d4 = discounts(quadCounts);
      const minQ = opts.minFourgramCount ?? 2;
      const triIndex = new Map<number, number>();
      for (let i = 0; i < nT; i++) triIndex.set(triKeys[i]!, i);
      for (let i = 0; i < nQ;) {
        const ctx = Math.floor(quadKeys[i]! / V);
        let j = i;
        let tot = 0;
        const n = [0, 0, 0];
        while (j < nQ && Math.floor(quadKeys[j]! / V) === ctx) { const c = quadCounts[j]!; tot += c; n[Math.min(c, 3) - 1]!++; j++; }
        const g = (d4[0]! * n[0]! + d4[1]! * n[1]! + d4[2]! * n[2]!) / tot;
        const ctxTri = baseVToTri(ctx, V);
        gamma4.set(ctxTri, g);
        for (let k = i; k < j; k++) {
          const c = quadCounts[k]!;
          if (c < minQ) continue;
          const tail = triIndex.get(baseVToTri(quadKeys[k]! % V3, V))!;
          p4[k] = Math.max(c - disc(d4, c), 0) / tot + g * p3[tail]!;
          keepQ[k] = 1;
          // a kept 4-gram keeps its context (which holds its run) and its suffix trigram (the
          // decoder's fast path: an absent trigram (u v w) proves the 4-gram absent)
          keepT[triIndex.get(ctxTri)!] = 1;
          keepT[tail] = 1;
        }
        i = j;
      }
    }

    // ---- pruning: bigrams kept by count, as background pairs, or as prefix/suffix of a kept trigram
    const keepB = new Uint8Array(nB);
    for (let i = 0; i < nB; i++) if (biRaw[i]! >= opts.minBigramCount || biRaw[i]! < 0) keepB[i] = 1;
    for (let k = 0; k < nT; k++) {
      if (!keepT[k]) continue;
      keepB[biIndex.get(Math.floor(triKeys[k]! / P16))!] = 1;
      keepB[biIndex.get(triKeys[k]! % P32)!] = 1;
    }
    // contexts with a γ3 < 1 but no kept trigram still need their bigram entry for the backoff;
    // dropping them only loses the (small) backoff penalty, so they follow the count rule

    // ---- write
    const q = (cost: number) => Math.min(65535, Math.max(0, Math.round(cost / step)));
    const keptB: number[] = [];
    for (let i = 0; i < nB; i++) if (keepB[i]) keptB.push(i);
    const N2 = keptB.length;
    const biOff = new Uint32Array(V + 1);
    const biW = new Uint16Array(N2);
    const biP = new Uint16Array(N2);
    const biBo = new Uint16Array(N2);
    const triOff = new Uint32Array(N2 + 1);
    let N3 = 0;
    for (let k = 0; k < nT; k++) N3 += keepT[k]!;
    const triW = new Uint16Array(N3);
    const triP = new Uint16Array(N3);
    let N4 = 0;
    for (let k = 0; k < nQ; k++) N4 += keepQ[k]!;
    const triBo = new Uint16Array(order === 4 ? N3 : 0);
    const quadOff = new Uint32Array(order === 4 ? N3 + 1 : 0);
    const quadW = new Uint16Array(N4);
    const quadP = new Uint16Array(N4);
    let qi = 0;
    let qOut = 0;
    // trigrams are sorted by (u v w) = by bigram context then w: walk both in step (and the
    // 4-grams, sorted by (t u v) then w, with the trigrams)
    let t = 0;
    let tOut = 0;
    for (let x = 0; x < N2; x++) {
      const i = keptB[x]!;
      const key = biKeys[i]!;
      const v = Math.floor(key / P16);
      biOff[v + 1]!++;
      biW[x] = key % P16;
      biP[x] = q(-Math.log(p2[i]!));
      biBo[x] = q(-Math.log(gamma3.get(key) ?? 1));
      triOff[x] = tOut;
      while (t < nT && Math.floor(triKeys[t]! / P16) < key) t++;
      while (t < nT && Math.floor(triKeys[t]! / P16) === key) {
        if (keepT[t]) {
          triW[tOut] = triKeys[t]! % P16;
          triP[tOut] = q(-Math.log(p3[t]!));
          if (order === 4) {
            const tk3 = triKeys[t]!;
            triBo[tOut] = q(-Math.log(gamma4.get(tk3) ?? 1));
            quadOff[tOut] = qOut;
            while (qi < nQ && baseVToTri(Math.floor(quadKeys[qi]! / V), V) < tk3) qi++;
            while (qi < nQ && baseVToTri(Math.floor(quadKeys[qi]! / V), V) === tk3) {
              if (keepQ[qi]) { quadW[qOut] = quadKeys[qi]! % V; quadP[qOut] = q(-Math.log(p4[qi]!)); qOut++; }
              qi++;
            }
          }
          tOut++;
        }
        t++;
      }
    }
    triOff[N2] = tOut;
    if (order === 4) quadOff[N3] = qOut;
    for (let v = 0; v < V; v++) biOff[v + 1]! += biOff[v]!;
    const uniP = Float32Array.from(p1, (p) => Math.log(p));
    const uniBo = Float32Array.from(gamma2, (g) => Math.log(g));
    const vocabBytes = Buffer.from(vocab.join('\n'), 'utf8');
    const sections = { vocab: vocabBytes, uniP: bytesOf(uniP), uniBo: bytesOf(uniBo), biOff: bytesOf(biOff), biW: bytesOf(biW), biP: bytesOf(biP), biBo: bytesOf(biBo), triOff: bytesOf(triOff), triW: bytesOf(triW), triP: bytesOf(triP) };
    if (order === 3) {
      const stats = { vocab: V, tokens: this.tokens, segments: this.segments, bigramTypes: nB, trigramTypes: nT, bigrams: N2, trigrams: N3 };
      const file = writeNgramFile(
        { order: 3, vocabSize: V, bigrams: N2, trigrams: N3, step, info: { ...info, ...stats, minTrigramCount: opts.minTrigramCount, minBigramCount: opts.minBigramCount, discounts: { d1, d2, d3 } } },
        sections,
      );
      return { file, stats };
    }
    const stats = { vocab: V, tokens: this.tokens, segments: this.segments, bigramTypes: nB, trigramTypes: nT, fourgramTypes: nQ, bigrams: N2, trigrams: N3, fourgrams: N4 };
    const file = writeNgramFile(
      { order: 4, vocabSize: V, bigrams: N2, trigrams: N3, fourgrams: N4, step, info: { ...info, ...stats, minTrigramCount: opts.minTrigramCount, minBigramCount: opts.minBigramCount, minFourgramCount: opts.minFourgramCount ?? 2, discounts: { d1, d2, d3, d4 } } },
      { ...sections, triBo: bytesOf(triBo), quadOff: bytesOf(quadOff), quadW: bytesOf(quadW), quadP: bytesOf(quadP) },
    );
    void UNK;
    return { file, stats };
  }
}

/** a trigram key (u v w) packed in base V -> the same trigram packed in 16-bit fields */
function baseVToTri(k: number, V: number): number {
  const w = k % V;
  const uv = (k - w) / V;
  const v = uv % V;
  return ((uv - v) / V) * P32 + v * P16 + w;
}

/** Distinct sorted keys and their counts. */
function runLength(sorted: Float64Array): [Float64Array, Float64Array] {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
  const keys = new Float64Array(n);
  const counts = new Float64Array(n);
  let k = -1;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) keys[++k] = sorted[i]!;
    counts[k]!++;
  }
  return [keys, counts];
}

/** Modified Kneser-Ney discounts D1, D2, D3+ from the count-of-counts (Chen & Goodman 1998). */
function discounts(counts: ArrayLike<number>): number[] {
  const n = [0, 0, 0, 0];
  for (let i = 0; i < counts.length; i++) { const c = counts[i]!; if (c >= 1 && c <= 4) n[c - 1]!++; }
  if (!n[0] || !n[1] || !n[2] || !n[3]) return [0.5, 1, 1.5];
  const y = n[0]! / (n[0]! + 2 * n[1]!);
  return [1 - 2 * y * (n[1]! / n[0]!), 2 - 3 * y * (n[2]! / n[1]!), 3 - 4 * y * (n[3]! / n[2]!)].map((d) => Math.max(0.05, d));
}
