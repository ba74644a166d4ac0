import { a1, columnOf, rowOf } from '../../domain/address.js';
import { cellXml, type PatchValue } from './cell-xml.js';
import { extendRange, extendRanges, mapAttribute, type Appended } from './xml-ranges.js';
import { appendTo } from '../../domain/append-to.js';

// The worksheet XML of one sheet with some cells set: only those <c> elements are replaced or
// inserted (a touched row's cells put left to right), rows that did not exist are added (in row order) with the styles
// of the row above, and the ranges that ended at the last data row (data validations,
// conditional formats, the sheet's filter) grow with the appended rows. Every other byte of the
// part stays as it was. Worksheet XML is regular enough for this (<row>s of <c>s, no nesting),
// and a string edit keeps what a parse and re-serialise would normalise away.

export interface CellEdit {
  row: number;
  col: number;
  value: PatchValue;
}

export interface SheetPatchContext {
  date1904: boolean;
  /** Rows at the top whose styles are never copied (the header). */
  headerRows: number;
  /** The style to show a date or a date and time with, based on the style the cell would get. */
  dateStyle: (style: number | null, withTime: boolean) => number;
}

export interface SheetPatch {
  xml: string;
  /** The last row holding a value before and after the patch. */
  rows: Appended;
  /** A cell that held a formula was overwritten (the calculation chain no longer holds). */
  formulaReplaced: boolean;
}

interface Cell {
  col: number;
  style: number | null;
  text: string;
}

interface Row {
  r: number;
  /** The attributes of the <row> start tag, as written. */
  attrs: string;
  /** The cells, or null for a row that is kept as written. */
  cells: Cell[] | null;
  text: string;
  /** Where the row stood in sheetData; null for a row the patch adds. */
  at: { start: number; end: number } | null;
}

const ROW = /<((?:[\w.-]+:)?)row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?row>)/g;
const CELL = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const SHEET_DATA = /<((?:[\w.-]+:)?)sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?sheetData>)/;

export function patchSheet(
  xml: string,
  edits: readonly CellEdit[],
  ctx: SheetPatchContext,
): SheetPatch {
  const data = SHEET_DATA.exec(xml);
  if (data === null) throw new Error('worksheet without sheetData');
  const prefix = data[1] ?? '';
  const content = data[2] ?? '';
  const rows = parseRows(content);
  const before = lastValueRow(rows);
  const colStyle = columnStyles(xml);
  let formulaReplaced = false;

  const byRow = new Map<number, CellEdit[]>();
  for (const e of edits) appendTo(byRow, e.row, e);
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const above = rowAbove(rows, r, ctx.headerRows);
    const aboveCells = above ? cellsOf(above) : [];
    const row = rowAt(rows, r, aboveCells, above, prefix);
    const cells = (row.cells ??= parseCells(row.text, r));
    for (const e of byRow.get(r)!) {
      const at = cells.findIndex((c) => c.col === e.col);
      const old = at === -1 ? undefined : cells[at];
      if (old && /<(?:[\w.-]+:)?f\b/.test(old.text)) formulaReplaced = true;
      let style = old ? old.style : (styleAt(aboveCells, e.col) ?? colStyle(e.col));
      if (e.value instanceof Date) style = ctx.dateStyle(style, hasTime(e.value));
      const text = cellXml(r, e.col, e.value, { style, date1904: ctx.date1904, prefix });
      if (old) cells[at] = { col: e.col, style, text };
      else cells.push({ col: e.col, style, text });
    }
  }
  const after = Math.max(before, lastValueRow(rows));
  const sheetData = `<${prefix}sheetData>${joinRows(content, rows, prefix)}</${prefix}sheetData>`;
  let out = xml.slice(0, data.index) + sheetData + xml.slice(data.index + data[0].length);
  out = withDimension(out, rows);
  const appended = { before, after };
  if (after > before) out = extendSheetRanges(out, appended);
  return { xml: out, rows: appended, formulaReplaced };
}

/** The rows of sheetData; implicit row numbers (no r) counted as a reader does. */
function parseRows(content: string): Row[] {
  const rows: Row[] = [];
  let r = 0;
  for (const m of content.matchAll(ROW)) {
    const attrs = m[2] ?? '';
    const given = attribute(attrs, 'r');
    r = given === null ? r + 1 : Number(given);
    rows.push({
      r,
      attrs: given === null ? ` r="${r}"${attrs}` : attrs,
      cells: null,
      text: m[3] ?? '',
      at: { start: m.index, end: m.index + m[0].length },
    });
  }
  return rows;
}

/** The sheetData content again: untouched rows byte for byte, new rows after their predecessor. */
function joinRows(content: string, rows: readonly Row[], prefix: string): string {
  let out = '';
  let cursor = 0;
  for (const row of rows) {
    if (row.at) out += content.slice(cursor, row.at.start);
    out +=
      row.cells === null && row.at ? content.slice(row.at.start, row.at.end) : rowText(row, prefix);
    if (row.at) cursor = row.at.end;
  }
  return out + content.slice(cursor);
}

