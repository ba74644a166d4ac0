import { z } from 'zod';
import { cellText, type CellValue } from './cells.js';
import { foldText } from './fold.js';
import type { IssueCode } from './issue.js';
import type { MessageParams } from './messages.js';
import { isDateSerial, serialToDate } from './normalise.js';
import { parseDateText, parseNumberText } from './typed-text.js';
import { splitList } from './rows.js';
import { formatDate } from './time.js';
import { nearestValues, plainNames, readInOwnWords, type Lexicon } from './vocabulary-words.js';

// Turns one normalised cell into the value its column holds, or says why it cannot. There is one
// parser per column kind, and its result type is the kind's value type: the layouts' record types
// are built from these (columns.ts), so what validation produces and what readers expect are one.

export interface Problem {
  code: IssueCode;
  params: MessageParams;
}

/** A value read, with notes on how it was read (warnings), or why it could not be read. */
export type Parsed<V> =
  | { ok: true; value: V; notes?: Problem[] }
  | {
      ok: false;
      problems: Problem[];
      /** What could be read of a list with unreadable words: the rest of the cell. */
      partial?: { value: V; notes: Problem[] };
    };

export interface CoerceContext {
  date1904: boolean;
  /** The column's vocabulary, if it has one. */
  vocabulary: readonly string[] | null;
  /**
   * The vocabulary's values with the words that name them (vocabulary-words.ts). Without it, a
   * value is named only by itself and never read in other words.
   */
  lexicon?: Lexicon | null;
}

const fail = (code: IssueCode, params: MessageParams): { ok: false; problems: Problem[] } => ({
  ok: false,
  problems: [{ code, params }],
});

const ok = <V>(value: V): { ok: true; value: V } => ({ ok: true, value });

/**
 * The parser of each column kind: a non-blank, non-error cell to its value. The column's header
 * (for messages) comes beside the context, so that one context serves a column's every cell.
 */
export const parsers = {
  text: (v: CellValue): Parsed<string> => ok(asText(v)),
  longtext: (v: CellValue): Parsed<string> => ok(asText(v)),
  email: (v: CellValue): Parsed<string> => toEmail(asText(v)),
  integer: (v: CellValue): Parsed<number> => toNumber(v, true),
  number: (v: CellValue): Parsed<number> => toNumber(v, false),
  date: (v: CellValue, c: CoerceContext): Parsed<Date> => toDate(v, c.date1904),
  datetime: (v: CellValue, c: CoerceContext): Parsed<Date> => toDate(v, c.date1904),
  choice: (v: CellValue, c: CoerceContext, header: string): Parsed<string> =>
    toChoice(asText(v), c, header),
  choices: (v: CellValue, c: CoerceContext, header: string): Parsed<string[]> =>
    toChoices(asText(v), c, header),
};

export type ColumnType = keyof typeof parsers;
/** The value a column of this kind holds once read and checked. */
export type ValueOf<T extends ColumnType> = Extract<
  ReturnType<(typeof parsers)[T]>,
  { ok: true }
>['value'];

/** Coerces a non-blank cell; blank cells are handled by the caller (required or null). */
export function coerce<T extends ColumnType>(
  v: CellValue,
  column: { type: T; header: string },
  ctx: CoerceContext,
): Parsed<ValueOf<T>> {
  if (v.kind === 'error') return fail('cell-error', { value: v.value });
  const parse = parsers[column.type] as (
    v: CellValue,
    c: CoerceContext,
    header: string,
  ) => Parsed<ValueOf<T>>;
  return parse(v, ctx, column.header);
}

function asText(v: CellValue): string {
  if (v.kind === 'date') return formatDate(v.value);
  return cellText(v).trim();
}

const emailSchema = z.email();

function toEmail(s: string): Parsed<string> {
  return emailSchema.safeParse(s).success ? ok(s) : fail('not-email', { value: s });
}

