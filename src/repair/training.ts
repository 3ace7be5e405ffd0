/**
 * Build-time training: turns the allowed sources into RepairModelData.
 *   - language model: 004 rendered text, 003 gold (unless excluded), handwritten sentences;
 *   - channel: aligned (ocr, truth) pairs from 003 seed/gold (unless excluded), 004 English
 *     OCR vs rendered text, and the training split of the synthetic pairs;
 *   - inventory: phonotactic syllables plus syllables seen in the clean texts.
 * Seeds 000-002 are never read. Used by build-lm (files) and eval-repair (in memory).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { component, COMPONENT, readDawgWords, readUnicharset } from './tessdata-dawg.js';
import { alignTokens, type AlignedPair } from './alignment.js';
import { Channel, countCharOps, parseConfusions, type ChannelCounts } from './channel.js';
import { walkDocument } from './document.js';
import { forEachCorpusDocument, isHeldOutDocument } from './corpus.js';
import { NgramModel } from './ngram.js';
import { NgramTrainer } from './ngram-train.js';
import { extendVocabulary, mixModels, truncateToOrder3 } from './ngram-mix.js';
import { GLUED_LABEL } from './model.js';
import type { RepairModelData, VieChannelCounts } from './model-data.js';
import { generateSyllables, parseRhymes } from './syllable-inventory.js';
import { classifyCore, parseAbbreviations, type Abbreviations } from './token-class.js';
import { lineWords } from './tokenize.js';
import { normalizeTonePlacement, skeleton } from './vietnamese.js';
import { readViePairs } from './vie-channel.js';
import { countCodeParts, formatCodeParts } from './code-parts.js';

export interface TrainingSources {
  /** folder with seeds/ and dev/ (the shared material) */
  sharedDir: string;
  /** folder with the handwritten data (rhymes, confusions, abbreviations, sentences, synthetic/) */
  handwrittenDir: string;
  /** leave seed 003 (and synthetic pairs rendered from its gold) out: honest dev model */
  exclude003: boolean;
  /** path of vie.traineddata.gz (word DAWG, bigram DAWG) */
  tessdataVie: string;
  /** Vietnamese-OCR channel counts to carry into the model data */
  vieChannel?: VieChannelCounts;
}

/** Syllables and syllable pairs listed in the Vietnamese tesseract DAWGs, restricted to `spellable`. */
export function readTesseractLexicon(file: string, spellable: ReadonlySet<string>): { syllables: string[]; pairs: [string, string][] } {
  const buf = gunzipSync(readFileSync(file));
  const legacy = readUnicharset(component(buf, COMPONENT.unicharset)!);
  const lstm = readUnicharset(component(buf, COMPONENT.lstmUnicharset)!);
  const words = [
    ...readDawgWords(component(buf, COMPONENT.systemDawg)!, legacy),
    ...readDawgWords(component(buf, COMPONENT.lstmSystemDawg)!, lstm),
  ];
  const real = new Set<string>();
  const norm = (w: string) => normalizeTonePlacement(w.toLowerCase());
  for (const w of words) { const l = norm(w); if (spellable.has(l)) real.add(l); }
  const pairs = new Set<string>();
  for (const b of readDawgWords(component(buf, COMPONENT.bigramDawg)!, legacy, 5_000_000)) {
    const parts = b.split(' ');
    if (parts.length !== 2) continue;
    const x = norm(parts[0]!);
    const y = norm(parts[1]!);
    if (spellable.has(x) && spellable.has(y)) { pairs.add(x + ' ' + y); real.add(x); real.add(y); }
  }
  return { syllables: [...real].sort(), pairs: [...pairs].sort().map((p) => p.split(' ') as [string, string]) };
}

export const SEED003 = '003_cfea897aaf665822';
export const SEED004 = '004_be505b6e33d69a41';

export interface SyntheticPair { source: string; id: number; ocr: string; truth: string }

export function readSyntheticPairs(file: string): SyntheticPair[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => {
    const [source, id, ocr, truth] = l.split('\t');
    return { source: source!, id: Number(id), ocr: ocr ?? '', truth: truth ?? '' };
  });
}

