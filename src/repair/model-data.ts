/** The data a repair model is made of, and how it is stored under src/data/repair/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelCounts } from './channel.js';
import type { BackgroundBigrams, LmCounts } from './language-model.js';

export interface RepairModelData {
  /** spellable syllables (generated inventory plus syllables seen in clean text) */
  syllables: string[];
  /** text of rhymes.txt (phonotactic inventory: tells abbreviations from syllables) */
  rhymes: string;
  /** text of confusions.txt */
  confusions: string;
  /** text of abbreviations.txt */
  abbreviations: string;
  channel: ChannelCounts;
  lm: LmCounts;
  /** background syllable bigrams from the Vietnamese tesseract word lists */
  background: BackgroundBigrams;
}

export const MODEL_FILES = {
  syllables: 'syllables.txt',
  confusions: 'confusions.txt',
  rhymes: 'rhymes.txt',
  abbreviations: 'abbreviations.txt',
  channel: 'channel.json',
  lm: 'lm.json',
  background: 'background-bigrams.txt',
} as const;

export function parseBackground(text: string): BackgroundBigrams {
  const pairs: [string, string][] = [];
  for (const line of text.split('\n')) {
    const i = line.indexOf(' ');
    if (i > 0) pairs.push([line.slice(0, i), line.slice(i + 1)]);
  }
  return { pairs };
}

export function formatBackground(b: BackgroundBigrams): string {
  return b.pairs.map(([a, c]) => a + ' ' + c).join('\n') + '\n';
}

export function readModelData(dir: string, handwrittenDir = dir): RepairModelData {
  const read = (d: string, f: string) => readFileSync(join(d, f), 'utf8');
  return {
    syllables: read(dir, MODEL_FILES.syllables).split('\n').filter(Boolean),
    confusions: read(handwrittenDir, MODEL_FILES.confusions),
    rhymes: read(handwrittenDir, MODEL_FILES.rhymes),
    abbreviations: read(handwrittenDir, MODEL_FILES.abbreviations),
    channel: JSON.parse(read(dir, MODEL_FILES.channel)) as ChannelCounts,
    lm: JSON.parse(read(dir, MODEL_FILES.lm)) as LmCounts,
    background: parseBackground(read(dir, MODEL_FILES.background)),
  };
}
