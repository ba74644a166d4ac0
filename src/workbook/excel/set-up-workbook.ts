/// <reference types="office-js" />
import { TEXT_FORMAT } from '../../domain/cell-rules.js';
import type { Column } from '../../domain/columns.js';
import { foldText } from '../../domain/fold.js';
import {
  helpGrid,
  helpRows,
  HELP_WIDTHS,
  type HelpRow,
  type HelpRowRole,
} from '../../domain/help-rows.js';
import { mijlpaalLayout } from '../../domain/layouts.js';
import { listName, listReference, listVocabularies } from '../../domain/list-names.js';
import { t } from '../../domain/messages.js';
import type { Region } from '../../domain/region/schema.js';
import type { RowInput } from '../../domain/rows.js';
import { milestoneRecords } from '../../domain/timeline.js';
import { vocabulariesOf, type VocabularyId } from '../../domain/vocabularies.js';
import {
  HELP_SHEET,
  isWorkbookKind,
  kinds,
  LISTS_SHEET,
  META_SHEET,
  TEMPLATE_VERSION,
  type SheetRole,
  type WorkbookKind,
} from '../../domain/workbook-kinds.js';
import { dressColumn, widthInPoints } from './column-setup.js';
import { metaRows, queueMeta } from './meta-sheet.js';
import { READ_ONLY_PROTECTION } from './protection.js';
import { syncWithTimeout } from './sync-timeout.js';
import { prepareRow } from './prepare-row.js';
import {
  hasName,
  hasTable,
  listContents,
  sheetName,
  type WorkbookContents,
} from './workbook-contents.js';

// "Werkmap inrichten" in Excel: makes the open workbook a Partnerschap workbook of a kind, or
// upgrades an older one in place, the way the exceljs builder makes the files (docs/architecture.md §2):
// per layout sheet a table at A1, typed columns with input messages and dropdowns from the
// hidden Lijsten sheet, a frozen header, protected read-only copies, Uitleg and a very hidden
// _meta. An upgrade only adds: missing sheets and tables, missing columns at a table's end
// (no value moves or is cleared), fresh lists, the current version in _meta.
// Three round trips whatever the size: what exists, the shape of what exists, all the writes.

export interface SetUpOptions {
  timeoutMs?: number;
}

/** What was done, for the pane to tell (the host port's SetUpReport). */
export interface SetUpReport {
  outcome: 'created' | 'upgraded' | 'current';
  /** Columns added to existing tables, as "Sheet: Header". */
  addedColumns: string[];
  addedSheets: string[];
}

const TABLE_STYLE = 'TableStyleMedium2';
/** Uitleg's colours, those of the templates: the table style's header blue and a light rule. */
const HELP_HEADER_FILL = '#4472C4';
const HELP_HEADER_FONT = '#FFFFFF';
const HELP_ROW_LINE = '#B4C6E7';

/** A table of the kind that the workbook already has, loaded for its shape. */
interface Present {
  role: SheetRole;
  header: Excel.Range;
  body: Excel.Range;
  worksheet: Excel.Worksheet;
}

/** A table of the kind that is missing, and the sheet it may go on. */
interface Absent {
  role: SheetRole;
  /** An existing sheet to put it on: the sheet of its name, or a new workbook's lone sheet. */
  candidate: { name: string; used: Excel.Range; rename: boolean } | null;
}

export async function setUpWorkbook(
  context: Excel.RequestContext,
  kind: WorkbookKind,
  region: Region,
  owner: string,
  options: SetUpOptions = {},
): Promise<SetUpReport> {
  const contents = await listContents(context, options.timeoutMs);
  const roles = kinds[kind].sheets;
  const meta = queueMeta(context, contents);
  const present = roles
    .filter((r) => hasTable(contents, r.layout.table))
    .map((r) => queuePresent(context, r));
  const fresh = present.length === 0 && sheetName(contents, META_SHEET) === null;
  const absent = queueAbsent(
    context,
    contents,
    roles.filter((r) => !hasTable(contents, r.layout.table)),
    fresh,
  );
  await syncWithTimeout(context, options.timeoutMs);

  const found = meta();
  checkKind(found?.get('kind'), kind);
  context.workbook.application.suspendScreenUpdatingUntilNextSync();
  const addedColumns = present.flatMap((p) => addColumns(context, p));
  const sheets = absent.map((a) => createTable(context, a, region));
  const addedSheets = sheets.filter((s) => s.added).map((s) => s.name);
  const metaValues = metaRows(found, { kind, region: region.id, owner });
  if (sheetName(contents, HELP_SHEET) === null) {
    // Uitleg names the workbook's own owner, the one _meta keeps on an upgrade.
    const own = metaValues.find(([key]) => key === 'owner')?.[1];
    writeHelp(context, helpRows(kind, region, String(own ?? owner)));
    addedSheets.push(HELP_SHEET);
  }
  writeLists(context, contents, region, listVocabularies(roles));
  writeMeta(context, contents, metaValues);
  (present[0]?.worksheet ?? sheets[0]?.worksheet)?.activate();
  await syncWithTimeout(context, options.timeoutMs);

  const changed =
    addedColumns.length > 0 ||
    absent.length > 0 ||
    found === null ||
    Number(found.get('version')) < TEMPLATE_VERSION;
  const outcome = fresh ? 'created' : changed ? 'upgraded' : 'current';
  return { outcome, addedColumns, addedSheets };
}

