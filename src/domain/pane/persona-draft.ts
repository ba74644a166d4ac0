import { noodLayout, personaLayout } from '../layouts.js';
import { recordHolds, sameKey } from '../row-by-key.js';
import type { RowInput } from '../rows.js';
import type { TableWrite } from '../workbook-host.js';
import type { StoredPersona, StoredRecord } from './form-prefill.js';
import { nextPersonaId, type FormRecord, type FormValue } from './layout-form.js';

// What the persona form holds, and what becomes of it when the workbook changes under it (a sort,
// a deleted row, a co-author's edit). The draft knows which fields the user typed: those are
// kept, every other field shows the workbook as it is now, and the rows it was opened from are
// found again (by Persona-ID; a need by its cells), so a save after a refusal can succeed. A save
// writes only the fields the user changed, so a co-author's edit of another field stays.

export interface DraftNeed {
  /** The need as read now, its key for the save; null for a need added in the form. */
  stored: FormRecord | null;
  values: FormRecord;
  /** The fields the user typed in. */
  typed: ReadonlySet<string>;
}

export interface Draft {
  /** The persona as read now, whose row the save updates; null for a new persona. */
  stored: StoredPersona | null;
  persona: FormRecord;
  typed: ReadonlySet<string>;
  needs: DraftNeed[];
  /** The ID of the persona being edited when it left the workbook: saving adds it anew. */
  gone: string | null;
}

const none: ReadonlySet<string> = new Set();

export function blankDraft(ids: readonly string[]): Draft {
  const needs = [{ stored: null, values: {}, typed: none }];
  return { stored: null, persona: { id: nextPersonaId(ids) }, typed: none, needs, gone: null };
}

export function draftOf(p: StoredPersona): Draft {
  const needs = p.needs.map((n) => ({ stored: n.values, values: { ...n.values }, typed: none }));
  return { stored: p, persona: { ...p.values }, typed: none, needs, gone: null };
}

/** Whether the user typed anything in the form. */
export function isTyped(d: Draft): boolean {
  return d.typed.size > 0 || d.needs.some((n) => n.typed.size > 0);
}

export function typePersona(d: Draft, field: string, value: FormValue): Draft {
  return { ...d, persona: { ...d.persona, [field]: value }, typed: new Set(d.typed).add(field) };
}

export function typeNeed(d: Draft, i: number, field: string, value: FormValue): Draft {
  const needs = d.needs.map((n, j) =>
    j === i
      ? { ...n, values: { ...n.values, [field]: value }, typed: new Set(n.typed).add(field) }
      : n,
  );
  return { ...d, needs };
}

export function withNewNeed(d: Draft): Draft {
  return { ...d, needs: [...d.needs, { stored: null, values: {}, typed: none }] };
}

/**
 * The draft after the workbook was read again. `before` is the previous reading's personas: a
 * persona whose ID is gone while one new ID holds all its other cells was renamed by hand, and
 * the form follows it. An untyped form simply shows the persona as it is now (or a new one).
 */
export function followDraft(
  d: Draft,
  personas: readonly StoredPersona[],
  needs: readonly StoredRecord[],
  before: readonly StoredPersona[],
): Draft {
  const blank = () => blankDraft(personas.map((p) => p.id));
  const now = d.stored === null ? null : findPersona(d.stored, personas, before);
  if (!isTyped(d)) return now === null ? blank() : draftOf(now);
  if (d.stored === null) return d;
  const rebased = rebaseNeeds(d.needs, needs);
  if (now === null) return { ...d, stored: null, needs: rebased, gone: d.stored.id };
  return { ...d, stored: now, persona: merged(now.values, d.persona, d.typed), needs: rebased };
}

/** The persona a stored one is now: same ID (same row among duplicates), or renamed by hand. */
export function findPersona(
  stored: StoredPersona,
  personas: readonly StoredPersona[],
  before: readonly StoredPersona[],
): StoredPersona | null {
  const same = personas.filter((p) => sameKey(p.id, stored.id));
  if (same.length > 0) return same.find((p) => p.row === stored.row) ?? same[0]!;
  const rest = Object.fromEntries(Object.entries(stored.values).filter(([f]) => f !== 'id'));
  const renamed = personas.filter(
    (p) => !before.some((b) => sameKey(b.id, p.id)) && recordHolds(p.values, rest),
  );
  return renamed.length === 1 ? renamed[0]! : null;
}

