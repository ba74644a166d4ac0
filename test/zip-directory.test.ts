import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS } from '../src/workbook/xlsx/read-limits.js';
import { inspectBuffer, type SafeOpenResult } from '../src/workbook/xlsx/safe-open.js';
import { plainZipDirectory } from '../src/workbook/xlsx/zip-directory.js';
import { buildZip, CONTENT_TYPES, minimalXlsx, part } from './helpers/zip-writer.js';

// The file gate reads a plain zip's central directory itself and leaves every other zip to
// yauzl: on any bytes, the gate's verdict (the parts, the counts, or the refusal and its
// details) is the one it gives with yauzl alone.

const gate = vi.hoisted(() => ({ plain: true, taken: 0 }));
vi.mock('../src/workbook/xlsx/zip-directory.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/workbook/xlsx/zip-directory.js')>();
  return {
    ...actual,
    plainZipDirectory: (bytes: Buffer) => {
      const entries = gate.plain ? actual.plainZipDirectory(bytes) : null;
      if (entries !== null) gate.taken++;
      return entries;
    },
  };
});

const keepXml = (name: string) => name.endsWith('.xml');

async function verdict(bytes: Buffer, plain: boolean): Promise<SafeOpenResult> {
  gate.plain = plain;
  try {
    return await inspectBuffer(bytes, 'x.xlsx', DEFAULT_LIMITS, keepXml);
  } finally {
    gate.plain = true;
  }
}

async function expectSameVerdict(bytes: Buffer): Promise<void> {
  expect(await verdict(bytes, true)).toEqual(await verdict(bytes, false));
}

let excel: Buffer;

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Deinze').addRow(['Naam', 'coördinator']);
  excel = Buffer.from(await workbook.xlsx.writeBuffer());
});

describe('a plain central directory', () => {
  it('is read for the zips exceljs and our helpers write, as yauzl reads it', async () => {
    for (const zip of [excel, minimalXlsx()]) {
      expect(plainZipDirectory(zip)).not.toBeNull();
      const before = gate.taken;
      await expectSameVerdict(zip);
      expect(gate.taken).toBe(before + 1);
    }
  });

  it('is left to yauzl for zip64, names yauzl decodes or refuses otherwise, and odd headers', () => {
    const named = (name: string, flags = 0) =>
      buildZip([{ ...part(name, '<x/>'), flags }, part('[Content_Types].xml', CONTENT_TYPES)]);
    const withComment = Buffer.concat([minimalXlsx(), Buffer.from('extra')]);
    const odd = [
      minimalXlsx(true),
      codePageNames(named('xl/\x01.xml')),
      codePageNames(named('xl/café.xml')),
      named('xl\\workbook.xml'),
      named('/xl/workbook.xml'),
      named('C:xl/workbook.xml'),
      named('xl/../workbook.xml'),
      named('xl/w.xml', 0x40),
      withComment,
    ];
    for (const zip of odd) expect(plainZipDirectory(zip)).toBeNull();
    expect(plainZipDirectory(named('xl/café.xml'))?.[0]?.fileName).toBe('xl/café.xml');
    expect(plainZipDirectory(codePageNames(named('xl/w.xml')))?.[0]?.fileName).toBe('xl/w.xml');
  });

  it('gives the same verdict as yauzl alone on mangled workbooks', async () => {
    const before = gate.taken;
    let runs = 0;
    // Flips anywhere, or near the end, where the central directory and its end record are.
    const flip = fc.tuple(fc.boolean(), fc.nat(), fc.integer({ min: 0, max: 255 }));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(excel, minimalXlsx(), minimalXlsx(true), codePageNames(excel)),
        fc.array(flip, { maxLength: 3 }),
        fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, fc.nat()),
        async (zip, flips, cut) => {
          runs++;
          const bytes = Buffer.from(zip);
          for (const [nearEnd, at, value] of flips) {
            bytes[nearEnd ? Math.max(0, bytes.length - 1 - (at % 400)) : at % bytes.length] = value;
          }
          await expectSameVerdict(cut === null ? bytes : bytes.subarray(0, cut % bytes.length));
        },
      ),
      { numRuns: 300 },
    );
    // Many were read the plain way: the property compared the two readers, not yauzl twice.
    expect(gate.taken - before).toBeGreaterThan(runs / 4);
  });
});

/** The zip with its names flagged as code page 437 rather than UTF-8 (bit 11 cleared). */
function codePageNames(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  let at = out.readUInt32LE(out.length - 6);
  for (let i = out.readUInt16LE(out.length - 12); i > 0; i--) {
    out.writeUInt16LE(out.readUInt16LE(at + 8) & ~0x800, at + 8);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
