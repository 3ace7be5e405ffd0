/**
 * Candidate syllables for an OCR token. Lookup goes through skeletons (marks stripped):
 * the OCR token's characters are expanded with their confusion options (6 -> o, 4 -> a,
 * w -> u ...), allowing one extra OCR character to be dropped and one truth character to be
 * missing (deletion index), and every syllable with a matching skeleton is then scored by
 * the character channel.
 */
import type { Channel, ChannelCounts, Confusions, TruthInfo } from './channel.js';
import { skeleton, skeletonChar } from './vietnamese.js';

export interface Candidate { syl: string; cost: number }

const MAX_VARIANTS = 3000;
const MAX_TOKEN_CHARS = 10;

/**
 * A string a variant may be: a skeleton (its syllables, as ids into the generator's syllable
 * table) and/or a skeleton with one character deleted (the skeletons it comes from)
 */
interface SkeletonEntry { index: number; syllables: number[] | undefined; fromDeletion: SkeletonEntry[] | undefined }

export class CandidateGenerator {
  private readonly bySkeleton = new Map<string, string[]>();
  private readonly deletionIndex = new Map<string, string[]>();
  /** bySkeleton and deletionIndex in one lookup per variant, syllables as ids */
  private readonly entries = new Map<string, SkeletonEntry>();
  private skeletonCount = 0;
  /** syllable id -> syllable, and its edit-distance data once scored */
  private readonly sylText: string[] = [];
  private readonly sylIds = new Map<string, number>();
  private readonly sylInfo: (TruthInfo | undefined)[] = [];
  /** per skeleton entry / syllable id: the generate() call that last added it (order-keeping dedup) */
  private skelStamp = new Int32Array(0);
  private sylStamp = new Int32Array(0);
  private call = 0;
  private readonly options = new Map<string, Set<string>>();
  private readonly multi: [string, string[]][] = [];
  /** the same, OCR side split into characters */
  private readonly multiChars: [string[], string[]][] = [];

  constructor(syllables: readonly string[], private readonly channel: Channel, confusions: Confusions, counts: ChannelCounts) {
    for (const s of syllables) {
      const k = skeleton(s);
      const list = this.bySkeleton.get(k);
      if (list) list.push(s); else this.bySkeleton.set(k, [s]);
    }
    for (const k of this.bySkeleton.keys()) {
      for (let i = 0; i < k.length; i++) {
        const d = k.slice(0, i) + k.slice(i + 1);
        if (!d) continue;
        const l = this.deletionIndex.get(d);
        if (!l) this.deletionIndex.set(d, [k]); else if (!l.includes(k)) l.push(k);
      }
    }
    const add = (o: string, t: string) => {
      let set = this.options.get(o);
      if (!set) this.options.set(o, (set = new Set()));
      set.add(t);
    };
    const entry = (k: string) => {
      let e = this.entries.get(k);
      if (!e) this.entries.set(k, (e = { index: -1, syllables: undefined, fromDeletion: undefined }));
      return e;
    };
    for (const [k, syls] of this.bySkeleton) {
      const e = entry(k);
      e.index = this.skeletonCount++;
      e.syllables = syls.map((syl) => this.sylId(syl));
    }
    for (const [d, ks] of this.deletionIndex) entry(d).fromDeletion = ks.map((k) => this.entries.get(k)!);
    this.skelStamp = new Int32Array(this.skeletonCount);
    for (const [o, truths] of confusions) {
      if ([...o].length > 1) { this.multi.push([o, truths]); this.multiChars.push([[...o], truths]); }
      else for (const t of truths) add(o, t);
    }
    for (const [t, row] of Object.entries(counts.sub)) {
      for (const [o, n] of Object.entries(row)) if (o && n >= 2) add(o, skeletonChar(t));
    }
  }

  private sylId(syl: string): number {
    let id = this.sylIds.get(syl);
    if (id === undefined) {
      id = this.sylText.length;
      this.sylIds.set(syl, id);
      this.sylText.push(syl);
      this.sylInfo.push(undefined);
    }
    return id;
  }

  private readonly charOptionMemo = new Map<string, string[]>();

  isSkeleton(k: string): boolean { return this.bySkeleton.has(k); }
  syllablesOf(k: string): readonly string[] { return this.bySkeleton.get(k) ?? []; }

  private charOptions(o: string): string[] {
    let memo = this.charOptionMemo.get(o);
    if (!memo) {
      const out = new Set<string>(this.options.get(o) ?? []);
      const s = skeletonChar(o);
      if (/^[a-z]$/.test(s)) out.add(s);
      memo = [...out];
      if (this.charOptionMemo.size < 10_000) this.charOptionMemo.set(o, memo);
    }
    return memo;
  }

