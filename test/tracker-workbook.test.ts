import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { opvolgingLayout } from '../src/domain/layouts.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { findSheet } from '../src/domain/detect-kind.js';
import { rawTable } from '../src/domain/tracker/raw-table.js';
import { validateWorkbook } from '../src/domain/validate.js';
import {
  buildWorkbook,
  SYNC_CELL_FILL,
  SYNC_HEADER_FILL,
} from '../src/workbook/xlsx/build-workbook.js';
import { workbookBytes } from '../src/workbook/xlsx/write-templates.js';
import { readWorkbookBytes } from '../src/workbook/xlsx/read-workbook.js';

// The tracker workbook: the sync's columns grey and locked, the coordinator's open with
// dropdowns, added columns carried over, and an Uitleg that says who owns which column.

const region = leieSchelde;
const row = {
  dossier: 'K-000001',
  titel: 'Project A',
  trekker: 'Vzw A',
  bron: 'Partners/Kandidaturen/a.xlsx',
  stadium: 'Ontvangen',
};

async function built() {
  const wb = buildWorkbook({
    kind: 'opvolging',
    region,
    owner: '',
    rows: { opvolging: [row] },
    extra: { opvolging: { headers: ['Eigen notitie'], rows: [['bellen']] } },
  });
  const bytes = await workbookBytes(wb);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ArrayBuffer);
  return { bytes, back };
}

describe('the tracker workbook', () => {
  it('shows which columns the sync owns: grey and locked; the others open with dropdowns', async () => {
    const { back } = await built();
    const ws = back.getWorksheet('Opvolging')!;
    const fields = Object.keys(opvolgingLayout.columns);
    fields.forEach((f, i) => {
      const column = (opvolgingLayout.columns as Record<string, { bySync: boolean }>)[f]!;
      const head = ws.getRow(1).getCell(i + 1).style;
      const data = ws.getRow(2).getCell(i + 1).style;
      const fill = (s: typeof head) => (s.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
      expect(data.protection?.locked ?? true, f).toBe(column.bySync);
      if (column.bySync) {
        expect(fill(head), f).toBe(SYNC_HEADER_FILL);
        expect(fill(data), f).toBe(SYNC_CELL_FILL);
      } else expect(fill(head), f).not.toBe(SYNC_HEADER_FILL);
    });
    const stadiumCol = fields.indexOf('stadium') + 1;
    const validation = ws.getRow(2).getCell(stadiumCol).dataValidation;
    expect(validation?.type).toBe('list');
    expect(ws.getRow(1).getCell(fields.length + 1).text).toBe('Eigen notitie');
    expect(ws.getRow(2).getCell(fields.length + 1).text).toBe('bellen');
    expect(ws.getRow(2).getCell(fields.length + 1).style.protection?.locked).toBe(false);
  });

  it('reads back clean, with the added column as an extra column', async () => {
    const { bytes } = await built();
    const read = await readWorkbookBytes(bytes, 'Opvolging kandidaturen.xlsx');
    if (!read.ok) throw new Error(read.code);
    const result = validateWorkbook(read.workbook, region);
    expect(result.meta?.kind).toBe('opvolging');
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const table = rawTable(findSheet(read.workbook, opvolgingLayout)!, opvolgingLayout);
    expect(table.extraHeaders).toEqual(['Eigen notitie']);
    expect(table.rows[0]?.extra).toEqual(['bellen']);
    expect(table.rows[0]?.cells.stadium).toBe('Ontvangen');
  });

  it('explains on Uitleg, in plain Dutch, who fills which column and what the sync keeps', async () => {
    const { back } = await built();
    const texts: string[] = [];
    back.getWorksheet('Uitleg')!.eachRow((r) => r.eachCell((c) => texts.push(c.text)));
    const all = texts.join('\n');
    expect(all).toContain('Wie vult welke kolom in?');
    expect(all).toContain('De grijze kolommen op het blad "Opvolging" ("Dossier", "Titel project"');
    expect(all).toContain('overschrijft nooit wat u erin typte');
    expect(all).toContain('U mag eigen kolommen toevoegen');
    expect(all).toContain('Een rij wordt nooit verwijderd');
    expect(all).toContain('belangenconflict tellen niet mee');
    expect(all).toContain('(Ingevuld door de synchronisatie.)');
    // The "add no columns" rule of the other workbooks is not given here.
    expect(all).not.toContain('voeg geen kolommen');
  });
});
