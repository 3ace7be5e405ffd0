import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOS, ContextSlots, LM_MAGIC, LM_MAGIC4, NgramModel, UNK } from '../../src/repair/ngram.js';
import { NgramTrainer } from '../../src/repair/ngram-train.js';
import { extendVocabulary, mixModels } from '../../src/repair/ngram-mix.js';
import { createRepairModel } from '../../src/repair/model.js';
import { readModelData } from '../../src/repair/model-data.js';
import { dataPath } from '../../src/util/paths.js';
import { TOY_SENTENCES } from './toy-corpus.js';

const sentences = TOY_SENTENCES;

function train(order: 3 | 4, min4 = 1, extra: string[] = []): Buffer {
  const t = new NgramTrainer();
  for (let r = 0; r < 3; r++) for (const s of sentences) t.addSegment(s.split(' '));
  for (const s of extra) t.addSegment(s.split(' '));
  t.addPair('chủ', 'trì');
  return t.build(['tỉnh', 'tình', 'tính'], { minTrigramCount: 1, minBigramCount: 1, order, minFourgramCount: min4 }).file;
}

/** "nhân dân tình" 15 times after 5 different syllables: the trigram (nhân dân) prefers tình to tỉnh (6 times) */
const extra = ['lòng', 'tấm', 'cả', 'vì', 'và'].flatMap((x) => Array(3).fill(`${x} nhân dân tình`));

const distributionSum = (m: NgramModel, t: number, u: number, v: number) => {
  let sum = 0;
  for (let w = 0; w < m.size; w++) if (w !== BOS) sum += Math.exp(-m.cost4(t, u, v, w));
  return sum;
};
const contexts = [['ủy', 'ban', 'nhân'], ['ban', 'nhân', 'dân'], ['hành', 'kế', 'hoạch'], ['<s>', 'ủy', 'ban'], ['tình', 'tính', 'kế'], ['nhân', 'dân', 'tình']];

