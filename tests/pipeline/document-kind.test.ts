import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { extractFile } from '../../src/extract.js';
import { runPipeline } from '../../src/pipeline/index.js';
import { docFromLines } from '../helpers.js';

const real = (name: string) => fileURLToPath(new URL(`../../fixtures/real/${name}`, import.meta.url));
const codes = (rec: { warnings: { code: string }[] }) => rec.warnings.map((w) => w.code);

const HEADER = ['ỦY BAN NHÂN DÂN', 'XÃ ĐÔNG HẢI', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

describe('document type', () => {
  it('takes the type from the type word under the header: a Thông báo is TB, a Tờ trình TTr', async () => {
    const tb = await extractFile(real('NONPLAN-laocai-VPUBND-TB-ket-luan-draft-2026-06-cum-cong-nghiep.docx'));
    expect([tb.document.type, tb.document.typeName]).toEqual(['TB', 'Thông báo']);
    const ttr = runPipeline(docFromLines([...HEADER, 'Số: 15/TTr-UBND', 'Đông Hải, ngày 5 tháng 3 năm 2026', 'TỜ TRÌNH', 'Về việc phê duyệt Kế hoạch chuyển đổi số năm 2026', 'Kính gửi: Ủy ban nhân dân tỉnh.']));
    expect([ttr.document.type, ttr.document.typeName, ttr.document.number]).toEqual(['TTr', 'Tờ trình', '15/TTr-UBND']);
    expect(codes(ttr)).not.toContain('type-conflict');
  });

  it('warns when the number\'s code says another type than the type word, and keeps the word', () => {
    const rec = runPipeline(docFromLines([...HEADER, 'Số: 15/KH-UBND', 'Đông Hải, ngày 5 tháng 3 năm 2026', 'THÔNG BÁO', 'Kết luận của Chủ tịch UBND xã tại cuộc họp ngày 2/3/2026']));
    expect(rec.document.type).toBe('TB');
    expect(rec.warnings.find((w) => w.code === 'type-conflict')?.message).toMatch(/TB .* KH/);
  });

  it('reads a number without a type code and a "V/v" line as a công văn', () => {
    const rec = runPipeline(docFromLines([...HEADER, 'Số: 123/UBND-VP', 'V/v triển khai Kế hoạch chuyển đổi số', 'Đông Hải, ngày 5 tháng 3 năm 2026', 'Kính gửi: Các ban, ngành.']));
    expect([rec.document.type, rec.document.number]).toEqual(['CV', '123/UBND-VP']);
  });

  it('gives a speech no type, no issuer from a sentence and no tasks', () => {
    const rec = runPipeline(
      docFromLines([
        'PHÁT BIỂU CỦA ĐỒNG CHÍ CHỦ TỊCH TẠI HỘI NGHỊ TỔNG KẾT',
        'Kính thưa các đồng chí,',
        'Năm qua, Ủy ban nhân dân thành phố đã ban hành kế hoạch phát triển kinh tế số và nhiều chương trình hành động.',
        'Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai thực hiện các nhiệm vụ y tế cơ sở, hoàn thành trong năm 2026.',
        'Tỷ lệ hộ nghèo giảm còn 1,5%.',
        'Xin chân thành cảm ơn các đồng chí.',
      ]),
    );
    expect(rec.document.type).toBeNull();
    expect(rec.document.issuer).toBeNull();
    expect(rec.tasks).toEqual([]);
    expect(rec.responsibilities).toEqual([]);
    expect(codes(rec)).toContain('not-an-administrative-document');
    expect(codes(rec)).not.toContain('issuer-inferred');
  });

  it('keeps a plan fragment without a header a plan (its parts say so)', () => {
    const rec = runPipeline(docFromLines(['I. MỤC TIÊU', 'Đến năm 2030, tỷ lệ hộ nghèo giảm còn dưới 1%.', 'II. NHIỆM VỤ', '1. Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai.']));
    expect(codes(rec)).not.toContain('not-an-administrative-document');
    expect(rec.tasks.length).toBe(1);
  });
});

describe('a decision that issues a plan', () => {
  it('keeps the QĐ in document and the plan it issues in attachment, with the plan\'s content and positions (BNNMT 2200)', async () => {
    const rec = await extractFile(real('BNNMT-2200-QD-2026-KH-trien-khai-ND180-cac-bon-rung.txt'));
    expect(rec.document).toMatchObject({ type: 'QĐ', typeName: 'Quyết định', number: '2200/QĐ-BNNMT', place: 'Hà Nội', date: '2026-06-10' });
    expect(rec.document.title).toBe('BAN HÀNH KẾ HOẠCH TRIỂN KHAI THỰC HIỆN NGHỊ ĐỊNH SỐ 180/2026/NĐ-CP NGÀY 21 THÁNG 5 NĂM 2026 CỦA CHÍNH PHỦ QUY ĐỊNH VỀ DỊCH VỤ HẤP THỤ VÀ LƯU GIỮ CÁC-BON CỦA RỪNG');
    expect(rec.attachment).toEqual({
      type: 'KH',
      typeName: 'Kế hoạch',
      title: 'TRIỂN KHAI THỰC HIỆN NGHỊ ĐỊNH SỐ 180/2026/NĐ-CP NGÀY 21 THÁNG 5 NĂM 2026 CỦA CHÍNH PHỦ QUY ĐỊNH VỀ DỊCH VỤ HẤP THỤ VÀ LƯU GIỮ CÁC-BON CỦA RỪNG',
      source: { page: null, line: 18, endLine: 120 },
    });
    // The sections are the plan's, not the decision's articles.
    expect(rec.sections.map((s) => s.id)).toEqual(['I', 'II', 'III', 'PL']);
    expect(rec.sections[0]!.source.line).toBe(22);
    expect(rec.tasks.length).toBe(11);
  });
});