/** Every fifth synthetic line (all its renders) is held out for evaluation. */
export function isHeldOut(p: SyntheticPair): boolean { return Math.floor(p.id / 10) % 5 === 0; }

function lines(file: string): string[] { return readFileSync(file, 'utf8').split('\n'); }

export interface LmSources {
  sharedDir: string;
  handwrittenDir: string;
  /** folder of the vi-legal corpus; held-out documents (corpus.ts) are never read into the model */
  corpusDir: string;
  /** use only every n-th training document (quick builds); 1 = all */
  corpusEvery: number;
  minTrigramCount: number;
  minBigramCount: number;
  tessdataVie: string;
  log?: (msg: string) => void;
}

/** code-parts.txt from the corpus training documents (held-out documents never read). */
export function buildCodeParts(corpusDir: string): string {
  const counts = new Map<string, number>();
  forEachCorpusDocument(corpusDir, (d) => { if (!isHeldOutDocument(d.index)) countCodeParts(d.lines, counts); });
  return formatCodeParts(counts);
}

/** Unit strings of one text, segment by segment, as the decoder sees them. */
export function unitSegments(text: readonly string[], abbr: Abbreviations, isSkel: (k: string) => boolean, spellable: ReadonlySet<string>, onSegment: (units: string[]) => void, memo = new Map<string, string>()): void {
  let units: string[] = [];
  walkDocument(text, ({ piece }) => {
    let u = memo.get(piece.text);
    if (u === undefined) {
      const cls = classifyCore(piece.text, abbr, isSkel);
      if (cls === 'word') {
        const n = normalizeTonePlacement(piece.text.normalize('NFC').toLowerCase());
        u = spellable.has(n) ? n : '<unk>';
      } else u = cls === 'number' ? '<num>' : cls === 'code' && GLUED_LABEL.test(piece.text) ? '<unk>' : '<x>';
      if (memo.size < 500_000) memo.set(piece.text, u);
    }
    units.push(u);
  }, () => { if (units.length) onSegment(units); units = []; });
}

/**
 * The corpus syllable trigram model (lm.bin): the corpus training documents plus the tesseract
 * vie bigram list as extra pair evidence. Returns one file per pruning level.
 */
export function buildLanguageModel(src: LmSources, prune: [min3: number, min2: number, min4?: number][] = [[src.minTrigramCount, src.minBigramCount]]): { file: Buffer; stats: Record<string, number> }[] {
  const log = src.log ?? (() => {});
  const hw = (f: string) => readFileSync(join(src.handwrittenDir, f), 'utf8');
  const abbr = parseAbbreviations(hw('abbreviations.txt'));
  const generated = generateSyllables(parseRhymes(hw('rhymes.txt')));
  const spellable = new Set(generated);
  const skeletons = new Set(generated.map(skeleton));
  const isSkel = (k: string) => skeletons.has(k);
  const trainer = new NgramTrainer();
  const memo = new Map<string, string>();
  let docs = 0;
  let kept = 0;
  forEachCorpusDocument(src.corpusDir, (d) => {
    docs++;
    if (isHeldOutDocument(d.index)) return;
    if (src.corpusEvery > 1 && d.index % src.corpusEvery !== 0) return;
    kept++;
    unitSegments(d.lines, abbr, isSkel, spellable, (u) => trainer.addSegment(u), memo);
    if (kept % 200 === 0) log(`  ${kept} documents, ${trainer.tokens} units`);
  });
  const lex = readTesseractLexicon(src.tessdataVie, spellable);
  for (const [a, b] of lex.pairs) trainer.addPair(a, b);
  log(`  counted ${trainer.tokens} units in ${trainer.segments} segments from ${kept}/${docs} documents; building`);
  // a third count (min4) asks for a 4-gram model pruned at it
  return prune.map(([min3, min2, min4]) => trainer.build(lex.syllables, { minTrigramCount: min3, minBigramCount: min2, ...(min4 ? { order: 4 as const, minFourgramCount: min4 } : {}) }, { corpusDocuments: kept, corpusEvery: src.corpusEvery }));
}

/**
 * The in-domain model (mixed into lm.bin): plan text, i.e. 004's rendered text, the handwritten
 * sentences and lexicon, and seed 003's gold with sentences-dev003.txt unless excluded. Same
 * vocabulary (ids) as the corpus model; interpolated with it at decoding time. Small: built in
 * milliseconds, so the honest evaluation rebuilds it without 003.
 */
