/**
 * Static linear interpolation of two trigram (or 4-gram) models with the same vocabulary (the corpus model
 * and the in-domain plan-text model) into one backoff model, as SRILM's -mix-lm does: every
 * n-gram of either model gets P = (1 - λ) P_a + λ P_b (each evaluated with its own backoff),
 * and the backoff weights are recomputed so each context's distribution sums to one. Decoding
 * then costs one lookup instead of two plus a log-sum. When either model has a 4-gram level the
 * result has one (a trigram model's 4-gram probability is its trigram one).
 */
import { bytesOf, NgramModel, search, SPECIALS, writeNgramFile } from './ngram.js';

export function mixModels(a: NgramModel, b: NgramModel, lambda: number, info: Record<string, unknown> = {}): Buffer {
  if (a.size !== b.size) throw new Error('mixModels: vocabularies differ');
  const V = a.size;
  const step = a.step;
  const q = (cost: number) => Math.min(65535, Math.max(0, Math.round(cost / step)));
  const mixP = (ca: number, cb: number) => (1 - lambda) * Math.exp(-ca) + lambda * Math.exp(-cb);

  // unigrams
  const p1 = new Float64Array(V);
  for (let w = 0; w < V; w++) p1[w] = (1 - lambda) * Math.exp(a.uniP[w]!) + lambda * Math.exp(b.uniP[w]!);

  // bigrams: union of successor lists, context by context
  const biOff = new Uint32Array(V + 1);
  const biW: number[] = [];
  const biP: number[] = [];
  const uniBo = new Float32Array(V);
  const union = (xs: Uint16Array, xlo: number, xhi: number, ys: Uint16Array, ylo: number, yhi: number, out: (w: number) => void) => {
    let i = xlo;
    let j = ylo;
    while (i < xhi || j < yhi) {
      const x = i < xhi ? xs[i]! : Infinity;
      const y = j < yhi ? ys[j]! : Infinity;
      if (x <= y) { out(x); i++; if (x === y) j++; } else { out(y); j++; }
    }
  };
  for (let v = 0; v < V; v++) {
    let sumP = 0;
    let sumLow = 0;
    union(a.biW, a.biOff[v]!, a.biOff[v + 1]!, b.biW, b.biOff[v]!, b.biOff[v + 1]!, (w) => {
      const p = mixP(a.cost2(v, w), b.cost2(v, w));
      biW.push(w);
      biP.push(p);
      sumP += p;
      sumLow += p1[w]!;
    });
    biOff[v + 1] = biW.length;
    uniBo[v] = biW.length > biOff[v]! ? Math.log(Math.max(1e-9, 1 - sumP) / Math.max(1e-9, 1 - sumLow)) : 0;
  }
  const N2 = biW.length;
  const biW16 = Uint16Array.from(biW);
  const bigramP = (v: number, w: number) => {
    const k = search(biW16, biOff[v]!, biOff[v + 1]!, w);
    return k >= 0 ? biP[k]! : Math.exp(uniBo[v]!) * p1[w]!;
  };

  // trigrams: for each merged bigram (u v) as a context, the union of both models' successors
  const triOff = new Uint32Array(N2 + 1);
  const triW: number[] = [];
  const triPq: number[] = [];
  const biBo = new Uint16Array(N2);
  /** γ3 of each merged bigram context, unquantised (the 4-gram level's renormalisation) */
  const gamma3 = new Float64Array(N2).fill(1);
  for (let u = 0; u < V; u++) {
    for (let k = biOff[u]!; k < biOff[u + 1]!; k++) {
      const v = biW16[k]!;
      const ka = search(a.biW, a.biOff[u]!, a.biOff[u + 1]!, v);
      const kb = search(b.biW, b.biOff[u]!, b.biOff[u + 1]!, v);
      triOff[k] = triW.length;
      let sumP = 0;
      let sumLow = 0;
      const emit = (w: number) => {
        const p = mixP(a.cost(u, v, w), b.cost(u, v, w));
        triW.push(w);
        triPq.push(q(-Math.log(p)));
        sumP += p;
        sumLow += bigramP(v, w);
      };
      union(a.triW, ka >= 0 ? a.triOff[ka]! : 0, ka >= 0 ? a.triOff[ka + 1]! : 0, b.triW, kb >= 0 ? b.triOff[kb]! : 0, kb >= 0 ? b.triOff[kb + 1]! : 0, emit);
      const n = triW.length - triOff[k]!;
      if (n) gamma3[k] = Math.max(1e-9, 1 - sumP) / Math.max(1e-9, 1 - sumLow);
      biBo[k] = n ? q(-Math.log(gamma3[k]!)) : 0;
    }
  }
  triOff[N2] = triW.length;
  const uniP = Float32Array.from(p1, (p) => Math.log(p));
  const vocabBytes = Buffer.from(a.vocab.join('\n'), 'utf8');
  const triW16 = Uint16Array.from(triW);
  const sections = {
    vocab: vocabBytes, uniP: bytesOf(uniP), uniBo: bytesOf(uniBo), biOff: bytesOf(biOff), biW: bytesOf(biW16),
    biP: bytesOf(Uint16Array.from(biP, (p) => q(-Math.log(p)))), biBo: bytesOf(biBo), triOff: bytesOf(triOff),
    triW: bytesOf(triW16), triP: bytesOf(Uint16Array.from(triPq)),
  };
  const mixedInfo = { ...info, mixed: { lambda, a: a.header.info, b: b.header.info } };
  if (a.order === 3 && b.order === 3) {
    return writeNgramFile({ order: 3, vocabSize: V, bigrams: N2, trigrams: triW.length, step, info: mixedInfo }, sections);
  }

  // 4-grams: for each merged trigram (t u v) as a context, the union of both models' successors
  const N3 = triW.length;
  const triPexact = new Float64Array(N3);
  for (let u = 0; u < V; u++) {
    for (let k = biOff[u]!; k < biOff[u + 1]!; k++) {
      const v = biW16[k]!;
      for (let x = triOff[k]!; x < triOff[k + 1]!; x++) triPexact[x] = mixP(a.cost(u, v, triW16[x]!), b.cost(u, v, triW16[x]!));
    }
  }
  const trigramP = (u: number, v: number, w: number) => {
    const k = search(biW16, biOff[u]!, biOff[u + 1]!, v);
    if (k < 0) return bigramP(v, w);
    const x = search(triW16, triOff[k]!, triOff[k + 1]!, w);
    return x >= 0 ? triPexact[x]! : gamma3[k]! * bigramP(v, w);
  };
  const quadOff = new Uint32Array(N3 + 1);
  const quadW: number[] = [];
  const quadPq: number[] = [];
  const triBo = new Uint16Array(N3);
  const run = (m: NgramModel, t: number, u: number, v: number): [number, number] => {
    if (m.order === 3) return [0, 0];
    const x = m.trigram(t, u, v);
    return x >= 0 ? [m.quadOff[x]!, m.quadOff[x + 1]!] : [0, 0];
  };
  for (let t = 0; t < V; t++) {
    for (let k = biOff[t]!; k < biOff[t + 1]!; k++) {
      const u = biW16[k]!;
      for (let x = triOff[k]!; x < triOff[k + 1]!; x++) {
        const v = triW16[x]!;
        quadOff[x] = quadW.length;
        let sumP = 0;
        let sumLow = 0;
        const [alo, ahi] = run(a, t, u, v);
        const [blo, bhi] = run(b, t, u, v);
        union(a.quadW, alo, ahi, b.quadW, blo, bhi, (w) => {
          const p = mixP(a.cost4(t, u, v, w), b.cost4(t, u, v, w));
          quadW.push(w);
          quadPq.push(q(-Math.log(p)));
          sumP += p;
          sumLow += trigramP(u, v, w);
        });
        const n = quadW.length - quadOff[x]!;
        triBo[x] = n ? q(-Math.log(Math.max(1e-9, 1 - sumP) / Math.max(1e-9, 1 - sumLow))) : 0;
      }
    }
  }
  quadOff[N3] = quadW.length;
  return writeNgramFile(
    { order: 4, vocabSize: V, bigrams: N2, trigrams: N3, fourgrams: quadW.length, step, info: mixedInfo },
    { ...sections, triBo: bytesOf(triBo), quadOff: bytesOf(quadOff), quadW: bytesOf(Uint16Array.from(quadW)), quadP: bytesOf(Uint16Array.from(quadPq)) },
  );
}

