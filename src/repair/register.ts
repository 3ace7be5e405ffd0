/**
 * Which language model reads a stripped document: the administrative one (lm.bin: corpus +
 * plan text) or the general-register one (lm-general.bin: the same mixed with conversation,
 * literary prose, everyday writing and contracts, see training.ts). Decided per document from
 * its skeletons (what stripped text still shows): the mean over its word tokens of
 * ln P_general(k) / P_admin(k), each P(k) the unigram mass of the syllables with skeleton k.
 * Administrative documents score well below zero (held-out corpus documents -0.3 to -0.7),
 * conversation and prose above it.
 */
import { SPECIALS, type NgramModel } from './ngram.js';
import { lineWords } from './tokenize.js';
import { skeleton } from './vietnamese.js';

export type Register = 'admin' | 'general';

/** a stripped document whose mean skeleton log-ratio is above this is decoded with the general model (chosen in tune-general-lm.ts) */
export const GENERAL_REGISTER_THRESHOLD = -0.2;

/**
 * ln P_general(k) - ln P_admin(k) per skeleton k. `mixed` is lm-general.bin, whose unigrams are
 * (1 - λ) P_admin + λ P_general (ngram-mix.ts; λ in its header, words only it knows at the
 * admin model's floor), so the general model's own unigram mass is recovered from it exactly.
 */
export function skeletonLogRatios(admin: NgramModel, mixed: NgramModel): Map<string, number> {
  const lambda = Number((mixed.header.info.mixed as { lambda?: number } | undefined)?.lambda);
  if (!(lambda > 0 && lambda <= 1)) throw new Error('skeletonLogRatios: the general model has no mixing weight');
  let floor = 0;
  for (let w = SPECIALS.length; w < admin.size; w++) if (admin.uniP[w]! < floor) floor = admin.uniP[w]!;
  const pa = new Map<string, number>();
  const pm = new Map<string, number>();
  mixed.vocab.forEach((w, i) => {
    if (w.startsWith('<')) return;
    const k = skeleton(w);
    const id = admin.id(w);
    pa.set(k, (pa.get(k) ?? 0) + Math.exp(id >= 0 ? admin.uniP[id]! : floor));
    pm.set(k, (pm.get(k) ?? 0) + Math.exp(mixed.uniP[i]!));
  });
  const out = new Map<string, number>();
  for (const [k, m] of pm) {
    const a = pa.get(k)!;
    const g = Math.max(1e-12, (m - (1 - lambda) * a) / lambda);
    out.set(k, Math.log(g / a));
  }
  return out;
}

/**
 * Mean skeleton log-ratio of a document's word tokens (0 when none is known). `words(li)` gives
 * line li's word texts (the decoder passes its cached pieces: no second tokenisation); `memo`
 * keeps each token text's ratio (NaN: unknown skeleton).
 */
export function registerScore(lineCount: number, words: (li: number) => Iterable<string>, ratios: ReadonlyMap<string, number>, memo = new Map<string, number>()): number {
  let s = 0;
  let n = 0;
  for (let li = 0; li < lineCount; li++) for (const w of words(li)) {
    let r = memo.get(w);
    if (r === undefined) {
      r = ratios.get(skeleton(w.toLowerCase())) ?? NaN;
      if (memo.size < 200_000) memo.set(w, r);
    }
    if (r !== r) continue;
    s += r;
    n++;
  }
  return n ? s / n : 0;
}

/** The same over plain lines. */
export function registerScoreOfLines(lines: readonly string[], ratios: ReadonlyMap<string, number>): number {
  return registerScore(lines.length, (li) => lineWords(lines[li]!), ratios);
}
