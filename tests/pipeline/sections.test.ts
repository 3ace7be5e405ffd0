import { describe, expect, it } from 'vitest';
import { sectionsStage, romanValue, kindOfHeading } from '../../src/pipeline/stages/sections.js';
import { headerStage } from '../../src/pipeline/stages/header.js';
import { emptyDraft } from '../../src/pipeline/stage.js';
import { docFromLines, readTestData } from '../helpers.js';

function sections(lines: string[]) {
  const doc = docFromLines(lines);
  const draft = emptyDraft();
  headerStage.run(doc, draft);
  sectionsStage.run(doc, draft);
  return { sections: draft.sections, doc };
}

describe('sections stage', () => {
  it('builds the heading tree of seed 003 with kinds', () => {
    const { sections: s, doc } = sections(readTestData('003-lai-chau.gold.txt').split('\n'));
    expect(s.map((x) => [x.id, x.heading, x.kind])).toEqual([
      ['I', 'MỤC ĐÍCH, YÊU CẦU', 'purpose'],
      ['II', 'NHIỆM VỤ', 'tasks'],
      ['III', 'GIẢI PHÁP', 'solutions'],
      ['IV', 'TỔ CHỨC THỰC HIỆN', 'organization'],
    ]);
    expect(s[1]!.children.map((c) => c.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(s[3]!.children).toHaveLength(13);
    expect(s[3]!.children[0]!.heading).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(s[0]!.source).toEqual({ page: null, line: 21, endLine: 36 });
    // The body ends before "Nơi nhận".
    expect(doc.lines[doc.data.bodyEnd! + 1]!.text.startsWith('Nơi nhận')).toBe(true);
  });

  it('reads OCR-damaged Roman labels (I1 → II, 111 → III) and warns', () => {
    const { sections: s, doc } = sections(['I. MỤC ĐÍCH', 'text', 'I1. NHIEM VU', '1. Về X', 'text', '111. GIAI PHAP', 'text']);
    expect(s.map((x) => x.id)).toEqual(['I', 'II', 'III']);
    expect(s.map((x) => x.kind)).toEqual(['purpose', 'tasks', 'solutions']);
    expect(doc.warnings.filter((w) => w.code === 'section-label-repaired')).toHaveLength(2);
  });

  it('reads an item label whose period OCR made a colon, when it is the next number and a title', () => {
    const { sections: s, doc } = sections(['I. MỤC ĐÍCH', '- Bảo đảm an toàn.', 'II. NHIỆM VỤ', '1: Hạ tầng và nền tảng', 'a) Nâng cấp máy chủ.', '2. Đào tạo, tập huấn', 'Tổ chức lớp tập huấn.', '4: Phòng Tài chính phối hợp thực hiện.']);
    expect(s[1]!.children.map((c) => c.id)).toEqual(['1', '2']);
    expect(doc.warnings.filter((w) => w.code === 'section-label-repaired').map((w) => w.message)).toEqual(['item label "1:" read as 1.']);
  });

  it('recovers part headings whose label OCR garbled or dropped', () => {
    const { sections: s, doc } = sections(['I. MỤC ĐÍCH, YÊU CẦU', 'text', 'II NHIỆM VỤ', '1. Về X', 'text', 'HIIL. GIẢI PHÁP', '1. Tăng cường', 'text']);
    expect(s.map((x) => [x.id, x.heading, x.kind])).toEqual([
      ['I', 'MỤC ĐÍCH, YÊU CẦU', 'purpose'],
      ['II', 'NHIỆM VỤ', 'tasks'],
      ['III', 'GIẢI PHÁP', 'solutions'],
    ]);
    expect(s[2]!.children.map((c) => c.id)).toEqual(['1']);
    expect(doc.warnings.filter((w) => w.code === 'section-recovered')).toHaveLength(2);
  });

  it('nests 1.1 and a) under their numbered parents, and ignores a wrapped line that starts with a smaller number', () => {
    const { sections: s } = sections(['II. NHIỆM VỤ', '1. Nhóm một', '1.1. Việc một', 'a) Ý a', 'b) Ý b', '1.2. Việc hai', '2. Nhóm hai', 'văn bản dài', '1. không phải đề mục', '3. Nhóm ba']);
    const two = s[0]!;
    expect(two.children.map((c) => c.id)).toEqual(['1', '2', '3']);
    expect(two.children[0]!.children.map((c) => c.id)).toEqual(['1.1', '1.2']);
    expect(two.children[0]!.children[0]!.children.map((c) => c.id)).toEqual(['a', 'b']);
  });
});

describe('section headings', () => {
  it('gives a numbered paragraph its first sentence, joined across wrapped lines', () => {
    const { sections: s } = sections(readTestData('003-lai-chau.gold.txt').split('\n'));
    const solutions = s[2]!.children;
    expect(solutions[0]!.heading).toBe(
      'Các cấp, các ngành đẩy mạnh công tác tuyên truyền các chủ trương của Đảng, chính sách pháp luật của Nhà nước về an sinh xã hội theo Kết luận 92-KL/TW của Bộ Chính trị và Kế hoạch này đến cán bộ, công chức và Nhân dân',
    );
    expect(solutions[2]!.heading.startsWith('Đẩy mạnh việc huy động các nguồn lực cho thực hiện giảm nghèo và an sinh xã hội')).toBe(true);
    // Short title lines stay as they are.
    expect(s[1]!.children[0]!.heading).toBe('Về chính sách ưu đãi người có công với cách mạng');
  });

  it('reads "4.Sở Y tế" (OCR lost the space) but not "8.000 người"', () => {
    const { sections: s } = sections(['I. TỔ CHỨC THỰC HIỆN', '3.Sở Tài chính', 'văn bản', '8.000 người được đào tạo', '4.Sở Y tế', 'văn bản']);
    expect(s[0]!.children.map((c) => [c.id, c.heading])).toEqual([
      ['3', 'Sở Tài chính'],
      ['4', 'Sở Y tế'],
    ]);
  });

  it('keeps the kind of a tasks part for items whose words name another kind', () => {
    const { sections: s } = sections(['I. NHIỆM VỤ, GIẢI PHÁP', '1. Nâng cao trách nhiệm của các cấp ủy', 'x', '2. Huy động nguồn lực thực hiện', 'x', 'II. MỤC TIÊU', '1. Mục tiêu chung', 'x', '2. Chỉ tiêu cụ thể', 'x']);
    expect(s[0]!.children.map((c) => c.kind)).toEqual(['tasks', 'tasks']);
    expect(s[1]!.children.map((c) => c.kind)).toEqual(['objectives', 'indicators']);
  });

  it('lets a paragraph inherit its parent kind whatever words it contains', () => {
    const { sections: s } = sections(['I. GIẢI PHÁP', '1. Quan tâm đào tạo, bồi dưỡng trình độ chuyên môn, nghiệp vụ cho đội ngũ công chức, đáp ứng yêu cầu nhiệm vụ trong giai đoạn mới.']);
    expect(s[0]!.children[0]!.kind).toBe('solutions');
  });
});

describe('section helpers', () => {
  it('reads Roman numerals with OCR digits', () => {
    expect(romanValue('IV')).toBe(4);
    expect(romanValue('I1')).toBe(2);
    expect(romanValue('111')).toBe(3);
    expect(romanValue('IIII')).toBeNull();
  });
  it('knows the kinds of headings, damaged or not', () => {
    expect(kindOfHeading('TỔ CHỨC THỰC HIỆN')).toBe('organization');
    expect(kindOfHeading('NHIEM VU VA GIAI PHAP')).toBe('tasks');
    expect(kindOfHeading('KINH PHÍ THỰC HIỆN')).toBe('budget');
    expect(kindOfHeading('MỤC TIÊU')).toBe('objectives');
    expect(kindOfHeading('Về văn hóa')).toBeNull();
  });
});

describe('part headings that survive damage', () => {
  it('"~ IL.MUC TIÊU, CÁC CHỈ TIÊU … DPEN NĂM 2030", "1I.", "Il.": every part found, numbered after its neighbours, with warnings', () => {
    const { sections: s, doc } = sections(readTestData('damaged-headings.txt').split('\n'));
    expect(s.map((x) => [x.id, x.kind, x.children.map((c) => c.id).join()])).toEqual([
      ['I', 'purpose', '1,2'],
      ['II', 'indicators', '1,2'],
      ['III', 'tasks', '1,2'],
      ['IV', 'organization', '1,2,3'],
    ]);
    expect(s[1]!.heading).toBe('MUC TIÊU, CÁC CHỈ TIÊU CHỦ YẾU DPEN NĂM 2030');
    expect(doc.warnings.filter((w) => w.code === 'section-label-repaired').length + doc.warnings.filter((w) => w.code === 'section-recovered').length).toBe(3);
    expect(doc.warnings.find((w) => w.message.includes('~ IL.'))?.code).toBe('section-label-repaired');
  });

  it('a part without a label, and one whose heading is unreadable: its items restarting at 1 and its content say what it is', () => {
    const { sections: s, doc } = sections(readTestData('damaged-headings-unlabelled.txt').split('\n'));
    expect(s.map((x) => [x.id, x.kind, x.children.map((c) => c.id).join()])).toEqual([
      ['I', 'purpose', '1,2'],
      ['II', 'indicators', '1,2'],
      ['III', 'tasks', '1,2'],
      ['IV', 'organization', '1,2,3'],
    ]);
    expect(doc.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['section-label-repaired', 'section-kind-inferred']));
  });

  it('a numbered item in capitals ("1. MỤC ĐÍCH") stays an item of its part', () => {
    const { sections: s } = sections(['KẾ HOẠCH', 'Về việc X', 'I. MỤC ĐÍCH, YÊU CẦU', '1. MỤC ĐÍCH', '- Một.', '2. YÊU CẦU', '- Hai.', 'II. NHIỆM VỤ', '1. Việc một']);
    expect(s.map((x) => [x.id, x.children.map((c) => c.id).join()])).toEqual([['I', '1,2'], ['II', '1']]);
  });

  it('reads a "NỘI DUNG" part whose items are orders as tasks, and one of topics as other', () => {
    const orders = sections([
      'KẾ HOẠCH', 'Về việc X', 'I. MỤC ĐÍCH, YÊU CẦU', '1. Bảo đảm phối hợp.', 'II. NỘI DUNG',
      '1. Thực hiện các văn bản chỉ đạo của Chính phủ về phòng, chống ma túy.',
      '2. Tham mưu sửa đổi, bổ sung các văn bản pháp luật.',
      '3. Tăng cường ứng dụng công nghệ thông tin trong công tác kiểm soát.',
      'III. TỔ CHỨC THỰC HIỆN', '1. Các đơn vị báo cáo.',
    ]);
    expect(orders.sections.map((x) => [x.id, x.kind])).toEqual([['I', 'purpose'], ['II', 'tasks'], ['III', 'organization']]);
    const topics = sections([
      'KẾ HOẠCH', 'Về việc X', 'I. MỤC ĐÍCH, YÊU CẦU', '1. Bảo đảm phối hợp.', 'II. NỘI DUNG',
      '1. Quan trắc, cảnh báo môi trường nuôi trồng thủy sản', '2. Thông tin tuyên truyền', '3. Xây dựng hệ thống quan trắc',
      'III. TỔ CHỨC THỰC HIỆN', '1. Các đơn vị báo cáo.',
    ]);
    expect(topics.sections[1]!.kind).toBe('other');
  });
});
