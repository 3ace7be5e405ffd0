/**
 * The decoder's view of the syllable language model (ngram.ts): units are lowercase syllables
 * with old-style tone placement plus class tokens <num> (numbers), <x> (codes, abbreviations),
 * <unk> (words that are no Vietnamese syllable) and <s> (segment boundary). Ids of -1 stand
 * for units outside the vocabulary.
 */
import { BOS, EOS, NgramModel, UNK } from './ngram.js';

export const BOUNDARY = '<s>';

export interface LmParams {
  /** extra cost of a unit outside the vocabulary (on top of the caller's unknown cost) */
  unknownPenalty: number;
  /** cost of a syllable outside the language model's vocabulary */
  unseenCost: number;
  /** weight of the in-domain (plan text) model in the linear interpolation with the corpus model */
  domainWeight: number;
}
export const DEFAULT_LM: LmParams = { unknownPenalty: 2, unseenCost: 18, domainWeight: 0.3 };

export class LanguageModel {
  readonly unseenCost: number;
  readonly oovCost: number;
  readonly boundaryId = BOS;
  readonly endId = EOS;

  readonly unknownPenalty: number;

  readonly domainWeight: number;

  constructor(readonly ngram: NgramModel, readonly domain: NgramModel, private readonly params: LmParams = DEFAULT_LM) {
    if (domain.size !== ngram.size) throw new Error('language model: the domain model has another vocabulary');
    this.domainWeight = params.domainWeight;
    this.unseenCost = params.unseenCost;
    this.unknownPenalty = params.unknownPenalty;
    this.oovCost = this.unseenCost + 3;
  }

  id(w: string): number { return this.ngram.id(w); }

  unigramCost(id: number): number {
    if (id < 0) return this.unseenCost;
    return mix(-this.ngram.uniP[id]!, -this.domain.uniP[id]!, this.domainWeight);
  }

  /** -ln P(w | u v); unknown context units count as <unk>, an unknown w costs `wUnknownCost` + penalty. */
  cost(u: number, v: number, w: number, wUnknownCost: number): number {
    if (w < 0) return wUnknownCost + this.params.unknownPenalty;
    const uu = u < 0 ? UNK : u;
    const vv = v < 0 ? UNK : v;
    return mix(this.ngram.cost(uu, vv, w), this.domain.cost(uu, vv, w), this.domainWeight);
  }
}

/** -ln((1 - λ) e^-a + λ e^-b), computed stably. */
export function mix(a: number, b: number, lambda: number): number {
  const m = a < b ? a : b;
  return m - Math.log((1 - lambda) * Math.exp(m - a) + lambda * Math.exp(m - b));
}
