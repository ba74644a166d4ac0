import ExcelJS from 'exceljs';
import { columnLetters } from '../../domain/address.js';
import { fitCellText } from '../../domain/cell-limit.js';
import {
  cellFormat,
  cellRule,
  GENERAL_FORMAT,
  valueFormat,
  type CellCheck,
} from '../../domain/cell-rules.js';
import type { Column } from '../../domain/columns.js';
import { mijlpaalLayout, type AnyLayout } from '../../domain/layouts.js';
import { listName, listVocabularies } from '../../domain/list-names.js';
import type { Region } from '../../domain/region/schema.js';
import { rowCells, type CellInput, type RowInput } from '../../domain/rows.js';
import { milestoneRecords } from '../../domain/timeline.js';
import { vocabulariesOf } from '../../domain/vocabularies.js';
import {
  HELP_SHEET,
  kinds,
  META_SHEET,
  TEMPLATE_VERSION,
  type SheetRole,
  type WorkbookKind,
} from '../../domain/workbook-kinds.js';
import { addHelpSheet, boldFont, fittedHeight, HEADER_FILL, LINE_HEIGHT } from './help-sheet.js';
import { addListsSheet } from './lists-sheet.js';

// Builds the Partnerschap workbooks from the sheet layouts (docs/architecture.md §2): per sheet an
// Excel table at A1 with the layout's headers, typed cells, dropdowns down the typed columns,
// an input message on every column, a frozen and locked header row; then Uitleg, the hidden
// Lijsten with the dropdown lists, and the very hidden _meta. Pure and deterministic: same input, same parts.
// Browser-safe (the task pane's preview sets workbooks up with it): writing files lives in
// write-templates.ts.

export interface BuildOptions {
  kind: WorkbookKind;
  region: Region;
  /** The municipality for a gemeente workbook; the partner (may be '') otherwise. */
  owner: string;
  /** The owner's e-mail address for the coordinator's mails (a gemeente workbook's, in _meta). */
  contact?: string;
  /** Data rows per layout id; absent means an empty template. */
  rows?: Partial<Record<string, RowInput[]>>;
  /**
   * Columns a person added that the layout does not know, per layout id: kept after the
   * layout's columns, with one value per row of `rows` (the tracker carries them over a sync).
   */
  extra?: Partial<Record<string, ExtraColumns>>;
}

export interface ExtraColumns {
  headers: readonly string[];
  /** Per data row, its cells in the order of `headers`. */
  rows: readonly (readonly CellInput[])[];
}

const AUTHOR = 'Partnerschap';
/** Every workbook claims the same creation time, so the same input gives the same parts. */
const FIXED_TIME = new Date('2023-04-28T00:00:00Z');
const TABLE_STYLE = 'TableStyleMedium2';
/** Columns the sync fills: a grey header and grey, locked cells. */
export const SYNC_HEADER_FILL = 'FF7F7F7F';
export const SYNC_CELL_FILL = 'FFEDEDED';
const EXTRA_WIDTH = 20;
/**
 * Rows under a table that keep its typed columns' dropdowns and formats. Not to the sheet's end:
 * exceljs (the preview, the tests) expands a validation range cell by cell when it reads one.
 */
const ROOM_BELOW = 1_000;

/** File names of the workbooks; they name files on the shared drive, so they are fixed Dutch. */
const FILE_NAMES: Record<WorkbookKind, { owned: string; template: string }> = {
  gemeente: { owned: 'Gemeente {owner}.xlsx', template: 'Gemeente (sjabloon).xlsx' },
  aanbod: { owned: 'Aanbod {owner}.xlsx', template: 'Aanbod (sjabloon).xlsx' },
  kandidatuur: { owned: 'Kandidatuur {owner}.xlsx', template: 'Kandidatuur (sjabloon).xlsx' },
  opvolging: { owned: 'Opvolging kandidaturen.xlsx', template: 'Opvolging kandidaturen.xlsx' },
};

