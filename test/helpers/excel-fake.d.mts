/// <reference types="office-js" />
// Types of excel-fake.mjs (plain JS so the bench can run it without a TypeScript loader).

export const NOT_LOADED: string;

export interface FakeCell {
  value: unknown;
  format: string;
  /** Excel would have taken the value for a formula (a "=" text in a cell that is not text). */
  formula: boolean;
}

export interface FakeValidation {
  address: string;
  rule?: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  title: { text: string };
  axes: { categoryAxis: { title: { text: string } }; valueAxis: { title: { text: string } } };
  position: [string, string] | null;
}

export interface FakeSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** By "row,col", 0-based. */
  cells: Map<string, FakeCell>;
  protected: boolean;
  protection: Excel.WorksheetProtectionOptions | null;
  frozenRows: number;
  /** Column widths in points by 0-based column. */
  widths: Map<number, number>;
  validations: FakeValidation[];
  charts: FakeChart[];
  format: Record<string, unknown>[];
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  row: number;
  col: number;
  cols: number;
  bodyRows: number;
  style?: string;
}

export interface FakeExcel {
  context: Excel.RequestContext;
  sheets: FakeSheet[];
  tables: FakeTable[];
  names: Map<string, string>;
  active: { sheet: string; cell: string | null } | null;
  syncs: number;
  /** Bytes of each request sent, in order. */
  requests: number[];
  /** Bytes of each response (the JSON of the properties its loads asked for), in order. */
  responses: number[];
  /** Responses refused for their size (over responseLimit), never answered. */
  refused: number[];
  /** Excel on the web's 5 MB; Infinity for a desktop Excel. */
  responseLimit: number;
  addSheet(name: string): FakeSheet;
  sheet(name: string): FakeSheet | undefined;
  table(name: string): FakeTable | undefined;
  putTable(
    sheet: string,
    name: string,
    headers: unknown[],
    rows: unknown[][],
    at?: { row: number; col: number },
  ): FakeTable;
  cell(sheet: string, a1: string): FakeCell | undefined;
  largestRequest(): number;
  largestResponse(): number;
  /** Handlers added to workbook.tables.onChanged and not removed. */
  tableListeners: ((event: Excel.TableChangedEventArgs) => Promise<unknown>)[];
  /** What a user or a co-author does in Excel itself; each fires the tables' onChanged. */
  byHand: {
    /** Sorts a table's body rows by its column `col` (0-based in the table). */
    sort(table: string, col: number, descending?: boolean): Promise<void>;
    /** Deletes a table's body row `i` (0-based); the rows below move up. */
    deleteRow(table: string, i: number): Promise<void>;
    /** Sets one cell, as a co-author's edit arriving. */
    edit(table: string, a1: string, value: unknown): Promise<void>;
  };
  reset(): void;
}

export function fakeExcel(): FakeExcel;
export function columnLetters(col: number): string;
export function parseA1(a1: string): { row: number; col: number };
