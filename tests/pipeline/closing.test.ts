import { describe, expect, it } from 'vitest';
import { closingStage } from '../../src/pipeline/stages/closing.js';
import { emptyDraft } from '../../src/pipeline/stage.js';
import { docFromLines, readTestData } from '../helpers.js';

function closing(lines: string[]) {
  const doc = docFromLines(lines);
  doc.data.bodyEnd = 0;
  const draft = emptyDraft();
  closingStage.run(doc, draft);
  return { draft, doc };
}

describe('closing stage', () => {
  it('separates merged recipient and signature columns (seed 003 gold)', () => {
    const lines = readTestData('003-lai-chau.gold.txt').split('\n');
    const { draft } = closing(lines);
    expect(draft.signer).toMatchObject({ authority: 'TM. ỦY BAN NHÂN DÂN', capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: null });
    expect(draft.recipients).toEqual(['Bộ Lao động - TB&XH', 'TT. Tỉnh ủy', 'Các Sở, ban, ngành tỉnh', 'UBND các huyện, thành phố']);
  });

  it('reads the signer name under the title and stops recipients at "Lưu"', () => {
    const { draft } = closing(['văn bản', 'Nơi nhận:', '- Sở LĐTB&XH;', '- UBND các xã, thị trấn;', '- Lưu: VT.', '', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '', 'Nguyễn Văn An']);
    expect(draft.signer).toMatchObject({ authority: 'TM. ỦY BAN NHÂN DÂN', capacity: null, title: 'CHỦ TỊCH', name: 'Nguyễn Văn An' });
    expect(draft.recipients).toEqual(['Sở LĐTB&XH', 'UBND các xã, thị trấn']);
  });

  it('copes with OCR damage in the closing block (": Noi nhgn", "KT,")', () => {
    const { draft } = closing(['x', ': Noi nhgn: TM. UY BAN NHAN DAN', '- Bo Lao dong (de b/c);', '- TT. Tinh uy; KT, CHU TICH', 'PHO CHU TICH', '- U;', '- Luu VT.']);
    expect(draft.signer.capacity).toBe('KT. CHU TICH');
    expect(draft.signer.title).toBe('PHO CHU TICH');
    expect(draft.recipients).toEqual(['Bo Lao dong', 'TT. Tinh uy']);
  });
});

