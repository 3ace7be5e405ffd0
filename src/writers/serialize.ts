/**
 * Records to text: YAML (readable Unicode, keys in schema order) or JSON.
 * Key order comes from the record as the pipeline built it, which follows the
 * schema; zod's parse keeps it, so the same input gives the same bytes.
 *
 * The YAML must load to the same values in YAML 1.2 loaders (the `yaml` package, most
 * new tools) and YAML 1.1 loaders (PyYAML, what pandas and most Python code reach for).
 * Strings stay plain where both read them as strings, and are double-quoted where either
 * would read something else: 1.1's `yes`/`no`/`on`/`off`/`y`/`n`, `0123` (octal), `1:20`
 * (base 60), `1_000`, `2021-03-31` (a date), `<<` (merge), and PyYAML's `=` (its
 * `tag:yaml.org,2002:value`, which `safe_load` refuses).
 */
import { Document, Schema, type ScalarTag } from 'yaml';
import type { PlanRecord } from '../schema/record.js';
import type { OutputFormat } from './output-format.js';

export { extensionFor, type OutputFormat } from './output-format.js';

/**
 * Implicit types PyYAML resolves that the `yaml` package's 1.1 schema does not: a plain `=` is
 * PyYAML's value key, and `!`, `&`, `*` alone its `tag:yaml.org,2002:yaml` (indicators, quoted anyway).
 */
const pyyamlOnly: ScalarTag[] = [
  { tag: 'tag:yaml.org,2002:value', default: true, test: /^(?:=|!|&|\*)$/, resolve: (s: string) => s },
];

/**
 * A plain string the stringifier writes must not match any of these; the document's own schema
 * (YAML 1.2 core) is checked by the stringifier as well. Computed once: the tag lists are fixed.
 */
const yaml11Compat: ScalarTag[] = [...(new Schema({ schema: 'yaml-1.1' }).tags as ScalarTag[]), ...pyyamlOnly];

/**
 * Numbers the way both loaders read them as numbers: JSON writes 1e+21, which PyYAML reads as a
 * string (its float needs a dot), so such numbers get one: 1.0e+21.
 */
const exponentFloat: ScalarTag = {
  tag: 'tag:yaml.org,2002:float',
  default: true,
  identify: (value) => typeof value === 'number' && Number.isFinite(value) && /e/i.test(JSON.stringify(value)),
  test: /^$a/, // only used for writing: never resolves a scalar
  resolve: (s: string) => Number(s),
  stringify: ({ value }) => JSON.stringify(value).replace(/^(-?\d+)e/i, '$1.0e'),
};

export function serializeRecord(record: PlanRecord, format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(record, null, 2) + '\n';
  const doc = new Document(record, { version: '1.2', compat: yaml11Compat, customTags: (tags) => [exponentFloat, ...tags], aliasDuplicateObjects: false });
  return doc.toString({ lineWidth: 0, defaultStringType: 'PLAIN', singleQuote: false });
}
