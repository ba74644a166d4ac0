import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { openSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_LIMITS, type Limits } from '../src/workbook/xlsx/read-limits.js';
import { inspectBuffer, safeOpen, type SafeOpenResult } from '../src/workbook/xlsx/safe-open.js';
import {
  buildZip,
  cfbHeader,
  MiB,
  minimalXlsx,
  CONTENT_TYPES,
  part,
  zerosPart,
} from './helpers/zip-writer.js';

// Spy on `openSync` (still the real one) to prove too-large files are refused before any read.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, openSync: vi.fn(actual.openSync) };
});

const NO_RATIO: Limits = { ...DEFAULT_LIMITS, maxEntryRatio: undefined };
// Keeps the bomb variants fast; the default limit itself is exercised by the memory test.
const SMALL: Limits = { ...NO_RATIO, maxUncompressedBytes: 16 * MiB };

// --- fixtures --------------------------------------------------------------------------------

let dir: string;
let xlsxBytes: Buffer;

async function fixture(name: string, bytes: Buffer | string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

function expectRefused(result: SafeOpenResult, code: string): Record<string, string | number> {
  expect(result).toMatchObject({ ok: false, code });
  return result.ok ? {} : result.params;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'safe-open-'));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Deinze');
  sheet.addRow(['Naam', 'Rol']);
  sheet.addRow(['Partner A', 'coördinator']);
  const file = path.join(dir, 'Deinze.xlsx');
  await workbook.xlsx.writeFile(file);
  xlsxBytes = await readFile(file);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  vi.mocked(openSync).mockClear();
});

describe('safeOpen accepts', () => {
  it('a real workbook written by exceljs', async () => {
    const result = await safeOpen(path.join(dir, 'Deinze.xlsx'));
    // The spy sees the read: the refusals below that never open a file can fail.
    expect(openSync).toHaveBeenCalledTimes(1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bytes.equals(xlsxBytes)).toBe(true);
    expect(result.entries).toBeGreaterThan(3);
    expect(result.uncompressedBytes).toBeGreaterThan(xlsxBytes.length);
  });

  it('a zip64 archive', async () => {
    const result = await inspectBuffer(minimalXlsx(true), 'zip64.xlsx');
    expect(result).toMatchObject({ ok: true, entries: 2 });
  });

  it('a downloaded buffer, judged by its own name', async () => {
    expect((await inspectBuffer(xlsxBytes, 'Deinze.xlsx')).ok).toBe(true);
    const lock = await inspectBuffer(xlsxBytes, 'C:\\Users\\an\\~$Deinze.xlsx');
    expect(expectRefused(lock, 'lock-file')).toEqual({ name: '~$Deinze.xlsx' });
  });
});

