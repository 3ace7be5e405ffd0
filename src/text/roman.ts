/** Roman numerals, as plans number their parts (I., II., …) and Word numbers lists. */

const VALUES: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** n in Roman numerals (1..3999); other numbers as digits. */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 4000) return String(n);
  let out = '';
  for (const [v, s] of VALUES) while (n >= v) (out += s), (n -= v);
  return out;
}

/** The value of a Roman numeral written the canonical way ("IV", not "IIII"; capitals only), else null. */
export function romanNumber(s: string): number | null {
  if (!/^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(s) || s === '') return null;
  const single: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = single[s[i]!]!;
    const next = single[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}
