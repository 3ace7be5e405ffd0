import { describe, expect, it } from 'vitest';
import { closingStage } from '../../src/pipeline/stages/closing.js';
import { emptyDraft } from '../../src/pipeline/stage.js';
import { docFromLines, readTestData } from '../helpers.js';

function closing(lines: string[]) {
  const doc = docFromLines(lines);
  doc.data.bodyEnd = 0;
  const draft = emptyDraft();
  closingStage.run(doc, draft);
  return { draft, doc };
}

describe('closing stage', () => {
  it('separates merged recipient and signature columns (seed 003 gold)', () => {
    const lines = readTestData('003-lai-chau.gold.txt').split('\n');
    const { draft } = closing(lines);
    expect(draft.signer).toMatchObject({ authority: 'TM. ỦY BAN NHÂN DÂN', capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: null });
    expect(draft.recipients).toEqual(['Bộ Lao động - TB&XH', 'TT. Tỉnh ủy', 'Các Sở, ban, ngành tỉnh', 'UBND các huyện, thành phố']);
  });

  it('reads the signer name under the title and stops recipients at "Lưu"', () => {
    const { draft } = closing(['văn bản', 'Nơi nhận:', '- Sở LĐTB&XH;', '- UBND các xã, thị trấn;', '- Lưu: VT.', '', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '', 'Nguyễn Văn An']);
    expect(draft.signer).toMatchObject({ authority: 'TM. ỦY BAN NHÂN DÂN', capacity: null, title: 'CHỦ TỊCH', name: 'Nguyễn Văn An' });
    expect(draft.recipients).toEqual(['Sở LĐTB&XH', 'UBND các xã, thị trấn']);
  });

  it('copes with OCR damage in the closing block ("Noi nhgn", "KT,")', () => {
    const { draft } = closing(['x', 'Noi nhgn: TM. UY BAN NHAN DAN', '- Bo Lao dong (de b/c);', '- TT. Tinh uy; KT, CHU TICH', 'PHO CHU TICH', '- U;', '- Luu VT.']);
    expect(draft.signer.capacity).toBe('KT. CHU TICH');
    expect(draft.signer.title).toBe('PHO CHU TICH');
    expect(draft.recipients).toEqual(['Bo Lao dong', 'TT. Tinh uy']);
  });
});