export function buildDomainModel(src: { sharedDir: string; handwrittenDir: string; exclude003: boolean }, corpusLm: Uint8Array): Buffer {
  const hw = (f: string) => readFileSync(join(src.handwrittenDir, f), 'utf8');
  const abbr = parseAbbreviations(hw('abbreviations.txt'));
  const generated = generateSyllables(parseRhymes(hw('rhymes.txt')));
  const skeletons = new Set(generated.map(skeleton));
  const isSkel = (k: string) => skeletons.has(k);
  const vocab = new NgramModel(corpusLm).vocab;
  const known = new Set(vocab);
  const trainer = new NgramTrainer();
  const add = (text: readonly string[]) => unitSegments(text, abbr, isSkel, known, (u) => trainer.addSegment(u));
  const handwritten = (f: string) => hw(f).split('\n').filter((l) => !l.startsWith('# '));
  add(handwritten('sentences.txt'));
  // one segment per line: a blank line after each keeps them apart
  add(handwritten('sentences-admin.txt').flatMap((l) => [l, '']));
  add(handwritten('lexicon.txt').flatMap((l) => [l, '']));
  add(lines(join(src.sharedDir, 'dev', `${SEED004}.rendered.txt`)));
  if (!src.exclude003) {
    add(lines(join(src.sharedDir, 'dev', `${SEED003}.gold.txt`)));
    add(handwritten('sentences-dev003.txt'));
  }
  const { file } = trainer.build(vocab.filter((w) => !w.startsWith('<')), { minTrigramCount: 1, minBigramCount: 1 }, { domain: true, exclude003: src.exclude003 });
  const built = new NgramModel(file);
  if (built.size !== vocab.length) throw new Error('domain model vocabulary differs from the corpus model');
  return file;
}

/** Syllables of the language model's vocabulary (specials left out). */
export function lmSyllables(lm: Uint8Array): string[] {
  return new NgramModel(lm).vocab.filter((w) => !w.startsWith('<'));
}

/** weight of the in-domain model in the mixed decoding model */
export const DOMAIN_WEIGHT = 0.3;

/** weight of a native-tesseract corpus-page pair (eng-scan-pairs.tsv) in the English-OCR channel counts */
export const SCAN_PAIR_WEIGHT = 0.25;

/** weight of the general-register model in lm-general.bin (chosen by tune-general-lm.ts on the general texts' tuning split) */
export const GENERAL_WEIGHT = 0.7;

/**
 * lm-general.bin: the decoding model `adminLm` over its vocabulary extended by the texts'
 * syllables, mixed with the general-register model of `texts` at `weight`.
 */
export function buildGeneralLm(handwrittenDir: string, adminLm: Uint8Array, texts: readonly (readonly string[])[], weight: number): Buffer {
  // a 4-gram decoding model enters as its trigram levels: the general file stays trigram-sized
  // (the package's 40 MB) and its decoder as fast as before
  const full = new NgramModel(adminLm);
  const admin = full.order === 4 ? new NgramModel(truncateToOrder3(full)) : full;
  const spellable = new Set(generateSyllables(parseRhymes(readFileSync(join(handwrittenDir, 'rhymes.txt'), 'utf8'))));
  const added = [...textSyllables(texts, spellable)].filter((w) => admin.id(w) < 0);
  const ext = new NgramModel(extendVocabulary(admin, added));
  return mixModels(ext, new NgramModel(buildGeneralModel(handwrittenDir, texts, ext.vocab)), weight, { general: { weight, texts: texts.length, added: added.length } });
}

