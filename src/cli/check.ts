/** `plan-extract check <dir>`: every input with an expected record beside it is extracted and compared. */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parse } from 'yaml';
import chalk from 'chalk';
import { expandInputs } from './inputs.js';
import { extractFile } from '../extract.js';
import { compareRecords, formatDifference, type Difference } from './compare.js';
import { describeError } from '../util/errors.js';

/**
 * The expected record of an input: x.pdf.expected.yaml when it exists (so x.pdf and x.txt in one
 * folder can each have their own), otherwise x.expected.yaml.
 */
export function expectedPathFor(input: string): string {
  const withExtension = join(dirname(input), `${basename(input)}.expected.yaml`);
  if (existsSync(withExtension)) return withExtension;
  return join(dirname(input), `${basename(input, extname(input))}.expected.yaml`);
}

/** What one fixture gave: its differences, or the reason its extraction failed. */
export interface CheckResult {
  input: string;
  expectedFile: string;
  differences: Difference[];
  /** Set when the extraction (or reading the expected record) failed. */
  error: string | null;
  seconds: number;
}

export interface CheckSummary {
  checked: number;
  failed: number;
  results: CheckResult[];
  seconds: number;
}

export async function checkFolder(dir: string, out: NodeJS.WritableStream = process.stdout): Promise<CheckSummary> {
  const { items } = await expandInputs([dir]);
  let checked = 0;
  let failed = 0;
  const results: CheckResult[] = [];
  const begun = performance.now();
  for (const item of items) {
    const expectedFile = expectedPathFor(item.path);
    if (!existsSync(expectedFile)) continue;
    checked++;
    let lines: string[];
    const started = performance.now();
    const result: CheckResult = { input: item.path, expectedFile, differences: [], error: null, seconds: 0 };
    try {
      const expected: unknown = parse(await readFile(expectedFile, 'utf8'));
      const actual = await extractFile(item.path, { displayName: item.path });
      result.differences = compareRecords(expected, JSON.parse(JSON.stringify(actual)));
      lines = result.differences.map(formatDifference);
    } catch (err) {
      result.error = describeError(err);
      lines = [`extraction failed: ${result.error}`];
    }
    result.seconds = (performance.now() - started) / 1000;
    results.push(result);
    if (lines.length === 0) {
      out.write(`${chalk.green('ok')}   ${item.path}\n`);
    } else {
      failed++;
      out.write(`${chalk.red('FAIL')} ${item.path} (${lines.length} difference${lines.length === 1 ? '' : 's'})\n`);
      for (const line of lines) out.write(`       ${line}\n`);
    }
  }
  out.write(`${checked} checked: ${checked - failed} match, ${failed} differ\n`);
  return { checked, failed, results, seconds: (performance.now() - begun) / 1000 };
}
