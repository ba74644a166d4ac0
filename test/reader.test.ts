import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cell, RawWorkbook } from '../src/domain/cells.js';
import { readWorkbookBytes, readWorkbookFiles } from '../src/workbook/xlsx/read-workbook.js';

// Every kind of cell exceljs can hand us, written into a real xlsx and read back.

async function roundTrip(
  fill: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void,
): Promise<RawWorkbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Blad');
  ws.getCell('A1').value = 'Kop';
  fill(wb, ws);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const read = await readWorkbookBytes(bytes, 'test.xlsx');
  if (!read.ok) throw new Error(`refused: ${read.code}`);
  return read.workbook;
}

function cell(wb: RawWorkbook, row: number, col: number): Cell | undefined {
  return wb.sheets[0]?.rows.find((r) => r.row === row)?.cells.get(col);
}

describe('reading cells by type', () => {
  it('takes the cached result of a formula, never the formula', async () => {
    const wb = await roundTrip((_, ws) => {
      ws.getCell('A2').value = { formula: 'B2*2', result: 42 };
    });
    expect(cell(wb, 2, 1)).toEqual({ value: { kind: 'number', value: 42 }, formula: true });
  });

  it('reads shared formulas as their cached results', async () => {
    const wb = await roundTrip((_, ws) => {
      ws.getCell('A2').value = { formula: 'ROW()*10', result: 20 };
      ws.getCell('A3').value = { sharedFormula: 'A2', result: 30 };
      ws.getCell('A4').value = { sharedFormula: 'A2', result: 40 };
    });
    expect([3, 4].map((r) => cell(wb, r, 1))).toEqual([
      { value: { kind: 'number', value: 30 }, formula: true },
      { value: { kind: 'number', value: 40 }, formula: true },
    ]);
  });

  it('joins rich text runs', async () => {
    const wb = await roundTrip((_, ws) => {
      ws.getCell('A2').value = {
        richText: [
          { text: 'Sterk ' },
          { font: { bold: true }, text: 'sociaal' },
          { text: ' netwerk' },
        ],
      };
    });
    expect(cell(wb, 2, 1)?.value).toEqual({ kind: 'text', value: 'Sterk sociaal netwerk' });
  });

  it('gives a hyperlink its shown text, not its target', async () => {
    const wb = await roundTrip((_, ws) => {
      ws.getCell('A2').value = {
        text: 'CAW Oost-Vlaanderen',
        hyperlink: 'https://example.org/caw',
      };
    });
    expect(cell(wb, 2, 1)?.value).toEqual({ kind: 'text', value: 'CAW Oost-Vlaanderen' });
  });

  it('turns error values into typed errors', async () => {
    const wb = await roundTrip((_, ws) => {
      ws.getCell('A2').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      ws.getCell('B2').value = {
        formula: '1/0',
        result: { error: '#DIV/0!' },
      } as ExcelJS.CellFormulaValue;
    });
    expect(cell(wb, 2, 1)?.value).toEqual({ kind: 'error', value: '#N/A' });
    expect(cell(wb, 2, 2)).toEqual({ value: { kind: 'error', value: '#DIV/0!' }, formula: true });
  });

  it('skips the children of merged cells', async () => {
    const wb = await roundTrip((_, ws) => {
      ws.getCell('A2').value = 'samengevoegd';
      ws.mergeCells('A2:C3');
    });
    expect(cell(wb, 2, 1)?.value).toEqual({ kind: 'text', value: 'samengevoegd' });
    expect(cell(wb, 2, 2)).toBeUndefined();
    expect(wb.sheets[0]?.rows.map((r) => r.row)).toEqual([2]);
  });

  it('keeps numbers stored as text as text (the validator converts them)', async () => {
    const wb = await roundTrip((_, ws) => {
      ws.getCell('A2').value = '0012';
    });
    expect(cell(wb, 2, 1)?.value).toEqual({ kind: 'text', value: '0012' });
  });

  it('respects the 1904 date system for formatted dates and flags it for serials', async () => {
    const when = new Date(Date.UTC(2023, 5, 9, 23, 59));
    const wb = await roundTrip((book, ws) => {
      book.properties.date1904 = true;
      ws.getCell('A2').value = when;
      ws.getCell('A2').numFmt = 'dd/mm/yyyy hh:mm';
    });
    expect(wb.date1904).toBe(true);
    expect(cell(wb, 2, 1)?.value).toEqual({ kind: 'date', value: when });
  });

  it('reads booleans and skips blank rows without inventing any', async () => {
    const wb = await roundTrip((_, ws) => {
      ws.getCell('A2').value = true;
      ws.getCell('A4').value = '   ';
      ws.getCell('A6').value = 7;
    });
    expect(wb.sheets[0]?.rows.map((r) => r.row)).toEqual([2, 6]);
    expect(cell(wb, 2, 1)?.value).toEqual({ kind: 'boolean', value: true });
  });

  it('reads the header row and the _meta sheet', async () => {
    const wb = await roundTrip((book, ws) => {
      ws.getCell('B1').value = { richText: [{ text: 'Twee' }] };
      const meta = book.addWorksheet('_meta', { state: 'veryHidden' });
      meta.addRow(['kind', 'aanbod']);
      meta.addRow(['owner', 'CAW']);
    });
    expect([...(wb.sheets[0]?.headers ?? [])]).toEqual([
      [1, 'Kop'],
      [2, 'Twee'],
    ]);
    expect(wb.meta?.get('kind')).toBe('aanbod');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Blad']);
  });

  it('refuses a sheet with more rows than the limit', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad');
    for (let r = 1; r <= 50; r++) ws.getCell(r, 1).value = r;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const { DEFAULT_READ_LIMITS } = await import('../src/workbook/xlsx/read-limits.js');
    const read = await readWorkbookBytes(bytes, 'groot.xlsx', {
      ...DEFAULT_READ_LIMITS,
      maxRows: 10,
    });
    expect(read.ok).toBe(false);
    expect(read.ok ? null : read.code).toBe('too-many-rows');
  });
});

describe('reading files from disk', () => {
  it('gives the event loop a turn after each file (a stop is heard between files)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'reader-'));
    try {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Blad').getCell('A1').value = 'Kop';
      const files = ['a', 'b'].map((n) => ({ path: path.join(dir, `${n}.xlsx`), name: n }));
      for (const f of files) await wb.xlsx.writeFile(f.path);
      const order: string[] = [];
      const reads = readWorkbookFiles(files);
      expect((await reads.next()).value).toMatchObject({ ok: true });
      setImmediate(() => order.push('turn'));
      await reads.next();
      order.push('second read');
      expect(order).toEqual(['turn', 'second read']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
