/**
 * Conventions of reports and work programmes (blind round 10, tests/data/bc-so-gddt-…, ctr-so-vhttdl-…): targets
 * under a part of tasks are no task; a work programme's months and quarters written without a year fall in the
 * plan's year; amounts of money a target names are its unit.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/index.js';
import { readTextDocument } from '../../src/backends/text.js';

function fromText(text: string, file = 'plan.txt') {
  const bytes = new TextEncoder().encode(text);
  return runPipeline(readTextDocument({ file, bytes, sha256: '0'.repeat(64) } as never, file));
}

const HEADER = (type: string, title: string) => `UBND TỈNH LẠNG SƠN      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH      Độc lập - Tự do - Hạnh phúc
Số: 05/CTr-SVHTTDL      Lạng Sơn, ngày 08 tháng 01 năm 2026

${type}
${title}
`;

describe('an item of targets under a part of tasks', () => {
  it('is no task: "II. PHƯƠNG HƯỚNG, NHIỆM VỤ" / "1. Chỉ tiêu chủ yếu" / "2. Nhiệm vụ trọng tâm"', () => {
    const rec = fromText(`${HEADER('BÁO CÁO', 'Tổng kết năm 2025')}
I. KẾT QUẢ THỰC HIỆN
Tỷ lệ trường đạt chuẩn quốc gia đạt 72,4%.
II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026
1. Chỉ tiêu chủ yếu
- Tỷ lệ trường đạt chuẩn quốc gia đạt từ 75% trở lên.
- Tỷ lệ học sinh bỏ học dưới 0,3%.
2. Nhiệm vụ trọng tâm
2.1. Phòng Quản lý Du lịch chủ trì, phối hợp với Sở Nội vụ rà soát; hoàn thành trước ngày 30/9/2026.
2.2. Văn phòng Sở phối hợp với Sở Tài chính tổng hợp kinh phí; thực hiện thường xuyên.
`);
    expect(rec.tasks.map((t) => t.id)).toEqual(['2.1', '2.2']);
    const part = rec.sections.find((s) => s.id === 'II')!;
    expect(part.children.map((c) => [c.id, c.kind])).toEqual([['1', 'indicators'], ['2', 'tasks']]);
    expect(rec.indicators.map((i) => i.target.value)).toEqual([75, 0.3]);
  });
});

describe('a month or a quarter without its year in a task table', () => {
  const programme = (title: string) => `${HEADER('CHƯƠNG TRÌNH', title)}
II. NHIỆM VỤ CỤ THỂ
STT | Nội dung công việc | Đơn vị tham mưu | Lãnh đạo Sở phụ trách | Thời gian hoàn thành
1 | Tổ chức các hoạt động mừng Xuân | Phòng Quản lý Văn hóa và Gia đình | Phó Giám đốc Nông Thị Lan | Tháng 01
2 | Xây dựng Kế hoạch gia đình | Phòng Quản lý Văn hóa và Gia đình | Phó Giám đốc Nông Thị Lan | Quý III
3 | Cử đoàn vận động viên | Phòng Quản lý Thể dục, thể thao | Phó Giám đốc Lương Đức Thắng | Theo lịch của Cục Thể dục thể thao
`;

  it('falls in the one year the title names, with a warning; the persons in charge are no agencies', () => {
    const rec = fromText(programme('Công tác trọng tâm năm 2026'));
    expect(rec.tasks.map((t) => t.deadlines.map(({ text: _t, ...d }) => d))).toEqual([[{ kind: 'month', year: 2026, month: 1 }], [{ kind: 'quarter', year: 2026, quarter: 3 }], []]);
    expect(rec.tasks.every((t) => t.support.length === 0)).toBe(true);
    expect(rec.warnings.filter((w) => w.code === 'deadline-year-inferred')).toHaveLength(2);
  });

  it('has no year when the title names a span of years', () => {
    const rec = fromText(programme('Phát triển du lịch giai đoạn 2026 - 2030'));
    expect(rec.tasks.map((t) => t.deadlines.length)).toEqual([0, 0, 0]);
  });
});

describe('an amount of money a target names', () => {
  it('is its unit ("tổng thu từ du lịch đạt 6.500 tỷ đồng")', () => {
    const rec = fromText(`${HEADER('CHƯƠNG TRÌNH', 'Công tác trọng tâm năm 2026')}
I. MỤC TIÊU
Năm 2026, phấn đấu đón trên 5.200.000 lượt khách du lịch; tổng thu từ du lịch đạt 6.500 tỷ đồng.
`);
    expect(rec.indicators.map((i) => [i.target.value, i.target.unit, i.target.year])).toEqual([[5200000, 'lượt', 2026], [6500, 'tỷ đồng', 2026]]);
  });
});
