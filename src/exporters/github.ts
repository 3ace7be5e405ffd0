/**
 * `check` results as GitHub Actions workflow commands: one `::error file=…,line=…::` annotation per
 * differing field, pointing at the line of the expected record that states the field, so the pull
 * request shows it beside the expectation that failed.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode, type Node } from 'yaml';
import { formatDifference } from '../cli/compare.js';
import type { CheckResult } from '../cli/check.js';

/** Escapes the message of a workflow command (GitHub's rules: %, CR, LF). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command (also : and ,). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** "tasks[0].lead.length" → ["tasks", 0, "lead"] (a length is stated by its array). */
export function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) keys.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  if (keys.at(-1) === 'length') keys.pop();
  return keys;
}

/** The 1-based line of the expected record where a field path (or its nearest stated parent) stands. */
export function lineOfPath(yamlText: string, path: string): number {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter });
  const keys = pathKeys(path);
  for (let n = keys.length; n > 0; n--) {
    const node = doc.getIn(keys.slice(0, n), true) as Node | undefined;
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

export function githubAnnotations(results: readonly CheckResult[], read: (file: string) => string = (f) => readFileSync(f, 'utf8')): string {
  let out = '';
  for (const r of results) {
    if (r.error !== null) {
      out += `::error file=${escapeProperty(r.input)},title=${escapeProperty('plan-extract check')}::${escapeData(`${r.input}: extraction failed: ${r.error}`)}\n`;
      continue;
    }
    if (r.differences.length === 0) continue;
    let text = '';
    try {
      text = read(r.expectedFile);
    } catch {
      // the expected record was read a moment ago; if it has gone, annotate its first line
    }
    for (const d of r.differences) {
      const line = text ? lineOfPath(text, d.path) : 1;
      out += `::error file=${escapeProperty(r.expectedFile)},line=${line},title=${escapeProperty(`${r.input}: ${d.path}`)}::${escapeData(formatDifference(d))}\n`;
    }
  }
  return out;
}