describe('syllable 4-gram model', () => {
  it('gives a proper distribution over the vocabulary in seen and unseen 4-gram contexts', () => {
    const m = new NgramModel(train(4));
    expect(m.order).toBe(4);
    expect(m.quadW.length).toBeGreaterThan(0);
    for (const ctx of contexts) {
      const [t, u, v] = ctx.map((x) => m.id(x));
      const sum = distributionSum(m, t!, u!, v!);
      // u16 quantisation (1/1024 nat) leaves ~1e-3 of slack
      expect(sum).toBeGreaterThan(0.995);
      expect(sum).toBeLessThan(1.005);
    }
  });

  it('a trigram build is unchanged by the 4-gram support and a 4-gram build is deterministic', () => {
    expect(train(4).equals(train(4))).toBe(true);
    const t3 = new NgramModel(train(3));
    expect(t3.order).toBe(3);
    expect(Buffer.from(train(3).subarray(0, 8)).toString('latin1')).toBe(LM_MAGIC);
    // the shipped files (trigram models) still read
    expect(new NgramModel(readFileSync(join(dataPath('repair'), 'lm.bin'))).order).toBe(3);
    expect(new NgramModel(readFileSync(join(dataPath('repair'), 'lm-general.bin'))).order).toBe(3);
  });

  it('uses the 4-gram where the context decides and prunes rare 4-grams', () => {
    const m = new NgramModel(train(4, 1, extra));
    const id = (w: string) => m.id(w);
    // the trigram (nhân dân) prefers tình (15 times, after 5 left contexts); after "ban" the 4-gram says tỉnh
    expect(m.cost(id('nhân'), id('dân'), id('tình'))).toBeLessThan(m.cost(id('nhân'), id('dân'), id('tỉnh')));
    expect(m.cost4(id('ban'), id('nhân'), id('dân'), id('tỉnh'))).toBeLessThan(m.cost4(id('ban'), id('nhân'), id('dân'), id('tình')));
    const pruned = new NgramModel(train(4, 4, extra));
    expect(pruned.quadW.length).toBeLessThan(m.quadW.length);
    expect(pruned.quadW.length).toBeGreaterThan(0); // ủy ban nhân dân: 9
  });

  it('round-trips through the file format, the mix and the vocabulary extension; refuses other versions', () => {
    const file = train(4);
    expect(Buffer.from(file.subarray(0, 8)).toString('latin1')).toBe(LM_MAGIC4);
    const m = new NgramModel(file);
    const copy = new NgramModel(new Uint8Array(file));
    expect(copy.header).toEqual(m.header);
    expect(Array.from(copy.quadW)).toEqual(Array.from(m.quadW));
    expect(Array.from(copy.quadP)).toEqual(Array.from(m.quadP));
    expect(Array.from(copy.triBo)).toEqual(Array.from(m.triBo));
    expect(m.header.fourgrams).toBe(m.quadW.length);

    const bad = Buffer.from(file);
    bad.write('VNLM0002', 0, 'latin1');
    expect(() => new NgramModel(bad)).toThrow(/unsupported file format "VNLM0002".*VNLM0003.*VNLM0004/);

    // a 4-gram model mixed with a trigram model stays a 4-gram model with a proper distribution
    const mixed = new NgramModel(mixModels(m, new NgramModel(train(3, 1, ['ủy ban nhân dân tỉnh'])), 0.3));
    expect(mixed.order).toBe(4);
    for (const ctx of contexts) {
      const [t, u, v] = ctx.map((x) => mixed.id(x));
      const sum = distributionSum(mixed, t!, u!, v!);
      expect(sum).toBeGreaterThan(0.995);
      expect(sum).toBeLessThan(1.005);
    }
    const ext = new NgramModel(extendVocabulary(m, ['zzz']));
    expect(ext.order).toBe(4);
    expect(ext.size).toBe(m.size + 1);
    const id = (x: NgramModel, w: string) => x.id(w);
    for (const ctx of contexts) {
      const [t, u, v] = ctx.map((w) => id(m, w));
      const [te, ue, ve] = ctx.map((w) => id(ext, w));
      expect(ext.cost4(te!, ue!, ve!, id(ext, 'tỉnh'))).toBe(m.cost4(t!, u!, v!, id(m, 'tỉnh')));
    }
  });

  it("the decoder's fast lookups give the model's costs in every context", () => {
    const m = new NgramModel(train(4, 1, ['lòng nhân dân tình', 'ban nhân dân tỉnh']));
    expect(m.fourgramSuffixesStored()).toBe(true);
    const slots = new ContextSlots(m, 1);
    const units = [BOS, UNK, ...['ủy', 'ban', 'nhân', 'dân', 'tỉnh', 'tình', 'hành', 'kế', 'hoạch', 'lòng'].map((w) => m.id(w))];
    for (const t of units) for (const u of units) for (const v of units) {
      slots.set(0, u, v, t);
      for (let w = 1; w < m.size; w++) expect(slots.cost(0, w)).toBe(m.cost4(t, u, v, w));
      // the confidence pass's second term: P(x | u v w) from the indices cost(0, w) found
      for (const w of units) {
        if (w === BOS) continue;
        slots.cost(0, w);
        const [b, k] = [slots.lastBigram, slots.lastTrigram];
        for (const x of units) if (x !== BOS) expect(slots.costAfter4(0, w, x, b, k)).toBe(m.cost4(u, v, w, x));
      }
    }
  });

  it('the decoder reads the 4-gram context where the trigram decides wrongly', () => {
    const data = readModelData(dataPath('repair'));
    // "nhân dân tỉnh đã họp" 3 times, after "ủy ban"; "nhân dân tình đã họp" 10 times, after 5
    // other syllables: the trigram (nhân dân) prefers tình, the 4-gram (ban nhân dân) says tỉnh
    const corpus = ['ủy ban nhân dân tỉnh đã họp', 'ủy ban nhân dân tỉnh đã họp', 'ủy ban nhân dân tỉnh đã họp',
      ...['lòng', 'tấm', 'cả', 'vì', 'và'].flatMap((x) => Array(2).fill(`${x} nhân dân tình đã họp`))];
    const build = (order: 3 | 4) => {
      const t = new NgramTrainer();
      for (const s of corpus) t.addSegment(s.split(' '));
      return t.build(data.syllables, { minTrigramCount: 1, minBigramCount: 1, order, minFourgramCount: 1 }).file;
    };
    const lm3 = build(3);
    const lm4 = build(4);
    const input = ['uy ban nhan dan tinh da hop'];
    const decode = (lm: Buffer) => createRepairModel({ ...data, lm, lmGeneral: undefined }).repairLines(input, { channel: 'stripped' }).lines[0];
    expect(decode(lm3)).toBe('ủy ban nhân dân tình đã họp');
    expect(decode(lm4)).toBe('ủy ban nhân dân tỉnh đã họp');
  });
});
