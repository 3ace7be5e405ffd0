/**
 * Syllable trigram (or 4-gram) language model in a compact binary file (src/data/repair/lm.bin),
 * read in one go: no parsing beyond a small JSON header and the vocabulary string.
 *
 * Layout (little-endian, every section 4-byte aligned):
 *   magic | u32 header length | header JSON | sections named in the header. The magic is the
 *   format version: "VNLM0003" a trigram file, "VNLM0004" a 4-gram file (the trigram sections
 *   plus triBo, quadOff, quadW, quadP below); any other is refused with a message.
 *   vocab      UTF-8, unit strings joined by "\n" (id = line number; ids 0-4 are specials)
 *   uniP       f32[V]   ln P1(w)            (Kneser-Ney continuation unigram, uniform floor)
 *   uniBo      f32[V]   ln γ2(v)            (backoff weight of context v)
 *   biOff      u32[V+1] bigram range of each context v (successors sorted by id)
 *   biW        u16[N2]  successor id
 *   biP        u16[N2]  -ln P2(w|v) / step  (interpolated modified Kneser-Ney)
 *   biBo       u16[N2]  -ln γ3(v w) / step  (backoff weight of the trigram context v w)
 *   triOff     u32[N2+1] trigram range of each bigram context
 *   triW       u16[N3]
 *   triP       u16[N3]  -ln P3(w|u v) / step
 *   (VNLM0004 only)
 *   triBo      u16[N3]  -ln γ4(u v w) / step (backoff weight of the 4-gram context u v w)
 *   quadN      u16[N3]  number of 4-grams of each trigram context (their runs follow in trigram
 *                       order; the reader rebuilds the u32 offsets, half the bytes on disk)
 *   quadW      u16[N4]
 *   quadP      u16[N4]  -ln P4(w|t u v) / step
 * Probabilities are stored in backoff form: P(w|t u v) = P4 if the 4-gram is kept, otherwise
 * γ4(t u v) · P(w|u v); P(w|u v) = P3 if the trigram is kept, otherwise γ3(u v) · P(w|v), and
 * P(w|v) = P2 if the bigram is kept, otherwise γ2(v) · P1(w). In a file built here every kept
 * n-gram's suffix (and prefix) is kept too.
 */

export const LM_MAGIC = 'VNLM0003';
export const LM_MAGIC4 = 'VNLM0004';
export const SPECIALS = ['<s>', '</s>', '<num>', '<x>', '<unk>'] as const;
export const BOS = 0;
export const EOS = 1;
export const UNK = 4;

export interface NgramHeader {
  order: 3 | 4;
  vocabSize: number;
  bigrams: number;
  trigrams: number;
  /** order 4 only */
  fourgrams?: number;
  /** quantisation step of the u16 costs, in nats */
  step: number;
  sections: Record<string, [offset: number, bytes: number]>;
  /** free-form build facts (sources, pruning) */
  info: Record<string, unknown>;
}

export const SECTION_ORDER = ['vocab', 'uniP', 'uniBo', 'biOff', 'biW', 'biP', 'biBo', 'triOff', 'triW', 'triP'] as const;
export const SECTION_ORDER4 = [...SECTION_ORDER, 'triBo', 'quadN', 'quadW', 'quadP'] as const;
/** the sections to write; at order 4 `quadOff` (u32[N3+1], as the model holds it) is stored as quadN */
type Sections = Record<(typeof SECTION_ORDER)[number], Uint8Array> & Partial<Record<'triBo' | 'quadOff' | 'quadW' | 'quadP', Uint8Array>>;

