/** Reading an input file safely: one clear InputError for every way it can be unusable. */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../util/errors.js';

/** Inputs larger than this are refused before reading (plans are a few MB at most). */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

export interface RawInput {
  file: string;
  bytes: Buffer;
  sha256: string;
}

export async function readInputFile(file: string): Promise<RawInput> {
  let info;
  try {
    info = await stat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(file, code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`, { cause: err });
  }
  if (info.isDirectory()) throw new InputError(file, 'is a folder, not a file');
  if (!info.isFile()) throw new InputError(file, 'not a regular file');
  if (info.size === 0) throw new InputError(file, 'empty file');
  if (info.size > MAX_INPUT_BYTES) throw new InputError(file, `too large (${info.size} bytes; the limit is ${MAX_INPUT_BYTES})`);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(file, code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})`, { cause: err });
  }
  return { file, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
