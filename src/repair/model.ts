/**
 * The repair model: noisy-channel decoding of OCR'd Vietnamese. For each word token the
 * candidate generator proposes syllables with channel costs; a Viterbi pass over each segment
 * picks the sequence minimising channel + trigram language-model cost (trigram context taken
 * from the best predecessor path). Fixed tokens (numbers, codes, abbreviations, Roman
 * numerals) pass through as class units. Output stays line-aligned; only word cores change.
 */
import { Channel, parseConfusions } from './channel.js';
import { CandidateGenerator } from './candidates.js';
import { assessDamageWith, type DamageAssessment } from './damage.js';
import { MAX_LINE_LENGTH, walkDocument, type WalkItem } from './document.js';
import { DEFAULT_LM, LanguageModel, type LmParams } from './language-model.js';
import { generateSyllables, parseRhymes } from './syllable-inventory.js';
import { tokenizeLine } from './tokenize.js';
import type { RepairModelData } from './model-data.js';
import { classifyCore, parseAbbreviations, romanLabel, type Abbreviations } from './token-class.js';
import { normalizeTonePlacement, skeleton, transferCase } from './vietnamese.js';

export interface RepairStats { tokens: number; changed: number; meanConfidence: number }
/** line: 0-based index into the input lines; column: 1-based UTF-16 offset of the token in that line */
export interface LowConfidenceToken { line: number; column: number; original: string; repaired: string; confidence: number }
export interface RepairResult extends RepairStats {
  lines: string[];
  lowConfidence: LowConfidenceToken[];
  /** indices of lines passed through untouched because they are too long to be text (> 100,000 chars) */
  skippedLines?: number[];
}
export interface RepairModel {
  repairLines(lines: readonly string[]): RepairResult;
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
  /** weight of the document cache unigram in the second pass (0 = no cache) */
  cacheWeight: number;
  /** confidence a first-pass token needs to enter the cache (and below which its segment re-decodes) */
  cacheMinConfidence: number;
}

export const DEFAULT_DECODE: DecodeOptions = {
  channelWeight: 1,
  keepInvalidCost: 4,
  keepAbbreviationCost: 1,
  cleanChangeCost: 12,
  candidates: 20,
  rankPool: 3,
  rankUnigramWeight: 1,
  lowConfidence: 0.9,
  numberAsWordCost: 2,
  lm: { gamma3: 3, bgBoost: 10, bgAbsent: 0.2, wittenBell: 0.3 },
  channelBeam: 12,
  viterbiBeam: 10,
  cacheWeight: 0.25,
  cacheMinConfidence: 0.9,
};

/** out: text to emit; unit: LM id; cost: channel + mode penalties; raw: channel cost alone */
interface Cand { out: string; unit: number; unseen: number; cost: number; raw: number; keep: boolean }
interface Position { item: WalkItem; cands: Cand[]; fixed: boolean }
const OCR_JUNK = /[¢@&$]|\p{L}\d|\d\p{L}/u;
const MARKED = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/u;
interface DocCache { counts: Map<number, number>; total: number; weight: number }

const NUM = '<num>';
const OTHER = '<x>';

