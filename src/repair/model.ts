/**
 * The repair model: noisy-channel decoding of OCR'd Vietnamese. For each word token the
 * candidate generator proposes syllables with channel costs; a Viterbi pass over each segment
 * picks the sequence minimising channel + trigram language-model cost (trigram context taken
 * from the best predecessor path). Fixed tokens (numbers, codes, abbreviations, Roman
 * numerals) pass through as class units. Output stays line-aligned; only word cores change.
 */
import { Channel, parseConfusions } from './channel.js';
import { CandidateGenerator } from './candidates.js';
import { CodeParts } from './code-parts.js';
import { assessDamageWith, type DamageAssessment } from './damage.js';
import { MAX_LINE_LENGTH, walkDocument, type WalkItem } from './document.js';
import { DEFAULT_LM, LanguageModel, type LmParams } from './language-model.js';
import { ContextSlots, NgramModel, UNK } from './ngram.js';
import { VieChannel } from './vie-channel.js';
import { parseRhymes, spellableSkeletons } from './syllable-inventory.js';
import { splitSlashedWords, tokenizeLine, type Piece } from './tokenize.js';
import type { RepairModelData } from './model-data.js';
import { classifyCore, parseAbbreviations, romanLabel, type Abbreviations } from './token-class.js';
import { normalizeTonePlacement, skeleton, transferCase } from './vietnamese.js';
import { GENERAL_REGISTER_THRESHOLD, registerScore, skeletonLogRatios, type Register } from './register.js';

export interface RepairStats { tokens: number; changed: number; meanConfidence: number }
/** line: 0-based index into the input lines; column: 1-based UTF-16 offset of the token in that line */
export interface LowConfidenceToken { line: number; column: number; original: string; repaired: string; confidence: number }
export interface RepairResult extends RepairStats {
  lines: string[];
  lowConfidence: LowConfidenceToken[];
  /** indices of lines passed through untouched because they are too long to be text (> 100,000 chars) */
  skippedLines?: number[];
}
/** Which channel reads a document: chosen from its damage profile (and whether it came from OCR). */
export type RepairChannel = 'clean' | 'english-ocr' | 'stripped' | 'vie-ocr';
export interface RepairOptions {
  /** the lines were read by Vietnamese OCR: clean-looking text goes through the Vietnamese-OCR channel */
  ocr?: boolean;
  /** force a channel (evaluation) */
  channel?: RepairChannel;
  /** stripped text: force the language model (evaluation); otherwise chosen from the text (register.ts) */
  register?: Register;
}
export interface RepairModel {
  repairLines(lines: readonly string[], options?: RepairOptions): RepairResult & { channel: RepairChannel; register?: Register };
  /** the channel repairLines would choose */
  chooseChannel(lines: readonly string[], options?: RepairOptions): RepairChannel;
  assessDamage(lines: readonly string[]): DamageAssessment;
}

/** Tunable weights; defaults were chosen on seed 003 / 004 OCR / synthetic pairs. */
export interface DecodeOptions {
  channelWeight: number;
  /** extra cost of leaving a damaged-document token unrepaired when it is no valid syllable */
  keepInvalidCost: number;
  /** extra cost of leaving an unlisted short all-caps token (possible abbreviation) as written */
  keepAbbreviationCost: number;
  /** extra cost of changing a token in a clean document (only visibly broken tokens are candidates there) */
  cleanChangeCost: number;
  /** candidates kept per token, chosen from candidates * rankPool by channel + rankUnigramWeight * unigram cost */
  candidates: number;
  rankPool: number;
  rankUnigramWeight: number;
  lowConfidence: number;
  /** extra cost of reading a 1-2 digit number as a syllable */
  numberAsWordCost: number;
  lm: Partial<LmParams>;
  /** predecessor states scoring worse than the best one plus this are not extended */
  viterbiBeam: number;
  /** candidates costing more than the cheapest plus this are dropped */
  channelBeam: number;
  /** Vietnamese-OCR channel: extra cost of changing a syllable's marks (strong evidence only) */
  vieChangeCost: number;
  /**
   * Vietnamese-OCR channel: a mark change is kept only when its local posterior (given the chosen
   * neighbours) is at least this; weaker evidence leaves the syllable as the OCR read it
   */
  vieMinConfidence: number;
  /** stripped text: candidates kept per skeleton (most frequent first) */
  strippedCandidates: number;
  /** weight of the document cache unigram in the second pass (0 = no cache) */
  cacheWeight: number;
  /** confidence a first-pass token needs to enter the cache (and below which its segment re-decodes) */
  cacheMinConfidence: number;
}

export const DEFAULT_DECODE: DecodeOptions = {
  channelWeight: 0.8,
  keepInvalidCost: 4,
  keepAbbreviationCost: 1,
  cleanChangeCost: 12,
  candidates: 20,
  rankPool: 3,
  rankUnigramWeight: 1,
  lowConfidence: 0.9,
  numberAsWordCost: 1,
  lm: {},
  channelBeam: 12,
  viterbiBeam: 10,
  vieChangeCost: 1,
  vieMinConfidence: 0.5,
  strippedCandidates: 24,
  cacheWeight: 0.25,
  cacheMinConfidence: 0.9,
};

/** out: text to emit; unit: LM id; cost: channel + mode penalties; raw: channel cost alone */
interface Cand { out: string; unit: number; unseen: number; cost: number; raw: number; keep: boolean }
interface Position { item: WalkItem; cands: Cand[]; fixed: boolean }
const OCR_JUNK = /[¢@&$]|\p{L}\d|\d\p{L}/u;
const MARKED = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/u;
/**
 * the document cache of the second pass: a unit's LM probability p becomes keep · p + share[w],
 * keep = 1 - weight, share[w] = weight · count(w) / total (precomputed per unit: the same
 * doubles as computing them per lookup)
 */
