import { describe, expect, it } from 'vitest';
import { AgencyRegistry } from '../../src/facts/agencies.js';
import { joinMergedBodies } from '../../src/pipeline/agency-phrases.js';

const registry = AgencyRegistry.load();
const names = (text: string) => registry.parseList(text).map((a) => `${a.name}${a.kind === 'group' ? ' [group]' : ''}${a.known ? '' : ' [?]'}`);

describe('AgencyRegistry', () => {
  it('splits a list into agencies and keeps collective mentions as groups', () => {
    expect(names('Sở Tài chính, Sở Kế hoạch và Đầu tư và các cơ quan liên quan')).toEqual(['Sở Tài chính', 'Sở Kế hoạch và Đầu tư', 'các cơ quan liên quan [group]']);
    expect(names('UBND các huyện, thị xã, thành phố')).toEqual(['Ủy ban nhân dân các huyện, thị xã, thành phố [group]']);
    expect(names('các sở, ban, ngành có liên quan')).toEqual(['các sở, ban, ngành có liên quan [group]']);
  });

  it('expands abbreviations and spelling variants', () => {
    expect(names('Sở LĐTB&XH')).toEqual(['Sở Lao động - Thương binh và Xã hội']);
    expect(names('Sở LĐ-TB&XH')).toEqual(['Sở Lao động - Thương binh và Xã hội']);
    expect(names('Bộ Lao động - TB&XH')).toEqual(['Bộ Lao động - Thương binh và Xã hội']);
    expect(names('Sở VH,TT&DL; Sở TT&TT')).toEqual(['Sở Văn hóa, Thể thao và Du lịch', 'Sở Thông tin và Truyền thông']);
    expect(names('Sở Văn hóa Thể thao và Du lịch')).toEqual(['Sở Văn hóa, Thể thao và Du lịch']);
    expect(names('Sở NN&PTNT, Sở KH&ĐT, Sở GD&ĐT')).toEqual(['Sở Nông nghiệp và Phát triển nông thôn', 'Sở Kế hoạch và Đầu tư', 'Sở Giáo dục và Đào tạo']);
    expect(names('Phòng Giáo dục - Đào tạo')).toEqual(['Phòng Giáo dục và Đào tạo']);
    expect(names('Phòng Văn hoá - Thông tin, Đài truyền thanh')).toEqual(['Phòng Văn hóa và Thông tin', 'Đài Truyền thanh']);
  });

  it('keeps the level as the document writes it', () => {
    expect(names('BHXH tỉnh, NHCSXH tỉnh, Liên đoàn Lao động tỉnh')).toEqual(['Bảo hiểm xã hội tỉnh', 'Ngân hàng Chính sách xã hội tỉnh', 'Liên đoàn Lao động tỉnh']);
    expect(names('Chi nhánh Ngân hàng chính sách xã hội tỉnh')).toEqual(['Chi nhánh Ngân hàng Chính sách xã hội tỉnh']);
    expect(names('UBND tỉnh Bắc Giang')).toEqual(['Ủy ban nhân dân tỉnh Bắc Giang']);
    expect(names('Ban Dân tộc tỉnh')).toEqual(['Ban Dân tộc tỉnh']);
    expect(names('Trạm Y tế')).toEqual(['Trạm Y tế']);
  });

  it('keeps unknown agencies as written', () => {
    expect(names('Sở Ngoại vụ, Hội Doanh nhân trẻ tỉnh')).toEqual(['Sở Ngoại vụ', 'Hội Doanh nhân trẻ tỉnh [?]']);
  });

  it('matches damaged names on skeletons', () => {
    expect(names('Sé Tai chinh')).toEqual(['Sở Tài chính']);
    expect(names('Sé Lao dong - Thwong binh va Xa hgi')).toEqual(['Sở Lao động - Thương binh và Xã hội']);
    expect(names('S6Y tế')).toEqual(['Sở Y tế']);
  });

  it('finds bodies inside prose', () => {
    const found = registry.scan('Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở, ngành liên quan');
    expect(found.map((m) => m.agency.name)).toEqual(['Sở Kế hoạch và Đầu tư', 'các sở, ngành liên quan']);
    expect(registry.lookup('Sở Y tế')?.name).toBe('Sở Y tế');
    expect(registry.lookup('Sở Y tế chủ trì')).toBeNull();
  });
});

describe('AgencyRegistry boundaries', () => {
  it('takes a bare place name only when it is a province, never across a line break', () => {
    expect(names('Tỉnh ủy Hà Nam về thực hiện')).toEqual(['Tỉnh ủy Hà Nam']);
    const scanned = (text: string) => registry.scan(text).map((m) => m.agency.name);
    expect(scanned('Ban Thường vụ Tỉnh ủy\nThực hiện')).toEqual(['Ban Thường vụ Tỉnh ủy']);
    expect(scanned('UBND huyện\nXây dựng')).toEqual(['Ủy ban nhân dân huyện']);
    expect(scanned('Ban Thường vụ\nTỉnh ủy Bắc Giang')).toEqual(['Ban Thường vụ Tỉnh ủy Bắc Giang']);
  });
  it('ends a group at a capital ("các xã Phòng Lao động…")', () => {
    expect(registry.scan('tại các xã Phòng Lao động - Thương binh và Xã hội chủ trì').map((m) => m.agency.name)).toEqual(['các xã', 'Phòng Lao động - Thương binh và Xã hội']);
  });
});