/** Serialise sections (in SECTION_ORDER, SECTION_ORDER4 at order 4) with a header into one buffer. */
export function writeNgramFile(header: Omit<NgramHeader, 'sections'>, sections: Sections): Buffer {
  const pad4 = (n: number) => (n + 3) & ~3;
  const offsets: Record<string, [number, number]> = {};
  const names = header.order === 4 ? SECTION_ORDER4 : SECTION_ORDER;
  if (header.order === 4) {
    const q = sections.quadOff;
    if (!q) throw new Error('writeNgramFile: section quadOff missing');
    const off = new Uint32Array(q.buffer.slice(q.byteOffset, q.byteOffset + q.byteLength));
    const n = new Uint16Array(off.length - 1);
    for (let k = 0; k < n.length; k++) {
      const c = off[k + 1]! - off[k]!;
      if (c > 65535) throw new Error(`writeNgramFile: a trigram context with ${c} 4-grams (at most 65535)`);
      n[k] = c;
    }
    sections = { ...sections, quadN: bytesOf(n) } as Sections;
  }
  const all = sections as Record<string, Uint8Array | undefined>;
  for (const name of names) if (!all[name]) throw new Error(`writeNgramFile: section ${name} missing`);
  let at = 0;
  for (const name of names) {
    offsets[name] = [at, all[name]!.byteLength];
    at = pad4(at + all[name]!.byteLength);
  }
  const json = Buffer.from(JSON.stringify({ ...header, sections: offsets }), 'utf8');
  const headLen = pad4(8 + 4 + json.length);
  const out = Buffer.alloc(headLen + at);
  out.write(header.order === 4 ? LM_MAGIC4 : LM_MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, 8);
  json.copy(out, 12);
  for (const name of names) {
    const s = all[name]!;
    out.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), headLen + offsets[name]![0]);
  }
  if (header.order === 4 && !new NgramModel(out).fourgramSuffixesStored()) throw new Error('writeNgramFile: a 4-gram without its trigram (u v w)');
  return out;
}

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
export { bytesOf };

export class NgramModel {
  readonly header: NgramHeader;
  readonly vocab: string[];
  private readonly ids = new Map<string, number>();
  readonly uniP: Float32Array;
  readonly uniBo: Float32Array;
  readonly biOff: Uint32Array;
  readonly biW: Uint16Array;
  readonly biP: Uint16Array;
  readonly biBo: Uint16Array;
  readonly triOff: Uint32Array;
  readonly triW: Uint16Array;
  readonly triP: Uint16Array;
  /** 3 or 4 */
  readonly order: 3 | 4;
  /** order 4 (empty at order 3): backoff of each trigram as a 4-gram context, the 4-gram runs */
  readonly triBo: Uint16Array;
  readonly quadOff: Uint32Array;
  readonly quadW: Uint16Array;
  readonly quadP: Uint16Array;
  readonly step: number;

  constructor(file: Uint8Array) {
    // typed-array views need 4-byte alignment of the underlying offset
    const buf = file.byteOffset % 4 === 0 ? file : new Uint8Array(file);
    const magic = Buffer.from(buf.buffer, buf.byteOffset, 8).toString('latin1');
    if (magic !== LM_MAGIC && magic !== LM_MAGIC4) {
      throw new Error(`language model: unsupported file format ${JSON.stringify(magic)} (this build reads ${LM_MAGIC} trigram and ${LM_MAGIC4} 4-gram files; rebuild with npm run build:lm)`);
    }
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const jsonLen = dv.getUint32(8, true);
    this.header = JSON.parse(Buffer.from(buf.buffer, buf.byteOffset + 12, jsonLen).toString('utf8')) as NgramHeader;
    const base = buf.byteOffset + ((12 + jsonLen + 3) & ~3);
    const sec = (name: string) => this.header.sections[name]!;
    const view = <T>(name: string, Ctor: { new(b: ArrayBufferLike, o: number, l: number): T; BYTES_PER_ELEMENT: number }): T => {
      const [off, bytes] = sec(name);
      return new Ctor(buf.buffer, base + off, bytes / Ctor.BYTES_PER_ELEMENT);
    };
    const [vo, vb] = sec('vocab');
    this.vocab = Buffer.from(buf.buffer, base + vo, vb).toString('utf8').split('\n');
    for (let i = 0; i < this.vocab.length; i++) this.ids.set(this.vocab[i]!, i);
    this.uniP = view('uniP', Float32Array);
    this.uniBo = view('uniBo', Float32Array);
    this.biOff = view('biOff', Uint32Array);
    this.biW = view('biW', Uint16Array);
    this.biP = view('biP', Uint16Array);
    this.biBo = view('biBo', Uint16Array);
    this.triOff = view('triOff', Uint32Array);
    this.triW = view('triW', Uint16Array);
    this.triP = view('triP', Uint16Array);
    this.order = magic === LM_MAGIC4 ? 4 : 3;
    if (this.header.order !== this.order) throw new Error(`language model: header says order ${this.header.order}, format ${magic}`);
    if (this.order === 4) {
      this.triBo = view('triBo', Uint16Array);
      const quadN = view('quadN', Uint16Array);
      this.quadOff = new Uint32Array(quadN.length + 1);
      for (let k = 0; k < quadN.length; k++) this.quadOff[k + 1] = this.quadOff[k]! + quadN[k]!;
      this.quadW = view('quadW', Uint16Array);
      this.quadP = view('quadP', Uint16Array);
    } else {
      this.triBo = new Uint16Array(0);
      this.quadOff = new Uint32Array(0);
      this.quadW = new Uint16Array(0);
      this.quadP = new Uint16Array(0);
    }
    this.step = this.header.step;
  }

