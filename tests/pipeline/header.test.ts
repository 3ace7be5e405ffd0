import { describe, expect, it } from 'vitest';
import { headerStage, formatIssuer, isoDate } from '../../src/pipeline/stages/header.js';
import { emptyDraft } from '../../src/pipeline/stage.js';
import { docFromLines, readTestData } from '../helpers.js';

function header(lines: string[]) {
  const doc = docFromLines(lines);
  const draft = emptyDraft();
  headerStage.run(doc, draft);
  return { header: draft.document, doc };
}

describe('header stage', () => {
  it('reads a clean two-column header', () => {
    const { header: h } = header(readTestData('003-lai-chau.gold.txt').split('\n'));
    expect(h).toEqual({
      type: 'KH',
      typeName: 'Kế hoạch',
      number: '767/KH-UBND',
      issuer: 'Ủy ban nhân dân tỉnh Lai Châu',
      issuerParent: null,
      issuerHierarchy: ['Ủy ban nhân dân tỉnh Lai Châu'],
      place: 'Lai Châu',
      date: '2021-03-31',
      title:
        'Triển khai thực hiện Kết luận số 92-KL/TW ngày 05/11/2020 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết Hội nghị Trung ương 5 (khóa XI) về một số vấn đề chính sách xã hội giai đoạn 2012 - 2020 trên địa bàn tỉnh Lai Châu',
    });
  });

  it('keeps what survives in damaged text: digits, codes, the place', () => {
    const { header: h } = header(readTestData('003-lai-chau.ocr.txt').split('\n'));
    expect(h.number).toBe('767/KH-UBND');
    expect(h.date).toBe('2021-03-31');
    expect(h.type).toBe('KH');
    expect(h.place).toBe('Lai Châu');
    expect(h.issuer).toBe('Ủy ban nhân dân tỉnh Lai Châu');
  });

  it('leaves out the motto when OCR breaks VIỆT NAM onto a line of its own', () => {
    const { header: h } = header(['UBND TỈNH TUYÊN QUANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA', 'VIỆT NAM', 'SỞ NÔNG NGHIỆP | Độc lập - Tự do - Hạnh phúc', 'VÀ MÔI TRƯỜNG', 'Số: 12/KH-SNNMT Tuyên Quang, ngày 05 tháng 3 năm 2026', 'KẾ HOẠCH', 'Trồng rừng năm 2026']);
    expect(h).toMatchObject({ issuer: 'Sở Nông nghiệp và Môi trường tỉnh Tuyên Quang', issuerParent: 'Ủy ban nhân dân tỉnh Tuyên Quang' });
  });

  it('reads a scan header whose number and day were handwritten, and not a cited date below it', () => {
    // as OCR reads a real 2026 scan: the seal's junk beside the school's name, "đỗ" for the handwritten day
    const { header: h, doc } = header(['BỘ CÔNG THƯƠNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'A Độc lập - Tự do - Hạnh phúc', 'TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG', 'THÀNH PHỐ HỒ CHÍ MINH', 'Thành phố Hồ Chí Minh, ngày đỗ tháng 6 năm 2026', 'số: ÉŠ/KH-DCT', 'KẾ HOẠCH', 'Khảo sát chỉ số hài lòng năm 2026', 'Căn cứ Quyết định số 2034/QĐ-BGDĐT ngày 13 tháng 7 năm 2023 của Bộ Giáo dục và Đào tạo;']);
    expect(h).toMatchObject({ type: 'KH', number: null, issuerParent: 'Bộ Công Thương', place: 'Thành phố Hồ Chí Minh', date: '2026-06', title: 'Khảo sát chỉ số hài lòng năm 2026' });
    expect(doc.warnings.find((w) => w.code === 'blank-number')?.message).toContain('not legible');
    expect(doc.warnings.map((w) => w.code)).toContain('blank-date');
  });

  it('reads a number whose slash OCR made a tick, and no day from a day read as junk', () => {
    const { header: h } = header(['BỘ CÔNG AN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TỔ CÔNG TÁC LIÊN NGÀNH TW Độc lập - Tự do - Hạnh phúc', 'Só:ØÓ6` KH-TCTLNTW-C04 Hà Nội, ngày4$ tháng năm 2026', 'KẾ HOẠCH', 'Phối hợp kiểm soát năm 2026']);
    expect(h).toMatchObject({ type: 'KH', number: null, issuer: 'Tổ công tác liên ngành TW', issuerParent: 'Bộ Công an', place: 'Hà Nội', date: '2026' });
    // digits glued to the month word are still the day
    expect(header(['UBND TỈNH LAI CHÂU', 'Số: 7/KH-UBND Lai Châu, ngày 12tháng 3năm 2024', 'KẾ HOẠCH', 'Việc làm']).header.date).toBe('2024-03-12');
  });

  it('reads the damaged header line of the issue', () => {
    const { header: h } = header(['UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM', 'TINH BAC GIANG Poc lap - Ty do - Hanh phiic', 'S6: 30 /KH-UBND Bdc Giang, ngay 30 thdng 4 ndm 2024', 'KE HOACH', '', 'Thuc hién Nghi quyét so 42- NQ/TW', '']);
    expect(h.number).toBe('30/KH-UBND');
    expect(h.date).toBe('2024-04-30');
    expect(h.issuer).toBe('Ủy ban nhân dân tỉnh Bắc Giang');
    expect(h.place).toBe('Bắc Giang');
    expect(h.type).toBe('KH');
  });

  it('leaves blanks blank: no number, a year-only date, with warnings', () => {
    const { header: h, doc } = header(['ỦY BAN NHÂN DÂN', 'HUYỆN BÌNH LỤC', 'Số: /KH-UBND', 'Bình Lục, ngày tháng năm 2021', 'KẾ HOẠCH', 'Về việc X', '']);
    expect(h.number).toBeNull();
    expect(h.type).toBe('KH');
    expect(h.date).toBe('2021');
    expect(h.place).toBe('Bình Lục');
    expect(h.issuer).toBe('Ủy ban nhân dân huyện Bình Lục');
    expect(doc.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['blank-number', 'blank-date']));
  });

  it('infers the issuer from the preamble when the header is missing, and says so', () => {
    const lines = readTestData('004-binh-luc.md').split('\n').map((l) => l.replace(/[*#]/g, '').trim());
    const { header: h, doc } = header(lines);
    expect(h.issuer).toBe('Ủy ban nhân dân huyện Bình Lục');
    expect(doc.warnings.some((w) => w.code === 'issuer-inferred')).toBe(true);
  });

  it('takes the unit word from the raw text when the repair lost it', () => {
    const doc = docFromLines(['UY BAN NHAN DAN', 'PHUONG BAC SON', 'S6:82 /KH-UBND Bdc Son, ngay 20 thang 7 nam 2024', 'KE HOACH', 'X', '']);
    const repaired = ['ỦY BAN NHÂN DÂN', 'PHÒNG BẮC SƠN', 'Số: 82 /KH-UBND Bắc Sơn, ngày 20 tháng 7 năm 2024', 'KẾ HOẠCH', 'X', ''];
    doc.lines.forEach((l, i) => (l.text = repaired[i]!));
    const draft = emptyDraft();
    headerStage.run(doc, draft);
    expect(draft.document.issuer).toBe('Ủy ban nhân dân phường Bắc Sơn');
  });

  it('keeps the year in numbers like 12/2024/QĐ-UBND', () => {
    const { header: h } = header(['ỦY BAN NHÂN DÂN', 'TỈNH HÀ NAM', 'Số: 12/2024/QĐ-UBND Hà Nam, ngày 5 tháng 2 năm 2024', 'QUYẾT ĐỊNH', 'Ban hành X', '']);
    expect(h.number).toBe('12/2024/QĐ-UBND');
    expect(h.type).toBe('QĐ');
    expect(h.typeName).toBe('Quyết định');
    expect(h.date).toBe('2024-02-05');
  });
});

describe('header helpers', () => {
  it('formats issuers from capitals or damaged text', () => {
    expect(formatIssuer('ỦY BAN NHÂN DÂN TỈNH LAI CHÂU', null)).toBe('Ủy ban nhân dân tỉnh Lai Châu');
    expect(formatIssuer('UY BAN NHAN DAN PHUONG BAC SON', 'Bắc Sơn')).toBe('Ủy ban nhân dân phường Bắc Sơn');
  });
  it('builds ISO dates and refuses impossible ones', () => {
    expect(isoDate('2021', '3', '31')).toBe('2021-03-31');
    expect(isoDate('2021', '2', '30')).toBe('2021-02');
    expect(isoDate('2021')).toBe('2021');
    expect(isoDate('1021', '1', '1')).toBeNull();
  });
});

describe('issuer blocks read as a hierarchy', () => {
  const read = (lines: string[]) => {
    const doc = docFromLines(lines);
    const draft = emptyDraft();
    headerStage.run(doc, draft);
    return draft.document;
  };
  it('a department under its province: "UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ"', () => {
    const d = read(['UBND TỈNH LÂM ĐỒNG                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ NỘI VỤ                              Độc lập - Tự do - Hạnh phúc', 'Số: 12/KH-SNV                Lâm Đồng, ngày 5 tháng 1 năm 2026', 'KẾ HOẠCH', 'Về việc thử']);
    expect([d.issuer, d.issuerParent, d.issuerHierarchy]).toEqual(['Sở Nội vụ tỉnh Lâm Đồng', 'Ủy ban nhân dân tỉnh Lâm Đồng', ['Ủy ban nhân dân tỉnh Lâm Đồng', 'Sở Nội vụ tỉnh Lâm Đồng']]);
  });
  it('an inspection team under a department keeps both, and the date above the number gives the place', () => {
    const d = read(['   SỞ CÔNG THƯƠNG                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '    ĐOÀN KIỂM TRA                         Độc lập - Tự do - Hạnh Phúc', '  THEO QUYẾT ĐỊNH', '   SỐ 1050/QĐ-SCT                      Lào Cai, ngày 10 tháng 3 năm 2026', '', '     Số: 1105/KH-ĐKT', '', '                               KẾ HOẠCH', 'Kiểm tra việc chấp hành']);
    // the block names no province: the place line gives it, with a warning
    expect([d.number, d.issuer, d.issuerParent, d.place, d.date]).toEqual(['1105/KH-ĐKT', 'Đoàn kiểm tra theo Quyết định số 1050/QĐ-SCT', 'Sở Công Thương tỉnh Lào Cai', 'Lào Cai', '2026-03-10']);
  });
  it('a department that names no province takes it from the text that names the department with one, and says where', () => {
    const doc = docFromLines(['   SỞ Y TẾ                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '    ĐOÀN KIỂM TRA                         Độc lập - Tự do - Hạnh Phúc', '     Số: 15/KH-ĐKT          Buôn Ma Thuột, ngày 10 tháng 3 năm 2026', '', 'KẾ HOẠCH', 'Kiểm tra an toàn thực phẩm', '', 'Thực hiện Quyết định số 99/QĐ-SYT ngày 06/3/2026 của Giám đốc Sở', 'Y tế tỉnh Đắk Lắk về việc kiểm tra;']);
    const draft = emptyDraft();
    headerStage.run(doc, draft);
    expect([draft.document.issuerParent, draft.document.issuerHierarchy[0]]).toEqual(['Sở Y tế tỉnh Đắk Lắk', 'Sở Y tế tỉnh Đắk Lắk']);
    expect(doc.warnings.filter((w) => w.code === 'issuer-parent-completed').map((w) => w.source?.line)).toEqual([8]);
    // no province anywhere (a town as the place): the name stays as the block writes it, no warning
    const bare = read(['   SỞ Y TẾ                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '    ĐOÀN KIỂM TRA                         Độc lập - Tự do - Hạnh Phúc', '     Số: 15/KH-ĐKT          Buôn Ma Thuột, ngày 10 tháng 3 năm 2026', 'KẾ HOẠCH', 'Kiểm tra']);
    expect(bare.issuerParent).toBe('Sở Y tế');
  });
  it('a Word table header: no cell borders in the issuer, a name on two lines joined', () => {
    const d = read(['UBND TỈNH TUYÊN QUANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ NÔNG NGHIỆP | Độc lập - Tự do - Hạnh phúc', 'VÀ MÔI TRƯỜNG |', 'Số: 45/KH-SNNMT | Tuyên Quang, ngày 08 tháng 01 năm 2026', 'KẾ HOẠCH', 'Về việc thử']);
    expect([d.issuer, d.issuerParent, d.place]).toEqual(['Sở Nông nghiệp và Môi trường tỉnh Tuyên Quang', 'Ủy ban nhân dân tỉnh Tuyên Quang', 'Tuyên Quang']);
    const one = read(['| ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |', '| Số: /KH-UBND | Lâm Đồng, ngày tháng năm 2025 |', 'KẾ HOẠCH', 'Về việc thử']);
    expect([one.issuer, one.issuerParent, one.issuerHierarchy]).toEqual(['Ủy ban nhân dân tỉnh Lâm Đồng', null, ['Ủy ban nhân dân tỉnh Lâm Đồng']]);
  });
  it('a part named after its parent: the office of a People\'s Committee, the standing board of a Front committee', () => {
    const vp = read(['UBND TỈNH LÀO CAI', 'VĂN PHÒNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: /TB-VP', 'Lào Cai, ngày tháng 6 năm 2026', '', 'THÔNG BÁO', 'Kết luận của đồng chí Chủ tịch']);
    expect([vp.issuer, vp.issuerParent]).toEqual(['Văn phòng Ủy ban nhân dân tỉnh Lào Cai', 'Ủy ban nhân dân tỉnh Lào Cai']);
    const bt = read(['ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BAN THƯỜNG TRỰC | Độc lập - Tự do - Hạnh phúc', 'Số: 12/KH-MTTQ | Lương Minh, ngày 25 tháng 11 năm 2025', 'KẾ HOẠCH', 'Tổ chức hội nghị hiệp thương']);
    expect(bt.issuer).toBe('Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh');
    // A department under its province is named with the province, not after the People's Committee.
    expect(read(['UBND TỈNH LÀO CAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ CÔNG THƯƠNG | Độc lập - Tự do - Hạnh phúc', 'Số: 5/KH-SCT | Lào Cai, ngày 1 tháng 4 năm 2026', 'KẾ HOẠCH', 'Về việc thử']).issuer).toBe('Sở Công Thương tỉnh Lào Cai');
    // a centrally-run city's department: "thành phố" as the unit
    expect(read(['UBND THÀNH PHỐ HÀ NỘI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ | Độc lập - Tự do - Hạnh phúc', 'Số: 5/KH-SKHCN | Hà Nội, ngày 1 tháng 4 năm 2026', 'KẾ HOẠCH', 'Về việc thử']).issuer).toBe('Sở Khoa học và Công nghệ thành phố Hà Nội');
  });
  it('the last line of the block keeps its number when the place and date follow it after one space (a PDF text layer)', () => {
    const d = read(['SỞ CÔNG THƯƠNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'ĐOÀN KIỂM TRA Độc lập - Tự do - Hạnh Phúc', 'THEO QUYẾT ĐỊNH', 'SỐ 1050/QĐ-SCT Lào Cai, ngày 10 tháng 3 năm 2026', 'Số: 1105/KH-ĐKT', 'KẾ HOẠCH', 'Kiểm tra việc chấp hành']);
    expect([d.issuer, d.issuerParent, d.place]).toEqual(['Đoàn kiểm tra theo Quyết định số 1050/QĐ-SCT', 'Sở Công Thương tỉnh Lào Cai', 'Lào Cai']);
  });
  it('a ward is not a province that looks like it ("Đông Hải" is not Đồng Nai)', () => {
    const d = read(['ỦY BAN NHÂN DÂN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'PHƯỜNG ĐÔNG HẢI                              Độc lập - Tự do - Hạnh phúc', 'Số: 214/KH-UBND                            Đông Hải, ngày 15 tháng 9 năm 2025', 'KẾ HOẠCH', 'Về việc thử']);
    expect([d.issuer, d.place]).toEqual(['Ủy ban nhân dân phường Đông Hải', 'Đông Hải']);
  });
});

describe('a date wrapped in its header cell', () => {
  it('is read across the break wherever it falls after "ngày" (a long place in a Word export\'s cell)', () => {
    const top = ['ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'PHƯỜNG SÀI GÒN Độc lập - Tự do - Hạnh phúc'];
    for (const [first, second] of [
      ['Số: 342/KH-UBND Phường Sài Gòn, ngày 03 tháng 3 năm', '2026'],
      ['Số: 342/KH-UBND Phường Sài Gòn, ngày 03 tháng', '3 năm 2026'],
      ['Số: 342/KH-UBND Phường Sài Gòn, ngày', '03 tháng 3 năm 2026'],
    ] as const) {
      const { header: h } = header([...top, first, second, 'KẾ HOẠCH', 'Chỉnh trang đô thị năm 2026', 'Căn cứ Luật Tổ chức chính quyền địa phương;']);
      expect([h.number, h.place, h.date, h.title]).toEqual(['342/KH-UBND', 'Phường Sài Gòn', '2026-03-03', 'Chỉnh trang đô thị năm 2026']);
    }
  });
});

describe('the end of a wrapped issuer before the place', () => {
  it('is no part of the place ("VÀ DU LỊCH Lạng Sơn, ngày …"); "TP. Hồ Chí Minh" keeps its "TP."', () => {
    const { header: h } = header([
      'UBND TỈNH LẠNG SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ VĂN HÓA, THỂ THAO Độc lập - Tự do - Hạnh phúc',
      'VÀ DU LỊCH Lạng Sơn, ngày 08 tháng 01 năm 2026',
      'Số: 05/CTr-SVHTTDL',
      'CHƯƠNG TRÌNH',
      'Công tác trọng tâm năm 2026',
    ]);
    expect([h.number, h.place, h.date, h.issuer]).toEqual(['05/CTr-SVHTTDL', 'Lạng Sơn', '2026-01-08', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn']);
    const { header: hcm } = header(['ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'PHƯỜNG SÀI GÒN Độc lập - Tự do - Hạnh phúc', 'Số: 12/KH-UBND TP. Hồ Chí Minh, ngày 03 tháng 3 năm 2026', 'KẾ HOẠCH', 'Chỉnh trang đô thị']);
    expect(hcm.date).toBe('2026-03-03');
    expect(hcm.place).toMatch(/Hồ Chí Minh/u);
  });
});
