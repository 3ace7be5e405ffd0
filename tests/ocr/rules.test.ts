/**
 * Ruling lines found in a page's pixels (src/ocr/rules.ts): a table drawn on a canvas, tilted or
 * not, gives its rules; letters, a bold heading and noise give none; images the engines get
 * (PNG, JPEG, the renderer's PGM) decode to the same pixels.
 */
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { findRulingLines } from '../../src/ocr/rules.js';
import { decodeGray, encodePgm } from '../../src/ocr/image.js';
import type { Box } from '../../src/ocr/types.js';

/** A 1000×700 page: a 3×4 ruled table at (100,200)–(900,500), rotated by `tiltDeg`, and a bold line of text above it. */
function page(tiltDeg: number) {
  const canvas = createCanvas(1000, 700);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 1000, 700);
  ctx.translate(500, 350);
  ctx.rotate((tiltDeg * Math.PI) / 180);
  ctx.translate(-500, -350);
  ctx.fillStyle = '#111';
  ctx.font = 'bold 30px serif';
  ctx.fillText('III. NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN', 120, 150);
  for (const y of [200, 300, 400, 500]) ctx.fillRect(100, y, 800, 2);
  for (const x of [100, 250, 600, 900]) ctx.fillRect(x, 200, 2, 302);
  ctx.font = '24px serif';
  ctx.fillText('Công an xã', 270, 260);
  return canvas;
}

const horizontal = (boxes: Box[]) => boxes.filter((b) => b.width > b.height);
const vertical = (boxes: Box[]) => boxes.filter((b) => b.height > b.width);

describe('findRulingLines', () => {
  it('finds the four row rules and four column rules of a straight table, and nothing in the text', async () => {
    const pixels = (await decodeGray({ data: await page(0).encode('png'), width: 1000, height: 700, dpi: null }))!;
    const boxes = findRulingLines(pixels.gray, pixels.width, pixels.height, 28);
    expect(horizontal(boxes).map((b) => Math.round(b.top + b.height / 2)).sort((a, b) => a - b)).toEqual([201, 301, 401, 501]);
    expect(vertical(boxes).map((b) => Math.round(b.left + b.width / 2)).sort((a, b) => a - b)).toEqual([101, 251, 601, 901]);
    for (const b of horizontal(boxes)) expect(b.width).toBeGreaterThanOrEqual(798);
  });

  it('follows rules tilted by a scan (0.8°) as one rule each', async () => {
    const jpeg = await page(0.8).encode('jpeg', 70);
    const pixels = (await decodeGray({ data: jpeg, width: 1000, height: 700, dpi: null }))!;
    const boxes = findRulingLines(pixels.gray, pixels.width, pixels.height, 28);
    expect(horizontal(boxes)).toHaveLength(4);
    expect(vertical(boxes)).toHaveLength(4);
    // the tilt shows in the boxes: 800 px at 0.8° climb about 11 px
    for (const b of horizontal(boxes)) expect(b.height).toBeGreaterThan(8);
  });

  it('reads the PGM the page renderer hands the engines', async () => {
    const gray = new Uint8Array(300 * 200).fill(255);
    for (let x = 20; x < 280; x++) gray[100 * 300 + x] = 0;
    const pixels = (await decodeGray({ data: encodePgm(gray, 300, 200), width: 300, height: 200, dpi: null }))!;
    expect(pixels.width).toBe(300);
    expect(findRulingLines(pixels.gray, 300, 200, 20)).toEqual([{ left: 20, top: 100, width: 260, height: 1 }]);
  });

  it('finds no rule in noise or in an image it does not decode', async () => {
    const gray = new Uint8Array(400 * 400);
    let s = 7;
    for (let i = 0; i < gray.length; i++) gray[i] = (s = (s * 1103515245 + 12345) & 0x7fffffff) % 100 < 3 ? 0 : 255;
    expect(findRulingLines(gray, 400, 400, 25)).toEqual([]);
    expect(await decodeGray({ data: new Uint8Array([0x49, 0x49, 0x2a, 0]), width: 1, height: 1, dpi: null })).toBeNull();
  });
});
