import type ExcelJS from 'exceljs';
import { fitCellText } from '../../domain/cell-limit.js';
import { LIST_SEPARATOR } from '../../domain/rows.js';
import { boldFont, fittedHeight, HEADER_FILL, LINE_HEIGHT } from './help-sheet.js';
import { columnLetters } from '../../domain/address.js';

// The building blocks of the overview's sheets: an Excel table at a given cell with a styled
// header row, widths that fit what is in it and row heights for wrapped text. Every value that
// comes from data passes through cellValue, which only ever gives a string, a number, a date or
// null: exceljs writes a formula only for a {formula} object, so data can never become one.

export type Out = string | number | Date | null;

export interface OutColumn {
  header: string;
  /** Excel number format (dates, thousands); strings need none. */
  numFmt?: string;
  /** Long texts wrap within maxWidth instead of running on. */
  wrap?: boolean;
  /** Widest the column may become (characters); narrower when its values are. */
  maxWidth?: number;
  /** Right-align (numbers shown as text, like "< 5", line up with the numbers). */
  right?: boolean;
  /** A fixed width, ignoring the content. */
  width?: number;
}

export interface TableBlock {
  /** Workbook-unique table name (letters, digits, underscore). */
  name: string;
  /** Top-left cell of the header row, 1-based. */
  row: number;
  col: number;
  columns: OutColumn[];
  rows: Out[][];
  /** Filter buttons in the header (default true). */
  filters?: boolean;
}

const TABLE_STYLE = 'TableStyleMedium2';
const MIN_WIDTH = 6;
const DEFAULT_MAX_WIDTH = 40;
/** The longest header that stays on one line; longer headers wrap in the header row. */
const HEADER_LINE = 16;
/** Room for the filter button at the right of a header cell. */
const FILTER_BUTTON = 3;
const DATE_WIDTH = 10;
const DATETIME_WIDTH = 16;

/** A value from data as a cell may hold it: never an object, so never a formula. */
export function cellValue(v: unknown): Out {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return fitCellText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (Array.isArray(v)) {
    const parts = v.map(cellValue).filter((x) => x !== null && x !== '');
    return parts.length === 0 ? null : fitCellText(parts.map(String).join(LIST_SEPARATOR));
  }
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  return fitCellText(String(v));
}

/** How many characters a value needs on one line. */
function valueWidth(v: Out, numFmt: string | undefined): number {
  if (v === null) return 0;
  if (v instanceof Date) return numFmt?.includes('h') ? DATETIME_WIDTH : DATE_WIDTH;
  if (typeof v === 'number') return String(Math.round(v * 100) / 100).length + 2;
  return Math.max(0, ...v.split('\n').map((line) => line.length));
}

/** The width a column needs for its header and values, within its bounds. */
export function fitWidth(column: OutColumn, values: readonly Out[]): number {
  if (column.width !== undefined) return column.width;
  const longestWord = Math.max(0, ...column.header.split(/\s+/).map((w) => w.length));
  const header = Math.max(longestWord, Math.min(column.header.length, HEADER_LINE)) + FILTER_BUTTON;
  let widest = header;
  for (const v of values) widest = Math.max(widest, valueWidth(v, column.numFmt));
  return Math.min(column.maxWidth ?? DEFAULT_MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}

/**
 * White bold on the table colour, left-aligned: Excel draws the filter button over the right end
 * of a header cell, so a right-aligned header would hide under it.
 */
export function headerStyle(): Partial<ExcelJS.Style> {
  return {
    font: boldFont(11, 'FFFFFFFF'),
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } },
    alignment: { wrapText: true, vertical: 'middle' },
  };
}

/** The widths of a table's columns, fitted to its header and values. */
export function tableWidths(block: Pick<TableBlock, 'columns' | 'rows'>): number[] {
  return block.columns.map((c, i) =>
    fitWidth(
      c,
      block.rows.map((r) => r[i] ?? null),
    ),
  );
}

/** The height of a header row whose texts wrap within the widths. */
export function headerHeight(columns: readonly OutColumn[], widths: readonly number[]): number {
  return fittedHeight(
    columns.map((c) => c.header),
    widths.map((w) => Math.max(1, w - FILTER_BUTTON)),
  );
}

/**
 * Adds a table at block.row/col and sets its columns' widths: the fitted ones, or `widths` when
 * tables share the sheet's columns. Returns the last row the table uses.
 */
export function addTable(
  ws: ExcelJS.Worksheet,
  block: TableBlock,
  widths: readonly number[] = tableWidths(block),
  headerRowHeight: number = headerHeight(block.columns, widths),
): number {
  const { columns } = block;
  // exceljs needs at least one data row in a table.
  const rows = block.rows.length > 0 ? block.rows : [columns.map(() => null)];
  columns.forEach((_, i) => (ws.getColumn(block.col + i).width = widths[i] ?? MIN_WIDTH));
  ws.addTable({
    name: block.name,
    displayName: block.name,
    ref: `${columnLetters(block.col)}${block.row}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: columns.map((c) => ({ name: c.header, filterButton: block.filters !== false })),
    rows,
  });
  const header = ws.getRow(block.row);
  columns.forEach((_, i) => (header.getCell(block.col + i).style = headerStyle()));
  header.height = headerRowHeight;
  const wraps = columns.some((c) => c.wrap);
  rows.forEach((values, r) => {
    const row = ws.getRow(block.row + 1 + r);
    // A style object per cell: writers colour or format single cells afterwards, and exceljs
    // changes a cell's style object in place.
    columns.forEach((c, i) => {
      row.getCell(block.col + i).style = {
        ...(c.numFmt ? { numFmt: c.numFmt } : {}),
        alignment: {
          vertical: 'top',
          wrapText: c.wrap === true,
          ...(c.right ? { horizontal: 'right' as const } : {}),
        },
      };
    });
    if (wraps) {
      const texts = values.map((v, i) => (columns[i]?.wrap && typeof v === 'string' ? v : ''));
      const fitted = fittedHeight(texts, widths);
      if (fitted > LINE_HEIGHT) row.height = fitted;
    }
  });
  return block.row + rows.length;
}

/** A bold title line and explanation lines above a sheet's tables; returns the next free row. */
export function addHeading(
  ws: ExcelJS.Worksheet,
  title: string,
  lines: readonly string[],
  widths: readonly number[],
): number {
  const t = ws.getCell(1, 1);
  t.value = cellValue(title);
  t.font = boldFont(14);
  ws.getRow(1).height = 24;
  addLines(ws, 2, lines, widths);
  return lines.length + 3;
}

/** Lines of text from a row down, each merged across the columns and wrapped. */
function addLines(
  ws: ExcelJS.Worksheet,
  row: number,
  lines: readonly string[],
  widths: readonly number[],
): void {
  const lastCol = Math.max(1, widths.length);
  const widthSum = widths.reduce((a, b) => a + b, 0);
  lines.forEach((line, i) => {
    const r = row + i;
    ws.mergeCells(r, 1, r, lastCol);
    const cell = ws.getCell(r, 1);
    cell.value = cellValue(line);
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(r).height = fittedHeight([line], [widthSum]);
  });
}

/**
 * A bold title and one line per note under a sheet's tables, each line merged across the
 * columns and wrapped; nothing when there are no notes.
 */
export function addNotes(
  ws: ExcelJS.Worksheet,
  row: number,
  title: string,
  notes: readonly string[],
  widths: readonly number[],
): void {
  if (notes.length === 0) return;
  const head = ws.getCell(row, 1);
  head.value = cellValue(title);
  head.font = boldFont(12);
  addLines(ws, row + 1, notes, widths);
}
