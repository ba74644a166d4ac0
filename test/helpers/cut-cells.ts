import type ExcelJS from 'exceljs';
import { wasCut } from '../../src/domain/cell-limit.js';
import type { CutCell } from '../../src/workbook/xlsx/xlsx-stream.js';

// Every cell of an exceljs workbook whose text was cut to Excel's limit (cell-limit.ts), found by
// its marker: to check what the writers cut, in a workbook read back or built with rows.

export function cutCells(wb: ExcelJS.Workbook): CutCell[] {
  const cut: CutCell[] = [];
  wb.eachSheet((ws) => {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && wasCut(cell.value)) {
          cut.push({ sheet: ws.name, cell: cell.address });
        }
      });
    });
  });
  return cut;
}
