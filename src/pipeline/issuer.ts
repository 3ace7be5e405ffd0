/**
 * The issuer block of a header (the left column above "Số: …") read as a hierarchy of bodies, one to four
 * lines: "UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ" is Sở Nội vụ tỉnh Lâm Đồng under Ủy ban nhân dân tỉnh Lâm Đồng;
 * "SỞ CÔNG THƯƠNG / ĐOÀN KIỂM TRA / THEO QUYẾT ĐỊNH / SỐ 1050/QĐ-SCT" is an inspection team under the
 * department. A line opens a new body when it starts with a body's word (Sở, Ban, Đoàn, Phòng, …); other lines
 * carry on the one above ("ỦY BAN NHÂN DÂN" / "TỈNH GIA LAI", "SỞ NÔNG NGHIỆP" / "VÀ MÔI TRƯỜNG").
 */
import { skeleton } from '../text/vietnamese.js';
import { squeeze, tidyCodes, titleCase, upperShare } from '../text/case.js';
import { AgencyRegistry } from '../facts/agencies.js';
import { leadingBody, provinceBySkeleton } from '../facts/administrative.js';

/** Words that open a body's name in a header (on the skeleton). */
const BODY_START =
  /^(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|so (?!\d)|bo |ban |doan |phong |chi cuc |cuc |tong cuc |trung tam |truong |van phong |cong an |dang uy |dang bo |tinh uy|huyen uy|thanh uy|uy ban |mat tran |hoi |vien |benh vien |toa an |kho bac |bao hiem |ngan hang |lien doan |to cong tac |to kiem tra |tieu ban |hoi dong |thanh tra |chi nhanh |tong cong ty |cong ty )/;
/** A People's Committee (or Council) of a place: its place is the place of the bodies under it. */
const PEOPLES_BODY = /^(?:Ủy ban nhân dân|Hội đồng nhân dân) (.+)$/u;
/** Parts of a body that are named after it ("Văn phòng Ủy ban nhân dân tỉnh …", "Ban Thường trực Ủy ban MTTQ …"). */
const PART_OF_PARENT = /^(?:van phong|ban thuong truc|thuong truc|ban thuong vu|thuong vu|ban chap hanh)$/;
// (?=\s|$), not \b: "phố" ends in a letter \b does not know.
const PLACE_UNIT = /^(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)(?=\s|$)/iu;

export interface IssuerBlock {
  /** The body that issues the document (the last of the block), with the place it belongs to. */
  issuer: string;
  /** The body it belongs to (the one above it in the block), or null for a one-body block. */
  parent: string | null;
  /** Every body of the block, from the top. */
  hierarchy: string[];
}

/** Groups the block's lines into bodies. */
export function issuerGroups(lines: string[]): string[] {
  const groups: string[] = [];
  for (const raw of lines) {
    const line = squeeze(raw.replace(/[|*_]+/g, ' ').replace(/^[-–\s]+|[-–\s]+$/gu, ''));
    if (!line || !/\p{L}/u.test(line)) continue;
    const opens = BODY_START.test(skeleton(line) + ' ');
    // "ỦY BAN NHÂN DÂN" alone names no place yet: the next line is its unit, whatever its first word.
    const prev = groups[groups.length - 1];
    const bare = prev !== undefined && leadingBody(skeleton(prev))?.[0] === skeleton(prev).trim();
    if (groups.length === 0 || (opens && !bare)) groups.push(line);
    else groups[groups.length - 1] += ' ' + line;
  }
  return groups;
}

const ABBREVIATION = /^(?:ubnd|hdnd|mttq|vn|tw|tp|cp|ttg|qh|bch)$/;

/** Capitals of a place name written in capitals after a unit word ("xã LƯƠNG MINH" → "xã Lương Minh"). */
function placeCase(name: string): string {
  return name.replace(/((?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu) )((?:\p{Lu}+\s?)+)$/u, (_, unit: string, place: string) =>
    unit + (provinceBySkeleton(place) ?? titleCase(place.trim())));
}

/** "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT" → "Đoàn kiểm tra theo Quyết định số 1050/QĐ-SCT". */
function sentenceCase(text: string): string {
  if (upperShare(text) < 0.8) return text;
  const words = text.split(' ').map((w, i) => {
    // Codes and abbreviations keep their capitals ("1050/QĐ-SCT", "UBND", "MTTQ").
    if (/[\d/&-]/u.test(w) || ABBREVIATION.test(skeleton(w))) return w;
    const lower = w.toLocaleLowerCase('vi');
    return i === 0 ? lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1) : lower;
  });
  // A place name after its unit word keeps its capitals ("Ủy ban bầu cử xã Phố Bảng").
  const unitAt = words.findIndex((w, i) => i > 0 && /^(?:tỉnh|huyện|quận|xã|phường)$/u.test(w));
  if (unitAt > 0) for (let k = unitAt + 1; k < words.length; k++) words[k] = words[k]!.charAt(0).toLocaleUpperCase('vi') + words[k]!.slice(1);
  // Document types cited in a name keep their capital ("theo Quyết định số …").
  return tidyCodes(words.join(' ').replace(/\b(quyết định|nghị quyết|kế hoạch|chỉ thị)( số)/gu, (_, t: string, s: string) => t.charAt(0).toLocaleUpperCase('vi') + t.slice(1) + s));
}

