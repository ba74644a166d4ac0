import type { RawSheet } from '../../domain/cells.js';
import { columnOf, rowOf } from '../../domain/address.js';
import { isDateSerial, serialToDate } from '../../domain/normalise.js';
import { fromXstring } from './cell-xml.js';
import { rawSheet } from './raw-sheet.js';
import { readXml, type PartReader } from './xml-parts.js';
import { ownString } from './own-string.js';
import { SHEET_ROWS, type ScannedCell, type SheetRows } from './xml-span-scan.js';

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

/** A cell's attributes and texts, as the scan tells them and as saxes's events build them up. */
type CellText = Omit<ScannedCell, 'ref'>;

export function parseSheet(xml: Buffer, name: string, ctx: SheetContext): RawSheet {
  const text = withoutEmptyCells(xml.toString('utf8'), ctx.maxCols);
  return readXml(text, () => sheetReader(name, ctx), SHEET_ROWS);
}

function sheetReader(name: string, ctx: SheetContext): PartReader<RawSheet> & SheetRows {
  const rows = new Map<number, Map<number, unknown>>();
  const merges: string[] = [];
  // The row's cells, made when its first non-empty cell closes: most rows of a template are
  // empty styled cells only.
  let row: Map<number, unknown> | null = null;
  let rowNumber = 0;
  let rowsSeen = 0;
  let lastCol = 0;
  let cell: CellText | null = null;
  let capture: 'value' | 'inline' | null = null;
  let phonetic = 0;

  const startRow = (r: string | undefined) => {
    rowNumber = r ? Number(r) : rowNumber + 1;
    if (++rowsSeen > ctx.maxRows) throw new SheetTooLarge(name);
    row = null;
    lastCol = 0;
  };
  const place = (ref: string | undefined) => {
    lastCol = ref ? columnOf(ref) : lastCol + 1;
    if (lastCol > ctx.maxCols) throw new SheetTooLarge(name);
  };
  // Without text a cell is empty, whatever its type, style or formula.
  const put = (c: CellText) => {
    if (c.value === '' && c.inline === '') return;
    row ??= rowAt(rows, rowNumber);
    row.set(lastCol, cellValue(c, ctx));
  };

  return {
    row: startRow,
    cell(c) {
      place(c.ref);
      put(c);
    },
    open(tag, a) {
      switch (tag) {
        case 'row':
          startRow(a.r);
          break;
        case 'c':
          place(a.r);
          cell = { style: a.s, type: a.t, formula: false, value: '', inline: '' };
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
        put(cell);
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
// ones, <c r="P2" s="6"/>: taken out before the parse, they cost no SAX events and no match. Only
// when every cell names its place (r first): a cell without r is placed after the one before it.
// A CDATA section could hold such text as a value, so a sheet with one is parsed whole. Only
// columns A to Z are taken out, and only when the cap allows them all (a replace without a
// callback is several times faster); an empty cell further right is read, so one past the cap is
// refused as before.
const PARSED_WHOLE = /<c(?! r=")[\s/>]|<!\[CDATA\[/;
const EMPTY_CELL_A_TO_Z = /<c r="[A-Z]\d+" s="\d+"\/>/g;

function withoutEmptyCells(xml: string, maxCols: number): string {
  return maxCols < 26 || PARSED_WHOLE.test(xml) ? xml : xml.replace(EMPTY_CELL_A_TO_Z, '');
}

/** The value of a cell as exceljs models it: formulas keep their cached result. */
function cellValue(c: CellText, ctx: SheetContext): unknown {
  const value = plainValue(c, ctx);
  return c.formula ? { formula: '', result: value } : value;
}

// A text kept as the value is made a string of its own: the scan's texts are views into the part.
function plainValue(c: CellText, ctx: SheetContext): unknown {
  if (c.type === 'inlineStr') return ownString(fromXstring(c.inline));
  if (c.value === '') return null;
  switch (c.type) {
    case 's':
      return ctx.strings[Number(c.value)] ?? null;
    case 'str':
      return ownString(c.value);
    case 'b':
      return c.value === '1' || c.value === 'true';
    case 'e':
      return { error: ownString(c.value) };
    case 'd':
      return isoWallClock(c.value);
    default: {
      const n = Number(c.value);
      if (!Number.isFinite(n)) return ownString(c.value);
      return ctx.dateStyles[Number(c.style ?? 0)] && isDateSerial(n)
        ? serialToDate(n, ctx.date1904)
        : n;
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
