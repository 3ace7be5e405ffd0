import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRepairModel } from '../../src/repair/index.js';
import { syllableAccuracy } from '../../src/repair/evaluate.js';
import { NgramModel } from '../../src/repair/ngram.js';
import { extendVocabulary } from '../../src/repair/ngram-mix.js';
import { NgramTrainer } from '../../src/repair/ngram-train.js';
import { generateSyllables, parseRhymes } from '../../src/repair/syllable-inventory.js';
import { buildGeneralLm, readGeneralTexts } from '../../src/repair/training.js';
import { stripMarks } from '../../src/repair/vietnamese.js';
import { dataPath } from '../../src/util/paths.js';

const evalText = (name: string) => readFileSync(dataPath('repair', 'general-eval', `${name}.txt`), 'utf8').split('\n');

describe('vocabulary extension', () => {
  it('keeps every cost of the original words and gives the new ones the unigram floor', () => {
    const t = new NgramTrainer();
    for (let r = 0; r < 3; r++) for (const s of ['ủy ban nhân dân tỉnh', 'ban hành kế hoạch', 'nhân dân tỉnh ban hành']) t.addSegment(s.split(' '));
    const a = new NgramModel(t.build(['tỉnh', 'tình'], { minTrigramCount: 1, minBigramCount: 1 }).file);
    const b = new NgramModel(extendVocabulary(a, ['cháu', 'ạ', 'nhé']));
    expect(b.size).toBe(a.size + 3);
    const words = a.vocab;
    for (const u of words) for (const v of words) for (const w of words) {
      if (w === '<s>') continue;
      expect(b.cost(b.id(u), b.id(v), b.id(w))).toBeCloseTo(a.cost(a.id(u), a.id(v), a.id(w)), 6);
    }
    const floor = Math.min(...Array.from(a.uniP).slice(5));
    expect(b.uniP[b.id('cháu')]).toBeCloseTo(floor, 6);
  });
});

describe('syllable inventory', () => {
  it('spells gi + a rhyme in i- with one i (giữ gìn, giếng, láng giềng)', () => {
    const s = new Set(generateSyllables(parseRhymes(readFileSync(dataPath('repair', 'rhymes.txt'), 'utf8'))));
    for (const w of ['gìn', 'giếng', 'giềng', 'giêng', 'gì', 'giết']) expect(s.has(w)).toBe(true);
  });
});

describe('general-register model', () => {
  it('builds byte-identical files from the same texts', () => {
    const dir = dataPath('repair');
    const texts = readGeneralTexts(join(dir, 'general')).slice(0, 3).map((t) => t.lines);
    expect(texts.length).toBe(3);
    const lm = readFileSync(join(dir, 'lm.bin'));
    expect(buildGeneralLm(dir, lm, texts, 0.7).equals(buildGeneralLm(dir, lm, texts, 0.7))).toBe(true);
  });

  it('reads stripped conversation with the general model, and better than the administrative one', () => {
    const model = loadRepairModel();
    const doc = evalText('conversation');
    const stripped = doc.map(stripMarks);
    const auto = model.repairLines(stripped);
    expect(auto.channel).toBe('stripped');
    expect(auto.register).toBe('general');
    const admin = model.repairLines(stripped, { register: 'admin' });
    const a = syllableAccuracy(auto.lines, doc).accuracy;
    expect(a).toBeGreaterThan(syllableAccuracy(admin.lines, doc).accuracy + 0.1);
    expect(a).toBeGreaterThan(0.85);
  });

  it('keeps administrative stripped text on the administrative model', () => {
    const model = loadRepairModel();
    const plan = readFileSync(join(dataPath('repair'), 'sentences-admin.txt'), 'utf8').split('\n').filter((l) => !l.startsWith('# '));
    const stripped = plan.map(stripMarks);
    const auto = model.repairLines(stripped);
    expect(auto.channel).toBe('stripped');
    expect(auto.register).toBe('admin');
    expect(auto.lines).toEqual(model.repairLines(stripped, { register: 'admin' }).lines);
  });
});
