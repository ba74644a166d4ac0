import { t } from '../../domain/messages.js';
import type { TableRow } from './table-rows.js';

// How a write is cut into requests: each under the payload limit (Excel on the web refuses
// requests over 5 MB), so the number of context.sync() calls grows with the bytes written, never
// with the number of rows. Rows that follow each other on the sheet share one range write.

// What one queued operation (its object path, method name, ids) adds to a request, roughly.
export const OP_OVERHEAD = 300;
// A request's own operations (suspending calculation and screen updating, protection).
const REQUEST_OVERHEAD = 2 * OP_OVERHEAD;
// A range write: the body range, its cell and resize, then formats and values.
const BLOCK_OVERHEAD = 2 * OP_OVERHEAD;

/** A table-wide row and where it goes: its 0-based row in the table's body. */
export interface PlacedRow {
  at: number;
  row: TableRow;
}

/** Consecutive rows written as one range, from body row `at`. */
export interface Block {
  at: number;
  rows: TableRow[];
}

/** What one context.sync() sends. */
export interface Request {
  /** Blank body rows to add at the table's end before the blocks are written. */
  grow: number;
  blocks: Block[];
  bytes: number;
}

/** Cuts the rows into requests of at most `max` bytes; throws when one row alone is too big. */
export function planRequests(
  rows: readonly PlacedRow[],
  bodyRows: number,
  blankRowBytes: number,
  max: number,
): Request[] {
  const requests: Request[] = [];
  let current: Request | null = null;
  let body = bodyRows;
  rows.forEach(({ at, row }, i) => {
    // Rows past the table's end make it grow first, with blank rows (written after their formats).
    const grow = Math.max(0, at + 1 - body);
    const cost = row.bytes + grow * blankRowBytes;
    if (REQUEST_OVERHEAD + BLOCK_OVERHEAD + cost > max) {
      throw new Error(t('excel.row-too-large', { row: i + 1, size: `${cost} bytes` }));
    }
    if (current === null || current.bytes + BLOCK_OVERHEAD + cost > max) {
      current = { grow: 0, blocks: [], bytes: REQUEST_OVERHEAD };
      requests.push(current);
    }
    const last = current.blocks.at(-1);
    if (last !== undefined && last.at + last.rows.length === at) {
      last.rows.push(row);
      current.bytes += cost;
    } else {
      current.blocks.push({ at, rows: [row] });
      current.bytes += BLOCK_OVERHEAD + cost;
    }
    current.grow += grow;
    body += grow;
  });
  return requests;
}
