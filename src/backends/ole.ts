/**
 * OLE compound files (Word 97 .doc, and the container of an encrypted OOXML file): recognised by
 * their signature; an encrypted OOXML package is an OLE file holding "EncryptionInfo" and
 * "EncryptedPackage" streams, whose names sit in its directory as UTF-16LE.
 */
export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

function utf16(name: string): Buffer {
  return Buffer.from(name, 'utf16le');
}

/** True when an OLE file holds the streams of an encrypted (password-protected) OOXML package. */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buf.includes(utf16('EncryptedPackage')) && buf.includes(utf16('EncryptionInfo'));
}
