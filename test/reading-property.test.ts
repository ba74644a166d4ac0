import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personaLayout } from '../src/domain/layouts.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { rowCounts, validateWorkbook } from '../src/domain/validate.js';
import { vocabulariesOf } from '../src/domain/vocabularies.js';
import { readWorkbookBytes } from '../src/workbook/xlsx/read-workbook.js';

// Whatever people type, reading a sheet never drops or invents a row: every row with content
// is read, and every row read is either taken or refused with a reason.

const vocab = vocabulariesOf(leieSchelde);
const columns = Object.values(personaLayout.columns);

const anyCell = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 500 }),
  fc.constantFrom(...vocab.leeftijd, ...vocab.bron, ...vocab.gezin),
  fc.date({
    min: new Date(Date.UTC(2000, 0, 1)),
    max: new Date(Date.UTC(2030, 0, 1)),
    noInvalidDate: true,
  }),
);
const anyRow = fc.array(anyCell, { minLength: columns.length, maxLength: columns.length });

function hasContent(row: unknown[]): boolean {
  return row.some((v) => v !== null && !(typeof v === 'string' && v.trim() === ''));
}

async function writeSheet(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(personaLayout.sheet);
  ws.addRow(columns.map((c) => c.header));
  rows.forEach((r, i) => {
    r.forEach((v, c) => {
      if (v !== null) ws.getCell(i + 2, c + 1).value = v as ExcelJS.CellValue;
    });
  });
  wb.addWorksheet('Noden').addRow(['Persona-ID', 'Probleemgebied', 'Ernst']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading never drops or invents a row', () => {
  it('holds for random sheets', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyRow, { maxLength: 25 }), async (rows) => {
        const read = await readWorkbookBytes(await writeSheet(rows), 'eigenschap.xlsx');
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        const result = validateWorkbook(read.workbook, leieSchelde);
        const sheet = result.sheets.find((s) => s.layout.id === 'persona');
        const expected = rows.flatMap((r, i) => (hasContent(r) ? [i + 2] : []));
        expect(rowCounts(result.sheets).read).toBe(expected.length);
        const seen = [...(sheet?.taken ?? []), ...(sheet?.refused ?? [])].map((r) => r.row);
        expect(seen.sort((a, b) => a - b)).toEqual(expected);
        for (const refused of sheet?.refused ?? [])
          expect(refused.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});
