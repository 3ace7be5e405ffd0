/**
 * The header: issuer (left column), number, place and date, document type and
 * title. Matching runs on skeletons so that damaged text ("S6: 767 /KH-UBND Lai
 * Chau, ngay 31 thang 3 nam 2021") still yields what survived (the digits).
 */
import type { PlanDocument, TextLine } from '../../model/document.js';
import type { Stage } from '../stage.js';
import { skeleton } from '../../text/vietnamese.js';
import { squeeze, tidyCodes, titleCase, upperShare } from '../../text/case.js';
import { canonicalTypeCode, typeCodeFromName, typeNameOf } from '../../facts/document-types.js';
import { leadingBody, leadingUnit, provinceBySkeleton, provinceSince2025 } from '../../facts/administrative.js';
import { issuerGroups, readIssuerBlock, type IssuerBlock } from '../issuer.js';
import { findAttachment } from './document-kind.js';
import { isLayoutTable } from './tables.js';

/** How far into the document the header may reach. */
/** What stands above a header and is no body: the draft mark ("DỰ THẢO", "Dự thảo lần 2") and urgency or secrecy marks. */
const MARK_ABOVE_HEADER = /^(?:ban\s+)?du\s+thao(?:\s+(?:lan\s+)?\d+)?(?:\s*\d+)?$|^(?:mat|toi mat|tuyet mat|khan|thuong khan|hoa toc)$/;
const HEADER_WINDOW = 60;

