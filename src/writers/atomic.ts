/**
 * Atomic writes: a temp file beside the target, then rename, so a reader never sees half a record.
 * Temp names are unique per process and write (pid + counter + random), so two runs writing the same
 * folder never share one; the last rename wins and each record is whole. Temp files of writes in
 * progress are known, so an interrupt can remove them (removePendingTempFiles).
 */
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

const pending = new Set<string>();
let counter = 0;

export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${++counter}.${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temp);
  try {
    await writeFile(temp, content, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  } finally {
    pending.delete(temp);
  }
}

/** Removes the temp files of writes still in progress, synchronously (signal handlers, exit). */
export function removePendingTempFiles(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}
