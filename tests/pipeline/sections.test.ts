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

  it('nests 1.1 and a) under their numbered parents, and ignores a wrapped line that starts with a smaller number', () => {
    const { sections: s } = sections(['II. NHIỆM VỤ', '1. Nhóm một', '1.1. Việc một', 'a) Ý a', 'b) Ý b', '1.2. Việc hai', '2. Nhóm hai', 'văn bản dài', '1. không phải đề mục', '3. Nhóm ba']);
    const two = s[0]!;
    expect(two.children.map((c) => c.id)).toEqual(['1', '2', '3']);
    expect(two.children[0]!.children.map((c) => c.id)).toEqual(['1.1', '1.2']);
    expect(two.children[0]!.children[0]!.children.map((c) => c.id)).toEqual(['a', 'b']);
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