  private minCostCache: Float64Array | undefined;
  /**
   * A lower bound of -ln P(w | any context) per unit: the cheapest stored trigram or bigram
   * cost of w, or its cheapest backoff estimate. The decoder stops scanning predecessors once
   * a predecessor's score plus this bound cannot beat the best total found.
   */
  minCost(): Float64Array {
    if (this.minCostCache) return this.minCostCache;
    const V = this.vocab.length;
    const m = new Float64Array(V);
    let minBo = 0;
    for (let v = 0; v < V; v++) if (-this.uniBo[v]! < minBo) minBo = -this.uniBo[v]!;
    for (let w = 0; w < V; w++) m[w] = Math.max(0, minBo - this.uniP[w]!);
    for (let i = 0; i < this.biW.length; i++) { const c = this.biP[i]! * this.step; if (c < m[this.biW[i]!]!) m[this.biW[i]!] = c; }
    for (let i = 0; i < this.triW.length; i++) { const c = this.triP[i]! * this.step; if (c < m[this.triW[i]!]!) m[this.triW[i]!] = c; }
    for (let i = 0; i < this.quadW.length; i++) { const c = this.quadP[i]! * this.step; if (c < m[this.quadW[i]!]!) m[this.quadW[i]!] = c; }
    // a backoff through a trigram or 4-gram context adds >= 0 (γ <= 1), so the lower-level bounds hold
    return (this.minCostCache = m);
  }

  private lookup: LookupIndex | undefined;
  /**
   * What the decoder's lookups use, built on first use: the membership and rank index of the
   * long bigram runs, the bigrams by their second unit (columns), and the trigram signatures of
   * the bigrams (see trigramSignatures).
   */
  lookupIndex(): LookupIndex {
    if (this.lookup) return this.lookup;
    const { biOff, biW } = this;
    const V = this.vocab.length;
    // columns: for each unit x, the units w with a bigram (w x) in increasing order, and that
    // bigram's index (a counting sort of the bigrams by x)
    const colOff = new Uint32Array(V + 1);
    for (let i = 0; i < biW.length; i++) colOff[biW[i]! + 1]!++;
    for (let x = 0; x < V; x++) colOff[x + 1]! += colOff[x]!;
    const colW = new Uint16Array(biW.length);
    const colBi = new Int32Array(biW.length);
    const fill = colOff.slice(0, V);
    for (let w = 0; w < V; w++) {
      for (let i = biOff[w]!; i < biOff[w + 1]!; i++) {
        const at = fill[biW[i]!]!++;
        colW[at] = w;
        colBi[at] = i;
      }
    }
    return (this.lookup = {
      bi: new RunIndex(biOff, biW, V), sig: this.trigramSignatures(),
      colOff, colW, colBi, col: new RunIndex(colOff, colW, V),
    });
  }

