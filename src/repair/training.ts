/**
 * Build-time training: turns the allowed sources into RepairModelData.
 *   - language model: 004 rendered text, 003 gold (unless excluded), handwritten sentences;
 *   - channel: aligned (ocr, truth) pairs from 003 seed/gold (unless excluded), 004 English
 *     OCR vs rendered text, and the training split of the synthetic pairs;
 *   - inventory: phonotactic syllables plus syllables seen in the clean texts.
 * Seeds 000-002 are never read. Used by build-lm (files) and eval-repair (in memory).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { component, COMPONENT, readDawgWords, readUnicharset } from './tessdata-dawg.js';
import { alignTokens, type AlignedPair } from './alignment.js';
import { Channel, countCharOps, parseConfusions, type ChannelCounts } from './channel.js';
import { walkDocument } from './document.js';
import { BOUNDARY, countUnits, type LmCounts } from './language-model.js';
import type { RepairModelData } from './model-data.js';
import { generateSyllables, parseRhymes } from './syllable-inventory.js';
import { classifyCore, parseAbbreviations } from './token-class.js';
import { lineWords } from './tokenize.js';
import { normalizeTonePlacement, skeleton } from './vietnamese.js';

export interface TrainingSources {
  /** folder with seeds/ and dev/ (the shared material) */
  sharedDir: string;
  /** folder with the handwritten data (rhymes, confusions, abbreviations, sentences, synthetic/) */
  handwrittenDir: string;
  /** leave seed 003 (and synthetic pairs rendered from its gold) out: honest dev model */
  exclude003: boolean;
  /** diagnostic: leave 004's text out of the language model (simulates an off-topic plan) */
  lmWithout004?: boolean;
  /** path of vie.traineddata.gz (word DAWG, bigram DAWG) */
  tessdataVie: string;
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

export function buildModelData(src: TrainingSources): RepairModelData {
  const hw = (f: string) => readFileSync(join(src.handwrittenDir, f), 'utf8');
  const confusionsText = hw('confusions.txt');
  const abbreviationsText = hw('abbreviations.txt');
  const abbr = parseAbbreviations(abbreviationsText);
  const generated = generateSyllables(parseRhymes(hw('rhymes.txt')));
  const skeletons = new Set(generated.map(skeleton));
  const isSkel = (k: string) => skeletons.has(k);

  // ---- clean texts -> language model + seen syllables
  const handwritten = (f: string) => lines(join(src.handwrittenDir, f)).filter((l) => !l.startsWith('# '));
  // lexicon lines are separate segments: a blank line after each keeps them apart
  const clean: string[][] = [handwritten('sentences.txt'), handwritten('sentences-admin.txt').flatMap((l) => [l, '']), handwritten('lexicon.txt').flatMap((l) => [l, ''])];
  if (!src.lmWithout004) clean.push(lines(join(src.sharedDir, 'dev', `${SEED004}.rendered.txt`)));
  if (!src.exclude003) {
    clean.push(lines(join(src.sharedDir, 'dev', `${SEED003}.gold.txt`)));
    clean.push(handwritten('sentences-dev003.txt'));
  }
  const lm: LmCounts = { uni: {}, bi: {}, tri: {}, total: 0 };
  const seen = new Set<string>();
  for (const text of clean) {
    let units: string[] = [];
    walkDocument(text, ({ piece }) => {
      const cls = classifyCore(piece.text, abbr, isSkel);
      if (cls === 'word') {
        const u = normalizeTonePlacement(piece.text.toLowerCase());
        units.push(u);
        if (/^\p{L}+$/u.test(u) && u.length <= 8) seen.add(u);
      } else units.push(cls === 'number' ? '<num>' : '<x>');
    }, () => { if (units.length) countUnits(lm, units); units = []; });
  }
  void BOUNDARY;

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
  const usable: [string, string][] = [];
  for (const [o, t] of pairs) {
    if (!o || !t) continue;
    if (classifyCore(t, abbr, isSkel) !== 'word' || !/^\p{L}+$/u.test(t)) continue;
    usable.push([o.toLowerCase(), normalizeTonePlacement(t.toLowerCase())]);
  }
  const confusions = parseConfusions(confusionsText);
  let channel: ChannelCounts = { sub: {}, ins: {}, total: 0, tokens: {}, truths: {} };
  // two rounds: align characters with the prior, then with the learned channel
  for (let round = 0; round < 2; round++) {
    const scorer = new Channel(channel, confusions);
    const next: ChannelCounts = { sub: {}, ins: {}, total: 0, tokens: {}, truths: {} };
    for (const [o, t] of usable) countCharOps(next, o, t, scorer);
    channel = next;
  }
  for (const [o, t] of usable) {
    channel.truths[t] = (channel.truths[t] ?? 0) + 1;
    if (o === t) continue;
    const row = (channel.tokens[o] ??= {});
    row[t] = (row[t] ?? 0) + 1;
  }

  // real syllables and background bigrams from the Vietnamese tesseract model's word lists;
  // the inventory keeps only syllables attested there or in the clean texts
  const lex = readTesseractLexicon(src.tessdataVie, new Set(generated));
  const syllables = [...new Set([...lex.syllables, ...seen])].sort();
  return { syllables, rhymes: hw('rhymes.txt'), confusions: confusionsText, abbreviations: abbreviationsText, channel, lm, background: { pairs: lex.pairs } };
}
