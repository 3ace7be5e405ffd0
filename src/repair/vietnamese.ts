/**
 * Vietnamese orthography helpers: tone marks, skeletons (marks stripped), syllable
 * decomposition/composition with old-style tone placement (hòa, khóa, thủy), and case transfer.
 * Everything works on NFC strings.
 */

/** Vowels with their 6 tones: level, grave (huyền), acute (sắc), hook (hỏi), tilde (ngã), dot (nặng). */
const TONE_ROWS = [
  'aàáảãạ', 'ăằắẳẵặ', 'âầấẩẫậ', 'eèéẻẽẹ', 'êềếểễệ', 'iìíỉĩị',
  'oòóỏõọ', 'ôồốổỗộ', 'ơờớởỡợ', 'uùúủũụ', 'ưừứửữự', 'yỳýỷỹỵ',
];
const TONED = new Map<string, { base: string; tone: number }>();
const WITH_TONE = new Map<string, string>(); // base + tone digit -> char
for (const row of TONE_ROWS) {
  const chars = [...row];
  chars.forEach((ch, tone) => {
    TONED.set(ch, { base: chars[0]!, tone });
    WITH_TONE.set(chars[0]! + tone, ch);
  });
}
const SKELETON_OF: Record<string, string> = { 'ă': 'a', 'â': 'a', 'ê': 'e', 'ô': 'o', 'ơ': 'o', 'ư': 'u', 'đ': 'd' };

/** Lowercase letter without any mark (đ -> d). Non-Vietnamese characters are stripped of combining marks. */
const skeletonMemo = new Map<string, string>();
export function skeletonChar(ch: string): string {
  let s = skeletonMemo.get(ch);
  if (s === undefined) {
    s = computeSkeletonChar(ch);
    if (skeletonMemo.size < 10_000) skeletonMemo.set(ch, s);
  }
  return s;
}

function computeSkeletonChar(ch: string): string {
  const lower = ch.toLowerCase();
  const t = TONED.get(lower);
  const base = t ? t.base : lower;
  const s = SKELETON_OF[base];
  if (s) return s;
  return base.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Lowercase, marks stripped: "Trường" -> "truong". */
export function skeleton(s: string): string {
  let out = '';
  for (const ch of s) out += skeletonChar(ch);
  return out;
}

/** Split a lowercase syllable into toneless form and tone (0..5). */
export function splitTone(syl: string): { bare: string; tone: number } {
  let tone = 0;
  let bare = '';
  for (const ch of syl) {
    const t = TONED.get(ch);
    if (t && t.tone > 0) { tone = t.tone; bare += t.base; } else bare += ch;
  }
  return { bare, tone };
}

const VOWELS = new Set([...'aăâeêioôơuưy']);
const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x'];

/** Onset / rhyme split of a toneless lowercase syllable ("gi" and "qu" count as onsets when a vowel follows). */
export function splitOnset(bare: string): { onset: string; rhyme: string } {
  for (const o of ONSETS) {
    if (bare.startsWith(o) && bare.length > o.length) {
      const rest = bare.slice(o.length);
      if (o === 'gi' && !VOWELS.has(rest[0]!)) continue; // "gin" = g + in
      if (!VOWELS.has(rest[0]!)) continue;
      return { onset: o, rhyme: rest };
    }
  }
  if (bare === 'gi') return { onset: 'g', rhyme: 'i' };
  return { onset: '', rhyme: bare };
}

/**
 * Put tone on a toneless syllable using the old convention: a vowel with a quality mark
 * wins (ơ in ươ); otherwise with a final consonant the last vowel; otherwise in open
 * syllables the first of two vowels (hòa, thủy) or the middle of three.
 */
export function applyTone(bare: string, tone: number): string {
  if (tone === 0) return bare;
  const { onset, rhyme } = splitOnset(bare);
  const chars = [...rhyme];
  const vowelIdx: number[] = [];
  for (let i = 0; i < chars.length; i++) if (VOWELS.has(chars[i]!)) vowelIdx.push(i);
  if (vowelIdx.length === 0) return bare;
  let pos = -1;
  const marked = vowelIdx.filter((i) => 'ăâêôơư'.includes(chars[i]!));
  if (marked.length) pos = marked[marked.length - 1]!; // ươ -> ơ; uyê -> ê
  else {
    const last = vowelIdx[vowelIdx.length - 1]!;
    const closed = last < chars.length - 1;
    if (closed) pos = last;
    else if (vowelIdx.length === 1) pos = vowelIdx[0]!;
    else if (vowelIdx.length === 2) pos = vowelIdx[0]!;
    else pos = vowelIdx[1]!;
  }
  chars[pos] = WITH_TONE.get(chars[pos]! + tone) ?? chars[pos]!;
  return onset + chars.join('');
}

/** Re-place the tone of a lowercase syllable with the old convention (hoà -> hòa). */
export function normalizeTonePlacement(syl: string): string {
  const { bare, tone } = splitTone(syl);
  return tone ? applyTone(bare, tone) : syl;
}

const LETTER = /\p{L}/u;
/** Transfer the case pattern of `original` (ALL CAPS / Capitalised / lower) onto `word`. */
export function transferCase(original: string, word: string): string {
  const letters = [...original].filter((c) => LETTER.test(c));
  const upper = letters.filter((c) => c !== c.toLowerCase());
  if (letters.length >= 2 && upper.length === letters.length) return word.toUpperCase();
  // "S6" / "PIEU"-like tokens: first visible char decides capitalisation
  const first = [...original].find((c) => LETTER.test(c) || /\d/.test(c));
  // "Ié" for "lệ": a capital I standing for a lowercase l, the rest lowercase
  if (first === 'I' && word.startsWith('l') && letters.length >= 2 && upper.length === 1) return word;
  // English OCR reads a capital Đ as a lower-case b or p (bon vi = Đơn vị, biéu 1 = Điều 1; in the
  // aligned pairs 35 of 35 b/p-for-đ readings were capitals), a lower-case đ as d
  if ((first === 'b' || first === 'p') && word.startsWith('đ')) return 'Đ' + word.slice(1);
  if (first && LETTER.test(first) && first !== first.toLowerCase()) {
    if (letters.length >= 2 && upper.length >= letters.length - 1 && letters.length > 2) return word.toUpperCase();
    return word.charAt(0).toUpperCase() + word.slice(1);
  }
  return word;
}

export const TONE_COUNT = 6;
export function isVowel(ch: string): boolean { return VOWELS.has(ch); }

/** Text with every Vietnamese mark removed, case kept ("Đường" -> "Duong"): stripped-diacritics input. */
export function stripMarks(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    if (ch.charCodeAt(0) < 128) { out += ch; continue; }
    const k = skeletonChar(ch);
    out += ch !== ch.toLowerCase() ? k.toUpperCase() : k;
  }
  return out;
}
