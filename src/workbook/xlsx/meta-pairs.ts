import type ExcelJS from 'exceljs';
import { t } from '../../domain/messages.js';
import { META_SHEET } from '../../domain/workbook-kinds.js';

// Sets _meta pairs in a workbook held by exceljs (preview mode), as the Office.js adapter does in
// Excel: an existing key's value is replaced, a new key is added below, the other rows stay.

export function setMetaPairs(wb: ExcelJS.Workbook, pairs: ReadonlyMap<string, string>): void {
  const ws = wb.worksheets.find((s) => s.name.toLowerCase() === META_SHEET.toLowerCase());
  if (ws === undefined) throw new Error(t('excel.meta-missing'));
  const rowOf = new Map<string, number>();
  ws.eachRow((row, n) => rowOf.set(String(row.getCell(1).value ?? '').trim(), n));
  let next = ws.rowCount + 1;
  for (const [key, value] of pairs) {
    const row = ws.getRow(rowOf.get(key) ?? next++);
    row.getCell(1).value = key;
    row.getCell(2).value = value;
  }
}
