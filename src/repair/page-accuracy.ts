/**
 * Syllable accuracy of a whole page: OCR and truth are compared as one line each (token
 * alignment over the page), so a page whose OCR broke or ordered its lines differently (two
 * header columns, table cells) is not punished line by line. Truth files keep comment lines
 * starting with '#', which are not text.
 */
import { readFileSync } from 'node:fs';
import { syllableAccuracy, type AccuracyReport } from './evaluate.js';

export function readTruth(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => !l.startsWith('#'));
}

export function pageAccuracy(ocr: readonly string[], truth: readonly string[], keepErrors = 0): AccuracyReport {
  return syllableAccuracy([ocr.join(' ')], [truth.join(' ')], keepErrors);
}
