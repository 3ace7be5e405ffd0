/**
 * What a legal portal's page wraps around the document: the site's banner, menus, breadcrumbs,
 * search and share boxes, footers, and the metadata box ("Số hiệu | Loại văn bản | Nơi ban
 * hành | Người ký | Ngày ban hành | Tình trạng hiệu lực"). None of it is the document. The HTML
 * backend drops elements whose role, tag, class or id says they are site chrome, and tables
 * that are a metadata box; the same label test serves any backend that meets such a box.
 */
import { skeleton } from '../text/vietnamese.js';

/** HTML elements that are never document text. */
export const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'input', 'textarea', 'menu', 'dialog']);

const CHROME_NAME = /(?:^|[-_\s])(menu|menubar|nav|navbar|navigation|breadcrumbs?|banner|masthead|site-?header|site-?footer|footer|sidebar|side-?bar|social|share|sharing|login|search|searchbox|advert|ads|cookie|related|toolbar|pagination|comments?)(?:[-_\s]|$)/i;
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary', 'menu', 'menubar']);

/** True when an element's tag, role, class or id says it is site chrome rather than the document. */
export function isChromeElement(tag: string, attribs: Record<string, string | undefined>): boolean {
  if (CHROME_TAGS.has(tag)) return true;
  if (attribs.role && CHROME_ROLES.has(attribs.role.toLowerCase())) return true;
  // Word's own classes (MsoNormal, MsoTableGrid, WordSection1) never match these names.
  return CHROME_NAME.test(attribs.class ?? '') || CHROME_NAME.test(attribs.id ?? '');
}

/** The labels of a portal's metadata box (on the skeleton: lower case, no marks). */
const METADATA_LABELS = /^(so hieu|so ky hieu|ky hieu|loai van ban|noi ban hanh|co quan ban hanh|nguoi ky|ngay ban hanh|ngay hieu luc|ngay het hieu luc|ngay cong bao|so cong bao|tinh trang|tinh trang hieu luc|linh vuc|linh vuc, nganh|pham vi|nguon thu thap|da biet)\s*:?$/;

/** True when cell texts read like a portal's metadata box: at least three of its labels. */
export function isMetadataBox(cellTexts: readonly string[]): boolean {
  let labels = 0;
  for (const text of cellTexts) {
    for (const part of text.split(/\n/)) {
      const skel = skeleton(part.trim()).replace(/\s+/g, ' ');
      const label = skel.includes(':') ? skel.slice(0, skel.indexOf(':')).trim() : skel;
      if (METADATA_LABELS.test(label)) labels++;
    }
  }
  return labels >= 3;
}