/** Model data from the corpus model: the in-domain model is built here and mixed into it. */
export function buildModelData(src: TrainingSources, corpusLm: Uint8Array, domainWeight = DOMAIN_WEIGHT, scanPairWeight = SCAN_PAIR_WEIGHT, generalWeight = GENERAL_WEIGHT): RepairModelData {
  const lm = mixModels(new NgramModel(corpusLm), new NgramModel(buildDomainModel(src, corpusLm)), domainWeight, { exclude003: src.exclude003 });
  const generalTexts = readGeneralTexts(join(src.handwrittenDir, 'general'));
  const lmGeneral = generalTexts.length ? buildGeneralLm(src.handwrittenDir, lm, generalTexts.map((t) => t.lines), generalWeight) : undefined;
  const hw = (f: string) => readFileSync(join(src.handwrittenDir, f), 'utf8');
  const confusionsText = hw('confusions.txt');
  const abbreviationsText = hw('abbreviations.txt');
  const abbr = parseAbbreviations(abbreviationsText);
  const generated = generateSyllables(parseRhymes(hw('rhymes.txt')));
  const spellable = new Set(generated);
  const skeletons = new Set(generated.map(skeleton));
  const isSkel = (k: string) => skeletons.has(k);
  // syllables seen in seed 003's gold (shipped model only) join the inventory
  const seen = new Set<string>();
  if (!src.exclude003) {
    const gold = [...lines(join(src.sharedDir, 'dev', `${SEED003}.gold.txt`)), ...hw('sentences-dev003.txt').split('\n')];
    unitSegments(gold, abbr, isSkel, spellable, (units) => { for (const u of units) if (!u.startsWith('<')) seen.add(u); });
  }

  // ---- aligned pairs -> channel
  const pairs: AlignedPair[] = [];
  if (!src.exclude003) {
    const seed = lines(join(src.sharedDir, 'seeds', `${SEED003}.txt`));
    const gold = lines(join(src.sharedDir, 'dev', `${SEED003}.gold.txt`));
    seed.forEach((l, i) => pairs.push(...alignTokens(lineWords(l), lineWords(gold[i] ?? ''))));
  }
  const ocr004 = lines(join(src.sharedDir, 'dev', `${SEED004}.ocr-eng.txt`)).flatMap(lineWords);
  const ren004 = lines(join(src.sharedDir, 'dev', `${SEED004}.rendered.txt`)).flatMap(lineWords);
  pairs.push(...alignTokens(ocr004, ren004, 60));
  for (const p of readSyntheticPairs(join(src.handwrittenDir, 'synthetic', 'pairs.tsv'))) {
    if (isHeldOut(p) || (src.exclude003 && p.source === '003')) continue;
    pairs.push(...alignTokens(lineWords(p.ocr), lineWords(p.truth)));
  }
  // corpus pages read by the native tesseract eng (make-eng-ocr-pairs.ts), training split only:
  // the tuning split is what the settings are chosen on, the held-out documents are never there
  // (weighted: they outnumber the other pairs 4 to 1, and one font and engine must not drown
  // the real scans' confusions, B for Đ, of seed 003 and 004)
  const firstScanPair = pairs.length;
  for (const p of readViePairs(join(src.handwrittenDir, 'synthetic', 'eng-scan-pairs.tsv'))) {
    if (p.split === 'train') pairs.push(...alignTokens(lineWords(p.ocr), lineWords(p.truth)));
  }
  const usable: [string, string, number][] = [];
  for (const [k, [o, t]] of pairs.entries()) {
    if (!o || !t) continue;
    if (classifyCore(t, abbr, isSkel) !== 'word' || !/^\p{L}+$/u.test(t)) continue;
    usable.push([o.toLowerCase(), normalizeTonePlacement(t.toLowerCase()), k >= firstScanPair ? scanPairWeight : 1]);
  }
  const confusions = parseConfusions(confusionsText);
  let channel: ChannelCounts = { sub: {}, ins: {}, total: 0, tokens: {}, truths: {} };
  // two rounds: align characters with the prior, then with the learned channel
  for (let round = 0; round < 2; round++) {
    const scorer = new Channel(channel, confusions);
    const next: ChannelCounts = { sub: {}, ins: {}, total: 0, tokens: {}, truths: {} };
    for (const [o, t, w] of usable) countCharOps(next, o, t, scorer, w);
    channel = next;
  }
  for (const [o, t, w] of usable) {
    channel.truths[t] = (channel.truths[t] ?? 0) + w;
    if (o === t) continue;
    const row = (channel.tokens[o] ??= {});
    row[t] = (row[t] ?? 0) + w;
  }

  const syllables = [...new Set([...lmSyllables(corpusLm), ...seen])].sort();
  const codePartsFile = join(src.handwrittenDir, 'code-parts.txt');
  const codeParts = existsSync(codePartsFile) ? readFileSync(codePartsFile, 'utf8') : undefined;
  return { syllables, rhymes: hw('rhymes.txt'), confusions: confusionsText, abbreviations: abbreviationsText, codeParts, channel, vieChannel: src.vieChannel, lm, lmGeneral };
}

