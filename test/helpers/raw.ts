import type { Cell, CellValue, RawSheet, RawWorkbook } from '../../src/domain/cells.js';
import type { AnyLayout } from '../../src/domain/layouts.js';

type Plain = string | number | boolean | Date | null | { error: string } | { formula: CellValue };

function toCell(v: Plain): Cell | null {
  if (v === null) return null;
  if (typeof v === 'string') return { value: { kind: 'text', value: v }, formula: false };
  if (typeof v === 'number') return { value: { kind: 'number', value: v }, formula: false };
  if (typeof v === 'boolean') return { value: { kind: 'boolean', value: v }, formula: false };
  if (v instanceof Date) return { value: { kind: 'date', value: v }, formula: false };
  if ('error' in v) return { value: { kind: 'error', value: v.error }, formula: false };
  return { value: v.formula, formula: true };
}

/** A sheet in a layout's column order: rows are objects keyed by field (missing = empty). */
export function sheetOf(
  layout: AnyLayout,
  rows: Record<string, Plain>[],
  name = layout.sheet,
): RawSheet {
  const fields = Object.keys(layout.columns);
  const headers = new Map(
    fields.map((f, i) => [
      i + 1,
      (layout.columns as Record<string, { header: string }>)[f]!.header,
    ]),
  );
  return {
    name,
    headers,
    rows: rows.map((r, i) => {
      const cells = new Map<number, Cell>();
      fields.forEach((f, c) => {
        const cell = toCell(r[f] ?? null);
        if (cell) cells.set(c + 1, cell);
      });
      return { row: i + 2, cells };
    }),
  };
}

export function workbookOf(
  sheets: RawSheet[],
  meta: Record<string, string> | null,
  file = 'test.xlsx',
): RawWorkbook {
  return { file, meta: meta ? new Map(Object.entries(meta)) : null, date1904: false, sheets };
}
