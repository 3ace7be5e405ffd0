/**
 * Walk a document as the decoder and the language-model trainer both see it: word cores with
 * their class, and segment boundaries at sentence punctuation and blank lines. Sharing this
 * walk keeps training units and decoding units identical.
 */
import { tokenizeLine, type Piece } from './tokenize.js';

/** Punctuation that ends a language-model segment (commas and dashes do not). */
const BOUNDARY_PUNCT = /[.;:!?()[\]]/;
/** Lines longer than this are passed through untouched (binary dumps, runaway OCR). */
export const MAX_LINE_LENGTH = 100_000;

export interface WalkItem {
  line: number;
  piece: Piece;
  /** index of this word among the word pieces of its line */
  wordIndex: number;
  pieces: Piece[];
  pieceIndex: number;
}

export function walkDocument(
  lines: readonly string[],
  onWord: (item: WalkItem) => void,
  onBoundary: () => void,
  /** the pieces of line li, when the caller has them already (one tokenisation per repair) */
  piecesOf: (li: number) => Piece[] = (li) => tokenizeLine(lines[li]!),
): void {
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    if (line.length > MAX_LINE_LENGTH) { onBoundary(); continue; }
    if (!line.trim()) { onBoundary(); continue; }
    const pieces = piecesOf(li);
    let w = 0;
    for (let pi = 0; pi < pieces.length; pi++) {
      const piece = pieces[pi]!;
      if (piece.word) onWord({ line: li, piece, wordIndex: w++, pieces, pieceIndex: pi });
      else if (BOUNDARY_PUNCT.test(piece.text)) onBoundary();
    }
  }
  onBoundary();
}
