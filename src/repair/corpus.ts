/**
 * The training corpus (../shared/corpus/vi-legal-*.txt, build time only): documents that start
 * with a `### <source>` line. Every 50th document (index % 50 === 0, in file order) is held out
 * for measurement and never enters a model; the split is fixed so every script agrees on it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusDocument { index: number; name: string; lines: string[] }

export const HELD_OUT_EVERY = 50;
export function isHeldOutDocument(index: number): boolean { return index % HELD_OUT_EVERY === 0; }

/** Calls onDocument for each document of the corpus folder, in file-name then file order. */
export function forEachCorpusDocument(dir: string, onDocument: (doc: CorpusDocument) => void): number {
  const files = readdirSync(dir).filter((f) => /^vi-legal-\d+\.txt$/.test(f)).sort();
  let index = 0;
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    let name = '';
    let lines: string[] = [];
    const flush = () => {
      if (name) onDocument({ index: index++, name, lines });
      lines = [];
    };
    for (const line of text.split('\n')) {
      if (line.startsWith('### ')) { flush(); name = line.slice(4); continue; }
      lines.push(line);
    }
    flush();
  }
  return index;
}
