import { cellText, isBlank, type RawRow, type RawSheet, type RawWorkbook } from './cells.js';
import { MAX_CELL_TEXT } from './cell-limit.js';
import { coerce, type CoerceContext } from './coerce.js';
import { columnEntries, type Column } from './columns.js';
import { detectKind, findSheet } from './detect-kind.js';
import { foldText } from './fold.js';
import { foldedLayout } from './folded-layout.js';
import { formulaTrigger } from './formula-injection.js';
import { WORKBOOK, type Issue, type IssueCode, type IssuePlace, type Severity } from './issue.js';
import {
  layouts,
  type AnyLayout,
  type LayoutId,
  type ReadOfLayout,
  type RecordOfLayout,
} from './layouts.js';
import { t, type MessageParams } from './messages.js';
import { findPersonalData, personalDataInNumber, type PrivacyKind } from './privacy.js';
import { maskQuote, maskQuotes } from './quote.js';
import type { Region } from './region/schema.js';
import { lexiconsOf, type Lexicon } from './vocabulary-words.js';
import { vocabulariesOf, type Vocabularies, type VocabularyId } from './vocabularies.js';
import { kinds, OVERVIEW_KIND, TEMPLATE_VERSION, type WorkbookMeta } from './workbook-kinds.js';

// Validation: every non-blank data row of every input sheet is either taken, as a record typed
// from its layout, or refused with the issues that refuse it. Issues are data (issue.ts).

export interface TakenRow<R> {
  row: number;
  record: R;
}

export interface RefusedRow<R> {
  row: number;
  /** The errors that refuse the row (each also among the workbook's issues, but for a missing column). */
  reasons: Issue[];
  /** What could be read of the row (null where a cell was empty or wrong), to show with it. */
  record: R;
}

/** The outcome of one sheet, its rows typed from its layout. */
export interface SheetOutcomeOf<L extends AnyLayout> {
  layout: L;
  sheet: string;
  taken: TakenRow<RecordOfLayout<L>>[];
  refused: RefusedRow<ReadOfLayout<L>>[];
}

export type SheetOutcome = {
  [I in LayoutId]: SheetOutcomeOf<Extract<AnyLayout, { id: I }>>;
}[LayoutId];

export interface ValidationResult {
  file: string;
  meta: WorkbookMeta | null;
  issues: Issue[];
  sheets: SheetOutcome[];
}

/** Rows read, taken and refused: read = taken + refused, by construction. */
export interface RowCounts {
  read: number;
  taken: number;
  refused: number;
}

/** The one place rows are counted. */
export function rowCounts(sheets: readonly SheetOutcome[]): RowCounts {
  const taken = sheets.reduce((n, s) => n + s.taken.length, 0);
  const refused = sheets.reduce((n, s) => n + s.refused.length, 0);
  return { read: taken + refused, taken, refused };
}

/** The outcome of a layout's sheet, typed from the layout; undefined when it was not validated. */
export function sheetOf<L extends AnyLayout>(
  result: { sheets: readonly SheetOutcome[] },
  layout: L,
): SheetOutcomeOf<L> | undefined {
  // The outcome was made for this layout (validateSheet), so its rows have its record type.
  return result.sheets.find((s) => s.layout.id === layout.id) as SheetOutcomeOf<L> | undefined;
}

/** The rows of a layout's sheet that passed validation, typed from the layout. */
export function takenOf<L extends AnyLayout>(
  result: { sheets: readonly SheetOutcome[] },
  layout: L,
): TakenRow<RecordOfLayout<L>>[] {
  return sheetOf(result, layout)?.taken ?? [];
}

/** Every non-blank row of a layout's sheet, taken or refused, in sheet order, as far as read. */
export function rowsOf<L extends AnyLayout>(
  result: { sheets: readonly SheetOutcome[] },
  layout: L,
): TakenRow<ReadOfLayout<L>>[] {
  const s = sheetOf(result, layout);
  if (s === undefined) return [];
  return [...s.taken, ...s.refused].sort((a, b) => a.row - b.row);
}

interface Ctx {
  file: string;
  region: Region;
  date1904: boolean;
  version: number;
  vocabularies: Vocabularies;
  lexicons: Record<VocabularyId, Lexicon>;
  issues: Issue[];
}

