/** The data a repair model is made of, and how it is stored under src/data/repair/. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelCounts } from './channel.js';

export interface RepairModelData {
  /** spellable syllables (generated inventory plus syllables seen in clean text) */
  syllables: string[];
  /** text of rhymes.txt (phonotactic inventory: tells abbreviations from syllables) */
  rhymes: string;
  /** text of confusions.txt */
  confusions: string;
  /** text of abbreviations.txt */
  abbreviations: string;
  /** text of code-parts.txt (code part spellings of the corpus: NĐ, QĐ, BLĐTBXH), see code-parts.ts */
  codeParts?: string;
  /** English-OCR character channel */
  channel: ChannelCounts;
  /** Vietnamese-OCR mark channel (vie-channel.json) */
  vieChannel?: VieChannelCounts;
  /** the decoding language model (lm.bin, see ngram.ts): corpus model mixed with the in-domain model */
  lm: Uint8Array;
  /**
   * stripped text of general registers (lm-general.bin): lm mixed with the general-register
   * model, over a larger vocabulary; or a function reading it (readModelData: on first use, so
   * administrative text never pays for the 7 MB)
   */
  lmGeneral?: Uint8Array | (() => Uint8Array);
}

/** Counts of syllable substitutions seen when tesseract `vie` read rendered text. */
export interface VieChannelCounts {
  /** truth syllable occurrences aligned */
  aligned: number;
  /** truth syllables read unchanged */
  same: number;
  /** "truth>ocr" -> count, syllables with the same skeleton only (mark errors) */
  subs: Record<string, number>;
  /** mark-level confusions: "truth letter>ocr letter" (toneless/tone parts) -> count */
  marks: Record<string, number>;
}

export const MODEL_FILES = {
  syllables: 'syllables.txt',
  confusions: 'confusions.txt',
  rhymes: 'rhymes.txt',
  abbreviations: 'abbreviations.txt',
  codeParts: 'code-parts.txt',
  channel: 'channel.json',
  vieChannel: 'vie-channel.json',
  lm: 'lm.bin',
  /** lm.bin mixed with the general-register model (src/data/repair/general/): stripped conversation, prose, everyday text */
  lmGeneral: 'lm-general.bin',
  /** the corpus model alone (build input of lm.bin; read by build-lm --skip-lm and the honest evaluation) */
  lmCorpus: 'lm-corpus.bin',
} as const;

export function readModelData(dir: string, handwrittenDir = dir, lmFile = join(dir, MODEL_FILES.lm)): RepairModelData {
  const read = (d: string, f: string) => readFileSync(join(d, f), 'utf8');
  const vieFile = join(dir, MODEL_FILES.vieChannel);
  const vieChannel = existsSync(vieFile) ? (JSON.parse(readFileSync(vieFile, 'utf8')) as VieChannelCounts) : undefined;
  return {
    syllables: read(dir, MODEL_FILES.syllables).split('\n').filter(Boolean),
    confusions: read(handwrittenDir, MODEL_FILES.confusions),
    rhymes: read(handwrittenDir, MODEL_FILES.rhymes),
    abbreviations: read(handwrittenDir, MODEL_FILES.abbreviations),
    codeParts: existsSync(join(dir, MODEL_FILES.codeParts)) ? read(dir, MODEL_FILES.codeParts) : undefined,
    channel: JSON.parse(read(dir, MODEL_FILES.channel)) as ChannelCounts,
    vieChannel,
    lm: readFileSync(lmFile),
    lmGeneral: existsSync(join(dir, MODEL_FILES.lmGeneral)) ? () => readFileSync(join(dir, MODEL_FILES.lmGeneral)) : undefined,
  };
}
