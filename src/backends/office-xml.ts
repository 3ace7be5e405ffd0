/**
 * XML of Office parts, parsed safely: a part that declares a DOCTYPE (or an entity) is refused
 * outright, before parsing, so no DTD, external entity or entity expansion (XXE, "billion laughs")
 * is ever resolved. OOXML never needs a DTD; refusing is the safe rule.
 */
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';

export class OfficeXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OfficeXmlError';
  }
}

/** Decodes an XML part's bytes (UTF-8, or UTF-16 with its byte-order mark). */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

export function parseOfficeXml(bytes: Uint8Array, part: string): Document {
  const text = decodeXml(bytes);
  if (/<!DOCTYPE/i.test(text)) throw new OfficeXmlError(`part ${part} declares a DOCTYPE (DTDs and entities are never resolved in Office files)`);
  if (/<!ENTITY/i.test(text)) throw new OfficeXmlError(`part ${part} declares an XML entity (entities are never resolved in Office files)`);
  let firstError: string | null = null;
  let doc: Document;
  try {
    doc = new DOMParser({
      locator: false,
      onError: (level, msg) => {
        if (level === 'fatalError') throw new OfficeXmlError(`part ${part} is not well-formed XML (${msg.split('\n')[0]})`);
        if (level === 'error') firstError ??= msg.split('\n')[0]!;
      },
    }).parseFromString(text, 'text/xml');
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
    throw new OfficeXmlError(message.startsWith('part ') ? message : `part ${part} is not well-formed XML (${message})`);
  }
  if (!doc.documentElement) throw new OfficeXmlError(`part ${part} is not XML${firstError ? ` (${firstError})` : ''}`);
  return doc;
}

/** Element children of a node. */
export function children(node: Node): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

/** The first element child with this local name. */
export function child(node: Node, name: string): Element | null {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as Element).localName === name) return c as Element;
  return null;
}

/** An attribute by local name, whatever its prefix (w:val, val). */
export function attr(el: Element | null | undefined, name: string): string | null {
  if (!el) return null;
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i)!;
    if ((a.localName ?? a.name) === name) return a.value;
  }
  return null;
}

/** The w:val of a child element (`<w:numId w:val="3"/>`), or null. */
export function childVal(node: Node | null, name: string): string | null {
  return node ? attr(child(node, name), 'val') : null;
}

/** A toggle property (`<w:vanish/>`, `<w:tblHeader w:val="true"/>`): present and not switched off. */
export function isOn(el: Element | null): boolean {
  if (!el) return false;
  const v = attr(el, 'val');
  return v === null || !/^(0|false|off)$/i.test(v);
}

/** All descendant elements with this local name, in document order. */
export function descendants(node: Node, name: string, out: Element[] = []): Element[] {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    if ((c as Element).localName === name) out.push(c as Element);
    else descendants(c, name, out);
  }
  return out;
}
