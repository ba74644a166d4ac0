import ExcelJS from 'exceljs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitCellText, MAX_CELL_TEXT, wasCut } from '../src/domain/cell-limit.js';
import { aanbodLayout } from '../src/domain/layouts.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { buildWorkbook } from '../src/workbook/xlsx/build-workbook.js';
import { runCli } from './helpers/cli.js';
import { cutCells } from './helpers/cut-cells.js';

// Excel's 32,767 characters per cell: a longer cell read is reported, a longer text written is cut
// with a visible marker and reported, never cut in silence.

const LONG = 'Begeleiding op maat. '.repeat(2_000); // 42,000 characters
let dir: string;
let offer: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cell-limit-'));
  const wb = buildWorkbook({ kind: 'aanbod', region: leieSchelde, owner: 'CAW' });
  const ws = wb.getWorksheet(aanbodLayout.sheet)!;
  const values: Record<string, ExcelJS.CellValue> = {
    partner: 'CAW',
    naam: 'Woonbegeleiding',
    omschrijving: LONG,
    probleemgebieden: 'Huisvestingsproblemen',
    gemeenten: 'Hele regio',
    werkwijze: 'Aan huis',
    talen: 'Nederlands',
    kost: 'Gratis',
    wachttijd: 3,
    contact: 'Onthaal',
    email: 'onthaal@voorbeeld.be',
    bijgewerkt: new Date(Date.UTC(2023, 4, 1)),
  };
  const fields = Object.keys(aanbodLayout.columns);
  for (const [field, value] of Object.entries(values)) {
    ws.getCell(2, fields.indexOf(field) + 1).value = value;
  }
  offer = path.join(dir, 'in', 'Aanbod CAW.xlsx');
  await mkdir(path.dirname(offer));
  await wb.xlsx.writeFile(offer);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("Excel's cell limit", () => {
  it('cuts a longer text to the limit with a visible Dutch marker, and recognises the cut', () => {
    const cut = fitCellText(LONG);
    expect(cut).toHaveLength(MAX_CELL_TEXT);
    expect(cut.endsWith(' … [ingekort: een cel houdt hoogstens 32.767 tekens]')).toBe(true);
    expect(wasCut(cut)).toBe(true);
    expect(fitCellText('kort')).toBe('kort');
    expect(wasCut('x'.repeat(MAX_CELL_TEXT))).toBe(false);
  });

  it('reports a cell read over the limit, naming file, sheet and cell', async () => {
    const run = await runCli(['validate', '--json', offer]);
    const file = (JSON.parse(run.stdout) as { files: { issues: Record<string, unknown>[] }[] })
      .files[0]!;
    expect(file.issues).toEqual([
      expect.objectContaining({
        file: offer,
        sheet: 'Aanbod',
        cell: 'C2',
        code: 'cell-too-long',
        severity: 'warning',
        message:
          'de cel bevat 42.000 tekens, meer dan de 32.767 die Excel in een cel toont. Excel kapt de rest stilzwijgend af; wij korten de tekst in het overzicht zichtbaar in. Maak de tekst korter.',
      }),
    ]);
  });

  it('writes the overview with the text cut and marked, and says which cell', async () => {
    const out = path.join(dir, 'overzicht.xlsx');
    const run = await runCli(['overview', '--in', path.dirname(offer), '--out', out]);
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cut = cutCells(wb);
    expect(cut.length).toBeGreaterThan(0);
    for (const c of cut) {
      const text = wb.getWorksheet(c.sheet)!.getCell(c.cell).value as string;
      expect(text.startsWith('Begeleiding op maat.')).toBe(true);
      expect(text).toHaveLength(MAX_CELL_TEXT);
      expect(run.stdout).toContain(
        `${out}: blad ${c.sheet}, cel ${c.cell}: de tekst is langer dan een cel toont (32.767 tekens) en is zichtbaar ingekort.`,
      );
    }
  });

  it('cuts and marks a long text in a workbook built with rows (the tracker, the example)', () => {
    const wb = buildWorkbook({
      kind: 'aanbod',
      region: leieSchelde,
      owner: 'CAW',
      rows: { aanbod: [{ naam: 'Lang', omschrijving: LONG }] },
    });
    expect(cutCells(wb)).toEqual([{ sheet: 'Aanbod', cell: 'C2' }]);
  });
});
