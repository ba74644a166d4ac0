import type { CellInput, RowInput } from './rows.js';
import type { RawSheet, RawWorkbook } from './cells.js';
import { findSheet } from './detect-kind.js';
import { foldText } from './fold.js';
import type { AnyLayout } from './layouts.js';
import { t } from './messages.js';
import { formRecordOf } from './pane/form-prefill.js';
import type { FormRecord, FormValue } from './pane/layout-form.js';
import { formatDate } from './time.js';
import type { RecordKey, RowUpdate, TableWrite } from './workbook-host.js';
import { appendTo } from './append-to.js';

// Where a write goes, decided from the table as read in the same request that writes it, never
// from a row number the pane remembered: the user may have sorted the table, deleted a row or a
// co-author may have edited it since. Both hosts (Excel and preview) place their writes here.
//
// A record is found by its key: the layout's unique column (Persona-ID) where it has one; a need,
// which has no key of its own, by its cells as the pane read them. An update whose key no row
// holds, or more than one row holds, writes nothing; it writes only the fields it names. An
// append is keyed too: one whose key a row holds already is refused (a new record never
// overwrites another), unless that row holds exactly the appended values, which is the same save
// retried after a timeout that had landed: then there is nothing left to write. Keys and values
// are compared as a person reads them (`sameKey`), in the pane and in both hosts alike.

/** A table's rows as form text, by the text of their key column: read once per write. */
export interface KeyIndex {
  layout: AnyLayout;
  byKey: Map<string, { row: number; record: FormRecord }[]>;
}

/** The key column of a layout: its unique column, or the column people know a row by. */
function keyField(layout: AnyLayout): string {
  return layout.unique ?? layout.key;
}

export function keyIndex(layout: AnyLayout, sheet: RawSheet): KeyIndex {
  const byKey: KeyIndex['byKey'] = new Map();
  for (const row of sheet.rows) {
    const record = formRecordOf(layout, sheet, row);
    const text = keyText(record[keyField(layout)]);
    appendTo(byKey, text, { row: row.row, record });
  }
  return { layout, byKey };
}

/** The 1-based sheet rows whose cells match every field of `key`, compared as a person reads them. */
export function rowsWithKey({ layout, byKey }: KeyIndex, key: RecordKey): number[] {
  return (byKey.get(keyText(key[keyField(layout)])) ?? [])
    .filter(({ record }) => recordHolds(record, key))
    .map(({ row }) => row);
}

/** Whether two key values are the same for a person: case, accents' composition and spacing aside. */
export function sameKey(
  a: FormValue | CellInput | undefined,
  b: FormValue | CellInput | undefined,
) {
  return keyText(a) === keyText(b);
}

/** Whether a record as read holds every field of `values`, compared as `sameKey` does. */
export function recordHolds(record: FormRecord, values: RecordKey): boolean {
  return Object.entries(values).every(([field, value]) => sameKey(record[field], value));
}

/** The key an append is known by: its unique column, or, without one, all its cells. */
export function appendKey(layout: AnyLayout, values: RowInput): RecordKey {
  const unique = layout.unique;
  if (unique !== undefined) return { [unique]: values[unique] ?? '' };
  return Object.fromEntries(Object.keys(layout.columns).map((f) => [f, values[f] ?? '']));
}

/** A table write with every record at its sheet row (updates) or new (appends). */
export interface PlacedWrite {
  update: RowUpdate[];
  append: RowInput[];
}

/**
 * Places a write's records in the table as it is now (`sheet`, read in the writing request).
 * Throws a Dutch message, placing nothing, when a key is gone or held by several rows, when an
 * append's key is taken by a row holding other values, when two records land on one row, or when
 * an update would give a row a unique value another row holds.
 */
export function placeByKey(sheet: RawSheet, write: TableWrite): PlacedWrite {
  const { layout } = write;
  const index = keyIndex(layout, sheet);
  const update: RowUpdate[] = [];
  const append: RowInput[] = [];
  for (const u of write.update ?? []) {
    update.push({ row: oneRow(index, u.key), values: u.values });
  }
  for (const values of write.append ?? []) {
    const key = appendKey(layout, values);
    const rows = rowsWithKey(index, key);
    if (rows.length === 0) append.push(values);
    else if (rowsWithKey(index, values).length === 0) {
      throw keyError('excel.key-exists', layout, key, rows);
    }
  }
  checkDistinct(index, update);
  return { update, append };
}

/**
 * Whether the workbook as read now holds every record of the writes as they would have written
 * them: after a timeout, whether the write landed all the same. A record of a layout with a
 * unique column must be on exactly one row.
 */
export function writesLanded(wb: RawWorkbook, writes: readonly TableWrite[]): boolean {
  return writes.every(({ layout, update = [], append = [] }) => {
    const sheet = findSheet(wb, layout);
    if (sheet === null) return update.length + append.length === 0;
    const index = keyIndex(layout, sheet);
    const records = [...update.map((u) => ({ ...u.key, ...u.values })), ...append];
    return records.every((r) => {
      const rows = rowsWithKey(index, r).length;
      return layout.unique === undefined ? rows > 0 : rows === 1;
    });
  });
}

/** The one row an update's key names; none or several refuse the write. */
function oneRow(index: KeyIndex, key: RecordKey): number {
  const rows = rowsWithKey(index, key);
  if (rows.length === 1) return rows[0]!;
  const message = rows.length === 0 ? 'excel.key-gone' : 'excel.key-duplicate';
  throw keyError(message, index.layout, key, rows);
}

/** No row written twice, and no unique value moved onto a row while another row holds it. */
function checkDistinct(index: KeyIndex, updates: readonly RowUpdate[]): void {
  const { layout } = index;
  const seen = new Set<number>();
  for (const { row, values } of updates) {
    if (seen.has(row)) throw keyError('excel.key-duplicate', layout, values, [row]);
    seen.add(row);
    // An update that leaves the unique field out keeps the row's own value.
    if (layout.unique === undefined || values[layout.unique] === undefined) continue;
    const key = { [layout.unique]: values[layout.unique] };
    const other = rowsWithKey(index, key).find((r) => r !== row);
    if (other !== undefined) throw keyError('excel.key-taken', layout, key, [other]);
  }
}

/** A refusal naming the table, the key column's header and value, and the rows concerned. */
function keyError(
  message: 'excel.key-gone' | 'excel.key-duplicate' | 'excel.key-taken' | 'excel.key-exists',
  layout: AnyLayout,
  key: RecordKey,
  rows: readonly number[],
): Error {
  const field = keyField(layout);
  const header = (layout.columns as Record<string, { header: string }>)[field]?.header ?? field;
  const params = { table: layout.table, header, value: shown(key[field]), rows: rows.join(', ') };
  return new Error(t(message, params));
}

/** A key value as the user typed or sees it, for a message. */
function shown(value: FormValue | CellInput | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDate(value);
  return typeof value === 'object' ? value.join('; ') : String(value).trim();
}

/** A value as compared: form text and typed values alike, folded, lists in their order. */
function keyText(value: FormValue | CellInput | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDate(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return foldText(value);
  return value.map(foldText).join('; ');
}