  /**
   * Per bigram (v w): a 32-bit signature of the units u with a stored trigram (u v w), bit
   * contextBit(u) set for each. A clear bit proves the trigram absent, so the decoder looks up
   * the bigram first and the trigram only when the bit is set (9 in 10 trigram lookups miss).
   * Undefined when some trigram (u v w) has no bigram (v w) (not in a Kneser-Ney model built by
   * build:lm: there an absent bigram proves the trigram absent too); the decoder then looks up
   * the trigram first.
   */
  trigramSignatures(): Uint32Array | undefined {
    const { biOff, biW, triOff, triW } = this;
    const V = biOff.length - 1;
    const N2 = biW.length;
    // the trigram contexts b = (u v) grouped by v (counting sort), so that each bigram run of v
    // is spread once into a dense successor -> index map and every trigram finds its bigram there
    const ctxStart = new Int32Array(V + 1);
    for (let b = 0; b < N2; b++) if (triOff[b + 1]! > triOff[b]!) ctxStart[biW[b]! + 1]!++;
    for (let v = 0; v < V; v++) ctxStart[v + 1]! += ctxStart[v]!;
    const byV = new Int32Array(ctxStart[V]!);
    const uOf = new Int32Array(ctxStart[V]!);
    const fill = ctxStart.slice(0, V);
    for (let u = 0; u < V; u++) {
      for (let b = biOff[u]!; b < biOff[u + 1]!; b++) {
        if (triOff[b + 1]! === triOff[b]!) continue;
        const at = fill[biW[b]!]!++;
        byV[at] = b;
        uOf[at] = u;
      }
    }
    const sig = new Uint32Array(N2);
    const indexOf = new Int32Array(V);
    const stamp = new Int32Array(V).fill(-1);
    for (let v = 0; v < V; v++) {
      if (ctxStart[v] === ctxStart[v + 1]) continue;
      for (let i = biOff[v]!; i < biOff[v + 1]!; i++) { indexOf[biW[i]!] = i; stamp[biW[i]!] = v; }
      for (let k = ctxStart[v]!; k < ctxStart[v + 1]!; k++) {
        const b = byV[k]!;
        const bit = contextBit(uOf[k]!);
        for (let t = triOff[b]!; t < triOff[b + 1]!; t++) {
          const w = triW[t]!;
          if (stamp[w] !== v) return undefined;
          sig[indexOf[w]!]! |= bit;
        }
      }
    }
    return sig;
  }

  /**
   * Order 4: whether every stored 4-gram (t u v w) has its trigram (u v w) stored. The writer
   * refuses a VNLM0004 file without it, so the decoder searches a 4-gram run only after finding
   * the trigram (the runs are short: ~2 successors a context, so no signature is needed).
   */
  fourgramSuffixesStored(): boolean {
    const { biOff, biW, triOff, triW, quadOff, quadW } = this;
    const V = biOff.length - 1;
    for (let t = 0; t < V; t++) {
      for (let b1 = biOff[t]!; b1 < biOff[t + 1]!; b1++) {
        const u = biW[b1]!;
        for (let k = triOff[b1]!; k < triOff[b1 + 1]!; k++) {
          if (quadOff[k + 1]! === quadOff[k]!) continue;
          const b2 = search(biW, biOff[u]!, biOff[u + 1]!, triW[k]!);
          if (b2 < 0) return false;
          for (let q = quadOff[k]!; q < quadOff[k + 1]!; q++) if (search(triW, triOff[b2]!, triOff[b2 + 1]!, quadW[q]!) < 0) return false;
        }
      }
    }
    return true;
  }

  id(unit: string): number { return this.ids.get(unit) ?? -1; }
  get size(): number { return this.vocab.length; }

  /** Index of bigram (v, w), or -1. */
  bigram(v: number, w: number): number {
    return search(this.biW, this.biOff[v]!, this.biOff[v + 1]!, w);
  }

  /** -ln P(w | u v); ids must be valid (use UNK for unknown units). */
  cost(u: number, v: number, w: number): number {
    let bo = 0;
    const b = search(this.biW, this.biOff[u]!, this.biOff[u + 1]!, v);
    if (b >= 0) {
      const t = search(this.triW, this.triOff[b]!, this.triOff[b + 1]!, w);
      if (t >= 0) return this.triP[t]! * this.step;
      bo = this.biBo[b]! * this.step;
    }
    return bo + this.cost2(v, w);
  }

  /** -ln P(w | t u v); at order 3 the same as cost(u, v, w) */
  cost4(t: number, u: number, v: number, w: number): number {
    if (this.order === 3) return this.cost(u, v, w);
    let bo = 0;
    const b = search(this.biW, this.biOff[t]!, this.biOff[t + 1]!, u);
    if (b >= 0) {
      const k = search(this.triW, this.triOff[b]!, this.triOff[b + 1]!, v);
      if (k >= 0) {
        const q = search(this.quadW, this.quadOff[k]!, this.quadOff[k + 1]!, w);
        if (q >= 0) return this.quadP[q]! * this.step;
        bo = this.triBo[k]! * this.step;
      }
    }
    return bo + this.cost(u, v, w);
  }

