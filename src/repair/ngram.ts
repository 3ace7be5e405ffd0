/**
 * Syllable trigram language model in a compact binary file (src/data/repair/lm.bin), read in
 * one go: no parsing beyond a small JSON header and the vocabulary string.
 *
 * Layout (little-endian, every section 4-byte aligned):
 *   "VNLM0003" | u32 header length | header JSON | sections named in the header:
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
 * Probabilities are stored in backoff form: P(w|u v) = P3 if the trigram is kept, otherwise
 * γ3(u v) · P(w|v), and P(w|v) = P2 if the bigram is kept, otherwise γ2(v) · P1(w).
 */

export const LM_MAGIC = 'VNLM0003';
export const SPECIALS = ['<s>', '</s>', '<num>', '<x>', '<unk>'] as const;
export const BOS = 0;
export const EOS = 1;
export const UNK = 4;

export interface NgramHeader {
  order: 3;
  vocabSize: number;
  bigrams: number;
  trigrams: number;
  /** quantisation step of the u16 costs, in nats */
  step: number;
  sections: Record<string, [offset: number, bytes: number]>;
  /** free-form build facts (sources, pruning) */
  info: Record<string, unknown>;
}

export const SECTION_ORDER = ['vocab', 'uniP', 'uniBo', 'biOff', 'biW', 'biP', 'biBo', 'triOff', 'triW', 'triP'] as const;

