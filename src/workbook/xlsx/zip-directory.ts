// The central directory of a zip already in memory, read in one synchronous pass when it has the
// plain shape that Excel, LibreOffice and exceljs write. yauzl reads it through a callback and a
// setImmediate per field (~0.34 s for the 1,690 workbooks of `example --scale 40`, against ~0.01 s
// here, 03/12/2026); anything this pass does not know is left to yauzl, which reads it or says what
// is wrong: zip64, more than one disk, strong encryption, a file name not in printable ASCII or flagged UTF-8,
// one with a Unicode path field, a backslash, an absolute or `..` path, a comment that does not end
// the file, or a header, name or entry's data outside the file.

/** What the file gate needs of an entry, as yauzl's Entry gives it. */
export interface ZipEntry {
  fileName: string;
  compressionMethod: number;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  relativeOffsetOfLocalHeader: number;
  encrypted: boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIZE = 20;
const MAX_COMMENT = 0xffff;
const ZIP64_MARK = 0xffffffff;
// Extra fields that change an entry's name or sizes as yauzl reads them.
const ZIP64_FIELD = 0x0001;
const UNICODE_PATH_FIELD = 0x7075;

/** The entries in directory order, or null: yauzl reads this zip. */
export function plainZipDirectory(bytes: Buffer): ZipEntry[] | null {
  const eocd = endOfDirectory(bytes);
  if (eocd === null) return null;
  const entries: ZipEntry[] = [];
  let at = bytes.readUInt32LE(eocd + 16);
  for (let i = bytes.readUInt16LE(eocd + 10); i > 0; i--) {
    const entry = centralEntry(bytes, at);
    if (entry === null) return null;
    entries.push(entry.entry);
    at = entry.next;
  }
  return entries;
}

/** Where the end-of-directory record is, searched from the end as yauzl searches it. */
function endOfDirectory(bytes: Buffer): number | null {
  const lowest = Math.max(0, bytes.length - (ZIP64_LOCATOR_SIZE + EOCD_SIZE + MAX_COMMENT));
  for (let i = bytes.length - EOCD_SIZE; i >= lowest; i--) {
    if (bytes.readUInt32LE(i) !== EOCD) continue;
    const plain =
      bytes.readUInt16LE(i + 20) === bytes.length - i - EOCD_SIZE &&
      bytes.readUInt16LE(i + 4) === 0 &&
      !(i >= ZIP64_LOCATOR_SIZE && bytes.readUInt32LE(i - ZIP64_LOCATOR_SIZE) === ZIP64_LOCATOR);
    return plain ? i : null;
  }
  return null;
}

function centralEntry(bytes: Buffer, at: number): { entry: ZipEntry; next: number } | null {
  if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_HEADER) return null;
  const flags = bytes.readUInt16LE(at + 8);
  const [nameLength, extraLength, commentLength] = [28, 30, 32].map((o) =>
    bytes.readUInt16LE(at + o),
  );
  const next = at + 46 + nameLength! + extraLength! + commentLength!;
  if (flags & 0x40 || next > bytes.length) return null;
  const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength!);
  const extra = bytes.subarray(at + 46 + nameLength!, at + 46 + nameLength! + extraLength!);
  const fileName = plainName(nameBytes, (flags & 0x800) !== 0);
  if (fileName === null || !plainExtraFields(extra)) return null;
  const entry: ZipEntry = {
    fileName,
    compressionMethod: bytes.readUInt16LE(at + 10),
    crc32: bytes.readUInt32LE(at + 16),
    compressedSize: bytes.readUInt32LE(at + 20),
    uncompressedSize: bytes.readUInt32LE(at + 24),
    relativeOffsetOfLocalHeader: bytes.readUInt32LE(at + 42),
    encrypted: (flags & 0x1) !== 0,
  };
  const { compressedSize, uncompressedSize, relativeOffsetOfLocalHeader } = entry;
  if ([compressedSize, uncompressedSize, relativeOffsetOfLocalHeader].includes(ZIP64_MARK)) {
    return null;
  }
  return storedData(bytes, entry) === null ? null : { entry, next };
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The name as yauzl decodes it, when that needs no code page and yauzl accepts it. */
function plainName(raw: Buffer, utf8: boolean): string | null {
  // yauzl reads other names in code page 437, which differs from ASCII outside 0x20-0x7e.
  const name = raw.toString(utf8 ? 'utf8' : 'latin1');
  if (!utf8 && !PRINTABLE_ASCII.test(name)) return null;
  const unsafe =
    name.includes('\\') || /^([a-zA-Z]:|\/)/.test(name) || name.split('/').includes('..');
  return unsafe ? null : name;
}

/** Whether the extra fields parse as yauzl parses them and none changes the name or sizes. */
function plainExtraFields(extra: Buffer): boolean {
  let i = 0;
  while (i < extra.length - 3) {
    const id = extra.readUInt16LE(i);
    const end = i + 4 + extra.readUInt16LE(i + 2);
    if (end > extra.length || id === ZIP64_FIELD || id === UNICODE_PATH_FIELD) return false;
    i = end;
  }
  return true;
}

/** The entry's stored bytes, found through its local header; null when they are out of bounds. */
export function storedData(bytes: Buffer, entry: ZipEntry): Buffer | null {
  const header = entry.relativeOffsetOfLocalHeader;
  if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== LOCAL_HEADER) return null;
  const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  const end = start + entry.compressedSize;
  return end <= bytes.length ? bytes.subarray(start, end) : null;
}
