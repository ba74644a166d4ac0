import type ExcelJS from 'exceljs';
import { listName } from '../../domain/list-names.js';
import type { Vocabularies, VocabularyId } from '../../domain/vocabularies.js';
import { LISTS_SHEET } from '../../domain/workbook-kinds.js';

// The hidden sheet Lijsten: one column per vocabulary a workbook's dropdowns use, its id in row 1
// and its values from row 2, each column named by a workbook defined name (lijst_<id>) that the
// list validations point at. A defined name survives LibreOffice and keeps the validation short.

// The naming is the domain's, shared with the Office.js adapter; re-exported for the builder.
export { listName };

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
    const letter = columnLetter(i + 1);
    wb.definedNames.add(
      `${LISTS_SHEET}!$${letter}$2:$${letter}$${values.length + 1}`,
      listName(id),
    );
  });
  return ws;
}

/** A1-style column letters of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
