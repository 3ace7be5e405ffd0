/** Case helpers for Vietnamese names written in capitals in headers ("TỈNH LAI CHÂU"). */

/** "LAI CHÂU" → "Lai Châu"; keeps abbreviations such as "TP." and Roman numerals as they are. */
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((w) => (w.length > 0 && /\p{L}/u.test(w[0]!) ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join('');
}

/** Share of letters that are capitals (0 when there are no letters). */
export function upperShare(text: string): number {
  let letters = 0;
  let upper = 0;
  for (const ch of text) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) upper++;
    }
  }
  return letters === 0 ? 0 : upper / letters;
}

/** Collapses runs of white space and trims. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "42- NQ/TW" (a line break or OCR space inside a document code) → "42-NQ/TW". */
export function tidyCodes(text: string): string {
  return text.replace(/(\d)\s*-\s+(-\s*)?(?=[A-ZĐ][A-Za-zĐđ]{0,5}\/)/gu, '$1-');
}
