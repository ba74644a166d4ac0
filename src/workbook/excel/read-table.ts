/// <reference types="office-js" />
import type { Cell, RawRow, RawSheet } from '../../domain/cells.js';
import type { SheetLayout } from '../../domain/layouts.js';
import { t } from '../../domain/messages.js';
import { isDateSerial, normaliseCell, serialToDate } from '../../domain/normalise.js';
import { isDateFormat } from '../../domain/normalise.js';

// Reads a layout's table from the workbook open in Excel into the domain's RawSheet, so the
// validator and the rest of the domain see the same cells as from the exceljs/xlsx reader.
// The reading itself, in requests sized by bytes, is read-chunks.ts.

/** What the adapter needs of a sheet layout; any layout of the domain fits. */
export type TableLayout = Pick<SheetLayout, 'sheet' | 'table' | 'columns'>;

export interface ExcelTable {
  sheet: RawSheet;
  /** 1-based sheet row of the table's first body row. */
  firstRow: number;
  /** Body rows the table spans now, empty ones included (templates offer blank rows). */
  bodyRows: number;
  /** Body rows up to the last non-empty one: where an append starts. */
  usedRows: number;
  /** The table's sheet is protected (a read-only copy): a write lifts and restores it. */
  protected: boolean;
}

export interface ReadOptions {
  /** The workbook counts dates from 1904 (ExcelApi 1.9 cannot ask; the caller may know). */
  date1904?: boolean;
  timeoutMs?: number;
  /** Largest response to ask for (Excel on the web refuses over 5 MB). */
  maxResponseBytes?: number;
}

// Office.js gives an error cell's value as its code, a string. Only values with the errors'
// exact spelling are taken for errors; loading valueTypes as well would double the payload.
const ERROR_CODES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#GETTING_DATA',
]);

/** What tableOf needs of a table, however it was read: in one request or in chunks. */
export interface TableCells {
  layout: TableLayout;
  /** The loaded header row range (values, columnIndex). */
  header: Excel.Range;
  worksheet: Excel.Worksheet;
  /** 0-based sheet row and column of the body's first cell. */
  rowIndex: number;
  columnIndex: number;
  /** The whole body's values and number formats, top to bottom. */
  values: unknown[][];
  formats: unknown[][];
}

/** Excel's ItemNotFound does not say which item: with several tables, all are named. */
export function missingMessage(layouts: readonly TableLayout[]): string {
  const [only] = layouts;
  if (layouts.length === 1 && only !== undefined) {
    return t('excel.table-missing', { table: only.table, sheet: only.sheet });
  }
  const tables = layouts.map((l) => t('excel.table-on-sheet', { table: l.table, sheet: l.sheet }));
  return t('excel.tables-missing', { tables: tables.join(', ') });
}

/** The table's cells as the domain reads them; call after the syncs that loaded them. */
export function tableOf(
  { layout, header, worksheet, rowIndex, columnIndex, values: body, formats }: TableCells,
  date1904: boolean,
): ExcelTable {
  const firstCol = header.columnIndex + 1;
  const headers = new Map<number, string>();
  (header.values[0] ?? []).forEach((h: unknown, j) => headers.set(firstCol + j, String(h ?? '')));

  const rows: RawRow[] = [];
  let usedRows = 0;
  body.forEach((values: unknown[], i) => {
    const cells = new Map<number, Cell>();
    values.forEach((v, j) => {
      const cell = toCell(v, formats[i]?.[j], date1904);
      if (cell.value.kind !== 'empty') cells.set(columnIndex + 1 + j, cell);
    });
    if (cells.size === 0) return;
    rows.push({ row: rowIndex + 1 + i, cells });
    usedRows = i + 1;
  });
  return {
    // Named as the sheet is now: issues must name the sheet the user sees.
    sheet: { name: worksheet.name || layout.sheet, headers, rows },
    firstRow: rowIndex + 1,
    bodyRows: body.length,
    usedRows,
    protected: worksheet.protection.protected === true,
  };
}

/** Office.js values are plain numbers, strings and booleans; the number format tells dates. */
function toCell(value: unknown, format: unknown, date1904: boolean): Cell {
  const dated = typeof format === 'string' && isDateFormat(format);
  if (typeof value === 'number' && dated && isDateSerial(value)) {
    return { value: { kind: 'date', value: serialToDate(value, date1904) }, formula: false };
  }
  if (typeof value === 'string' && ERROR_CODES.has(value)) {
    return { value: { kind: 'error', value }, formula: false };
  }
  // Formulas are not loaded (that would double the payload): their results count as values.
  return normaliseCell({ value, mergedChild: false });
}

export function isItemNotFound(err: unknown): boolean {
  return (
    typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ItemNotFound'
  );
}
