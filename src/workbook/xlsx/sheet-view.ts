import type ExcelJS from 'exceljs';
import { cellText } from '../../domain/cells.js';
import { normaliseCell } from '../../domain/normalise.js';
import { dutchNumber } from '../../domain/overview/records.js';
import { formatDate, formatDateTime } from '../../domain/time.js';

// What the preview page shows beside the pane: every visible sheet as a grid of the texts its
// cells show, up to the last row and column with a value. Dates read dd/mm/jjjj.

export interface SheetView {
  name: string;
  rows: string[][];
}

export function sheetViews(wb: ExcelJS.Workbook): SheetView[] {
  return wb.worksheets.filter((ws) => ws.state === 'visible').map(sheetView);
}

function sheetView(ws: ExcelJS.Worksheet): SheetView {
  const texts = new Map<number, Map<number, string>>();
  let lastRow = 0;
  let lastCol = 0;
  ws.eachRow((row, r) => {
    const cells = new Map<number, string>();
    row.eachCell((cell, c) => {
      const text = shownText(cell);
      if (text === '') return;
      cells.set(c, text);
      lastCol = Math.max(lastCol, c);
    });
    if (cells.size === 0) return;
    texts.set(r, cells);
    lastRow = r;
  });
  const rows = Array.from({ length: lastRow }, (_, r) =>
    Array.from({ length: lastCol }, (_, c) => texts.get(r + 1)?.get(c + 1) ?? ''),
  );
  return { name: ws.name, rows };
}

function shownText(cell: ExcelJS.Cell): string {
  const mergedChild = cell.isMerged && cell.master.address !== cell.address;
  const v = normaliseCell({ value: cell.value, mergedChild }).value;
  if (v.kind === 'date') {
    return /h/i.test(cell.numFmt ?? '') ? formatDateTime(v.value) : formatDate(v.value);
  }
  return v.kind === 'number' ? dutchNumber(v.value) : cellText(v);
}