/** Standard build paths relative to the package root (scripts only: they read ../shared). */
export function trainingPaths(root: string): { sharedDir: string; handwrittenDir: string; corpusDir: string; tessdataVie: string } {
  return {
    sharedDir: join(root, '..', 'shared'),
    handwrittenDir: join(root, 'src', 'data', 'repair'),
    corpusDir: join(root, '..', 'shared', 'corpus'),
    tessdataVie: join(root, 'node_modules', '@tesseract.js-data', 'vie', '4.0.0', 'vie.traineddata.gz'),
  };
}

/** Model data without seed 003 (honest dev evaluation): the shipped lm.bin (built without 003) and a channel without 003. */
export function honestModelData(root: string): RepairModelData {
  const p = trainingPaths(root);
  const lm = readFileSync(join(p.handwrittenDir, 'lm-corpus.bin'));
  const vieFile = join(p.handwrittenDir, 'vie-channel.json');
  const vieChannel = existsSync(vieFile) ? (JSON.parse(readFileSync(vieFile, 'utf8')) as VieChannelCounts) : undefined;
  return buildModelData({ ...p, exclude003: true, vieChannel }, lm);
}

/** One text of the general-register data (src/data/repair/general/*.txt, see its README). */
export interface GeneralText { name: string; lines: string[] }

/** The general-register texts (conversation, literary prose, everyday writing, contracts), in file-name order. */
export function readGeneralTexts(dir: string): GeneralText[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => ({ name: f, lines: readFileSync(join(dir, f), 'utf8').normalize('NFC').split('\n') }));
}

/**
 * Split of the general texts for choosing weights: every 4th paragraph-or-line block (blank-line
 * separated, counted per file) is the tuning part, the rest trains the tuning model. The shipped
 * model trains on all of it.
 */
export function splitGeneralTexts(texts: readonly GeneralText[]): { train: GeneralText[]; tune: GeneralText[] } {
  const train: GeneralText[] = [];
  const tune: GeneralText[] = [];
  for (const t of texts) {
    let block: string[] = [];
    let k = 0;
    const flush = () => { if (block.length) { (k++ % 4 === 3 ? tune : train).push({ name: t.name, lines: [...block, ''] }); } block = []; };
    for (const l of t.lines) { if (l.trim()) block.push(l); else flush(); }
    flush();
  }
  return { train, tune };
}

/** Spellable syllables of the texts (lowercase, old-style tone placement). */
export function textSyllables(texts: readonly (readonly string[])[], spellable: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const l of t) for (const w of lineWords(l)) {
    const n = normalizeTonePlacement(w.normalize('NFC').toLowerCase());
    if (spellable.has(n)) out.add(n);
  }
  return out;
}

/**
 * The general-register model: a syllable trigram (modified Kneser-Ney, nothing pruned: the text
 * is small) over `vocab` (the corpus vocabulary extended by the general texts' syllables).
 */
export function buildGeneralModel(handwrittenDir: string, texts: readonly (readonly string[])[], vocab: readonly string[]): Buffer {
  const hw = (f: string) => readFileSync(join(handwrittenDir, f), 'utf8');
  const abbr = parseAbbreviations(hw('abbreviations.txt'));
  const generated = generateSyllables(parseRhymes(hw('rhymes.txt')));
  const skeletons = new Set(generated.map(skeleton));
  const isSkel = (k: string) => skeletons.has(k);
  const known = new Set(vocab);
  const trainer = new NgramTrainer();
  for (const t of texts) unitSegments(t, abbr, isSkel, known, (u) => trainer.addSegment(u));
  const { file } = trainer.build(vocab.filter((w) => !w.startsWith('<')), { minTrigramCount: 1, minBigramCount: 1 }, { general: true, texts: texts.length });
  if (new NgramModel(file).size !== vocab.length) throw new Error('general model vocabulary differs');
  return file;
}
