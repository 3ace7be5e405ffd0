/**
 * Tesseract's TSV output (both engines produce it) to lines with boxes and confidences.
 * Columns: level page_num block_num par_num line_num word_num left top width height conf text;
 * level 5 rows are words, and a line is the words sharing block, paragraph and line numbers.
 * A level 5 row with a box and no text is a separator tesseract found (a ruling line).
 */
import type { Box, OcrLine, OcrPage, OcrWord } from './types.js';

function union(a: Box, b: Box): Box {
  const left = Math.min(a.left, b.left);
  const top = Math.min(a.top, b.top);
  return { left, top, width: Math.max(a.left + a.width, b.left + b.width) - left, height: Math.max(a.top + a.height, b.top + b.height) - top };
}

export function parseTsv(tsv: string): OcrPage {
  const lines: OcrLine[] = [];
  const rules: Box[] = [];
  let current: OcrLine | null = null;
  let key = '';
  let confSum = 0;
  let confCount = 0;
  for (const row of tsv.split('\n')) {
    if (!row || row.startsWith('level')) continue;
    const cols = row.split('\t');
    if (cols.length < 12 || cols[0] !== '5') continue;
    const text = cols.slice(11).join('\t').replace(/\r$/, '').trim();
    const conf = Number(cols[10]);
    const box: Box = { left: Number(cols[6]), top: Number(cols[7]), width: Number(cols[8]), height: Number(cols[9]) };
    if (!text) {
      if (box.width > 0 && box.height > 0) rules.push(box);
      continue;
    }
    const word: OcrWord = { text: text.normalize('NFC'), confidence: Number.isFinite(conf) && conf >= 0 ? Math.min(1, conf / 100) : 0, box };
    const k = `${cols[1]}:${cols[2]}:${cols[3]}:${cols[4]}`;
    if (!current || k !== key) {
      current = { text: '', confidence: 0, box, words: [], block: Number(cols[2]), paragraph: Number(cols[3]) };
      lines.push(current);
      key = k;
    }
    current.words.push(word);
    current.box = union(current.box, box);
    confSum += word.confidence;
    confCount++;
  }
  for (const line of lines) finishLine(line, line);
  return { lines, rules, confidence: confCount ? confSum / confCount : 0 };
}

/**
 * A gap between two words of one line wider than this many word heights is a gap between
 * columns (a two-column header, a signature beside "Nơi nhận", a seal's debris beside the
 * issuer): the line's text gets three spaces there, as a layout text has, and the stages read
 * the columns apart. Words of justified text stand about one height apart at most.
 */
export const COLUMN_GAP = 2.5;

/** The line's text, confidence and box from its words (in reading order), written to `into` (a new line when omitted). */
export function finishLine(line: OcrLine, into: OcrLine = { ...line }): OcrLine {
  const heights = line.words.map((w) => w.box.height).sort((a, b) => a - b);
  const height = heights[Math.floor(heights.length / 2)] ?? 0;
  let text = '';
  let weighted = 0;
  let chars = 0;
  line.words.forEach((w, i) => {
    if (i > 0) {
      const before = line.words[i - 1]!.box;
      text += w.box.left - (before.left + before.width) > COLUMN_GAP * height ? '   ' : ' ';
    }
    text += w.text;
    weighted += w.confidence * w.text.length;
    chars += w.text.length;
  });
  into.text = text;
  into.confidence = chars ? weighted / chars : 0;
  into.box = line.words.slice(1).reduce((b, w) => union(b, w.box), line.words[0]?.box ?? line.box);
  return into;
}
