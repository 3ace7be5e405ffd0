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