function toNumber(v: CellValue, integer: boolean): Parsed<number> {
  const n = v.kind === 'number' ? v.value : v.kind === 'text' ? parseNumberText(v.value) : null;
  const shown = asText(v);
  if (n === null) return fail(integer ? 'not-integer' : 'not-number', { value: shown });
  if (integer && !Number.isInteger(n)) return fail('not-integer', { value: shown });
  if (n < 0) return fail('negative', { value: shown });
  return ok(n);
}

function toDate(v: CellValue, date1904: boolean): Parsed<Date> {
  if (v.kind === 'date') return ok(v.value);
  if (v.kind === 'number' && isDateSerial(v.value)) {
    return ok(serialToDate(v.value, date1904));
  }
  const d = v.kind === 'text' ? parseDateText(v.value.trim()) : null;
  return d ? ok(d) : fail('not-date', { value: asText(v) });
}

// Folded once per vocabulary, not once per cell: folding is locale-aware and not cheap, and a
// value picked from the dropdown is found as it is, without folding it.
const lookups = new WeakMap<
  readonly string[],
  { exact: Set<string>; byFold: Map<string, string> }
>();

function matchChoice(s: string, vocabulary: readonly string[]): string | null {
  let lookup = lookups.get(vocabulary);
  if (lookup === undefined) {
    const byFold = new Map<string, string>();
    // The first of two entries that fold alike wins, as a search in list order would.
    for (const v of [...vocabulary].reverse()) byFold.set(foldText(v), v);
    lookup = { exact: new Set(vocabulary), byFold };
    lookups.set(vocabulary, lookup);
  }
  return lookup.exact.has(s) ? s : (lookup.byFold.get(foldText(s)) ?? null);
}

type Choice = { value: string; note: Problem | null } | { value: null; problem: Problem };

/**
 * A list value as typed: the value itself (case and spacing aside); where the vocabulary allows,
 * the one value it names in other words, with a note saying how it was read; else why not, with
 * the nearest values.
 */
function readChoice(s: string, c: CoerceContext, header: string): Choice {
  const vocabulary = c.vocabulary ?? [];
  const exact = matchChoice(s, vocabulary);
  if (exact !== null) return { value: exact, note: null };
  const lexicon = c.lexicon ?? { values: plainNames(vocabulary), ownWords: false };
  const read = lexicon.ownWords ? readInOwnWords(lexicon.values, s) : null;
  if (read !== null) {
    return { value: read, note: { code: 'read-as', params: { value: s, read, header } } };
  }
  const nearest = nearestValues(lexicon.values, s);
  const params = { value: s, header };
  if (nearest.length === 0) return { value: null, problem: { code: 'not-in-list', params } };
  const named = new Intl.ListFormat('nl-BE', { type: 'disjunction' }).format(
    nearest.map((v) => `"${v}"`),
  );
  return {
    value: null,
    problem: { code: 'not-in-list-near', params: { ...params, nearest: named } },
  };
}

function toChoice(s: string, c: CoerceContext, header: string): Parsed<string> {
  const r = readChoice(s, c, header);
  if (r.value === null) return { ok: false, problems: [r.problem] };
  return r.note === null ? ok(r.value) : { ok: true, value: r.value, notes: [r.note] };
}

function toChoices(s: string, c: CoerceContext, header: string): Parsed<string[]> {
  const read = splitList(s).map((p) => readChoice(p, c, header));
  const problems = read.flatMap((r) => (r.value === null ? [r.problem] : []));
  const values = read.flatMap((r) => (r.value === null ? [] : [r.value]));
  const notes = read.flatMap((r) => (r.value !== null && r.note !== null ? [r.note] : []));
  const value = [...new Set(values)];
  if (problems.length === 0) return notes.length === 0 ? ok(value) : { ok: true, value, notes };
  return value.length === 0
    ? { ok: false, problems }
    : { ok: false, problems, partial: { value, notes } };
}
