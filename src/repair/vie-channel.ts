/**
 * Vietnamese-OCR channel: how tesseract's `vie` model misreads the marks of a syllable whose
 * letters it got right (ồ/ô/ố, ư/ứ, ả/á, d/đ, lost or doubled marks). A syllable is split into
 * its tone (0..5) and its bare letters with quality marks (ă â ê ô ơ ư đ); P(ocr | truth) is the
 * product of a tone-confusion rate and per-letter quality-mark rates, learned from the synthetic
 * pairs of make-vie-ocr-pairs.ts (training split only: clean pages read by tesseract.js and
 * scan-like stamped pages read by the native tesseract; plus, given as `extra`, whole pages of
 * the real scan the pass is tuned on, aligned with their truths) with add-one smoothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { alignTokens } from './alignment.js';
import type { VieChannelCounts } from './model-data.js';
import { lineWords } from './tokenize.js';
import { normalizeTonePlacement, skeleton, splitTone } from './vietnamese.js';

export interface ViePair { split: string; doc: number; ocr: string; truth: string }

export function readViePairs(file: string): ViePair[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => {
    const [split, doc, , ocr, truth] = l.split('\t');
    return { split: split!, doc: Number(doc), ocr: ocr ?? '', truth: truth ?? '' };
  });
}

const norm = (w: string) => normalizeTonePlacement(w.normalize('NFC').toLowerCase());
const LETTERS = /^\p{L}+$/u;

/** Mark events of reading truth syllable t as o (same skeleton): tone pair and letter pairs. */
function events(t: string, o: string, out: (key: string) => void): void {
  const a = splitTone(t);
  const b = splitTone(o);
  out(`T${a.tone}>${b.tone}`);
  const x = [...a.bare];
  const y = [...b.bare];
  for (let i = 0; i < x.length; i++) if ('ăâêôơưđ'.includes(x[i]!) || 'ăâêôơưđ'.includes(y[i] ?? '') || 'aeoud'.includes(x[i]!)) out(`Q${x[i]}>${y[i]}`);
}

/** Counts over the training pairs of one or more pair files (clean synthetic pages, scan-like pages). */
export function buildVieChannel(files: string | readonly string[], extra: readonly ViePair[] = []): VieChannelCounts {
  const counts: VieChannelCounts = { aligned: 0, same: 0, subs: {}, marks: {} };
  for (const p of [...(typeof files === 'string' ? [files] : files).flatMap(readViePairs), ...extra]) {
    if (p.split !== 'train') continue;
    for (const [o, t] of alignTokens(lineWords(p.ocr), lineWords(p.truth))) {
      if (!o || !t || !LETTERS.test(t) || !LETTERS.test(o)) continue;
      const tn = norm(t);
      const on = norm(o);
      if (skeleton(tn) !== skeleton(on)) continue;
      counts.aligned++;
      if (tn === on) counts.same++;
      else counts.subs[`${tn}>${on}`] = (counts.subs[`${tn}>${on}`] ?? 0) + 1;
      events(tn, on, (k) => { counts.marks[k] = (counts.marks[k] ?? 0) + 1; });
    }
  }
  // sorted keys: deterministic JSON
  const sortObj = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { aligned: counts.aligned, same: counts.same, subs: sortObj(counts.subs), marks: sortObj(counts.marks) };
}

/** -ln P(ocr syllable | truth syllable) for same-skeleton pairs, from the mark rates. */
export class VieChannel {
  private readonly rate = new Map<string, number>();
  private readonly memo = new Map<string, number>();

  constructor(counts: VieChannelCounts | undefined) {
    const from = new Map<string, number>();
    const kinds = new Map<string, Set<string>>();
    for (const [k, n] of Object.entries(counts?.marks ?? {})) {
      const src = k.slice(0, k.indexOf('>'));
      from.set(src, (from.get(src) ?? 0) + n);
      (kinds.get(src) ?? kinds.set(src, new Set()).get(src)!).add(k);
    }
    for (const [k, n] of Object.entries(counts?.marks ?? {})) {
      const src = k.slice(0, k.indexOf('>'));
      this.rate.set(k, (n + 0.5) / (from.get(src)! + 3));
    }
    this.from = from;
  }
  private readonly from: Map<string, number>;

  private eventCost(k: string): number {
    const r = this.rate.get(k);
    if (r !== undefined) return -Math.log(r);
    const src = k.slice(0, k.indexOf('>'));
    const self = k.slice(k.indexOf('>') + 1) === k.slice(1, k.indexOf('>'));
    const total = this.from.get(src) ?? 0;
    // unseen event: identity almost sure, a change as rare as half a count
    return self ? 0.01 : -Math.log(0.5 / (total + 3)) + 1;
  }

  cost(ocr: string, truth: string): number {
    const key = truth + '>' + ocr;
    let c = this.memo.get(key);
    if (c === undefined) {
      c = 0;
      events(truth, ocr, (k) => { c! += this.eventCost(k); });
      if (this.memo.size < 200_000) this.memo.set(key, c);
    }
    return c;
  }
}
