/**
 * Rules that the blind documents of session 11 showed missing (a Tỉnh ủy Chương trình hành động, an đặc khu plan
 * with pipe tables, a 2021 district plan, and the Phú Thọ / Đắk Lắk plans), each checked on text written here.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/index.js';
import { proseAgencies } from '../../src/pipeline/agency-phrases.js';
import { parseDeadlines } from '../../src/pipeline/deadlines.js';
import { findTargets } from '../../src/pipeline/targets.js';
import { kindOfHeading } from '../../src/pipeline/stages/sections.js';
import { AgencyRegistry } from '../../src/facts/agencies.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile } from '../../src/extract.js';
import { docFromLines } from '../helpers.js';

const names = (list: { name: string }[]) => list.map((a) => a.name);
const registry = AgencyRegistry.load();
const scan = (text: string) => registry.scan(text).map((m) => `${m.agency.name}${m.agency.kind === 'group' ? ' [group]' : ''}`);
const kinds = (text: string, strict = false) => parseDeadlines(text, { strict }).map(({ text: _t, ...rest }) => rest);

describe('a Party document', () => {
  const r = runPipeline(docFromLines([
    '        TỈNH ỦY HÀ TĨNH                         ĐẢNG CỘNG SẢN VIỆT NAM',
    '               *',
    '                                              Hà Tĩnh, ngày 05 tháng 9 năm 2025',
    '       Số 27-CTr/TU',
    '',
    '                         CHƯƠNG TRÌNH HÀNH ĐỘNG',
    '          thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị',
    '                                   -----',
    '',
    'Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy xây dựng Chương trình hành động như sau:',
    'I. NHIỆM VỤ, GIẢI PHÁP',
    '1. Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện; hoàn thành trong quý IV/2025.',
    '2. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với Hiệp hội Doanh nghiệp tỉnh tôn vinh doanh nghiệp đổi mới sáng tạo nhân ngày 13/10 hằng năm.',
    'II. TỔ CHỨC THỰC HIỆN',
    '1. Các đảng ủy trực thuộc Tỉnh ủy: xây dựng kế hoạch thực hiện trước ngày 30/10/2025.',
    '',
    'Nơi nhận:                                        T/M BAN THƯỜNG VỤ',
    '- Ban Bí thư (để b/c),                          PHÓ BÍ THƯ THƯỜNG TRỰC',
    '- Lưu Văn phòng Tỉnh ủy.',
    '                                                       Nguyễn Văn A',
  ]));
  it('reads the number "Số 27-CTr/TU" (no colon, a dash before the type), the issuer and a title that ends at its rule', () => {
    expect([r.document.type, r.document.number, r.document.issuer, r.document.place, r.document.date]).toEqual(['CTr', '27-CTr/TU', 'Tỉnh ủy Hà Tĩnh', 'Hà Tĩnh', '2025-09-05']);
    expect(r.document.title).toBe('thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị');
  });
  it('reads the signature of a Party committee: T/M BAN THƯỜNG VỤ (written TM.), PHÓ BÍ THƯ THƯỜNG TRỰC', () => {
    expect([r.signer.authority, r.signer.capacity, r.signer.title, r.signer.name]).toEqual(['TM. BAN THƯỜNG VỤ', null, 'PHÓ BÍ THƯ THƯỜNG TRỰC', 'Nguyễn Văn A']);
  });
  it('takes the Party committee of a body as one lead, a Hiệp hội as a partner, a day and month "hằng năm" as annual', () => {
    expect(r.tasks.map((t) => [t.id, names(t.lead), names(t.support)])).toEqual([
      ['1', ['Đảng ủy Ủy ban nhân dân tỉnh'], []],
      ['2', ['Ban Tuyên giáo và Dân vận Tỉnh ủy'], ['Hiệp hội Doanh nghiệp tỉnh']],
    ]);
    expect(r.tasks[1]!.deadlines.map(({ text: _t, ...d }) => d)).toEqual([{ kind: 'annual', month: 10, day: 13 }]);
    expect(r.responsibilities.map((x) => [x.agency.name, x.agency.kind])).toEqual([['Các đảng ủy trực thuộc Tỉnh ủy', 'group']]);
  });
  it('still reads a number cited in a sentence only in the "Số:" form of the header', () => {
    const plain = runPipeline(docFromLines(['ỦY BAN NHÂN DÂN', 'TỈNH Y', 'KẾ HOẠCH', 'Thực hiện Chương trình số 15-CTr/TU của Tỉnh ủy', '']));
    expect(plain.document.number).toBeNull();
  });
});

describe('agencies', () => {
  it('reads the Party organisation of a body as one body, and the committees of Đoàn by their level', () => {
    expect(scan('Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo')).toEqual(['Đảng ủy Ủy ban nhân dân tỉnh']);
    expect(scan('Đảng đoàn HĐND tỉnh giám sát')).toEqual(['Đảng đoàn Hội đồng nhân dân tỉnh']);
    expect(scan('Đảng ủy xã, Công an xã')).toEqual(['Đảng ủy xã', 'Công an xã']);
    expect(scan('Huyện đoàn, Tỉnh đoàn và Đoàn Thanh niên Cộng sản Hồ Chí Minh xã')).toEqual(['Huyện đoàn', 'Tỉnh đoàn', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh xã']);
  });
  it('keeps the number of a regional branch and expands joined abbreviations of a centre', () => {
    expect(scan('Ngân hàng Nhà nước Chi nhánh Khu vực 10 công khai')).toEqual(['Ngân hàng Nhà nước chi nhánh khu vực 10']);
    expect(scan('Trung tâm GDNN-GDTX huyện chủ trì')).toEqual(['Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện']);
  });
  it('keeps the words that say which members of a group are meant, up to a verb, a function word or a separator', () => {
    expect(scan('Sở Tài chính và các doanh nghiệp viễn thông rà soát vùng lõm sóng')).toEqual(['Sở Tài chính', 'các doanh nghiệp viễn thông [group]']);
    expect(scan('các cơ sở kinh doanh du lịch tổ chức')).toEqual(['các cơ sở kinh doanh du lịch [group]']);
    expect(scan('các doanh nghiệp trên địa bàn tỉnh')).toEqual(['các doanh nghiệp trên địa bàn tỉnh [group]']);
    expect(scan('các đơn vị có liên quan')).toEqual(['các đơn vị có liên quan [group]']);
    // Too long to be sure where it ends: the group stays as the registry knows it.
    expect(scan('các doanh nghiệp chế biến gỗ xuất khẩu quy mô lớn')).toEqual(['các doanh nghiệp [group]']);
  });
  it('reads "X (chủ trì); Y, Z (phối hợp)"', () => {
    const r = proseAgencies('Trách nhiệm: Sở Nội vụ (chủ trì); Sở Khoa học và Công nghệ, Sở Giáo dục và Đào tạo (phối hợp). Thời hạn: năm 2026.');
    expect([names(r.lead), names(r.support)]).toEqual([['Sở Nội vụ'], ['Sở Khoa học và Công nghệ', 'Sở Giáo dục và Đào tạo']]);
  });
});

describe('deadlines with an en dash, and a day and month "hằng năm" with no cue', () => {
  it('reads year, month and day ranges written with "–"', () => {
    expect(kinds('Thời gian thực hiện: năm 2026–2030', true)).toEqual([{ kind: 'range', from: '2026', to: '2030' }]);
    expect(kinds('từ tháng 01 – 4/2026')).toEqual([{ kind: 'range', from: '2026-01', to: '2026-04' }]);
    expect(kinds('từ ngày 01/3 – 30/4/2026')).toEqual([{ kind: 'range', from: '2026-03-01', to: '2026-04-30' }]);
  });
  it('does not read other symbols between years as a range', () => {
    expect(kinds('Thời gian: 2026×2030', true)).toEqual([]);
  });
  it('reads "13/10 hằng năm" as an annual day', () => {
    expect(kinds('nhân ngày Doanh nhân Việt Nam 13/10 hằng năm.', true)).toEqual([{ kind: 'annual', month: 10, day: 13 }]);
  });
});

describe('tables written as bare pipe rows', () => {
  it('reads a row that opens with a pipe as the wrapped end of the row above', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-extract-'));
    const file = join(dir, 'bare-pipes.txt');
    writeFileSync(file, [
      'ỦY BAN NHÂN DÂN', 'TỈNH Y', 'Số: 7/KH-UBND                 Y, ngày 3 tháng 3 năm 2026', 'KẾ HOẠCH', 'Phòng, chống thiên tai', '',
      'I. NHIỆM VỤ',
      'TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện',
      '1 | Tập huấn kỹ năng cho lực lượng xung kích cấp xã | Chi cục Thủy lợi | Hội Nông dân tỉnh | Quý II/2026',
      '  | và người dân vùng ven sông, suối |  |  |',
      '2 | Tổng hợp, báo cáo kết quả | Văn phòng Sở | Sở Tài chính | Trước ngày 15/12/2026',
    ].join('\n'));
    const r = await extractFile(file);
    rmSync(dir, { recursive: true });
    expect(r.tasks.map((t) => [t.id, t.title, names(t.lead), names(t.support)])).toEqual([
      ['1', 'Tập huấn kỹ năng cho lực lượng xung kích cấp xã và người dân vùng ven sông, suối', ['Chi cục Thủy lợi'], ['Hội Nông dân tỉnh']],
      ['2', 'Tổng hợp, báo cáo kết quả', ['Văn phòng Sở'], ['Sở Tài chính']],
    ]);
  });
});

describe('counts and part kinds', () => {
  it('counts "lượt người dân" in "lượt", "lượt người" alone in "lượt người"', () => {
    expect(findTargets('Phổ biến kiến thức cho 1.200 lượt người dân vùng ngập lụt.').map((t) => t.target.unit)).toEqual(['lượt']);
    expect(findTargets('Khám sàng lọc cho 3.000 lượt người.').map((t) => t.target.unit)).toEqual(['lượt người']);
  });
  it('keeps a part that opens with its tasks a tasks part whatever follows ("… VÀ PHÂN CÔNG THỰC HIỆN")', () => {
    expect(kindOfHeading('NHIỆM VỤ, GIẢI PHÁP VÀ PHÂN CÔNG THỰC HIỆN')).toBe('tasks');
    expect(kindOfHeading('NỘI DUNG, GIẢI PHÁP TRỌNG TÂM VÀ PHÂN CÔNG NHIỆM VỤ')).toBe('solutions');
  });
});

describe('a police plan and a health department plan (written after the first fixes)', () => {
  it('keeps every part of an issuer code in the number, and a signer name after a rank', () => {
    const r = runPipeline(docFromLines([
      '        BỘ CÔNG AN                         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      '   CÔNG AN TỈNH NGHỆ AN                       Độc lập - Tự do - Hạnh phúc',
      '   Số: 88/KH-CAT-PV01                      Nghệ An, ngày 06 tháng 01 năm 2026',
      '                                   KẾ HOẠCH',
      '               Phòng, chống tội phạm năm 2026',
      '',
      'I. NHIỆM VỤ',
      '1. Phòng Cảnh sát hình sự (PC02) chủ trì, phối hợp với Phòng Tham mưu (PV01), Công an các xã, phường tấn công trấn áp tội phạm; thời gian: năm 2026.',
      '2. Phòng Cảnh sát kinh tế (PC03) phối hợp với Phòng Cảnh sát hình sự điều tra, xử lý các vụ buôn lậu; hoàn thành trong quý II/2026.',
      'II. TỔ CHỨC THỰC HIỆN',
      '1. Phòng Hậu cần (PH10): bảo đảm kinh phí, phương tiện.',
      '',
      'Nơi nhận:                                              KT. GIÁM ĐỐC',
      '- Lưu: VT, PV01.                                       PHÓ GIÁM ĐỐC',
      '',
      '                                                    Thiếu tướng Trần Văn B',
    ]));
    expect([r.document.number, r.document.issuer, r.document.issuerParent]).toEqual(['88/KH-CAT-PV01', 'Công an tỉnh Nghệ An', 'Bộ Công an']);
    expect(r.signer.name).toBe('Trần Văn B');
    expect(r.tasks.map((t) => [t.id, names(t.lead), names(t.support)])).toEqual([
      ['1', ['Phòng Cảnh sát hình sự'], ['Phòng Tham mưu', 'Công an các xã, phường']],
      ['2', ['Phòng Cảnh sát kinh tế'], ['Phòng Cảnh sát hình sự']],
    ]);
    expect(r.responsibilities.map((x) => x.agency.name)).toEqual(['Phòng Hậu cần']);
  });
  it('reads "Công an các xã, phường" and "Trạm Y tế các xã" as groups', () => {
    expect(scan('Công an các xã, phường, đặc khu tuyên truyền')).toEqual(['Công an các xã, phường, đặc khu [group]']);
    expect(scan('Trạm Y tế các xã, phường rà soát')).toEqual(['Trạm Y tế các xã, phường [group]']);
    expect(scan('Công an tỉnh, Công an xã')).toEqual(['Công an tỉnh', 'Công an xã']);
  });
  it('reads "từ 5% đến 10%" as one range', () => {
    expect(findTargets('Kéo giảm từ 5% đến 10% số vụ tai nạn giao thông so với năm 2025.').map((t) => t.target)).toEqual([{ value: null, min: 5, max: 10, comparator: '=', unit: '%', year: null }]);
  });
  it('reads spans of days with no cue, and halves of a year', () => {
    expect(kinds('truyền thông trong Tuần lễ tiêm chủng (từ ngày 20/4 đến ngày 26/4/2026).', true)).toEqual([{ kind: 'range', from: '2026-04-20', to: '2026-04-26' }]);
    expect(kinds('hoàn thành trong 6 tháng đầu năm 2026.', true)).toEqual([{ kind: 'range', from: '2026-01', to: '2026-06' }]);
    expect(kinds('trong 6 tháng cuối năm 2025', true)).toEqual([{ kind: 'range', from: '2025-07', to: '2025-12' }]);
    expect(kinds('So với 6 tháng đầu năm 2025 tăng 5%', true)).toEqual([]);
  });
  it('takes the targets of a table from its plan column, not from the results beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-extract-'));
    const file = join(dir, 'results-and-targets.md');
    writeFileSync(file, [
      'ỦY BAN NHÂN DÂN', 'TỈNH Y', 'Số: 7/KH-UBND                 Y, ngày 3 tháng 3 năm 2026', 'KẾ HOẠCH', 'Tiêm chủng mở rộng năm 2026', '',
      'I. CHỈ TIÊU', '',
      '| TT | Chỉ tiêu | Đơn vị tính | Thực hiện năm 2025 | Kế hoạch năm 2026 |',
      '|---|---|---|---|---|',
      '| 1 | Tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ | % | 93,5 | ≥ 95 |',
      '| 2 | Số trẻ được tiêm vắc xin sởi | trẻ | 24.300 | 25.000 |',
      '',
    ].join('\n'));
    const r = await extractFile(file);
    rmSync(dir, { recursive: true });
    expect(r.indicators.map((i) => [i.target.value, i.target.unit, i.target.year])).toEqual([[95, '%', 2026], [25000, 'trẻ', 2026]]);
  });
});

describe('a ward plan of Thành phố Hồ Chí Minh (written after the fixes above)', () => {
  it('reads lead and supports named in one cell with their roles in brackets, unknown bodies and groups too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-extract-'));
    const file = join(dir, 'roles-in-one-cell.md');
    writeFileSync(file, [
      'ỦY BAN NHÂN DÂN', 'PHƯỜNG Y', 'Số: 7/KH-UBND                 Y, ngày 3 tháng 3 năm 2026', 'KẾ HOẠCH', 'Chỉnh trang đô thị năm 2026', '',
      'I. NHIỆM VỤ', '',
      '| STT | Nội dung | Đơn vị thực hiện | Thời gian | Sản phẩm |',
      '|---|---|---|---|---|',
      '| 1 | Ra quân lập lại trật tự lòng đường, vỉa hè | Công an phường (chủ trì); Đội Quản lý trật tự đô thị phường, các khu phố (phối hợp) | Định kỳ hằng tháng | Báo cáo |',
      '',
      'II. TỔ CHỨC THỰC HIỆN',
      '1. Công an phường, Đội Quản lý trật tự đô thị phường phối hợp chặt chẽ trong công tác kiểm tra, xử lý vi phạm.',
      '2. Ban điều hành các khu phố vận động Nhân dân chấp hành quy định.',
      '',
      '                                              TM. ỦY BAN NHÂN DÂN',
      'Nơi nhận:                                         KT. CHỦ TỊCH',
      '- Lưu: VT.                                       PHÓ CHỦ TỊCH',
      '',
      '                                               Nguyễn Thị C',
    ].join('\n'));
    const r = await extractFile(file);
    rmSync(dir, { recursive: true });
    expect(r.tasks.map((t) => [t.id, names(t.lead), names(t.support)])).toEqual([['1', ['Công an phường'], ['Đội Quản lý trật tự đô thị phường', 'các khu phố']]]);
    expect(r.responsibilities.map((x) => [x.agency.name, x.agency.kind])).toEqual([
      ['Công an phường', 'agency'],
      ['Đội Quản lý trật tự đô thị phường', 'agency'],
      ['Ban điều hành các khu phố', 'group'],
    ]);
    expect([r.signer.authority, r.signer.capacity, r.signer.title, r.signer.name]).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Thị C']);
  });
  it('counts trees and latrines', () => {
    expect(findTargets('Trồng mới ít nhất 150 cây xanh trên các tuyến đường chính.').map((t) => [t.target.value, t.target.unit, t.target.comparator])).toEqual([[150, 'cây', '>=']]);
    expect(findTargets('Xây mới ít nhất 80 nhà tiêu hợp vệ sinh.').map((t) => [t.target.value, t.target.unit])).toEqual([[80, 'nhà tiêu']]);
  });
});
