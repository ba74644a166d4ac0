import { rowOf } from '../../domain/address.js';

// Cell ranges in the XML of a package ('A1:V3', 'B2:B3 D2:D3', '$A$1:$V$3'), grown over appended
// rows: a range that ended at the sheet's old last data row now ends at the new one, as Excel
// does when a row is typed under a table.

/** The rows appended under a sheet: its last data row before and after the patch. */
export interface Appended {
  before: number;
  after: number;
}

/** One range ('A1:V3' or 'A3'), its end row moved to `after` when it ended on `before`. */
export function extendRange(ref: string, rows: Appended): string {
  const [from, to = from] = ref.split(':') as [string, string?];
  const endRow = rowOf(to.replace(/\$/g, ''));
  if (!(endRow >= rows.before && endRow < rows.after)) return ref;
  // The digits at the end are the row, with or without a '$' before them.
  return `${from}:${to.replace(/\d+$/, String(rows.after))}`;
}

/** A space-separated list of ranges (an sqref), each extended. */
export function extendRanges(sqref: string, rows: Appended): string {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map((r) => extendRange(r, rows))
    .join(' ');
}

/** Replaces the value of attribute `name` in every start tag of `element` (any prefix). */
export function mapAttribute(
  xml: string,
  element: string,
  name: string,
  map: (value: string) => string,
): string {
  const tag = new RegExp(`<(?:[\\w.-]+:)?${element}\\b[^>]*>`, 'g');
  const attr = new RegExp(`(\\s${name}=)(["'])([^"']*)\\2`);
  return xml.replace(tag, (open) =>
    open.replace(attr, (_, lead: string, q: string, v: string) => `${lead}${q}${map(v)}${q}`),
  );
}