/** Validates every input sheet of a workbook: issues with cell addresses, rows taken or refused. */
export function validateWorkbook(wb: RawWorkbook, region: Region): ValidationResult {
  const ctx: Ctx = {
    file: wb.file,
    region,
    date1904: wb.date1904,
    version: TEMPLATE_VERSION,
    vocabularies: vocabulariesOf(region),
    lexicons: lexiconsOf(region),
    issues: [],
  };
  if (wb.meta?.get('kind') === OVERVIEW_KIND) {
    add(ctx, WORKBOOK, 'error', 'is-overview', {});
    return { file: wb.file, meta: null, issues: ctx.issues, sheets: [] };
  }
  const detected = detectKind(wb);
  if (detected === null) {
    add(ctx, WORKBOOK, 'error', 'unknown-kind', {});
    return { file: wb.file, meta: null, issues: ctx.issues, sheets: [] };
  }
  const { meta } = detected;
  ctx.version = meta.version;
  checkMeta(ctx, detected.fromHeaders, meta, region);
  const sheets: SheetOutcome[] = [];
  for (const { layout, role } of kinds[meta.kind].sheets) {
    if (role !== 'input') continue;
    const sheet = findSheet(wb, layout, detected.fromHeaders);
    if (sheet === null) add(ctx, WORKBOOK, 'error', 'sheet-missing', { sheet: layout.sheet });
    else sheets.push(validateSheet(ctx, sheet, layout, sheets));
  }
  if (sheets.length === 0) {
    // Renamed sheets: say what the workbook holds, so its owner sees which name to put back.
    const found = wb.sheets.map((s) => s.name).join(', ') || '—';
    add(ctx, WORKBOOK, 'warning', 'no-sheet', { found });
  }
  return { file: wb.file, meta, issues: ctx.issues, sheets };
}

function checkMeta(ctx: Ctx, fromHeaders: boolean, meta: WorkbookMeta, region: Region): void {
  if (fromHeaders) {
    add(ctx, WORKBOOK, 'warning', 'kind-from-headers', { kind: t(`kind.${meta.kind}`) });
  }
  if (meta.region !== '' && meta.region !== region.id) {
    add(ctx, WORKBOOK, 'warning', 'region-mismatch', { found: meta.region, expected: region.id });
  }
  if (meta.version < TEMPLATE_VERSION) {
    add(ctx, WORKBOOK, 'info', 'version-old', {
      found: meta.version,
      current: TEMPLATE_VERSION,
      kind: meta.kind,
    });
  }
}

/** Where an issue is, and whether that cell is a contact column (Column.contact). */
type Place = IssuePlace & { contact?: boolean };

type IssueArgs = [place: Place, severity: Severity, code: IssueCode, params: MessageParams];

/**
 * An issue of the workbook being validated. What it quotes from the workbook (a value, a header,
 * a sheet's name) is masked where it holds personal data, on every sheet and in every column kind:
 * issues end up on the shared drive. A contact column's own value is quoted as typed.
 */
function issue(ctx: Ctx, ...[place, severity, code, params]: IssueArgs): Issue {
  const { contact = false, ...at } = place;
  return {
    file: ctx.file,
    code,
    params: contact ? params : maskQuotes(params),
    severity,
    ...at,
    sheet: at.sheet === null ? null : maskQuote(at.sheet),
    header: at.header === null ? null : maskQuote(at.header),
  };
}

/** An issue, also kept among the workbook's issues. */
function add(ctx: Ctx, ...args: IssueArgs): Issue {
  const found = issue(ctx, ...args);
  ctx.issues.push(found);
  return found;
}

/** A row's values by field while it is read, before it is known to be a record. */
type Values = Record<string, unknown>;

/** Where each layout field is on the sheet: its column number. */
type ColumnMap = Map<string, number>;

/**
 * An optional column the workbook's template version did not have yet is not missing from it. A
 * required column always is: its rows cannot be taken without it (partnerschap upgrade adds it).
 */
function expected(ctx: Ctx, column: Column): boolean {
  return column.required || column.since <= ctx.version;
}

