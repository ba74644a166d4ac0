import { foldText } from './fold.js';
import type { Columns } from './columns.js';
import { t } from './messages.js';
import type { RowInput } from './rows.js';

// Where a writer puts a layout's columns on a sheet: under their header, found as the validator
// finds it (normalised text, the first matching header wins), never by position. Users reorder
// columns and add their own, and an upgrade appends missing columns at a table's end; both
// workbook adapters write through this, so a value lands where the reader will look for it.

/** Per layout column, in layout order: its 1-based sheet column, or null when the sheet lacks it. */
export type ColumnPlacement = readonly (number | null)[];

/**
 * Finds each layout column among `headers` (sheet column → header text). Refuses the whole write
 * when a record holds a value for a column the sheet lacks: that value would be lost silently.
 */
export function placeColumns(
  layout: { columns: Columns },
  headers: ReadonlyMap<number, string>,
  records: readonly RowInput[],
  sheet: string,
): ColumnPlacement {
  const byHeader = new Map<string, number>();
  for (const [col, header] of headers) {
    const key = foldText(header);
    if (!byHeader.has(key)) byHeader.set(key, col);
  }
  return Object.entries(layout.columns).map(([field, column]) => {
    const col = byHeader.get(foldText(column.header)) ?? null;
    if (col === null && records.some((r) => hasValue(r[field]))) {
      throw new Error(t('preview.column-missing', { header: column.header, sheet }));
    }
    return col;
  });
}

/** An empty text or list loses nothing: a form sends those for fields the user left blank. */
function hasValue(value: RowInput[string]): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}
