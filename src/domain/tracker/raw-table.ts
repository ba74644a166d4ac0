import { foldText } from '../fold.js';
import { columnLetters } from '../address.js';
import type { CellValue, RawSheet } from '../cells.js';
import type { Columns } from '../columns.js';
import type { CellInput } from '../rows.js';

// A sheet of the tracker exactly as the coordinator left it: per row the cell of every layout
// column (by field) and of every column the layout does not know (by position), as values a
// writer can put back unchanged. What the coordinator typed is taken from here, never from the
// validated record: a value that fails validation (a typo in a dropdown column) is kept too.

export interface RawTableRow {
  /** The row number in the sheet (1 is the header row). */
  row: number;
  /** The cell of each layout column that the sheet has; absent when the column is missing. */
  cells: Record<string, CellInput>;
  /** The cells of the extra columns, in the order of `RawTable.extraHeaders`. */
  extra: CellInput[];
}

export interface RawTable {
  /** Column number of each layout field found in row 1. */
  columns: Map<string, number>;
  /** Headers of the columns the coordinator added, in sheet order. */
  extraHeaders: string[];
  rows: RawTableRow[];
}

/** A read cell as a value a writer puts back: text, number, date (wall clock) or empty. */
export function cellInput(v: CellValue): CellInput {
  switch (v.kind) {
    case 'empty':
      return null;
    case 'text':
    case 'error':
      return v.value;
    case 'number':
      return v.value;
    case 'boolean':
      return v.value ? 'WAAR' : 'ONWAAR';
    case 'date':
      return v.value;
  }
}

export function rawTable(sheet: RawSheet, layout: { columns: Columns }): RawTable {
  const byHeader = new Map(Object.entries(layout.columns).map(([f, c]) => [foldText(c.header), f]));
  const columns = new Map<string, number>();
  const extraCols: number[] = [];
  const extraHeaders: string[] = [];
  const used = new Set<number>([...sheet.headers.keys()]);
  for (const row of sheet.rows) for (const c of row.cells.keys()) used.add(c);
  for (const col of [...used].sort((a, b) => a - b)) {
    const header = sheet.headers.get(col)?.trim() ?? '';
    const field = byHeader.get(foldText(header));
    if (field !== undefined && !columns.has(field)) columns.set(field, col);
    else if (header !== '' || sheet.rows.some((r) => cellInput(cellAt(r, col)) !== null)) {
      extraCols.push(col);
      extraHeaders.push(header === '' ? `Kolom ${columnLetters(col)}` : header);
    }
  }
  const rows = sheet.rows.map((r) => {
    const cells: Record<string, CellInput> = {};
    for (const [field, col] of columns) cells[field] = cellInput(cellAt(r, col));
    return { row: r.row, cells, extra: extraCols.map((c) => cellInput(cellAt(r, c))) };
  });
  return { columns, extraHeaders, rows };
}

function cellAt(r: RawSheet['rows'][number], col: number): CellValue {
  return r.cells.get(col)?.value ?? { kind: 'empty' };
}