  /** index of the trigram (u v w), or -1 */
  trigram(u: number, v: number, w: number): number {
    const b = search(this.biW, this.biOff[u]!, this.biOff[u + 1]!, v);
    return b < 0 ? -1 : search(this.triW, this.triOff[b]!, this.triOff[b + 1]!, w);
  }

  /** -ln P(w | v). */
  cost2(v: number, w: number): number {
    const b = search(this.biW, this.biOff[v]!, this.biOff[v + 1]!, w);
    if (b >= 0) return this.biP[b]! * this.step;
    return -this.uniBo[v]! - this.uniP[w]!;
  }
}

/** Binary search for `key` in the sorted slice a[lo, hi); index or -1. */
export function search(a: Uint16Array, lo: number, hi: number, key: number): number {
  while (hi - lo > 8) {
    const mid = (lo + hi) >>> 1;
    // a[mid] may be the key: keep it inside [lo, hi)
    if (a[mid]! < key) lo = mid + 1; else hi = mid + 1;
  }
  for (; lo < hi; lo++) {
    const x = a[lo]!;
    if (x === key) return lo;
    if (x > key) return -1;
  }
  return -1;
}

export interface LookupIndex {
  /** index of the long bigram runs (by first unit) */
  bi: RunIndex;
  /** NgramModel.trigramSignatures() */
  sig: Uint32Array | undefined;
  /** bigrams by second unit x: colW[colOff[x] .. colOff[x + 1]) the first units, colBi their bigram indices */
  colOff: Uint32Array;
  colW: Uint16Array;
  colBi: Int32Array;
  /** index of the long columns */
  col: RunIndex;
}

/** Run length up to which a linear scan is used (the run is one or two cache lines). */
const SCAN_MAX = 16;

/**
 * Membership and rank index of the long sorted runs (> SCAN_MAX successors) of one n-gram
 * level: per context a bitmap over the vocabulary, each 32-bit word paired with the number of
 * successors in the words before it, so that the index of (c, w) is the run start plus that
 * count plus the set bits below w. A context's row is 1–1.4 kB: the candidates looked up after
 * the same unit hit the same few cache lines, and an absent successor (3 in 4 decoder lookups)
 * is answered from the row alone. Built in one sequential pass over the runs.
 */
export class RunIndex {
  /** per context: offset of its row in `words`, or -1 (a short run: scanned) */
  readonly rowOf: Int32Array;
  /** per row, per 32 units: [bits, successors before this word] */
  readonly words: Int32Array;

  constructor(off: Uint32Array, w: Uint16Array, vocab: number) {
    const contexts = off.length - 1;
    const perRow = ((vocab + 31) >>> 5) * 2;
    this.rowOf = new Int32Array(contexts).fill(-1);
    let rows = 0;
    for (let c = 0; c < contexts; c++) if (off[c + 1]! - off[c]! > SCAN_MAX) this.rowOf[c] = perRow * rows++;
    const words = (this.words = new Int32Array(perRow * rows));
    for (let c = 0; c < contexts; c++) {
      const row = this.rowOf[c]!;
      if (row < 0) continue;
      const lo = off[c]!;
      for (let i = lo; i < off[c + 1]!; i++) words[row + ((w[i]! >>> 5) << 1)]! |= 1 << (w[i]! & 31);
      let before = 0;
      for (let k = row; k < row + perRow; k += 2) { words[k + 1] = before; before += popcount(words[k]!); }
    }
  }
}

export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** the bit of unit u in a trigram signature (trigramSignatures) */
export function contextBit(u: number): number {
  return 1 << (Math.imul(u, 0x9e3779b1) >>> 27);
}

