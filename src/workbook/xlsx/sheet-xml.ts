import type { RawSheet } from '../../domain/cells.js';
import { columnOf, rowOf } from '../../domain/address.js';
import { isDateSerial, serialToDate } from '../../domain/normalise.js';
import { fromXstring } from './cell-xml.js';
import { rawSheet } from './raw-sheet.js';
import { readXml, type PartReader } from './xml-parts.js';
import { SHEET_ROWS } from './xml-span-scan.js';

// One worksheet part in one pass (its rows scanned, xml-span-scan.ts, or parsed by SAX): every
// <c> becomes a cell value of the shape exceljs uses (so the domain's one normaliser turns it into
// a Cell), merged children are dropped, and the row and column caps refuse absurd sheets while
// parsing.

export interface SheetContext {
  strings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  maxRows: number;
  maxCols: number;
}

/** A sheet with more rows or columns than the caps allow. */
export class SheetTooLarge extends Error {}

interface CellState {
  col: number;
  type: string;
  style: number;
  value: string;
  inline: string;
  formula: boolean;
}

export function parseSheet(xml: Buffer, name: string, ctx: SheetContext): RawSheet {
  const text = withoutEmptyCells(xml.toString('utf8'), ctx.maxCols);
  return readXml(text, () => sheetReader(name, ctx), SHEET_ROWS);
}

function sheetReader(name: string, ctx: SheetContext): PartReader<RawSheet> {
  const rows = new Map<number, Map<number, unknown>>();
  const merges: string[] = [];
  // The row's cells, made when its first non-empty cell closes: most rows of a template are
  // empty styled cells only.
  let row: Map<number, unknown> | null = null;
  let rowNumber = 0;
  let rowsSeen = 0;
  let lastCol = 0;
  let cell: CellState | null = null;
  let capture: 'value' | 'inline' | null = null;
  let phonetic = 0;

  return {
    open(tag, a) {
      switch (tag) {
        case 'row':
          rowNumber = a.r ? Number(a.r) : rowNumber + 1;
          if (++rowsSeen > ctx.maxRows) throw new SheetTooLarge(name);
          row = null;
          lastCol = 0;
          break;
        case 'c':
          lastCol = a.r ? columnOf(a.r) : lastCol + 1;
          if (lastCol > ctx.maxCols) throw new SheetTooLarge(name);
          cell = {
            col: lastCol,
            type: a.t ?? 'n',
            style: Number(a.s ?? 0),
            value: '',
            inline: '',
            formula: false,
          };
          break;
        case 'f':
          if (cell) cell.formula = true;
          break;
        case 'v':
          capture = 'value';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (cell && phonetic === 0) capture = 'inline';
          break;
        case 'mergeCell':
          if (a.ref) merges.push(a.ref);
          break;
      }
    },
    close(tag) {
      if (tag === 'v' || tag === 't') capture = null;
      else if (tag === 'rPh') phonetic--;
      else if (tag === 'c' && cell) {
        // Without text a cell is empty, whatever its type, style or formula.
        if (cell.value !== '' || cell.inline !== '') {
          row ??= rowAt(rows, rowNumber);
          row.set(cell.col, cellValue(cell, ctx));
        }
        cell = null;
      }
    },
    text(text) {
      if (cell && capture === 'value') cell.value += text;
      else if (cell && capture === 'inline') cell.inline += text;
    },
    result: () => rawSheet(name, rows, mergedChildren(merges)),
  };
}

function rowAt(rows: Map<number, Map<number, unknown>>, r: number): Map<number, unknown> {
  let row = rows.get(r);
  if (row === undefined) rows.set(r, (row = new Map()));
  return row;
}

// Templates style whole columns ahead of their data, so most cells of a sheet are empty styled
// ones, <c r="P2" s="6"/>: taken out before the parse, they cost no SAX events. Only when every
// cell names its place (r first): a cell without r is placed after the one before it. A CDATA
// section could hold such text as a value, so a sheet with one is parsed whole, and an empty
// cell past the column cap is left in, to be refused as before.
const UNPLACED_CELL = /<c(?! r=")[\s/>]/;
const EMPTY_CELL = /<c r="([A-Z]+)\d+" s="\d+"\/>/g;
const EMPTY_CELL_A_TO_Z = /<c r="[A-Z]\d+" s="\d+"\/>/g;

function withoutEmptyCells(xml: string, maxCols: number): string {
  if (xml.includes('<![CDATA[') || UNPLACED_CELL.test(xml)) return xml;
  // Columns A to Z first, with no look at the cap when it allows them all: the layouts end near
  // there, and a replace without a callback is several times faster.
  const rest = maxCols >= 26 ? xml.replace(EMPTY_CELL_A_TO_Z, '') : xml;
  return rest.replace(EMPTY_CELL, (cell, col: string) => (columnOf(col) > maxCols ? cell : ''));
}

/** The value of a cell as exceljs models it: formulas keep their cached result. */
function cellValue(c: CellState, ctx: SheetContext): unknown {
  const value = plainValue(c, ctx);
  return c.formula ? { formula: '', result: value } : value;
}

function plainValue(c: CellState, ctx: SheetContext): unknown {
  if (c.type === 'inlineStr') return fromXstring(c.inline);
  if (c.value === '') return null;
  switch (c.type) {
    case 's':
      return ctx.strings[Number(c.value)] ?? null;
    case 'str':
      return c.value;
    case 'b':
      return c.value === '1' || c.value === 'true';
    case 'e':
      return { error: c.value };
    case 'd':
      return isoWallClock(c.value);
    default: {
      const n = Number(c.value);
      if (!Number.isFinite(n)) return c.value;
      return ctx.dateStyles[c.style] && isDateSerial(n) ? serialToDate(n, ctx.date1904) : n;
    }
  }
}

/** An ISO date cell (t="d") as a wall-clock Date: its reading is kept in the UTC fields. */
function isoWallClock(iso: string): Date {
  const plain = iso.replace(/(Z|[+-]\d{2}:?\d{2})$/, '');
  return new Date(`${plain.length === 10 ? `${plain}T00:00:00` : plain}Z`);
}

/** "row:col" of every cell covered by a merge except its top-left one. */
function mergedChildren(refs: string[]): Set<string> {
  const children = new Set<string>();
  for (const ref of refs) {
    const [from, to = from] = ref.split(':') as [string, string?];
    const [r1, c1, r2, c2] = [rowOf(from), columnOf(from), rowOf(to), columnOf(to)];
    for (let r = r1; r <= r2; r++) {
      for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) children.add(`${r}:${c}`);
    }
  }
  return children;
}
