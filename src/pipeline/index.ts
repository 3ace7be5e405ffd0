/**
 * The pipeline: a document model in, a validated plan record out.
 * Stages run in order; each adds to the draft and to the document's warnings.
 */
import type { PlanDocument } from '../model/document.js';
import { SCHEMA_VERSION, validateRecord, type PlanRecord } from '../schema/record.js';
import { emptyDraft, type Stage } from './stage.js';
import { headerStage } from './stages/header.js';
import { sectionsStage } from './stages/sections.js';
import { closingStage } from './stages/closing.js';
import { referencesStage } from './stages/references.js';
import { objectivesStage } from './stages/objectives.js';
import { indicatorsStage } from './stages/indicators.js';
import { appendixStage } from './stages/appendix.js';
import { tasksStage } from './stages/tasks.js';
import { tablesStage } from './stages/tables.js';
import { responsibilitiesStage } from './stages/responsibilities.js';
import { budgetStage } from './stages/budget.js';
import { coverageStage } from './stages/coverage.js';
import { documentKindStage } from './stages/document-kind.js';
import { relativeDatesStage } from './stages/relative-dates.js';

export const defaultStages: Stage[] = [
  headerStage,
  sectionsStage,
  referencesStage,
  objectivesStage,
  indicatorsStage,
  appendixStage,
  tasksStage,
  tablesStage,
  responsibilitiesStage,
  budgetStage,
  relativeDatesStage,
  closingStage,
  coverageStage,
  documentKindStage,
];

export function runPipeline(doc: PlanDocument, stages: readonly Stage[] = defaultStages): PlanRecord {
  const draft = emptyDraft();
  for (const stage of stages) stage.run(doc, draft);
  const record: PlanRecord = {
    schemaVersion: SCHEMA_VERSION,
    source: {
      file: doc.file,
      sha256: doc.sha256,
      kind: doc.kind,
      pages: doc.pageCount,
      encoding: doc.encoding,
      ocr: doc.ocr,
      textRepair: doc.textRepair,
    },
    ...draft,
    warnings: doc.warnings,
  };
  return validateRecord(record);
}
