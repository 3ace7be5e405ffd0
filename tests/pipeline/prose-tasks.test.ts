/**
 * Tasks written as prose, in the conventions of real 2025 plans (UBND TP Hồ Chí Minh 172/KH-UBND: a sentence in
 * "- Cơ quan thực hiện:"; UBND tỉnh Lâm Đồng's drug-prevention plan: solutions given out agency by agency under
 * "NỘI DUNG, GIẢI PHÁP TRỌNG TÂM VÀ PHÂN CÔNG NHIỆM VỤ", "8.1. Sở Tài chính chủ trì, phối hợp các sở, ban, ngành").
 * The texts are written here, in those conventions; the real documents are checked by `plan-extract check fixtures`.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/index.js';
import { fieldAgencies, proseAgencies } from '../../src/pipeline/agency-phrases.js';
import { docFromLines } from '../helpers.js';

const HEADER = ['ỦY BAN NHÂN DÂN', 'TỈNH Y', 'Số: 7/KH-UBND                 Y, ngày 3 tháng 3 năm 2026', 'KẾ HOẠCH', 'Thực hiện chương trình thử', ''];
const names = (list: { name: string }[]) => list.map((a) => a.name);

describe('a sentence in a "Cơ quan thực hiện:" line', () => {
  it('gives the subjects of its clauses, not the bodies they advise', () => {
    const r = fieldAgencies('Sở Nội vụ chủ trì tham mưu Ủy ban nhân dân tỉnh ban hành Kế hoạch; Sở Tư pháp và Ủy ban nhân dân xã, phường, đặc khu chủ động tổ chức triển khai thuộc phạm vi quản lý', 'lead');
    expect(names(r.lead)).toEqual(['Sở Nội vụ', 'Sở Tư pháp', 'Ủy ban nhân dân xã, phường, đặc khu']);
    expect(r.support).toEqual([]);
  });
  it('reads "X chủ trì, phối hợp với Y" inside it as lead and support, and a plain list as before', () => {
    const r = fieldAgencies('Sở Y tế chủ trì, phối hợp với Sở Tài chính thực hiện', 'lead');
    expect([names(r.lead), names(r.support)]).toEqual([['Sở Y tế'], ['Sở Tài chính']]);
    expect(names(fieldAgencies('Sở Nội vụ, Sở Giáo dục và Đào tạo, Sở Tài chính.', 'lead').lead)).toEqual(['Sở Nội vụ', 'Sở Giáo dục và Đào tạo', 'Sở Tài chính']);
  });
  it('gives the task its lead, support and deadlines in a plan', () => {
    const r = runPipeline(docFromLines([
      ...HEADER,
      'I. NỘI DUNG',
      '1. Phổ biến, giáo dục pháp luật về việc làm',
      '- Nội dung thực hiện: Tổ chức phổ biến, giáo dục bằng các hình thức đa dạng.',
      '- Cơ quan thực hiện: Sở Nội vụ chủ trì tham mưu Ủy ban nhân dân tỉnh ban hành Kế hoạch; Sở Tư pháp và các sở, ban, ngành tỉnh chủ động tổ chức triển khai.',
      '- Thời gian thực hiện: từ tháng 01 đến tháng 4/2026.',
      '2. Tập huấn nghiệp vụ',
      '- Cơ quan chủ trì: Sở Nội vụ.',
      '- Cơ quan phối hợp: Bảo hiểm xã hội tỉnh, Ủy ban nhân dân xã, phường, đặc khu.',
      '- Thời gian thực hiện: trước ngày 25 hằng tháng.',
    ]));
    expect(r.tasks.map((t) => [t.id, names(t.lead), names(t.support), t.deadlines.map(({ text: _t, ...d }) => d)])).toEqual([
      ['1', ['Sở Nội vụ', 'Sở Tư pháp', 'các sở, ban, ngành tỉnh'], [], [{ kind: 'range', from: '2026-01', to: '2026-04' }]],
      ['2', ['Sở Nội vụ'], ['Bảo hiểm xã hội tỉnh', 'Ủy ban nhân dân xã, phường, đặc khu'], [{ kind: 'recurring', every: 'month', day: 25 }]],
    ]);
  });
});

describe('solutions given out agency by agency', () => {
  const r = runPipeline(docFromLines([
    ...HEADER,
    'I. MỤC ĐÍCH, YÊU CẦU',
    '- Nâng cao hiệu quả phòng, chống ma túy.',
    'II. NỘI DUNG, GIẢI PHÁP TRỌNG TÂM VÀ PHÂN CÔNG NHIỆM VỤ',
    '1. Tăng cường công tác tuyên truyền, giáo dục',
    '1.1. Công an tỉnh',
    '- Chủ trì tổ chức các đợt cao điểm tuyên truyền.',
    '- Hướng dẫn các địa phương xây dựng mô hình.',
    '1.2. Sở Văn hóa, Thể thao và Du lịch: Chỉ đạo các cơ quan báo chí đổi mới nội dung tuyên truyền.',
    '1.3. Bộ Chỉ huy quân sự tỉnh chỉ đạo lực lượng Bộ đội Biên phòng: Phối hợp tuyên truyền ở khu vực biên giới.',
    '2. Tăng cường nguồn lực',
    '2.1. Sở Tài chính chủ trì, phối hợp các sở, ban, ngành',
    '- Tham mưu bố trí kinh phí thực hiện Chương trình.',
    '2.2. Về chính sách hỗ trợ người sau cai nghiện',
    '- Nghiên cứu, đề xuất chính sách hỗ trợ.',
    'III. TỔ CHỨC THỰC HIỆN',
    '1. Thời gian thực hiện Kế hoạch: Từ khi ban hành đến hết năm 2030.',
    '2. Công an tỉnh là cơ quan thường trực, theo dõi, đôn đốc việc thực hiện Kế hoạch này.',
  ]));
  it('reads the part as tasks, each led by the agency it is headed with', () => {
    expect(r.sections.map((s) => [s.id, s.kind])).toEqual([['I', 'purpose'], ['II', 'solutions'], ['III', 'organization']]);
    expect(r.tasks.map((t) => [t.id, names(t.lead), names(t.support)])).toEqual([
      ['1.1', ['Công an tỉnh'], []],
      ['1.2', ['Sở Văn hóa, Thể thao và Du lịch'], []],
      ['1.3', ['Bộ Chỉ huy Quân sự tỉnh'], []],
      ['2.1', ['Sở Tài chính'], ['các sở, ban, ngành']],
      // A theme names no agency: no lead is invented.
      ['2.2', [], []],
    ]);
  });
  it('does not take a field label of the organization part for an agency', () => {
    expect(r.responsibilities.map((x) => x.agency.name)).toEqual(['Công an tỉnh']);
  });
  it('reads "phối hợp" with or without "với"', () => {
    expect(names(proseAgencies('Sở Tài chính chủ trì, phối hợp các sở, ban, ngành bố trí kinh phí').support)).toEqual(['các sở, ban, ngành']);
    expect(names(proseAgencies('Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí').support)).toEqual(['Sở Nội vụ']);
  });
  it('reads "X chủ trì; Y phối hợp": Y, the subject of the clause "phối hợp" closes, supports', () => {
    const two = proseAgencies('Sở Y tế chủ trì; Sở Tài chính, Sở Nội vụ phối hợp thực hiện. Hoàn thành trong Quý III/2026.');
    expect([names(two.lead), names(two.support)]).toEqual([['Sở Y tế'], ['Sở Tài chính', 'Sở Nội vụ']]);
    expect(names(proseAgencies('Công an tỉnh chủ trì, các sở, ngành liên quan phối hợp.').support)).toEqual(['các sở, ngành liên quan']);
    // a board the registry does not know, its long name with lower-case verbs inside, as written
    const board = proseAgencies('Phòng Kinh tế chủ trì; Ban Quản lý dự án đầu tư xây dựng khu vực phối hợp.');
    expect(board.support.map((a) => [a.name, a.known])).toEqual([['Ban Quản lý dự án đầu tư xây dựng khu vực', false]]);
    // "phối hợp" that does not close its clause names no supporter this way
    expect(names(proseAgencies('Sở Y tế chủ trì; Công an tỉnh phối hợp với Sở Tư pháp tuyên truyền.').support)).toEqual([]);
  });
  it('in a task\'s prose with no "chủ trì", "X phối hợp với Y" gives X as lead and Y as support; nowhere else', () => {
    const text = 'Công an tỉnh phối hợp chặt chẽ với Sở Y tế tổ chức rà soát người sử dụng trái phép chất ma túy.';
    const task = proseAgencies(text, { cooperation: true });
    expect([names(task.lead), names(task.support)]).toEqual([['Công an tỉnh'], ['Sở Y tế']]);
    // a "Cơ quan phối hợp:" value or a table cell says the subject supports: no lead read from it there
    expect(names(proseAgencies(text).lead)).toEqual([]);
    // "chủ trì" elsewhere in the text decides, as before
    const led = proseAgencies('Sở Y tế chủ trì; Công an tỉnh phối hợp với Sở Tư pháp tuyên truyền.', { cooperation: true });
    expect(names(led.lead)).toEqual(['Sở Y tế']);
  });
});

describe('names that look like sentences, and time labels without a colon', () => {
  it('does not cut an office name at a verb-like word inside it ("Phòng Quản lý đầu tư")', () => {
    expect(names(fieldAgencies('Phòng Quản lý đầu tư.', 'lead').lead)).toEqual(['Phòng Quản lý đầu tư']);
    expect(names(fieldAgencies('Văn phòng Sở; Kho bạc Nhà nước khu vực XII.', 'support').support)).toEqual(['Văn phòng Sở', 'Kho bạc Nhà nước khu vực XII']);
  });
  it('reads "thời gian thực hiện từ tháng 3 đến tháng 6/2026" in prose', () => {
    const r = runPipeline(docFromLines([
      ...HEADER, 'I. NHIỆM VỤ', '1. Rà soát nhà, đất sau hợp nhất',
      'Văn phòng Sở chủ trì, phối hợp với Sở Xây dựng rà soát hiện trạng; thời gian thực hiện từ tháng 3 đến tháng 6/2026.',
    ]));
    expect(r.tasks[0]!.deadlines.map(({ text: _t, ...d }) => d)).toEqual([{ kind: 'range', from: '2026-03', to: '2026-06' }]);
  });
});

describe('tasks of a ward plan after the 2025 reform (no "với", no "chủ trì", an unnumbered list)', () => {
  const WARD = ['ỦY BAN NHÂN DÂN', 'PHƯỜNG Y', 'Số: 9/KH-UBND                 Y, ngày 6 tháng 1 năm 2026', 'KẾ HOẠCH', 'Bảo đảm an ninh dịp Tết', ''];
  const r = runPipeline(docFromLines([
    ...WARD,
    'I. NHIỆM VỤ TRỌNG TÂM',
    '- Công an phường chủ trì xây dựng phương án bảo đảm an ninh, trật tự; hoàn thành trước ngày 15/01/2026.',
    '- Văn phòng HĐND-UBND phường phối hợp Phòng Văn hóa - Xã hội tổ chức thăm hỏi các gia đình chính sách.',
    '- Bộ phận Một cửa của Trung tâm Phục vụ hành chính công phường bố trí công chức trực tiếp nhận hồ sơ.',
    '- Các cấp, các ngành tiếp tục tuyên truyền.',
    'II. TỔ CHỨC THỰC HIỆN',
    '1. Công an phường: theo dõi, tổng hợp kết quả.',
  ]));
  it('makes each bullet of a part a task, numbered by its place, with a warning', () => {
    expect(r.tasks.map((t) => [t.id, names(t.lead), names(t.support)])).toEqual([
      ['1', ['Công an phường'], []],
      ['2', ['Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường'], ['Phòng Văn hóa - Xã hội']],
      // the unit of a body is the subject; a collective subject names no lead
      ['3', ['Bộ phận Một cửa'], []],
      ['4', [], []],
    ]);
    expect(r.warnings.filter((w) => w.code === 'tasks-numbered-by-position').map((w) => w.source?.line)).toEqual([7]);
  });
  it('a partner the registry does not know is kept as written up to its verb', () => {
    const p = proseAgencies('Phòng Kinh tế chủ trì, phối hợp với Hội Nông dân xã và Hợp tác xã nông nghiệp hướng dẫn nông dân ghi nhật ký.');
    expect(p.support.map((a) => [a.name, a.known])).toEqual([['Hội Nông dân xã', true], ['Hợp tác xã nông nghiệp', false]]);
    // "Tổ chức", "Ban hành" are verbs, not bodies
    expect(names(proseAgencies('Sở Y tế chủ trì, phối hợp với Sở Tài chính và tổ chức tập huấn.').support)).toEqual(['Sở Tài chính']);
  });
  it('a heading is no sentence: its first word close to a body\'s name gives no lead', () => {
    const d = runPipeline(docFromLines([...HEADER, 'I. NHIỆM VỤ', '1. Thanh toán số và tài sản số', '2. Hạ tầng', 'Văn phòng Sở tổng hợp kết quả, báo cáo.']));
    expect(d.tasks.map((t) => [t.id, names(t.lead)])).toEqual([['1', []], ['2', ['Văn phòng Sở']]]);
  });
  it('"X phối hợp Y" without "với": Y must open the text after "phối hợp"', () => {
    expect(names(proseAgencies('Công an xã phối hợp Ban Chỉ huy Quân sự xã tuần tra.', { cooperation: true }).support)).toEqual(['Ban Chỉ huy Quân sự xã']);
    expect(names(proseAgencies('Công an xã phối hợp tổ chức tuần tra cùng Ban Chỉ huy Quân sự xã.', { cooperation: true }).lead)).toEqual([]);
  });
  it('a department\'s own unit before "chủ trì" is the lead as written (unknown); a known body before a verb leads', () => {
    const d = runPipeline(docFromLines([
      ...HEADER, 'I. NHIỆM VỤ', '1. Tập huấn', 'Phòng Kỹ thuật an toàn - Môi trường chủ trì tổ chức các lớp tập huấn.',
      '2. Xử lý sau kiểm tra', 'Chi cục Quản lý thị trường tỉnh ban hành quyết định xử phạt.',
      '3. Hỗ trợ vay vốn', 'Ngân hàng Chính sách xã hội chi nhánh tỉnh chủ trì, phối hợp với Ủy ban nhân dân các xã, phường thực hiện.',
    ]));
    expect(d.tasks.map((t) => [t.id, t.lead.map((a) => [a.name, a.known])])).toEqual([
      ['1', [['Phòng Kỹ thuật an toàn - Môi trường', false]]],
      ['2', [['Chi cục Quản lý thị trường tỉnh', true]]],
      ['3', [['Ngân hàng Chính sách xã hội chi nhánh tỉnh', true]]],
    ]);
    expect(d.warnings.some((w) => w.code === 'unknown-agency' && w.message.includes('Phòng Kỹ thuật an toàn - Môi trường'))).toBe(true);
    // "và" inside such a name is part of it; before another body's word it joins two
    expect(names(proseAgencies('Trung tâm Công nghệ thông tin và Truyền thông chủ trì, phối hợp Văn phòng Sở rà soát.').lead)).toEqual(['Trung tâm Công nghệ thông tin và Truyền thông']);
  });
});

describe('a department\'s own units in prose (Sở KH&CN, 2026)', () => {
  it('lettered items that each say who carries them out are tasks of their own; an unknown unit before its verb leads', () => {
    const d = runPipeline(docFromLines([
      ...HEADER, 'I. NHIỆM VỤ', '1. Hạ tầng và nền tảng',
      'a) Giao Trung tâm Công nghệ thông tin và Truyền thông chủ trì, phối hợp Văn phòng Sở rà soát, nâng cấp máy chủ; hoàn thành trước 30/6/2026.',
      'b) Phòng Chuyển đổi số thẩm định hồ sơ đề xuất cấp độ trong thời hạn 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.',
      '2. Đào tạo',
      'Trung tâm Công nghệ thông tin và Truyền thông tổ chức các lớp tập huấn cho cán bộ, công chức các xã, phường.',
      '3. Kiểm tra',
      'Thanh tra Sở phối hợp với Phòng Chuyển đổi số kiểm tra việc bảo đảm an toàn thông tin tại các đơn vị.',
      '4. Dự án giao thông',
      'Ban Quản lý dự án đầu tư xây dựng số 1 đẩy nhanh tiến độ Dự án đường trục chính.',
    ]));
    expect(d.tasks.map((t) => [t.id, names(t.lead), names(t.support)])).toEqual([
      ['1.a', ['Trung tâm Công nghệ thông tin và Truyền thông'], ['Văn phòng Sở']],
      ['1.b', ['Phòng Chuyển đổi số'], []],
      ['2', ['Trung tâm Công nghệ thông tin và Truyền thông'], []],
      // "kiểm tra" before its object ends the name; inside a name ("đầu tư xây dựng số 1") it does not
      ['3', ['Thanh tra Sở'], ['Phòng Chuyển đổi số']],
      ['4', ['Ban Quản lý dự án đầu tư xây dựng số 1'], []],
    ]);
  });
});

describe('responsibilities of a department\'s own units', () => {
  it('an item opening with a unit the registry does not know, then "là đầu mối" or a verb, is that unit\'s', () => {
    const d = runPipeline(docFromLines([
      ...HEADER, 'I. TỔ CHỨC THỰC HIỆN',
      '1. Phòng Chuyển đổi số là đầu mối theo dõi, tổng hợp, báo cáo Giám đốc Sở.',
      '2. Văn phòng Sở bố trí kinh phí thực hiện.',
    ]));
    expect(d.responsibilities.map((r) => [r.agency.name, r.agency.known])).toEqual([['Phòng Chuyển đổi số', false], ['Văn phòng Sở', true]]);
  });
});