function queuePresent(context: Excel.RequestContext, role: SheetRole): Present {
  const table = context.workbook.tables.getItem(role.layout.table);
  return {
    role,
    header: table.getHeaderRowRange().load('values,columnIndex,columnCount'),
    body: table.getDataBodyRange().load('rowIndex,rowCount'),
    worksheet: table.worksheet.load('name,protection/protected'),
  };
}

function queueAbsent(
  context: Excel.RequestContext,
  contents: WorkbookContents,
  roles: SheetRole[],
  fresh: boolean,
): Absent[] {
  const used = (name: string) =>
    context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true).load('isNullObject');
  // A new workbook's own empty sheet ("Blad1") becomes the first data sheet, not a leftover.
  const lone = fresh && contents.sheets.size === 1 ? [...contents.sheets.values()][0] : undefined;
  let spare =
    lone !== undefined && !roles.some((r) => sheetName(contents, r.layout.sheet) === lone)
      ? lone
      : undefined;
  return roles.map((role) => {
    const same = sheetName(contents, role.layout.sheet);
    if (same !== null) return { role, candidate: { name: same, used: used(same), rename: false } };
    if (spare === undefined) return { role, candidate: null };
    const candidate = { name: spare, used: used(spare), rename: true };
    spare = undefined;
    return { role, candidate };
  });
}

function checkKind(found: string | undefined, wanted: WorkbookKind): void {
  if (found === undefined || found === '' || found === wanted) return;
  const label = (k: string) => (isWorkbookKind(k) ? t(`kind.${k}`) : k);
  throw new Error(t('excel.setup-other-kind', { found: label(found), wanted: label(wanted) }));
}

/** Appends the layout's missing columns at the table's end; returns them as "Sheet: Header". */
function addColumns(context: Excel.RequestContext, p: Present): string[] {
  const { layout, role } = p.role;
  const present = new Set(
    (p.header.values[0] ?? []).map((h: unknown) => foldText(String(h ?? ''))),
  );
  const missing = (Object.values(layout.columns) as Column[]).filter(
    (c) => !present.has(foldText(c.header)),
  );
  const copy = role === 'copy';
  const wasProtected = p.worksheet.protection.protected === true;
  if (copy && wasProtected && missing.length > 0) p.worksheet.protection.unprotect();
  const table = context.workbook.tables.getItem(layout.table);
  missing.forEach((column, k) => {
    table.columns.add(undefined, undefined, column.header);
    const place = {
      col: p.header.columnIndex + p.header.columnCount + k,
      firstRow: p.body.rowIndex,
      rows: p.body.rowCount,
    };
    dressColumn(p.worksheet, column, place, !copy);
  });
  // A read-only copy is protected again, or for the first time when an older version was not.
  if (copy && (!wasProtected || missing.length > 0)) {
    p.worksheet.protection.protect(READ_ONLY_PROTECTION);
  }
  return missing.map((c) => `${p.worksheet.name}: ${c.header}`);
}

interface Created {
  name: string;
  added: boolean;
  worksheet: Excel.Worksheet;
}

/** Puts a layout's table at A1 of its sheet: an empty one of its name, or a new sheet. */
function createTable(context: Excel.RequestContext, a: Absent, region: Region): Created {
  const { layout, role } = a.role;
  const sheets = context.workbook.worksheets;
  const reuse = a.candidate !== null && a.candidate.used.isNullObject ? a.candidate : null;
  if (a.candidate !== null && !a.candidate.rename && reuse === null) {
    throw new Error(t('excel.setup-sheet-in-use', { sheet: layout.sheet, table: layout.table }));
  }
  const worksheet = reuse === null ? sheets.add(layout.sheet) : sheets.getItem(reuse.name);
  if (reuse?.rename) worksheet.name = layout.sheet;

  const columns = Object.values(layout.columns) as Column[];
  const records: RowInput[] = layout.id === mijlpaalLayout.id ? milestoneRecords(region) : [];
  const rows = Math.max(records.length, layout.templateRows, 1);
  // Formats before values: a text cell must be text before anything is typed or written in it.
  columns.forEach((c, j) =>
    dressColumn(worksheet, c, { col: j, firstRow: 1, rows }, role === 'input'),
  );
  const prepared = records.map((r) => prepareRow(layout, r, false));
  // The filled rows' own formats: a date-only milestone is a date, not "… 00:00".
  if (prepared.length > 0) {
    worksheet.getRangeByIndexes(1, 0, prepared.length, columns.length).numberFormat = prepared.map(
      (p) => p.formats,
    );
  }
  const blank = columns.map(() => '');
  const values = [
    columns.map((c) => c.header),
    ...prepared.map((p) => p.values),
    ...Array.from({ length: rows - records.length }, () => blank),
  ];
  const range = worksheet.getRangeByIndexes(0, 0, rows + 1, columns.length);
  range.values = values;
  const table = worksheet.tables.add(range, true);
  table.name = layout.table;
  table.style = TABLE_STYLE;
  worksheet.getRangeByIndexes(0, 0, 1, columns.length).format.wrapText = true;
  worksheet.freezePanes.freezeRows(1);
  if (role === 'copy') worksheet.protection.protect(READ_ONLY_PROTECTION);
  return { name: layout.sheet, added: reuse === null || reuse.rename, worksheet };
}