// "Số: 767 /KH-UBND", "S6:82 /KH-UBND", "Số: /KH-UBND", "Số: 12/2024/QĐ-UBND" (on the skeleton).
// The issuer's code may have more parts: "1523/KH-CAT-PC08" (the office's code after its body's).
// The number may be handwritten on a scan and read as junk ("Số: ÉŠ/KH-DCT"): up to 4 characters, no number.
// Its slash may be read as a quote or tick when the number is ("Só:ØÓ6` KH-TCTLNTW-C04").
const NUMBER = /(?:^|[\s|])s[o0-9a-z]?\s*[:;.]\s*(?:(\d{1,6})|[^\s\/]{1,5}(?=\s*[\/`'’]))?\s*(?:\/\s*(\d{4})\s*)?[\/`'’]\s*([a-z]{1,6})\s*-\s*([a-z0-9&]{1,12}(?:-[a-z0-9&]{1,8}){0,2})/;
// A Party document's number: "Số 15-CTr/TU", "Số 05-NQ/HU" (the type before the issuer's code, a dash then a slash,
// often no colon), at the start of its line or column: a cell of its own, so "Chương trình số 15-CTr/TU của …" in a
// sentence is not taken for it.
const PARTY_NUMBER = /(?:^|[|]|\s{3})\s*s[o0-9a-z]?\s*[:;.]?\s*(\d{1,6})\s*-\s*([a-z]{1,6})\s*\/\s*([a-z0-9&-]{1,12})\s*(?=$|[|]|\s{3})/;
// "ngày 31 tháng 3 năm 2021", damaged "ngay 30 thdng 4 ndm 2024", blank "ngày tháng năm 2021".
// A handwritten day or month on a scan may come out as a short junk word ("ngày đỗ tháng 6 năm 2026",
// "ngày4$ tháng"): no day then, rather than a guessed one.
const DATE = /ng[a-z]{1,3}\s*(?:(\d{1,2})(?=\s|th)|\d{0,2}[^\s\d]{1,3}(?=\s))?\s*th[a-z]{1,4}\s*(?:(\d{1,2})(?=\s|n)|\d{0,2}[^\s\d]{1,3}(?=\s))?\s*n[a-z]{1,3}\s*(\d{4})/;
// A date broken at the end of its line, anywhere after "ngày" ("ngày", "ngày 03 tháng", "ngày 03 tháng 3 năm").
const WRAPPED_DATE = /(?:^|[\s,])ng[a-z]{1,3}(?:\s*\d{1,2}(?:\s*th[a-z]{1,4}(?:\s*\d{1,2}(?:\s*n[a-z]{1,3})?)?)?|\s*th[a-z]{1,4}(?:\s*n[a-z]{1,3})?)?\s*$/;
// The right column of the header, loosely: OCR damages its vowels ("CONG HOA XA HQI", "Poc 1ap - Tw do").
const MOTTO = [
  /c\S{2}g\s+h\S{1,2}\s+x\S{1,2}\s+h\S{1,2}\s+ch\S{1,2}\s+ngh\S{1,3}\s+vi\S{1,2}t\s+nam/,
  // its first line alone when OCR breaks "VIỆT NAM" onto the next line
  /c\S{2}g\s+h\S{1,2}\s+x\S{1,2}\s+h\S{1,2}\s+ch\S{1,2}\s+ngh\S{1,3}\s*$/,
  /\S{1,3}c\s+\S{2,3}p\s*-\s*t\S{0,2}\s+d[o0]\s*-\s*h\S{1,2}nh\s+ph\S{1,3}c/,
  /d\S{1,2}ng\s+c\S{1,2}ng\s+s\S{1,2}n\s+vi\S{1,2}t\s+nam/,
];
// A line that opens the motto, or its second half alone (same loose vowels as MOTTO).
const MOTTO_PIECE = /^(?:c\S{2}g\s+h\S{1,2}\s+x\S{1,2}\s+h\S{1,2}\b|(?:ch\S{1,2}\s+ngh\S{1,3}\s+)?vi\S{1,2}t\s+nam\s*$|\S{1,3}c\s+\S{2,3}p\s*-\s*t\S{0,2}\s+d[o0]\b|d\S{1,2}ng\s+c\S{1,2}ng\s+s\S{1,2}n\s+vi\S{1,2}t\s+nam)/;
const PREAMBLE_OPENERS = /^(can cu|thuc hien|trien khai|theo de nghi|xet de nghi|tiep theo|nham |de )/;

export function isoDate(year: string, month?: string, day?: string): string | null {
  const y = Number(year);
  if (y < 1945 || y > 2100) return null;
  if (!month) return String(y);
  const m = Number(month);
  if (m < 1 || m > 12) return String(y);
  const mm = String(m).padStart(2, '0');
  if (!day) return `${y}-${mm}`;
  const d = Number(day);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > last) return `${y}-${mm}`;
  return `${y}-${mm}-${String(d).padStart(2, '0')}`;
}

/**
 * The left cell of a header line laid out in columns: a Word table renders as "a | b", a layout text puts
 * a wide gap between the columns ("SỐ 1050/QĐ-SCT        Lào Cai, ngày 10 tháng 3 năm 2026").
 */
function leftCell(text: string): string {
  const cells = text.trim().replace(/^\|\s*/u, '').split(/\s*\|\s*|\s{3,}|\t+/u);
  return cells[0] ?? '';
}

/** Removes the national motto (right column) from a merged two-column header line. */
/**
 * The province a place text ends with when the left column's text stands before it on the line
 * ("SỐ 1050/QĐ-SCT Lào Cai"): only when that text holds a code (digits, "/"), and only names of
 * two words or more, so that a commune's name is never taken for a province.
 */
function provinceSuffix(place: string): string | null {
  if (!/[\d/]/u.test(place)) return null;
  const words = place.split(' ');
  for (let n = Math.min(4, words.length - 1); n >= 2; n--) {
    const found = provinceBySkeleton(words.slice(-n).join(' '));
    if (found) return found;
  }
  return null;
}

/**
 * A line of layout text whose left column runs into the place and date with one space ("SỐ 1050/QĐ-SCT Lào Cai,
 * ngày 10 tháng 3 năm 2026"): the left column alone, without the place (title case) and date.
 */
/** A date cut at the line's end after its day and month ("…, ngày 14 tháng 4 năm"; not a bare "ng…" word: "QUẢNG NGÃI"). */
const DATE_CUT_AT_END = /(?:^|[\s,])ng[a-z]{1,3}\s*\d{1,2}\s*th[a-z]{1,4}(?:\s*\d{1,2}(?:\s*n[a-z]{1,3})?)?\s*$/;

function withoutPlaceDate(text: string): string {
  // the date may be cut at the line's end, its year on the next line ("LẠT Lâm Viên - Đà Lạt, ngày 14 tháng 4 năm")
  const skel = skeleton(text);
  const m = DATE.exec(skel) ?? DATE_CUT_AT_END.exec(skel);
  if (!m) return text;
  // the place before it, its words joined by spaces or a dash ("Lâm Viên - Đà Lạt")
  return text.slice(0, m.index).replace(/\s*(?:TP\.?\s*)?(?:\p{Lu}\p{Ll}+(?:\s+-\s+|\s*))+,?\s*$/u, '');
}

function leftColumn(text: string): string {
  let skel = skeleton(text);
  let out = text;
  for (const motto of MOTTO) {
    const m = motto.exec(skel);
    if (m) {
      out = out.slice(0, m.index) + ' '.repeat(m[0].length) + out.slice(m.index + m[0].length);
      skel = skeleton(out);
    }
  }
  return squeeze(out);
}

/**
 * A department at the top of the block that names no province ("SỞ CÔNG THƯƠNG / ĐOÀN KIỂM TRA …") belongs to one:
 * the document's own words say which when they name that department with its province ("… của Giám đốc Sở Công
 * Thương tỉnh Lào Cai"), else the place line when it is a province ("Lào Cai, ngày …"). Either way a warning says
 * where the province came from; with neither, the name stays as the block writes it.
 */
function completeTopPlace(doc: PlanDocument, read: IssuerBlock, place: string | null, placeSource: ReturnType<PlanDocument['sourceOf']> | null): void {
  const top = read.hierarchy[0]!;
  if (read.hierarchy.length < 2 || !/^Sở\s/u.test(top) || /\s(?:tỉnh|thành phố)\s/u.test(top)) return;
  const key = skeleton(top).replace(/\s+/g, ' ').trim();
  // The whole text, lines joined (a name may run over a line break), with the line each offset stands on.
  let text = '';
  const lineAt: number[] = [];
  doc.lines.forEach((l, i) => {
    const t = skeleton(l.text).replace(/\s+/g, ' ').trim();
    if (!t) return;
    lineAt.push(...new Array<number>(t.length + 1).fill(i));
    text += t + ' ';
  });
  const re = new RegExp(String.raw`\b${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (tinh|thanh pho) ((?:[a-z]+ ){1,3})`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const words = m[2]!.trim().split(' ');
    for (let n = words.length; n >= 1; n--) {
      const province = provinceBySkeleton(words.slice(0, n).join(' '));
      if (!province) continue;
      const named = `${top} ${m[1] === 'tinh' ? 'tỉnh' : 'thành phố'} ${province}`;
      doc.warn('issuer-parent-completed', `the header names "${top}" without its province; the text names it "${named}"`, doc.sourceOf(lineAt[m.index]!, lineAt[m.index + m[0].length - 1]!));
      setTop(read, named);
      return;
    }
  }
  const since = place ? provinceSince2025(place) : null;
  if (since && skeleton(since.name) === skeleton(place!)) {
    const named = `${top} ${since.kind} ${since.name}`;
    doc.warn('issuer-parent-completed', `the header names "${top}" without its province; the place line gives "${since.name}"`, placeSource);
    setTop(read, named);
  }
}

function setTop(read: IssuerBlock, named: string): void {
  if (read.parent === read.hierarchy[0]) read.parent = named;
  read.hierarchy[0] = named;
}

/** "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU" (any damage) → "Ủy ban nhân dân tỉnh Lai Châu". */
export function formatIssuer(raw: string, placeHint: string | null): string {
  const text = squeeze(raw);
  let skel = skeleton(text);
  let offset = 0;
  const parts: string[] = [];
  const body = leadingBody(skel);
  if (body) {
    parts.push(body[1]);
    offset = body[0].length;
  }
  let rest = text.slice(offset).trim();
  skel = skeleton(rest);
  const unit = leadingUnit(skel);
  if (unit) {
    parts.push(unit[1]);
    rest = rest.slice(unit[0].length).trim();
  }
  if (rest) {
    const province = provinceBySkeleton(rest);
    const hinted = placeHint && skeleton(placeHint) === skeleton(rest) ? placeHint : null;
    parts.push(province ?? hinted ?? (upperShare(rest) > 0.8 ? titleCase(rest) : rest));
  }
  if (!body && !unit) return text;
  return parts.join(' ');
}

function hasUnit(issuerText: string): boolean {
  const skel = skeleton(squeeze(issuerText));
  const body = leadingBody(skel);
  return body !== null && leadingUnit(skel.slice(body[0].length).trim()) !== null;
}

interface Found {
  index: number;
}

export const headerStage: Stage = {
  name: 'header',
  run(doc, draft) {
    const lines = doc.lines;
    const window = Math.min(lines.length, HEADER_WINDOW);
    const skels = lines.slice(0, window).map((l) => skeleton(l.text));
    const header = draft.document;

    // Number and type.
    let numberAt: (Found & { end: number }) | null = null;
    let numberType: string | null = null;
    for (let i = 0; i < window; i++) {
      const m = NUMBER.exec(skels[i]!);
      if (!m) {
        const party = PARTY_NUMBER.exec(skels[i]!);
        if (!party) continue;
        const text = lines[i]!.text;
        const original = text.slice(party.index, party.index + party[0].length);
        const written = /(\d{1,6})\s*-\s*([^\s/-]{1,6})\s*\/\s*(\S{1,12})/u.exec(original);
        const typeCode = canonicalTypeCode(written?.[2] ?? party[2]!);
        numberType = typeCode;
        const shownCode = typeCode ?? (written?.[2] ?? party[2]!).toUpperCase();
        header.number = `${party[1]}-${shownCode}/${(written?.[3] ?? party[3]!).replace(/[^\p{L}\p{N}&-]/gu, '').toUpperCase()}`;
        numberAt = { index: i, end: party.index + party[0].length };
        break;
      }
      const text = lines[i]!.text;
      const start = m.index + m[0].indexOf(m[0].trimStart()[0]!);
      const original = text.slice(start, m.index + m[0].length);
      const codeMatch = /\/\s*([^\s/-]{1,6})\s*-\s*(\S{1,30})$/u.exec(original);
      const writtenCode = codeMatch?.[1] ?? m[3]!;
      // "Số: 123/UBND-VP" (a công văn) has no type code: the part before "-" is the issuer's.
      const typeCode = canonicalTypeCode(writtenCode);
      const issuerCode = (codeMatch?.[2] ?? m[4]!).replace(/[^\p{L}\p{N}&-]/gu, '').toUpperCase();
      numberType = typeCode;
      const shownCode = typeCode ?? writtenCode.replace(/[^\p{L}\p{N}&]/gu, '').toUpperCase();
      header.number = m[1] ? `${m[1]}/${m[2] ? m[2] + '/' : ''}${shownCode}-${issuerCode}` : null;
      if (!m[1]) {
        const illegible = /[:;.]\s*[^\s/]/.test(m[0]);
        doc.warn('blank-number', `the document number is ${illegible ? 'not legible' : 'left blank'} ("${squeeze(original)}")`, doc.sourceOf(i));
      }
      numberAt = { index: i, end: m.index + m[0].length };
      break;
    }

    // Place and date: on the number line or near it.
    let dateAt: Found | null = null;
    const from = numberAt ? numberAt.index : 0;
    // below the number first; then up to three lines above it (a four-line issuer block puts
    // "Lào Cai, ngày …" beside its third or fourth line, above "Số: …")
    // Below the number, the header ends where the preamble starts: "Căn cứ Quyết định … ngày 13 tháng 7 năm
    // 2023" is a cited date, and the plan's own date then stands above the number (a handwritten day on a scan).
    const below: number[] = [];
    for (let i = from; i < Math.min(window, from + 8); i++) {
      if (i > from && PREAMBLE_OPENERS.test(skels[i]!.replace(/^[^a-z0-9]+/, ''))) break;
      below.push(i);
    }
    const dateLines = [...below, ...[1, 2, 3].map((k) => from - k).filter((i) => i >= 0)];
    for (const i of dateLines) {
      let m = DATE.exec(skels[i]!);
      let dateEnd = i;
      // "Thanh Hóa, ngày" / "18 tháng 11 năm 2025" (a cell wrapped in a portal page), "… ngày 03 tháng 3 năm" /
      // "2026" (a long place in the header cell of a Word export): the line with the next.
      if (!m && WRAPPED_DATE.test(skels[i]!) && i + 1 < window) {
        // The next line may hold the left column first ("Số: 41/KH-UBND 2026"): then only the year that ends it.
        const year = /(?:^|\s)((?:19|20)\d{2})\s*$/.exec(skels[i + 1]!);
        const joined = DATE.exec(`${skels[i]!} ${skels[i + 1]!}`) ?? (year ? DATE.exec(`${skels[i]!} ${year[1]}`) : null);
        if (joined && joined.index < skels[i]!.length) {
          m = joined;
          dateEnd = i + 1;
        }
      }
      if (!m) continue;
      header.date = isoDate(m[3]!, m[2], m[2] ? m[1] : undefined);
      if (!m[1] || !m[2]) doc.warn('blank-date', `the date is incomplete ("${squeeze(`${lines[i]!.text} ${dateEnd > i ? lines[dateEnd]!.text : ''}`.slice(m.index, m.index + m[0].length))}")`, doc.sourceOf(i));
      const placeStart = numberAt && numberAt.index === i ? numberAt.end : 0;
      // In layout text the left column stands before a run of spaces ("SỐ 1050/QĐ-SCT      Lào Cai, ngày …").
      const before = lines[i]!.text.slice(placeStart, m.index).split(/\s{3,}|\t|\|/).pop() ?? '';
      let place = squeeze(before.replace(/[,*_|]+\s*$/u, '').replace(/^[\s*_|]+/u, ''));
      // The end of the issuer's name wrapped in its cell stands before the place on the line ("VÀ DU LỊCH Lạng Sơn,
      // ngày …"): the issuer is in capitals, the place is not.
      // One word too, of three letters or more ("LẠT Lâm Viên - Đà Lạt": "PHƯỜNG LÂM VIÊN - ĐÀ" / "LẠT"; not "TP. Huế").
      place = place.replace(/^(?:(?:[\p{Lu}\d&.,-]*\p{Lu}[\p{Lu}\d&.,-]*\s+){2,}|\p{Lu}{3,}\s+)(?=\p{Lu}\p{Ll})/u, '');
      // A wrapped cell ("*Thành phố Hồ Chí" / "Minh, ngày …"): the place began on the line above.
      const cellDate = headerTableCellWith(doc, /ng[a-z]{1,3}\s*\d{0,2}\s*th[a-z]{1,4}/);
      if (cellDate) {
        const cm = DATE.exec(skeleton(cellDate));
        if (cm) place = squeeze(cellDate.slice(0, cm.index).replace(/[,*_|]+\s*$/u, '').replace(/^[\s*_|]+/u, ''));
      }
      if (place && place.split(' ').length <= 6) header.place = provinceBySkeleton(place) ?? provinceSuffix(place) ?? place;
      dateAt = { index: dateEnd };
      break;
    }

    // Issuer: the left column above the number line.
    if (numberAt) {
      const leftLines = (pick: (l: TextLine) => string) => {
        // A header table read cell by cell puts pieces of the motto on lines of their own, between
        // the issuer's lines ("UBND TỈNH X" / "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM" / "SỞ Y TẾ"): left out.
        return lines
          .slice(0, numberAt!.index)
          .filter((l) => !MOTTO_PIECE.test(skeleton(leftCell(pick(l)))))
          .map((l) => leftColumn(withoutPlaceDate(leftCell(pick(l)))))
          // a speck left of the motto ("A Độc lập - …") is no issuer line
          .filter((left) => left && upperShare(left) > 0.6 && !/^\S{1,2}$/u.test(left) && !MARK_ABOVE_HEADER.test(skeleton(left).trim()));
      };
      const block = leftLines((l) => l.text);
      const groups = issuerGroups(block);
      if (groups.length > 1 || (groups.length === 1 && !leadingBody(skeleton(groups[0]!)))) {
        // A body under another ("UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ", "SỞ CÔNG THƯƠNG / ĐOÀN KIỂM TRA …").
        const read = readIssuerBlock(block, (raw) => formatIssuer(raw, header.place));
        if (read) {
          completeTopPlace(doc, read, header.place, dateAt ? doc.sourceOf(dateAt.index) : null);
          header.issuer = read.issuer;
          header.issuerParent = read.parent;
          header.issuerHierarchy = read.hierarchy;
        }
      } else if (groups.length === 1) {
        const repaired = groups[0]!;
        header.issuer = formatIssuer(repaired, header.place);
        // A repair that turned a unit word into another word (PHUONG → PHÒNG) loses the unit; the raw text still has it.
        const raw = issuerGroups(leftLines((l) => l.original)).join(' ');
        if (!hasUnit(repaired) && hasUnit(raw)) header.issuer = formatIssuer(raw, header.place);
        header.issuerHierarchy = [header.issuer];
      }
    }

    // Type name line ("KẾ HOẠCH") and the title under it.
    const typeLineFrom = Math.max(numberAt?.index ?? -1, dateAt?.index ?? -1) + 1;
    let titleStart = -1;
    let wordType: string | null = null;
    let typeWordAt = -1;
    for (let i = typeLineFrom; i < window; i++) {
      // Markdown and table debris around the type word ("**KẾ HOẠCH**", "|", "* *") is not text.
      const s = skels[i]!.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
      if (s === '') continue;
      const code = typeCodeFromName(s);
      if (code && s.split(/\s+/).length <= 4 && upperShare(lines[i]!.text) > 0.8) {
        wordType = code;
        typeWordAt = i;
        titleStart = i + 1;
      } else if (titleStart < 0 && typeLineFrom === 0) {
        // No header at all (a scan that lost its first lines): the document opens with its title.
        titleStart = i;
      }
      break;
    }
    let bodyStart = titleStart >= 0 ? titleStart : typeLineFrom;
    if (titleStart >= 0) {
      const title: string[] = [];
      let i = titleStart;
      while (i < window && skels[i]!.trim() === '') i++;
      for (; i < window && title.length < 8; i++) {
        const s = skels[i]!.trim();
        if (s === '') break;
        // A rule under the title ("-----", "______"): the title ends there.
        if (/^[-_=~*.–—\s]+$/u.test(lines[i]!.text)) {
          if (title.length > 0) break;
          continue;
        }
        if (title.length > 0 && PREAMBLE_OPENERS.test(s.replace(/^[^a-z0-9]+/, ''))) break;
        // A Quyết định's authority under its title ("BỘ TRƯỞNG BỘ …", "CHỦ TỊCH ỦY BAN NHÂN DÂN …").
        if (title.length > 0 && AUTHORITY_LINE.test(s) && upperShare(lines[i]!.text) > 0.8) break;
        if (/^[ivxl1]{1,5}\s*[.]\s+\S/.test(s) && upperShare(lines[i]!.text) > 0.6) break;
        title.push(lines[i]!.text.replace(/^[\s*_#]+|[\s*_]+$/gu, ''));
      }
      if (title.length > 0) header.title = tidyCodes(squeeze(title.join(' ')));
      bodyStart = i;
    }
    doc.data.bodyStart = bodyStart;

    header.type = documentType(doc, wordType, numberType, numberAt ? lines[numberAt.index]!.text : null, typeWordAt >= 0 ? doc.sourceOf(typeWordAt) : null, skels);
    doc.data.headerEvidence = {
      motto: skels.some((sk) => MOTTO.some((re) => re.test(sk))),
      number: numberAt !== null,
      typeWord: wordType !== null,
    };

    // Documents that lost their header: the preamble usually says who issues what ("Ủy ban nhân dân tỉnh X ban hành kế hoạch").
    if (!header.issuer || !header.type) inferFromPreamble(doc, header, skels, bodyStart);
    // A decision that issues a plan: the plan is the body the content stages read.
    findAttachment(doc, draft, bodyStart);
    header.typeName = typeNameOf(header.type);
    if (header.date) doc.data.documentYear = Number(header.date.slice(0, 4));
    if (!header.number && !numberAt) doc.warn('missing-number', 'no document number ("Số: …") found in the header', null);
    if (!header.date) doc.warn('missing-date', 'no issue date ("…, ngày … tháng … năm …") found in the header', null);
  },
};

/** The text of a cell of the header table whose skeleton matches, or null. */
function headerTableCellWith(doc: PlanDocument, re: RegExp): string | null {
  const table = doc.tables[0];
  if (!table || !isLayoutTable(table) || table.firstLine > HEADER_WINDOW) return null;
  const cell = table.cells.find((c) => re.test(skeleton(c.text)));
  return cell ? squeeze(cell.text.replace(/\n/g, ' ')) : null;
}

/** Lines that name the authority a Quyết định is taken by, under its title. */
const AUTHORITY_LINE = /^(?:bo truong|thu truong|chu tich|pho chu tich|giam doc|truong ban|cuc truong|tong cuc truong|vu truong|hieu truong|uy ban nhan dan|hoi dong nhan dan|ban thuong vu|ban chap hanh)\b/;

/**
 * The type: the type word under the header ("KẾ HOẠCH", "THÔNG BÁO", "TỜ TRÌNH") says what the
 * document is; the number's code ("…/TB-VPUBND") must agree (`type-conflict` when not, the word
 * wins: the number may be a template's). Without a type word, the number's code; a number with
 * no type code ("Số: 123/UBND-VP") and a "V/v" line is a công văn.
 */
function documentType(doc: PlanDocument, word: string | null, fromNumber: string | null, numberText: string | null, wordSource: ReturnType<PlanDocument['sourceOf']> | null, skels: string[]): string | null {
  if (word && fromNumber && !sameType(word, fromNumber)) {
    doc.warn('type-conflict', `the type word under the header says ${word} but the number's code says ${fromNumber} ("${squeeze(numberText ?? '')}"); ${word} kept`, wordSource);
  }
  if (word) return fromNumber && sameType(word, fromNumber) ? fromNumber : word;
  if (fromNumber) return fromNumber;
  if (numberText && skels.some((sk) => /^\s*v\s*\/\s*v\b/.test(sk))) return 'CV';
  return null;
}

/** "CTr" and "CTrHĐ", "QyĐ" and "QĐi": one type written two ways. */
function sameType(a: string, b: string): boolean {
  return a === b || a.startsWith(b) || b.startsWith(a) || typeNameOf(a) === typeNameOf(b);
}

/** Words of tense and aspect ("đã ban hành", "sẽ ban hành"): the sentence tells of an act, it does not issue this document. */
const TENSE_WORD = /(?:^|\s)(?:đã|đang|sẽ|cũng|vừa|mới|từng|đều)(?=\s|$)/iu;

function inferFromPreamble(doc: PlanDocument, header: { issuer: string | null; type: string | null; place: string | null }, skels: string[], from: number): void {
  const lines = doc.lines;
  const end = Math.min(lines.length, from + 40);
  for (let i = Math.max(0, from - 10); i < end; i++) {
    // Join with the next line: the phrase is often broken across two.
    const skel = (skels[i] ?? skeleton(lines[i]!.text)) + ' ' + (i + 1 < lines.length ? (skels[i + 1] ?? skeleton(lines[i + 1]!.text)) : '');
    const text = lines[i]!.text + ' ' + (lines[i + 1]?.text ?? '');
    const m = /(uy ban nhan dan|ubnd)\s+((?:thanh pho|thi xa|thi tran|tinh|huyen|quan|phuong|xa)(?:\s+[a-z]+){0,3}?)\s+ban hanh\s+(ke hoach|quyet dinh|chuong trinh|huong dan|de an)?/.exec(skel);
    if (!m) continue;
    // "Ủy ban nhân dân tỉnh đã ban hành Quyết định số 2150/QĐ-UBND …" (a speech, a report): a document issued
    // before, cited by its number, is not this one, and "đã" is no part of a place's name.
    const unitWords = text.slice(m.index + m[1]!.length + 1, m.index + m[1]!.length + 1 + m[2]!.length);
    if (TENSE_WORD.test(unitWords) || /^\s*(?:ke hoach|quyet dinh|chuong trinh|huong dan|de an)?\s*so\s*\d/.test(skel.slice(m.index + m[0].length))) continue;
    if (!header.type && m[3]) header.type = typeCodeFromName(m[3]);
    if (!header.issuer) {
      const named = text.slice(m.index, m.index + m[1]!.length + 1 + m[2]!.length);
      let issuer = formatIssuer(named, header.place);
      // "Ủy ban nhân dân huyện ban hành…" names no unit: the place of issue is its name.
      const unitOnly = leadingUnit(m[2]!)?.[0] === m[2]!.trim();
      if (unitOnly && header.place) issuer = `${issuer} ${header.place}`;
      header.issuer = issuer;
      doc.warn('issuer-inferred', `no issuer in the header; taken from the preamble: "${issuer}"`, doc.sourceOf(i, i + 1));
    }
    return;
  }
}
