import { describe, expect, it } from 'vitest';
import { applyTone, normalizeTonePlacement, skeleton, splitTone, transferCase } from '../../src/repair/vietnamese.js';
import { tokenizeLine } from '../../src/repair/tokenize.js';
import { classifyCore, parseAbbreviations, romanLabel } from '../../src/repair/token-class.js';
import { alignTokens } from '../../src/repair/alignment.js';
import { syllableAccuracy } from '../../src/repair/evaluate.js';

describe('vietnamese orthography', () => {
  it('places tones in the old style', () => {
    expect(applyTone('hoa', 1)).toBe('hòa');
    expect(applyTone('khoa', 2)).toBe('khóa');
    expect(applyTone('thuy', 3)).toBe('thủy');
    expect(applyTone('người'.normalize('NFC').replace('ờ', 'ơ'), 1)).toBe('người');
    expect(applyTone('quy', 2)).toBe('quý');
    expect(applyTone('gia', 2)).toBe('giá');
    expect(applyTone('tuyên', 1)).toBe('tuyền');
    expect(normalizeTonePlacement('hoá')).toBe('hóa');
    expect(normalizeTonePlacement('thuỷ')).toBe('thủy');
  });
  it('strips marks to skeletons', () => {
    expect(skeleton('Trường Đại học')).toBe('truong dai hoc');
    expect(splitTone('tỉnh')).toEqual({ bare: 'tinh', tone: 3 });
  });
  it('transfers case', () => {
    expect(transferCase('S6', 'số')).toBe('Số');
    expect(transferCase('PICH', 'đích')).toBe('ĐÍCH');
    expect(transferCase('x&', 'xã')).toBe('xã');
    expect(transferCase('Déc', 'độc')).toBe('Độc');
  });
});

describe('tokenizer', () => {
  it('rebuilds every line exactly', () => {
    for (const line of ['  S6: 767 /KH-UBND Lai Chau,  ngay 31', '(khoa X1) vé', '- “Vé tiép tuc”...', '', '\t$6 x&, cu\'c']) {
      expect(tokenizeLine(line).map((p) => p.text).join('')).toBe(line);
    }
    expect(tokenizeLine('(khoa X1),').filter((p) => p.word).map((p) => p.text)).toEqual(['khoa', 'X1']);
  });

  it('splits lead and tail punctuation off word cores (the bare-core fast path is not taken)', () => {
    const pieces = (l: string) => tokenizeLine(l).map((p) => [p.text, p.word, p.start]);
    expect(pieces('“Vé,” x& $6 e\u0301 😀a')).toEqual([
      ['“', false, 0], ['Vé', true, 1], [',”', false, 3], [' ', false, 5], ['x&', true, 6], [' ', false, 8],
      ['$6', true, 9], [' ', false, 11], ['e\u0301', true, 12], [' ', false, 14], ['😀', false, 15], ['a', true, 17],
    ]);
  });
});

describe('syllable inventory', () => {
  it('spellable skeletons equal the skeletons of the generated syllables', async () => {
    const { readFileSync } = await import('node:fs');
    const { dataPath } = await import('../../src/util/paths.js');
    const { generateSyllables, parseRhymes, spellableSkeletons } = await import('../../src/repair/syllable-inventory.js');
    const rhymes = parseRhymes(readFileSync(dataPath('repair', 'rhymes.txt'), 'utf8'));
    const expected = new Set(generateSyllables(rhymes).map(skeleton));
    expect([...spellableSkeletons(rhymes)].sort()).toEqual([...expected].sort());
  });
});

describe('token classes', () => {
  const abbr = parseAbbreviations('UBND\nHDND => HĐND\n');
  const isSkel = (k: string) => ['muc', 'dich', 'nhiem', 'vu', 'hoi'].includes(k);
  it('classifies cores', () => {
    expect(classifyCore('2021', abbr, isSkel)).toBe('number');
    expect(classifyCore('42-NQ/TW', abbr, isSkel)).toBe('code');
    expect(classifyCore('05/11/2020', abbr, isSkel)).toBe('code');
    expect(classifyCore('UBND', abbr, isSkel)).toBe('abbr');
    expect(classifyCore('HDND', abbr, isSkel)).toBe('abbr');
    expect(classifyCore('MUC', abbr, isSkel)).toBe('word');
    expect(classifyCore('16ng', abbr, isSkel)).toBe('word');
    expect(classifyCore('S6', abbr, isSkel)).toBe('word');
  });
  it('reads Roman numerals with OCR digits', () => {
    expect(romanLabel('I1')).toBe('II');
    expect(romanLabel('111')).toBe('III');
    expect(romanLabel('X1')).toBe('XI');
    expect(romanLabel('IV')).toBe('IV');
    expect(romanLabel('1')).toBeNull();
    expect(romanLabel('IIII')).toBeNull();
  });
});

