/** Times counted from the plan's own signing get a due day; other events and working days do not. */
import { describe, expect, it } from 'vitest';
import { addToDate } from '../../src/pipeline/stages/relative-dates.js';
import { extractFile } from '../../src/extract.js';
import { deadlineDue, deadlinePeriod } from '../../src/exporters/deadlines.js';
import { join } from 'node:path';
import { packageRoot } from '../../src/util/paths.js';

describe('addToDate', () => {
  it('counts calendar days, weeks, months and years, a month end clamped', () => {
    expect(addToDate('2026-02-12', 3, 'month')).toBe('2026-05-12');
    expect(addToDate('2026-01-31', 1, 'month')).toBe('2026-02-28');
    expect(addToDate('2028-01-31', 1, 'month')).toBe('2028-02-29');
    expect(addToDate('2026-11-15', 3, 'month')).toBe('2027-02-15');
    expect(addToDate('2026-12-25', 15, 'day')).toBe('2027-01-09');
    expect(addToDate('2026-03-02', 2, 'week')).toBe('2026-03-16');
    expect(addToDate('2024-02-29', 1, 'year')).toBe('2025-02-28');
  });
});

describe('relative deadlines in a record', () => {
  it('"Sau 03 tháng kể từ ngày ký ban hành Kế hoạch" is due three months after the plan\'s date; "kể từ ngày lập biên bản" and working days stay undated', async () => {
    const record = await extractFile(join(packageRoot(), 'tests', 'data', 'department-sct-quang-ngai-attp-2026.txt'));
    const relative = [...record.tasks, ...record.responsibilities].flatMap((x) => x.deadlines).filter((d) => d.kind === 'relative');
    const signing = relative.find((d) => d.kind === 'relative' && /ngày ký/.test(d.event))!;
    expect(record.document.date).toBe('2026-02-12');
    expect(signing).toMatchObject({ amount: 3, unit: 'month', date: '2026-05-12' });
    expect(deadlineDue(signing)?.toISOString().slice(0, 10)).toBe('2026-05-12');
    expect(deadlinePeriod(signing)).toBe('12/05/2026 (03 tháng kể từ ngày ký ban hành Kế hoạch)');
    const others = relative.filter((d) => d !== signing);
    expect(others.length).toBeGreaterThanOrEqual(2);
    for (const d of others) expect(d).not.toHaveProperty('date');
  });
});