describe('the 2025 reorganisation', () => {
  it('resolves the merged ministries and departments, the two-level local government and the older names', () => {
    expect(names('Sở Nông nghiệp và Môi trường, Sở Dân tộc và Tôn giáo, Bộ Nông nghiệp và Môi trường')).toEqual(['Sở Nông nghiệp và Môi trường', 'Sở Dân tộc và Tôn giáo', 'Bộ Nông nghiệp và Môi trường']);
    expect(names('Bộ Khoa học và Công nghệ; Bộ Dân tộc và Tôn giáo; Bộ Xây dựng')).toEqual(['Bộ Khoa học và Công nghệ', 'Bộ Dân tộc và Tôn giáo', 'Bộ Xây dựng']);
    expect(names('UBND các xã, phường, đặc khu')).toEqual(['Ủy ban nhân dân các xã, phường, đặc khu [group]']);
    expect(names('Công an xã, Đảng ủy phường, Trung tâm Phục vụ hành chính công xã')).toEqual(['Công an xã', 'Đảng ủy phường', 'Trung tâm Phục vụ hành chính công xã']);
    expect(names('Phòng Kinh tế, Hạ tầng và Đô thị; Phòng Văn hóa - Xã hội')).toEqual(['Phòng Kinh tế, Hạ tầng và Đô thị', 'Phòng Văn hóa - Xã hội']);
    expect(names('Bộ phận Văn phòng - Thống kê, Bộ phận Tư pháp - Hộ tịch')).toEqual(['Công chức Văn phòng - Thống kê', 'Công chức Tư pháp - Hộ tịch']);
    // A 2021 plan's name still resolves to its own body.
    expect(names('Sở LĐTB&XH')).toEqual(['Sở Lao động - Thương binh và Xã hội']);
  });

  it('knows the years a name was in use and what replaced it', () => {
    const [old] = registry.parseList('Sở LĐTB&XH tỉnh');
    expect(registry.validity(old!)).toEqual({ name: 'Sở Lao động - Thương binh và Xã hội', validFrom: null, validTo: 2025, successor: 'Sở Nội vụ' });
    const [merged] = registry.parseList('Sở Nông nghiệp và Môi trường');
    expect(registry.validity(merged!)).toMatchObject({ validFrom: 2025, validTo: null });
    expect(registry.validity(registry.parseList('Sở Nội vụ')[0]!)).toMatchObject({ validFrom: null, validTo: null, successor: null });
    expect(registry.validity(registry.parseList('các sở, ban, ngành')[0]!)).toBeNull();
  });
});

describe('"và" between bodies and inside names', () => {
  it('keeps conjunctions inside official names and splits two bodies', () => {
    expect(names('Sở Văn hóa, Thể thao và Du lịch')).toEqual(['Sở Văn hóa, Thể thao và Du lịch']);
    expect(names('Sở Nông nghiệp và Môi trường')).toEqual(['Sở Nông nghiệp và Môi trường']);
    expect(names('Sở Tài chính và Sở Nội vụ')).toEqual(['Sở Tài chính', 'Sở Nội vụ']);
    expect(names('Sở Văn hóa, Thể thao và Du lịch và Sở Nông nghiệp và Môi trường')).toEqual(['Sở Văn hóa, Thể thao và Du lịch', 'Sở Nông nghiệp và Môi trường']);
    // The units of Bộ Nông nghiệp và Môi trường (NĐ 35/2025/NĐ-CP), as the BNNMT plan of 2026 names them.
    expect(names('Cục Lâm nghiệp và Kiểm lâm; Vụ Pháp chế, Cục Biến đổi khí hậu')).toEqual(['Cục Lâm nghiệp và Kiểm lâm', 'Vụ Pháp chế', 'Cục Biến đổi khí hậu']);
    expect(names('Cục Lâm nghiệp và Cục Kiểm lâm')).toEqual(['Cục Lâm nghiệp', 'Cục Kiểm lâm']);
  });

  it('reads bodies merged in 2025 and named together after the merger as their successor', () => {
    const joined = (text: string, year: number) => joinMergedBodies(registry.parseList(text), year).map((a) => a.name);
    expect(joined('Cục Lâm nghiệp và Cục Kiểm lâm', 2026)).toEqual(['Cục Lâm nghiệp và Kiểm lâm']);
    expect(joined('Cục Lâm nghiệp và Cục Kiểm lâm, Sở Nông nghiệp và Môi trường', 2026)).toEqual(['Cục Lâm nghiệp và Kiểm lâm', 'Sở Nông nghiệp và Môi trường']);
    expect(joined('Sở Kế hoạch và Đầu tư, Sở Tài chính', 2026)).toEqual(['Sở Tài chính']);
    // Before the merger they were two bodies; bodies still in use are never joined; one old name alone stays.
    expect(joined('Cục Lâm nghiệp và Cục Kiểm lâm', 2023)).toEqual(['Cục Lâm nghiệp', 'Cục Kiểm lâm']);
    expect(joined('Sở Tài chính và Sở Nội vụ', 2026)).toEqual(['Sở Tài chính', 'Sở Nội vụ']);
    expect(joined('Sở Kế hoạch và Đầu tư', 2026)).toEqual(['Sở Kế hoạch và Đầu tư']);
  });
});
