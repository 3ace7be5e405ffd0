/**
 * Public API of the text-repair model (OCR'd Vietnamese -> Vietnamese with diacritics).
 * loadRepairModel() reads the shipped data files once and caches the model.
 */
import { dataPath } from '../util/paths.js';
import type { DamageAssessment } from './damage.js';
import { createRepairModel, type RepairModel } from './model.js';
import { readModelData } from './model-data.js';

export type { DamageAssessment } from './damage.js';
export type { RepairModel, RepairResult, RepairStats, LowConfidenceToken, DecodeOptions, RepairChannel, RepairOptions } from './model.js';
export type { Register } from './register.js';
export { createRepairModel } from './model.js';
export type { RepairModelData } from './model-data.js';

let cached: RepairModel | undefined;

/** Synchronous, cached singleton built from src/data/repair/. */
export function loadRepairModel(): RepairModel {
  cached ??= createRepairModel(readModelData(dataPath('repair')));
  return cached;
}

/** Is this text OCR-damaged Vietnamese? (uses the shipped syllable inventory) */
export function assessDamage(lines: readonly string[]): DamageAssessment {
  return loadRepairModel().assessDamage(lines);
}
