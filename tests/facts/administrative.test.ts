import { describe, expect, it } from 'vitest';
import { provinceBySkeleton, provinceSince2025, provinces2025 } from '../../src/facts/administrative.js';

describe('provinces before and after the 2025 arrangement', () => {
  it('lists the 34 provincial-level units in force since 1 July 2025', () => {
    const list = provinces2025();
    expect(list).toHaveLength(34);
    expect(list).toEqual(expect.arrayContaining(['Tuyên Quang', 'Lào Cai', 'Gia Lai', 'Lâm Đồng', 'Hồ Chí Minh', 'Huế', 'Cao Bằng']));
    expect(list).not.toContain('Bắc Giang');
  });
  it('keeps the old names and says which province took them in', () => {
    expect(provinceSince2025('Bắc Giang')?.name).toBe('Bắc Ninh');
    expect(provinceSince2025('Ha Giang')?.name).toBe('Tuyên Quang');
    expect(provinceSince2025('Bình Định')?.name).toBe('Gia Lai');
    expect(provinceSince2025('Lâm Đồng')).toEqual({ name: 'Lâm Đồng', kind: 'tỉnh', formedFrom: ['Lâm Đồng', 'Đắk Nông', 'Bình Thuận'] });
    expect(provinceSince2025('Phố Bảng')).toBeNull();
  });
  it('repairs damaged marks but not a name written with other marks', () => {
    expect(provinceBySkeleton('Bdc Giang')).toBe('Bắc Giang');
    expect(provinceBySkeleton('Đông Hải')).toBeNull();
    // a ward's name written as another well-formed syllable is that ward, not the province one letter away
    expect(provinceBySkeleton('Bình Minh')).toBeNull();
    expect(provinceBySkeleton('Lào Cal')).toBe('Lào Cai');
  });
});
