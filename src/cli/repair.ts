/** `plan-extract repair <file|->`: the repaired text, line i for line i. */
import { readFile } from 'node:fs/promises';
import { InputError } from '../util/errors.js';
import { looksBinary, decodeText, splitLines } from '../backends/text.js';
import { loadRepairModel } from '../repair/index.js';

async function readAll(file: string): Promise<Buffer> {
  if (file !== '-') {
    try {
      return await readFile(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new InputError(file, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read (${code})`);
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function repairCommand(file: string): Promise<number> {
  const name = file === '-' ? '(stdin)' : file;
  const bytes = await readAll(file);
  if (bytes.length === 0) throw new InputError(name, 'empty input');
  if (looksBinary(bytes)) throw new InputError(name, 'binary data, not text');
  const { text } = decodeText(bytes);
  const endsWithNewline = text.endsWith('\n');
  const lines = splitLines(text.normalize('NFC'));
  if (endsWithNewline) lines.pop();
  const result = loadRepairModel().repairLines(lines);
  process.stdout.write(result.lines.join('\n') + (endsWithNewline ? '\n' : ''));
  return 0;
}
