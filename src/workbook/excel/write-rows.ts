/// <reference types="office-js" />
import { t } from '../../domain/messages.js';
import type { RowInput } from '../../domain/rows.js';
import { placeByKey } from '../../domain/row-by-key.js';
import { recordCount, type TableWrite } from '../../domain/workbook-host.js';
import { liftProtection } from './protection.js';
import { readTables, type TablesRead } from './read-chunks.js';
import type { ExcelTable, ReadOptions, TableLayout } from './read-table.js';
import { syncWithTimeout } from './sync-timeout.js';
import { jsonBytes, tableRows, tableWidth } from './table-rows.js';
import { planRequests, type PlacedRow, type TablePart } from './write-plan.js';

// Writes records into layouts' tables in the workbook open in Excel. The rules (docs/architecture.md §5): an
// action reads all its tables together (one context.sync() while the response fits, more sized by
// bytes: read-chunks.ts) and writes them all in one more while the request fits, otherwise one per
// chunk with chunks sized by their payload (write-plan.ts);
// whole 2-D arrays; text format set before the values so "=1+1" typed in a form stays text;
// calculation suspended while a big write runs, screen updating once per action. Values go under their
// headers across the table's width (table-rows.ts), so reordered, added or upgraded columns are
// honoured and a user's own columns stay as they are. Every row of every table is placed, and
// so checked, before anything is queued: a refusal writes nothing.

/** Under Excel on the web's 5 MB limit, with room for the request's own envelope. */
export const DEFAULT_MAX_PAYLOAD = 4_000_000;
/** From this many rows a write suspends calculation and screen updating. */
export const BIG_WRITE_ROWS = 500;

export interface WriteOptions extends ReadOptions {
  maxPayloadBytes?: number;
}

export interface WriteReport {
  rows: number;
  /** context.sync() calls, the read included. */
  syncs: number;
  /** Estimated size of the largest request (JSON of its arrays plus operation overhead). */
  largestPayload: number;
}

/** One table's rows, placed in the table as read in the same action. */
interface TablePlan {
  layout: TableLayout;
  table: ExcelTable;
  rows: PlacedRow[];
  /** A replace empties the body from this row on; null leaves the other rows as they are. */
  clearFrom: number | null;
}

/**
 * One action's appends and updates over one or more tables: one sync reads them all, one writes
 * them all (more only for a payload over the limit). Updates go to the row holding their key in
 * that read, appends after the table's last non-empty row (growing it when needed) unless a row
 * holds their key already.
 */
export async function writeRecords(
  context: Excel.RequestContext,
  writes: readonly TableWrite[],
  options: WriteOptions = {},
): Promise<WriteReport> {
  // A table without records is neither read nor written; with none at all, no round trip.
  const joined = byTable(writes.filter((w) => recordCount(w) > 0));
  if (joined.length === 0) return { rows: 0, syncs: 0, largestPayload: 0 };
  const read = await readTables(
    context,
    joined.map((w) => w.layout),
    options,
  );
  const { tables } = read;
  const plans = joined.map((w, i) => ({
    layout: w.layout,
    table: tables[i]!,
    rows: placed(w, tables[i]!, options.date1904 ?? false),
    clearFrom: null,
  }));
  return afterRead(read, await writePlans(context, plans, options));
}

/**
 * Makes the records the table's whole content; rows left over keep their place but are emptied.
 * Written rows leave a user's own columns as they are, like every write; the emptying of the
 * leftover rows, though, clears the table's full width, those columns included. That is meant
 * for the read-only copies (Aanbod, Tijdlijn) only, whose rows all come from another file.
 */
export async function replaceRecords(
  context: Excel.RequestContext,
  layout: TableLayout,
  records: readonly RowInput[],
  options: WriteOptions = {},
): Promise<WriteReport> {
  const read = await readTables(context, [layout], options);
  const table = read.tables[0]!;
  const rows = tableRows(layout, table, records, options.date1904 ?? false);
  const plan = { layout, table, rows: rows.map((row, at) => ({ at, row })) };
  return afterRead(
    read,
    await writePlans(context, [{ ...plan, clearFrom: records.length }], options),
  );
}

/** The read's round trips are the action's too. */
function afterRead(read: TablesRead, report: WriteReport): WriteReport {
  return { ...report, syncs: report.syncs + read.syncs };
}

/**
 * Writes to the same table joined into one: their rows are placed against the same reading of
 * the table, so two separate appends would both land on its first free row.
 */