describe('safeOpen refuses', () => {
  it('an Office lock file, without touching it', async () => {
    const file = await fixture('~$Deinze.xlsx', xlsxBytes.subarray(0, 165));
    expectRefused(await safeOpen(file), 'lock-file');
    expect(openSync).not.toHaveBeenCalled();
  });

  it('a missing path and a directory', async () => {
    expectRefused(await safeOpen(path.join(dir, 'nope.xlsx')), 'not-found');
    const sub = path.join(dir, 'map.xlsx');
    await mkdir(sub);
    expectRefused(await safeOpen(sub), 'not-a-file');
  });

  it('an empty file', async () => {
    expectRefused(await safeOpen(await fixture('leeg.xlsx', '')), 'empty');
  });

  it('a file over the size limit, decided before opening it', async () => {
    const file = path.join(dir, 'Deinze.xlsx');
    const tiny = { ...DEFAULT_LIMITS, maxFileBytes: 1000 };
    const params = expectRefused(await safeOpen(file, tiny), 'too-large');
    expect(params).toEqual({ bytes: xlsxBytes.length, limit: 1000 });
    // A sparse 64 MiB file: cheap on disk, and never read.
    const big = await fixture('groot.xlsx', xlsxBytes);
    await truncate(big, 64 * MiB);
    expectRefused(await safeOpen(big), 'too-large');
    expect(openSync).not.toHaveBeenCalled();
  });

  it.each([
    ['csv', 'naam;rol\nPartner A;coördinator\n', 'text'],
    ['html', '\ufeff  <!DOCTYPE html><html><body>Sign in</body></html>', 'html'],
    ['pdf', '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'pdf'],
    ['xml 2003', '<?xml version="1.0"?><Workbook/>', 'xml'],
    ['binary', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]), 'unknown'],
  ])('a %s file renamed to .xlsx as not-zip', async (_label, content, format) => {
    const file = await fixture(`renamed-${format}.xlsx`, content);
    expect(expectRefused(await safeOpen(file), 'not-zip')).toEqual({ format });
  });

  it('a broken download (first half of a real xlsx) as truncated', async () => {
    const half = xlsxBytes.subarray(0, Math.floor(xlsxBytes.length / 2));
    const params = expectRefused(await safeOpen(await fixture('half.xlsx', half)), 'truncated');
    expect(params.reason).toBe('central-directory');
  });

  it('an old binary .xls', async () => {
    expectRefused(await safeOpen(await fixture('oud.xlsx', cfbHeader())), 'xls');
  });

  it('a password-protected workbook (CFB with EncryptedPackage)', async () => {
    const names = Buffer.from('EncryptionInfo\0EncryptedPackage\0', 'utf16le');
    const file = await fixture('wachtwoord.xlsx', Buffer.concat([cfbHeader(), names]));
    expectRefused(await safeOpen(file), 'encrypted');
  });

  it('a zip with encrypted entries', async () => {
    const entry = { ...part('xl/workbook.xml', '<workbook/>'), flags: 1 };
    const params = expectRefused(await inspectBuffer(buildZip([entry]), 'z.xlsx'), 'encrypted');
    expect(params).toEqual({ container: 'zip' });
  });

  it('an OpenDocument spreadsheet, by mimetype or by its parts', async () => {
    const mimetype = part('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', 0);
    const content = part('content.xml', '<office:document-content/>');
    const manifest = part('META-INF/manifest.xml', '<manifest:manifest/>');
    const ods = await fixture('rekenblad.xlsx', buildZip([mimetype, content, manifest]));
    expectRefused(await safeOpen(ods), 'ods');
    expectRefused(await inspectBuffer(buildZip([content]), 'x.xlsx'), 'ods');
    const odt = part('mimetype', 'application/vnd.oasis.opendocument.text', 0);
    expectRefused(await inspectBuffer(buildZip([odt, content]), 'x.xlsx'), 'not-xlsx');
  });

  it('a docx and other zips without xl/workbook.xml', async () => {
    const docx = buildZip([
      part('[Content_Types].xml', CONTENT_TYPES),
      part('word/document.xml', '<w:document/>'),
    ]);
    expectRefused(await safeOpen(await fixture('brief.xlsx', docx)), 'not-xlsx');
    const empty = buildZip([]);
    expectRefused(await inspectBuffer(empty, 'leeg.xlsx'), 'not-xlsx');
  });

  it('an unsupported compression method', async () => {
    const bzip2 = { ...part('xl/workbook.xml', '<workbook/>', 0), method: 12 };
    const params = expectRefused(await inspectBuffer(buildZip([bzip2]), 'z.xlsx'), 'not-xlsx');
    expect(params).toEqual({ reason: 'compression-method', method: 12 });
  });

  it('too many entries as a bomb', async () => {
    const parts = Array.from({ length: 12 }, (_, i) => part(`x/${i}.xml`, '<x/>'));
    const limits = { ...DEFAULT_LIMITS, maxEntries: 10 };
    const params = expectRefused(await inspectBuffer(buildZip(parts), 'z.xlsx', limits), 'bomb');
    expect(params).toEqual({ reason: 'entries', entries: 12, limit: 10 });
  });

  it('corrupt entry data and a bad checksum as truncated', async () => {
    const garbage = {
      ...part('xl/workbook.xml', '<workbook/>'),
      data: Buffer.from('ffffffff', 'hex'),
    };
    const bad = expectRefused(await inspectBuffer(buildZip([garbage]), 'z.xlsx'), 'truncated');
    expect(bad.reason).toBe('entry-data');
    const crc = { ...part('xl/workbook.xml', '<workbook/>'), crc: 1234 };
    const sum = expectRefused(await inspectBuffer(buildZip([crc]), 'z.xlsx'), 'truncated');
    expect(sum).toEqual({ reason: 'crc', entry: 'xl/workbook.xml' });
  });
});

