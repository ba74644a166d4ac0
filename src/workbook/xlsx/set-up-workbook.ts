import { foldText } from '../../domain/fold.js';
import ExcelJS from 'exceljs';
import type { SetUpReport } from '../../domain/workbook-host.js';
import { cellText, type Cell, type RawSheet, type RawWorkbook } from '../../domain/cells.js';
import type { Column } from '../../domain/columns.js';
import { findSheet } from '../../domain/detect-kind.js';
import { mijlpaalLayout, type AnyLayout } from '../../domain/layouts.js';
import type { Region } from '../../domain/region/schema.js';
import type { CellInput, RowInput } from '../../domain/rows.js';
import {
  HELP_SHEET,
  kinds,
  LISTS_SHEET,
  META_SHEET,
  TEMPLATE_VERSION,
  type WorkbookKind,
} from '../../domain/workbook-kinds.js';
import { buildWorkbook, type ExtraColumns } from './build-workbook.js';

// "Werkmap inrichten" on an exceljs workbook (preview mode): an empty workbook becomes the built
// workbook; an older or partial one is rebuilt by the same builder with every typed row and
// every column the layout does not know carried over by header, and the sheets the builder does
// not make copied as they are. Nothing typed is lost; formulas give their cached values.

export interface SetUpResult {
  workbook: ExcelJS.Workbook;
  report: SetUpReport;
}

interface Carried {
  rows: RowInput[];
  extra: ExtraColumns;
  missing: string[];
}

export function setUpWorkbook(
  wb: ExcelJS.Workbook,
  raw: RawWorkbook,
  kind: WorkbookKind,
  region: Region,
  owner: string,
  /** The _meta contact to keep (an upgrade must not lose it). */
  contact?: string,
): SetUpResult {
  const layouts = kinds[kind].sheets.map((s) => s.layout);
  if (isEmpty(raw)) {
    const built = buildWorkbook({ kind, region, owner, ...(contact !== undefined && { contact }) });
    return { workbook: built, report: report('created', [], visibleSheets(built)) };
  }
  const carried = new Map<AnyLayout, Carried>();
  for (const layout of layouts) {
    const sheet = findSheet(raw, layout);
    // The Tijdlijn copy is the region's timeline: the builder writes it afresh.
    if (sheet !== null && layout.id !== mijlpaalLayout.id)
      carried.set(layout, carry(sheet, layout));
  }
  if (isCurrent(raw, kind, region, owner, layouts)) {
    return { workbook: wb, report: report('current', [], []) };
  }
  const built = buildWorkbook({
    kind,
    region,
    owner,
    ...(contact !== undefined && { contact }),
    rows: Object.fromEntries([...carried].map(([l, c]) => [l.id, c.rows])),
    extra: Object.fromEntries([...carried].map(([l, c]) => [l.id, c.extra])),
  });
  const ownSheets = new Set([...visibleSheets(built), HELP_SHEET, LISTS_SHEET, META_SHEET]);
  for (const ws of wb.worksheets) {
    if (!ownSheets.has(ws.name) && hasValues(ws)) copySheet(ws, built);
  }
  const before = new Set(raw.sheets.map((s) => s.name));
  const addedColumns = [...carried].flatMap(([l, c]) => c.missing.map((h) => `${l.sheet}: ${h}`));
  const addedSheets = visibleSheets(built).filter((name) => !before.has(name));
  return { workbook: built, report: report('upgraded', addedColumns, addedSheets) };
}

function report(
  outcome: SetUpReport['outcome'],
  addedColumns: string[],
  addedSheets: string[],
): SetUpReport {
  return { outcome, addedColumns, addedSheets };
}

/** No _meta and nothing in any cell: a new workbook. */
function isEmpty(raw: RawWorkbook): boolean {
  return raw.meta === null && raw.sheets.every((s) => s.headers.size === 0 && s.rows.length === 0);
}

function isCurrent(
  raw: RawWorkbook,
  kind: WorkbookKind,
  region: Region,
  owner: string,
  layouts: AnyLayout[],
): boolean {
  const m = raw.meta;
  return (
    m?.get('kind') === kind &&
    Number(m.get('version')) >= TEMPLATE_VERSION &&
    m.get('region') === region.id &&
    m.get('owner') === owner &&
    raw.sheets.some((s) => s.name === HELP_SHEET) &&
    layouts.every((l) => {
      const sheet = findSheet(raw, l);
      return sheet !== null && missingHeaders(sheet, l).length === 0;
    })
  );
}

/** The sheet's rows by the layout's headers, and its other columns as extra columns. */
function carry(sheet: RawSheet, layout: AnyLayout): Carried {
  const fields = new Map(
    (Object.entries(layout.columns) as [string, Column][]).map(([f, c]) => [foldText(c.header), f]),
  );
  const known: [number, string][] = [];
  const extraCols: [number, string][] = [];
  for (const [col, header] of sheet.headers) {
    const field = fields.get(foldText(header));
    if (field !== undefined && !known.some(([, f]) => f === field)) known.push([col, field]);
    else extraCols.push([col, header]);
  }
  const rows = sheet.rows.map((r) =>
    Object.fromEntries(known.map(([col, f]) => [f, inputOf(r.cells.get(col))])),
  );
  return {
    rows,
    extra: {
      headers: extraCols.map(([, h]) => h),
      rows: sheet.rows.map((r) => extraCols.map(([col]) => inputOf(r.cells.get(col)))),
    },
    missing: missingHeaders(sheet, layout),
  };
}

function missingHeaders(sheet: RawSheet, layout: AnyLayout): string[] {
  const present = new Set([...sheet.headers.values()].map(foldText));
  return Object.values(layout.columns as Record<string, Column>)
    .map((c) => c.header)
    .filter((h) => !present.has(foldText(h)));
}

/** A cell's value as a writer takes it: its cached value, a truth value as the text shown. */
function inputOf(cell: Cell | undefined): CellInput {
  const v = cell?.value;
  if (v === undefined || v.kind === 'empty') return null;
  if (v.kind === 'text' || v.kind === 'number' || v.kind === 'date') return v.value;
  return cellText(v);
}

function visibleSheets(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);
}

function hasValues(ws: ExcelJS.Worksheet): boolean {
  let found = false;
  ws.eachRow((row) => (found ||= row.hasValues));
  return found;
}

/** A sheet copied with its values, styles, widths, merges and validations (not its images). */
function copySheet(from: ExcelJS.Worksheet, to: ExcelJS.Workbook): void {
  const ws = to.addWorksheet(from.name, { state: from.state });
  const model = from.model as ExcelJS.WorksheetModel & { tables?: { name: string }[] };
  const taken = new Set(to.worksheets.flatMap((w) => tableNames(w)));
  ws.model = {
    ...model,
    id: ws.id,
    // The model's setter reads merges under another name than its getter writes them.
    mergeCells: model.merges,
    // Images belong to the source workbook's media; a table name must stay unique.
    media: [],
    tables: (model.tables ?? []).filter((t) => !taken.has(t.name)),
  } as ExcelJS.WorksheetModel;
}

function tableNames(ws: ExcelJS.Worksheet): string[] {
  return ws
    .getTables()
    .map((t) => (t as unknown as { name?: string; table?: { name: string } }).table?.name ?? '');
}
