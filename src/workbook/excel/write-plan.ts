import { t } from '../../domain/messages.js';
import type { TableRow } from './table-rows.js';

// How an action's writes are cut into requests: each under the payload limit (Excel on the web
// refuses requests over 5 MB), so the number of context.sync() calls grows with the bytes
// written, never with the number of rows or tables. The tables of one action share the plan, so
// a persona and its needs travel in one request. Rows that follow each other on the sheet share
// one range write.

// What one queued operation (its object path, method name, ids) adds to a request, roughly.
export const OP_OVERHEAD = 300;
// A request's own operations (suspending calculation and screen updating).
const REQUEST_OVERHEAD = 2 * OP_OVERHEAD;
// A table's share of a request: finding the table, lifting and restoring its sheet's protection.
const PART_OVERHEAD = 3 * OP_OVERHEAD;
// A range write: the body range, its cell and resize, then formats and values.
const BLOCK_OVERHEAD = 2 * OP_OVERHEAD;

/** A table-wide row and where it goes: its 0-based row in the table's body. */
export interface PlacedRow {
  at: number;
  row: TableRow;
}

/** What the plan needs to know of one table's write. */
export interface TableRows {
  rows: readonly PlacedRow[];
  /** Body rows the table spans before the write. */
  bodyRows: number;
  /** Payload of one blank table-wide row (what growing the table sends per row). */
  blankRowBytes: number;
  /** The table's rows after the written ones are emptied (a replace). */
  clears: boolean;
}

/** Consecutive rows written as one range, from body row `at`. */
export interface Block {
  at: number;
  rows: TableRow[];
}

/** What one request does to one table: `table` is its index in planRequests' input. */
export interface TablePart {
  table: number;
  /** Blank body rows to add at the table's end before the blocks are written. */
  grow: number;
  blocks: Block[];
  /** Empty the table's rows after the written ones, after the blocks. */
  clear: boolean;
}

/** What one context.sync() sends. */
export interface Request {
  parts: TablePart[];
  bytes: number;
}

/** Cuts the tables' rows into requests of at most `max` bytes; throws when one row alone is too big. */
export function planRequests(tables: readonly TableRows[], max: number): Request[] {
  const requests: Request[] = [];
  tables.forEach((table, index) => {
    let body = table.bodyRows;
    table.rows.forEach(({ at, row }, i) => {
      // Rows past the table's end make it grow first, with blank rows (written after their formats).
      const grow = Math.max(0, at + 1 - body);
      const cost = row.bytes + grow * table.blankRowBytes;
      if (REQUEST_OVERHEAD + PART_OVERHEAD + BLOCK_OVERHEAD + cost > max) {
        throw new Error(t('excel.row-too-large', { row: i + 1, size: `${cost} bytes` }));
      }
      const [request, part] = partWithRoom(requests, index, BLOCK_OVERHEAD + cost, max);
      const last = part.blocks.at(-1);
      if (last !== undefined && last.at + last.rows.length === at) {
        last.rows.push(row);
        request.bytes += cost;
      } else {
        part.blocks.push({ at, rows: [row] });
        request.bytes += BLOCK_OVERHEAD + cost;
      }
      part.grow += grow;
      body += grow;
    });
    // An empty replace still has to empty the table: then the clear is the table's only part.
    if (table.clears) {
      const [request, part] = partWithRoom(requests, index, OP_OVERHEAD, max);
      part.clear = true;
      request.bytes += OP_OVERHEAD;
    }
  });
  return requests;
}

/**
 * The table's part of the last request, added when missing; a new request when `bytes` more
 * would not fit. Tables are planned one after the other, so only the last part can be theirs.
 */
function partWithRoom(
  requests: Request[],
  table: number,
  bytes: number,
  max: number,
): [Request, TablePart] {
  let request = requests.at(-1);
  const own = request?.parts.at(-1)?.table === table;
  if (request === undefined || request.bytes + (own ? 0 : PART_OVERHEAD) + bytes > max) {
    request = { parts: [], bytes: REQUEST_OVERHEAD };
    requests.push(request);
  }
  const last = request.parts.at(-1);
  if (last?.table === table) return [request, last];
  const part: TablePart = { table, grow: 0, blocks: [], clear: false };
  request.parts.push(part);
  request.bytes += PART_OVERHEAD;
  return [request, part];
}
