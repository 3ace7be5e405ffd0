/** The Word 97 .doc backend on the real Lâm Đồng draft (fixtures/real/, a copy of ../shared/real). */
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/backends/index.js';
import { extractFile } from '../../src/extract.js';
import { fixture } from '../cli/run.js';

const file = fixture('real', 'lamdong-UBND-KH-draft-2026-02-khong-ma-tuy.doc');

describe('doc backend', () => {
  it('reads the body in NFC, with the header layout table as its cells one after the other', async () => {
    const doc = await loadDocument(file);
    expect(doc.kind).toBe('doc');
    expect(doc.encoding).toBe('word-97');
    const text = doc.lines.map((l) => l.text);
    expect(text.slice(0, 6)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH LÂM ĐỒNG', 'Số: /KH-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập – Tự do – Hạnh phúc', 'Lâm Đồng, ngày tháng 02 năm 2026']);
    expect(text).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    expect(text).toContain('V. TỔ CHỨC THỰC HIỆN');
    // the file mixes decomposed marks into NFC text; every line comes out NFC, no cell marks or private-use characters left
    for (const line of text) {
      expect(line).toBe(line.normalize('NFC'));
      expect(line).not.toMatch(/[\u0007\ue000-\uf8ff]/);
    }
  });

  it('gives the header and the signature', async () => {
    const record = await extractFile(file);
    expect(record.source.kind).toBe('doc');
    expect(record.document).toMatchObject({ type: 'KH', number: null, issuer: 'Ủy ban nhân dân tỉnh Lâm Đồng', place: 'Lâm Đồng', date: '2026-02' });
    expect(record.document.title).toBe('Tăng cường công tác đấu tranh phòng, chống ma túy và xây dựng xã, phường, đặc khu không ma túy năm 2026');
    expect(record.signer).toMatchObject({ capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Minh' });
    expect(record.recipients).toContain('Tòa án nhân dân tỉnh');
    // two recipients laid side by side with spaces on one line are two recipients
    expect(record.recipients.slice(0, 2)).toEqual(['V01, C04 - Bộ Công an', 'Thường trực Tỉnh ủy']);
  });
});