/** Index of `key` in the sorted run a[lo, hi) of context c, or -1 (long runs through the index). */
export function find(a: Uint16Array, lo: number, hi: number, key: number, index: RunIndex, c: number): number {
  if (hi - lo <= SCAN_MAX) {
    for (; lo < hi; lo++) {
      const x = a[lo]!;
      if (x === key) return lo;
      if (x > key) return -1;
    }
    return -1;
  }
  const at = index.rowOf[c]! + ((key >>> 5) << 1);
  const bits = index.words[at]!;
  const bit = key & 31;
  if (((bits >>> bit) & 1) === 0) return -1;
  return lo + index.words[at + 1]! + popcount(bits & ((1 << bit) - 1));
}

/**
 * Trigram contexts of one model for the decoder's predecessor states, kept in typed arrays so
 * the inner Viterbi loop does no lookup of (u v) and no allocation: set(slot, u, v) once per
 * predecessor, then cost(slot, w) per candidate.
 *
 * With the model's trigram signatures (NgramModel.lookupIndex) a cost looks up the bigram
 * (v w) first: absent, the trigram is absent too; present, its signature says whether a trigram
 * (u v w) can be stored, and only then is the trigram run searched (9 in 10 trigram lookups
 * miss). The same u16 costs and the same arithmetic as NgramModel.cost, so the same results.
 */
export class ContextSlots {
  private readonly triLo: Int32Array;
  private readonly triHi: Int32Array;
  private readonly bo3: Float64Array;
  private readonly biLo: Int32Array;
  private readonly biHi: Int32Array;
  private readonly bo2: Float64Array;
  private readonly step: number;
  /** the unit v (bigram context) of each slot */
  private readonly biCtx: Int32Array;
  /** contextBit(u) of each slot */
  private readonly uBit: Int32Array;
  private readonly biIndex: RunIndex;
  private readonly sig: Uint32Array | undefined;
  private readonly lx: LookupIndex;
  /** order 4: the 4-gram run of the slot's context (t u v) and its backoff */
  private readonly quadLo: Int32Array;
  private readonly quadHi: Int32Array;
  private readonly bo4: Float64Array;

  /** the model has a 4-gram level (set() then takes the unit t before u v) */
  readonly four: boolean;

  constructor(private readonly m: NgramModel, slots: number) {
    this.biCtx = new Int32Array(slots);
    this.uBit = new Int32Array(slots);
    const h = m.lookupIndex();
    this.biIndex = h.bi;
    this.sig = h.sig;
    this.lx = h;
    this.four = m.order === 4;
    this.quadLo = new Int32Array(slots);
    this.quadHi = new Int32Array(slots);
    this.bo4 = new Float64Array(slots);

    this.triLo = new Int32Array(slots);
    this.triHi = new Int32Array(slots);
    this.bo3 = new Float64Array(slots);
    this.biLo = new Int32Array(slots);
    this.biHi = new Int32Array(slots);
    this.bo2 = new Float64Array(slots);
    this.step = m.step;
  }

  /** u, v (and t, the unit before u, for a 4-gram model): valid ids (UNK for unknown units) */
  set(slot: number, u: number, v: number, t = UNK): void {
    const m = this.m;
    if (this.four) {
      // the 4-gram context (t u v): trigram index of (t u v), its run and backoff
      const b1 = find(m.biW, m.biOff[t]!, m.biOff[t + 1]!, u, this.biIndex, t);
      const k = b1 >= 0 ? search(m.triW, m.triOff[b1]!, m.triOff[b1 + 1]!, v) : -1;
      if (k >= 0) { this.quadLo[slot] = m.quadOff[k]!; this.quadHi[slot] = m.quadOff[k + 1]!; this.bo4[slot] = m.triBo[k]! * this.step; }
      else { this.quadLo[slot] = 0; this.quadHi[slot] = 0; this.bo4[slot] = 0; }
    }
    const b = find(m.biW, m.biOff[u]!, m.biOff[u + 1]!, v, this.biIndex, u);
    this.biCtx[slot] = v;
    this.uBit[slot] = contextBit(u);
    if (b >= 0) { this.triLo[slot] = m.triOff[b]!; this.triHi[slot] = m.triOff[b + 1]!; this.bo3[slot] = m.biBo[b]! * this.step; }
    else { this.triLo[slot] = 0; this.triHi[slot] = 0; this.bo3[slot] = 0; }
    this.biLo[slot] = m.biOff[v]!;
    this.biHi[slot] = m.biOff[v + 1]!;
    this.bo2[slot] = -m.uniBo[v]!;
  }

