import type { RawWorkbook } from './cells.js';
import type { AnyLayout } from './layouts.js';
import type { Region } from './region/schema.js';
import type { FormValue } from './pane/layout-form.js';
import type { CellInput, RowInput } from './rows.js';
import type { WorkbookKind } from './workbook-kinds.js';

// What the task pane asks of the workbook it works on. Two adapters answer: the workbook open in
// Excel (Office.js) and, in preview mode, a workbook opened from disk held by exceljs in the page.
// The views see only this port, so every action behaves the same in both.

export interface SetUpReport {
  /** 'created': an empty workbook became a Partnerschap workbook; 'upgraded': an older version
   * got the current sheets, tables and columns; 'current': nothing needed doing. */
  outcome: 'created' | 'upgraded' | 'current';
  /** Columns added to existing tables, as "Sheet: Header", for the user to read. */
  addedColumns: string[];
  /** Sheets added. */
  addedSheets: string[];
}

/** A record placed at its sheet row, found by its key in the table as the writing request read it. */
export interface RowUpdate {
  /** 1-based sheet row, as RawRow.row gives it. */
  row: number;
  values: RowInput;
}

/** The fields that identify a record (row-by-key.ts): its unique column, or all its cells. */
export type RecordKey = Readonly<Partial<Record<string, FormValue | CellInput>>>;

/** An existing record overwritten: found by its key, never by a remembered row number. */
export interface KeyedUpdate {
  /** The record's key as the pane read it (row-by-key.ts): its Persona-ID, a need's cells. */
  key: RecordKey;
  values: RowInput;
}

/** One table's part of an action (saving a persona writes the persona and its needs). */
export interface TableWrite {
  layout: AnyLayout;
  /**
   * Records added after the last used row of the table. One whose key a row holds already is
   * refused, unless that row holds exactly its values (the same save retried): then nothing is written.
   */
  append?: readonly RowInput[];
  /**
   * Existing rows, found by key, overwritten in the fields their values name: the other fields,
   * and the table's other columns, keep what the row holds (a co-author's edit among them).
   */
  update?: readonly KeyedUpdate[];
}

/** The records a table write holds, appends and updates together: what a WriteOutcome counts. */
export function recordCount(write: TableWrite): number {
  return (write.append?.length ?? 0) + (write.update?.length ?? 0);
}

export interface WriteOutcome {
  rows: number;
  /** context.sync() calls the action took (0 in preview mode). */
  syncs: number;
  /** Largest request payload in bytes (estimated; 0 in preview mode). */
  largestPayload: number;
}

/** Demand and supply per problem area, for one municipality: what "Grafiek invoegen" charts. */
export interface ChartData {
  municipality: string;
  /** Per row: the problem area, demand (estimated citizens) and number of active offers. */
  rows: { area: string; demand: number; offers: number }[];
}

export interface ChartOutcome {
  /** The sheet that holds the chart's data (and the chart where the host can draw one). */
  sheet: string;
  /** False in preview mode: exceljs cannot draw charts, only the data is written. */
  chart: boolean;
}

export interface WorkbookHost {
  readonly mode: 'office' | 'preview';
  /** The whole workbook as the domain reads it: _meta and every known layout's sheet. */
  read(): Promise<RawWorkbook>;
  /** Makes the workbook a Partnerschap workbook of `kind`, or upgrades it, keeping every value. */
  setUp(kind: WorkbookKind, region: Region, owner: string): Promise<SetUpReport>;
  /**
   * One action's appends and updates, over one or more tables: in Excel one read and one write
   * round trip (more only when the payload demands it). Every row is checked before anything is
   * written, so a refused row (a column the sheet lacks, a key no row or several rows hold) writes
   * nothing. Rows are found by key in the table as read by the same request that writes them.
   */
  writeRecords(writes: readonly TableWrite[]): Promise<WriteOutcome>;
  /**
   * Calls `onChange` whenever a table's content changes in the workbook (a sort, a deleted row, a
   * co-author's edit), so the pane can read it again; resolves to the function that stops it.
   * Absent where only the pane changes the workbook (preview mode).
   */
  follow?(onChange: () => void): Promise<() => Promise<void>>;
  /** Makes the records the table's whole content (the read-only copies, such as Aanbod). */
  replaceRows(layout: AnyLayout, rows: readonly RowInput[]): Promise<WriteOutcome>;
  /** Sets these _meta pairs (e.g. where the Aanbod copy came from), keeping the other pairs. */
  setMeta(pairs: ReadonlyMap<string, string>): Promise<void>;
  /** Selects (and shows) one cell, e.g. "C5" on "Persona's". */
  select(sheet: string, cell: string): Promise<void>;
  /** Writes the chart's data on its own sheet and, where it can, a native clustered column chart. */
  insertChart(data: ChartData): Promise<ChartOutcome>;
}
