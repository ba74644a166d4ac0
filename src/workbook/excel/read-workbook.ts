/// <reference types="office-js" />
import type { RawWorkbook } from '../../domain/cells.js';
import { layouts } from '../../domain/layouts.js';
import { t } from '../../domain/messages.js';
import { queueMeta } from './meta-sheet.js';
import { queueTable, tableOf, type ReadOptions } from './read-table.js';
import { syncWithTimeout } from './sync-timeout.js';
import { hasTable, listContents } from './workbook-contents.js';

// Reads the workbook open in Excel into the domain's RawWorkbook: _meta and every table of a
// known layout, each as a sheet whose rows carry their real sheet row numbers (so issues name
// the cells the user sees). Two round trips whatever the size: one to learn which tables exist,
// one that loads them all. A missing table is simply absent, as in a file.

export interface ReadWorkbookOptions extends ReadOptions {
  /** How messages name the workbook; Office.js has no reliable file name. */
  file?: string;
}

export async function readWorkbook(
  context: Excel.RequestContext,
  options: ReadWorkbookOptions = {},
): Promise<RawWorkbook> {
  const contents = await listContents(context, options.timeoutMs);
  const meta = queueMeta(context, contents);
  const queued = layouts
    .filter((layout) => hasTable(contents, layout.table))
    .map((layout) => queueTable(context, layout));
  await syncWithTimeout(context, options.timeoutMs);
  const date1904 = options.date1904 ?? false;
  return {
    file: options.file ?? t('excel.this-workbook'),
    meta: meta(),
    date1904,
    sheets: queued.map((q) => tableOf(q, date1904).sheet),
  };
}
