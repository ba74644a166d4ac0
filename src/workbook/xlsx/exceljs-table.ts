import type ExcelJS from 'exceljs';
import { fitCellText } from '../../domain/cell-limit.js';
import { isTextColumn, TEXT_FORMAT } from '../../domain/cell-rules.js';
import { placeColumns } from '../../domain/column-placement.js';
import type { Column } from '../../domain/columns.js';
import { columnLetters, columnOf, rowOf } from '../../domain/address.js';
import type { AnyLayout } from '../../domain/layouts.js';
import { t } from '../../domain/messages.js';
import { rowCells, type CellInput, type RowInput } from '../../domain/rows.js';
import type { RowUpdate } from '../../domain/workbook-host.js';

// Records written into a layout's table on an exceljs worksheet (the preview host's writes):
// columns are found by their header (column-placement.ts), text columns get the text format and
// a string value (so "=1+1" stays text, never a formula), cells of other columns are left alone,
// and the table's range grows when rows pass its end.

/** The model of a table read from a file: its range and its filter's range. */
interface LoadedTable {
  table: { tableRef: string; autoFilterRef?: string };
}

/**
 * A write checked against its sheet and ready to run: `apply` can no longer be refused, so a
 * host checks every write of an action first and applies them only when all passed.
 */
export interface CheckedWrite {
  apply(): void;
}

/**
 * Checks the records against the sheet's columns; `apply` writes them after the last used row
 * ('append') or from row 2 on ('replace').
 */
export function checkRows(
  ws: ExcelJS.Worksheet,
  layout: AnyLayout,
  rows: readonly RowInput[],
  mode: 'append' | 'replace',
): CheckedWrite {
  const columns = layoutColumns(ws, layout, rows);
  return {
    apply() {
      // Found when applied: an earlier write of the same action may have added rows.
      const lastUsed = lastUsedRow(ws);
      const first = mode === 'append' ? lastUsed + 1 : 2;
      rows.forEach((row, i) => writeRow(ws, layout, columns, first + i, row));
      const end = first + rows.length - 1;
      const width = Math.max(tableWidth(ws, layout), ...columns.map(([, col]) => col ?? 0));
      for (let r = end + 1; mode === 'replace' && r <= lastUsed; r++) {
        for (let c = 1; c <= width; c++) ws.getCell(r, c).value = null;
      }
      growTable(ws, layout, end, width);
    },
  };
}

/**
 * Checks updates of existing rows (1-based sheet rows), refusing a row outside the table's body;
 * `apply` overwrites the cells of the fields each update names; the row's other cells keep their values.
 */
export function checkUpdates(
  ws: ExcelJS.Worksheet,
  layout: AnyLayout,
  updates: readonly RowUpdate[],
): CheckedWrite {
  const columns = layoutColumns(
    ws,
    layout,
    updates.map((u) => u.values),
  );
  const last = lastBodyRow(ws, layout);
  for (const { row } of updates) {
    if (!Number.isInteger(row) || row < 2 || row > last) {
      throw new Error(t('excel.row-outside-table', { row, table: layout.table, sheet: ws.name }));
    }
  }
  return {
    apply: () =>
      updates.forEach(({ row, values }) => writeRow(ws, layout, columns, row, values, true)),
  };
}

/** Each layout column with its column number on the sheet (null when the sheet lacks it). */
function layoutColumns(
  ws: ExcelJS.Worksheet,
  layout: AnyLayout,
  rows: readonly RowInput[],
): [Column, number | null][] {
  const headers = new Map<number, string>();
  ws.getRow(1).eachCell((cell, col) => headers.set(col, String(cell.text)));
  const placement = placeColumns(layout, headers, rows, ws.name);
  return (Object.values(layout.columns) as Column[]).map((column, j) => [column, placement[j]!]);
}

/**
 * One record into sheet row `r`, each value under its header; with `named`, a field the record
 * leaves undefined keeps its cell as it is (an update's other fields).
 */
function writeRow(
  ws: ExcelJS.Worksheet,
  layout: AnyLayout,
  columns: [Column, number | null][],
  r: number,
  row: RowInput,
  named = false,
): void {
  const fields = Object.keys(layout.columns);
  rowCells(layout, row).forEach((value, j) => {
    const [column, col] = columns[j]!;
    if (col !== null && !(named && row[fields[j]!] === undefined)) {
      writeCell(ws.getCell(r, col), column, value);
    }
  });
}

function writeCell(cell: ExcelJS.Cell, column: Column, value: CellInput): void {
  const text = isTextColumn(column);
  const numFmt = text ? TEXT_FORMAT : column.numFmt;
  // A new style object: cells read from a file may share theirs.
  if (numFmt !== null && cell.numFmt !== numFmt) cell.style = { ...cell.style, numFmt };
  cell.value = text && value !== null ? fitCellText(String(value)) : value;
}

/** The last row with a value (1, the header, for an empty table). */
function lastUsedRow(ws: ExcelJS.Worksheet): number {
  let last = 1;
  ws.eachRow((row, r) => {
    if (row.hasValues) last = Math.max(last, r);
  });
  return last;
}

function tableOf(ws: ExcelJS.Worksheet, layout: AnyLayout): LoadedTable | null {
  const table = ws.getTable(layout.table) as unknown as LoadedTable | undefined;
  return table?.table?.tableRef ? table : null;
}

function tableWidth(ws: ExcelJS.Worksheet, layout: AnyLayout): number {
  const ref = tableOf(ws, layout)?.table.tableRef;
  return ref === undefined ? 0 : columnOf(ref.split(':')[1] ?? '');
}

/** The table's last body row; without a table, the sheet's last used row. */
function lastBodyRow(ws: ExcelJS.Worksheet, layout: AnyLayout): number {
  const ref = tableOf(ws, layout)?.table.tableRef;
  return ref === undefined ? lastUsedRow(ws) : rowOf(ref.split(':')[1] ?? '');
}

/** Makes the table reach `lastRow` when the rows went past its end. */
function growTable(ws: ExcelJS.Worksheet, layout: AnyLayout, lastRow: number, width: number) {
  const table = tableOf(ws, layout);
  if (table === null) return;
  const [from = 'A1', to = 'A1'] = table.table.tableRef.split(':');
  if (rowOf(to) >= lastRow) return;
  const ref = `${from}:${columnLetters(Math.max(width, columnOf(to)))}${lastRow}`;
  table.table.tableRef = ref;
  table.table.autoFilterRef = ref;
}