/**
 * Writes Uitleg as one block of the domain's help rows, styled by their roles the way the
 * templates are: a large bold title, bold topics, wrapping explanations, column tables with a
 * coloured header row. Only queues; rows are fitted to their wrapped text by Excel.
 */
function writeHelp(context: Excel.RequestContext, rows: readonly HelpRow[]): void {
  const sheet = context.workbook.worksheets.add(HELP_SHEET);
  const grid = helpGrid(rows);
  const width = HELP_WIDTHS.length;
  const range = sheet.getRangeByIndexes(0, 0, grid.length, width);
  range.numberFormat = grid.map((r) => r.map(() => TEXT_FORMAT));
  range.values = grid;
  range.format.wrapText = true;
  range.format.verticalAlignment = 'Top';
  HELP_WIDTHS.forEach((w, i) => {
    sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthInPoints(w);
  });
  for (const run of roleRuns(rows)) {
    const cells = (cols: number) => sheet.getRangeByIndexes(run.start, 0, run.count, cols);
    switch (run.role) {
      case 'title':
      case 'table': {
        // One line that may run on over B, as in the templates.
        const format = cells(1).format;
        format.wrapText = false;
        format.font.bold = true;
        format.font.size = run.role === 'title' ? 14 : 12;
        break;
      }
      case 'topic':
        cells(1).format.font.bold = true;
        break;
      case 'header': {
        const format = cells(width).format;
        format.font.bold = true;
        format.font.color = HELP_HEADER_FONT;
        format.fill.color = HELP_HEADER_FILL;
        break;
      }
      case 'column': {
        const borders = cells(width).format.borders;
        const edges =
          run.count > 1 ? (['EdgeBottom', 'InsideHorizontal'] as const) : (['EdgeBottom'] as const);
        for (const edge of edges) {
          const border = borders.getItem(edge);
          border.style = 'Continuous';
          border.weight = 'Thin';
          border.color = HELP_ROW_LINE;
        }
        break;
      }
    }
  }
  range.format.autofitRows();
}

/** Consecutive rows of the same role, so each style is one range per run. */
function roleRuns(rows: readonly HelpRow[]): { role: HelpRowRole; start: number; count: number }[] {
  const runs: { role: HelpRowRole; start: number; count: number }[] = [];
  rows.forEach((r, i) => {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.role === r.role) last.count++;
    else runs.push({ role: r.role, start: i, count: 1 });
  });
  return runs;
}

/** Writes the Lijsten sheet afresh (the region's lists may have changed) and its names. */
function writeLists(
  context: Excel.RequestContext,
  contents: WorkbookContents,
  region: Region,
  ids: VocabularyId[],
): void {
  if (ids.length === 0) return;
  const vocabularies = vocabulariesOf(region);
  const existing = sheetName(contents, LISTS_SHEET);
  const sheets = context.workbook.worksheets;
  const sheet = existing === null ? sheets.add(LISTS_SHEET) : sheets.getItem(existing);
  if (existing !== null) sheet.getRange().clear('Contents');
  const height = 1 + Math.max(...ids.map((id) => vocabularies[id].length));
  const grid = Array.from({ length: height }, (_, r) =>
    ids.map((id) => (r === 0 ? id : (vocabularies[id][r - 1] ?? ''))),
  );
  const range = sheet.getRangeByIndexes(0, 0, height, ids.length);
  range.numberFormat = grid.map((row) => row.map(() => TEXT_FORMAT));
  range.values = grid;
  ids.forEach((id, i) => {
    const name = listName(id);
    const formula = `=${listReference(i, vocabularies[id].length)}`;
    if (hasName(contents, name)) context.workbook.names.getItem(name).formula = formula;
    else context.workbook.names.add(name, formula);
  });
  sheet.visibility = 'Hidden';
}

function writeMeta(
  context: Excel.RequestContext,
  contents: WorkbookContents,
  rows: (string | number)[][],
): void {
  const existing = sheetName(contents, META_SHEET);
  const sheets = context.workbook.worksheets;
  const sheet = existing === null ? sheets.add(META_SHEET) : sheets.getItem(existing);
  const range = sheet.getRangeByIndexes(0, 0, rows.length, 2);
  range.numberFormat = rows.map(() => [TEXT_FORMAT, 'General']);
  range.values = rows;
  sheet.visibility = 'VeryHidden';
}
