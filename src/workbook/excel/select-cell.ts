/// <reference types="office-js" />
import { t } from '../../domain/messages.js';
import { syncWithTimeout } from './sync-timeout.js';

// Shows one cell to the user: activates its sheet and selects it, e.g. the cell an issue names.
// One round trip.

export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  cell: string,
  timeoutMs?: number,
): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(cell).select();
  try {
    await syncWithTimeout(context, timeoutMs);
  } catch (err) {
    if ((err as { code?: unknown } | null)?.code === 'ItemNotFound') {
      throw new Error(t('excel.sheet-missing', { sheet }));
    }
    throw err;
  }
}