/**
 * The needs' keys taken from the rows as they are now: a need's row is the one holding all the
 * cells read before, else the one of the same persona sharing most of them (a co-author edited
 * it). A need whose row is gone stays in the form as a new one if the user typed in it.
 */
function rebaseNeeds(entries: readonly DraftNeed[], rows: readonly StoredRecord[]): DraftNeed[] {
  const free = new Set(rows);
  const found = new Map<DraftNeed, StoredRecord>();
  const match = (pick: (stored: FormRecord, rows: StoredRecord[]) => StoredRecord | undefined) => {
    for (const n of entries) {
      const row = n.stored === null || found.has(n) ? undefined : pick(n.stored, [...free]);
      if (row === undefined) continue;
      free.delete(row);
      found.set(n, row);
    }
  };
  // Unchanged rows first, so an edited one is not taken for an unchanged sibling.
  match((stored, rows) => rows.find((r) => recordHolds(r.values, stored)));
  match(closest);
  return entries.flatMap((n) => {
    if (n.stored === null) return [n];
    const row = found.get(n);
    if (row === undefined) return n.typed.size > 0 ? [{ ...n, stored: null }] : [];
    return [{ ...n, stored: row.values, values: merged(row.values, n.values, n.typed) }];
  });
}

/** The one row of the same persona sharing most cells with `stored`, if one stands out. */
function closest(stored: FormRecord, rows: readonly StoredRecord[]): StoredRecord | undefined {
  const shared = (r: StoredRecord) =>
    Object.keys(noodLayout.columns).filter((f) => sameKey(r.values[f], stored[f])).length;
  const scored = rows
    .filter((r) => sameKey(r.values.persona, stored.persona))
    .map((r) => ({ r, n: shared(r) }))
    .sort((a, b) => b.n - a.n);
  const [best, next] = scored;
  return best && best.n > 1 && (next === undefined || next.n < best.n) ? best.r : undefined;
}

/** The row's values, with the fields the user typed as typed. */
function merged(row: FormRecord, form: FormRecord, typed: ReadonlySet<string>): FormRecord {
  const out = { ...row };
  for (const field of typed) out[field] = form[field];
  return out;
}

/**
 * Another persona that holds the draft's ID (compared as the hosts compare keys). A new persona
 * whose ID a row holds with exactly what the form would write is no conflict: that is this
 * form's own save, landed before a timeout was reported, and saving again writes nothing.
 */
export function idTakenBy(
  d: Draft,
  personas: readonly StoredPersona[],
  row: RowInput | null,
): StoredPersona | undefined {
  return personas.find(
    (p) =>
      sameKey(p.id, d.persona.id) &&
      p.row !== d.stored?.row &&
      !(d.stored === null && row !== null && recordHolds(p.values, row)),
  );
}

/**
 * The save's writes: a new persona and new needs appended whole; a stored persona and stored
 * needs updated, by key, in the fields the user changed only (a need's Persona-ID follows the
 * persona's). `rows` are the form's typed rows (formRows), in the draft's order.
 */
export function draftWrites(
  d: Draft,
  rows: { persona: RowInput; needs: RowInput[] },
): TableWrite[] {
  const needs = d.needs.map((n, i) => ({ n, row: rows.needs[i]! }));
  const persona = d.persona;
  return [
    d.stored === null
      ? { layout: personaLayout, append: [rows.persona] }
      : {
          layout: personaLayout,
          update: [
            { key: { id: d.stored.id }, values: changed(d.stored.values, persona, rows.persona) },
          ],
        },
    {
      layout: noodLayout,
      update: needs.flatMap(({ n, row }) =>
        n.stored === null
          ? []
          : [
              {
                key: n.stored,
                values: changed(n.stored, { ...n.values, persona: persona.id ?? '' }, row),
              },
            ],
      ),
      append: needs.flatMap(({ n, row }) => (n.stored === null ? [row] : [])),
    },
  ];
}

/** The typed row's fields whose form text differs from what was read. */
function changed(read: FormRecord, form: FormRecord, row: RowInput): RowInput {
  return Object.fromEntries(
    Object.entries(row).filter(([field]) => formText(read[field]) !== formText(form[field])),
  );
}

/** Form text as the user sees it: a list as its items, spacing at the ends aside. */
function formText(value: FormValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value.trim() : value.map((v) => v.trim()).join('; ');
}
