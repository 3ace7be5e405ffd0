/**
 * The plan record: the single source of truth for what plan-extract writes.
 * Types come from z.infer; schemas/plan-record.schema.json is generated from here
 * (`npm run schema`), and a test fails when the checked-in copy is stale.
 * Field names follow ../shared/spec/record.md and are a public contract.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'ISO date, or year / year-month when the day or month is blank');

/** Where an item stands in the extracted text: page (null for text input), 1-based lines within that page. */
export const SourceRef = z
  .object({
    page: z.number().int().positive().nullable(),
    line: z.number().int().positive(),
    endLine: z.number().int().positive(),
  })
  .meta({ id: 'SourceRef' });

export const Warning = z
  .object({
    code: z.string().describe('machine-readable kind, e.g. empty-page, low-confidence-repair, unknown-agency'),
    message: z.string(),
    source: SourceRef.nullable(),
  })
  .meta({ id: 'Warning' });

export const Agency = z
  .object({
    name: z.string().describe('canonical full name with diacritics'),
    raw: z.string().describe('the text as it stood in the document'),
    kind: z.enum(['agency', 'group']).describe('one body, or a collective mention'),
    known: z.boolean().describe('true when the name was found in the agency registry'),
  })
  .meta({ id: 'Agency' });

const deadlineBase = { text: z.string() };
export const Deadline = z
  .discriminatedUnion('kind', [
    z.object({ ...deadlineBase, kind: z.literal('ongoing') }),
    z.object({ ...deadlineBase, kind: z.literal('date'), date: isoDate }),
    z.object({ ...deadlineBase, kind: z.literal('month'), year: z.number().int(), month: z.number().int().min(1).max(12) }),
    z.object({ ...deadlineBase, kind: z.literal('quarter'), year: z.number().int(), quarter: z.number().int().min(1).max(4) }),
    z.object({ ...deadlineBase, kind: z.literal('year'), year: z.number().int() }),
    z.object({
      ...deadlineBase,
      kind: z.literal('annual'),
      month: z.number().int().min(1).max(12).nullable(),
      day: z.number().int().min(1).max(31).nullable(),
    }),
    z.object({ ...deadlineBase, kind: z.literal('range'), from: isoDate, to: isoDate }),
    z.object({
      ...deadlineBase,
      kind: z.literal('recurring'),
      every: z.enum(['day', 'week', 'month', 'quarter', 'half-year']).describe('the cycle: "hằng ngày", "hằng tuần", "hằng tháng", "hằng quý", "6 tháng một lần"'),
      day: z.number().int().min(1).max(31).nullable().describe('the day of the month when stated ("trước ngày 25 hằng tháng")'),
    }),
    z.object({
      ...deadlineBase,
      kind: z.literal('relative').describe('a time counted from an event the plan names ("Sau 03 tháng kể từ ngày ký", "trong vòng 15 ngày kể từ ngày lập biên bản")'),
      amount: z.number().int().positive(),
      unit: z.enum(['day', 'working-day', 'week', 'month', 'year']).describe('"ngày", "ngày làm việc", "tuần", "tháng", "năm"'),
      event: z.string().describe('the event as written after "kể từ" / "sau khi" ("ngày ký ban hành Kế hoạch")'),
      date: z
        .string()
        .optional()
        .describe("the due day (ISO) when the event is the document's own signing or issue and the document is dated; not for working days (holidays are not known)"),
    }),
  ])
  .meta({ id: 'Deadline' });

export const Comparator = z.enum(['=', '<', '<=', '>', '>=', '~']);

export const Target = z
  .object({
    value: z.number().nullable().describe('the target value; null when the target is a range'),
    min: z.number().optional(),
    max: z.number().optional(),
    comparator: Comparator,
    unit: z.string().nullable(),
    year: z.number().int().nullable(),
  })
  .meta({ id: 'Target' });

/** A piece of prose the document states (a purpose, a requirement, a budget paragraph), with where it stands. */
export const TextItem = z.object({ text: z.string(), source: SourceRef }).meta({ id: 'TextItem' });