describe('alignment and metric', () => {
  it('aligns OCR tokens with truth tokens', () => {
    const a = alignTokens(['S6', 'x4', 'hoi', 'extra'], ['Số', 'xã', 'hội']);
    expect(a.filter(([o, t]) => o && t)).toEqual([['S6', 'Số'], ['x4', 'xã'], ['hoi', 'hội']]);
  });
  it('scores case-insensitively with tone placement ignored', () => {
    expect(syllableAccuracy(['Hoá học XÃ'], ['hóa học xã']).accuracy).toBe(1);
    expect(syllableAccuracy(['hoa hoc'], ['hóa học']).accuracy).toBe(0);
  });
});

describe('channel scorer with a bound', () => {
  it('is exact at or under the bound and stays above it when it stops early', async () => {
    const { readModelData } = await import('../../src/repair/model-data.js');
    const { Channel, parseConfusions } = await import('../../src/repair/channel.js');
    const { dataPath } = await import('../../src/util/paths.js');
    const d = readModelData(dataPath('repair'));
    const ch = new Channel(d.channel, parseConfusions(d.confusions));
    const truths = d.syllables.filter((_, i) => i % 37 === 0);
    let early = 0;
    for (const ocr of ['tiép', 's6', 'x&', 'nhiém', 'thuc', 'hqi', 'dông', 'rnột', 'ti¢u']) {
      const exact = ch.prepare(ocr);
      const bounded = ch.prepare(ocr);
      for (const t of truths) {
        const c = exact(t);
        for (const bound of [0.5, 2, 5, 10]) {
          const b = bounded(t, bound);
          if (c <= bound) expect(b).toBe(c);
          else { expect(b).toBeGreaterThan(bound); if (b !== c) early++; }
        }
      }
    }
    expect(early).toBeGreaterThan(0);
  });
});

describe('candidate generation', () => {
  it('keeps exactly the list an exhaustive exact scoring keeps (same order on ties)', async () => {
    const { readModelData } = await import('../../src/repair/model-data.js');
    const { Channel, parseConfusions } = await import('../../src/repair/channel.js');
    const { CandidateGenerator } = await import('../../src/repair/candidates.js');
    const { dataPath } = await import('../../src/util/paths.js');
    const d = readModelData(dataPath('repair'));
    const confusions = parseConfusions(d.confusions);
    const ch = new Channel(d.channel, confusions);
    const gen = new CandidateGenerator(d.syllables, ch, confusions, d.channel);
    // the generator's pool, rebuilt without its indexes: skeletons in first-seen order, then
    // for each variant the variant itself and the skeletons one deletion away from it
    const keys = [...new Set(d.syllables.map(skeleton))];
    const deletions = keys.map((k) => new Set([...k].map((_, i) => k.slice(0, i) + k.slice(i + 1))));
    for (const ocr of ['tiép', 's6', 'x&', 'nhiém', 'thuc', 'hqi', 'dông', 'rnột', 'ti¢u', 'ngưòi', 'cua', 'qvyét']) {
      const skels = new Set<string>();
      for (const v of gen.variants(ocr)) {
        if (gen.isSkeleton(v)) skels.add(v);
        keys.forEach((k, i) => { if (deletions[i]!.has(v)) skels.add(k); });
      }
      const pool = new Set<string>();
      for (const k of skels) for (const s of gen.syllablesOf(k)) pool.add(s);
      for (const s of ch.tokenTruths(ocr)) pool.add(s);
      const expected = [...pool].map((syl) => ({ syl, cost: ch.cost(ocr, syl) })).sort((a, b) => a.cost - b.cost).slice(0, 60);
      expect(gen.generate(ocr, 60)).toEqual(expected);
    }
  });
});
