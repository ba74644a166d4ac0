import type ExcelJS from 'exceljs';
import { listName, listReference } from '../../domain/list-names.js';
import type { Vocabularies, VocabularyId } from '../../domain/vocabularies.js';
import { LISTS_SHEET } from '../../domain/workbook-kinds.js';

// The hidden sheet Lijsten: one column per vocabulary a workbook's dropdowns use, its id in row 1
// and its values from row 2, each column named by a workbook defined name (lijst_<id>) that the
// list validations point at. A defined name survives LibreOffice and keeps the validation short.

/** Adds the hidden Lijsten sheet and one defined name per vocabulary, in `ids` order. */
export function addListsSheet(
  wb: ExcelJS.Workbook,
  vocabularies: Vocabularies,
  ids: readonly VocabularyId[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  ids.forEach((id, i) => {
    const values = vocabularies[id];
    if (values.length === 0) throw new Error(`vocabulary ${id} is empty`);
    const col = ws.getColumn(i + 1);
    col.width = Math.min(60, Math.max(14, ...values.map((v) => v.length + 2)));
    ws.getCell(1, i + 1).value = id;
    values.forEach((v, r) => {
      ws.getCell(r + 2, i + 1).value = v;
    });
    // The naming and the reference are the domain's, shared with the Office.js adapter.
    wb.definedNames.add(listReference(i, values.length), listName(id));
  });
  return ws;
}