/** Finds each layout column in row 1; reports missing and unknown headers once. */
function mapColumns(ctx: Ctx, sheet: RawSheet, layout: AnyLayout): ColumnMap {
  const headers = foldedLayout(layout);
  const map: ColumnMap = new Map();
  for (const [col, header] of sheet.headers) {
    const folded = headers.written.get(header) ?? foldText(header);
    const field = headers.fields.get(folded);
    if (field !== undefined && !map.has(field)) map.set(field, col);
    else if (hasData(sheet.rows, col)) {
      const place = { ...WORKBOOK, sheet: sheet.name, row: 1, column: col, header };
      // A column an older template had is no mistake of the workbook's owner.
      if (headers.retired.has(folded)) add(ctx, place, 'info', 'column-retired', { header });
      else add(ctx, place, 'warning', 'column-unknown', { header });
    }
  }
  for (const [field, column] of columnEntries(layout.columns)) {
    if (map.has(field) || !expected(ctx, column)) continue;
    const place = { ...WORKBOOK, sheet: sheet.name, field, header: column.header };
    add(ctx, place, column.required ? 'error' : 'warning', 'column-missing', {
      header: column.header,
    });
  }
  return map;
}

function hasData(rows: RawRow[], col: number): boolean {
  return rows.some((r) => {
    const c = r.cells.get(col);
    return c !== undefined && !isBlank(c.value);
  });
}

function validateSheet<L extends AnyLayout>(
  ctx: Ctx,
  sheet: RawSheet,
  layout: L,
  done: readonly SheetOutcome[],
): SheetOutcome {
  const columns = mapColumns(ctx, sheet, layout);
  const outcome: SheetOutcomeOf<AnyLayout> = { layout, sheet: sheet.name, taken: [], refused: [] };
  const seen = new Map<string, number>();
  const known = layout.refersTo ? knownKeys(done, layout.refersTo.layout) : null;
  const fields = fieldsOf(ctx, layout);
  for (const row of sheet.rows) {
    const { record, errors } = readRow(ctx, sheet.name, row, layout, columns, fields);
    errors.push(...crossChecks(ctx, sheet.name, row.row, layout, columns, record, seen, known));
    // Every field of the layout was read through its column kind's parser (readRow), so a row
    // without errors holds the layout's record type: the one place a record gets its type.
    if (errors.length === 0) outcome.taken.push({ row: row.row, record: record as never });
    else outcome.refused.push({ row: row.row, reasons: errors, record: record as never });
  }
  return outcome as SheetOutcome;
}

/** The values of a sheet's unique column in every row read, taken or refused (a refusal is
 * reported on its own row, not again on every row that refers to it). */
function knownKeys(done: readonly SheetOutcome[], layoutId: string): Set<string> {
  const target = layouts.find((l) => l.id === layoutId);
  const other = target && sheetOf({ sheets: done }, target);
  const field = target?.unique;
  if (!other || field === undefined) return new Set();
  const values = [...other.taken, ...other.refused].map(
    (r) => (r.record as Record<string, unknown>)[field],
  );
  return new Set(values.filter((v): v is string => typeof v === 'string'));
}

/** A layout's columns with what their parser needs, made once per sheet rather than per row. */
interface Field {
  field: string;
  column: Column;
  context: CoerceContext;
}

function fieldsOf(ctx: Ctx, layout: AnyLayout): Field[] {
  return columnEntries(layout.columns).map(([field, column]) => ({
    field,
    column,
    context: {
      date1904: ctx.date1904,
      vocabulary: column.vocabulary ? ctx.vocabularies[column.vocabulary] : null,
      lexicon: column.vocabulary ? ctx.lexicons[column.vocabulary] : null,
    },
  }));
}