export const Reference = z
  .object({
    type: z.string().nullable().describe('document-type code: NQ, KL, KH, QĐ, CTr, …'),
    typeName: z.string().nullable(),
    number: z.string().nullable(),
    name: z.string().nullable().describe('the name a document is cited by when it has no number ("Luật Phòng, chống ma túy")'),
    year: z.number().int().nullable().describe('the year of the document: its date\'s, or the year in its number or after its name'),
    date: isoDate.nullable(),
    issuer: z.string().nullable(),
    legalBasis: z.boolean().describe('cited as a basis (Căn cứ / Thực hiện) in the preamble'),
    source: SourceRef,
  })
  .meta({ id: 'Reference' });

export const SectionKind = z.enum(['purpose', 'objectives', 'indicators', 'tasks', 'solutions', 'organization', 'budget', 'appendix', 'other']);

export interface SectionShape {
  id: string;
  heading: string;
  kind: z.infer<typeof SectionKind>;
  level: number;
  source: z.infer<typeof SourceRef>;
  children: SectionShape[];
}

export const Section: z.ZodType<SectionShape> = z
  .object({
    id: z.string().describe('the label as numbered in the document: I, 1, 1.1, a'),
    heading: z.string(),
    kind: SectionKind,
    level: z.number().int().min(1),
    source: SourceRef,
    get children() {
      return z.array(Section);
    },
  })
  .meta({ id: 'Section' });

export const Indicator = z
  .object({
    id: z.string().describe('stable id derived from position'),
    text: z.string(),
    name: z.string(),
    target: Target,
    responsible: z.array(Agency),
    source: SourceRef,
  })
  .meta({ id: 'Indicator' });

export const Task = z
  .object({
    id: z.string().describe("the document's own numbering"),
    title: z.string(),
    text: z.string(),
    lead: z.array(Agency),
    support: z.array(Agency),
    deadlines: z.array(Deadline),
    source: SourceRef,
  })
  .meta({ id: 'Task' });

export const Responsibility = z
  .object({
    agency: Agency,
    duties: z.array(z.string()),
    deadlines: z.array(Deadline),
    source: SourceRef,
  })
  .meta({ id: 'Responsibility' });

export const Signer = z.object({
  authority: z.string().nullable().describe('TM. ỦY BAN NHÂN DÂN'),
  capacity: z.string().nullable().describe('KT. CHỦ TỊCH'),
  title: z.string().nullable().describe('PHÓ CHỦ TỊCH'),
  name: z.string().nullable(),
  source: SourceRef.nullable(),
});

/** A table of the document, as it stands: what it is for, its header and its rows' cell texts. */
export const TableRecord = z
  .object({
    index: z.number().int().positive().describe('1-based number of the table in the document'),
    role: z.enum(['tasks', 'indicators', 'schedule', 'other']).describe('what its columns say it holds'),
    header: z.array(z.string()).describe('header text of each column (levels joined by " / ")'),
    columns: z.array(z.string()).describe('role of each column read from its header: id, task, lead, support, time, indicator, unit, year, product, note, monitor, other'),
    rows: z.array(z.array(z.string())).describe('cell texts of the rows under the header, one per column; a merged cell stands in its first column, the columns it covers are empty'),
    source: SourceRef,
  })
  .meta({ id: 'TableRecord' });

/** The document a Quyết định issues ("Ban hành kèm theo Quyết định này Kế hoạch …"). */
export const Attachment = z
  .object({
    type: z.string().nullable().describe('type code of the attached document: KH, CTr, QC, …'),
    typeName: z.string().nullable(),
    title: z.string().nullable(),
    source: SourceRef.describe('where the attached document starts and ends'),
  })
  .meta({ id: 'Attachment' });

export const SourceKind = z.enum(['pdf-text', 'pdf-scan', 'pdf-mixed', 'image', 'text', 'docx', 'doc', 'html']);

