import { z } from 'zod';
import { cellText, type CellValue } from './cells.js';
import type { Column } from './columns.js';
import type { MessageKey, MessageParams } from './messages.js';
import { serialToDate } from './normalise.js';
import { splitList } from './rows.js';
import { formatDate } from './time.js';

// Turns one normalised cell into the value its column holds, or says why it cannot.

export interface Problem {
  key: MessageKey;
  params: MessageParams;
}

export type Coerced = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

export interface CoerceContext {
  date1904: boolean;
  /** The column's vocabulary, if it has one. */
  vocabulary: readonly string[] | null;
}

const fail = (key: MessageKey, params: MessageParams): Coerced => ({
  ok: false,
  problems: [{ key, params }],
});

/** Coerces a non-blank cell; blank cells are handled by the caller (required or null). */
export function coerce(v: CellValue, column: Column, ctx: CoerceContext): Coerced {
  if (v.kind === 'error') return fail('issue.cell-error', { value: v.value });
  switch (column.type) {
    case 'text':
    case 'longtext':
      return { ok: true, value: asText(v) };
    case 'email':
      return toEmail(asText(v));
    case 'integer':
    case 'number':
      return toNumber(v, column.type === 'integer');
    case 'date':
    case 'datetime':
      return toDate(v, ctx.date1904);
    case 'choice':
      return toChoice(asText(v), column, ctx.vocabulary ?? []);
    case 'choices':
      return toChoices(asText(v), column, ctx.vocabulary ?? []);
  }
}

function asText(v: CellValue): string {
  if (v.kind === 'date') return formatDate(v.value);
  return cellText(v).trim();
}

const emailSchema = z.email();

function toEmail(s: string): Coerced {
  return emailSchema.safeParse(s).success
    ? { ok: true, value: s }
    : fail('issue.not-email', { value: s });
}

/** Reads numbers stored as text too: "12", "3,5", "3.5", "1.250,75", "€ 45 000". */
export function parseNumberText(s: string): number | null {
  let t = s.replace(/[\s\u00a0€]/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

function toNumber(v: CellValue, integer: boolean): Coerced {
  const n = v.kind === 'number' ? v.value : v.kind === 'text' ? parseNumberText(v.value) : null;
  const shown = asText(v);
  if (n === null) return fail(integer ? 'issue.not-integer' : 'issue.not-number', { value: shown });
  if (integer && !Number.isInteger(n)) return fail('issue.not-integer', { value: shown });
  if (n < 0) return fail('issue.negative', { value: shown });
  return { ok: true, value: n };
}

// The serial-number range Excel can show as a date: 1900-01-01 to 9999-12-31.
const MAX_SERIAL = 2_958_465;

function toDate(v: CellValue, date1904: boolean): Coerced {
  if (v.kind === 'date') return { ok: true, value: v.value };
  if (v.kind === 'number' && v.value >= 1 && v.value <= MAX_SERIAL) {
    return { ok: true, value: serialToDate(v.value, date1904) };
  }
  const d = v.kind === 'text' ? parseDateText(v.value.trim()) : null;
  return d ? { ok: true, value: d } : fail('issue.not-date', { value: asText(v) });
}

/** dd/mm/jjjj (or with - or .), optional uu:mm, or ISO jjjj-mm-dd; as a wall-clock Date. */
export function parseDateText(s: string): Date | null {
  const be = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2})[:.u](\d{2}))?$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(s);
  const parts = be
    ? [be[3], be[2], be[1], be[4], be[5]]
    : iso
      ? [iso[1], iso[2], iso[3], iso[4], iso[5]]
      : null;
  if (!parts) return null;
  const [y, m, d, hh, mm] = parts.map((p) => Number(p ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(y, m - 1, d, hh, mm));
  const valid =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d &&
    hh < 24;
  return valid ? date : null;
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
    for (const v of [...vocabulary].reverse()) byFold.set(fold(v), v);
    lookup = { exact: new Set(vocabulary), byFold };
    lookups.set(vocabulary, lookup);
  }
  return lookup.exact.has(s) ? s : (lookup.byFold.get(fold(s)) ?? null);
}

function fold(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('nl-BE').replace(/\s+/g, ' ').trim();
}

function toChoice(s: string, column: Column, vocabulary: readonly string[]): Coerced {
  const m = matchChoice(s, vocabulary);
  return m === null
    ? fail('issue.not-in-list', { value: s, header: column.header })
    : { ok: true, value: m };
}

function toChoices(s: string, column: Column, vocabulary: readonly string[]): Coerced {
  const parts = splitList(s);
  const matched = parts.map((p) => matchChoice(p, vocabulary));
  const problems = parts
    .filter((_, i) => matched[i] === null)
    .map((p) => ({
      key: 'issue.not-in-list' as const,
      params: { value: p, header: column.header },
    }));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: [...new Set(matched as string[])] };
}
