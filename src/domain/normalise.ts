import { EMPTY, type Cell, type CellValue } from './cells.js';

// Turns a cell as exceljs models it into a domain Cell, by the value's type and never by its
// display text. The shapes are matched structurally so the domain needs no exceljs import.

export interface SourceCell {
  value: unknown;
  /** A cell covered by a merge but not its top-left (master) cell: its value is the master's. */
  mergedChild: boolean;
}

interface RichTextRun {
  text: string;
}

export function normaliseCell(cell: SourceCell): Cell {
  if (cell.mergedChild) return { value: EMPTY, formula: false };
  const v = cell.value;
  if (isObject(v) && ('formula' in v || 'sharedFormula' in v)) {
    return { value: normaliseValue(v.result), formula: true };
  }
  return { value: normaliseValue(v), formula: false };
}

function normaliseValue(v: unknown): CellValue {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'string') return v === '' ? EMPTY : { kind: 'text', value: v };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : EMPTY;
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (v instanceof Date) {
    return Number.isNaN(v.getTime())
      ? { kind: 'error', value: '#DATE!' }
      : { kind: 'date', value: v };
  }
  if (isObject(v)) return normaliseObject(v);
  return { kind: 'text', value: String(v) };
}

function normaliseObject(v: Record<string, unknown>): CellValue {
  if (typeof v.error === 'string') return { kind: 'error', value: v.error };
  if (Array.isArray(v.richText)) return textOrEmpty(joinRuns(v.richText as RichTextRun[]));
  if ('hyperlink' in v) {
    // The shown text may itself be rich text; the link target is not what the user typed.
    const shown = isObject(v.text) ? normaliseValue(v.text) : normaliseValue(v.text ?? v.hyperlink);
    return shown;
  }
  if ('text' in v) return normaliseValue(v.text);
  return EMPTY;
}

function joinRuns(runs: RichTextRun[]): string {
  return runs.map((r) => r.text ?? '').join('');
}

function textOrEmpty(s: string): CellValue {
  return s === '' ? EMPTY : { kind: 'text', value: s };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

// The serial-number range Excel can show as a date: 1900-01-01 to 9999-12-31.
const MAX_SERIAL = 2_958_465;

/**
 * Whether a number in a date-formatted cell is a date Excel can show. One outside that range
 * (a national register number typed into a date column) stays a number: it is no date, and as a
 * date it would be shown as "NaN".
 */
export function isDateSerial(n: number): boolean {
  return n >= 1 && n <= MAX_SERIAL;
}

/** Converts a spreadsheet serial day number to a wall-clock Date (UTC fields), 1900 or 1904 based. */
export function serialToDate(serial: number, date1904: boolean): Date {
  // Day 25569 is 1970-01-01 in the 1900 system (which counts the phantom 29 Feb 1900);
  // the 1904 system is 1462 days behind it.
  const days = serial - 25569 + (date1904 ? 1462 : 0);
  return new Date(Math.round(days * 86_400_000));
}

/** A format code shows a date when, outside quotes and [colours/conditions], it uses y m d h s. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^(general|@)$/i.test(bare.trim());
}
