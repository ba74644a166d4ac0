import { isBlank, type Cell, type RawRow, type RawSheet } from '../../domain/cells.js';
import { normaliseCell } from '../../domain/normalise.js';

// The one way a sheet's cells (as exceljs models their values) become the domain's RawSheet,
// shared by the SAX reader of untrusted files and the exceljs reader of the task pane: headers
// from row 1, only rows with a non-empty cell, real row numbers, merged children dropped.

/** Cell values by row and column number; `merged` holds "row:col" of every merged child. */
export function rawSheet(
  name: string,
  rows: Map<number, Map<number, unknown>>,
  merged: ReadonlySet<string>,
): RawSheet {
  const headers = new Map<number, string>();
  const data: RawRow[] = [];
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const cells = new Map<number, Cell>();
    for (const [col, value] of rows.get(r)!) {
      const mergedChild = merged.size > 0 && merged.has(`${r}:${col}`);
      const cell = normaliseCell({ value, mergedChild });
      if (!isBlank(cell.value)) cells.set(col, cell);
    }
    if (r === 1) for (const [col, c] of cells) headers.set(col, headerText(c));
    else if (cells.size > 0) data.push({ row: r, cells });
  }
  return { name, headers, rows: data };
}

function headerText(c: Cell): string {
  const v = c.value;
  if (v.kind === 'text') return v.value.trim();
  if (v.kind === 'date') return v.value.toISOString().slice(0, 10);
  return 'value' in v ? String(v.value) : '';
}

/** The _meta sheet's key/value rows (column A and B; its first row is data too). */
export function metaOf(sheet: RawSheet): Map<string, string> {
  const meta = new Map<string, string>();
  const text = (v: { kind: string; value?: unknown } | undefined) =>
    v === undefined || v.kind === 'empty' ? '' : String(v.value).trim();
  const add = (key: string, value: string) => {
    if (key !== '') meta.set(key, value);
  };
  add(sheet.headers.get(1) ?? '', sheet.headers.get(2) ?? '');
  for (const row of sheet.rows) add(text(row.cells.get(1)?.value), text(row.cells.get(2)?.value));
  return meta;
}