export function buildWorkbook(o: BuildOptions): ExcelJS.Workbook {
  const spec = kinds[o.kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = AUTHOR;
  wb.lastModifiedBy = AUTHOR;
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;

  for (const sheet of spec.sheets) {
    addDataSheet(wb, sheet, rowsFor(sheet.layout, o), o.extra?.[sheet.layout.id]);
  }
  // Uitleg after the data sheets: a workbook opens on its first sheet, and the people who fill
  // it in return to it many times; the input message of each cell already says what goes there.
  addHelpSheet(wb, o.kind, o.region, o.owner);
  const used = listVocabularies(spec.sheets);
  if (used.length > 0) addListsSheet(wb, vocabulariesOf(o.region), used);
  addMetaSheet(wb, [
    ['kind', o.kind],
    ['version', TEMPLATE_VERSION],
    ['region', o.region.id],
    ['owner', o.owner],
    ...(o.contact === undefined ? [] : [['contact', o.contact] as [string, string]]),
  ]);

  // Sheets are protected without a password: it guards the lists, meta, read-only copies and the
  // sync's own columns against slips, not against people (Review > Unprotect sheet lifts it). An
  // input sheet the sync does not write stays open: Excel and LibreOffice add rows to a table only
  // on an unprotected sheet, and a partner may need more rows than the template offers.
  const open = new Set(spec.sheets.filter(growsByHand).map((s) => s.layout.sheet));
  for (const ws of wb.worksheets.filter((w) => !open.has(w.name))) {
    // Without a password protect() sets the protection synchronously (no hashing to wait for).
    void ws.protect('', {
      spinCount: 1000,
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      autoFilter: true,
      sort: true,
    });
  }
  // The first time it is opened, a workbook shows its Uitleg; after that, where its user left it.
  const help = wb.worksheets.findIndex((w) => w.name === HELP_SHEET);
  wb.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: help,
      visibility: 'visible',
    },
  ];
  return wb;
}

/** An input sheet whose rows people add by hand: no column of it is the sync's. */
function growsByHand({ layout, role }: SheetRole): boolean {
  return role === 'input' && columnsOf(layout).every((c) => !c.bySync);
}

