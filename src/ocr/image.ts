/**
 * Image formats the OCR engines take, read from their header bytes only:
 * the type, the size of every page and the resolution, so an image too large
 * to decode is refused before any pixel is allocated. Also: raw pixels to
 * PGM (what the page renderer hands the engines), and single pages out of a
 * multi-page TIFF.
 */

export type ImageType = 'png' | 'jpeg' | 'tiff' | 'pnm' | 'bmp' | 'gif' | 'webp';

/** Largest side and largest area (pixels) the tool decodes: A3 at 600 dpi fits; 30000×30000 does not. */
export const MAX_IMAGE_SIDE = 20_000;
export const MAX_IMAGE_PIXELS = 80_000_000;

export interface ImagePageInfo {
  width: number;
  height: number;
  /** Resolution from the header, when it states one. */
  dpi: number | null;
}

export interface ImageInfo {
  type: ImageType;
  pages: ImagePageInfo[];
}

/** An encoded image handed to an engine, with what we know about its resolution. */
export interface OcrImage {
  data: Uint8Array;
  width: number;
  height: number;
  dpi: number | null;
}

export class ImageFormatError extends Error {}

export function sniffImageType(b: Uint8Array): ImageType | null {
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 4 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a))) return 'tiff';
  if (b.length >= 2 && b[0] === 0x50 && b[1]! >= 0x31 && b[1]! <= 0x36) return 'pnm';
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
  if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return 'gif';
  if (b.length >= 12 && b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45) return 'webp';
  return null;
}

