import { GENERAL_FORMAT, TEXT_FORMAT, isTextColumn, valueFormat } from '../../domain/cell-rules.js';
import { needsTextGuard } from '../../domain/formula-injection.js';
import { rowCells, type CellInput, type RowInput } from '../../domain/rows.js';
import type { TableLayout } from './read-table.js';

// A record as the cell values and number formats Office.js takes, in the layout's column order.
// Formats travel with the values because a text cell must be text before its value arrives, or
// Excel would take "=1+1" typed in a form for a formula.

export interface PreparedRow {
  values: (string | number)[];
  formats: string[];
}

/** A record as Excel cell values and formats, in layout order. */
export function prepareRow(layout: TableLayout, record: RowInput, date1904: boolean): PreparedRow {
  const columns = Object.values(layout.columns);
  const values: (string | number)[] = [];
  const formats: string[] = [];
  rowCells(layout, record).forEach((cell, j) => {
    const column = columns[j];
    const text = column !== undefined && isTextColumn(column);
    const value = toExcelValue(cell, text, date1904);
    values.push(value);
    // Any text that Excel would parse as a formula is guarded, whatever its column.
    const guard = text || (typeof value === 'string' && needsTextGuard(value));
    formats.push(guard ? TEXT_FORMAT : column ? valueFormat(column, cell) : GENERAL_FORMAT);
  });
  return { values, formats };
}

function toExcelValue(cell: CellInput, text: boolean, date1904: boolean): string | number {
  if (cell === null) return '';
  if (cell instanceof Date) {
    // A wall-clock date (UTC fields) as Excel's serial day; in a text column, as ISO text.
    if (text) return cell.toISOString().slice(0, 10);
    return cell.getTime() / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
  }
  return cell;
}
