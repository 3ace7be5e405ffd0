/**
 * The closing block: "Nơi nhận" (recipients) and the signature (TM. ỦY BAN
 * NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / name). Scans and text layers often
 * merge the two columns into one line, so both are looked for anywhere in a line.
 */
import type { Stage } from '../stage.js';
import { skeleton } from '../../text/vietnamese.js';
import { squeeze, upperShare } from '../../text/case.js';
import { familyNameBeforeLostD, isFamilyName } from '../../facts/names.js';

/** "Nơi nhận", also as OCR leaves it ("Noi nhgn", ": Noi nhan" with specks before it). */
export const RECIPIENTS_HEADING = /^[\s|*_:.,~]*n[o0]i\s+nh\S{1,2}n\b/;
/** The one who signs: heads of committees, departments, offices, teams and schools, as signature lines name them. */
const SIGNING_TITLES = String.raw`chu tich|giam doc|truong tieu ban|truong ban(?: thuong truc)?|to truong|chanh thanh tra|chanh an|bi thu(?: thuong truc)?|truong phong|truong doan|chanh van phong|hieu truong|vien truong|cuc truong|chi cuc truong|bo truong|thu truong|tong giam doc|chu nhiem|truong khoa`;
// "TM.", "T/M.", "TM " (OCR drops the period), in any column of the line.
const AUTHORITY = /(?:^|[\s;:|])(t\s*\/?\s*m)\s*[.,]?\s+(?=uy ban|hoi dong|ban |doan |dang uy|ban chap hanh|ban thuong vu|tinh uy|huyen uy|thanh uy|so |ubnd|\S)/;
const CAPACITY = new RegExp(String.raw`(?:^|[\s;:|])(kt|q|tl|tuq|t\s*\/?\s*m)\s*[.,]\s*(${SIGNING_TITLES})\b`);
// "PHÓ CHỦ TỊCH THƯỜNG TRỰC": the standing deputy signs with that title.
const TITLE = new RegExp(String.raw`(?:^|[\s;:|])((?:pho )?(?:${SIGNING_TITLES})(?: thuong truc)?)\s*\|?\s*$`);
/** A personal name: two to five capitalised words, not in capitals throughout ("Nguyễn Văn A", "Hoàng Thị Lan"). */
const NAME = /^(?:\p{Lu}[\p{Ll}'’]*\s+){1,4}\p{Lu}[\p{Ll}'’]*$/u;
/** Notes in the signature space that are not the name. */
const SIGNATURE_NOTE = /^\(?\s*(?:da ky|ky ten|ky, ghi ro|ky va ghi|dong dau|ky ten, dong dau|chu ky)/;
/** Parentheticals that say why a copy is sent, not who gets it. */
const PURPOSE = /\s*\((?:để |de )?(?:b\/c|báo cáo|bao cao|t\/h|thực hiện|thuc hien|biết|biet|chỉ đạo|chi dao|phối hợp|phoi hop|theo dõi|theo doi)[^)]*\)/giu;

/** How many lines above "Nơi nhận" a signature block set before the recipients may start (authority, capacity, title, the space for the signature, the name). */
const SIGNATURE_ABOVE_RECIPIENTS = 8;

/** Signature lines are set in capitals; a repair that left one word in lower case ("Phó CHỦ TỊCH") is put back. */
function signatureCase(text: string): string {
  return upperShare(text) >= 0.5 ? text.toUpperCase() : text;
}

function sliceFrom(text: string, at: number): string {
  // OCR reads "KT." as "KT,": put the period back; "T/M." is written TM.; a table's cell border goes.
  const fragment = text.slice(at).replace(/^[\s;:|]+/, '').replace(/[\s|]+$/u, '');
  return signatureCase(squeeze(fragment)).replace(/^(T\s*\/?\s*M|KT|Q|TL|TUQ)\s*[.,]?\s+/iu, (_, a: string) => `${a.replace(/[\s/]/g, '').toUpperCase()}. `);
}

/**
 * The columns of a line: a Word table renders as "a | b", a two-column layout as text with a wide gap;
 * the signature sits in the last column.
 */
function columns(text: string): string[] {
  return text.split(/\s\|\s?|\|\s|\s{3,}|\t+/u).map((c) => squeeze(c.replace(/[*_|]/g, ''))).filter((c) => c !== '');
}

interface FoundName {
  name: string;
  /** Where the name starts in the line. */
  at: number;
  /** The family name's Đ was put back (OCR read it as b or p). */
  repaired: boolean;
}

/** Words read as a personal name, with a family name's lost Đ put back ("binh Quang Huy" → "Đinh Quang Huy"). */
function asName(words: string, at: number, needFamilyName: boolean): FoundName | null {
  const [first = '', ...rest] = words.split(/\s+/);
  const restored = rest.length > 0 ? familyNameBeforeLostD(first) : null;
  const name = restored ? [restored, ...rest].join(' ') : words;
  if (!NAME.test(name) || rest.length === 0) return null;
  if (needFamilyName && !isFamilyName(restored ?? first)) return null;
  return { name, at, repaired: restored !== null };
}

/** A military or police rank before a signer's name ("Đại tá Lê Văn Hùng"). */
const RANK = /^(?:Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|Thượng úy|Trung úy|Thiếu úy)\s+(?=\p{Lu})/u;

/**
 * The signer's name in a line of the signature block: its last column, when that is a personal name;
 * else, when OCR ran the two columns together with one space ("- Lưu: VT, VP. Trần Minh Khoa"), the
 * words after the column's last stop, if they start with a family name.
 */
export function nameIn(text: string): FoundName | null {
  const cols = columns(text);
  const last = cols[cols.length - 1];
  if (!last || SIGNATURE_NOTE.test(skeleton(last)) || RECIPIENTS_HEADING.test(skeleton(last))) return null;
  // A military or police rank before the name ("Đại tá Lê Văn Hùng", "Thiếu tướng …") is not part of it.
  const name = last.replace(/[.,;]+$/u, '').replace(RANK, '');
  const whole = asName(name, Math.max(0, text.lastIndexOf(name)), false);
  if (whole) return whole;
  const tail = /[.;:)]\s+([^.;:()]+?)[.,;]*$/u.exec(name)?.[1]?.replace(RANK, '');
  return tail ? asName(tail, text.lastIndexOf(tail), true) : null;
}