export function createRepairModel(data: RepairModelData, opts: Partial<DecodeOptions> = {}): RepairModel {
  const o: DecodeOptions = { ...DEFAULT_DECODE, ...opts };
  const confusions = parseConfusions(data.confusions);
  const channel = new Channel(data.channel, confusions);
  const generator = new CandidateGenerator(data.syllables, channel, confusions, data.channel);
  const lm = new LanguageModel(data.lm, data.syllables, data.background, { ...DEFAULT_LM, ...o.lm });
  const abbr: Abbreviations = parseAbbreviations(data.abbreviations);
  const syllableSet = new Set(data.syllables);
  const sets = { isSyllable: (s: string) => syllableSet.has(normalizeTonePlacement(s)), isSkeleton: (k: string) => generator.isSkeleton(k) };
  const numUnit = lm.id(NUM);
  const otherUnit = lm.id(OTHER);
  const candCache = new Map<string, { syl: string; cost: number; unit: number }[]>();
  const wordCache = new Map<string, Cand[]>();

  // abbreviation test uses every spellable skeleton, not only attested syllables (PICH = ĐÍCH)
  const spellable = new Set(generateSyllables(parseRhymes(data.rhymes)).map(skeleton));
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

  function candidatesFor(item: WalkItem, clean: boolean): { cands: Cand[]; fixed: boolean } {
    const core = item.piece.text;
    const roman = romanLabel(core);
    if (roman) {
      const next = item.pieces[item.pieceIndex + 1]?.text ?? '';
      const prev = item.pieceIndex >= 2 ? item.pieces[item.pieceIndex - 2]!.text : '';
      const lineRest = item.pieces.slice(item.pieceIndex + 1).map((p) => p.text).join('');
      const heading = item.wordIndex === 0 && next.startsWith('.') && (/[IVX]/.test(core) || lineRest === lineRest.toUpperCase());
      const isLabel = /^[IVX]+$/.test(core) || heading || skeleton(prev) === 'khoa' || (prev.startsWith('(') && /[IVX]/.test(core));
      if (isLabel) return { cands: fixedCand(roman, otherUnit), fixed: true };
    }
    // list labels "a)", "b.", "đ)" at the start of a line stay as written
    if (item.wordIndex === 0 && /^\p{Ll}$/u.test(core) && /^[)./]/.test(item.pieces[item.pieceIndex + 1]?.text ?? '')) {
      return { cands: fixedCand(core, otherUnit), fixed: true };
    }
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
    if (cls === 'code') return { cands: fixedCand(core, otherUnit), fixed: true };
    const listed = abbr.map.get(core.toUpperCase());
    // all-caps tokens with no vowel (or G/Q, which OCR makes of ơ/ợ: SG = Sở) cannot be syllables
    if (cls === 'abbr' && (listed !== undefined || [...core].length > 4 || !/[AEIOUYĂÂÊÔƠƯGQ]/i.test(core.normalize('NFD')))) {
      return { cands: fixedCand(listed ?? core, otherUnit), fixed: true };
    }
    // a short unlisted all-caps token may be a mangled heading syllable (HQI = HỘI): decode it,
    // but keeping it as written stays cheap
    // candidate lists depend only on the token text and the mode: share them across repeats
    const key = (clean ? 'c' : 'd') + cls + core;
    const hit = wordCache.get(key);
    if (hit) return { cands: hit, fixed: false };
    const lower = core.normalize('NFC').toLowerCase();
    const norm = normalizeTonePlacement(lower);
    const valid = syllableSet.has(norm);
    // in clean text only tokens that are visibly broken get repaired: OCR junk (S6, x&) or
    // marked letters in an impossible spelling (tiép, véi); foreign words stay as they are
    const penalised = clean && !(OCR_JUNK.test(core) || (MARKED.test(lower) && !valid));
    if (penalised) {
      // clean text, token not visibly broken: pass it through untouched
      const c = fixedCand(core, valid ? lm.id(norm) : otherUnit);
      wordCache.set(key, c);
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
    // beam on the channel: candidates far worse than the best one cannot win and cost time
    let floor = Infinity;
    for (const c of cands) if (c.raw < floor) floor = c.raw;
    const kept = cands.filter((c) => c.raw <= floor + o.channelBeam || c.keep);
    cands.length = 0;
    cands.push(...kept);
    if (wordCache.size > 100_000) wordCache.clear();
    wordCache.set(key, cands);
    return { cands, fixed: false };
  }

  const orderBuffer = new Int32Array(1024);
  const predScore = new Float64Array(1024);
  const predU = new Int32Array(1024);
  const predV = new Int32Array(1024);
  function decodeSegment(seg: Position[], choice: number[], conf: number[], cache: DocCache | undefined): void {
    const lmc = cache
      ? (u: number, v: number, w: number, unseen: number) => {
        const k = w >= 0 ? cache.counts.get(w) ?? 0 : 0;
        return -Math.log((1 - cache.weight) * Math.exp(-lm.cost(u, v, w, unseen)) + (cache.weight * k) / cache.total);
      }
      : (u: number, v: number, w: number, unseen: number) => lm.cost(u, v, w, unseen);
    const n = seg.length;
    if (!n) return;
    const B = lm.boundaryId;
    const order = orderBuffer;
    const score: Float64Array[] = [];
    const back: Int32Array[] = [];
    for (let i = 0; i < n; i++) {
      const cs = seg[i]!.cands;
      const sc = new Float64Array(cs.length).fill(Infinity);
      const bp = new Int32Array(cs.length).fill(-1);
      // predecessors cheapest first: LM costs are >= 0, so the scan stops once a
      // predecessor's own score already exceeds the best total found
      let nOrder = 0;
      if (i > 0) {
        // insertion sort of the (few) predecessor indices by score, into a reused buffer
        const psc = score[i - 1]!;
        nOrder = psc.length;
        for (let a = 0; a < nOrder; a++) {
          let b = a;
          while (b > 0 && psc[order[b - 1]!]! > psc[a]!) { order[b] = order[b - 1]!; b--; }
          order[b] = a;
        }
      }
      // per-predecessor values in sorted order, hoisted out of the candidate loop
      if (i > 0) {
        const pcs = seg[i - 1]!.cands;
        const psc = score[i - 1]!;
        const pbp = back[i - 1]!;
        for (let oi = 0; oi < nOrder; oi++) {
          const j = order[oi]!;
          predScore[oi] = psc[j]!;
          predU[oi] = i >= 2 ? seg[i - 2]!.cands[pbp[j]!]!.unit : B;
          predV[oi] = pcs[j]!.unit;
        }
      }
      for (let k = 0; k < cs.length; k++) {
        const c = cs[k]!;
        if (i === 0) { sc[k] = c.cost + lmc(B, B, c.unit, c.unseen); continue; }
        let best = Infinity;
        let arg = 0;
        const cutoff = predScore[0]! + o.viterbiBeam;
        for (let oi = 0; oi < nOrder; oi++) {
          const pj = predScore[oi]!;
          if (pj >= best || pj > cutoff) break;
          const s = pj + lmc(predU[oi]!, predV[oi]!, c.unit, c.unseen);
          if (s < best) { best = s; arg = order[oi]!; }
        }
        sc[k] = best + c.cost;
        bp[k] = arg;
      }
      score.push(sc);
      back.push(bp);
    }
    const path = new Int32Array(n);
    const last = score[n - 1]!;
    let arg = 0;
    for (let k = 1; k < last.length; k++) if (last[k]! < last[arg]!) arg = k;
    for (let i = n - 1; i >= 0; i--) { path[i] = arg; arg = back[i]![arg]!; }
    // confidence: local posterior of the chosen candidate given its chosen neighbours
    for (let i = 0; i < n; i++) {
      const cs = seg[i]!.cands;
      if (cs.length === 1) { choice.push(0); conf.push(1); continue; }
      const u = i >= 2 ? seg[i - 2]!.cands[path[i - 2]!]!.unit : B;
      const v = i >= 1 ? seg[i - 1]!.cands[path[i - 1]!]!.unit : B;
      const next = i + 1 < n ? seg[i + 1]!.cands[path[i + 1]!]! : undefined;
      const local = predScore; // reused buffer (the Viterbi pass is over)
      for (let k = 0; k < cs.length; k++) {
        const c = cs[k]!;
        local[k] = c.cost + lmc(u, v, c.unit, c.unseen) + (next ? lmc(v, c.unit, next.unit, next.unseen) : 0);
      }
      const chosen = local[path[i]!]!;
      let z = 0;
      for (let k = 0; k < cs.length; k++) z += Math.exp(chosen - local[k]!);
      choice.push(path[i]!);
      conf.push(1 / z);
    }
  }

  function assessDamage(lines: readonly string[]): DamageAssessment {
    return assessDamageWith(lines, sets);
  }

  function repairLines(lines: readonly string[]): RepairResult {
    const clean = !assessDamage(lines).damaged;
    const out = lines.map((l) => l);
    // collect segments first: the document cache needs a first pass over all of them
    const segments: Position[][] = [];
    let seg: Position[] = [];
    walkDocument(lines, (item) => {
      const { cands, fixed } = candidatesFor(item, clean);
      seg.push({ item, cands, fixed });
    }, () => { if (seg.length) segments.push(seg); seg = []; });

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
    if (!clean && o.cacheWeight > 0) {
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
        const docCache: DocCache = { counts: cache, total, weight: o.cacheWeight };
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
        for (const w of tokenizeCached(lines[li]!, li, pieceCacheForCase)) {
          const letters = w.replace(/[^\p{L}]/gu, '');
          if (letters.length < 2) continue;
          words++;
          if (letters === letters.toUpperCase()) caps++;
        }
        v = words >= 4 && caps / words < 0.3;
        lowerLine.set(li, v);
      }
      return v;
    };
    const pieceCacheForCase = new Map<number, string[]>();
    segments.forEach((s, si) => s.forEach((p, i) => {
      const c = p.cands[choices[si]![i]!]!;
      const cf = confs[si]![i]!;
      const original = p.item.piece.text;
      tokens++;
      confSum += cf;
      let out = c.out;
      if (!clean && !p.fixed && !c.keep && out.length > 1 && out === out.toUpperCase() && out !== out.toLowerCase() && isLowerLine(p.item.line)) {
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
    const pieceCache = new Map<number, string[]>();
    for (const [li, m] of replaced) {
      const pieces = tokenizeCached(lines[li]!, li, pieceCache);
      out[li] = pieces.map((t, pi) => m.get(pi) ?? t).join('');
    }
    const skippedLines: number[] = [];
    lines.forEach((l, i) => { if (l.length > MAX_LINE_LENGTH) skippedLines.push(i); });
    return { lines: out, tokens, changed, meanConfidence: tokens ? confSum / tokens : 1, lowConfidence, skippedLines };
  }

  return { repairLines, assessDamage };
}

function tokenizeCached(line: string, li: number, cache: Map<number, string[]>): string[] {
  let t = cache.get(li);
  if (!t) cache.set(li, (t = tokenizeLine(line).map((p) => p.text)));
  return t;
}