/**
 * The same model over a larger vocabulary (specials first, then every word sorted, as the
 * trainer orders them): the added words get the model's smallest unigram probability (what a
 * vocabulary word it never saw gets from the uniform floor) and no n-grams. The id map is
 * monotone, so every successor run stays sorted; bigram and trigram positions are unchanged.
 * Lets a model trained on other text (with words the corpus never shows) be mixed with it.
 */
export function extendVocabulary(a: NgramModel, words: Iterable<string>): Buffer {
  const specials = a.vocab.slice(0, SPECIALS.length);
  const all = new Set(a.vocab.slice(SPECIALS.length));
  for (const w of words) if (!w.startsWith('<')) all.add(w);
  const vocab = [...specials, ...[...all].sort()];
  return withVocabulary(a, vocab);
}

function withVocabulary(a: NgramModel, vocab: string[]): Buffer {
  const V = vocab.length;
  const newId = new Map<string, number>();
  vocab.forEach((w, i) => newId.set(w, i));
  const map = Uint16Array.from(a.vocab, (w) => newId.get(w)!);
  for (let i = 1; i < map.length; i++) if (map[i]! <= map[i - 1]!) throw new Error('extendVocabulary: vocabulary order differs');
  let floor = 0;
  for (let w = SPECIALS.length; w < a.size; w++) if (a.uniP[w]! < floor) floor = a.uniP[w]!;
  const uniP = new Float32Array(V).fill(floor);
  const uniBo = new Float32Array(V);
  const biOff = new Uint32Array(V + 1);
  for (let v = 0; v < a.size; v++) {
    uniP[map[v]!] = a.uniP[v]!;
    uniBo[map[v]!] = a.uniBo[v]!;
    biOff[map[v]! + 1] = a.biOff[v + 1]! - a.biOff[v]!;
  }
  for (let v = 0; v < V; v++) biOff[v + 1]! += biOff[v]!;
  const biW = Uint16Array.from(a.biW, (w) => map[w]!);
  const triW = Uint16Array.from(a.triW, (w) => map[w]!);
  const sections = {
    vocab: Buffer.from(vocab.join('\n'), 'utf8'), uniP: bytesOf(uniP), uniBo: bytesOf(uniBo), biOff: bytesOf(biOff), biW: bytesOf(biW),
    biP: bytesOf(a.biP), biBo: bytesOf(a.biBo), triOff: bytesOf(a.triOff), triW: bytesOf(triW), triP: bytesOf(a.triP),
  };
  const header = { vocabSize: V, bigrams: a.biW.length, trigrams: a.triW.length, step: a.step, info: { ...a.header.info, extendedBy: V - a.size } };
  if (a.order === 3) return writeNgramFile({ order: 3, ...header }, sections);
  const quadW = Uint16Array.from(a.quadW, (w) => map[w]!);
  return writeNgramFile(
    { order: 4, ...header, fourgrams: a.quadW.length },
    { ...sections, triBo: bytesOf(a.triBo), quadOff: bytesOf(a.quadOff), quadW: bytesOf(quadW), quadP: bytesOf(a.quadP) },
  );
}

/**
 * The model without its 4-gram level (a trigram file; a trigram model is returned as written):
 * the trigram level of a 4-gram model read as a trigram model.
 */
export function truncateToOrder3(a: NgramModel): Buffer {
  return writeNgramFile(
    { order: 3, vocabSize: a.size, bigrams: a.biW.length, trigrams: a.triW.length, step: a.step, info: { ...a.header.info, truncatedFrom: a.order } },
    {
      vocab: Buffer.from(a.vocab.join('\n'), 'utf8'), uniP: bytesOf(a.uniP), uniBo: bytesOf(a.uniBo), biOff: bytesOf(a.biOff), biW: bytesOf(a.biW),
      biP: bytesOf(a.biP), biBo: bytesOf(a.biBo), triOff: bytesOf(a.triOff), triW: bytesOf(a.triW), triP: bytesOf(a.triP),
    },
  );
}
