/**
 * Minimal reader for the word lists inside a tesseract .traineddata file (build time only).
 * Layout: int32 entry count, int64 offset table, then components; a squished DAWG is
 * int16 magic (42), int32 unicharset size, int32 edge count and 64-bit edge records
 * (letter id | 3 flag bits | next-node index), edges of a node contiguous, the last one marked.
 */
const MARKER = 1;
const WORD_END = 4;
export const COMPONENT = { unicharset: 1, systemDawg: 7, freqDawg: 9, bigramDawg: 14, lstmSystemDawg: 19, lstmUnicharset: 21 } as const;

export function component(buf: Buffer, index: number): Buffer | null {
  const n = buf.readInt32LE(0);
  const offs: number[] = [];
  for (let i = 0; i < n; i++) offs.push(Number(buf.readBigInt64LE(4 + 8 * i)));
  const start = offs[index];
  if (start === undefined || start < 0) return null;
  let end = buf.length;
  for (let i = index + 1; i < n; i++) if (offs[i]! >= 0) { end = offs[i]!; break; }
  return buf.subarray(start, end);
}

export function readUnicharset(buf: Buffer): string[] {
  const lines = buf.toString('utf8').split('\n');
  const count = Number(lines[0]);
  const out: string[] = [];
  for (let i = 1; i <= count; i++) {
    const first = (lines[i] ?? '').split(' ')[0]!;
    out.push(first === 'NULL' ? ' ' : first);
  }
  return out;
}

/** All words of a squished DAWG (capped at `limit`). */
export function readDawgWords(buf: Buffer, unichars: readonly string[], limit = 2_000_000): string[] {
  const size = buf.readInt32LE(2);
  const numEdges = buf.readInt32LE(6);
  const flagStart = Math.ceil(Math.log(size) / Math.log(2));
  const letterMask = 2n ** BigInt(flagStart) - 1n;
  const edges: { letter: number; flags: number; next: number }[] = new Array(numEdges);
  for (let i = 0; i < numEdges; i++) {
    const e = buf.readBigUInt64LE(10 + 8 * i);
    edges[i] = { letter: Number(e & letterMask), flags: Number((e >> BigInt(flagStart)) & 7n), next: Number(e >> BigInt(flagStart + 3)) };
  }
  const words: string[] = [];
  const walk = (node: number, prefix: string, depth: number) => {
    if (depth > 40 || words.length >= limit) return;
    for (let e = node; e < numEdges; e++) {
      const edge = edges[e]!;
      const word = prefix + (unichars[edge.letter] ?? '?');
      if (edge.flags & WORD_END) words.push(word);
      if (edge.next !== 0) walk(edge.next, word, depth + 1);
      if (edge.flags & MARKER) break;
    }
  };
  walk(0, '', 0);
  return words;
}
