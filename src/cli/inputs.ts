/** Expands the command line's files and folders into the inputs to convert, in a stable order. */
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { isSupportedInput } from '../backends/formats.js';

export interface InputItem {
  /** Path to read. */
  path: string;
  /** Path relative to the folder it was found in (its basename for a file given directly): decides the output name. */
  relative: string;
}

/**
 * Files an editor leaves beside a document while it is open or saving: Word's owner files
 * ("~$plan.docx"), LibreOffice's locks (".~lock.plan.docx#"), temporary files ("~WRL0001.tmp",
 * "x.tmp"). They are not documents, so folder mode skips them.
 */
export function isLockOrTempFile(name: string): boolean {
  return name.startsWith('~$') || /^\.~lock\..*#$/.test(name) || /\.tmp$/i.test(name) || /^~.*\.tmp$/i.test(name);
}

async function walk(dir: string, root: string, out: InputItem[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || isLockOrTempFile(e.name)) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) await walk(full, root, out);
    else if (e.isFile() && isSupportedInput(full) && !/\.expected\.[a-z]+$/.test(e.name)) out.push({ path: full, relative: relative(root, full) });
  }
}

/** Folders are walked recursively; files are taken as given (a missing one fails later, with its name). */
export async function expandInputs(args: readonly string[]): Promise<{ items: InputItem[]; sawFolder: boolean }> {
  const items: InputItem[] = [];
  let sawFolder = false;
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) {
      sawFolder = true;
      await walk(arg, arg, items);
    } else {
      items.push({ path: arg, relative: basename(arg) });
    }
  }
  return { items, sawFolder };
}