function readRow(
  ctx: Ctx,
  sheet: string,
  row: RawRow,
  layout: AnyLayout,
  columns: ColumnMap,
  fields: readonly Field[],
) {
  const record: Values = {};
  const errors: Issue[] = [];
  for (const { field, column, context } of fields) {
    const col = columns.get(field);
    record[field] = null;
    const place = {
      sheet,
      row: row.row,
      column: col ?? null,
      field,
      header: column.header,
      contact: column.contact,
    };
    if (col === undefined) {
      // Reported once for the sheet; each row still says why it was refused.
      if (column.required) {
        errors.push(issue(ctx, place, 'error', 'column-missing', { header: column.header }));
      }
      continue;
    }
    const cell = row.cells.get(col);
    if (cell === undefined || isBlank(cell.value)) {
      if (column.required) {
        errors.push(add(ctx, place, 'error', 'required', { header: column.header }));
      }
      continue;
    }
    checkLength(ctx, place, cellText(cell.value));
    const result = coerce(cell.value, column, context);
    const anonymous = layout.anonymous === true;
    if (!result.ok) {
      // On an anonymous sheet a register number typed into Leeftijdsgroep is a privacy error too.
      const found = anonymous ? privacyIssues(ctx, place, textKinds(cellText(cell.value))) : [];
      if (column.required || found.length > 0) {
        errors.push(...result.problems.map((p) => add(ctx, place, 'error', p.code, p.params)));
        errors.push(...found);
        continue;
      }
      // One unreadable optional value does not drop the record: it is taken without it, or with
      // the words of its list that could be read.
      const kept = result.partial;
      const code = kept === undefined ? 'value-skipped' : 'words-skipped';
      for (const p of result.problems) {
        add(ctx, place, 'warning', code, { ...p.params, problem: p.code });
      }
    }
    const taken = result.ok ? result : result.partial;
    if (taken === undefined) continue;
    if (taken.notes) for (const n of taken.notes) add(ctx, place, 'warning', n.code, n.params);
    const value = taken.value;
    const found = anonymous ? privacyIssues(ctx, place, valueKinds(value)) : [];
    // Flagged personal data is never kept, not even in the refused row shown to the coordinator.
    record[field] =
      found.length === 0 ? value : typeof value === 'string' ? maskQuote(value) : null;
    if (cell.formula) add(ctx, place, 'warning', 'formula', { value: String(record[field]) });
    if (typeof value === 'string') {
      const trigger = formulaTrigger(value);
      if (trigger !== null) add(ctx, place, 'warning', 'formula-text', { char: trigger });
    }
    errors.push(...found);
  }
  return { record, errors };
}

/** A warning for a cell over Excel's limit: Excel would cut it in silence. */
function checkLength(ctx: Ctx, place: Place, text: string): void {
  if (text.length <= MAX_CELL_TEXT) return;
  const dutch = (n: number) => n.toLocaleString('nl-BE');
  const params = { length: dutch(text.length), max: dutch(MAX_CELL_TEXT) };
  add(ctx, place, 'warning', 'cell-too-long', params);
}

/** The kinds of personal data in a text. */
function textKinds(text: string): PrivacyKind[] {
  const found = findPersonalData(text);
  return found.length === 0 ? [] : [...new Set(found.map((f) => f.kind))];
}

/** The kinds of personal data a value read from a cell is or holds: text, or a whole number. */
function valueKinds(value: unknown): PrivacyKind[] {
  if (typeof value === 'string') return textKinds(value);
  return typeof value === 'number' ? personalDataInNumber(value) : [];
}

/** A privacy error for each kind of personal data found. */
function privacyIssues(ctx: Ctx, place: Place, kindsFound: PrivacyKind[]): Issue[] {
  return kindsFound.map((k) =>
    add(ctx, place, 'error', 'privacy', { what: t(`privacy.${k}`), kind: k }),
  );
}

function crossChecks(
  ctx: Ctx,
  sheet: string,
  rowNumber: number,
  layout: AnyLayout,
  columns: ColumnMap,
  record: Values,
  seen: Map<string, number>,
  known: Set<string> | null,
): Issue[] {
  const errors: Issue[] = [];
  const columnsOf = layout.columns as Record<string, Column>;
  const at = (field: string): IssuePlace => ({
    sheet,
    row: rowNumber,
    column: columns.get(field) ?? null,
    field,
    header: columnsOf[field]?.header ?? field,
  });
  const header = (field: string) => columnsOf[field]?.header ?? field;
  const unique = layout.unique;
  const value = unique === undefined ? undefined : record[unique];
  if (unique !== undefined && typeof value === 'string') {
    const first = seen.get(value);
    if (first === undefined) seen.set(value, rowNumber);
    else {
      const params = { value, first, header: header(unique) };
      errors.push(add(ctx, at(unique), 'error', 'duplicate-key', params));
    }
  }
  const ref = layout.refersTo;
  const target = ref === undefined ? undefined : record[ref.field];
  if (ref && known !== null && typeof target === 'string' && !known.has(target)) {
    const sheetName = layouts.find((l) => l.id === ref.layout)?.sheet ?? ref.layout;
    const params = { value: target, header: header(ref.field), sheet: sheetName };
    errors.push(add(ctx, at(ref.field), 'error', 'unknown-reference', params));
  }
  if (layout.dateOrder) {
    const [from, to] = layout.dateOrder;
    const a = record[from];
    const b = record[to];
    if (a instanceof Date && b instanceof Date && b < a) {
      add(ctx, at(to), 'warning', 'dates-order', { from: header(from), to: header(to) });
    }
  }
  return errors;
}
