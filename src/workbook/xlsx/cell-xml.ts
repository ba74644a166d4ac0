import { a1 } from '../../domain/address.js';

// One worksheet cell as SpreadsheetML (ECMA-376 §18.3.1.4), written by the package patcher.
// Text is always an inline string (t="inlineStr"): it can never become a formula, whatever it
// starts with (docs/architecture.md §4, formula injection), and sharedStrings.xml stays as it was.

/** What the patcher writes into a cell: text, a number, a wall-clock date, or nothing. */
export type PatchValue = string | number | Date | null;

/** Escapes text for an XML text node or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ENTITIES[ch] ?? ch);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text as an ST_Xstring: XML 1.0 cannot carry most control characters, nor UTF-8 half of a
 * surrogate pair (it would become U+FFFD), so OOXML writes them as _xHHHH_; a literal "_xHHHH_"
 * in the text gets its underscore escaped so it reads back as typed.
 */
export function xstring(text: string): string {
  // Most texts need none of it: one look instead of three replaces.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return escapeXml(
    text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1').replace(UNWRITABLE, hexEscape),
  );
}

const NEEDS_ESCAPE =
  // eslint-disable-next-line no-control-regex -- these characters are what is escaped
  /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;

const UNWRITABLE =
  // eslint-disable-next-line no-control-regex -- these characters are what is escaped
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text read from an ST_Xstring, its escapes undone as Excel and exceljs undo them (_x0001_ is
 * U+0001, _x005F_ an underscore): what xstring wrote reads back as it was given.
 */
export function fromXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

const hexEscape = (ch: string): string =>
  `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;

/** A wall-clock Date (its reading in the UTC fields) as a serial day number, 1900 or 1904 based. */
export function dateToSerial(date: Date, date1904: boolean): number {
  return date.getTime() / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
}

export interface CellXmlOptions {
  /** The cell style (s attribute); null for none. */
  style: number | null;
  date1904: boolean;
  /** The namespace prefix the sheet uses for SpreadsheetML ('' or e.g. 'x:'). */
  prefix: string;
}

/** The <c> element of one cell; an empty value keeps only the style (a blank, formatted cell). */
export function cellXml(row: number, col: number, value: PatchValue, o: CellXmlOptions): string {
  const p = o.prefix;
  const attrs = `r="${a1(col, row)}"${o.style === null ? '' : ` s="${o.style}"`}`;
  if (value === null || value === '') return `<${p}c ${attrs}/>`;
  if (typeof value === 'string') {
    const text = `<${p}t xml:space="preserve">${xstring(value)}</${p}t>`;
    return `<${p}c ${attrs} t="inlineStr"><${p}is>${text}</${p}is></${p}c>`;
  }
  const n = value instanceof Date ? dateToSerial(value, o.date1904) : value;
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number for ${a1(col, row)}`);
  return `<${p}c ${attrs}><${p}v>${n}</${p}v></${p}c>`;
}
