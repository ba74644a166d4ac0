import type { Region } from '../domain/region/schema.js';
import type { Columns } from '../domain/columns.js';
import type { CellInput, RowInput } from '../domain/rows.js';
import type { WorkbookKind } from '../domain/workbook-kinds.js';

// What the generator produces: one ExampleFile per workbook, with its rows and the mistakes that
// were put in on purpose.

export interface ExampleMistake {
  /** The layout id of the sheet (persona, nood, aanbod, kandidatuur). */
  layout: string;
  /** 0-based index into `rows[layout]`. */
  rowIndex: number;
  /** The column key. */
  field: string;
  kind:
    | 'missing-required'
    | 'not-in-list'
    | 'late'
    | 'wrong-subject'
    | 'national-number'
    | 'formula-text'
    | 'unreadable-optional';
}

export interface ExampleFile {
  /** Relative to the drive's root, with '/'. */
  path: string;
  kind: WorkbookKind;
  owner: string;
  /** The owner's e-mail address in _meta (municipalities: the partnership's contact there). */
  contact?: string;
  rows: Partial<Record<string, RowInput[]>>;
  mistakes: ExampleMistake[];
  /** A candidacy's e-mail: when it was received (Brussels wall clock) and its subject. */
  mail?: { received: Date; subject: string };
  /** When the file was last saved (Brussels wall clock), set by generateExample. */
  modified?: Date;
}

/** The drive folder a kind of workbook lives in, as the region names it. */
export function folderOf(region: Region, kind: WorkbookKind): string {
  const folders: Record<WorkbookKind, string> = {
    gemeente: region.drive.gemeenten,
    aanbod: region.drive.aanbod,
    kandidatuur: region.drive.kandidaturen,
    opvolging: region.drive.tracker,
  };
  return folders[kind];
}

/** A row with exactly the layout's column keys (checked at compile time). */
export type Row<L extends { columns: Columns }> = Record<
  keyof L['columns'] & string,
  CellInput | string[]
>;
