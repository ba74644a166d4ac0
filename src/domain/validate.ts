import { a1 } from './address.js';
import { isBlank, type RawRow, type RawSheet, type RawWorkbook } from './cells.js';
import { coerce, type Problem } from './coerce.js';
import type { Column } from './columns.js';
import { detectKind, findSheet, normaliseHeader } from './detect-kind.js';
import { formulaTrigger } from './formula-injection.js';
import type { AnyLayout } from './layouts.js';
import { t, type MessageKey, type MessageParams } from './messages.js';
import { OVERVIEW_KIND } from './overview/sources.js';
import { intakeProblems, type RowProblem } from './intake.js';
import { findPersonalData, maskPersonalData } from './privacy.js';
import type { Region } from './region/schema.js';
import { vocabulariesOf, type Vocabularies } from './vocabularies.js';
import { kinds, TEMPLATE_VERSION, type WorkbookMeta } from './workbook-kinds.js';

export type Severity = 'error' | 'warning';

export interface Issue {
  file: string;
  sheet: string | null;
  cell: string | null;
  field: string | null;
  severity: Severity;
  message: string;
}

export interface TakenRow {
  row: number;
  record: Record<string, unknown>;
}

export interface RefusedRow {
  row: number;
  reasons: string[];
  /** What could be read of the row (null where a cell was empty or wrong), to show with it. */
  record: Record<string, unknown>;
}

export interface SheetOutcome {
  layout: AnyLayout;
  sheet: string;
  /** Every non-blank data row: rowsRead = taken.length + refused.length, always. */
  rowsRead: number;
  taken: TakenRow[];
  refused: RefusedRow[];
}

export interface ValidationResult {
  file: string;
  meta: WorkbookMeta | null;
  issues: Issue[];
  sheets: SheetOutcome[];
}

interface Ctx {
  file: string;
  region: Region;
  date1904: boolean;
  vocabularies: Vocabularies;
  issues: Issue[];
}

/** Validates every input sheet of a workbook: issues with cell addresses, rows taken or refused. */
export function validateWorkbook(wb: RawWorkbook, region: Region): ValidationResult {
  const ctx: Ctx = {
    file: wb.file,
    region,
    date1904: wb.date1904,
    vocabularies: vocabulariesOf(region),
    issues: [],
  };
  if (wb.meta?.get('kind') === OVERVIEW_KIND) {
    add(ctx, null, null, null, 'error', 'refuse.overview', {});
    return { file: wb.file, meta: null, issues: ctx.issues, sheets: [] };
  }
  const detected = detectKind(wb);
  if (detected === null) {
    add(ctx, null, null, null, 'error', 'refuse.unknown-kind', {});
    return { file: wb.file, meta: null, issues: ctx.issues, sheets: [] };
  }
  const { meta } = detected;
  checkMeta(ctx, detected.fromHeaders, meta, region);
  const sheets: SheetOutcome[] = [];
  for (const { layout, role } of kinds[meta.kind].sheets) {
    if (role !== 'input') continue;
    const sheet = findSheet(wb, layout, detected.fromHeaders);
    if (sheet === null)
      add(ctx, null, null, null, 'error', 'issue.sheet-missing', { sheet: layout.sheet });
    else sheets.push(validateSheet(ctx, sheet, layout, sheets));
  }
  return { file: wb.file, meta, issues: ctx.issues, sheets };
}

function checkMeta(ctx: Ctx, fromHeaders: boolean, meta: WorkbookMeta, region: Region): void {
  if (fromHeaders) {
    add(ctx, null, null, null, 'warning', 'issue.kind-from-headers', {
      kind: t(`kind.${meta.kind}`),
    });
  }
  if (meta.region !== '' && meta.region !== region.id) {
    add(ctx, null, null, null, 'warning', 'issue.region-mismatch', {
      found: meta.region,
      expected: region.id,
    });
  }
  if (meta.version < TEMPLATE_VERSION) {
    add(ctx, null, null, null, 'warning', 'issue.version-old', {
      found: meta.version,
      current: TEMPLATE_VERSION,
    });
  }
}

function add(
  ctx: Ctx,
  sheet: string | null,
  cell: string | null,
  field: string | null,
  severity: Severity,
  key: MessageKey,
  params: MessageParams,
): string {
  const message = t(key, params);
  ctx.issues.push({ file: ctx.file, sheet, cell, field, severity, message });
  return message;
}

type ColumnMap = Map<string, number>;

/** Rules of the call that look at a whole row of one sheet, as warnings. */
const rowRules: Record<string, (region: Region, record: Record<string, unknown>) => RowProblem[]> =
  {
    kandidatuur: intakeProblems,
  };

/** Finds each layout column in row 1; reports missing and unknown headers once. */
function mapColumns(ctx: Ctx, sheet: RawSheet, layout: AnyLayout): ColumnMap {
  const byHeader = new Map(
    Object.entries(layout.columns).map(([f, c]) => [normaliseHeader(c.header), f]),
  );
  const map: ColumnMap = new Map();
  for (const [col, header] of sheet.headers) {
    const field = byHeader.get(normaliseHeader(header));
    if (field !== undefined && !map.has(field)) map.set(field, col);
    else if (hasData(sheet.rows, col)) {
      add(ctx, sheet.name, a1(col, 1), header, 'warning', 'issue.column-unknown', { header });
    }
  }
  for (const [field, column] of Object.entries(layout.columns) as [string, Column][]) {
    if (!map.has(field)) {
      const severity = column.required ? 'error' : 'warning';
      add(ctx, sheet.name, null, column.header, severity, 'issue.column-missing', {
        header: column.header,
      });
    }
  }
  return map;
}

