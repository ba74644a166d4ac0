import { parsers, type ColumnType, type ValueOf } from './coerce.js';
import type { VocabularyId } from './vocabularies.js';

export type { ColumnType, ValueOf };

// A column of a sheet layout. Its kind (text, date, choices …) names the parser that turns a cell
// into its value (coerce.ts); the parser's result type is the column's value type, and a layout's
// record type is made of its columns' value types (RecordOf). One definition: the layout.

export interface Column<T extends ColumnType = ColumnType, R extends boolean = boolean> {
  header: string;
  type: T;
  required: R;
  vocabulary: VocabularyId | null;
  /** The input message Excel shows when the cell is selected (at most 255 characters). */
  help: string;
  width: number;
  numFmt: string | null;
  /** Filled and refreshed by the sync; people type in the other columns, which it never touches. */
  bySync: boolean;
  /**
   * Holds a partner's contact data (name, e-mail, phone) on purpose: what is typed there is quoted
   * back as typed. Everywhere else personal data is masked in messages (src/domain/quote.ts).
   */
  contact: boolean;
  /**
   * The template version that added the column. A workbook of an older version that lacks it is
   * read without a complaint about it: it was never asked for there.
   */
  since: number;
}

interface ColumnOptions {
  help: string;
  width?: number;
  vocabulary?: VocabularyId;
  bySync?: boolean;
  contact?: boolean;
  since?: number;
}

const defaultWidth: Record<ColumnType, number> = {
  text: 22,
  longtext: 45,
  email: 30,
  integer: 14,
  number: 14,
  date: 14,
  datetime: 18,
  choice: 26,
  choices: 40,
};

export const DATE_FORMAT = 'dd/mm/yyyy';
export const DATETIME_FORMAT = 'dd/mm/yyyy hh:mm';

const numFmts: Partial<Record<ColumnType, string>> = {
  date: DATE_FORMAT,
  datetime: DATETIME_FORMAT,
  integer: '0',
};

function build<T extends ColumnType, R extends boolean>(
  type: T,
  required: R,
  header: string,
  o: ColumnOptions,
): Column<T, R> {
  if (!(type in parsers)) throw new RangeError(`unknown column type ${type}`);
  return {
    header,
    type,
    required,
    vocabulary: o.vocabulary ?? null,
    help: o.help,
    width: o.width ?? defaultWidth[type],
    numFmt: numFmts[type] ?? null,
    bySync: o.bySync ?? false,
    contact: o.contact ?? false,
    since: o.since ?? 1,
  };
}

/** A column that must be filled in. */
export function req<T extends ColumnType>(type: T, header: string, o: ColumnOptions) {
  return build(type, true, header, o);
}

/** A column that may stay empty; its value is then null. */
export function opt<T extends ColumnType>(type: T, header: string, o: ColumnOptions) {
  return build(type, false, header, o);
}

export type Columns = Record<string, Column>;

/** The value a column holds in a record that passed validation. */
export type ValueOfColumn<C extends Column> =
  C extends Column<infer T, infer R> ? (R extends true ? ValueOf<T> : ValueOf<T> | null) : never;

/** A record that passed validation: every required field has its value, optional ones may be null. */
export type RecordOf<C extends Columns> = { [K in keyof C]: ValueOfColumn<C[K]> };

/** What could be read of a refused row: a field whose cell was empty or wrong is null. */
export type ReadOf<C extends Columns> = { [K in keyof C]: ValueOfColumn<C[K]> | null };

/** The fields and columns of a layout, in column order. */
export function columnEntries<C extends Columns>(columns: C): [keyof C & string, Column][] {
  return Object.entries(columns);
}