/** The nearest row above r that is not a header row. */
function rowAbove(rows: readonly Row[], r: number, headerRows: number): Row | undefined {
  let best: Row | undefined;
  for (const x of rows) if (x.r < r && x.r > headerRows && (!best || x.r > best.r)) best = x;
  return best;
}

function cellsOf(row: Row): Cell[] {
  return row.cells ?? parseCells(row.text, row.r);
}

/** The cells of a row, each with an explicit reference (a reader's count where none was given). */
function parseCells(content: string, r: number): Cell[] {
  const cells: Cell[] = [];
  let col = 0;
  for (const m of content.matchAll(CELL)) {
    const attrs = m[1] ?? '';
    const ref = attribute(attrs, 'r');
    col = ref === null ? col + 1 : columnOf(ref);
    const s = attribute(attrs, 's');
    const text =
      ref === null ? m[0].replace(/^<([\w.-]+:)?c\b/, (open) => `${open} r="${a1(col, r)}"`) : m[0];
    cells.push({ col, style: s === null ? null : Number(s), text });
  }
  return cells;
}

/** The row numbered r: found, or created with the styles of the row above (cells and row). */
function rowAt(
  rows: Row[],
  r: number,
  aboveCells: readonly Cell[],
  above: Row | undefined,
  prefix: string,
): Row {
  const found = rows.find((x) => x.r === r);
  if (found) return found;
  const cells = aboveCells
    .filter((c) => c.style !== null)
    .map((c) => ({
      col: c.col,
      style: c.style,
      text: `<${prefix}c r="${a1(c.col, r)}" s="${c.style}"/>`,
    }));
  const rowStyle = ['s', 'customFormat']
    .map((name) => [name, above ? attribute(above.attrs, name) : null] as const)
    .filter(([, v]) => v !== null)
    .map(([name, v]) => ` ${name}="${v}"`)
    .join('');
  const row: Row = { r, attrs: ` r="${r}"${rowStyle}`, cells, text: '', at: null };
  const at = rows.findIndex((x) => x.r > r);
  rows.splice(at === -1 ? rows.length : at, 0, row);
  return row;
}

/** A row the patch touched; its cells that were not set keep their text. */
function rowText(row: Row, prefix: string): string {
  // The row's spans (an optional hint) may no longer cover its cells.
  const attrs = row.attrs.replace(/\sspans="[^"]*"/, '');
  // Excel wants a row's cells left to right; a touched row is put in that order.
  const cells = [...(row.cells ?? [])].sort((a, b) => a.col - b.col);
  return `<${prefix}row${attrs}>${cells.map((c) => c.text).join('')}</${prefix}row>`;
}

function styleAt(cells: readonly Cell[], col: number): number | null {
  return cells.find((c) => c.col === col)?.style ?? null;
}

/** The last row with a value or formula in any cell (styled blanks do not count). */
function lastValueRow(rows: readonly Row[]): number {
  let last = 0;
  for (const row of rows) {
    const text = row.cells ? row.cells.map((c) => c.text).join('') : row.text;
    if (/<(?:[\w.-]+:)?(v|is|f)\b/.test(text)) last = Math.max(last, row.r);
  }
  return last;
}

/** The style of each column from <cols> (what Excel gives a cell typed there). */
function columnStyles(xml: string): (col: number) => number | null {
  const cols: { min: number; max: number; style: number }[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?col\b([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    const style = attribute(attrs, 'style');
    if (style === null) continue;
    const min = Number(attribute(attrs, 'min'));
    cols.push({ min, max: Number(attribute(attrs, 'max') ?? min), style: Number(style) });
  }
  return (col) => cols.find((c) => c.min <= col && col <= c.max)?.style ?? null;
}

/** <dimension ref> covering every row and cell the sheet now has. */
function withDimension(xml: string, rows: readonly Row[]): string {
  return mapAttribute(xml, 'dimension', 'ref', (ref) => {
    const [from, to = from] = ref.split(':') as [string, string?];
    let [maxRow, maxCol] = [rowOf(to), columnOf(to)];
    for (const row of rows) {
      if (row.cells === null) continue;
      maxRow = Math.max(maxRow, row.r);
      for (const c of row.cells) maxCol = Math.max(maxCol, c.col);
    }
    return `${from}:${a1(maxCol, maxRow)}`;
  });
}

function extendSheetRanges(xml: string, rows: Appended): string {
  let out = mapAttribute(xml, 'dataValidation', 'sqref', (v) => extendRanges(v, rows));
  out = mapAttribute(out, 'conditionalFormatting', 'sqref', (v) => extendRanges(v, rows));
  out = mapAttribute(out, 'autoFilter', 'ref', (v) => extendRange(v, rows));
  // Excel 2010 extensions (x14 validations and formats) keep their ranges in <xm:sqref>.
  return out.replace(
    /(<(?:[\w.-]+:)?sqref>)([^<]*)(<\/(?:[\w.-]+:)?sqref>)/g,
    (_, open: string, v: string, close: string) => `${open}${extendRanges(v, rows)}${close}`,
  );
}

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}=(["'])([^"']*)\\1`).exec(attrs);
  return m ? (m[2] ?? '') : null;
}

function hasTime(d: Date): boolean {
  return d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0 || d.getUTCSeconds() !== 0;
}
