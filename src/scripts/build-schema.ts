/**
 * `npm run schema`: writes schemas/plan-record.schema.json from the zod schema (src/schema/record.ts).
 * tests/schema/schema.test.ts fails when the checked-in file is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planRecordJsonSchema } from '../schema/record.js';

export const SCHEMA_FILE = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'schemas', 'plan-record.schema.json');

/** The file's exact contents: what `plan-extract schema` prints. */
export function schemaFileText(): string {
  return JSON.stringify(planRecordJsonSchema(), null, 2) + '\n';
}

mkdirSync(dirname(SCHEMA_FILE), { recursive: true });
writeFileSync(SCHEMA_FILE, schemaFileText());
console.log(`wrote ${SCHEMA_FILE}`);