/** The Dutch file name of a workbook: 'Gemeente Deinze.xlsx', 'Aanbod (sjabloon).xlsx', … */
export function templateFileName(kind: WorkbookKind, owner: string): string {
  const safe = [...owner]
    .map((ch) => (ch < ' ' || '<>:"/\\|?*'.includes(ch) ? '-' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  const names = FILE_NAMES[kind];
  return safe === '' ? names.template : names.owned.replace('{owner}', safe);
}

function rowsFor(layout: AnyLayout, o: BuildOptions): RowInput[] {
  const given = o.rows?.[layout.id];
  if (given) return given;
  return layout.id === mijlpaalLayout.id ? milestoneRecords(o.region) : [];
}

function columnsOf(layout: AnyLayout): Column[] {
  return Object.values(layout.columns);
}

/** Widest sheet (in characters) still readable when printed fitted to one A4 landscape width. */
const FIT_WIDTH_MAX = 230;

/** A4 landscape, the header row on every page; fitted to the page's width where still readable. */
function pageSetupFor(sheet: string, widths: readonly number[]): Partial<ExcelJS.PageSetup> {
  const fit = widths.reduce((a, b) => a + b, 0) <= FIT_WIDTH_MAX;
  return {
    paperSize: 9,
    orientation: 'landscape',
    // exceljs writes the print titles' sheet name without doubling an apostrophe ('Persona's'),
    // a reference Excel would repair: such a sheet prints without repeated header.
    ...(!sheet.includes("'") && { printTitlesRow: '1:1' }),
    ...(fit && { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
  };
}

function addDataSheet(
  wb: ExcelJS.Workbook,
  { layout, role }: SheetRole,
  rows: RowInput[],
  extra: ExtraColumns | undefined,
): void {
  const columns = columnsOf(layout);
  const extraHeaders = extra?.headers ?? [];
  const widths = [...columns.map((c) => c.width), ...extraHeaders.map(() => EXTRA_WIDTH)];
  const ws = wb.addWorksheet(layout.sheet, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: pageSetupFor(layout.sheet, widths),
  });
  // exceljs needs at least one data row in a table.
  const height = Math.max(rows.length, layout.templateRows, 1);
  const blank = (n: number) => Array.from({ length: n }, (): CellInput => null);
  const data = rows.map((r, i) =>
    [...rowCells(layout, r), ...extraHeaders.map((_, j) => extra?.rows[i]?.[j] ?? null)].map((v) =>
      typeof v === 'string' ? fitCellText(v) : v,
    ),
  );
  while (data.length < height) data.push(blank(columns.length + extraHeaders.length));
  ws.addTable({
    name: layout.table,
    displayName: layout.table,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: [...columns.map((c) => c.header), ...extraHeaders].map((name) => ({
      name,
      filterButton: true,
    })),
    rows: data,
  });

  // Neither Excel nor LibreOffice fits row heights on opening: give the header and the filled
  // rows room for their wrapped texts.
  const header = ws.getRow(1);
  header.height = fittedHeight([...columns.map((c) => c.header), ...extraHeaders], widths);
  data.slice(0, rows.length).forEach((cells, r) => {
    const texts = cells.map((v, i) =>
      columns[i]?.type === 'longtext' || i >= columns.length ? String(v ?? '') : '',
    );
    const fitted = fittedHeight(texts, widths);
    if (fitted > LINE_HEIGHT) ws.getRow(r + 2).height = fitted;
  });
  const input = role === 'input';
  columns.forEach((column, i) => {
    const col = ws.getColumn(i + 1);
    col.width = column.width;
    // A column the sync fills is grey and locked; people type in the others.
    const typed = input && !column.bySync;
    // A format cannot be typed over: what is in the column is the layout's type, also in rows
    // added under the table (the header's style is set after this).
    if (typed) col.style = { numFmt: cellFormat(column), alignment: { vertical: 'top' } };
    header.getCell(i + 1).style = {
      font: boldFont(11, 'FFFFFFFF'),
      fill: solid(column.bySync ? SYNC_HEADER_FILL : HEADER_FILL),
      alignment: { wrapText: true, vertical: 'middle' },
    };
    for (let r = 2; r <= height + 1; r++) {
      ws.getCell(r, i + 1).style = {
        ...numFmtOf(valueFormat(column, data[r - 2]?.[i])),
        ...(column.bySync ? { fill: solid(SYNC_CELL_FILL) } : {}),
        alignment: { vertical: 'top', wrapText: column.type === 'longtext' },
        protection: { locked: !typed },
      };
    }
    // The dropdowns of a typed column reach well under the table: a row typed under it or inserted
    // in it keeps them, in Excel and in LibreOffice alike.
    const letter = columnLetters(i + 1);
    const range = `${letter}2:${letter}${height + 1 + (typed ? ROOM_BELOW : 0)}`;
    validations(ws).add(range, validationFor(column, typed));
  });
  // Columns a person added: theirs, free text, unlocked.
  extraHeaders.forEach((_, j) => {
    const c = columns.length + j + 1;
    ws.getColumn(c).width = EXTRA_WIDTH;
    header.getCell(c).style = {
      font: boldFont(11, 'FFFFFFFF'),
      fill: solid(HEADER_FILL),
      alignment: { wrapText: true, vertical: 'middle' },
    };
    for (let r = 2; r <= height + 1; r++) {
      ws.getCell(r, c).style = {
        ...numFmtOf(valueFormat(null, data[r - 2]?.[c - 1])),
        alignment: { vertical: 'top', wrapText: true },
        protection: { locked: false },
      };
    }
  });
}

/** A cell without a number format is General. */
function numFmtOf(format: string): { numFmt?: string } {
  return format === GENERAL_FORMAT ? {} : { numFmt: format };
}

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

type Validation = Omit<ExcelJS.DataValidation, 'type' | 'formulae'> & {
  type: ExcelJS.DataValidation['type'] | 'any';
  formulae?: unknown[];
};

/** exceljs has range data validations (worksheet.dataValidations) but does not declare them. */
function validations(ws: ExcelJS.Worksheet): { add(range: string, v: Validation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, v: Validation): void } })
    .dataValidations;
}

/** The exceljs shape of a column's input message and check (cell-rules.ts). */
function validationFor(column: Column, input: boolean): Validation {
  const { prompt, check } = cellRule(column, input);
  const message = { showInputMessage: true, promptTitle: prompt.title, prompt: prompt.message };
  // Read-only sheets and free text only explain their columns.
  if (check === null) return { type: 'any', ...message };
  return {
    ...message,
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: check.alert.style,
    errorTitle: check.alert.title,
    error: check.alert.message,
    ...checkOf(check),
  };
}

function checkOf(check: CellCheck): Pick<Validation, 'type' | 'operator' | 'formulae'> {
  switch (check.kind) {
    case 'list':
      // The defined name, without '=' as Excel itself writes formulas in the file.
      return { type: 'list', formulae: [listName(check.vocabulary)] };
    case 'whole':
    case 'decimal':
      return { type: check.kind, operator: 'greaterThanOrEqual', formulae: [check.min] };
    case 'date':
      return { type: 'date', operator: 'between', formulae: [check.from, check.to] };
  }
}

function addMetaSheet(wb: ExcelJS.Workbook, entries: [string, string | number][]): void {
  const ws = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  for (const entry of entries) ws.addRow(entry);
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 30;
}