interface DocCache { keep: number; share: Float64Array }

/** a damaged document with fewer marked syllables than this was stripped of its marks, not OCR'd */
const STRIPPED_MARK_RATE = 0.02;
/** a list number glued to a word by OCR ("4.S6Y" = "4. Sở Y"): not a code, an unreadable word for the LM */
export const GLUED_LABEL = /^\d{1,2}\.\p{L}/u;
/** nats: slack on the Viterbi beam test so that rounding can never prune a state the beam keeps */
const PRUNE_MARGIN = 1e-6;
const NUM = '<num>';
/** a quarter and its year as English OCR reads it: Roman numeral, its I read 1 or l (11/2026, 1V/2025) */
const QUARTER = /^[IVl1]{1,3}\/\d{4}$/;
const OTHER = '<x>';

export function createRepairModel(data: RepairModelData, opts: Partial<DecodeOptions> = {}): RepairModel {
  const o: DecodeOptions = { ...DEFAULT_DECODE, ...opts };
  const confusions = parseConfusions(data.confusions);
  const channel = new Channel(data.channel, confusions);
  const generator = new CandidateGenerator(data.syllables, channel, confusions, data.channel);
  const lm = new LanguageModel(new NgramModel(data.lm), { ...DEFAULT_LM, ...o.lm });
  const abbr: Abbreviations = parseAbbreviations(data.abbreviations);
  const codeParts = new CodeParts(data.codeParts ?? '');
  const isListedAbbreviation = (part: string) => abbr.map.get(part.toUpperCase()) === part;
  const syllableSet = new Set(data.syllables);
  const sets = { isSyllable: (s: string) => syllableSet.has(normalizeTonePlacement(s)), isSkeleton: (k: string) => generator.isSkeleton(k) };
  const numUnit = lm.id(NUM);
  const otherUnit = lm.id(OTHER);
  const candCache = new Map<string, { syl: string; cost: number; unit: number }[]>();

  // abbreviation test uses every spellable skeleton, not only attested syllables (PICH = ĐÍCH)
  const spellable = spellableSkeletons(parseRhymes(data.rhymes));
  const isSkel = (k: string) => spellable.has(k);

  function baseCandidates(lower: string) {
    let c = candCache.get(lower);
    if (!c) {
      const raw = generator.generate(lower, o.candidates * o.rankPool);
      const ranked = raw.map((r) => ({ syl: r.syl, cost: r.cost, unit: lm.id(r.syl) }));
      ranked.sort((a, b) => (a.cost + o.rankUnigramWeight * lm.unigramCost(a.unit)) - (b.cost + o.rankUnigramWeight * lm.unigramCost(b.unit)));
      c = ranked.slice(0, o.candidates);
      if (candCache.size > 50_000) candCache.clear();
      candCache.set(lower, c);
    }
    return c;
  }

  function fixedCand(out: string, unit: number): Cand[] {
    return [{ out, unit, unseen: lm.oovCost, cost: 0, raw: 0, keep: false }];
  }

  // what candidatesFor decides from the token text and the channel alone (everything but the
  // Roman-numeral and list-label tests, which look at the neighbours), per channel
  const byText = new Map<RepairChannel, Map<string, { cands: Cand[]; fixed: boolean }>>();
  const romanText = new Map<string, string | null>();

  function candidatesFor(item: WalkItem, mode: RepairChannel): { cands: Cand[]; fixed: boolean } {
    const core = item.piece.text;
    let roman = romanText.get(core);
    if (roman === undefined) {
      roman = romanLabel(core);
      if (romanText.size > 100_000) romanText.clear();
      romanText.set(core, roman);
    }
    if (roman) {
      const next = item.pieces[item.pieceIndex + 1]?.text ?? '';
      const prev = item.pieceIndex >= 2 ? item.pieces[item.pieceIndex - 2]!.text : '';
      const lineRest = item.pieces.slice(item.pieceIndex + 1).map((p) => p.text).join('');
      const heading = item.wordIndex === 0 && next.startsWith('.') && (/[IVX]/.test(core) || lineRest === lineRest.toUpperCase());
      const isLabel = /^[IVX]+$/.test(core) || heading || skeleton(prev) === 'khoa' || (prev.startsWith('(') && /[IVX]/.test(core));
      if (isLabel) return { cands: fixedCand(roman, otherUnit), fixed: true };
    }
    // a quarter is written in Roman numerals (Quý II/2026), which English OCR reads as digits
    // (Quy 11/2026, I11/2026, 1V/2026): after "Quý" the numeral part is read back as Roman
    if (mode === 'english-ocr' && QUARTER.test(core) && item.pieceIndex >= 2 && item.pieces[item.pieceIndex - 1]!.text === ' ' && skeleton(item.pieces[item.pieceIndex - 2]!.text) === 'quy') {
      const slash = core.indexOf('/');
      const label = romanLabel(core.slice(0, slash)) ?? (core.startsWith('1') && romanLabel(core.slice(0, slash).replace(/1/g, 'I')));
      if (label && /^(?:I{1,3}|IV)$/.test(label)) return { cands: fixedCand(label + core.slice(slash), otherUnit), fixed: true };
    }
    // in English OCR a lone Y or A before a capitalised word is a name prefix (Y Thanh Hà, the Ê Đê
    // Y; A Lưới): kept as written, not read as Ý or a damaged Ủy (the LM still sees the syllable:
    // Sở Y Tế in a title-case heading). Other lone capitals are damaged syllables (B Chính trị =
    // Bộ), and stripped text loses the marks of names too (O Loạn = Ô Loạn)
    if (mode === 'english-ocr' && (core === 'Y' || core === 'A') && isNameAfter(item)) {
      return { cands: fixedCand(core, lm.id(core.toLowerCase())), fixed: true };
    }
    // list labels "a)", "b.", "đ)" at the start of a line stay as written
    if (item.wordIndex === 0 && /^\p{Ll}$/u.test(core) && /^[)./]/.test(item.pieces[item.pieceIndex + 1]?.text ?? '')) {
      return { cands: fixedCand(core, otherUnit), fixed: true };
    }
    let memo = byText.get(mode);
    if (!memo) byText.set(mode, (memo = new Map()));
    let r = memo.get(core);
    if (!r) {
      r = textCandidates(core, mode);
      if (memo.size > 100_000) memo.clear();
      memo.set(core, r);
    }
    return r;
  }

  /** the word after this one, in the same line past one space, is capitalised (Thanh, not THANH or thanh) */
  function isNameAfter(item: WalkItem): boolean {
    const gap = item.pieces[item.pieceIndex + 1];
    const next = item.pieces[item.pieceIndex + 2];
    return gap !== undefined && gap.text === ' ' && next !== undefined && next.word && /^\p{Lu}\p{Ll}/u.test(next.text);
  }

  function textCandidates(core: string, mode: RepairChannel): { cands: Cand[]; fixed: boolean } {
    const clean = mode !== 'english-ocr';
    const cls = classifyCore(core, abbr, isSkel);
    if (cls === 'number') {
      // 1-2 digit tokens may be mangled syllables (16 -> lệ, 6 -> có); the LM decides
      if (clean || !/^\d{1,2}$/.test(core)) return { cands: fixedCand(core, numUnit), fixed: true };
      const cands = fixedCand(core, numUnit);
      for (const b of baseCandidates(core)) {
        cands.push({ out: b.syl, unit: b.unit, unseen: lm.unseenCost, cost: b.cost * o.channelWeight + o.numberAsWordCost, raw: b.cost, keep: false });
      }
      return { cands, fixed: false };
    }
    // English OCR and stripping lose the Đ of code parts (ND-CP = NĐ-CP); the corpus spelling restores it
    const damagedCodes = mode === 'english-ocr' || mode === 'stripped';
    if (cls === 'code') return { cands: fixedCand(damagedCodes ? codeParts.repair(core) : core, GLUED_LABEL.test(core) ? UNK : otherUnit), fixed: true };
    const listed = abbr.map.get(core.toUpperCase());
    // all-caps tokens with no vowel (or G/Q, which OCR makes of ơ/ợ: SG = Sở) cannot be syllables
    // a listed abbreviation spelled like a syllable (TU = Tỉnh ủy, HU = Huyện ủy) may be a heading
    // syllable in English OCR (THONG TU = THÔNG TƯ): decoded, with the abbreviation kept at no cost
    const listedSyllable = mode === 'english-ocr' && listed === core && [...core].length <= 4 && isSkel(skeleton(core.toLowerCase()));
    if (cls === 'abbr' && !listedSyllable && (listed !== undefined || [...core].length > 4 || !/[AEIOUYĂÂÊÔƠƯGQ]/i.test(core.normalize('NFD')))) {
      return { cands: fixedCand(listed ?? (damagedCodes ? codeParts.repairPart(core, isListedAbbreviation) : core), otherUnit), fixed: true };
    }
    // a short unlisted all-caps token may be a mangled heading syllable (HQI = HỘI): decode it,
    // but keeping it as written stays cheap
    const lower = core.normalize('NFC').toLowerCase();
    const norm = normalizeTonePlacement(lower);
    const valid = syllableSet.has(norm);
    // in clean text only tokens that are visibly broken get repaired: OCR junk (S6, x&) or
    // marked letters in an impossible spelling (tiép, véi); foreign words stay as they are
    // (Vietnamese OCR does not make English-OCR junk: there 1a, m2, đ are what was printed)
    const penalised = mode === 'vie-ocr' || (clean && !(OCR_JUNK.test(core) || (MARKED.test(lower) && !valid)));
    if (penalised && mode !== 'clean' && /^\p{L}+$/u.test(core)) {
      const c = mode === 'stripped' ? strippedCandidates(core, norm, valid) : vieCandidates(core, norm, valid);
      if (c) return { cands: c, fixed: c.length === 1 };
    }
    if (penalised) {
      // clean text, token not visibly broken: pass it through untouched
      const c = fixedCand(core, valid ? lm.id(norm) : otherUnit);
      return { cands: c, fixed: true };
    }
    const cands: Cand[] = [];
    let sawIdentity = false;
    for (const b of baseCandidates(lower)) {
      const identity = b.syl === norm;
      if (identity) sawIdentity = true;
      let cost = b.cost * o.channelWeight;
      if (penalised && !identity) cost += o.cleanChangeCost;
      // identity keeps the text as written in clean documents; in damaged ones it still gets
      // the old-style tone placement (hoá -> hóa)
      const out = identity && (clean || b.syl === lower) ? core : transferCase(core, b.syl);
      cands.push({ out, unit: b.unit, unseen: lm.unseenCost, cost, raw: b.cost, keep: identity });
    }
    if (!sawIdentity) {
      // leaving the token as it is: cheap in clean text, a last resort in damaged text
      // an unlisted all-caps token kept as written is taken for an abbreviation (LM class <x>)
      const unit = valid ? lm.id(norm) : cls === 'abbr' ? otherUnit : -1;
      const cost = penalised ? 0 : valid ? channel.cost(lower, norm) * o.channelWeight : cls === 'abbr' ? o.keepAbbreviationCost : o.keepInvalidCost;
      cands.push({ out: core, unit, unseen: valid ? lm.unseenCost : lm.oovCost, cost, raw: 0, keep: true });
    }
    if (listedSyllable) cands.push({ out: core, unit: otherUnit, unseen: lm.oovCost, cost: 0, raw: 0, keep: true });
    // beam on the channel: candidates far worse than the best one cannot win and cost time
    let floor = Infinity;
    for (const c of cands) if (c.raw < floor) floor = c.raw;
    const kept = cands.filter((c) => c.raw <= floor + o.channelBeam || c.keep);
    cands.length = 0;
    cands.push(...kept);
    return { cands, fixed: false };
  }

  // stripped text: every syllable with the token's skeleton, the language model alone decides
  const strippedCache = new Map<string, { syl: string; unit: number }[]>();
  function strippedCandidates(core: string, norm: string, valid: boolean): Cand[] | undefined {
    // a token that carries marks was not stripped: keep it
    if (MARKED.test(norm)) return undefined;
    const skel = skeleton(norm);
    let list = strippedCache.get(skel);
    if (!list) {
      list = generator.syllablesOf(skel).map((syl) => ({ syl, unit: lm.id(syl) }));
      list.sort((a, b) => lm.unigramCost(a.unit) - lm.unigramCost(b.unit) || (a.syl < b.syl ? -1 : 1));
      list = list.slice(0, o.strippedCandidates);
      strippedCache.set(skel, list);
    }
    if (!list.length) return undefined;
    const cands: Cand[] = list.map((b) => ({ out: b.syl === norm ? core : transferCase(core, b.syl), unit: b.unit, unseen: lm.unseenCost, cost: 0, raw: 0, keep: b.syl === norm }));
    if (!valid) cands.push({ out: core, unit: -1, unseen: lm.oovCost, cost: o.keepInvalidCost, raw: 0, keep: true });
    return cands;
  }

  // Vietnamese OCR: letters are right, marks may not be; a change needs strong evidence
  const vieChannel = new VieChannel(data.vieChannel);
  function vieCandidates(core: string, norm: string, valid: boolean): Cand[] | undefined {
    // a token that is no syllable but has a syllable's letters (triên, cảu: a mark lost or
    // misplaced) gets the same candidates; kept as written it is an unknown word for the LM.
    // A capitalised one is more likely a name (Lúi, Trấp: villages) and stays.
    if (!valid && (!MARKED.test(norm) || /^\p{Lu}\p{Ll}/u.test(core))) return undefined;
    const skel = skeleton(norm);
    const cands: Cand[] = [];
    for (const syl of generator.syllablesOf(skel)) {
      const identity = syl === norm;
      const cost = vieChannel.cost(norm, syl) + (identity ? 0 : o.vieChangeCost);
      if (!identity && cost > o.channelBeam) continue;
      cands.push({ out: identity ? core : transferCase(core, syl), unit: lm.id(syl), unseen: lm.unseenCost, cost, raw: cost, keep: identity });
    }
    if (!valid) {
      if (!cands.length) return undefined;
      cands.push({ out: core, unit: -1, unseen: lm.oovCost, cost: 0, raw: 0, keep: true });
    }
    if (!cands.some((c) => c.keep)) return undefined;
    return cands;
  }

  // Viterbi buffers, reused across segments (no allocation per position)
  let scoreBuf = new Float64Array(1 << 14);
  let backBuf = new Int32Array(1 << 14);
  /**
   * per state: the bigram (v w) and trigram (u v w) indices its best transition's lookup found
   * (ContextSlots.lastBigram / lastTrigram), so that the state's context at the next position is
   * set without a lookup (setKnown); -3: unknown (an out-of-vocabulary unit), set() looks up
   */
  let stateBi = new Int32Array(1 << 14);
  let stateTri = new Int32Array(1 << 14);
  let startBuf = new Int32Array(1 << 10);
  const MAXP = 1024;
  const order = new Int32Array(MAXP);
  const predScore = new Float64Array(MAXP);
  const predU = new Int32Array(MAXP);
  const predV = new Int32Array(MAXP);
  let nUseOf = new Int32Array(1 << 10);
  let valStart = new Int32Array(1 << 10);
  let lmVal = new Float64Array(1 << 16);
  /** per lmVal entry: the bigram (v w) index its lookup found (ContextSlots.lastBigram), for the confidence pass */
  let lmBigram = new Int32Array(1 << 16);
  /** 4-gram models: per lmVal entry, the trigram (u v w) index its lookup found (ContextSlots.lastTrigram) */
  let lmTrigram = new Int32Array(lm.ngram.order === 4 ? 1 << 16 : 0);
  let slotOfPrev = new Int32Array(1 << 14);
  // per-predecessor LM contexts
  const slots = new ContextSlots(lm.ngram, MAXP);
  const minLm = lm.ngram.minCost();
  const unknownPenalty = lm.unknownPenalty;

  /** a 4-gram model: contexts take the unit t before u v, and the confidence pass looks every (u v c) up */
  const four = slots.four;
  function setContext(oi: number, u: number, v: number, t: number = lm.boundaryId): void {
    const uu = u < 0 ? UNK : u;
    const vv = v < 0 ? UNK : v;
    slots.set(oi, uu, vv, t < 0 ? UNK : t);
  }
  /** the confidence pass's unit before v (4-gram models) */
  let confU = 0;

  /** LM cost of unit w after predecessor context oi (set by setContext). */
  function ctxCost(oi: number, w: number, unseen: number, cache: DocCache | undefined): number {
    let c: number;
    if (w < 0) c = unseen + unknownPenalty;
    else c = slots.cost(oi, w);
    return cache ? cached(c, w, cache) : c;
  }

  /** the document cache's mixture applied to an LM cost of unit w */
  function cached(c: number, w: number, cache: DocCache): number {
    return -Math.log(cache.keep * Math.exp(-c) + (w >= 0 ? cache.share[w]! : 0));
  }

  /**
   * Confidence-pass terms of candidate c between the chosen neighbours: the LM cost of c in
   * context slot 0 (u v), then (in `afterCost`) the cost of `next` after (v c). Same values as
   * ctxCost(0, c) and setContext(1, v, c) + ctxCost(1, next), with the (v c) lookup shared.
   */
  let afterCost = 0;
  /** the second term of pairCost alone (the first one is known) */
  function afterOnly(c: Cand, v: number, next: Cand, cache: DocCache | undefined, noted: number, notedTri: number): number {
    if (four && c.unit >= 0 && next.unit >= 0 && noted >= -1) {
      // 4-gram: the indices of (v c) and (u v c) found by c's lookup give next's context (u v c)
      const r2 = slots.costAfter4(0, c.unit, next.unit, noted, notedTri);
      return cache ? cached(r2, next.unit, cache) : r2;
    }
    if (c.unit < 0 || four) {
      setContext(1, v, c.unit, confU);
      return ctxCost(1, next.unit, next.unseen, cache);
    }
    if (next.unit < 0) return ctxCost(1, next.unit, next.unseen, cache);
    const r2 = slots.costAfter(0, c.unit, next.unit, noted);
    return cache ? cached(r2, next.unit, cache) : r2;
  }
  function pairCost(c: Cand, v: number, next: Cand | undefined, cache: DocCache | undefined): number {
    if (c.unit < 0) {
      const first = ctxCost(0, c.unit, c.unseen, cache);
      if (next) { setContext(1, v, c.unit, confU); afterCost = ctxCost(1, next.unit, next.unseen, cache); }
      return first;
    }
    if (four) {
      // the lookup of c after (t u v) found the indices of (v c) and (u v c): next's context
      const first = ctxCost(0, c.unit, c.unseen, cache);
      if (next) {
        const lb = slots.lastBigram;
        if (lb >= -1 && next.unit >= 0) {
          const r2 = slots.costAfter4(0, c.unit, next.unit, lb, slots.lastTrigram);
          afterCost = cache ? cached(r2, next.unit, cache) : r2;
        } else {
          if (lb >= -1) slots.setKnown(1, v < 0 ? UNK : v, c.unit, lb, slots.lastTrigram);
          else setContext(1, v, c.unit, confU);
          afterCost = ctxCost(1, next.unit, next.unseen, cache);
        }
      }
      return first;
    }
    const raw = slots.costNoting(0, c.unit);
    const first = cache ? cached(raw, c.unit, cache) : raw;
    if (next) {
      if (next.unit < 0) afterCost = ctxCost(1, next.unit, next.unseen, cache);
      else {
        const r2 = slots.costAfter(0, c.unit, next.unit);
        afterCost = cache ? cached(r2, next.unit, cache) : r2;
      }
    }
    return first;
  }

  /**
   * the Viterbi beam of the current document: English-OCR costs are channelWeight × channel + LM,
   * so a channel weight under 1 narrows the score gaps and the beam narrows with it (the pruning
   * stays as strict, and as fast, as at weight 1); the other channels keep viterbiBeam
   */
  let beam = o.viterbiBeam;
  function decodeSegment(seg: Position[], choice: number[], conf: number[], cache: DocCache | undefined): void {
    const n = seg.length;
    if (!n) return;
    const B = lm.boundaryId;
    if (startBuf.length < n + 1) startBuf = new Int32Array((n + 1) * 2);
    let total = 0;
    for (let i = 0; i < n; i++) { startBuf[i] = total; total += seg[i]!.cands.length; }
    startBuf[n] = total;
    if (scoreBuf.length < total) {
      scoreBuf = new Float64Array(total * 2); backBuf = new Int32Array(total * 2);
      stateBi = new Int32Array(total * 2); stateTri = new Int32Array(total * 2);
    }
    const score = scoreBuf;
    const back = backBuf;
    const start = startBuf;
    // LM costs the Viterbi pass computed, kept for the confidence pass (which needs the costs of
    // every candidate next to the chosen neighbours, mostly the same contexts): position i has
    // nUseOf[i] predecessor slots; the cost of candidate k from slot oi is at
    // lmVal[valStart[i] + k * nUseOf[i] + oi] (NaN: not computed); slotOfPrev[start[i - 1] + j]
    // is the slot of predecessor state j at position i (-1: not a predecessor)
    if (nUseOf.length < n) { nUseOf = new Int32Array(n * 2); valStart = new Int32Array(n * 2); }
    if (slotOfPrev.length < total) slotOfPrev = new Int32Array(total * 2);
    slotOfPrev.fill(-1, 0, total);
    let valTotal = 0;
    const reserve = (i: number, nUse: number, nCands: number) => {
      nUseOf[i] = nUse;
      valStart[i] = valTotal;
      const need = valTotal + nUse * nCands;
      if (lmVal.length < need) {
        const grown = new Float64Array(need * 2);
        grown.set(lmVal.subarray(0, valTotal));
        lmVal = grown;
        const grownB = new Int32Array(need * 2);
        grownB.set(lmBigram.subarray(0, valTotal));
        lmBigram = grownB;
        if (four) {
          const grownT = new Int32Array(need * 2);
          grownT.set(lmTrigram.subarray(0, valTotal));
          lmTrigram = grownT;
        }
      }
      lmVal.fill(NaN, valTotal, need);
      valTotal = need;
    };
    for (let i = 0; i < n; i++) {
      const cs = seg[i]!.cands;
      const base = start[i]!;
      if (i === 0) {
        setContext(0, B, B);
        reserve(0, 1, cs.length);
        for (let k = 0; k < cs.length; k++) {
          const c = cs[k]!;
          const lmc = ctxCost(0, c.unit, c.unseen, cache);
          lmVal[k] = lmc;
          lmBigram[k] = c.unit >= 0 ? slots.lastBigram : -2;
          if (four) lmTrigram[k] = slots.lastTrigram;
          stateBi[base + k] = c.unit >= 0 && slots.lastBigram >= -1 ? slots.lastBigram : -3;
          stateTri[base + k] = slots.lastTrigram;
          score[base + k] = c.cost + lmc;
          back[base + k] = -1;
        }
        continue;
      }
      // predecessors cheapest first: LM costs are >= 0, so the scan stops once a
      // predecessor's own score already exceeds the best total found
      const pbase = start[i - 1]!;
      const nOrder = Math.min(MAXP, start[i]! - pbase);
      for (let a = 0; a < nOrder; a++) {
        let b = a;
        const sa = score[pbase + a]!;
        while (b > 0 && score[pbase + order[b - 1]!]! > sa) { order[b] = order[b - 1]!; b--; }
        order[b] = a;
      }
      const pcs = seg[i - 1]!.cands;
      const ppcs = i >= 2 ? seg[i - 2]!.cands : undefined;
      const pppcs = four && i >= 3 ? seg[i - 3]!.cands : undefined;
      const cutoff = score[pbase + order[0]!]! + beam;
      let nUse = 0;
      for (let oi = 0; oi < nOrder; oi++) {
        const j = order[oi]!;
        const sc = score[pbase + j]!;
        if (sc > cutoff) break;
        predScore[oi] = sc;
        predU[oi] = ppcs ? ppcs[back[pbase + j]!]!.unit : B;
        predV[oi] = pcs[j]!.unit;
        // the context (u v) (4-gram: (t u v), t from u's back-pointer) is the one of j's best
        // transition: its lookup's indices set it
        const sb = stateBi[pbase + j]!;
        if (sb !== -3) slots.setKnown(oi, predU[oi]! < 0 ? UNK : predU[oi]!, predV[oi]!, sb, stateTri[pbase + j]!);
        else setContext(oi, predU[oi]!, predV[oi]!, pppcs ? pppcs[back[start[i - 2]! + back[pbase + j]!]!]!.unit : B);
        slotOfPrev[pbase + j] = oi;
        nUse++;
      }
      reserve(i, nUse, cs.length);
      const vals = lmVal;
      const vbase = valStart[i]!;
      // a state scoring above (best state here) + viterbiBeam is never extended at the next
      // position, so its exact score does not matter: once the scan shows it must lie above
      // that line it is marked unreachable (Infinity). The last position keeps exact scores
      // (the </s> cost can still reorder them).
      const last = i === n - 1;
      let bestHere = Infinity;
      for (let k = 0; k < cs.length; k++) {
        const c = cs[k]!;
        let best = Infinity;
        let arg = 0;
        // admissible bound: no context makes w cheaper than minLm[w]
        let bound = c.unit >= 0 ? minLm[c.unit]! : c.unseen + unknownPenalty;
        if (cache) {
          // the cache lowers LM costs: the bound goes through the same transform
          bound = -Math.log(cache.keep * Math.exp(-bound) + (c.unit >= 0 ? cache.share[c.unit]! : 0));
        }
        const lim = last ? Infinity : bestHere + beam + PRUNE_MARGIN - c.cost;
        let argBi = -3;
        let argTri = -1;
        for (let oi = 0; oi < nUse; oi++) {
          const pj = predScore[oi]!;
          if (pj + bound >= best || pj + bound > lim) break;
          const lmc = ctxCost(oi, c.unit, c.unseen, cache);
          vals[vbase + k * nUse + oi] = lmc;
          const lb = c.unit >= 0 ? slots.lastBigram : -2;
          lmBigram[vbase + k * nUse + oi] = lb;
          if (four) lmTrigram[vbase + k * nUse + oi] = slots.lastTrigram;
          const s = pj + lmc;
          if (s < best) { best = s; arg = order[oi]!; argBi = lb >= -1 ? lb : -3; argTri = slots.lastTrigram; }
        }
        if (best > lim) { score[base + k] = Infinity; back[base + k] = 0; continue; }
        const sk = best + c.cost;
        score[base + k] = sk;
        back[base + k] = arg;
        stateBi[base + k] = argBi;
        stateTri[base + k] = argTri;
        if (sk < bestHere) bestHere = sk;
      }
    }
    // end of segment: P(</s> | u v) picks among the final states
    const lastBase = start[n - 1]!;
    const lastCs = seg[n - 1]!.cands;
    let arg = 0;
    let bestEnd = Infinity;
    for (let k = 0; k < lastCs.length; k++) {
      const u = n >= 2 ? seg[n - 2]!.cands[back[lastBase + k]!]!.unit : B;
      const t = four && n >= 3 ? seg[n - 3]!.cands[back[start[n - 2]! + back[lastBase + k]!]!]!.unit : B;
      setContext(0, u, lastCs[k]!.unit, t);
      const e = score[lastBase + k]! + ctxCost(0, lm.endId, 0, undefined);
      if (e < bestEnd) { bestEnd = e; arg = k; }
    }
    const path = new Int32Array(n);
    for (let i = n - 1; i >= 0; i--) { path[i] = arg; arg = back[start[i]! + arg]!; }
    // confidence: local posterior of the chosen candidate given its chosen neighbours
    const local = predScore; // reused buffer (the Viterbi pass is over)
    for (let i = 0; i < n; i++) {
      const cs = seg[i]!.cands;
      if (cs.length === 1) { choice.push(0); conf.push(1); continue; }
      const u = i >= 2 ? seg[i - 2]!.cands[path[i - 2]!]!.unit : B;
      const v = i >= 1 ? seg[i - 1]!.cands[path[i - 1]!]!.unit : B;
      const next = i + 1 < n ? seg[i + 1]!.cands[path[i + 1]!]! : undefined;
      const t = i >= 3 ? seg[i - 3]!.cands[path[i - 3]!]!.unit : B;
      setContext(0, u, v, t);
      confU = u;
      const m = Math.min(cs.length, MAXP);
      const pi = path[i]!;
      // the Viterbi slot at i whose context is (u v): the chosen predecessor's
      let slotA = 0;
      if (i >= 1) {
        const jp = path[i - 1]!;
        slotA = slotOfPrev[start[i - 1]! + jp]!;
      }
      const nA = nUseOf[i]!;
      const baseA = valStart[i]! + slotA;
      // at i + 1 the slot of state k has context (back-pointer unit of k, k): it is (v, k) when
      // k's best predecessor is the chosen one (i >= 1) or always at the segment start
      const nB = next ? nUseOf[i + 1]! : 0;
      const baseB = next ? valStart[i + 1]! + path[i + 1]! * nB : 0;
      const vMapped = v < 0 ? UNK : v;
      const ppcs = i >= 1 ? seg[i - 1]!.cands : undefined;
      let chosen = 0;
      for (let pass = 0; pass < 2; pass++) {
        // the chosen candidate first (its local cost is the reference of the others)
        for (let k = pass === 0 ? pi : 0; k < (pass === 0 ? pi + 1 : m); k++) {
          if (pass === 1 && k === pi) { local[k] = chosen; continue; }
          const c = cs[k]!;
          const a = slotA >= 0 ? lmVal[baseA + k * nA]! : NaN;
          let b = NaN;
          if (next) {
            const sb = slotOfPrev[start[i]! + k]!;
            if (sb >= 0) {
              let same = true;
              if (ppcs) { const bu = ppcs[back[start[i]! + k]!]!.unit; same = (bu < 0 ? UNK : bu) === vMapped; }
              // a 4-gram slot's context also holds the unit before: the same only on the chosen path
              if (four && same && i >= 1) same = back[start[i]! + k]! === path[i - 1]!;
              if (same) b = lmVal[baseB + sb]!;
            }
          }
          let l: number;
          if (a === a) {
            l = c.cost + a;
            if (next) l += b === b ? b : afterOnly(c, v, next, cache, lmBigram[baseA + k * nA]!, four ? lmTrigram[baseA + k * nA]! : -1);
          } else {
            l = c.cost + pairCost(c, v, next, cache);
            if (next) l += afterCost;
          }
          local[k] = l;
          if (pass === 0) chosen = l;
        }
      }
      let z = 0;
      for (let k = 0; k < m; k++) z += Math.exp(chosen - local[k]!);
      choice.push(path[i]!);
      conf.push(1 / z);
    }
  }

  // the general-register model: its skeleton ratios are built on the first stripped document
  // (they choose the model), its decoder (same data, general LM and vocabulary) on the first
  // general one
  let generalBytes: Uint8Array | undefined;
  let generalRatios: Map<string, number> | undefined;
  let generalDecoder: RepairModel | undefined;
  const registerMemo = new Map<string, number>();
  const generalLm = () => (generalBytes ??= typeof data.lmGeneral === 'function' ? data.lmGeneral() : data.lmGeneral!);
  const registerRatios = () => (generalRatios ??= skeletonLogRatios(lm.ngram, new NgramModel(generalLm())));
  const generalModel = () => {
    if (generalDecoder) return generalDecoder;
    const g = new NgramModel(generalLm());
    const syllables = [...new Set([...data.syllables, ...g.vocab.filter((w) => !w.startsWith('<'))])].sort();
    return (generalDecoder = createRepairModel({ ...data, lm: generalLm(), lmGeneral: undefined, syllables }, opts));
  };

  const damageMemo = new Map<string, number>();
  function assessDamage(lines: readonly string[], piecesOf?: (li: number) => Piece[]): DamageAssessment {
    return assessDamageWith(lines, sets, piecesOf, damageMemo);
  }

  function chooseChannel(lines: readonly string[], options: RepairOptions = {}, piecesOf?: (li: number) => Piece[]): RepairChannel {
    if (options.channel) return options.channel;
    const d = assessDamage(lines, piecesOf);
    if (d.damaged) return d.marked / Math.max(1, d.syllables) < STRIPPED_MARK_RATE && d.junk / Math.max(1, d.syllables) < 0.01 ? 'stripped' : 'english-ocr';
    return options.ocr ? 'vie-ocr' : 'clean';
  }

  function repairLines(lines: readonly string[], options: RepairOptions = {}): RepairResult & { channel: RepairChannel; register?: Register } {
    // one tokenisation serves the damage assessment, the decoder walk and the output
    const pieceCache: (Piece[] | undefined)[] = new Array(lines.length);
    // slash-joined syllables (động/năm) are decoded part by part
    const piecesOf = (li: number) => (pieceCache[li] ??= splitSlashedWords(tokenizeLine(lines[li]!)));
    const mode = chooseChannel(lines, options, piecesOf);
    // stripped text of another register (conversation, prose) is read with the general model
    if (mode === 'stripped' && data.lmGeneral) {
      const words = function* (li: number) { for (const p of piecesOf(li)) if (p.word) yield p.text; };
      const register = options.register ?? (registerScore(lines.length, words, registerRatios(), registerMemo) > GENERAL_REGISTER_THRESHOLD ? 'general' : 'admin');
      if (register === 'general') return { ...generalModel().repairLines(lines, { ...options, channel: 'stripped' }), register };
    }
    const clean = mode !== 'english-ocr';
    beam = clean ? o.viterbiBeam : o.viterbiBeam * Math.min(1, o.channelWeight);
    const out = lines.map((l) => l);
    // collect segments first: the document cache needs a first pass over all of them
    const segments: Position[][] = [];
    let seg: Position[] = [];
    walkDocument(lines, (item) => {
      const { cands, fixed } = candidatesFor(item, mode);
      seg.push({ item, cands, fixed });
    }, () => { if (seg.length) segments.push(seg); seg = []; }, piecesOf);

    const choices: number[][] = [];
    const confs: number[][] = [];
    for (const s of segments) {
      const choice: number[] = [];
      const conf: number[] = [];
      decodeSegment(s, choice, conf, undefined);
      choices.push(choice);
      confs.push(conf);
    }
    // document cache: syllables decoded confidently elsewhere in this plan become more likely
    // where the evidence is weak (plans repeat their phrases); only unsure segments re-decode
    if (mode === 'english-ocr' && o.cacheWeight > 0) {
      const cache = new Map<number, number>();
      let total = 0;
      segments.forEach((s, si) => s.forEach((p, i) => {
        if (p.fixed || confs[si]![i]! < o.cacheMinConfidence) return;
        const u = p.cands[choices[si]![i]!]!.unit;
        if (u < 0) return;
        cache.set(u, (cache.get(u) ?? 0) + 1);
        total++;
      }));
      if (total >= 50) {
        const share = new Float64Array(lm.ngram.size);
        for (const [u, k] of cache) share[u] = (o.cacheWeight * k) / total;
        const docCache: DocCache = { keep: 1 - o.cacheWeight, share };
        segments.forEach((s, si) => {
          if (!confs[si]!.some((c) => c < o.cacheMinConfidence)) return;
          const choice: number[] = [];
          const conf: number[] = [];
          decodeSegment(s, choice, conf, docCache);
          choices[si] = choice;
          confs[si] = conf;
        });
      }
    }

    const replaced = new Map<number, Map<number, string>>(); // line -> pieceIndex -> text
    const lowConfidence: LowConfidenceToken[] = [];
    let tokens = 0;
    let changed = 0;
    let confSum = 0;
    // OCR sometimes capitalises inside running text (HO trợ, DAy mạnh); in a line that is
    // mostly lowercase a repaired all-caps syllable is only capitalised
    const lowerLine = new Map<number, boolean>();
    const isLowerLine = (li: number) => {
      let v = lowerLine.get(li);
      if (v === undefined) {
        let caps = 0;
        let words = 0;
        for (const p of piecesOf(li)) {
          const letters = p.text.replace(/[^\p{L}]/gu, '');
          if (letters.length < 2) continue;
          words++;
          if (letters === letters.toUpperCase()) caps++;
        }
        v = words >= 4 && caps / words < 0.3;
        lowerLine.set(li, v);
      }
      return v;
    };
    // ... unless a neighbouring word is all caps too: a run of capitals is a heading or a title
    // set beside running text ("- Công an tỉnh (b/c); CHỦ TỊCH" when OCR merges two columns)
    const inCapsRun = (li: number, pi: number) => {
      const pieces = piecesOf(li);
      for (const step of [-1, 1]) {
        for (let j = pi + step; j >= 0 && j < pieces.length; j += step) {
          const letters = pieces[j]!.text.replace(/[^\p{L}]/gu, '');
          if (letters.length === 0) continue;
          if (letters.length >= 2 && letters === letters.toUpperCase()) return true;
          break;
        }
      }
      return false;
    };
    segments.forEach((s, si) => s.forEach((p, i) => {
      let c = p.cands[choices[si]![i]!]!;
      const cf = confs[si]![i]!;
      // Vietnamese OCR: a change on weak evidence is not made (the OCR's reading stays)
      if (mode === 'vie-ocr' && !c.keep && cf < o.vieMinConfidence) c = p.cands.find((x) => x.keep) ?? c;
      const original = p.item.piece.text;
      tokens++;
      confSum += cf;
      let out = c.out;
      if (!clean && !p.fixed && !c.keep && out.length > 1 && out === out.toUpperCase() && out !== out.toLowerCase() && isLowerLine(p.item.line) && !inCapsRun(p.item.line, p.item.pieceIndex)) {
        out = out.charAt(0) + out.slice(1).toLowerCase();
      }
      if (out !== original) {
        changed++;
        let m = replaced.get(p.item.line);
        if (!m) replaced.set(p.item.line, (m = new Map()));
        m.set(p.item.pieceIndex, out);
      }
      if (!p.fixed && cf < o.lowConfidence) {
        lowConfidence.push({ line: p.item.line, column: p.item.piece.start + 1, original, repaired: out, confidence: cf });
      }
    }));
    for (const [li, m] of replaced) {
      out[li] = piecesOf(li).map((p, pi) => m.get(pi) ?? p.text).join('');
    }
    const skippedLines: number[] = [];
    lines.forEach((l, i) => { if (l.length > MAX_LINE_LENGTH) skippedLines.push(i); });
    return { lines: out, tokens, changed, meanConfidence: tokens ? confSum / tokens : 1, lowConfidence, skippedLines, channel: mode, ...(mode === 'stripped' && data.lmGeneral ? { register: 'admin' as const } : {}) };
  }

  return { repairLines, assessDamage, chooseChannel };
}
