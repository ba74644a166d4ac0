import { columnLetters } from '../../domain/address.js';
import { fitCellText } from '../../domain/cell-limit.js';
import { LIST_SEPARATOR } from '../../domain/rows.js';
import { charsPerLine, fittedHeight, HEADER_FILL, LINE_HEIGHT } from './help-sheet.js';
import type { CellStyle } from './xlsx-styles.js';
import type {
  CellValue,
  ConditionalFormat,
  SheetCell,
  SheetPart,
  SheetRow,
  TablePart,
} from './xlsx-stream.js';

// The building blocks of the overview's sheets: an Excel table at a given cell with a styled
// header row, widths that fit what is in it and row heights for wrapped text, headings and notes.
// A SheetBuilder gathers them and hands the streaming writer (xlsx-stream.ts) the sheet's rows in
// order, made only as they are written. Every value that comes from data passes through
// cellValue, which only ever gives a string, a number, a date or null; the writer writes text as
// an inline string, so data can never become a formula.

export type Out = CellValue;

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
  /** The header wraps at every space, so the column is only as wide as its values need. */
  narrowHeader?: boolean;
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
  /** What one body cell (by row and column index) has beside its column's style. */
  cellStyle?: (row: number, col: number) => CellStyle | undefined;
}

export interface SheetOptions {
  /** Rows (from the top) and columns (from the left) that stay in view. */
  frozenRows: number;
  frozenCols?: number;
  /** Print the whole sheet on one page (the summary sheets). */
  onePage?: boolean;
}

/**
 * The cells Excel for Windows shows at 100 % on a 1366 × 768 screen with the ribbon open, in
 * pixels: 768 less the taskbar (40), title bar (31), ribbon (120), formula bar (23), column
 * letters (20), sheet tabs (25) and status bar (22); 1366 less the row numbers (25) and the
 * scroll bar (17).
 */
const SCREEN = { height: 487, width: 1324 };
/** Excel's row height when none is set (sheetFormatPr), in points. */
const DEFAULT_ROW_HEIGHT = 15;
/** Below this zoom text is too small to read: a sheet that needs less scrolls instead. */
const MIN_ZOOM = 60;

const MIN_WIDTH = 6;
/**
 * The widest sheet (in characters, its columns together) that is shrunk to one A4 landscape
 * page wide: about 1.5 times what fits at full size, so its text stays at two thirds or more.
 */
const FIT_WIDTH = 230;
/** The print scale (percent) of a wider sheet: about 170 characters on a page, 8 pt text. */
const WIDE_SCALE = 70;
const DEFAULT_MAX_WIDTH = 40;
/** The longest header that stays on one line; longer headers wrap in the header row. */
const HEADER_LINE = 16;
/** Room for the filter button at the right of a header cell. */
const FILTER_BUTTON = 3;
const DATE_WIDTH = 10;
const DATETIME_WIDTH = 16;

/**
 * White bold on the table colour, left-aligned: Excel draws the filter button over the right end
 * of a header cell, so a right-aligned header would hide under it.
 */
const HEADER_STYLE: CellStyle = {
  bold: { size: 11, argb: 'FFFFFFFF' },
  fill: HEADER_FILL,
  vertical: 'middle',
  wrap: true,
};
const LINE_STYLE: CellStyle = { vertical: 'top', wrap: true };

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

