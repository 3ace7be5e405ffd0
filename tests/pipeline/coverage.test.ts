import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/index.js';
import { docFromLines, readTestData } from '../helpers.js';

const codes = (lines: string[]) => runPipeline(docFromLines(lines)).warnings.map((w) => w.code);

describe('coverage: a stage that finds nothing where the document clearly has content says so', () => {
  it('warns when targets with % and "X chủ trì" prose were not read', () => {
    const found = codes([
      'ỦY BAN NHÂN DÂN', 'TỈNH X', 'Số: 5/KH-UBND                 X, ngày 1 tháng 2 năm 2024', 'KẾ HOẠCH', 'Về việc thử', '',
      'Tỷ lệ lao động qua đào tạo đạt 75% vào năm 2030 và tỷ lệ thất nghiệp dưới 3%.',
      'Tỷ lệ hộ nghèo giảm 1,5% mỗi năm.',
      'Sở Tài chính chủ trì, phối hợp với Sở Nội vụ tổ chức thực hiện.',
    ]);
    expect(found).toEqual(expect.arrayContaining(['indicators-not-found', 'tasks-not-found']));
  });

  it('stays quiet when the stages read them (the damaged-headings plan)', () => {
    const found = codes(readTestData('damaged-headings.txt').split('\n'));
    expect(found).not.toContain('indicators-not-found');
    expect(found).not.toContain('tasks-not-found');
    expect(found).not.toContain('task-leads-not-found');
    expect(found).not.toContain('responsibilities-not-found');
  });
});

describe('agency names against the year of the plan', () => {
  const plan = (year: number, lead: string) => runPipeline(docFromLines([
    'ỦY BAN NHÂN DÂN', 'TỈNH X', `Số: 5/KH-UBND                 X, ngày 1 tháng 2 năm ${year}`, 'KẾ HOẠCH', 'Về việc thử', '',
    'I. NHIỆM VỤ', `1. Rà soát chính sách`, `${lead} chủ trì, phối hợp với Sở Tư pháp thực hiện.`,
  ]));
  it('a 2021 plan\'s "Sở LĐTB&XH" and a 2026 plan\'s "Sở Nội vụ" both resolve, without warnings', () => {
    for (const [year, lead, name] of [[2021, 'Sở LĐTB&XH', 'Sở Lao động - Thương binh và Xã hội'], [2026, 'Sở Nội vụ', 'Sở Nội vụ']] as const) {
      const r = plan(year, lead);
      expect(r.tasks[0]!.lead.map((a) => [a.name, a.known])).toEqual([[name, true]]);
      expect(r.warnings.map((w) => w.code)).not.toContain('agency-out-of-date');
    }
  });
  it('a 2026 plan naming Sở LĐTB&XH is told that its duties went to Sở Nội vụ', () => {
    const w = plan(2026, 'Sở LĐTB&XH').warnings.find((x) => x.code === 'agency-out-of-date');
    expect(w?.message).toMatch(/until 2025.*Sở Nội vụ/);
  });
});
