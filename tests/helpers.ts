/** Test helpers: documents built from literal lines, and the committed test data. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PlanDocument, makePage } from '../src/model/document.js';

export function testDataPath(name: string): string {
  return fileURLToPath(new URL(`./data/${name}`, import.meta.url));
}

export function readTestData(name: string): string {
  return readFileSync(testDataPath(name), 'utf8');
}

export function docFromLines(lines: string[], file = 'test.txt'): PlanDocument {
  return new PlanDocument({ file, sha256: '0'.repeat(64), kind: 'text', pageCount: null, encoding: 'utf-8', pages: [makePage(null, 'text', lines)] });
}

/** A PNG header (signature + IHDR, 33 bytes) claiming the given size, and nothing after it. */
export function pngHeader(width: number, height: number): Uint8Array {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  b[24] = 8; // bit depth
  b[25] = 0; // gray
  return new Uint8Array(b); // CRC left zero: the size check comes first
}
