/** Where the OCR models the package ships live (node_modules/@tesseract.js-data/<lang>). */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Which build of the model: 4.0.0_best_int (tessdata_best, integerised, LSTM only) or 4.0.0
 * (tessdata with the legacy engine's data). Measured on fixtures/scan-lai-chau.pdf (see
 * src/scripts/bench-ocr.ts): best_int reads more syllables right.
 */
export const WASM_MODEL_FOLDER = '4.0.0_best_int';

/** The folder holding <lang>.traineddata.gz for tesseract.js. */
export function wasmLangPath(language = 'vie', folder = WASM_MODEL_FOLDER): string {
  const pkg = require.resolve(`@tesseract.js-data/${language}/package.json`);
  return join(dirname(pkg), folder);
}

/** The tesseract.js core build to load: LSTM-only unless the legacy engine is wanted, with the widest SIMD the V8 runs. */
export function wasmCoreModule(features: { lstmOnly: boolean; simd: boolean; relaxedSimd: boolean }): string {
  const flavour = features.relaxedSimd ? '-relaxedsimd' : features.simd ? '-simd' : '';
  return `tesseract.js-core/tesseract-core${flavour}${features.lstmOnly ? '-lstm' : ''}`;
}
