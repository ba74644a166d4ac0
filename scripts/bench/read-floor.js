// The floors and reference readers for reading workbooks, one per mode, over every .xlsx below a
// folder: `node read-floor.js MODE DIR`.
// - plain: the bare I/O floor. Read the file whole, find the parts our reader parses through the
//   zip's central directory, inflate each with one zlib call, and run saxes over exactly those
//   parts, doing nothing else (no bomb checks, no cells, no validation).
// - sheetjs: SheetJS's `readFile` of each file (the registry's xlsx package), dense mode.
// - exceljs: exceljs's `readFile` of each file, the loader the reader once used.
// Prints a count (elements, cells or sheets) so no work can be optimised away. Each mode loads
// only its own library: the floor's time is never that of loading the reference readers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { SaxesParser } from 'saxes';

// The parts src/workbook/xlsx/read-workbook.ts parses: the workbook, its relationships, the
// shared strings, the styles and the worksheets.
const USED =
  /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/;

const xlsxBelow = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.xlsx'))
    .map((e) => join(e.parentPath, e.name))
    .sort();

/** The stored bytes of every used part, located through the central directory. */
function* usedParts(zip) {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (!USED.test(name)) continue;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    yield method === 8 ? zlib.inflateRawSync(data) : data;
  }
}

function plain(file) {
  let elements = 0;
  for (const part of usedParts(readFileSync(file))) {
    const parser = new SaxesParser();
    parser.on('opentag', () => (elements += 1));
    parser.write(part.toString('utf8')).close();
  }
  return elements;
}

async function sheetjs(file) {
  const { default: XLSX } = await import('xlsx');
  const wb = XLSX.readFile(file, { dense: true });
  return wb.SheetNames.length;
}

async function exceljs(file) {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.length;
}

const modes = { plain, sheetjs, exceljs };
const [mode, dir] = process.argv.slice(2);
const read = modes[mode];
if (!read || !dir) throw new Error('usage: read-floor.js plain|sheetjs|exceljs DIR');
let total = 0;
for (const file of xlsxBelow(dir)) total += await read(file);
process.stdout.write(`${total}\n`);