function dv(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

function pngInfo(b: Uint8Array): ImageInfo {
  if (b.length < 33) throw new ImageFormatError('truncated PNG header');
  const v = dv(b);
  if (String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== 'IHDR') throw new ImageFormatError('PNG without IHDR');
  const width = v.getUint32(16);
  const height = v.getUint32(20);
  let dpi: number | null = null;
  // pHYs comes before IDAT; walk the chunks until the first IDAT
  for (let p = 8; p + 12 <= b.length; ) {
    const len = v.getUint32(p);
    const type = String.fromCharCode(b[p + 4]!, b[p + 5]!, b[p + 6]!, b[p + 7]!);
    if (type === 'IDAT' || type === 'IEND') break;
    if (type === 'pHYs' && len >= 9 && p + 17 <= b.length && b[p + 16] === 1) dpi = Math.round(v.getUint32(p + 8) * 0.0254);
    p += 12 + len;
  }
  return { type: 'png', pages: [{ width, height, dpi: dpi && dpi > 0 ? dpi : null }] };
}

function jpegInfo(b: Uint8Array): ImageInfo {
  const v = dv(b);
  let dpi: number | null = null;
  let p = 2;
  while (p + 4 <= b.length) {
    if (b[p] !== 0xff) throw new ImageFormatError('corrupt JPEG (bad marker)');
    const marker = b[p + 1]!;
    if (marker === 0xff) {
      p++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      p += 2;
      continue;
    }
    const len = v.getUint16(p + 2);
    if (len < 2) throw new ImageFormatError('corrupt JPEG (bad segment length)');
    if (marker === 0xe0 && p + 18 <= b.length && String.fromCharCode(b[p + 4]!, b[p + 5]!, b[p + 6]!, b[p + 7]!) === 'JFIF') {
      const units = b[p + 11];
      const x = v.getUint16(p + 12);
      if (units === 1 && x > 1) dpi = x;
      else if (units === 2 && x > 1) dpi = Math.round(x * 2.54);
    }
    const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (sof) {
      if (p + 9 > b.length) break;
      const height = v.getUint16(p + 5);
      const width = v.getUint16(p + 7);
      return { type: 'jpeg', pages: [{ width, height, dpi }] };
    }
    if (marker === 0xd9 || marker === 0xda) break;
    p += 2 + len;
  }
  throw new ImageFormatError('corrupt JPEG (no frame header)');
}

/** The offsets of a TIFF's image file directories, first page first. */
function tiffIfds(b: Uint8Array): { little: boolean; ifds: number[] } {
  if (b.length < 8) throw new ImageFormatError('truncated TIFF header');
  const little = b[0] === 0x49;
  const v = dv(b);
  const ifds: number[] = [];
  let off = v.getUint32(4, little);
  const seen = new Set<number>();
  while (off !== 0) {
    if (off + 2 > b.length || seen.has(off) || ifds.length > 10_000) throw new ImageFormatError('corrupt TIFF (bad directory offset)');
    seen.add(off);
    ifds.push(off);
    const n = v.getUint16(off, little);
    const next = off + 2 + n * 12;
    if (next + 4 > b.length) throw new ImageFormatError('corrupt TIFF (truncated directory)');
    off = v.getUint32(next, little);
  }
  if (ifds.length === 0) throw new ImageFormatError('TIFF without images');
  return { little, ifds };
}

function tiffInfo(b: Uint8Array): ImageInfo {
  const { little, ifds } = tiffIfds(b);
  const v = dv(b);
  const pages: ImagePageInfo[] = [];
  for (const off of ifds) {
    const n = v.getUint16(off, little);
    let width = 0;
    let height = 0;
    let xres: number | null = null;
    let unit = 2;
    let subfile = 0;
    for (let i = 0; i < n; i++) {
      const e = off + 2 + i * 12;
      const tag = v.getUint16(e, little);
      const type = v.getUint16(e + 2, little);
      const value = type === 3 ? v.getUint16(e + 8, little) : v.getUint32(e + 8, little);
      if (tag === 254) subfile = value;
      else if (tag === 256) width = value;
      else if (tag === 257) height = value;
      else if (tag === 296) unit = value;
      else if (tag === 282 && type === 5 && value + 8 <= b.length) {
        const den = v.getUint32(value + 4, little);
        xres = den ? v.getUint32(value, little) / den : null;
      }
    }
    if (subfile & 1) continue; // a reduced-resolution thumbnail, not a page
    if (!width || !height) throw new ImageFormatError('corrupt TIFF (no image size)');
    const dpi = xres && xres > 1 ? Math.round(unit === 3 ? xres * 2.54 : xres) : null;
    pages.push({ width, height, dpi });
  }
  return { type: 'tiff', pages };
}

function pnmInfo(b: Uint8Array): ImageInfo {
  const head = Buffer.from(b.subarray(0, 256)).toString('latin1').replace(/#[^\n]*\n/g, ' ');
  const m = /^P[1-6]\s+(\d+)\s+(\d+)/.exec(head);
  if (!m) throw new ImageFormatError('corrupt PNM header');
  return { type: 'pnm', pages: [{ width: Number(m[1]), height: Number(m[2]), dpi: null }] };
}

function bmpInfo(b: Uint8Array): ImageInfo {
  if (b.length < 26) throw new ImageFormatError('truncated BMP header');
  const v = dv(b);
  const width = Math.abs(v.getInt32(18, true));
  const height = Math.abs(v.getInt32(22, true));
  const ppm = b.length >= 42 ? v.getInt32(38, true) : 0;
  return { type: 'bmp', pages: [{ width, height, dpi: ppm > 0 ? Math.round(ppm * 0.0254) : null }] };
}

/** Reads type, page sizes and resolution from the header; throws ImageFormatError when it cannot. */
export function readImageInfo(b: Uint8Array): ImageInfo {
  const type = sniffImageType(b);
  switch (type) {
    case 'png':
      return pngInfo(b);
    case 'jpeg':
      return jpegInfo(b);
    case 'tiff':
      return tiffInfo(b);
    case 'pnm':
      return pnmInfo(b);
    case 'bmp':
      return bmpInfo(b);
    default:
      throw new ImageFormatError(type ? `unsupported image format (${type})` : 'not an image this tool reads (PNG, JPEG or TIFF)');
  }
}

/** Null when the size is acceptable, else the reason it is not. */
export function checkImageSize(width: number, height: number): string | null {
  if (width <= 0 || height <= 0) return `image has no pixels (${width}×${height})`;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    return `image too large to OCR (${width}×${height} pixels; the limit is ${MAX_IMAGE_SIDE} pixels a side and ${MAX_IMAGE_PIXELS / 1e6} megapixels)`;
  }
  return null;
}

/**
 * One page of a multi-page TIFF as a TIFF of its own: a copy of the bytes whose header points
 * at that page's directory and whose directory ends the chain (a decoder, or the tesseract
 * command line, then sees exactly one page).
 */
export function tiffPage(b: Uint8Array, index: number): Uint8Array {
  const { little, ifds } = tiffIfds(b);
  const off = ifds[index];
  if (off === undefined) throw new ImageFormatError(`TIFF has no page ${index + 1}`);
  if (ifds.length === 1) return b;
  const copy = new Uint8Array(b);
  const v = new DataView(copy.buffer);
  v.setUint32(4, off, little);
  v.setUint32(off + 2 + v.getUint16(off, little) * 12, 0, little);
  return copy;
}

/** The pages of a TIFF that are pages (not thumbnails), as directory indexes. */
export function tiffPageIndexes(b: Uint8Array): number[] {
  const { little, ifds } = tiffIfds(b);
  const v = dv(b);
  const out: number[] = [];
  ifds.forEach((off, i) => {
    const n = v.getUint16(off, little);
    for (let k = 0; k < n; k++) {
      const e = off + 2 + k * 12;
      if (v.getUint16(e, little) === 254 && v.getUint32(e + 8, little) & 1) return;
    }
    out.push(i);
  });
  return out;
}

/** 8-bit gray pixels as a binary PGM (P5): the cheapest format both engines read. */
export function encodePgm(gray: Uint8Array, width: number, height: number): Uint8Array {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
  const out = new Uint8Array(header.length + width * height);
  out.set(header, 0);
  out.set(gray.subarray(0, width * height), header.length);
  return out;
}

/** RGBA (or RGB, or gray) pixels to 8-bit gray (Rec. 601 luma). */
export function toGray(data: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: 1 | 3 | 4): Uint8Array {
  const n = width * height;
  if (channels === 1) return data instanceof Uint8Array ? data.subarray(0, n) : new Uint8Array(data.buffer, data.byteOffset, n);
  const out = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += channels) {
    const a = channels === 4 ? data[j + 3]! : 255;
    const y = (data[j]! * 77 + data[j + 1]! * 150 + data[j + 2]! * 29) >> 8;
    // transparent pixels are paper
    out[i] = a === 255 ? y : 255 - (((255 - y) * a) >> 8);
  }
  return out;
}