describe('decompression bombs', () => {
  let bombFile: string;

  beforeAll(async () => {
    bombFile = await fixture('bom.xlsx', buildZip([zerosPart('xl/workbook.xml', 1024)]));
  });

  it('are built cheaply: 1 GiB of zeros in about 1 MiB', async () => {
    const size = (await readFile(bombFile)).length;
    expect(size).toBeLessThan(1.1 * MiB);
  });

  it('stop at the uncompressed limit with bounded memory', async () => {
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 2);
    const started = performance.now();
    const result = await safeOpen(bombFile, NO_RATIO);
    const ms = performance.now() - started;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    const params = expectRefused(result, 'bomb');
    expect(params).toMatchObject({
      reason: 'uncompressed',
      limit: DEFAULT_LIMITS.maxUncompressedBytes,
    });
    const growthMiB = (peak - before) / MiB;
    console.info(`bomb: rss growth ${growthMiB.toFixed(1)} MiB, ${ms.toFixed(0)} ms`);
    expect(growthMiB).toBeLessThan(100);
  });

  it('stop early on an absurd compression ratio with the default limits', async () => {
    const params = expectRefused(await safeOpen(bombFile), 'bomb');
    expect(params).toMatchObject({ reason: 'ratio', limit: DEFAULT_LIMITS.maxEntryRatio });
    expect(params.ratio).toBeGreaterThan(900);
  });

  it('are caught in zip64 archives too', async () => {
    const zip = buildZip([zerosPart('xl/workbook.xml', 64)], true);
    const params = expectRefused(await inspectBuffer(zip, 'z64.xlsx', SMALL), 'bomb');
    expect(params.reason).toBe('uncompressed');
  });

  it('spread over many small entries are still counted', async () => {
    const parts = Array.from({ length: 30 }, (_, i) => zerosPart(`xl/media/${i}.bin`, 1));
    const zip = buildZip(parts);
    const params = expectRefused(await inspectBuffer(zip, 'z.xlsx', SMALL), 'bomb');
    expect(params).toMatchObject({ reason: 'uncompressed', entry: 'xl/media/16.bin' });
  });
});

describe('lying central-directory sizes never crash', () => {
  const check = (zip: Buffer, limits?: Limits): Promise<SafeOpenResult> =>
    inspectBuffer(zip, 'leugen.xlsx', limits);

  it('a bomb that declares 1 KiB is still a bomb', async () => {
    const liar = { ...zerosPart('xl/workbook.xml', 64), size: 1024 };
    const params = expectRefused(await check(buildZip([liar]), SMALL), 'bomb');
    expect(params.reason).toBe('uncompressed');
  });

  it('a size smaller or larger than the real one is truncated', async () => {
    const real = part('xl/workbook.xml', 'x'.repeat(100_000));
    for (const size of [10, 0xc0000000]) {
      const params = expectRefused(await check(buildZip([{ ...real, size }])), 'truncated');
      expect(params).toMatchObject({ reason: 'size-mismatch', declared: size, actual: 100_000 });
    }
  });

  it('a stored entry whose sizes disagree', async () => {
    const stored = { ...part('xl/workbook.xml', '<workbook/>', 0), size: 3 };
    expectRefused(await check(buildZip([stored])), 'truncated');
  });

  it('a compressed size running past the end of the file', async () => {
    const overflow = { ...part('xl/workbook.xml', '<workbook/>'), csize: 10 * MiB };
    expectRefused(await check(buildZip([overflow])), 'truncated');
  });

  it('zip64 fields that lie', async () => {
    const real = part('xl/workbook.xml', '<workbook/>');
    expectRefused(await check(buildZip([{ ...real, size: 2 ** 40 }], true)), 'truncated');
    expectRefused(await check(buildZip([{ ...real, csize: 2 ** 40 }], true)), 'truncated');
  });

  it('an entry count that lies', async () => {
    const zip = minimalXlsx();
    zip.writeUInt16LE(5, zip.length - 12); // total entries in the end record
    expectRefused(await check(zip), 'truncated');
    zip.writeUInt16LE(0xfff0, zip.length - 12);
    expect(expectRefused(await check(zip), 'bomb')).toMatchObject({ reason: 'entries' });
  });
});

describe('robustness', () => {
  it('never throws for mangled copies of a real workbook', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.option(fc.nat()),
        async (flips, cut) => {
          const bytes = Buffer.from(xlsxBytes);
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          const mangled = cut === null ? bytes : bytes.subarray(0, cut % bytes.length);
          const result = await inspectBuffer(mangled, 'x.xlsx');
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws for arbitrary bytes behind a zip signature', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (tail) => {
        const bytes = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), tail]);
        expectRefused(await inspectBuffer(bytes, 'x.xlsx'), 'truncated');
      }),
      { numRuns: 300 },
    );
  });

  it('throws for invalid limits (a programmer error)', async () => {
    const bad = { ...DEFAULT_LIMITS, maxUncompressedBytes: Number.NaN };
    await expect(inspectBuffer(xlsxBytes, 'x.xlsx', bad)).rejects.toThrow(RangeError);
    await expect(safeOpen('x.xlsx', { ...DEFAULT_LIMITS, maxFileBytes: 0 })).rejects.toThrow();
  });
});
