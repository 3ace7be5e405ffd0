/**
 * The ruling lines of a page image, found in its pixels: long thin runs of dark pixels,
 * horizontal and vertical, joined across the rows (columns) they step through when the scan
 * is tilted. Tesseract reports separators too, but on a light 200-dpi scan it misses most
 * thin column rules and bridges a vertical rule across the gap between two tables, which
 * turns the heading between them into a table row; the pixels say where a rule really is.
 *
 * Only the image's own bytes are decoded (image.ts `decodeGray`), never more than the size the
 * backends already accepted.
 */
import { decodeGray, MAX_DECODED_PIXELS, type OcrImage } from './image.js';
import type { Box, OcrPage } from './types.js';

/** Darker than this (0..255) is ink. */
const INK = 150;
/** Light pixels bridged inside a run: a scanned rule has breaks. */
const GAP = 2;
/** Largest page searched (pixels): a larger one keeps tesseract's reading alone. */
const MAX_PIXELS = MAX_DECODED_PIXELS;

interface Run {
  /** Row (for horizontal runs) or column (vertical). */
  at: number;
  from: number;
  to: number;
  group: number;
}

/**
 * Runs of ink at least `minRun` long along each line of pixels (rows when `across` is false,
 * columns when true), light gaps up to GAP bridged.
 */
function runs(gray: Uint8Array, width: number, height: number, vertical: boolean, minRun: number): Run[][] {
  const lines = vertical ? width : height;
  const length = vertical ? height : width;
  const out: Run[][] = [];
  for (let a = 0; a < lines; a++) {
    const mine: Run[] = [];
    let start = -1;
    let lastInk = -1;
    for (let p = 0; p <= length; p++) {
      const ink = p < length && gray[vertical ? p * width + a : a * width + p]! < INK;
      if (ink) {
        if (start < 0 || p - lastInk > GAP + 1) {
          if (start >= 0 && lastInk - start + 1 >= minRun) mine.push({ at: a, from: start, to: lastInk, group: -1 });
          start = p;
        }
        lastInk = p;
      }
    }
    if (start >= 0 && lastInk - start + 1 >= minRun) mine.push({ at: a, from: start, to: lastInk, group: -1 });
    out.push(mine);
  }
  return out;
}

/** Runs of neighbouring lines that overlap are one rule (a tilted rule steps from line to line); its box. */
function joinRuns(lines: Run[][]): { at0: number; at1: number; from: number; to: number }[] {
  const groups: { at0: number; at1: number; from: number; to: number }[] = [];
  for (let a = 0; a < lines.length; a++) {
    for (const run of lines[a]!) {
      const above = a > 0 ? lines[a - 1]!.find((r) => r.from <= run.to + GAP && run.from <= r.to + GAP) : undefined;
      if (above) {
        run.group = above.group;
        const g = groups[run.group]!;
        g.at1 = a;
        g.from = Math.min(g.from, run.from);
        g.to = Math.max(g.to, run.to);
      } else {
        run.group = groups.length;
        groups.push({ at0: a, at1: a, from: run.from, to: run.to });
      }
    }
  }
  return groups;
}

/**
 * The page's ruling lines as boxes (image pixels). `lineHeight`: the height of a text line's
 * words, which sets how long a rule must be: a horizontal one 2.5 line heights (longer than the
 * strokes of a bold heading), a vertical one 1.3 (taller than any letter, shorter than a row).
 */
export function findRulingLines(gray: Uint8Array, width: number, height: number, lineHeight: number): Box[] {
  const minH = Math.max(40, 2.5 * lineHeight);
  const minV = Math.max(20, 1.3 * lineHeight);
  const boxes: Box[] = [];
  // a short run of a tilted rule is as long as the rule is steep: runs of a quarter of the minimum are collected, rules kept at the minimum
  for (const g of joinRuns(runs(gray, width, height, false, Math.round(minH / 4)))) {
    const length = g.to - g.from + 1;
    const thick = g.at1 - g.at0 + 1;
    if (length >= minH && thick <= Math.max(8, length * 0.035)) boxes.push({ left: g.from, top: g.at0, width: length, height: thick });
  }
  for (const g of joinRuns(runs(gray, width, height, true, Math.round(minV / 2)))) {
    const length = g.to - g.from + 1;
    const thick = g.at1 - g.at0 + 1;
    if (length >= minV && thick <= Math.max(8, length * 0.035)) boxes.push({ left: g.at0, top: g.from, width: thick, height: length });
  }
  return boxes;
}

/** The median height of the page's words (pixels), 0 without words. */
export function wordHeight(page: OcrPage): number {
  const heights = page.lines.flatMap((l) => l.words.map((w) => w.box.height)).sort((a, b) => a - b);
  return heights.length ? heights[Math.floor(heights.length / 2)]! : 0;
}

/**
 * The OCR'd page with its ruling lines read from the pixels, when it may hold a table: tesseract
 * found a horizontal and a vertical separator (it finds a table's outer rules even when it misses
 * the inner ones), or the text has rules read as "|". Else (or when the image is not decoded here)
 * the page as tesseract gave it. Decoding and searching a 200-dpi page costs about 0.2 s, a
 * tenth of its OCR, so pages without these signs (an underlined motto is no table) skip it.
 */
export async function withRulingLines(image: OcrImage, page: OcrPage): Promise<OcrPage> {
  const pipes = page.lines.reduce((n, l) => n + (l.text.match(/\|/g)?.length ?? 0), 0);
  const both = page.rules.some((b) => b.width > 4 * b.height) && page.rules.some((b) => b.height > 4 * b.width);
  if (!both && pipes < 3) return page;
  const lineHeight = wordHeight(page);
  if (lineHeight <= 0 || image.width * image.height > MAX_PIXELS) return page;
  const pixels = await decodeGray(image).catch(() => null);
  if (!pixels) return page;
  return { ...page, rules: findRulingLines(pixels.gray, pixels.width, pixels.height, lineHeight) };
}
