/**
 * A small, defensive ZIP reader for Office files (OOXML). The central directory is parsed here so
 * that every entry's declared sizes can be checked before anything is inflated, and inflation runs
 * through fflate's streaming Inflate in small chunks with a byte budget enforced as the output
 * arrives: a zip bomb whose headers lie about its sizes is stopped by the budget, not by memory.
 */
import { crc32 } from 'node:zlib';
import { Inflate } from 'fflate';

/** Why a ZIP could not be read; the message is meant for the user. */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  crc: number;
}

export interface ZipLimits {
  /** Most bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Most bytes all inflated entries together may reach. */
  maxTotalBytes: number;
  /** Highest declared uncompressed/compressed ratio accepted for an entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Most entries in the central directory. */
  maxEntries: number;
}

/**
 * Word parts are a few MB at most and compress 5–30×; a real document's XML never needs more than
 * this. A deflate stream can reach ~1032× at most, so the ratio check catches honest bombs, the
 * byte budget the lying ones.
 */
export const OFFICE_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 160 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 10_000,
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** Compressed bytes pushed to the inflater at a time: at most ~1032× this comes out per push. */
const INFLATE_CHUNK = 16 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7);
}

export class ZipArchive {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ZipLimits = OFFICE_ZIP_LIMITS,
  ) {
    this.entries = readCentralDirectory(bytes, limits);
    let declared = 0;
    for (const e of this.entries) {
      this.byName.set(e.name.replace(/\\/g, '/').replace(/^\//, ''), e);
      if (e.uncompressedSize > limits.maxEntryBytes) throw new ZipError(`zip bomb? part ${e.name} declares ${e.uncompressedSize} bytes uncompressed (the limit is ${limits.maxEntryBytes})`);
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (e.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) throw new ZipError(`zip bomb? part ${e.name} declares a compression ratio of ${Math.round(ratio)}:1 (the limit is ${limits.maxRatio}:1)`);
      declared += e.uncompressedSize;
    }
    if (declared > limits.maxTotalBytes) throw new ZipError(`zip bomb? the parts declare ${declared} bytes uncompressed in all (the limit is ${limits.maxTotalBytes})`);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The entry's bytes, or null when there is no such entry. Throws ZipError on damage or a blown budget. */
  read(name: string): Uint8Array | null {
    const entry = this.byName.get(name);
    if (!entry) return null;
    if (entry.flags & 1) throw new ZipError(`part ${entry.name} is encrypted (password-protected)`);
    const data = this.rawData(entry);
    if (entry.method === 0) {
      this.charge(entry, data.length);
      return checked(entry, data);
    }
    if (entry.method !== 8) throw new ZipError(`part ${entry.name} uses an unsupported compression method (${entry.method})`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      size += chunk.length;
      this.charge(entry, size, chunk.length);
      chunks.push(chunk);
      if (final) ended = true;
    });
    try {
      for (let at = 0; at < data.length; at += INFLATE_CHUNK) {
        const end = Math.min(data.length, at + INFLATE_CHUNK);
        inflater.push(data.subarray(at, end), end === data.length);
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof ZipError) throw err;
      throw new ZipError(`part ${entry.name} is damaged (${err instanceof Error ? err.message : String(err)})`);
    }
    if (!ended) throw new ZipError(`part ${entry.name} is truncated`);
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return checked(entry, out);
  }

  /** Counts inflated bytes against the entry and total budgets as they arrive. */
  private charge(entry: ZipEntry, entrySize: number, added: number = entrySize): void {
    this.inflated += added;
    if (entrySize > this.limits.maxEntryBytes) throw new ZipError(`zip bomb: part ${entry.name} inflates past ${this.limits.maxEntryBytes} bytes (it declared ${entry.uncompressedSize})`);
    if (this.inflated > this.limits.maxTotalBytes) throw new ZipError(`zip bomb: the parts inflate past ${this.limits.maxTotalBytes} bytes in all`);
  }

  private rawData(entry: ZipEntry): Uint8Array {
    const b = this.bytes;
    const at = entry.localHeaderOffset;
    if (at + 30 > b.length || u32(b, at) !== LOCAL_SIGNATURE) throw new ZipError(`part ${entry.name} is missing (truncated or damaged ZIP)`);
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) throw new ZipError(`part ${entry.name} is cut short (truncated ZIP)`);
    return b.subarray(start, end);
  }
}

/** The entry's bytes when their CRC-32 is the one the directory records. */
function checked(entry: ZipEntry, data: Uint8Array): Uint8Array {
  if ((crc32(data) >>> 0) !== entry.crc) throw new ZipError(`part ${entry.name} is damaged (CRC mismatch)`);
  return data;
}

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

function readCentralDirectory(b: Uint8Array, limits: ZipLimits): ZipEntry[] {
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
    if (u32(b, at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipError(isZip(b) ? 'truncated ZIP (no end of central directory)' : 'not a ZIP archive');
  const count = u16(b, eocd + 10);
  const dirSize = u32(b, eocd + 12);
  const dirOffset = u32(b, eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError('ZIP64 archives are not supported for Office files');
  if (count > limits.maxEntries) throw new ZipError(`too many ZIP entries (${count}; the limit is ${limits.maxEntries})`);
  if (dirOffset + dirSize > eocd) throw new ZipError('damaged ZIP (central directory out of bounds)');
  const entries: ZipEntry[] = [];
  let at = dirOffset;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || u32(b, at) !== CENTRAL_SIGNATURE) throw new ZipError('damaged ZIP (bad central directory entry)');
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    const compressedSize = u32(b, at + 20);
    const uncompressedSize = u32(b, at + 24);
    const localHeaderOffset = u32(b, at + 42);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) throw new ZipError('ZIP64 archives are not supported for Office files');
    entries.push({
      name: decoder.decode(b.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(b, at + 8),
      method: u16(b, at + 10),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      crc: u32(b, at + 16),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
