/** Vietnamese family names (src/data/names/surnames.txt), looked up by their letters without marks. */
import { readFileSync } from 'node:fs';
import { dataPath } from '../util/paths.js';
import { skeleton } from '../text/vietnamese.js';

let cache: Map<string, string> | null = null;
function familyNames(): Map<string, string> {
  if (!cache) {
    cache = new Map();
    for (const line of readFileSync(dataPath('names', 'surnames.txt'), 'utf8').split('\n')) {
      const name = line.trim();
      // the first of two names with the same letters (Hà, Hạ) is the commoner one
      if (name && !name.startsWith('#') && !cache.has(skeleton(name))) cache.set(skeleton(name), name);
    }
  }
  return cache;
}

/** Is the word a family name (whatever marks OCR left on it)? */
export function isFamilyName(word: string): boolean {
  return familyNames().has(skeleton(word));
}

/**
 * The family name a word was before OCR read its Đ as b or p ("binh" → "Đinh", "Pang" → "Đặng");
 * null when the word is a family name already or would not be one with a Đ.
 */
export function familyNameBeforeLostD(word: string): string | null {
  if (!/^[bpBP]/.test(word) || isFamilyName(word)) return null;
  const restored = familyNames().get(`d${skeleton(word).slice(1)}`);
  return restored?.startsWith('Đ') ? restored : null;
}
