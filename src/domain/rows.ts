/** What a writer puts in a cell. Dates are wall-clock readings (UTC fields). */
export type CellInput = string | number | Date | null;

/** A row as loosely given to a writer: a record, or a record with deliberate mistakes in it. */
export type RowInput = Partial<Record<string, CellInput | readonly string[]>>;

export const LIST_SEPARATOR = '; ';

/** A record's cells in the layout's column order; a list becomes "a; b; c". */
export function rowCells(layout: { columns: object }, row: RowInput): CellInput[] {
  return Object.keys(layout.columns).map((field) => {
    const v = row[field];
    if (v === undefined) return null;
    if (Array.isArray(v)) return v.join(LIST_SEPARATOR);
    return v as CellInput;
  });
}

/** Splits a multi-value cell on ";" or new lines; empty parts are dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