function hasData(rows: RawRow[], col: number): boolean {
  return rows.some((r) => {
    const c = r.cells.get(col);
    return c !== undefined && !isBlank(c.value);
  });
}

function validateSheet(
  ctx: Ctx,
  sheet: RawSheet,
  layout: AnyLayout,
  done: SheetOutcome[],
): SheetOutcome {
  const columns = mapColumns(ctx, sheet, layout);
  const outcome: SheetOutcome = {
    layout,
    sheet: sheet.name,
    rowsRead: sheet.rows.length,
    taken: [],
    refused: [],
  };
  const seen = new Map<string, number>();
  const known = layout.refersTo ? knownKeys(done, layout.refersTo.layout) : null;
  for (const row of sheet.rows) {
    const { record, errors } = readRow(ctx, sheet.name, row, layout, columns);
    errors.push(...crossChecks(ctx, sheet.name, row.row, layout, columns, record, seen, known));
    if (errors.length === 0) outcome.taken.push({ row: row.row, record });
    else outcome.refused.push({ row: row.row, reasons: errors, record });
  }
  return outcome;
}

/** The values of a sheet's unique column in every row read, taken or refused (a refusal is
 * reported on its own row, not again on every row that refers to it). */
function knownKeys(done: SheetOutcome[], layoutId: string): Set<string> {
  const other = done.find((s) => s.layout.id === layoutId);
  const field = other?.layout.unique;
  if (!other || field === undefined) return new Set();
  return new Set([...other.taken, ...other.refused].map((r) => String(r.record[field])));
}

function readRow(ctx: Ctx, sheet: string, row: RawRow, layout: AnyLayout, columns: ColumnMap) {
  const record: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const [field, column] of Object.entries(layout.columns) as [string, Column][]) {
    const col = columns.get(field);
    record[field] = null;
    if (col === undefined) {
      // Reported once for the sheet; each row still says why it was refused.
      if (column.required) errors.push(t('issue.column-missing', { header: column.header }));
      continue;
    }
    const cell = row.cells.get(col);
    const at = a1(col, row.row);
    if (cell === undefined || isBlank(cell.value)) {
      if (column.required) {
        errors.push(cellIssue(ctx, sheet, at, column, 'issue.required', { header: column.header }));
      }
      continue;
    }
    const result = coerce(cell.value, column, {
      date1904: ctx.date1904,
      vocabulary: column.vocabulary ? ctx.vocabularies[column.vocabulary] : null,
    });
    if (!result.ok) {
      errors.push(
        ...result.problems.map((p: Problem) => cellIssue(ctx, sheet, at, column, p.key, p.params)),
      );
      continue;
    }
    record[field] = result.value;
    if (cell.formula) {
      add(ctx, sheet, at, column.header, 'warning', 'issue.formula', {
        value: String(result.value),
      });
    }
    if (typeof result.value === 'string') {
      const found = textChecks(ctx, sheet, at, column, result.value, layout.anonymous === true);
      errors.push(...found);
      // Flagged personal data is never kept, not even in the refused row shown to the coordinator.
      if (found.length > 0) record[field] = maskPersonalData(result.value, t('privacy.masked'));
    }
  }
  return { record, errors };
}

function cellIssue(
  ctx: Ctx,
  sheet: string,
  at: string | null,
  column: Column,
  key: MessageKey,
  params: MessageParams,
): string {
  return add(ctx, sheet, at, column.header, 'error', key, params);
}

function textChecks(
  ctx: Ctx,
  sheet: string,
  at: string | null,
  column: Column,
  text: string,
  anonymous: boolean,
): string[] {
  const trigger = formulaTrigger(text);
  if (trigger !== null) {
    add(ctx, sheet, at, column.header, 'warning', 'issue.formula-text', { char: trigger });
  }
  if (!anonymous) return [];
  const kindsFound = [...new Set(findPersonalData(text).map((f) => f.kind))];
  return kindsFound.map((k) =>
    cellIssue(ctx, sheet, at, column, 'issue.privacy', { what: t(`privacy.${k}`) }),
  );
}

function crossChecks(
  ctx: Ctx,
  sheet: string,
  rowNumber: number,
  layout: AnyLayout,
  columns: ColumnMap,
  record: Record<string, unknown>,
  seen: Map<string, number>,
  known: Set<string> | null,
): string[] {
  const errors: string[] = [];
  const at = (field: string) => {
    const col = columns.get(field);
    return col === undefined ? null : a1(col, rowNumber);
  };
  const header = (field: string) =>
    (layout.columns as Record<string, Column>)[field]?.header ?? field;
  if (layout.unique !== undefined && typeof record[layout.unique] === 'string') {
    const value = record[layout.unique] as string;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, rowNumber);
    else {
      const h = header(layout.unique);
      errors.push(
        add(ctx, sheet, at(layout.unique), h, 'error', 'issue.duplicate-key', {
          value,
          first,
          header: h,
        }),
      );
    }
  }
  if (layout.refersTo && known !== null && typeof record[layout.refersTo.field] === 'string') {
    const value = record[layout.refersTo.field] as string;
    const f = layout.refersTo.field;
    if (!known.has(value))
      errors.push(add(ctx, sheet, at(f), header(f), 'error', 'issue.unknown-persona', { value }));
  }
  for (const p of rowRules[layout.id]?.(ctx.region, record) ?? []) {
    add(ctx, sheet, at(p.field), header(p.field), 'warning', p.key, p.params);
  }
  if (layout.dateOrder) {
    const [from, to] = layout.dateOrder;
    const a = record[from];
    const b = record[to];
    if (a instanceof Date && b instanceof Date && b < a) {
      add(ctx, sheet, at(to), header(to), 'warning', 'issue.dates-order', {
        from: header(from),
        to: header(to),
      });
    }
  }
  return errors;
}