  /**
   * after cost() or costNoting(): the index of bigram (v w) (-1: absent); -2 when a trigram
   * answered without it (only a model without trigram signatures)
   */
  lastBigram = -2;
  /**
   * after cost() of a 4-gram model: the index of trigram (u v w) (-1: absent); valid only when
   * lastBigram >= -1 (a trigram model does not set it: setKnown does not need it there).
   * With lastBigram these are the context of the next position (setKnown): (u v w) is the 4-gram
   * context and (v w) the trigram context of a slot whose units are v w after u.
   */
  lastTrigram = -1;

  /**
   * set(slot, v, w, u) from the bigram (v w) and trigram (u v w) indices a cost() call found
   * (lastBigram >= -1, lastTrigram): no lookup.
   */
  setKnown(slot: number, u: number, v: number, bigram: number, trigram: number): void {
    const m = this.m;
    this.biCtx[slot] = v;
    this.uBit[slot] = contextBit(u);
    if (bigram >= 0) { this.triLo[slot] = m.triOff[bigram]!; this.triHi[slot] = m.triOff[bigram + 1]!; this.bo3[slot] = m.biBo[bigram]! * this.step; }
    else { this.triLo[slot] = 0; this.triHi[slot] = 0; this.bo3[slot] = 0; }
    this.biLo[slot] = m.biOff[v]!;
    this.biHi[slot] = m.biOff[v + 1]!;
    this.bo2[slot] = -m.uniBo[v]!;
    if (this.four) {
      if (trigram >= 0) { this.quadLo[slot] = m.quadOff[trigram]!; this.quadHi[slot] = m.quadOff[trigram + 1]!; this.bo4[slot] = m.triBo[trigram]! * this.step; }
      else { this.quadLo[slot] = 0; this.quadHi[slot] = 0; this.bo4[slot] = 0; }
    }
  }

  /** -ln P(w | context in slot), w a valid id */
  cost(slot: number, w: number): number {
    return this.four ? this.cost4(slot, w) : this.cost3(slot, w);
  }

  /**
   * The 4-gram model's cost: the bigram (v w) first as at order 3; only when the trigram
   * (u v w) is found is the (short) 4-gram run searched: a VNLM0004 file stores the trigram of
   * every 4-gram (fourgramSuffixesStored, checked by the writer).
   */
  private cost4(slot: number, w: number): number {
    const m = this.m;
    const bo4 = this.bo4[slot]!;
    if (this.sig) {
      const idx = find(m.biW, this.biLo[slot]!, this.biHi[slot]!, w, this.biIndex, this.biCtx[slot]!);
      this.lastBigram = idx;
      this.lastTrigram = -1;
      if (idx < 0) return bo4 + (this.bo3[slot]! + (this.bo2[slot]! - m.uniP[w]!));
      if (this.sig[idx]! & this.uBit[slot]!) {
        const t = search(m.triW, this.triLo[slot]!, this.triHi[slot]!, w);
        this.lastTrigram = t;
        if (t >= 0) {
          const q = search(m.quadW, this.quadLo[slot]!, this.quadHi[slot]!, w);
          if (q >= 0) return m.quadP[q]! * this.step;
          return bo4 + m.triP[t]! * this.step;
        }
      }
      return bo4 + (this.bo3[slot]! + m.biP[idx]! * this.step);
    }
    const q = search(m.quadW, this.quadLo[slot]!, this.quadHi[slot]!, w);
    if (q >= 0) { this.lastBigram = -2; this.lastTrigram = -1; return m.quadP[q]! * this.step; }
    return bo4 + this.cost3(slot, w);
  }

