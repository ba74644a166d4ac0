import type { Column, ColumnType } from '../columns.js';
import { coerce, type Problem } from '../coerce.js';
import { formulaTrigger } from '../formula-injection.js';
import { issueMessage, type Severity } from '../issue.js';
import { noodLayout, personaLayout, type AnyLayout } from '../layouts.js';
import { t } from '../messages.js';
import { findPersonalData } from '../privacy.js';
import { maskQuotes } from '../quote.js';
import type { Region } from '../region/schema.js';
import type { RowInput } from '../rows.js';
import { vocabulariesOf } from '../vocabularies.js';

// The persona and needs form of the task pane, generated from the sheet layouts (the single
// source of truth): its fields, the live checks of each value (the validator's own coercion,
// formula and privacy rules) and the rows it writes.

export interface FormField {
  field: string;
  label: string;
  type: ColumnType;
  required: boolean;
  help: string;
  /** The vocabulary's values for a dropdown; null for free input. */
  options: readonly string[] | null;
}

export interface FieldMessage {
  /** An error blocks saving; a warning only informs. */
  severity: Exclude<Severity, 'info'>;
  message: string;
}

/** What the form holds for one field: typed text, or the values picked in a multi-select. */
export type FormValue = string | readonly string[];
export type FormRecord = Partial<Record<string, FormValue>>;

export type FormRows =
  | { ok: true; persona: RowInput; needs: RowInput[] }
  | { ok: false; problems: { row: 'persona' | number; field: string; messages: FieldMessage[] }[] };

export function formFields(layout: AnyLayout, region: Region): FormField[] {
  const vocabularies = vocabulariesOf(region);
  return columnsOf(layout).map(([field, c]) => ({
    field,
    label: c.header,
    type: c.type,
    required: c.required,
    help: c.help,
    options: c.vocabulary === null ? null : vocabularies[c.vocabulary],
  }));
}

/** The problems of one value, as the validator would report them, in Dutch. */
export function fieldProblems(
  layout: AnyLayout,
  field: string,
  value: FormValue,
  region: Region,
): FieldMessage[] {
  return checked(layout, field, value, region).messages;
}

/**
 * The rows the form writes: the persona and its needs (each need gets the persona's ID), with
 * typed values; or every field with an error.
 */
export function formRows(
  persona: FormRecord,
  needs: readonly FormRecord[],
  region: Region,
): FormRows {
  const id = persona.id;
  const problems: Extract<FormRows, { ok: false }>['problems'] = [];
  const rowOf = (layout: AnyLayout, record: FormRecord, row: 'persona' | number): RowInput => {
    const out: RowInput = {};
    for (const [field] of columnsOf(layout)) {
      const c = checked(layout, field, record[field] ?? '', region);
      out[field] = c.value;
      if (c.messages.some((m) => m.severity === 'error')) {
        problems.push({ row, field, messages: c.messages });
      }
    }
    return out;
  };
  const personaRow = rowOf(personaLayout, persona, 'persona');
  const needRows = needs.map((n, i) => rowOf(noodLayout, { ...n, persona: id ?? '' }, i));
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, persona: personaRow, needs: needRows };
}

/** The next free persona ID after the highest one: P01, P02, … */
export function nextPersonaId(existingIds: readonly string[]): string {
  const numbers = existingIds.map((id) => /^P(\d+)$/i.exec(id.trim())?.[1]).map(Number);
  const next = Math.max(0, ...numbers.filter(Number.isFinite)) + 1;
  return `P${String(next).padStart(2, '0')}`;
}

function checked(
  layout: AnyLayout,
  field: string,
  value: FormValue,
  region: Region,
): { value: RowInput[string]; messages: FieldMessage[] } {
  const column = (layout.columns as Record<string, Column>)[field];
  if (column === undefined) throw new RangeError(`${layout.id} has no field ${field}`);
  const text = (typeof value === 'string' ? [value] : value).map((v) => v.trim()).join('; ');
  if (text === '') {
    const required = { code: 'required' as const, params: { header: column.header } };
    const messages = column.required ? [error(issueMessage(required))] : [];
    return { value: null, messages };
  }
  const vocabulary = column.vocabulary === null ? null : vocabulariesOf(region)[column.vocabulary];
  const result = coerce({ kind: 'text', value: text }, column, { date1904: false, vocabulary });
  if (!result.ok) {
    // The same message as the overview's: what it quotes is masked, as in validateWorkbook.
    const quoted = (p: Problem) => (column.contact ? p : { ...p, params: maskQuotes(p.params) });
    return { value: null, messages: result.problems.map((p) => error(issueMessage(quoted(p)))) };
  }
  const typed = result.value as RowInput[string];
  return { value: typed, messages: typeof typed === 'string' ? textMessages(layout, typed) : [] };
}

function textMessages(layout: AnyLayout, text: string): FieldMessage[] {
  const messages: FieldMessage[] = [];
  const trigger = formulaTrigger(text);
  if (trigger !== null) {
    const formula = { code: 'formula-text' as const, params: { char: trigger } };
    messages.push({ severity: 'warning', message: issueMessage(formula) });
  }
  if (layout.anonymous === true) {
    const found = [...new Set(findPersonalData(text).map((f) => f.kind))];
    if (found.length > 0) {
      const names = new Intl.ListFormat('nl-BE', { type: 'conjunction' });
      const what = names.format(found.map((k) => t(`privacy.${k}`)));
      messages.push(error(t('form.privacy', { what })));
    }
  }
  return messages;
}

function error(message: string): FieldMessage {
  return { severity: 'error', message };
}

function columnsOf(layout: AnyLayout): [string, Column][] {
  return Object.entries(layout.columns) as [string, Column][];
}
