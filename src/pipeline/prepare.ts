/**
 * Text-level stages that run before extraction: whatever turns the backend's
 * lines into the best text we can get (repair of OCR damage).
 */
import type { PlanDocument } from '../model/document.js';

export interface PrepareOptions {
  repair: 'auto' | 'always' | 'never';
}

export function prepareText(doc: PlanDocument, options: PrepareOptions): void {
  void doc;
  void options;
}