  private cost3(slot: number, w: number): number {
    const m = this.m;
    if (this.sig) {
      const idx = find(m.biW, this.biLo[slot]!, this.biHi[slot]!, w, this.biIndex, this.biCtx[slot]!);
      this.lastBigram = idx;
      if (idx < 0) return this.bo3[slot]! + (this.bo2[slot]! - m.uniP[w]!);
      if (this.sig[idx]! & this.uBit[slot]!) {
        const t = search(m.triW, this.triLo[slot]!, this.triHi[slot]!, w);
        if (t >= 0) return m.triP[t]! * this.step;
      }
      return this.bo3[slot]! + m.biP[idx]! * this.step;
    }
    const t = search(m.triW, this.triLo[slot]!, this.triHi[slot]!, w);
    this.lastTrigram = t;
    if (t >= 0) { this.lastBigram = -2; return m.triP[t]! * this.step; }
    const b = find(m.biW, this.biLo[slot]!, this.biHi[slot]!, w, this.biIndex, this.biCtx[slot]!);
    this.lastBigram = b;
    return this.bo3[slot]! + (b >= 0 ? m.biP[b]! * this.step : this.bo2[slot]! - m.uniP[w]!);
  }

  /** the bigram (v w) index cost() found; -2 when it did not look */
  private noted = -2;

  /** cost(slot, w), remembering the bigram (v w) lookup for costAfter */
  costNoting(slot: number, w: number): number {
    const c = this.cost(slot, w);
    this.noted = this.lastBigram;
    return c;
  }

  /**
   * 4-gram models: -ln P(x | u v w), (t u v) the context of slot, right after cost(slot, w)
   * found the bigram (v w) at `bigram` (>= -1) and the trigram (u v w) at `trigram`: the same
   * value as setKnown(other, v, w, bigram, trigram) + cost(other, x), without the slot writes;
   * the bigram (w x) is found in the column of x, as costAfter does.
   */
  costAfter4(slot: number, w: number, x: number, bigram: number, trigram: number): number {
    const m = this.m;
    const v = this.biCtx[slot]!;
    const lx = this.lx;
    const p = find(lx.colW, lx.colOff[x]!, lx.colOff[x + 1]!, w, lx.col, x);
    const b2 = p >= 0 ? lx.colBi[p]! : -1;
    const bo4 = trigram >= 0 ? m.triBo[trigram]! * this.step : 0;
    let bo3 = 0;
    if (bigram >= 0) {
      // with signatures a clear bit (or no bigram (w x)) proves the trigram (v w x) absent
      if (this.sig ? b2 >= 0 && (this.sig[b2]! & contextBit(v)) !== 0 : true) {
        const t = search(m.triW, m.triOff[bigram]!, m.triOff[bigram + 1]!, x);
        if (t >= 0) {
          if (trigram >= 0) {
            const q = search(m.quadW, m.quadOff[trigram]!, m.quadOff[trigram + 1]!, x);
            if (q >= 0) return m.quadP[q]! * this.step;
          }
          return bo4 + m.triP[t]! * this.step;
        }
      }
      bo3 = m.biBo[bigram]! * this.step;
    }
    return bo4 + (bo3 + (b2 >= 0 ? m.biP[b2]! * this.step : -m.uniBo[w]! - m.uniP[x]!));
  }

  /**
   * Trigram models only (a 4-gram model needs u too: costAfter4).
   * -ln P(x | v w), v the bigram context of slot, right after costNoting(slot, w): the same
   * value as set(other, v, w) + cost(other, x), sharing the (v w) lookup (noted = -2: look it up).
   */
  costAfter(slot: number, w: number, x: number, noted = this.noted): number {
    const m = this.m;
    const v = this.biCtx[slot]!;
    let b = noted;
    if (b === -2) b = find(m.biW, this.biLo[slot]!, this.biHi[slot]!, w, this.biIndex, v);
    // bigram (w x) first: absent, so is trigram (v w x); present, its signature tells. Found
    // in the column of x: the confidence pass asks for one x after many w
    const lx = this.lx;
    const p = find(lx.colW, lx.colOff[x]!, lx.colOff[x + 1]!, w, lx.col, x);
    const b2 = p >= 0 ? lx.colBi[p]! : -1;
    let bo3 = 0;
    if (b >= 0) {
      if (!this.sig || (b2 >= 0 && (this.sig[b2]! & contextBit(v)) !== 0)) {
        const t = search(m.triW, m.triOff[b]!, m.triOff[b + 1]!, x);
        if (t >= 0) return m.triP[t]! * this.step;
      }
      bo3 = m.biBo[b]! * this.step;
    }
    return bo3 + (b2 >= 0 ? m.biP[b2]! * this.step : -m.uniBo[w]! - m.uniP[x]!);
  }
}
