/// <reference types="office-js" />
import { TEXT_FORMAT } from '../../domain/cell-rules.js';
import { t } from '../../domain/messages.js';
import { META_SHEET, TEMPLATE_VERSION, type WorkbookMeta } from '../../domain/workbook-kinds.js';
import { syncWithTimeout } from './sync-timeout.js';
import { listContents, sheetName, type WorkbookContents } from './workbook-contents.js';

// The very hidden _meta sheet: key/value pairs in columns A and B from row 1, as the exceljs
// builder writes them (kind, version, region, owner) and the readers return them.

/** Queues reading _meta; the returned function gives its pairs after the sync (null if absent). */
export function queueMeta(
  context: Excel.RequestContext,
  contents: WorkbookContents,
): () => Map<string, string> | null {
  const name = sheetName(contents, META_SHEET);
  if (name === null) return () => null;
  const range = context.workbook.worksheets.getItem(name).getUsedRange(true).load('values');
  return () => metaOf(range.values);
}

/** The key/value pairs of _meta's rows (column A and B). */
export function metaOf(values: readonly (readonly unknown[])[]): Map<string, string> {
  const meta = new Map<string, string>();
  for (const row of values) {
    const key = String(row[0] ?? '').trim();
    if (key !== '') meta.set(key, String(row[1] ?? '').trim());
  }
  return meta;
}

/** _meta's rows for a workbook: what it had, with the kind filled in and the current version. */
export function metaRows(
  found: Map<string, string> | null,
  wanted: Omit<WorkbookMeta, 'version'>,
): (string | number)[][] {
  const rows = new Map<string, string | number>(found ?? []);
  // An upgrade keeps the workbook's own region and owner; a new workbook gets the pane's.
  const keep = (key: string, value: string) => {
    if ((rows.get(key) ?? '') === '') rows.set(key, value);
  };
  keep('kind', wanted.kind);
  rows.set('version', TEMPLATE_VERSION);
  keep('region', wanted.region);
  keep('owner', wanted.owner);
  return [...rows].map(([k, v]) => [k, v]);
}

/**
 * Sets _meta pairs in Excel, keeping the other rows: an existing key's value is replaced, a new
 * key is added below. Written as text, so a date stays the text the readers expect.
 */
export async function writeMetaPairs(
  context: Excel.RequestContext,
  pairs: ReadonlyMap<string, string>,
  timeoutMs?: number,
): Promise<void> {
  const contents = await listContents(context, timeoutMs);
  const name = sheetName(contents, META_SHEET);
  if (name === null) throw new Error(t('excel.meta-missing'));
  const sheet = context.workbook.worksheets.getItem(name);
  const used = sheet.getUsedRange(true).load(['values', 'rowIndex']);
  await syncWithTimeout(context, timeoutMs);
  const rowOf = new Map(used.values.map((r, i) => [String(r[0] ?? '').trim(), used.rowIndex + i]));
  let next = used.rowIndex + used.values.length;
  for (const [key, value] of pairs) {
    const range = sheet.getRangeByIndexes(rowOf.get(key) ?? next++, 0, 1, 2);
    range.numberFormat = [[TEXT_FORMAT, TEXT_FORMAT]];
    range.values = [[key, value]];
  }
  await syncWithTimeout(context, timeoutMs);
}
