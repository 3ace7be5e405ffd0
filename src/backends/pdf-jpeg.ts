/**
 * JPEG pass-through for scanned pages. A scanner's page is one JPEG, and tesseract decodes a
 * JPEG natively in a fraction of what pdf.js's JavaScript decoder costs (measured: ~0.8 s of CPU
 * per 300-dpi colour page, on the thread that also feeds the OCR engine). pdf.js gives a JPEG's
 * bytes, undecoded, to the WebCodecs `ImageDecoder` when one exists and the document is opened
 * with `isImageDecoderSupported`; Node has none. The stand-in installed here decodes nothing:
 * its "image" is a MessagePort (transferable, closable: what pdf.js does with a bitmap) that
 * holds a copy of the JPEG, and the page imager hands those bytes to the OCR engine as they are.
 *
 * pdf.js asks only for plain images (8-bit RGB, no mask, no Decode array, no CMYK or inverted
 * Adobe colour transform); everything else it still decodes itself. A captured "bitmap" cannot
 * be drawn, so pages are rendered inside withJpegDecoding(), where the stand-in declines and
 * pdf.js falls back to its own decoder (pdf.js caches whether a decoder exists, so declining is
 * the only switch). JPEG bytes are never decoded here: the canvas library's decoder crashes the
 * process on some corrupt JPEGs. Installed in the pdf worker thread only, before pdf.js's worker
 * code loads: pdf.js reads `globalThis.ImageDecoder` once, when its module is evaluated.
 */
import { MessageChannel, receiveMessageOnPort, MessagePort } from 'node:worker_threads';

class JpegPassThrough {
  static isTypeSupported(type: string): Promise<boolean> {
    return Promise.resolve(type === 'image/jpeg');
  }

  private readonly data: Uint8Array;

  constructor(init: { data: Uint8Array; type: string }) {
    if (init.type !== 'image/jpeg') throw new TypeError(`unsupported type ${init.type}`);
    this.data = init.data;
  }

  decode(): Promise<{ image: MessagePort }> {
    if (decoding > 0) return Promise.reject(new Error('decoding is left to pdf.js'));
    // a copy: pdf.js's bytes may be a view into the whole file
    const copy = new Uint8Array(this.data);
    const { port1, port2 } = new MessageChannel();
    port2.postMessage(copy, [copy.buffer]);
    port2.close();
    return Promise.resolve({ image: port1 });
  }

  close(): void {}
}

let installed = false;
/** > 0 while pdf.js must decode JPEGs itself (a page being rendered). */
let decoding = 0;

/** Runs fn with JPEG pass-through off: pdf.js decodes every JPEG it meets (to draw it). */
export async function withJpegDecoding<T>(fn: () => Promise<T>): Promise<T> {
  decoding++;
  try {
    return await fn();
  } finally {
    decoding--;
  }
}

/** Installs the stand-in decoder in this thread (unless the platform has a real one). */
export function installJpegCapture(): void {
  const g = globalThis as { ImageDecoder?: unknown };
  if (installed || g.ImageDecoder !== undefined) return;
  g.ImageDecoder = JpegPassThrough;
  installed = true;
}

/** True when pdf.js in this thread passes JPEGs through (what to pass as getDocument's isImageDecoderSupported). */
export function jpegCaptureInstalled(): boolean {
  return installed;
}

/** The JPEG behind a pdf.js image "bitmap" made by the stand-in, or null (and the port is closed either way). */
export function takeCapturedJpeg(bitmap: unknown): Uint8Array | null {
  if (!(bitmap instanceof MessagePort)) return null;
  const got = receiveMessageOnPort(bitmap);
  bitmap.close();
  const data = got?.message;
  return data instanceof Uint8Array && data[0] === 0xff && data[1] === 0xd8 ? data : null;
}