/** A text broken at spaces into lines that fit the width of these columns together. */
function wrapToWidth(text: string, widths: readonly number[]): string[] {
  const perLine = charsPerLine(widths.reduce((a, b) => a + b, 0));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/** How many characters a value needs on one line. */
function valueWidth(v: Out, numFmt: string | undefined): number {
  if (v === null) return 0;
  if (v instanceof Date) return numFmt?.includes('h') ? DATETIME_WIDTH : DATE_WIDTH;
  if (typeof v === 'number') return String(Math.round(v * 100) / 100).length + 2;
  return longestLine(v);
}

/** The length of a text's longest line (most texts have one: no split, no garbage). */
function longestLine(text: string): number {
  if (!text.includes('\n')) return text.length;
  return Math.max(...text.split('\n').map((line) => line.length));
}

/** The width a column needs for its header and values, within its bounds. */
export function fitWidth(column: OutColumn, values: Iterable<Out>): number {
  if (column.width !== undefined) return column.width;
  const longestWord = Math.max(0, ...column.header.split(/\s+/).map((w) => w.length));
  const line = column.narrowHeader ? 0 : Math.min(column.header.length, HEADER_LINE);
  const header = Math.max(longestWord, line) + FILTER_BUTTON;
  const most = column.maxWidth ?? DEFAULT_MAX_WIDTH;
  let widest = header;
  for (const v of values) {
    widest = Math.max(widest, valueWidth(v, column.numFmt));
    // At the column's maximum no later value changes the width.
    if (widest + 2 >= most) break;
  }
  return Math.min(most, Math.max(MIN_WIDTH, widest + 2));
}

/** The widths of a table's columns, fitted to its header and values. */
export function tableWidths(block: Pick<TableBlock, 'columns' | 'rows'>): number[] {
  return block.columns.map((c, i) => fitWidth(c, columnValues(block.rows, i)));
}

function* columnValues(rows: readonly Out[][], i: number): Generator<Out> {
  for (const r of rows) yield r[i] ?? null;
}

/** Whether a text of column i is longer than fits on one line of the given width. */
function tooWide(rows: readonly Out[][], i: number, width: number): boolean {
  return rows.some((r) => {
    const v = r[i];
    return typeof v === 'string' && longestLine(v) > width;
  });
}

/** The height of a header row whose texts wrap within the widths. */
export function headerHeight(columns: readonly OutColumn[], widths: readonly number[]): number {
  return fittedHeight(
    columns.map((c) => c.header),
    widths.map((w) => Math.max(1, w - FILTER_BUTTON)),
  );
}

/** A table as placed on its sheet: its widths, header height and its columns' body styles. */
interface PlacedTable {
  block: TableBlock;
  rows: Out[][];
  widths: readonly number[];
  headerHeight: number;
  styles: CellStyle[];
  /** Per column, whether its text wraps. */
  wraps: boolean[];
}

/** One sheet of the overview: tables, loose cells (headings, notes, totals), widths, formats. */
export class SheetBuilder {
  private readonly cells = new Map<number, SheetCell[]>();
  private readonly heights = new Map<number, number>();
  private readonly tables: PlacedTable[] = [];
  private readonly widths: number[] = [];
  private readonly merges: string[] = [];
  private readonly conditional: ConditionalFormat[] = [];
  /** The last row that must be in view when the sheet opens (fitScreen). */
  private screenRows: number | null = null;

  constructor(
    private readonly name: string,
    private readonly o: SheetOptions,
  ) {}

  width(col: number, w: number): void {
    for (let c = this.widths.length; c < col - 1; c++) this.widths[c] = MIN_WIDTH;
    this.widths[col - 1] = w;
  }

  cell(row: number, col: number, value: Out, style?: CellStyle): void {
    const cells = this.cells.get(row) ?? [];
    cells.push({ col, value, ...(style ? { style } : {}) });
    this.cells.set(row, cells);
  }

  height(row: number, points: number): void {
    this.heights.set(row, points);
  }

  /**
   * Opens at the largest zoom (a multiple of 5, at most 100 %) that shows rows 1 to `lastRow`
   * and every column on one 1366 × 768 screen: however long what the rows hold.
   */
  fitScreen(lastRow: number): void {
    this.screenRows = lastRow;
  }

  private zoom(): number | null {
    if (this.screenRows === null) return null;
    const heights = new Map([...this.rows()].map((r) => [r.row, r.height]));
    let high = 0;
    for (let r = 1; r <= this.screenRows; r++) {
      high += Math.ceil(((heights.get(r) ?? DEFAULT_ROW_HEIGHT) * 4) / 3);
    }
    const wide = this.widths.reduce((sum, w) => sum + Math.trunc(w * 7 + 5), 0);
    const fit = Math.min(100, (100 * SCREEN.height) / high, (100 * SCREEN.width) / wide);
    return Math.max(MIN_ZOOM, Math.floor(fit / 5) * 5);
  }

  addConditionalFormatting(cf: ConditionalFormat): void {
    this.conditional.push(cf);
  }

  /**
   * Adds a table at block.row/col and sets its columns' widths: the fitted ones, or `widths` when
   * tables share the sheet's columns. Returns the last row the table uses.
   */
  addTable(
    block: TableBlock,
    widths: readonly number[] = tableWidths(block),
    headerRowHeight: number = headerHeight(block.columns, widths),
  ): number {
    const { columns } = block;
    // A table needs at least one body row.
    const rows = block.rows.length > 0 ? block.rows : [columns.map(() => null)];
    columns.forEach((_, i) => this.width(block.col + i, widths[i] ?? MIN_WIDTH));
    // A column wraps its text when asked to, or when some text is wider than the column.
    const wraps = columns.map(
      (c, i) => c.wrap === true || tooWide(rows, i, (widths[i] ?? MIN_WIDTH) - 1),
    );
    const styles = columns.map((c, i): CellStyle => ({
      ...(c.numFmt ? { numFmt: c.numFmt } : {}),
      vertical: 'top',
      ...(wraps[i] ? { wrap: true } : {}),
      ...(c.right ? { horizontal: 'right' as const } : {}),
    }));
    this.tables.push({
      block,
      rows,
      widths,
      headerHeight: headerRowHeight,
      styles,
      wraps,
    });
    return block.row + rows.length;
  }

  /** A bold title line and explanation lines above a sheet's tables; returns the next free row. */
  addHeading(title: string, lines: readonly string[], widths: readonly number[]): number {
    this.cell(1, 1, cellValue(title), { bold: { size: 14 } });
    this.height(1, 24);
    this.addLines(2, lines, widths);
    return lines.length + 3;
  }

  /**
   * A bold title and the notes under a sheet's tables; nothing when there are none. One row of
   * the usual height per line, so what stands beside the notes keeps its rows even: each note is
   * broken at spaces to the columns it may use at its row (`widthsAt`: fewer beside another
   * table, all of them below it) and merged across them. Returns the row after the last line.
   */
  addNotes(
    row: number,
    title: string,
    texts: readonly string[],
    widthsAt: (row: number) => readonly number[],
  ): number {
    if (texts.length === 0) return row;
    this.cell(row, 1, cellValue(title), { bold: { size: 12 } });
    let r = row + 1;
    for (const text of texts) {
      const widths = widthsAt(r);
      for (const line of wrapToWidth(text, widths)) this.addLines(r++, [line], widths);
    }
    return r;
  }

  /** Lines of text from a row down, each merged across the columns and wrapped. */
  private addLines(row: number, lines: readonly string[], widths: readonly number[]): void {
    const lastCol = Math.max(1, widths.length);
    const widthSum = widths.reduce((a, b) => a + b, 0);
    lines.forEach((line, i) => {
      const r = row + i;
      if (lastCol > 1) this.merges.push(`A${r}:${columnLetters(lastCol)}${r}`);
      this.cell(r, 1, cellValue(line), LINE_STYLE);
      this.height(r, fittedHeight([line], [widthSum]));
    });
  }

  /** The sheet for the writer; its rows are made as they are written. */
  part(): SheetPart {
    const frozen = { rows: this.o.frozenRows, cols: this.o.frozenCols ?? 0 };
    const zoom = this.zoom();
    const tables: TablePart[] = this.tables.map((t) => ({
      name: t.block.name,
      row: t.block.row,
      col: t.block.col,
      headers: t.block.columns.map((c) => c.header),
      lastRow: t.block.row + t.rows.length,
      filters: t.block.filters !== false,
    }));
    return {
      name: this.name,
      widths: this.widths,
      frozen,
      ...(zoom === null ? {} : { zoom }),
      print: {
        onePage: this.o.onePage === true,
        titleRow: this.o.frozenRows,
        // Shrunk to one page wide only while its text stays readable; a wider sheet prints
        // on pages side by side, a little smaller than on screen.
        fitWidth: this.widths.reduce((a, b) => a + b, 0) <= FIT_WIDTH,
        scale: WIDE_SCALE,
      },
      rows: this.rows(),
      merges: this.merges,
      conditional: this.conditional,
      tables,
    };
  }

  private *rows(): Generator<SheetRow> {
    const last = Math.max(
      0,
      ...this.cells.keys(),
      ...this.tables.map((t) => t.block.row + t.rows.length),
    );
    for (let r = 1; r <= last; r++) {
      const cells = [...(this.cells.get(r) ?? [])];
      let height = this.heights.get(r);
      for (const t of this.tables) {
        const fitted = tableRow(t, r, cells);
        if (fitted !== undefined) height = fitted;
      }
      if (cells.length === 0 && height === undefined) continue;
      cells.sort((a, b) => a.col - b.col);
      yield { row: r, cells, ...(height === undefined ? {} : { height }) };
    }
  }
}

/** Adds a table's cells of sheet row `r` to `cells`; returns the row's height when it sets one. */
function tableRow(t: PlacedTable, r: number, cells: SheetCell[]): number | undefined {
  const { block } = t;
  if (r === block.row) {
    block.columns.forEach((c, i) =>
      cells.push({ col: block.col + i, value: c.header, style: HEADER_STYLE }),
    );
    return t.headerHeight;
  }
  const index = r - block.row - 1;
  const values = t.rows[index];
  if (values === undefined || index < 0) return undefined;
  t.styles.forEach((style, i) => {
    const extra = block.cellStyle?.(index, i);
    cells.push({
      col: block.col + i,
      value: values[i] ?? null,
      style: extra ? { ...style, ...extra } : style,
    });
  });
  if (!t.wraps.includes(true)) return undefined;
  const texts = values.map((v, i) => (t.wraps[i] && typeof v === 'string' ? v : ''));
  const fitted = fittedHeight(texts, t.widths);
  return fitted > LINE_HEIGHT ? fitted : undefined;
}
