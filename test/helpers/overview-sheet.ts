import ExcelJS from 'exceljs';
import type { Overview } from '../../src/domain/overview/model.js';
import type { Region } from '../../src/domain/region/schema.js';
import { overviewWorkbook } from '../../src/workbook/xlsx/write-overview.js';
import { writeWorkbook } from '../../src/workbook/xlsx/xlsx-stream.js';

// The overview as written to xlsx and read back with exceljs, to check what a person sees.

export async function writtenOverview(region: Region, ov: Overview): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = (await writeWorkbook(overviewWorkbook(region, ov))).bytes;
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The text of every non-empty cell of a sheet, row by row. */
export function sheetLines(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((c) => {
      if (!c.isMerged || c.master === c) cells.push(String(c.value));
    });
    rows.push(cells);
  });
  return rows;
}

/** The cells of the row whose first cell reads `first`, by the header row's texts. */
export function rowByFirstCell(
  ws: ExcelJS.Worksheet,
  headerFirst: string,
  first: string,
): Record<string, ExcelJS.CellValue> {
  let header = 0;
  let found = 0;
  ws.eachRow((row, r) => {
    const v = row.getCell(1).value;
    if (header === 0 && v === headerFirst) header = r;
    else if (header !== 0 && found === 0 && v === first) found = r;
  });
  if (header === 0 || found === 0) throw new Error(`no row "${first}" under "${headerFirst}"`);
  const out: Record<string, ExcelJS.CellValue> = {};
  ws.getRow(header).eachCell((c, col) => (out[String(c.value)] = ws.getCell(found, col).value));
  return out;
}
