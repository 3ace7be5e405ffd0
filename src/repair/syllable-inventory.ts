/**
 * Generate the inventory of spellable Vietnamese syllables from phonotactics:
 * onsets x rhymes x tones, with the spelling rules (k/gh/ngh before i e ê, c/g/ng elsewhere,
 * qu + rhyme without leading u/o, y-rhymes only bare or after qu/u) and the rule that
 * stop-final rhymes carry only sắc or nặng. Over-generation is harmless: unseen syllables
 * get a low language-model prior.
 */
import { applyTone, skeleton } from './vietnamese.js';

const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
const FRONT = /^[ieê]/u; // k, gh, ngh only before these
/** rhymes in i- after the onset gi are written with one i: gi + in = gìn, gi + iêng = giếng */
const GI_RHYME = /^i./u;

function onsetAllowed(onset: string, rhyme: string): boolean {
  const front = FRONT.test(rhyme) || (rhyme.startsWith('y') && onset !== 'qu');
  if (onset === 'k') return front;
  if (onset === 'gh' || onset === 'ngh') return front && !rhyme.startsWith('y');
  if (onset === 'c' || onset === 'g' || onset === 'ng') return !FRONT.test(rhyme) && !rhyme.startsWith('y');
  if (onset === 'qu') return !/^[uo]/.test(rhyme) || rhyme.startsWith('y');
  if (onset === 'gi') return !/^i/.test(rhyme) && !rhyme.startsWith('y');
  // y-rhymes: bare (y, yên) or old spellings after a few onsets (hy, lý, mỹ, sỹ, tý, vỹ)
  if (rhyme.startsWith('y')) return rhyme === 'y' ? ['', 'h', 'l', 'm', 's', 't', 'v', 'n', 'qu'].includes(onset) : onset === '' || onset === 'qu';
  return true;
}

export function parseRhymes(text: string): string[] {
  return text.split('\n').filter((l) => !l.startsWith('#')).flatMap((l) => l.trim().split(/\s+/)).filter(Boolean);
}

export function generateSyllables(rhymes: readonly string[]): string[] {
  const out = new Set<string>();
  for (const onset of ONSETS) {
    for (const rhyme of rhymes) {
      if (!onsetAllowed(onset, rhyme)) continue;
      const bare = onset + rhyme;
      const stop = /(p|t|c|ch)$/.test(rhyme);
      for (let tone = 0; tone < 6; tone++) {
        if (stop && tone !== 2 && tone !== 5) continue;
        out.add(applyTone(bare, tone));
      }
    }
  }
  // "gi" + i is spelled "gi" (gì, gỉ ...), "gi" + a rhyme in i- drops one i (gìn, giếng, giềng)
  for (let tone = 0; tone < 6; tone++) out.add(applyTone('gi', tone));
  for (const rhyme of rhymes) {
    if (!GI_RHYME.test(rhyme)) continue;
    const stop = /(p|t|c|ch)$/.test(rhyme);
    for (let tone = 0; tone < 6; tone++) if (!stop || tone === 2 || tone === 5) out.add(applyTone('g' + rhyme, tone));
  }
  return [...out].sort();
}

/**
 * Skeletons (marks stripped) of every generated syllable, without generating the toned forms:
 * a tone only adds a mark, so skeleton(toned) = skeleton(onset + rhyme). Equal to
 * new Set(generateSyllables(rhymes).map(skeleton)) at a fraction of the cost (model start-up).
 */
export function spellableSkeletons(rhymes: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const onset of ONSETS) {
    for (const rhyme of rhymes) if (onsetAllowed(onset, rhyme)) out.add(skeleton(onset + rhyme));
  }
  out.add('gi');
  for (const rhyme of rhymes) if (GI_RHYME.test(rhyme)) out.add(skeleton('g' + rhyme));
  return out;
}
