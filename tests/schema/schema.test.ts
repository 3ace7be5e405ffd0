import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRecordJsonSchema, RecordValidationError, SCHEMA_VERSION, validateRecord, type PlanRecord } from '../../src/schema/record.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SCHEMA_FILE = join(ROOT, 'schemas', 'plan-record.schema.json');

/** A small valid record, built by hand (no extraction involved). */
function validRecord(): PlanRecord {
  const src = { page: 1, line: 3, endLine: 3 };
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { file: 'x.pdf', sha256: 'a'.repeat(64), kind: 'pdf-text', pages: 2, encoding: 'pdf', ocr: null, textRepair: null },
    document: { type: 'KH', typeName: 'Kế hoạch', number: '30/KH-UBND', issuer: 'Ủy ban nhân dân tỉnh Bắc Giang', issuerParent: null, issuerHierarchy: ['Ủy ban nhân dân tỉnh Bắc Giang'], place: 'Bắc Giang', date: '2024-04-30', title: 'Thực hiện Nghị quyết' },
    references: [{ type: 'NQ', typeName: 'Nghị quyết', number: '42-NQ/TW', name: null, year: 2023, date: '2023-11-24', issuer: 'Ban Chấp hành Trung ương', legalBasis: true, source: src }],
    sections: [{ id: 'I', heading: 'MỤC ĐÍCH, YÊU CẦU', kind: 'purpose', level: 1, source: src, children: [{ id: '1', heading: 'Mục đích', kind: 'purpose', level: 2, source: src, children: [] }] }],
    objectives: { purposes: [{ text: 'Nâng cao nhận thức', source: src }], requirements: [], general: [], specific: [], vision: [] },
    indicators: [
      { id: 'II.2.3', text: 'Tỉ lệ thất nghiệp dưới 2,35%', name: 'Tỉ lệ thất nghiệp', target: { value: 2.35, comparator: '<', unit: '%', year: 2030 }, responsible: [], source: src },
    ],
    tasks: [
      {
        id: '1.1',
        title: 'Tuyên truyền',
        text: 'Tuyên truyền …',
        lead: [{ name: 'Sở Lao động - Thương binh và Xã hội', raw: 'Sở LĐTB&XH', kind: 'agency', known: true }],
        support: [],
        deadlines: [{ text: 'Thường xuyên', kind: 'ongoing' }, { text: 'giai đoạn 2024-2025', kind: 'range', from: '2024', to: '2025' }],
        source: src,
      },
    ],
    responsibilities: [],
    budget: [],
    signer: { authority: 'TM. ỦY BAN NHÂN DÂN', capacity: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: null, source: null },
    recipients: ['Bộ Lao động - TB&XH'],
    tables: [],
    attachment: null,
    warnings: [{ code: 'empty-page', message: 'page 2 has no text layer', source: { page: 2, line: 1, endLine: 1 } }],
  };
}

function failingPaths(record: unknown): string[] {
  try {
    validateRecord(record);
  } catch (err) {
    expect(err).toBeInstanceOf(RecordValidationError);
    return (err as RecordValidationError).paths;
  }
  throw new Error('expected validateRecord to throw');
}

describe('schemas/plan-record.schema.json', () => {
  it('is up to date with the zod schema (run `npm run schema` when this fails)', () => {
    const onDisk = readFileSync(SCHEMA_FILE, 'utf8');
    expect(onDisk).toBe(JSON.stringify(planRecordJsonSchema(), null, 2) + '\n');
  });

  it('is a draft 2020-12 schema of the record with the contract field names', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { $schema: string; $defs: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const record = schema.$defs.PlanRecord!;
    for (const field of ['schemaVersion', 'source', 'document', 'references', 'sections', 'objectives', 'indicators', 'tasks', 'responsibilities', 'budget', 'signer', 'recipients', 'warnings']) {
      expect(record.required).toContain(field);
    }
    for (const def of ['SourceRef', 'Agency', 'Deadline', 'Section', 'Indicator', 'Task', 'Warning']) expect(schema.$defs).toHaveProperty(def);
  });
});

describe('validateRecord', () => {
  it('accepts a valid record', () => {
    expect(validateRecord(validRecord()).document.number).toBe('30/KH-UBND');
  });

  it('rejects a bad record and names every failing path', () => {
    const bad = validRecord() as unknown as Record<string, any>;
    bad.schemaVersion = 2;
    bad.source.sha256 = 'not-a-hash';
    bad.source.kind = 'scan';
    bad.document.date = '30/4/2024';
    bad.sections[0].children[0].level = 0;
    bad.tasks[0].deadlines[0] = { text: 'tháng 13/2024', kind: 'month', year: 2024, month: 13 };
    bad.indicators[0].target.comparator = '≈';
    bad.signer = { authority: 'TM. ỦY BAN NHÂN DÂN' };
    delete bad.recipients;
    const paths = failingPaths(bad);
    const prefixes = paths.map((p) => p.split(':')[0] ?? p);
    expect(prefixes).toEqual(
      expect.arrayContaining([
        'schemaVersion',
        'source.sha256',
        'source.kind',
        'document.date',
        'sections.0.children.0.level',
        'tasks.0.deadlines.0.month',
        'indicators.0.target.comparator',
        'signer.capacity',
        'recipients',
      ]),
    );
    // Nothing valid is reported.
    expect(prefixes.some((p) => p.startsWith('document.number') || p.startsWith('references'))).toBe(false);
  });

  it('summarises the first failing paths in the error message', () => {
    const bad = validRecord() as unknown as Record<string, any>;
    bad.document.date = 'yesterday';
    expect(() => validateRecord(bad)).toThrow(/record failed validation at document\.date: /);
  });

  it('rejects a non-object', () => {
    expect(failingPaths(null)).toEqual([expect.stringMatching(/^\(root\): /)]);
  });
});
