import { placeColumns } from '../../domain/column-placement.js';
import type { RowInput } from '../../domain/rows.js';
import { prepareRow } from './prepare-row.js';
import type { ExcelTable, TableLayout } from './read-table.js';

// Records as rows across the whole width of the table in the workbook, each value under its
// header wherever the user or an upgrade put that column. Cells of columns that are not the
// layout's get null: Office.js leaves a cell unchanged where a values or numberFormat array holds
// null (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values), so a
// user's own columns are never blanked by a write.

/** A record as one table-wide row of values and formats, with its payload size. */
export interface TableRow {
  values: (string | number | null)[];
  formats: (string | null)[];
  bytes: number;
}

/** The table's columns, left to right: its header texts as readTables() found them. */
export function tableWidth(table: ExcelTable): number {
  return table.sheet.headers.size;
}

/**
 * The records as table-wide rows; refuses them all when one has a value the table cannot hold.
 * With `named`, a field a record leaves undefined keeps its cell as it is (an update's other fields).
 */
export function tableRows(
  layout: TableLayout,
  table: ExcelTable,
  records: readonly RowInput[],
  date1904: boolean,
  named = false,
): TableRow[] {
  const placement = placeColumns(layout, table.sheet.headers, records, table.sheet.name);
  const firstCol = Math.min(...table.sheet.headers.keys());
  const width = tableWidth(table);
  const fields = Object.keys(layout.columns);
  return records.map((record) => {
    const prepared = prepareRow(layout, record, date1904);
    const values: TableRow['values'] = Array.from({ length: width }, () => null);
    const formats: TableRow['formats'] = Array.from({ length: width }, () => null);
    placement.forEach((col, j) => {
      if (col === null || (named && record[fields[j]!] === undefined)) return;
      values[col - firstCol] = prepared.values[j]!;
      formats[col - firstCol] = prepared.formats[j]!;
    });
    return { values, formats, bytes: jsonBytes(values) + jsonBytes(formats) };
  });
}

const encoder = new TextEncoder();
/** Size of a value as it travels in a request. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}
