/// <reference types="office-js" />
import type { RawWorkbook } from '../../domain/cells.js';
import { layouts } from '../../domain/layouts.js';
import { t } from '../../domain/messages.js';
import { queueMeta } from './meta-sheet.js';
import { firstRequest, queueChunkedTables, readChunks } from './read-chunks.js';
import type { ReadOptions } from './read-table.js';
import { hasTable, listContents } from './workbook-contents.js';

// Reads the workbook open in Excel into the domain's RawWorkbook: _meta and every table of a
// known layout, each as a sheet whose rows carry their real sheet row numbers (so issues name
// the cells the user sees). One round trip learns which tables exist, one loads _meta and the
// tables' first rows (all of a small workbook); larger tables follow in requests whose number
// grows with the bytes, never with the rows (read-chunks.ts). A missing table is simply
// absent, as in a file.

export interface ReadWorkbookOptions extends ReadOptions {
  /** How messages name the workbook; Office.js has no reliable file name. */
  file?: string;
}

export async function readWorkbook(
  context: Excel.RequestContext,
  options: ReadWorkbookOptions = {},
): Promise<RawWorkbook> {
  const contents = await listContents(context, options.timeoutMs);
  const present = layouts.filter((layout) => hasTable(contents, layout.table));
  const first = await firstRequest(context, present, options.timeoutMs, (rows) => ({
    meta: queueMeta(context, contents),
    tables: queueChunkedTables(context, present, options.maxResponseBytes, rows),
  }));
  const { meta, tables: queued } = first.queued;
  const { tables } = await readChunks(context, queued, options);
  return {
    file: options.file ?? t('excel.this-workbook'),
    meta: meta(),
    date1904: options.date1904 ?? false,
    sheets: tables.map((table) => table.sheet),
  };
}
