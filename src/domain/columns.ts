import { z } from 'zod';
import type { VocabularyId } from './vocabularies.js';

// Column kinds a sheet layout can use. Each kind has one zod schema for its value; a column is
// required or optional (null when empty). The record schemas are built from these, never by hand.
const kinds = {
  text: () => z.string().min(1),
  longtext: () => z.string().min(1),
  email: () => z.email(),
  integer: () => z.number().int().min(0),
  number: () => z.number().min(0),
  date: () => z.date(),
  datetime: () => z.date(),
  choice: () => z.string().min(1),
  choices: () => z.array(z.string().min(1)).min(1),
} as const;

export type ColumnType = keyof typeof kinds;

/** The value a column holds once read and checked. */
export interface ValueTypes {
  text: string;
  longtext: string;
  email: string;
  integer: number;
  number: number;
  date: Date;
  datetime: Date;
  choice: string;
  choices: string[];
}

export interface Column<V = unknown> {
  header: string;
  type: ColumnType;
  required: boolean;
  vocabulary: VocabularyId | null;
  /** The input message Excel shows when the cell is selected (at most 255 characters). */
  help: string;
  width: number;
  numFmt: string | null;
  /** Filled and refreshed by the sync; people type in the other columns, which it never touches. */
  bySync: boolean;
  schema: z.ZodType<V>;
}

interface ColumnOptions {
  help: string;
  width?: number;
  vocabulary?: VocabularyId;
  bySync?: boolean;
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

const numFmts: Partial<Record<ColumnType, string>> = {
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  integer: '0',
};

function build<V>(
  type: ColumnType,
  required: boolean,
  header: string,
  o: ColumnOptions,
  schema: z.ZodType<V>,
): Column<V> {
  return {
    header,
    type,
    required,
    vocabulary: o.vocabulary ?? null,
    help: o.help,
    width: o.width ?? defaultWidth[type],
    numFmt: numFmts[type] ?? null,
    bySync: o.bySync ?? false,
    schema,
  };
}

/** A column that must be filled in. */
export function req<T extends ColumnType>(
  type: T,
  header: string,
  o: ColumnOptions,
): Column<ValueTypes[T]> {
  return build(type, true, header, o, kinds[type]() as unknown as z.ZodType<ValueTypes[T]>);
}

/** A column that may stay empty; its value is then null. */
export function opt<T extends ColumnType>(
  type: T,
  header: string,
  o: ColumnOptions,
): Column<ValueTypes[T] | null> {
  const schema = kinds[type]().nullable() as unknown as z.ZodType<ValueTypes[T] | null>;
  return build(type, false, header, o, schema);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a column of any value type
export type Columns = Record<string, Column<any>>;
export type RecordOf<C extends Columns> = {
  [K in keyof C]: C[K] extends Column<infer V> ? V : never;
};

/** The zod schema of a record: one field per column, in column order. */
export function recordSchema<C extends Columns>(columns: C): z.ZodType<RecordOf<C>> {
  const shape = Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, c.schema]));
  return z.object(shape) as unknown as z.ZodType<RecordOf<C>>;
}
