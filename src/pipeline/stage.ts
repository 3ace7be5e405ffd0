/**
 * A pipeline stage reads the document model and adds to the record draft and
 * to the document's warnings. Stages never print and never touch the disk.
 */
import type { PlanDocument } from '../model/document.js';
import type { PlanRecord } from '../schema/record.js';

/** The record minus what the pipeline itself fills in at the end. */
export type RecordDraft = Omit<PlanRecord, 'schemaVersion' | 'source' | 'warnings'>;

export interface Stage {
  name: string;
  run(doc: PlanDocument, draft: RecordDraft): void;
}

export function emptyDraft(): RecordDraft {
  return {
    document: { type: null, typeName: null, number: null, issuer: null, issuerParent: null, issuerHierarchy: [], place: null, date: null, title: null },
    references: [],
    sections: [],
    objectives: { purposes: [], requirements: [], general: [], specific: [], vision: [] },
    indicators: [],
    tasks: [],
    responsibilities: [],
    budget: [],
    signer: { authority: null, capacity: null, title: null, name: null, source: null },
    recipients: [],
    tables: [],
    attachment: null,
  };
}
