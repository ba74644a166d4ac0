import zlib from 'node:zlib';

// Builds zip files byte by byte, so tests can make headers lie, and the other bad files that
// people hand in: an Excel 97 compound file, a password-protected one, a decompression bomb.

export const MiB = 1024 * 1024;

// --- a minimal zip writer, so headers can be made to lie -------------------------------------

export interface ZipPart {
  name: string;
  /** The bytes as stored (deflated when method is 8). */
  data: Buffer;
  method: number;
  /** Declared uncompressed size and CRC; tests may set them to lie. */
  size: number;
  crc: number;
  /** Declared compressed size when it should differ from data.length. */
  csize?: number;
  flags?: number;
}

export function part(name: string, content: string | Buffer, method: 0 | 8 = 8): ZipPart {
  const raw = Buffer.from(content);
  const data = method === 8 ? zlib.deflateRawSync(raw) : raw;
  return { name, data, method, size: raw.length, crc: zlib.crc32(raw) };
}

export function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

export function localHeader(p: ZipPart, name: Buffer, extra: Buffer, zip64: boolean): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(zip64 ? 45 : 20, 4);
  h.writeUInt16LE(0x0800 | (p.flags ?? 0), 6);
  h.writeUInt16LE(p.method, 8);
  h.writeUInt16LE(0x21, 12); // 1980-01-01
  h.writeUInt32LE(p.crc >>> 0, 14);
  h.writeUInt32LE(zip64 ? 0xffffffff : (p.csize ?? p.data.length), 18);
  h.writeUInt32LE(zip64 ? 0xffffffff : p.size, 22);
  h.writeUInt16LE(name.length, 26);
  h.writeUInt16LE(extra.length, 28);
  return Buffer.concat([h, name, extra]);
}

export function centralHeader(p: ZipPart, name: Buffer, offset: number, zip64: boolean): Buffer {
  const extra = zip64 ? zip64Extra([p.size, p.csize ?? p.data.length, offset]) : Buffer.alloc(0);
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(zip64 ? 45 : 20, 4);
  h.writeUInt16LE(zip64 ? 45 : 20, 6);
  h.writeUInt16LE(0x0800 | (p.flags ?? 0), 8);
  h.writeUInt16LE(p.method, 10);
  h.writeUInt16LE(0x21, 14);
  h.writeUInt32LE(p.crc >>> 0, 16);
  h.writeUInt32LE(zip64 ? 0xffffffff : (p.csize ?? p.data.length), 20);
  h.writeUInt32LE(zip64 ? 0xffffffff : p.size, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt16LE(extra.length, 30);
  h.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
  return Buffer.concat([h, name, extra]);
}

export function zip64Extra(values: number[]): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(0x0001, 0);
  head.writeUInt16LE(values.length * 8, 2);
  return Buffer.concat([head, ...values.map(u64)]);
}

export function endRecords(
  count: number,
  cdSize: number,
  cdOffset: number,
  zip64: boolean,
): Buffer {
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(zip64 ? 0xffff : count, 8);
  eocd.writeUInt16LE(zip64 ? 0xffff : count, 10);
  eocd.writeUInt32LE(zip64 ? 0xffffffff : cdSize, 12);
  eocd.writeUInt32LE(zip64 ? 0xffffffff : cdOffset, 16);
  if (!zip64) return eocd;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  u64(count).copy(record, 24);
  u64(count).copy(record, 32);
  u64(cdSize).copy(record, 40);
  u64(cdOffset).copy(record, 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  u64(cdOffset + cdSize).copy(locator, 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator, eocd]);
}

export function buildZip(parts: ZipPart[], zip64 = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const extra = zip64 ? zip64Extra([p.size, p.csize ?? p.data.length]) : Buffer.alloc(0);
    const local = Buffer.concat([localHeader(p, name, extra, zip64), p.data]);
    centrals.push(centralHeader(p, name, offset, zip64));
    locals.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  return Buffer.concat([...locals, cd, endRecords(parts.length, cd.length, offset, zip64)]);
}

/**
 * An entry of `mib` MiB of zeros in ~1 KiB per MiB: each sync-flushed block of a fresh deflate
 * stream is self-contained and byte-aligned, so one block can be repeated, then closed.
 */
export function zerosPart(name: string, mib: number): ZipPart {
  const zeros = Buffer.alloc(MiB);
  const block = zlib.deflateRawSync(zeros, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const data = Buffer.concat([
    ...Array<Buffer>(mib).fill(block),
    zlib.deflateRawSync(zeros.subarray(0, 0)),
  ]);
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = zlib.crc32(zeros, crc);
  return { name, data, method: 8, size: mib * MiB, crc };
}

export const CONTENT_TYPES = '<?xml version="1.0"?><Types/>';
export const minimalXlsx = (zip64 = false): Buffer =>
  buildZip(
    [part('[Content_Types].xml', CONTENT_TYPES), part('xl/workbook.xml', '<workbook/>')],
    zip64,
  );

/** The header of an OLE2 compound file, as .xls and password-protected .xlsx files start. */
export const cfbHeader = (): Buffer =>
  Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096 - 8)]);
