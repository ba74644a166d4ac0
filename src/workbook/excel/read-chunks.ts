/// <reference types="office-js" />
import {
  isItemNotFound,
  missingMessage,
  tableOf,
  type ExcelTable,
  type ReadOptions,
  type TableLayout,
} from './read-table.js';
import { t } from '../../domain/messages.js';
import { syncWithTimeout } from './sync-timeout.js';
import { jsonBytes } from './table-rows.js';

// Reads tables in slices of rows so that no response exceeds Excel on the web's 5 MB limit (a
// whole 10,000-row table of long texts is one 9 MB response, which Excel on the web refuses).
// The first slice of each table travels with the table's shape, so a workbook of small tables
// is still read in one request; the rest go in requests sized by the largest row seen so far,
// the tables sharing each request. Office.js cannot tell a range's size in bytes before reading
// it, hence the estimate from what was read; should rows further down be much longer, Excel on
// the web refuses the response and the slices are asked again with a doubled estimate.

/** Under Excel on the web's 5 MB limit, with room for the response's own envelope. */
export const MAX_RESPONSE_BYTES = 4_000_000;
/**
 * What a row is taken to weigh before any is read: a persona of long texts is about 1 kB of
 * values and 0.2 kB of number formats. It sizes the first slices only; later ones are measured.
 */
export const ASSUMED_ROW_BYTES = 1_500;
/** Rows still to read may be longer than the largest read so far (P999, then P1000): 10 % more. */
const RESPONSE_TOO_LARGE = 'ResponsePayloadSizeLimitExceeded';
const HEADROOM = 1.1;

/** Tables as read, and the round trips the reading took. */
export interface TablesRead {
  tables: ExcelTable[];
  syncs: number;
}

/** Reads the layouts' tables on their own: one request for small tables, more as bytes need. */
export async function readTables(
  context: Excel.RequestContext,
  layouts: readonly TableLayout[],
  options: ReadOptions = {},
): Promise<TablesRead> {
  const max = options.maxResponseBytes;
  let first: { queued: ChunkedTable[]; syncs: number };
  try {
    first = await firstRequest(context, layouts, options.timeoutMs, (rows) =>
      queueChunkedTables(context, layouts, max, rows),
    );
  } catch (err) {
    if (isItemNotFound(err)) throw new Error(missingMessage(layouts));
    throw err;
  }
  const rest = await readChunks(context, first.queued, options);
  return { tables: rest.tables, syncs: rest.syncs + first.syncs };
}

/**
 * Queues (with `queue`) and syncs a read's first request: the tables' shapes and first slices,
 * with what else shares it. Should Excel on the web refuse it for its size, it is queued again
 * with first slices of one row each, the rest then following in readChunks().
 */
export async function firstRequest<T>(
  context: Excel.RequestContext,
  layouts: readonly TableLayout[],
  timeoutMs: number | undefined,
  queue: (firstRows: number | undefined) => T,
): Promise<{ queued: T; syncs: number }> {
  const queued = queue(undefined);
  if (await synced(context, timeoutMs)) return { queued, syncs: 1 };
  const again = queue(1);
  if (await synced(context, timeoutMs)) return { queued: again, syncs: 2 };
  throw new Error(tooLarge(layouts));
}

/** One table's loads, queued on a request context; read on with readChunks() after its sync. */
export interface ChunkedTable {
  layout: TableLayout;
  header: Excel.Range;
  body: Excel.Range;
  worksheet: Excel.Worksheet;
  /** Loaded slices of the body (values, numberFormat), top to bottom. */
  slices: Excel.Range[];
}

/**
 * Queues the tables' shapes and first rows, to share one sync with other loads: the first
 * slices together are estimated to fit in one response (a fresh workbook's blank template rows
 * all fit).
 */
export function queueChunkedTables(
  context: Excel.RequestContext,
  layouts: readonly TableLayout[],
  maxResponseBytes = MAX_RESPONSE_BYTES,
  firstRows = Math.max(1, Math.floor(maxResponseBytes / (layouts.length * ASSUMED_ROW_BYTES))),
): ChunkedTable[] {
  return layouts.map((layout) => queueChunkedTable(context, layout, firstRows));
}

function queueChunkedTable(
  context: Excel.RequestContext,
  layout: TableLayout,
  firstRows: number,
): ChunkedTable {
  const table = context.workbook.tables.getItem(layout.table);
  const body = table.getDataBodyRange().load('rowIndex,columnIndex,rowCount');
  // Cut to the body: a table shorter than the first slice must not read the cells below it.
  const first = body.getIntersection(body.getRow(0).getResizedRange(firstRows - 1, 0));
  return {
    layout,
    header: table.getHeaderRowRange().load('values,columnIndex'),
    body,
    // Writes into a protected (read-only copy) sheet must lift its protection first.
    worksheet: table.worksheet.load('name,protection/protected'),
    slices: [first.load('values,numberFormat')],
  };
}