function byTable(writes: readonly TableWrite[]): TableWrite[] {
  const joined = new Map<string, TableWrite>();
  for (const w of writes) {
    const prior = joined.get(w.layout.table);
    joined.set(
      w.layout.table,
      prior === undefined
        ? w
        : {
            layout: w.layout,
            append: [...(prior.append ?? []), ...(w.append ?? [])],
            update: [...(prior.update ?? []), ...(w.update ?? [])],
          },
    );
  }
  return [...joined.values()];
}

/**
 * The write's rows as table-wide rows at their place, found by key in the table as this request
 * read it (a sort or a deleted row since the pane's read moves no write): updates, then appends.
 */
function placed(write: TableWrite, table: ExcelTable, date1904: boolean): PlacedRow[] {
  const { update, append } = placeByKey(table.sheet, write);
  const at = [
    ...update.map((u) => bodyRowOf(write.layout, table, u.row)),
    ...append.map((_, i) => table.usedRows + i),
  ];
  const rows = [
    ...tableRows(
      write.layout,
      table,
      update.map((u) => u.values),
      date1904,
      true,
    ),
    ...tableRows(write.layout, table, append, date1904),
  ];
  return rows.map((row, i) => ({ at: at[i]!, row }));
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

/** Queues the tables' writes into requests cut by payload, one sync per request. */
async function writePlans(
  context: Excel.RequestContext,
  plans: readonly TablePlan[],
  options: WriteOptions,
): Promise<WriteReport> {
  const requests = planRequests(
    plans.map(({ table, rows, clearFrom }) => ({
      rows,
      bodyRows: table.bodyRows,
      blankRowBytes: jsonBytes(blankRows(1, tableWidth(table))),
      clears: clearFrom !== null && clearFrom < table.bodyRows,
    })),
    options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD,
  );
  const rows = plans.reduce((sum, plan) => sum + plan.rows.length, 0);
  const big = rows >= BIG_WRITE_ROWS || requests.length > 1;
  let largest = 0;
  for (const [i, request] of requests.entries()) {
    if (big) suspendUpdating(context, i === 0);
    for (const part of request.parts) queuePart(context, plans[part.table]!, part);
    largest = Math.max(largest, request.bytes);
    // One sync per request, on purpose: the count is bounded by payload size, not by rows.
    await syncWithTimeout(context, options.timeoutMs);
  }
  return { rows, syncs: requests.length, largestPayload: largest };
}

/** Queues a table's growth, range writes (formats before values) and clear within protection. */
function queuePart(context: Excel.RequestContext, plan: TablePlan, part: TablePart): void {
  const { layout, table, clearFrom } = plan;
  const width = tableWidth(table);
  const xlTable = context.workbook.tables.getItem(layout.table);
  const sheet = table.protected ? context.workbook.worksheets.getItem(table.sheet.name) : null;
  const protection = sheet === null ? null : liftProtection(sheet);
  // New table rows are added blank: values may only arrive after their number formats.
  if (part.grow > 0) xlTable.rows.add(undefined, blankRows(part.grow, width));
  for (const block of part.blocks) {
    const target = xlTable
      .getDataBodyRange()
      .getCell(block.at, 0)
      .getResizedRange(block.rows.length - 1, width - 1);
    target.numberFormat = block.rows.map((r) => r.formats);
    target.values = block.rows.map((r) => r.values);
  }
  if (part.clear && clearFrom !== null) {
    xlTable
      .getDataBodyRange()
      .getCell(clearFrom, 0)
      .getResizedRange(table.bodyRows - clearFrom - 1, width - 1)
      .clear('Contents');
  }
  protection?.restore();
}

/**
 * Calculation is suspended for every request; screen updating for the action's first only, as
 * Microsoft asks: repeated calls make the Excel window flicker
 * (learn.microsoft.com/office/dev/add-ins/excel/performance#suspend-screen-updating).
 */
function suspendUpdating(context: Excel.RequestContext, first: boolean): void {
  const app = context.workbook.application;
  app.suspendApiCalculationUntilNextSync();
  // Excel on the web before 1.9 lacks it; the requirement check should have stopped us.
  if (first && typeof app.suspendScreenUpdatingUntilNextSync === 'function') {
    app.suspendScreenUpdatingUntilNextSync();
  }
}

function blankRows(rows: number, cols: number): string[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => ''));
}
