/// <reference types="office-js" />
import { t } from '../../domain/messages.js';
import type { RowInput } from '../../domain/rows.js';
import type { RowUpdate } from '../../domain/workbook-host.js';
import { liftProtection } from './protection.js';
import type { ExcelTable, TableLayout } from './read-table.js';
import { syncWithTimeout } from './sync-timeout.js';
import { jsonBytes, tableRows, tableWidth } from './table-rows.js';
import { OP_OVERHEAD, planRequests, type PlacedRow, type Request } from './write-plan.js';

// Writes records into a layout's table in the workbook open in Excel. The rules (DESIGN §5):
// whole 2-D arrays, one context.sync() per action while the request fits, otherwise one per
// chunk with chunks sized by their payload (write-plan.ts), text format set before the values
// so "=1+1" typed in a form stays text, and calculation and screen updating suspended while a
// big write runs. Values go under their headers across the table's width (table-rows.ts), so
// reordered, added or upgraded columns are honoured and a user's own columns stay as they are.
// The geometry comes from a readTable() of the same action, so a write never needs a sync of
// its own to find where to go.

/** Under Excel on the web's 5 MB limit, with room for the request's own envelope. */
export const DEFAULT_MAX_PAYLOAD = 4_000_000;
/** From this many rows a write suspends calculation and screen updating. */
export const BIG_WRITE_ROWS = 500;

export interface WriteOptions {
  maxPayloadBytes?: number;
  timeoutMs?: number;
  date1904?: boolean;
}

export interface WriteReport {
  rows: number;
  syncs: number;
  /** Estimated size of the largest request (JSON of its arrays plus operation overhead). */
  largestPayload: number;
}

/**
 * What appendRows, replaceRows and updateRows share: rows of type R written into a read table.
 * They are async so that a refusal (a missing column, a row outside the table) rejects.
 */
export type TableWriter<R> = (
  context: Excel.RequestContext,
  layout: TableLayout,
  table: ExcelTable,
  rows: readonly R[],
  options?: WriteOptions,
) => Promise<WriteReport>;

/** Adds the records after the table's last non-empty row, growing the table when needed. */
export async function appendRows(
  context: Excel.RequestContext,
  layout: TableLayout,
  table: ExcelTable,
  records: readonly RowInput[],
  options: WriteOptions = {},
): Promise<WriteReport> {
  const rows = tableRows(layout, table, records, options.date1904 ?? false);
  const placed = rows.map((row, i) => ({ at: table.usedRows + i, row }));
  return write(context, layout, table, placed, null, options);
}

/**
 * Makes the records the table's whole content; rows left over keep their place but are emptied.
 * Written rows leave a user's own columns as they are, like every write; the emptying of the
 * leftover rows, though, clears the table's full width, those columns included. That is meant
 * for the read-only copies (Aanbod, Tijdlijn) only, whose rows all come from another file.
 */
export async function replaceRows(
  context: Excel.RequestContext,
  layout: TableLayout,
  table: ExcelTable,
  records: readonly RowInput[],
  options: WriteOptions = {},
): Promise<WriteReport> {
  const rows = tableRows(layout, table, records, options.date1904 ?? false);
  const placed = rows.map((row, i) => ({ at: i, row }));
  return write(context, layout, table, placed, records.length, options);
}

/** Overwrites the layout's cells of existing rows (by sheet row); other columns keep their values. */
export async function updateRows(
  context: Excel.RequestContext,
  layout: TableLayout,
  table: ExcelTable,
  updates: readonly RowUpdate[],
  options: WriteOptions = {},
): Promise<WriteReport> {
  // Checked before anything is queued: a refused update writes nothing at all.
  const at = updates.map((u) => bodyRowOf(layout, table, u.row));
  const records = updates.map((u) => u.values);
  const rows = tableRows(layout, table, records, options.date1904 ?? false);
  const placed = rows.map((row, i) => ({ at: at[i]!, row }));
  return write(context, layout, table, placed, null, options);
}

/** The 0-based body row of a sheet row; a row outside the table's body is refused. */
function bodyRowOf(layout: TableLayout, table: ExcelTable, row: number): number {
  const at = row - table.firstRow;
  if (!Number.isInteger(row) || at < 0 || at >= table.bodyRows) {
    const params = { row, table: layout.table, sheet: table.sheet.name };
    throw new Error(t('excel.row-outside-table', params));
  }
  return at;
}

/** Writes the rows where they are placed and, from body row `clearFrom` on, empties the rest. */
async function write(
  context: Excel.RequestContext,
  layout: TableLayout,
  table: ExcelTable,
  rows: readonly PlacedRow[],
  clearFrom: number | null,
  options: WriteOptions,
): Promise<WriteReport> {
  const width = tableWidth(table);
  const max = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD;
  const blankRowBytes = jsonBytes(blankRows(1, width));
  const requests = planRequests(rows, table.bodyRows, blankRowBytes, max);
  const clears = clearFrom !== null && clearFrom < table.bodyRows;
  // An empty replace still has to empty the table: one request with only the clear in it.
  if (requests.length === 0 && clears) requests.push({ grow: 0, blocks: [], bytes: OP_OVERHEAD });
  const big = rows.length >= BIG_WRITE_ROWS || requests.length > 1;
  const xlTable = context.workbook.tables.getItem(layout.table);
  let largest = 0;

  for (const [i, request] of requests.entries()) {
    const sheet = table.protected ? context.workbook.worksheets.getItem(table.sheet.name) : null;
    const protection = sheet === null ? null : liftProtection(sheet);
    if (big) suspendUpdating(context);
    queueRequest(xlTable, request, width);
    if (clears && i === requests.length - 1) {
      xlTable
        .getDataBodyRange()
        .getCell(clearFrom, 0)
        .getResizedRange(table.bodyRows - clearFrom - 1, width - 1)
        .clear('Contents');
    }
    protection?.restore();
    largest = Math.max(largest, request.bytes);
    // One sync per request, on purpose: the count is bounded by payload size, not by rows.
    await syncWithTimeout(context, options.timeoutMs);
  }
  return { rows: rows.length, syncs: requests.length, largestPayload: largest };
}

/** Queues a request's growth and range writes, formats before values. */
function queueRequest(xlTable: Excel.Table, request: Request, width: number): void {
  // New table rows are added blank: values may only arrive after their number formats.
  if (request.grow > 0) xlTable.rows.add(undefined, blankRows(request.grow, width));
  for (const block of request.blocks) {
    const target = xlTable
      .getDataBodyRange()
      .getCell(block.at, 0)
      .getResizedRange(block.rows.length - 1, width - 1);
    target.numberFormat = block.rows.map((r) => r.formats);
    target.values = block.rows.map((r) => r.values);
  }
}

function suspendUpdating(context: Excel.RequestContext): void {
  const app = context.workbook.application;
  app.suspendApiCalculationUntilNextSync();
  // Excel on the web before 1.9 lacks it; the requirement check should have stopped us.
  if (typeof app.suspendScreenUpdatingUntilNextSync === 'function') {
    app.suspendScreenUpdatingUntilNextSync();
  }
}

function blankRows(rows: number, cols: number): string[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => ''));
}