/** Reads the rest of the queued tables, after the sync that loaded their shapes and first rows. */
export async function readChunks(
  context: Excel.RequestContext,
  tables: readonly ChunkedTable[],
  options: ReadOptions = {},
): Promise<TablesRead> {
  const max = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const cursors = tables.map((table) => ({
    table,
    next: table.slices[0]!.values.length,
    rowBytes: estimate(table.slices[0]!),
  }));
  let syncs = 0;
  for (;;) {
    const queued = queueRequest(cursors, max);
    if (queued.length === 0) break;
    syncs++;
    if (!(await synced(context, options.timeoutMs))) {
      giveBack(queued);
      continue;
    }
    for (const { cursor, slice } of queued) {
      cursor.rowBytes = Math.max(cursor.rowBytes, estimate(slice));
    }
  }
  return { tables: tables.map((t) => tableOf(cellsOf(t), options.date1904 ?? false)), syncs };
}

interface Cursor {
  table: ChunkedTable;
  /** The body row the next slice starts at. */
  next: number;
  /** The estimate of every row still to read, from the largest read so far. */
  rowBytes: number;
}

interface Queued {
  cursor: Cursor;
  slice: Excel.Range;
  rows: number;
}

/**
 * Syncs; false when Excel on the web refused the response for its size. The estimate comes from
 * the rows read so far, and rows further down may be longer (short rows, then long stories).
 */
async function synced(context: Excel.RequestContext, timeoutMs: number | undefined) {
  try {
    await syncWithTimeout(context, timeoutMs);
    return true;
  } catch (err) {
    if ((err as { code?: unknown } | null)?.code === RESPONSE_TOO_LARGE) return false;
    throw err;
  }
}

/** Undoes a refused request: its slices are asked again with twice the estimate per row. */
function giveBack(queued: readonly Queued[]): void {
  const [only] = queued;
  if (queued.length === 1 && only?.rows === 1) {
    throw new Error(
      t('excel.row-too-large', { row: only.cursor.next, table: only.cursor.table.layout.table }),
    );
  }
  for (const { cursor, rows } of [...queued].reverse()) {
    cursor.table.slices.pop();
    cursor.next -= rows;
    cursor.rowBytes *= 2;
  }
}

function tooLarge(layouts: readonly TableLayout[]): string {
  const tables = layouts.map((l) => t('excel.table-on-sheet', { table: l.table, sheet: l.sheet }));
  return t('excel.read-too-large', { tables: tables.join(', ') });
}

/** Queues the next slices of the tables while their estimate fits in one response. */
function queueRequest(cursors: Cursor[], max: number): Queued[] {
  const queued: Queued[] = [];
  let room = max;
  for (const cursor of cursors) {
    const left = cursor.table.body.rowCount - cursor.next;
    if (left === 0) continue;
    // A row larger than the limit alone still has to be read: as the only row of its request.
    const fit = Math.floor(room / cursor.rowBytes);
    const rows = Math.min(left, fit === 0 && queued.length === 0 ? 1 : fit);
    if (rows === 0) break;
    const { body, slices } = cursor.table;
    const slice = body
      .getRow(cursor.next)
      .getResizedRange(rows - 1, 0)
      .load('values,numberFormat');
    slices.push(slice);
    queued.push({ cursor, slice, rows });
    cursor.next += rows;
    room -= rows * cursor.rowBytes;
  }
  return queued;
}

/** Bytes of a slice's largest row as it travels (values and number formats as JSON, with their
 * separators), plus headroom. */
function estimate(slice: Excel.Range): number {
  const formats: unknown[][] = slice.numberFormat;
  let largest = 1;
  slice.values.forEach((values: unknown[], i) => {
    largest = Math.max(largest, jsonBytes(values) + jsonBytes(formats[i]) + 2);
  });
  return Math.ceil(largest * HEADROOM);
}

function cellsOf({ layout, header, body, worksheet, slices }: ChunkedTable) {
  return {
    layout,
    header,
    worksheet,
    rowIndex: body.rowIndex,
    columnIndex: body.columnIndex,
    values: slices.flatMap((s) => s.values),
    formats: slices.flatMap((s): unknown[][] => s.numberFormat),
  };
}