/** One body's name: the registry's spelling when it knows the body, else the words in sentence case. */
function bodyName(group: string, format: (raw: string) => string): string {
  return placeCase(bodyNameAsRead(group, format));
}

function bodyNameAsRead(group: string, format: (raw: string) => string): string {
  if (leadingBody(skeleton(group))) return format(group);
  const registry = AgencyRegistry.load();
  const first = registry.scan(group)[0];
  if (first && first.start === 0 && first.agency.kind === 'agency') {
    const rest = squeeze(group.slice(first.end));
    return squeeze(`${first.agency.name} ${rest ? sentenceCase(rest).replace(/^\p{Lu}/u, (c) => (PLACE_UNIT.test(rest) ? c.toLocaleLowerCase('vi') : c)) : ''}`);
  }
  return sentenceCase(group);
}

/**
 * Reads the block. `format` spells a People's Committee line (formatIssuer of the header stage). The issuer
 * takes the place of a People's Committee above it when its own name has none ("Sở Nội vụ" under "UBND tỉnh
 * Lâm Đồng" → "Sở Nội vụ tỉnh Lâm Đồng").
 */
export function readIssuerBlock(lines: string[], format: (raw: string) => string): IssuerBlock | null {
  const groups = issuerGroups(lines);
  if (groups.length === 0) return null;
  const hierarchy = groups.map((g) => bodyName(g, format));
  let issuer = hierarchy[hierarchy.length - 1]!;
  const parent = hierarchy.length > 1 ? hierarchy[hierarchy.length - 2]! : null;
  // A part that names no body without its parent ("UBND TỈNH LÀO CAI / VĂN PHÒNG", "ỦY BAN MTTQ VIỆT NAM XÃ
  // LƯƠNG MINH / BAN THƯỜNG TRỰC") is that part of the parent: "Văn phòng Ủy ban nhân dân tỉnh Lào Cai".
  if (parent && PART_OF_PARENT.test(skeleton(issuer).trim())) {
    issuer = `${issuer.replace(/^(\p{Lu}\p{Ll}*)(.*)$/u, (_, a: string, b: string) => a + b.replace(/\bthường (trực|vụ)\b/giu, (w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1).toLocaleLowerCase('vi')))} ${parent}`;
    hierarchy[hierarchy.length - 1] = issuer;
    return { issuer, parent, hierarchy };
  }
  const place = parent ? PEOPLES_BODY.exec(parent)?.[1] : undefined;
  if (place && PLACE_UNIT.test(place) && !PEOPLES_BODY.test(issuer) && !skeleton(issuer).includes(skeleton(place))) {
    issuer = `${issuer} ${place}`;
    hierarchy[hierarchy.length - 1] = issuer;
    return { issuer, parent, hierarchy };
  }
  // Three levels ("UBND TỈNH LÀO CAI / SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG / CHI CỤC KIỂM LÂM"): the People's Committee's
  // place goes to each body below it that there is one of in every province (a Sở, a Chi cục, a body the registry
  // marks `level`: "Sở Nông nghiệp và Môi trường tỉnh Lào Cai", "Chi cục Kiểm lâm tỉnh Lào Cai"), not to a team.
  const top = hierarchy.findIndex((h) => PEOPLES_BODY.test(h));
  const topPlace = top >= 0 && top < hierarchy.length - 2 ? PEOPLES_BODY.exec(hierarchy[top]!)![1]! : undefined;
  if (topPlace && PLACE_UNIT.test(topPlace)) {
    const registry = AgencyRegistry.load();
    for (let k = top + 1; k < hierarchy.length; k++) {
      const body = hierarchy[k]!;
      if (PEOPLES_BODY.test(body) || skeleton(body).includes(skeleton(topPlace)) || !(/^(?:Sở|Chi cục)\s/u.test(body) || registry.isLevelBody(body))) break;
      hierarchy[k] = `${body} ${topPlace}`;
    }
    return { issuer: hierarchy[hierarchy.length - 1]!, parent: hierarchy[hierarchy.length - 2] ?? null, hierarchy };
  }
  return { issuer, parent, hierarchy };
}
