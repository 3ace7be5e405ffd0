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
}
export const DEFAULT_LM: LmParams = { unknownPenalty: 2, unseenCost: 18 };

export class LanguageModel {
  readonly unseenCost: number;
  readonly oovCost: number;
  readonly boundaryId = BOS;
  readonly endId = EOS;

  readonly unknownPenalty: number;

  constructor(readonly ngram: NgramModel, private readonly params: LmParams = DEFAULT_LM) {
    this.unseenCost = params.unseenCost;
    this.unknownPenalty = params.unknownPenalty;
    this.oovCost = this.unseenCost + 3;
  }

  id(w: string): number { return this.ngram.id(w); }

  unigramCost(id: number): number {
    return id >= 0 ? -this.ngram.uniP[id]! : this.unseenCost;
  }

  /** -ln P(w | u v); unknown context units count as <unk>, an unknown w costs `wUnknownCost` + penalty. */
  cost(u: number, v: number, w: number, wUnknownCost: number): number {
    if (w < 0) return wUnknownCost + this.params.unknownPenalty;
    const uu = u < 0 ? UNK : u;
    const vv = v < 0 ? UNK : v;
    return this.ngram.cost(uu, vv, w);
  }
}
