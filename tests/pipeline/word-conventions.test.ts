/**
 * Rules that session 12's blind Word documents (src/scripts/build-blind-docx.ts: a Quyết định of UBND tỉnh Lâm Đồng,
 * a Chi cục under a Sở of Lào Cai, a commune of Lào Cai, a Sở Dân tộc và Tôn giáo) showed missing, each checked on a
 * document or text written here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import { extractFile } from '../../src/extract.js';
import { AgencyRegistry } from '../../src/facts/agencies.js';
import { readIssuerBlock } from '../../src/pipeline/issuer.js';
import { formatIssuer } from '../../src/pipeline/stages/header.js';
import { findTargets, headingYear } from '../../src/pipeline/targets.js';
import { parseDeadlines } from '../../src/pipeline/deadlines.js';
import { kindOfHeading } from '../../src/pipeline/stages/sections.js';
import { cellAgencies } from '../../src/pipeline/stages/tables.js';
import { runPipeline } from '../../src/pipeline/index.js';
import { readTextDocument } from '../../src/backends/text.js';
import { docFromLines } from '../helpers.js';

const names = (list: { name: string }[]) => list.map((a) => a.name);
const registry = AgencyRegistry.load();
const dir = mkdtempSync(join(tmpdir(), 'word-conventions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cell = (text: string, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) => new TableCell({ children: [new Paragraph(text)], ...extra });

async function docxFile(name: string, children: (Paragraph | Table)[]): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, await Packer.toBuffer(new Document({ sections: [{ children }] })));
  return file;
}

describe('a task table whose group rows are one cell across the table', () => {
  it('reads "I. RÀ SOÁT, QUY HOẠCH" merged over every column as group I, and skips the row of column numbers', async () => {
    const table = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: ['STT', 'Nội dung nhiệm vụ', 'Cơ quan, đơn vị chủ trì', 'Cơ quan phối hợp', 'Thời hạn hoàn thành'].map((t) => cell(t)) }),
        new TableRow({ children: ['(1)', '(2)', '(3)', '(4)', '(5)'].map((t) => cell(t)) }),
        new TableRow({ children: [cell('I. RÀ SOÁT, QUY HOẠCH', { columnSpan: 5 })] }),
        new TableRow({ children: [cell('1'), cell('Rà soát các công trình cấp nước'), cell('Sở Xây dựng', { verticalMerge: VerticalMergeType.RESTART }), cell('Sở Tài chính'), cell('Quý I/2026')] }),
        new TableRow({ children: [cell('2'), cell('Cập nhật quy hoạch cấp nước'), cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('Sở Nội vụ'), cell('Tháng 6/2026')] }),
        new TableRow({ children: [cell('II - Truyền thông', { columnSpan: 5 })] }),
        new TableRow({ children: [cell('1'), cell('Tuyên truyền sử dụng nước sạch'), cell('Sở Y tế'), cell('Hội Liên hiệp Phụ nữ tỉnh'), cell('Thường xuyên')] }),
      ],
    });
    const file = await docxFile('groups.docx', [
      new Paragraph({ children: [new TextRun('KẾ HOẠCH')] }),
      new Paragraph('Bảo đảm cấp nước sạch năm 2026'),
      new Paragraph('I. NHIỆM VỤ CỤ THỂ'),
      table,
    ]);
    const rec = await extractFile(file);
    expect(rec.tasks.map((t) => t.id)).toEqual(['I.1', 'I.2', 'II.1']);
    expect(rec.tasks.map((t) => names(t.lead))).toEqual([['Sở Xây dựng'], ['Sở Xây dựng'], ['Sở Y tế']]);
    expect(names(rec.tasks[2]!.support)).toEqual(['Hội Liên hiệp Phụ nữ tỉnh']);
  });

  it('still reads a lone label cell with the group title spanning the rest', async () => {
    const table = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: ['TT', 'Nội dung công việc', 'Chủ trì', 'Phối hợp', 'Thời gian'].map((t) => cell(t)) }),
        new TableRow({ children: [cell('A'), cell('CÔNG TÁC CHUẨN BỊ', { columnSpan: 4 })] }),
        new TableRow({ children: [cell('1'), cell('Kiểm tra trang thiết bị chữa cháy rừng'), cell('Chi cục Kiểm lâm'), cell('Các Hạt Kiểm lâm'), cell('Tháng 10/2025')] }),
      ],
    });
    const rec = await extractFile(await docxFile('lone-label.docx', [new Paragraph('KẾ HOẠCH'), new Paragraph('Phòng cháy rừng'), new Paragraph('I. NHIỆM VỤ'), table]));
    expect(rec.tasks.map((t) => t.id)).toEqual(['A.1']);
    expect(rec.tasks[0]!.support).toEqual([{ name: 'Các Hạt Kiểm lâm', raw: 'Các Hạt Kiểm lâm', kind: 'group', known: true }]);
  });
});

describe('a part known by its task table', () => {
  it('gives "NỘI DUNG, THỜI GIAN THỰC HIỆN" over a task table the kind tasks', () => {
    const text = [
      'KẾ HOẠCH',
      'Tuyển chọn và gọi công dân nhập ngũ năm 2026',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Tuyển chọn đúng luật, đủ số lượng.',
      'II. NỘI DUNG, THỜI GIAN THỰC HIỆN',
      '| TT | Thời gian | Nội dung công việc | Đơn vị thực hiện | Phối hợp |',
      '|---|---|---|---|---|',
      '| 1 | Tháng 11/2025 | Sơ tuyển sức khỏe công dân | Ban Chỉ huy Quân sự xã | Trạm Y tế xã |',
      'III. TỔ CHỨC THỰC HIỆN',
      'Các đơn vị thực hiện nghiêm Kế hoạch này.',
    ].join('\n');
    const bytes = new TextEncoder().encode(text);
    const rec = runPipeline(readTextDocument({ file: 'plan.md', bytes, sha256: '0'.repeat(64) } as never, 'plan.md'));
    expect(rec.sections.map((s) => [s.id, s.kind])).toEqual([['I', 'purpose'], ['II', 'tasks'], ['III', 'organization']]);
    expect(rec.warnings.map((w) => w.code)).toContain('section-kind-inferred');
    expect(names(rec.tasks[0]!.lead)).toEqual(['Ban Chỉ huy Quân sự xã']);
  });
});

describe('an issuer block of three levels', () => {
  const format = (raw: string) => formatIssuer(raw, 'Lào Cai');

  it('gives the province of the People\'s Committee to the Sở and the Chi cục under it', () => {
    expect(readIssuerBlock(['UBND TỈNH LÀO CAI', 'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', 'CHI CỤC KIỂM LÂM'], format)).toEqual({
      issuer: 'Chi cục Kiểm lâm tỉnh Lào Cai',
      parent: 'Sở Nông nghiệp và Môi trường tỉnh Lào Cai',
      hierarchy: ['Ủy ban nhân dân tỉnh Lào Cai', 'Sở Nông nghiệp và Môi trường tỉnh Lào Cai', 'Chi cục Kiểm lâm tỉnh Lào Cai'],
    });
  });

  it('keeps a team under a Sở without the province, as its name is its own', () => {
    const read = readIssuerBlock(['UBND TỈNH LÀO CAI', 'SỞ CÔNG THƯƠNG', 'ĐOÀN KIỂM TRA'], format)!;
    expect(read.issuer).toBe('Đoàn kiểm tra');
    expect(read.parent).toBe('Sở Công Thương tỉnh Lào Cai');
  });

  it('leaves the draft mark above the header out of the block', () => {
    const rec = runPipeline(
      docFromLines([
        'DỰ THẢO',
        'UBND TỈNH LÀO CAI',
        'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG',
        'CHI CỤC KIỂM LÂM',
        'Số:        /KH-CCKL',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Lào Cai, ngày      tháng 10 năm 2025',
        '',
        'KẾ HOẠCH',
        'Phòng cháy, chữa cháy rừng mùa khô 2025 - 2026',
      ]),
    );
    expect(rec.document.issuer).toBe('Chi cục Kiểm lâm tỉnh Lào Cai');
    expect(rec.document.issuerHierarchy).toEqual(['Ủy ban nhân dân tỉnh Lào Cai', 'Sở Nông nghiệp và Môi trường tỉnh Lào Cai', 'Chi cục Kiểm lâm tỉnh Lào Cai']);
  });
});

describe('names of units the registry does not know', () => {
  it('keeps "và" and a comma inside a name when what follows opens no name', () => {
    expect(names(registry.parseList('Phòng Quản lý bảo vệ rừng và Bảo tồn thiên nhiên'))).toEqual(['Phòng Quản lý bảo vệ rừng và Bảo tồn thiên nhiên']);
    expect(names(registry.parseList('Đội Kiểm lâm cơ động và phòng cháy, chữa cháy rừng'))).toEqual(['Đội Kiểm lâm cơ động và phòng cháy, chữa cháy rừng']);
    // "và" before another body still splits.
    expect(names(registry.parseList('Phòng Văn hóa - Xã hội và Trạm Y tế xã'))).toEqual(['Phòng Văn hóa - Xã hội', 'Trạm Y tế xã']);
    expect(names(registry.parseList('Phòng Tuyên truyền và các đoàn thể'))).toEqual(['Phòng Tuyên truyền', 'các đoàn thể']);
  });

  it('reads "các" before a body there is one of in each place as the group of them', () => {
    const scan = (text: string) => registry.scan(text).map((m) => `${m.agency.name}${m.agency.kind === 'group' ? ' [group]' : ''}`);
    expect(scan('Các Hạt Kiểm lâm xây dựng kế hoạch')).toEqual(['Các Hạt Kiểm lâm [group]']);
    expect(scan('phối hợp với các Hạt Kiểm lâm, Công an xã')).toEqual(['Các Hạt Kiểm lâm [group]', 'Công an xã']);
    expect(scan('Sở Y tế, Hạt Kiểm lâm')).toEqual(['Sở Y tế', 'Hạt Kiểm lâm']);
  });
});

describe('targets beside last year\'s result', () => {
  const targets = (text: string, year: number | null = null) => findTargets(text, year).map((f) => f.target);

  it('reads no target and no year in "(năm 2025 đạt 58,4%)"', () => {
    expect(targets('Tỷ lệ hộ gia đình sử dụng nước sạch đạt 62% (năm 2025 đạt 58,4%);', 2026)).toEqual([{ value: 62, comparator: '=', unit: '%', year: 2026 }]);
    expect(targets('Tỷ lệ che phủ rừng đạt 45% (hiện nay: 42%).', 2026)).toEqual([{ value: 45, comparator: '=', unit: '%', year: 2026 }]);
    // A year in brackets alone is still the target's year.
    expect(targets('Tỷ lệ che phủ rừng đạt 45% (năm 2030).')).toEqual([{ value: 45, comparator: '=', unit: '%', year: 2030 }]);
  });

  it('counts citizens', () => {
    expect(targets('Số công dân nhập ngũ: 18 công dân, trong đó nhập ngũ Công an nhân dân: 03 công dân.').map((t) => [t.value, t.unit])).toEqual([[18, 'công dân'], [3, 'công dân']]);
  });
});

/** Round 2: a ministry's plan with a tab-laid header and a task table of labelled roles; a ward's plan in Word HTML. */
describe('a task table whose one agency cell labels the roles', () => {
  const text = [
    'KẾ HOẠCH',
    'Giảm phát thải khí nhà kính trong trồng trọt năm 2026',
    'I. MỤC TIÊU',
    'Giảm phát thải trong trồng trọt.',
    'II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN',
    '| TT | Nhiệm vụ | Cơ quan thực hiện | Tiến độ |',
    '|---|---|---|---|',
    '| 1 | Hoàn thiện thể chế, chính sách | | |',
    '| 1.1 | Xây dựng hướng dẫn kỹ thuật | Chủ trì: Cục Biến đổi khí hậu; Phối hợp: Vụ Pháp chế, Cục Trồng trọt và Bảo vệ thực vật | Quý II-III/2026 |',
    '| 1.2 | Rà soát định mức kinh tế - kỹ thuật | Chủ trì: Cục Trồng trọt và Bảo vệ thực vật; Phối hợp: Vụ Kế hoạch - Tài chính | Tháng 9 - 10/2026 |',
    '| 2 | Nhân rộng mô hình | | |',
    '| 2.1 | Triển khai mô hình canh tác lúa giảm phát thải | Chủ trì: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương | Năm 2026 |',
    'III. TỔ CHỨC THỰC HIỆN',
    '1. Cục Biến đổi khí hậu: theo dõi, đôn đốc việc thực hiện Kế hoạch.',
  ].join('\n');
  const rec = runPipeline(readTextDocument({ file: 'plan.md', bytes: new TextEncoder().encode(text), sha256: '0'.repeat(64) } as never, 'plan.md'));

  it('reads "Chủ trì: …" as the lead and "Phối hợp: …" as the supports', () => {
    const byId = new Map(rec.tasks.map((t) => [t.id, t]));
    expect(names(byId.get('1.1')!.lead)).toEqual(['Cục Biến đổi khí hậu']);
    expect(names(byId.get('1.1')!.support)).toEqual(['Vụ Pháp chế', 'Cục Trồng trọt và Bảo vệ thực vật']);
    expect(names(byId.get('1.2')!.support)).toEqual(['Vụ Kế hoạch - Tài chính']);
    expect(byId.get('2.1')!.lead).toMatchObject([{ name: 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương', kind: 'group' }]);
    // "các tỉnh" after a body's name still says whose body it is.
    expect(cellAgencies('Sở Nông nghiệp và Môi trường các tỉnh')).toMatchObject([{ name: 'Sở Nông nghiệp và Môi trường các tỉnh', kind: 'group' }]);
  });

  it('keeps "1.1" under group "1" as 1.1, and reads no heading in the table\'s rows', () => {
    expect(rec.tasks.map((t) => t.id)).toEqual(['1.1', '1.2', '2.1']);
    expect(rec.sections.map((s) => [s.id, s.kind, s.children.length])).toEqual([['I', 'objectives', 0], ['II', 'tasks', 0], ['III', 'organization', 1]]);
  });

  it('gives "NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN" the kind tasks, and keeps the solutions part as it was', () => {
    expect(kindOfHeading('NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN')).toBe('tasks');
    expect(kindOfHeading('NỘI DUNG, GIẢI PHÁP TRỌNG TÂM VÀ PHÂN CÔNG NHIỆM VỤ')).toBe('solutions');
  });
});

describe('base years and conditions beside targets', () => {
  it('reads no year in "so với năm 2020"', () => {
    expect(headingYear('Giảm 10% lượng phát thải khí mê-tan so với năm 2020')).toBeNull();
    expect(headingYear('Mục tiêu cụ thể năm 2026')).toBe(2026);
    expect(headingYear('Giảm 10% so với năm 2020, đến năm 2030')).toBe(2030);
  });

  it('reads a bound after "có …" that says which members are counted as no target', () => {
    const values = (t: string) => findTargets(t, 2026).map((f) => f.target.value);
    expect(values('100% các tỉnh, thành phố có diện tích lúa trên 50.000 ha ban hành kế hoạch thực hiện.')).toEqual([100]);
    // A second target of the same sentence stays.
    expect(values('Tỷ lệ xã đạt chuẩn đạt 80%, có trên 50% hộ dân sử dụng nước sạch.')).toEqual([80, 50]);
  });
});

/** Round 3: a Sở Y tế plan (a body of each region named with "các …", a rate per 100,000 people). */
describe('a body of every place listed, and rates per population', () => {
  it('reads "Trung tâm Y tế các khu vực" as one group, beside the body before it', () => {
    const scan = (text: string) => registry.scan(text).map((m) => `${m.agency.name}${m.agency.kind === 'group' ? ' [group]' : ''}`);
    expect(scan('Bệnh viện Đa khoa tỉnh, Trung tâm Y tế các khu vực: bố trí khu vực điều trị')).toEqual(['Bệnh viện Đa khoa tỉnh', 'Trung tâm Y tế các khu vực [group]']);
    expect(scan('Sở Y tế các tỉnh, thành phố và Bộ Công an')).toEqual(['Sở Y tế các tỉnh, thành phố [group]', 'Bộ Công an']);
    // "các" that lists no place is not part of the name.
    expect(scan('giao Sở Tài chính các nội dung sau')).toEqual(['Sở Tài chính']);
  });

  it('reads "dưới 50/100.000 dân" as a target, not a date', () => {
    expect(findTargets('Tỷ lệ mắc sốt xuất huyết dưới 50/100.000 dân;').map((f) => f.target)).toEqual([{ value: 50, comparator: '<', unit: '/100.000 dân', year: null }]);
    expect(findTargets('Thực hiện Nghị quyết số 05/2025 ngày 10/12/2025.')).toEqual([]);
  });
});

// Round 4 (session 13, helper `blind`): a speech, a Sở's Tờ trình, a provincial plan with prose tasks and an appendix
// of targets, a commune's Word web page (src/scripts/build-blind-docx.ts --round=4).

describe('a speech that tells of documents and tasks', () => {
  const speech = [
    'PHÁT BIỂU CHỈ ĐẠO',
    'của đồng chí Phó Chủ tịch Ủy ban nhân dân tỉnh tại Hội nghị triển khai nhiệm vụ năm 2026',
    '-----',
    'Kính thưa các đồng chí đại biểu!',
    '1. Về kết quả năm 2025',
    'Ủy ban nhân dân tỉnh đã ban hành Quyết định số 2150/QĐ-UBND ngày 25/12/2025 phê duyệt Đề án phát triển hạ tầng thương mại.',
    '2. Về nhiệm vụ năm 2026',
    'Thứ nhất, Sở Công Thương chủ trì, phối hợp với Sở Tài chính tham mưu ban hành Kế hoạch, hoàn thành trong Quý I/2026.',
    'Thứ hai, phấn đấu tổng mức bán lẻ hàng hóa tăng từ 12% trở lên.',
    'Xin trân trọng cảm ơn!',
  ];

  it('takes no type and no issuer from "Ủy ban nhân dân tỉnh đã ban hành Quyết định số …", and gives no tasks', async () => {
    // Its points "1. Về …" are bold paragraphs of a Word file: parts of an outline, "2." known by its content as tasks.
    const file = await docxFile('speech.docx', speech.map((t) => new Paragraph({ children: [new TextRun({ text: t, bold: /^(?:\d\.|PHÁT)/.test(t) })] })));
    const rec = await extractFile(file);
    expect(rec.document.type).toBeNull();
    expect(rec.document.issuer).toBeNull();
    expect(rec.tasks).toEqual([]);
    expect(rec.indicators).toEqual([]);
    expect(rec.warnings.map((w) => w.code)).toContain('not-an-administrative-document');
    // its "Sở Công Thương chủ trì, …" is no plan's task the tool failed to read
    expect(rec.warnings.map((w) => w.code)).not.toContain('tasks-not-found');
    expect(rec.references.map((r) => r.number)).toEqual(['2150/QĐ-UBND']);
  });

  it('still takes the issuer from a preamble that issues the document ("Ủy ban nhân dân huyện X ban hành Kế hoạch …")', () => {
    const rec = runPipeline(docFromLines(['Thực hiện chỉ đạo của tỉnh, Ủy ban nhân dân huyện Bình Lục ban hành Kế hoạch như sau:', 'I. MỤC ĐÍCH, YÊU CẦU', '- Bảo đảm hiệu quả.']));
    expect([rec.document.type, rec.document.issuer]).toEqual(['KH', 'Ủy ban nhân dân huyện Bình Lục']);
  });

  it('reads no issuer or type in a preamble that tells of a document issued before ("… tỉnh đã ban hành Quyết định số …")', () => {
    const rec = runPipeline(docFromLines(['Ủy ban nhân dân tỉnh đã ban hành Quyết định số 12/QĐ-UBND ngày 05/01/2026 về chuyển đổi số.', 'I. MỤC TIÊU', '- Tỷ lệ hồ sơ trực tuyến đạt 90%.']));
    expect([rec.document.type, rec.document.issuer]).toEqual([null, null]);
    expect(rec.warnings.map((w) => w.code)).not.toContain('issuer-inferred');
  });
});

describe('a Tờ trình that sums up the draft it proposes', () => {
  const lines = (typeWord: string, code: string) => [
    'UBND TỈNH LÀO CAI',
    'SỞ CÔNG THƯƠNG',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    `Số: 112/${code}-SCT`,
    'Lào Cai, ngày 05 tháng 3 năm 2026',
    typeWord,
    'Đề nghị ban hành Kế hoạch phát triển công nghiệp hỗ trợ năm 2026',
    'Kính gửi: Ủy ban nhân dân tỉnh Lào Cai.',
    'I. SỰ CẦN THIẾT',
    'Công nghiệp hỗ trợ của tỉnh còn nhỏ lẻ.',
    'II. NỘI DUNG CHỦ YẾU',
    '1. Mục tiêu: Phấn đấu có thêm 05 doanh nghiệp.',
    '2. Nhiệm vụ: Giao Sở Công Thương chủ trì, phối hợp với Sở Tài chính xây dựng chương trình hỗ trợ, hoàn thành trong Quý II/2026.',
    'KT. GIÁM ĐỐC',
    'PHÓ GIÁM ĐỐC',
  ];

  it('reads the draft\'s tasks in a part known by its content as no tasks of the Tờ trình; a plan with that part has them', () => {
    const ttr = runPipeline(docFromLines(lines('TỜ TRÌNH', 'TTr')));
    expect(ttr.document.type).toBe('TTr');
    expect(ttr.tasks).toEqual([]);
    const plan = runPipeline(docFromLines(lines('KẾ HOẠCH', 'KH')));
    expect(plan.tasks.map((t) => t.id)).toEqual(['1', '2']);
  });
});

describe('a provincial plan with prose tasks under Word headings and an appendix in sentence case', () => {
  it('ends a heading paragraph of a Word file at its end ("… thương mại điện tử" / "Giao Sở …"), so the title is the heading', async () => {
    const file = await docxFile('prose-tasks.docx', [
      new Paragraph('KẾ HOẠCH'),
      new Paragraph('Phát triển thương mại điện tử năm 2026'),
      new Paragraph('I. NHIỆM VỤ, GIẢI PHÁP'),
      new Paragraph('1. Hoàn thiện chính sách'),
      new Paragraph({ children: [new TextRun({ text: '1.1. Xây dựng chính sách hỗ trợ doanh nghiệp tham gia sàn thương mại điện tử', bold: true, italics: true })] }),
      new Paragraph('Giao Sở Công Thương chủ trì, phối hợp với Sở Tài chính, Liên minh Hợp tác xã tỉnh tham mưu ban hành chính sách hỗ trợ; hoàn thành trong Quý III/2026.'),
      new Paragraph({ children: [new TextRun({ text: '1.2. Bồi dưỡng cán bộ quản lý nhà nước về thương mại điện tử', bold: true, italics: true })] }),
      new Paragraph('Giao Sở Nội vụ chủ trì, phối hợp với Sở Công Thương tổ chức bồi dưỡng cho cán bộ, công chức; thực hiện hằng năm.'),
    ]);
    const rec = await extractFile(file);
    expect(rec.tasks.map((t) => [t.id, t.title])).toEqual([
      ['1.1', 'Xây dựng chính sách hỗ trợ doanh nghiệp tham gia sàn thương mại điện tử'],
      ['1.2', 'Bồi dưỡng cán bộ quản lý nhà nước về thương mại điện tử'],
    ]);
    expect(names(rec.tasks[0]!.support)).toEqual(['Sở Tài chính', 'Liên minh Hợp tác xã tỉnh']);
    // "; thực hiện hằng năm." says when the work is done
    expect(rec.tasks[1]!.deadlines).toEqual([{ text: 'hằng năm', kind: 'ongoing' }]);
  });

  it('reads "Phụ lục" alone on its line after the signature as the appendix', () => {
    const rec = runPipeline(
      docFromLines([
        'KẾ HOẠCH',
        'Phát triển thương mại điện tử',
        'I. MỤC TIÊU',
        'Các chỉ tiêu cụ thể tại Phụ lục kèm theo Kế hoạch này.',
        'II. TỔ CHỨC THỰC HIỆN',
        'Sở Công Thương theo dõi, đôn đốc.',
        'TM. ỦY BAN NHÂN DÂN',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        'Phụ lục',
        'CÁC CHỈ TIÊU PHÁT TRIỂN THƯƠNG MẠI ĐIỆN TỬ',
      ]),
    );
    expect(rec.sections.map((s) => [s.id, s.kind])).toEqual([['I', 'objectives'], ['II', 'organization'], ['PL', 'appendix']]);
  });

  it('reads no deadline in "hằng năm" that says how often money is given, not when work is done', () => {
    expect(parseDeadlines('Bố trí kinh phí hằng năm cho các hoạt động.', { strict: true })).toEqual([]);
  });
});
