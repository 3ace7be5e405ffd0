import { describe, expect, it } from 'vitest';
import { romanNumber, toRoman } from '../../src/text/roman.js';

describe('Roman numerals', () => {
  it('writes and reads them both ways', () => {
    for (let n = 1; n <= 60; n++) expect(romanNumber(toRoman(n))).toBe(n);
    expect([toRoman(4), toRoman(9), toRoman(14), toRoman(49), toRoman(1999)]).toEqual(['IV', 'IX', 'XIV', 'XLIX', 'MCMXCIX']);
  });
  it('reads only numerals written the canonical way, in capitals', () => {
    expect([romanNumber('IIII'), romanNumber('iv'), romanNumber('HI'), romanNumber(''), romanNumber('VX')]).toEqual([null, null, null, null, null]);
  });
  it('writes numbers it cannot as digits', () => {
    expect([toRoman(0), toRoman(4000), toRoman(2.5)]).toEqual(['0', '4000', '2.5']);
  });
});
