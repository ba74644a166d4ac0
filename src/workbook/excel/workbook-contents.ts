/// <reference types="office-js" />
import { syncWithTimeout } from './sync-timeout.js';

// What a workbook holds, by name: its sheets (with their visibility), tables and defined names.
// Office.js cannot ask whether an item exists without a round trip, and asking for each item
// would cost one per item; this is the one round trip that answers all of them, so the action's
// next request can queue only what exists. Excel compares these names case-insensitively.

export interface WorkbookContents {
  /** Sheet names by their lower-case form. */
  sheets: Map<string, string>;
  tables: Set<string>;
  names: Set<string>;
}

export async function listContents(
  context: Excel.RequestContext,
  timeoutMs?: number,
): Promise<WorkbookContents> {
  const sheets = context.workbook.worksheets.load('items/name');
  const tables = context.workbook.tables.load('items/name');
  const names = context.workbook.names.load('items/name');
  await syncWithTimeout(context, timeoutMs);
  return {
    sheets: new Map(sheets.items.map((s) => [key(s.name), s.name])),
    tables: new Set(tables.items.map((t) => key(t.name))),
    names: new Set(names.items.map((n) => key(n.name))),
  };
}

/** The sheet's name as the workbook spells it, or null when there is none. */
export function sheetName(contents: WorkbookContents, name: string): string | null {
  return contents.sheets.get(key(name)) ?? null;
}

export function hasTable(contents: WorkbookContents, name: string): boolean {
  return contents.tables.has(key(name));
}

export function hasName(contents: WorkbookContents, name: string): boolean {
  return contents.names.has(key(name));
}

function key(name: string): string {
  return name.toLocaleLowerCase('nl-BE');
}
