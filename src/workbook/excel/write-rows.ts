/// <reference types="office-js" />
import type { ColumnType } from '../../domain/columns.js';
import { needsTextGuard } from '../../domain/formula-injection.js';
import type { ExcelTable, TableLayout } from './read-table.js';
import { t } from '../../domain/messages.js';
import { rowCells, type CellInput, type RowInput } from '../../domain/rows.js';
import { syncWithTimeout } from './sync-timeout.js';

// Writes records into a layout's table in the workbook open in Excel. The rules (DESIGN §5):
// whole 2-D arrays, one context.sync() per action while the request fits, otherwise one per
// chunk with chunks sized by their payload (Excel on the web refuses requests over 5 MB), text
// format set before the values so "=1+1" typed in a form stays text, and calculation and
// screen updating suspended while a big write runs. The geometry comes from a readTable() of
// the same action, so a write never needs a sync of its own to find where to go.

/** Under Excel on the web's 5 MB limit, with room for the request's own envelope. */
export const DEFAULT_MAX_PAYLOAD = 4_000_000;
/** From this many rows a write suspends calculation and screen updating. */
export const BIG_WRITE_ROWS = 500;
// What one queued operation (its object path, method name, ids) adds to a request, roughly.
const OP_OVERHEAD = 300;

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

/** Adds the records after the table's last non-empty row, growing the table when needed. */
export function appendRows(
  context: Excel.RequestContext,
  layout: TableLayout,
  table: ExcelTable,
  rows: readonly RowInput[],
  options: WriteOptions = {},
): Promise<WriteReport> {
  return writeAt(context, layout, table, table.usedRows, rows, false, options);
}

/** Makes the records the table's whole content; rows left over keep their place but are emptied. */
export function replaceRows(
  context: Excel.RequestContext,
  layout: TableLayout,
  table: ExcelTable,
  rows: readonly RowInput[],
  options: WriteOptions = {},
): Promise<WriteReport> {
  return writeAt(context, layout, table, 0, rows, true, options);
}

const TEXT_TYPES: ReadonlySet<ColumnType> = new Set([
  'text',
  'longtext',
  'email',
  'choice',
  'choices',
]);

interface PreparedRow {
  values: (string | number)[];
  formats: string[];
  bytes: number;
}

interface Chunk {
  start: number;
  rows: PreparedRow[];
  /** Body rows the table must grow by before this chunk is written. */
  grow: number;
  bytes: number;
}

async function writeAt(
  context: Excel.RequestContext,
  layout: TableLayout,
  table: ExcelTable,
  at: number,
  records: readonly RowInput[],
  clearRest: boolean,
  options: WriteOptions,
): Promise<WriteReport> {
  const max = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD;
  const columns = Object.values(layout.columns);
  const blankRowBytes = utf8Length(JSON.stringify(columns.map(() => '')));
  const prepared = records.map((r) => prepareRow(layout, r, options.date1904 ?? false));
  const chunks = planChunks(prepared, at, table.bodyRows, blankRowBytes, max);
  const big = records.length >= BIG_WRITE_ROWS || chunks.length > 1;
  const xlTable = context.workbook.tables.getItem(layout.table);
  const app = context.workbook.application;
  let syncs = 0;
  let largest = 0;

  // An empty replace still has to empty the table: one request with only the clear in it.
  const requests: (Chunk | null)[] = chunks.length > 0 ? chunks : clearRest ? [null] : [];
  for (const [i, chunk] of requests.entries()) {
    if (big) {
      app.suspendApiCalculationUntilNextSync();
      // Excel on the web before 1.9 lacks it; the requirement check should have stopped us.
      if (typeof app.suspendScreenUpdatingUntilNextSync === 'function') {
        app.suspendScreenUpdatingUntilNextSync();
      }
    }
    if (chunk !== null) {
      // New table rows are added blank: values may only arrive after their number formats.
      if (chunk.grow > 0) xlTable.rows.add(undefined, columnsBlank(chunk.grow, columns.length));
      const target = xlTable
        .getDataBodyRange()
        .getCell(at + chunk.start, 0)
        .getResizedRange(chunk.rows.length - 1, columns.length - 1);
      target.numberFormat = chunk.rows.map((r) => r.formats);
      target.values = chunk.rows.map((r) => r.values);
      largest = Math.max(largest, chunk.bytes);
    }
    const end = at + records.length;
    if (clearRest && i === requests.length - 1 && end < table.bodyRows) {
      xlTable
        .getDataBodyRange()
        .getCell(end, 0)
        .getResizedRange(table.bodyRows - end - 1, columns.length - 1)
        .clear('Contents');
      largest = Math.max(largest, chunk?.bytes ?? OP_OVERHEAD);
    }
    // One sync per chunk, on purpose: the count is bounded by payload size, not by rows.
    await syncWithTimeout(context, options.timeoutMs);
    syncs++;
  }
  return { rows: records.length, syncs, largestPayload: largest };
}

function prepareRow(layout: TableLayout, record: RowInput, date1904: boolean): PreparedRow {
  const columns = Object.values(layout.columns);
  const values: (string | number)[] = [];
  const formats: string[] = [];
  rowCells(layout, record).forEach((cell, j) => {
    const column = columns[j];
    const text = column !== undefined && TEXT_TYPES.has(column.type);
    const value = toExcelValue(cell, text, date1904);
    values.push(value);
    // Any text that Excel would parse as a formula is guarded, whatever its column.
    const guard = text || (typeof value === 'string' && needsTextGuard(value));
    formats.push(guard ? '@' : (column?.numFmt ?? 'General'));
  });
  const bytes = utf8Length(JSON.stringify(values)) + utf8Length(JSON.stringify(formats));
  return { values, formats, bytes };
}

function toExcelValue(cell: CellInput, text: boolean, date1904: boolean): string | number {
  if (cell === null) return '';
  if (cell instanceof Date) {
    // A wall-clock date (UTC fields) as Excel's serial day; in a text column, as ISO text.
    if (text) return cell.toISOString().slice(0, 10);
    return cell.getTime() / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
  }
  return cell;
}

function planChunks(
  rows: PreparedRow[],
  at: number,
  bodyRows: number,
  blankRowBytes: number,
  max: number,
): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | null = null;
  rows.forEach((row, i) => {
    const grows = at + i >= bodyRows;
    const cost = row.bytes + (grows ? blankRowBytes : 0);
    if (cost + 2 * OP_OVERHEAD > max) {
      throw new Error(t('excel.row-too-large', { row: i + 1, size: `${cost} bytes` }));
    }
    if (current === null || current.bytes + cost > max) {
      current = { start: i, rows: [], grow: 0, bytes: 4 * OP_OVERHEAD };
      chunks.push(current);
    }
    current.rows.push(row);
    current.bytes += cost;
    if (grows) current.grow++;
  });
  return chunks;
}

function columnsBlank(rows: number, cols: number): string[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => ''));
}

const encoder = new TextEncoder();
function utf8Length(s: string): number {
  return encoder.encode(s).length;
}