describe('signer in every layout', () => {
  it('a name OCR ran into a recipient line with one space, when it starts with a family name', () => {
    const { draft } = closing(['x', 'Nơi nhận: TM. ỦY BAN NHÂN DÂN', '- Sở Khoa học và Công nghệ (b/c); CHỦ TỊCH', '- Công an tỉnh (b/c); Ban Tuyên Giáo', '- Lưu: VT, VP. Trần Minh Khoa']);
    expect(draft.signer).toMatchObject({ title: 'CHỦ TỊCH', name: 'Trần Minh Khoa' });
    // with a rank before it
    expect(closing(['x', 'Nơi nhận: KT. TỔ TRƯỞNG', '- UBND các tỉnh (để báo cáo);', '- Lưu: VT, P5. NMC (100b). Đại tá Bùi Duy Hưng']).draft.signer.name).toBe('Bùi Duy Hưng');
    // capitalised words that do not start with a family name stay a recipient's
    expect(closing(['x', 'Nơi nhận: TM. ỦY BAN NHÂN DÂN', '- Sở Y tế; CHỦ TỊCH', '- Sở Nội vụ; Ban Tuyên Giáo', '- Lưu: VT.']).draft.signer.name).toBeNull();
  });

  it("puts back a family name's Đ that OCR read as b or p, with a warning", () => {
    const { draft, doc } = closing(['x', 'Nơi nhận:', '- UBND tỉnh (b/c);', '- Lưu: VT, VP.', 'GIÁM ĐỐC', 'binh Quang Huy']);
    expect(draft.signer).toMatchObject({ title: 'GIÁM ĐỐC', name: 'Đinh Quang Huy' });
    expect(doc.warnings.map((w) => w.code)).toContain('signer-name-repaired');
    // a family name that starts with B or P is kept
    expect(closing(['x', 'Nơi nhận:', '- Lưu: VT.', 'GIÁM ĐỐC', 'Phan Văn Bình']).draft.signer.name).toBe('Phan Văn Bình');
  });

  it('two columns on the same lines: the name after a wide gap beside "Lưu"', () => {
    const { draft } = closing(['x', 'Nơi nhận:                                        TM. ỦY BAN NHÂN DÂN', '- Sở Khoa học và Công nghệ (b/c);                      CHỦ TỊCH', '- Công an tỉnh (b/c);', '- Lưu: VT, VP.                                        Trần Minh Khoa']);
    expect(draft.signer).toMatchObject({ authority: 'TM. ỦY BAN NHÂN DÂN', capacity: null, title: 'CHỦ TỊCH', name: 'Trần Minh Khoa' });
    expect(draft.recipients).toEqual(['Sở Khoa học và Công nghệ', 'Công an tỉnh']);
  });

  it('a Word table rendered as "Nơi nhận: … | KT. GIÁM ĐỐC" lines, with "(Đã ký)" before the name', () => {
    const { draft } = closing(['x', 'Nơi nhận: | KT. GIÁM ĐỐC', '- UBND tỉnh (b/c); | PHÓ GIÁM ĐỐC', '- Công an tỉnh; |', '- Lưu: VT, CCKL. | (Đã ký)', ' | Hoàng Thị Lan']);
    expect(draft.signer).toMatchObject({ authority: null, capacity: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Hoàng Thị Lan' });
    expect(draft.recipients).toEqual(['UBND tỉnh', 'Công an tỉnh']);
  });

  it('T/M. of an inspection team, its head, and the name printed far below the title (poppler layout text)', () => {
    const { draft } = closing([
      'x',
      'Nơi nhận:                                         T/M. ĐOÀN KIỂM TRA',
      '- Giám đốc Sở (để báo cáo và phê duyệt);',
      '- Văn phòng Sở (Bố trí kinh phí, phương              TRƯỞNG ĐOÀN',
      'tiện Phục vụ Đoàn kiểm tra);',
      '- Thành viên Đoàn (để thực hiện);',
      '- Lưu: VT, CN(M. Cường).',
      '', '', '',
      '                                                     Hoàng Văn Thuân',
      '                                                     PHÓ GIÁM ĐỐC',
    ]);
    expect(draft.signer).toMatchObject({ authority: 'TM. ĐOÀN KIỂM TRA', title: 'TRƯỞNG ĐOÀN', name: 'Hoàng Văn Thuân' });
  });

  it('Q. and TL. capacities, and a one-column block', () => {
    expect(closing(['x', 'Nơi nhận:', '- Như trên;', '- Lưu: VT.', 'Q. GIÁM ĐỐC', '', 'Lê Thị Hoa']).draft.signer).toMatchObject({ capacity: 'Q. GIÁM ĐỐC', name: 'Lê Thị Hoa' });
    expect(closing(['x', 'Nơi nhận:', '- Như trên;', '- Lưu: VT.', 'TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG', '', 'Đỗ Minh Tuấn']).draft.signer).toMatchObject({ capacity: 'TL. CHỦ TỊCH', title: 'CHÁNH VĂN PHÒNG', name: 'Đỗ Minh Tuấn' });
  });
});

describe('signature blocks without TM./KT. and the titles of boards, teams and offices', () => {
  it("reads a Thông báo signed by the office's head, below the recipients (Văn phòng UBND tỉnh Lào Cai, 2026)", () => {
    const { draft, doc } = closing([
      'x', 'Nơi nhận:', '- Thường trực Tỉnh ủy (b/c);', '- Chủ tịch, các Phó Chủ tịch UBND tỉnh;', '- Công ty Điện lực Lào Cai;',
      '- Các Ban QLDA đầu tư xây dựng tỉnh;', '- UBND các xã, phường có cụm công nghiệp;', '- Lưu: VT, TH.', '', 'CHÁNH VĂN PHÒNG', 'Lê Trí Hà',
    ]);
    expect(draft.signer).toMatchObject({ authority: null, capacity: null, title: 'CHÁNH VĂN PHÒNG', name: 'Lê Trí Hà' });
    expect(draft.recipients).toHaveLength(5);
    expect(doc.warnings.map((w) => w.code)).not.toContain('missing-signer');
  });

  it('reads TRƯỞNG TIỂU BAN, TRƯỞNG BAN, TRƯỞNG ĐOÀN, GIÁM ĐỐC as titles', () => {
    const { draft } = closing(['x', 'Nơi nhận:', '- Ủy ban bầu cử xã (Báo cáo);', '- Lưu Ban xây dựng Đảng.', 'TM. TIỂU BAN', 'TRƯỞNG TIỂU BAN', 'Nguyễn Văn Hoàn', 'TRƯỞNG BAN XÂY DỰNG ĐẢNG']);
    expect(draft.signer).toMatchObject({ authority: 'TM. TIỂU BAN', title: 'TRƯỞNG TIỂU BAN', name: 'Nguyễn Văn Hoàn' });
    for (const title of ['TRƯỞNG BAN', 'TRƯỞNG ĐOÀN', 'GIÁM ĐỐC', 'PHÓ TRƯỞNG BAN THƯỜNG TRỰC']) {
      const r = closing(['x', 'Nơi nhận:', '- Như trên;', '- Lưu: VT.', '', title, '', 'Trần Văn Bình']).draft.signer;
      expect([r.title, r.name]).toEqual([title, 'Trần Văn Bình']);
    }
  });

  it('does not take a capitalised heading of the body after the recipients for a title', () => {
    const { draft } = closing(['x', 'Nơi nhận:', '- Như trên;', '- Lưu: VT.', '', 'PHỤ LỤC', 'DANH MỤC CÁC CHỈ TIÊU']);
    expect(draft.signer.title).toBeNull();
  });
});
