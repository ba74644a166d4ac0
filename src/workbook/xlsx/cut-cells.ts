import type ExcelJS from 'exceljs';
import { wasCut } from '../../domain/cell-limit.js';

// The report of the writers' cuts (cell-limit.ts): every cell of a built workbook whose text was
// cut to Excel's limit, found by its marker, so the command that writes the file can say so.

export interface CutCell {
  sheet: string;
  /** A1 address. */
  cell: string;
}

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
