// A cell value as the domain sees it, whatever program wrote the file. Readers turn their own
// cell shapes into these; validation and merge never see anything else.
export type CellValue =
  | { kind: 'empty' }
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  // A spreadsheet date has no time zone: its wall-clock reading is kept in the Date's UTC fields.
  | { kind: 'date'; value: Date }
  | { kind: 'error'; value: string };

export interface Cell {
  value: CellValue;
  /** The cell held a formula; value is its cached result. Formulas are never copied. */
  formula: boolean;
}

export const EMPTY: CellValue = { kind: 'empty' };

/** One data row of a sheet: its row number and its cells by column number (1-based). */
export interface RawRow {
  row: number;
  cells: Map<number, Cell>;
}

export interface RawSheet {
  name: string;
  /** Header texts by column number, from the first row. */
  headers: Map<number, string>;
  /** Data rows with at least one non-empty cell, in sheet order. */
  rows: RawRow[];
}

export interface RawWorkbook {
  file: string;
  /** The _meta sheet as key/value pairs, or null when the workbook has none. */
  meta: Map<string, string> | null;
  /** The workbook counts serial dates from 1904 (old Mac Excel) instead of 1900. */
  date1904: boolean;
  sheets: RawSheet[];
}

/** Text of a cell as a person would read it, for messages and for text columns. */
export function cellText(v: CellValue): string {
  switch (v.kind) {
    case 'empty':
      return '';
    case 'text':
    case 'error':
      return v.value;
    case 'number':
      return String(v.value);
    case 'boolean':
      return v.value ? 'WAAR' : 'ONWAAR';
    case 'date':
      return v.value.toISOString();
  }
}

export function isBlank(v: CellValue): boolean {
  return v.kind === 'empty' || (v.kind === 'text' && v.value.trim() === '');
}