export const closingStage: Stage = {
  name: 'closing',
  run(doc, draft) {
    const lines = doc.lines;
    if (lines.length === 0) return;
    // A decision that issues a plan is signed after the decision, before the plan.
    const bodyEnd = doc.data.decisionEnd ?? doc.data.bodyEnd ?? lines.length - 1;
    let recipientsAt = -1;
    for (let i = Math.max(0, bodyEnd + 1); i < lines.length; i++) {
      if (RECIPIENTS_HEADING.test(skeleton(lines[i]!.text))) {
        recipientsAt = i;
        break;
      }
    }
    // The signature column may start above "Nơi nhận:": a line or two ("TM. ỦY BAN NHÂN DÂN" over it, the rest beside
    // the recipients), or the whole block (a signature table, or paragraphs, set before the recipients: "TM. ỦY BAN
    // NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / name", then "Nơi nhận:"). The first line above it that is an authority
    // or a capacity, in capitals and nothing before it, opens the block.
    let from = recipientsAt >= 0 ? recipientsAt : Math.max(0, bodyEnd + 1);
    for (let i = Math.max(bodyEnd + 1, recipientsAt - SIGNATURE_ABOVE_RECIPIENTS); recipientsAt > 0 && i < recipientsAt; i++) {
      const skel = skeleton(lines[i]!.text);
      const auth = AUTHORITY.exec(skel);
      const cap = CAPACITY.exec(skel);
      const opens = (m: RegExpExecArray | null) => m !== null && /^[\s|*_]*$/.test(skel.slice(0, m.index)) && upperShare(lines[i]!.text) > 0.8;
      if ((opens(auth) && !CAPACITY.test(skel)) || (i < recipientsAt - 2 && opens(cap))) {
        from = i;
        break;
      }
    }
    const to = Math.min(lines.length - 1, from + 40);
    const signer = draft.signer;
    /** Where each line's signature fragment starts, so recipients can leave it out. */
    const cutAt = new Map<number, number>();
    let titleLine = -1;
    const setName = (found: FoundName, i: number) => {
      signer.name = found.name;
      if (found.repaired) doc.warn('signer-name-repaired', `the signer's family name was read without its Đ: "${found.name}" assumed`, doc.sourceOf(i));
    };
    /** The "Lưu:" line that ends the recipients. */
    let luuAt = -1;
    for (let i = from; i <= to; i++) {
      const text = lines[i]!.text;
      const skel = skeleton(text);
      const mark = (at: number) => cutAt.set(i, Math.min(cutAt.get(i) ?? Infinity, at));
      /** Takes the signature fragment a match starts (its first group) to the end of the line. */
      const take = (m: RegExpExecArray, field: 'authority' | 'capacity') => {
        const at = m.index + m[0].indexOf(m[1]!);
        signer[field] = sliceFrom(text, at);
        signer.source ??= doc.sourceOf(i);
        mark(at);
      };
      const auth = AUTHORITY.exec(skel);
      if (auth && !signer.authority && !CAPACITY.test(skel.slice(auth.index))) {
        take(auth, 'authority');
        continue;
      }
      const cap = CAPACITY.exec(skel);
      if (cap && !signer.capacity) {
        take(cap, 'capacity');
        // A block in one table cell ("KT. BỘ TRƯỞNG  THỨ TRƯỞNG     Nguyễn Quốc Trị"): capacity, title and name on one line.
        const capEnd = cap.index + cap[0].length;
        signer.capacity = sliceFrom(text.slice(0, capEnd), cap.index + cap[0].indexOf(cap[1]!));
        const rest = skel.slice(capEnd);
        const inlineTitle = new RegExp(String.raw`^[\s|]*((?:pho )?(?:${SIGNING_TITLES})(?: thuong truc)?)\b`).exec(rest);
        if (inlineTitle && !signer.title) {
          const tStart = capEnd + inlineTitle[0].indexOf(inlineTitle[1]!);
          const tEnd = capEnd + inlineTitle[0].length;
          signer.title = sliceFrom(text.slice(0, tEnd), tStart);
          titleLine = i;
          const name = nameIn(text.slice(tEnd));
          if (name) setName(name, i);
        }
        continue;
      }
      if (/^[\s|*_]*[-+•*]?\s*luu\b/.test(skel) && recipientsAt >= 0 && luuAt < 0) luuAt = i;
      const title = TITLE.exec(skel);
      // A title alone ("CHỦ TỊCH" signing in their own name, "CHÁNH VĂN PHÒNG" signing a notice of the office)
      // counts in the signature column beside "Nơi nhận", or on a line of its own just below the recipients.
      const ownLine = title !== null && /^[\s|*_]*$/.test(skel.slice(0, title.index + title[0].indexOf(title[1]!)));
      const titleAlone =
        title && recipientsAt >= 0 && upperShare(text.slice(title.index)) > 0.8 && (i <= recipientsAt + 3 || (ownLine && luuAt >= 0 && i > luuAt && i <= luuAt + 4));
      if (title && (signer.authority || signer.capacity || titleAlone) && !signer.title) {
        const at = title.index + title[0].indexOf(title[1]!);
        signer.title = sliceFrom(text, at);
        signer.source ??= doc.sourceOf(i);
        titleLine = i;
        mark(at);
        continue;
      }
    }
    // The name printed under the signature: the first personal name in the signature column below the
    // title (or below the capacity line when the block has no title), past the space left for signing.
    const nameFrom = titleLine >= 0 ? titleLine : signer.source ? lines.findIndex((l) => l.page === signer.source!.page && l.line === signer.source!.line) : -1;
    if (nameFrom >= 0 && !signer.name) {
      for (let i = nameFrom + 1; i < Math.min(lines.length, nameFrom + 14); i++) {
        const name = nameIn(lines[i]!.text);
        if (name) {
          setName(name, i);
          // a name run into a recipient line is not part of that recipient
          cutAt.set(i, Math.min(cutAt.get(i) ?? Infinity, name.at));
          if (signer.source) signer.source = { ...signer.source, endLine: Math.max(signer.source.endLine, lines[i]!.line) };
          break;
        }
      }
    }
    if (!signer.authority && !signer.capacity && !signer.title) doc.warn('missing-signer', 'no signature block (TM./KT. …) found', null);
    else if (!signer.name) doc.warn('missing-signer-name', "the signer's name could not be read", signer.source);

    if (recipientsAt < 0) return;
    for (let i = recipientsAt + 1; i < lines.length && i <= recipientsAt + 40; i++) {
      let text = lines[i]!.text;
      const cut = cutAt.get(i);
      if (cut !== undefined) text = text.slice(0, cut);
      const s = skeleton(text).trim();
      if (!/^[-+•*]/.test(s)) continue;
      if (/^[-+•*]\s*luu\b/.test(s)) break;
      let name = squeeze(text.replace(/^\s*[-+•*]\s*/, '').replace(PURPOSE, ''));
      // Trailing punctuation and scan debris ("tỉnh; )"), but not the ")" of a real parenthesis.
      for (let prev = ''; prev !== name; ) {
        prev = name;
        name = name.replace(/[\s;,.|[\]]+$/, '');
        if (name.endsWith(')') && !name.includes('(')) name = name.slice(0, -1);
      }
      // Scan debris ("- U;") is not a recipient.
      if ((name.match(/\p{L}/gu) ?? []).length >= 2) draft.recipients.push(name);
    }
  },
};
