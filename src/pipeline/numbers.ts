/**
 * Numbers as Vietnamese documents write them: "." groups thousands, "," marks
 * decimals ("74.900" = 74900, "62,8" = 62.8, "1.000,5" = 1000.5).
 */

/** A number as written ("62,8", "8.000", "10.000", "2.5"); null when it is not one. */
export function parseVietnameseNumber(raw: string): number | null {
  const s = raw.trim().replace(/\s+/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  let normal: string;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) {
    // Thousands grouped with dots, optional decimal comma.
    normal = s.replace(/\./g, '').replace(',', '.');
  } else if (/^\d+,\d+$/.test(s)) {
    normal = s.replace(',', '.');
  } else if (/^\d{1,3}(,\d{3})+$/.test(s) && s.split(',').length > 2) {
    // "1,000,000": English grouping (only when it cannot be a decimal).
    normal = s.replace(/,/g, '');
  } else if (/^\d+(\.\d+)?$/.test(s)) {
    normal = s;
  } else {
    return null;
  }
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

/** Pattern source for a number as written (digits with dot groups or a decimal comma). */
export const NUMBER_SOURCE = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?`;

/** Roman numeral I–XII (quarters, "khóa XI") as a number; null otherwise. */
export function smallRoman(raw: string): number | null {
  const table: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10, xi: 11, xii: 12 };
  return table[raw.toLowerCase()] ?? null;
}