  /** Skeleton strings the OCR token may stand for. */
  variants(ocrLower: string): Set<string> {
    const chars = [...ocrLower];
    const out = new Set<string>();
    const walk = (i: number, acc: string, dropped: boolean) => {
      if (out.size >= MAX_VARIANTS) return;
      if (i === chars.length) { if (acc) out.add(acc); return; }
      for (const [m, truths] of this.multiChars) {
        let same = i + m.length <= chars.length;
        for (let k = 0; same && k < m.length; k++) if (chars[i + k] !== m[k]) same = false;
        if (same) for (const t of truths) walk(i + m.length, acc + t, dropped);
      }
      const opts = this.charOptions(chars[i]!);
      for (const t of opts) walk(i + 1, acc + t, dropped);
      if (!dropped || opts.length === 0) walk(i + 1, acc, true);
    };
    walk(0, '', false);
    return out;
  }

  /** Scored candidates, cheapest first (at most `limit`). */
  generate(ocrLower: string, limit: number): Candidate[] {
    // the longest syllable has 7 letters; OCR adds at most a few: longer tokens are not syllables
    if ([...ocrLower].length > MAX_TOKEN_CHARS) return [];
    // the skeletons the variants reach, in the order of first reaching (a variant that is a
    // skeleton, then the skeletons it is a deletion of), then their syllables in that order,
    // then the whole-token truths: ties in cost keep this order through the stable sorts
    const call = ++this.call;
    const skelStamp = this.skelStamp;
    const skeletons: SkeletonEntry[] = [];
    const reach = (e: SkeletonEntry) => { if (skelStamp[e.index] !== call) { skelStamp[e.index] = call; skeletons.push(e); } };
    for (const v of this.variants(ocrLower)) {
      const e = this.entries.get(v);
      if (!e) continue;
      if (e.syllables) reach(e);
      if (e.fromDeletion) for (const k of e.fromDeletion) reach(k);
    }
    const syls: number[] = [];
    const addSyl = (id: number) => {
      if (id >= this.sylStamp.length) { const grown = new Int32Array(Math.max(this.sylText.length, 2 * this.sylStamp.length, 1024)); grown.set(this.sylStamp); this.sylStamp = grown; }
      if (this.sylStamp[id] !== call) { this.sylStamp[id] = call; syls.push(id); }
    };
    for (const k of skeletons) for (const id of k.syllables!) addSyl(id);
    for (const syl of this.channel.tokenTruths(ocrLower)) addSyl(this.sylId(syl));
    const out: Candidate[] = [];
    const score = this.channel.prepareInfo(ocrLower);
    // whole-token confusions as a Map: most tokens have none, and keyed lookups of
    // syllable strings on a plain object are slow in V8 (the key is not an interned string)
    const row = this.channel.tokenRow(ocrLower);
    const tokenCosts = row ? new Map(Object.keys(row).map((t) => [t, this.channel.tokenCostIn(row, t)])) : undefined;
    // the `limit` cheapest costs so far (a max-heap): a syllable the scorer proves costlier than
    // the current limit-th cheapest cannot make the cut, so its edit distance may stop early
    // and it is not kept (the sort is stable and a later syllable costing more than `limit`
    // earlier ones never reaches the first `limit` places: the kept list is unchanged)
    const heap: number[] = [];
    for (const id of syls) {
      const syl = this.sylText[id]!;
      const info = (this.sylInfo[id] ??= this.channel.truthInfoOf(syl));
      const bound = heap.length < limit ? Infinity : heap[0]!;
      let cost = score(info, bound);
      const tc = tokenCosts?.get(syl);
      if (tc !== undefined && tc < cost) cost = tc;
      if (cost > bound) continue;
      out.push({ syl, cost });
      if (heap.length < limit) heapPush(heap, cost);
      else if (cost < heap[0]!) heapReplaceTop(heap, cost);
    }
    out.sort((a, b) => a.cost - b.cost);
    return out.slice(0, limit);
  }
}

/** max-heap of numbers in an array (heap[0] = largest) */
function heapPush(h: number[], x: number): void {
  let i = h.length;
  h.push(x);
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (h[p]! >= x) break;
    h[i] = h[p]!;
    i = p;
  }
  h[i] = x;
}

function heapReplaceTop(h: number[], x: number): void {
  const n = h.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && h[r]! > h[l]! ? r : l;
    if (h[c]! <= x) break;
    h[i] = h[c]!;
    i = c;
  }
  h[i] = x;
}