export const RecordSource = z.object({
  file: z.string().describe('as given on the command line'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: SourceKind,
  pages: z.number().int().nonnegative().nullable().describe('null for text, Word and HTML input'),
  encoding: z.string().describe('how the text was decoded: utf-8, utf-16le, windows-1252, tcvn3, vni; pdf for a text layer; ocr for images'),
  ocr: z
    .object({
      engine: z.string(),
      language: z.string(),
      pages: z.array(z.number().int().positive()),
    })
    .nullable(),
  textRepair: z
    .object({
      applied: z.boolean(),
      damageScore: z.number().min(0).max(1),
      tokens: z.number().int().nonnegative(),
      changed: z.number().int().nonnegative(),
      meanConfidence: z.number().min(0).max(1),
    })
    .nullable(),
});

export const DocumentHeader = z.object({
  type: z.string().nullable().describe('type code from the number: KH, QĐ, NQ, …'),
  typeName: z.string().nullable(),
  number: z.string().nullable().describe('spaces removed; null when left blank'),
  issuer: z.string().nullable(),
  issuerParent: z.string().nullable().describe('the body the issuer belongs to, when the header names both ("UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ")'),
  issuerHierarchy: z.array(z.string()).describe('every body of the header\'s issuer block, from the top; empty when none was read'),
  place: z.string().nullable(),
  date: isoDate.nullable(),
  title: z.string().nullable(),
});

export const Objectives = z.object({
  purposes: z.array(TextItem),
  requirements: z.array(TextItem),
  general: z.array(TextItem),
  specific: z.array(TextItem),
  vision: z.array(TextItem),
});

export const PlanRecord = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    source: RecordSource,
    document: DocumentHeader,
    references: z.array(Reference),
    sections: z.array(Section),
    objectives: Objectives,
    indicators: z.array(Indicator),
    tasks: z.array(Task),
    responsibilities: z.array(Responsibility),
    budget: z.array(TextItem),
    signer: Signer,
    recipients: z.array(z.string()),
    tables: z.array(TableRecord).describe('the tables of the document with their role; tasks and indicators read from them are also in tasks and indicators'),
    attachment: Attachment.nullable().describe('the plan (or other document) a Quyết định issues; its tasks, indicators and responsibilities are those of the record'),
    warnings: z.array(Warning),
  })
  .meta({ id: 'PlanRecord', title: 'plan-extract plan record' });

export type SourceRef = z.infer<typeof SourceRef>;
export type Warning = z.infer<typeof Warning>;
export type Agency = z.infer<typeof Agency>;
export type Deadline = z.infer<typeof Deadline>;
export type Target = z.infer<typeof Target>;
export type TextItem = z.infer<typeof TextItem>;
export type Reference = z.infer<typeof Reference>;
export type SectionKind = z.infer<typeof SectionKind>;
export type Section = SectionShape;
export type Indicator = z.infer<typeof Indicator>;
export type Task = z.infer<typeof Task>;
export type Responsibility = z.infer<typeof Responsibility>;
export type Signer = z.infer<typeof Signer>;
export type SourceKind = z.infer<typeof SourceKind>;
export type RecordSource = z.infer<typeof RecordSource>;
export type DocumentHeader = z.infer<typeof DocumentHeader>;
export type Objectives = z.infer<typeof Objectives>;
export type PlanRecord = z.infer<typeof PlanRecord>;
export type TableRecord = z.infer<typeof TableRecord>;
export type Attachment = z.infer<typeof Attachment>;

/** The JSON Schema of the record, generated from the zod schema above. */
export function planRecordJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PlanRecord, { target: 'draft-2020-12', unrepresentable: 'throw' }) as Record<string, unknown>;
}

/** Validates a record; on failure throws RecordValidationError listing the failing paths. */
export function validateRecord(record: unknown): PlanRecord {
  const result = PlanRecord.safeParse(record);
  if (result.success) return result.data;
  const paths = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new RecordValidationError(paths);
}

export class RecordValidationError extends Error {
  constructor(readonly paths: string[]) {
    super(`record failed validation at ${paths.slice(0, 5).join('; ')}${paths.length > 5 ? ` (+${paths.length - 5} more)` : ''}`);
    this.name = 'RecordValidationError';
  }
}
