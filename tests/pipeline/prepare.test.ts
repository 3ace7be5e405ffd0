/**
 * The repair before extraction (src/pipeline/prepare.ts) repairs a damaged text's table cells as it
 * repairs its lines: the tables stage reads the cells, so a task's title and its lead come out
 * with their marks.
 */
import { describe, expect, it } from 'vitest';
import { readTextDocument } from '../../src/backends/text.js';
import { runPipeline } from '../../src/pipeline/index.js';
import { prepareText } from '../../src/pipeline/prepare.js';

function run(text: string) {
  const bytes = new TextEncoder().encode(text);
  const doc = readTextDocument({ file: 'plan.txt', bytes, sha256: '0'.repeat(64) } as never, 'plan.txt');
  prepareText(doc, { repair: 'auto' });
  return runPipeline(doc);
}

describe('repair of table cells', () => {
  it('gives a damaged task table its marks back, cell by cell', () => {
    const rec = run(
      [
        'UY BAN NHAN DAN XA TAN LAP',
        'S6: 12/KH-UBND',
        'KE HOACH',
        'Tuyen truyen phong chay, chira chay nam 2026',
        'I. NHIEM VU',
        'TT | Noi dung nhiém vu | Co quan chu tri | Thoi gian thuc hién',
        '1 | Tuyén truyén phong chay trén loa truyén thanh | Cong an xa | Quy II/2026',
        '2 | Kiém tra cac co so kinh doanh | Cong an xa | Quy III/2026',
      ].join('\n'),
    );
    expect(rec.source.textRepair?.applied).toBe(true);
    expect(rec.tasks.map((t) => [t.id, t.title, t.lead.map((a) => a.name).join()])).toEqual([
      ['1', 'Tuyên truyền phòng cháy trên loa truyền thanh', 'Công an xã'],
      ['2', 'Kiểm tra các cơ sở kinh doanh', 'Công an xã'],
    ]);
    expect(rec.tables[0]!.header).toEqual(['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện']);
  });
});
