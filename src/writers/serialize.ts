/**
 * Records to text: YAML (readable Unicode, keys in schema order) or JSON.
 * Key order comes from the record as the pipeline built it, which follows the
 * schema; zod's parse keeps it, so the same input gives the same bytes.
 */
import { stringify } from 'yaml';
import type { PlanRecord } from '../schema/record.js';

export type OutputFormat = 'yaml' | 'json';

export function serializeRecord(record: PlanRecord, format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(record, null, 2) + '\n';
  return stringify(record, { lineWidth: 0, aliasDuplicateObjects: false, defaultStringType: 'PLAIN', singleQuote: false });
}

export function extensionFor(format: OutputFormat): string {
  return format === 'json' ? '.json' : '.yaml';
}
