import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources } from '../src/cli/read-sources.js';
import { buildOverview } from '../src/domain/overview/merge.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { writeExampleDrive } from '../src/example/write-drive.js';
import { overviewWorkbook } from '../src/workbook/xlsx/write-overview.js';
import { writeWorkbook } from '../src/workbook/xlsx/xlsx-stream.js';

// Formats and colours are set cell by cell: one cell's format must never leak into its column.

let dir: string;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'overview-formats-'));
  await writeExampleDrive(leieSchelde, dir);
  const { sources } = await readSources(dir, leieSchelde);
  const asOf = new Date(Date.UTC(2023, 5, 9));
  const built = await writeWorkbook(
    overviewWorkbook(leieSchelde, buildOverview(leieSchelde, sources, { asOf, gapWaitWeeks: 8 })),
  );
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(built.bytes as unknown as ArrayBuffer);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function findCell(ws: ExcelJS.Worksheet, text: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value === text && !found) found = cell;
    }),
  );
  if (!found) throw new Error(`no cell "${text}"`);
  return found;
}

describe('overview formats', () => {
  it('formats each key figure by its own unit', () => {
    const ws = wb.getWorksheet('Overzicht')!;
    const value = (label: string) => {
      const c = findCell(ws, label);
      return ws.getCell(Number(c.row), Number(c.col) + 1);
    };
    expect(value('Inwoners').numFmt).not.toContain('%');
    expect(value('Minderjarigen').numFmt).toContain('%');
    expect(value('Leefloon per 1.000 inwoners').numFmt).not.toContain('%');
  });

  it('colours single cells of the Dekking sheet, not whole columns', () => {
    const ws = wb.getWorksheet('Dekking')!;
    const header = findCell(ws, 'Aanbod: aantal actieve aanbiedingen');
    const areas = leieSchelde.problemAreas.length;
    const mixed = leieSchelde.municipalities.filter((_, i) => {
      const fills = new Set<string>();
      for (let r = 1; r <= areas; r++) {
        fills.add(JSON.stringify(ws.getCell(Number(header.row) + r, i + 2).fill ?? null));
      }
      return fills.size > 1;
    });
    // The example has municipalities with gaps in some problem areas and offers in others.
    expect(mixed.length).toBeGreaterThan(0);
  });
});