/** Serialise sections (in SECTION_ORDER) with a header into one buffer. */
export function writeNgramFile(header: Omit<NgramHeader, 'sections'>, sections: Record<(typeof SECTION_ORDER)[number], Uint8Array>): Buffer {
  const pad4 = (n: number) => (n + 3) & ~3;
  const offsets: Record<string, [number, number]> = {};
  let at = 0;
  for (const name of SECTION_ORDER) {
    offsets[name] = [at, sections[name].byteLength];
    at = pad4(at + sections[name].byteLength);
  }
  const json = Buffer.from(JSON.stringify({ ...header, sections: offsets }), 'utf8');
  const headLen = pad4(8 + 4 + json.length);
  const out = Buffer.alloc(headLen + at);
  out.write(LM_MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, 8);
  json.copy(out, 12);
  for (const name of SECTION_ORDER) {
    const s = sections[name];
    out.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), headLen + offsets[name]![0]);
  }
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
  readonly step: number;

  constructor(file: Uint8Array) {
    // typed-array views need 4-byte alignment of the underlying offset
    const buf = file.byteOffset % 4 === 0 ? file : new Uint8Array(file);
    const magic = Buffer.from(buf.buffer, buf.byteOffset, 8).toString('latin1');
    if (magic !== LM_MAGIC) throw new Error(`language model: bad magic ${JSON.stringify(magic)}`);
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
    // a backoff through a trigram context adds >= 0 (γ3 <= 1), so the bigram-level bounds hold
    return (this.minCostCache = m);
  }

  private hashes: { bi: RunHash; tri: RunHash } | undefined;
  /** Hash indexes of the bigram and trigram runs, built on first use. */
  runHashes(): { bi: RunHash; tri: RunHash } {
    return (this.hashes ??= { bi: new RunHash(this.biOff, this.biW, this.biP, true), tri: new RunHash(this.triOff, this.triW, this.triP, false) });
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

/** Slice length up to which a linear scan beats a hash probe (the slice is one or two cache lines). */
const SCAN_MAX = 16;

/**
 * Open-addressing hash over the entries of the long sorted runs (> SCAN_MAX entries): entry i
 * of the run of context c is stored under hash(c, w[i]) as [c + 1, w << 16 | cost[i]] (and i
 * when `withIndex`), 0 = empty. One probe reads one cache line and yields the cost without
 * touching the run arrays. Built once per model in memory (tens of ms); short runs are
 * scanned linearly instead.
 */
export class RunHash {
  readonly table: Int32Array;
  readonly shift: number;
  readonly mask: number;
  /** Int32 words per slot: 2, or 4 with the entry index */
  readonly stride: number;

  constructor(off: Uint32Array, w: Uint16Array, cost: Uint16Array, withIndex: boolean) {
    const contexts = off.length - 1;
    let n = 0;
    for (let c = 0; c < contexts; c++) if (off[c + 1]! - off[c]! > SCAN_MAX) n += off[c + 1]! - off[c]!;
    let bits = 4;
    while ((1 << bits) * 0.7 < n) bits++; // load factor <= 0.7
    this.stride = withIndex ? 4 : 2;
    this.table = new Int32Array((1 << bits) * this.stride);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    const t = this.table;
    const st = this.stride;
    for (let c = 0; c < contexts; c++) {
      const lo = off[c]!;
      const hi = off[c + 1]!;
      if (hi - lo <= SCAN_MAX) continue; // short runs are scanned, never hashed
      for (let i = lo; i < hi; i++) {
        let h = hashPair(c, w[i]!) >>> this.shift;
        while (t[h * st] !== 0) h = (h + 1) & this.mask;
        t[h * st] = c + 1;
        t[h * st + 1] = (w[i]! << 16) | cost[i]!;
        if (withIndex) t[h * st + 2] = i;
      }
    }
  }

  /** table offset of the slot holding (c, w), or -1 */
  slot(c: number, w: number): number {
    const t = this.table;
    const st = this.stride;
    const c1 = c + 1;
    let h = hashPair(c, w) >>> this.shift;
    for (;;) {
      const at = h * st;
      const e = t[at]!;
      if (e === 0) return -1;
      if (e === c1 && t[at + 1]! >>> 16 === w) return at;
      h = (h + 1) & this.mask;
    }
  }
}

export function hashPair(c: number, w: number): number {
  return Math.imul((Math.imul(c, 0x9e3779b1) ^ w) >>> 0, 0x85ebca6b);
}

/** Index of `key` in the sorted run a[lo, hi) of context c, or -1 (hash with index for long runs). */
export function find(a: Uint16Array, lo: number, hi: number, key: number, hash: RunHash, c: number): number {
  if (hi - lo <= SCAN_MAX) {
    for (; lo < hi; lo++) {
      const x = a[lo]!;
      if (x === key) return lo;
      if (x > key) return -1;
    }
    return -1;
  }
  const at = hash.slot(c, key);
  return at < 0 ? -1 : hash.table[at + 2]!;
}

/** Quantised cost stored with `key` in the run a[lo, hi) of context c (costs p), or -1. */
export function findCost(a: Uint16Array, p: Uint16Array, lo: number, hi: number, key: number, hash: RunHash, c: number): number {
  if (hi - lo <= SCAN_MAX) {
    for (; lo < hi; lo++) {
      const x = a[lo]!;
      if (x === key) return p[lo]!;
      if (x > key) return -1;
    }
    return -1;
  }
  const at = hash.slot(c, key);
  return at < 0 ? -1 : hash.table[at + 1]! & 0xffff;
}

/**
 * Trigram contexts of one model for the decoder's predecessor states, kept in typed arrays so
 * the inner Viterbi loop does no lookup of (u v) and no allocation: set(slot, u, v) once per
 * predecessor, then cost(slot, w) per candidate.
 */
export class ContextSlots {
  private readonly triLo: Int32Array;
  private readonly triHi: Int32Array;
  private readonly bo3: Float64Array;
  private readonly biLo: Int32Array;
  private readonly biHi: Int32Array;
  private readonly bo2: Float64Array;
  private readonly step: number;
  /** the bigram index (trigram context) and the unit v (bigram context) of each slot */
  private readonly triCtx: Int32Array;
  private readonly biCtx: Int32Array;
  private readonly biHash: RunHash;
  private readonly triHash: RunHash;

  constructor(private readonly m: NgramModel, slots: number) {
    this.triCtx = new Int32Array(slots);
    this.biCtx = new Int32Array(slots);
    const h = m.runHashes();
    this.biHash = h.bi;
    this.triHash = h.tri;
    this.triLo = new Int32Array(slots);
    this.triHi = new Int32Array(slots);
    this.bo3 = new Float64Array(slots);
    this.biLo = new Int32Array(slots);
    this.biHi = new Int32Array(slots);
    this.bo2 = new Float64Array(slots);
    this.step = m.step;
  }

  /** u, v: valid ids (UNK for unknown units) */
  set(slot: number, u: number, v: number): void {
    const m = this.m;
    const b = find(m.biW, m.biOff[u]!, m.biOff[u + 1]!, v, this.biHash, u);
    this.triCtx[slot] = b;
    this.biCtx[slot] = v;
    if (b >= 0) { this.triLo[slot] = m.triOff[b]!; this.triHi[slot] = m.triOff[b + 1]!; this.bo3[slot] = m.biBo[b]! * this.step; }
    else { this.triLo[slot] = 0; this.triHi[slot] = 0; this.bo3[slot] = 0; }
    this.biLo[slot] = m.biOff[v]!;
    this.biHi[slot] = m.biOff[v + 1]!;
    this.bo2[slot] = -m.uniBo[v]!;
  }

  /** -ln P(w | context in slot), w a valid id */
  /** after cost(): the index of bigram (v w) it looked up (-1: absent), -2 when a trigram answered */
  lastBigram = -2;

  cost(slot: number, w: number): number {
    const m = this.m;
    const t = findCost(m.triW, m.triP, this.triLo[slot]!, this.triHi[slot]!, w, this.triHash, this.triCtx[slot]!);
    if (t >= 0) { this.lastBigram = -2; return t * this.step; }
    // bigram (v w): the cost, and its index for a later costAfter
    let lo = this.biLo[slot]!;
    const hi = this.biHi[slot]!;
    let idx = -1;
    let b = -1;
    if (hi - lo <= SCAN_MAX) {
      for (; lo < hi; lo++) {
        const x = m.biW[lo]!;
        if (x === w) { idx = lo; b = m.biP[lo]!; break; }
        if (x > w) break;
      }
    } else {
      const at = this.biHash.slot(this.biCtx[slot]!, w);
      if (at >= 0) { idx = this.biHash.table[at + 2]!; b = this.biHash.table[at + 1]! & 0xffff; }
    }
    this.lastBigram = idx;
    return this.bo3[slot]! + (b >= 0 ? b * this.step : this.bo2[slot]! - m.uniP[w]!);
  }

  /** the bigram (v w) index cost() found on a trigram miss; -2 when it did not look */
  private noted = -2;

  /** cost(slot, w), remembering the bigram (v w) lookup for costAfter */
  costNoting(slot: number, w: number): number {
    const m = this.m;
    const t = findCost(m.triW, m.triP, this.triLo[slot]!, this.triHi[slot]!, w, this.triHash, this.triCtx[slot]!);
    if (t >= 0) { this.noted = -2; return t * this.step; }
    const b = find(m.biW, this.biLo[slot]!, this.biHi[slot]!, w, this.biHash, this.biCtx[slot]!);
    this.noted = b;
    return this.bo3[slot]! + (b >= 0 ? m.biP[b]! * this.step : this.bo2[slot]! - m.uniP[w]!);
  }

  /**
   * -ln P(x | v w), v the bigram context of slot, right after costNoting(slot, w): the same
   * value as set(other, v, w) + cost(other, x), sharing the (v w) lookup (noted = -2: look it up).
   */
  costAfter(slot: number, w: number, x: number, noted = this.noted): number {
    const m = this.m;
    let b = noted;
    if (b === -2) b = find(m.biW, this.biLo[slot]!, this.biHi[slot]!, w, this.biHash, this.biCtx[slot]!);
    let bo3 = 0;
    if (b >= 0) {
      const t = findCost(m.triW, m.triP, m.triOff[b]!, m.triOff[b + 1]!, x, this.triHash, b);
      if (t >= 0) return t * this.step;
      bo3 = m.biBo[b]! * this.step;
    }
    const b2 = findCost(m.biW, m.biP, m.biOff[w]!, m.biOff[w + 1]!, x, this.biHash, w);
    return bo3 + (b2 >= 0 ? b2 * this.step : -m.uniBo[w]! - m.uniP[x]!);
  }
}