/** 1 bit per pixel rows (pdf.js GRAYSCALE_1BPP: 1 = white) to 8-bit gray. */
export function unpack1bpp(data: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  const rowBytes = (width + 7) >> 3;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const byte = data[y * rowBytes + (x >> 3)]!;
      out[y * width + x] = (byte >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
  }
  return out;
}

/**
 * Largest image decoded into pixels here (A4 at 600 dpi): decoding takes four bytes a pixel
 * outside the heap, and the backends accept up to 80 M pixels.
 */
export const MAX_DECODED_PIXELS = 36_000_000;

/** 8-bit gray pixels of an engine image (PNG and JPEG by @napi-rs/canvas, PGM directly); null for other formats (TIFF) and larger images. */
export async function decodeGray(image: OcrImage): Promise<{ gray: Uint8Array; width: number; height: number } | null> {
  const b = image.data;
  if (b[0] === 0x50 && b[1] === 0x35) return decodePgm(b);
  const png = b[0] === 0x89 && b[1] === 0x50;
  const jpeg = b[0] === 0xff && b[1] === 0xd8;
  if (!png && !jpeg) return null;
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const img = await loadImage(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  if (img.width * img.height > MAX_DECODED_PIXELS || img.width === 0 || img.height === 0) return null;
  const ctx = createCanvas(img.width, img.height).getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { gray: toGray(ctx.getImageData(0, 0, img.width, img.height).data, img.width, img.height, 4), width: img.width, height: img.height };
}

function decodePgm(b: Uint8Array): { gray: Uint8Array; width: number; height: number } | null {
  // "P5 <w> <h> <max>\n" then the pixels
  const head = new TextDecoder('latin1').decode(b.subarray(0, 64));
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(head);
  if (!m || m[3] !== '255') return null;
  const width = Number(m[1]);
  const height = Number(m[2]);
  const start = m[0].length;
  if (b.length < start + width * height) return null;
  return { gray: b.subarray(start, start + width * height), width, height };
}
