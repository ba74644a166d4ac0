import { columnLetters } from './address.js';
import type { VocabularyId } from './vocabularies.js';
import { LISTS_SHEET, type SheetRole } from './workbook-kinds.js';

// How a workbook's dropdown lists are named and laid out on the hidden Lijsten sheet: one column
// per vocabulary (its id in row 1, its values from row 2), each column named by a workbook
// defined name that the list validations point at. Both workbook adapters (exceljs, Office.js)
// follow it, so a workbook set up by either reads and upgrades the same way.

/** The workbook defined name of a vocabulary's list. */
export function listName(id: VocabularyId): string {
  return `lijst_${id}`;
}

/** What the defined name of the list in column `position` (0-based) with `count` values refers to. */
export function listReference(position: number, count: number): string {
  const letter = columnLetters(position + 1);
  return `${LISTS_SHEET}!$${letter}$2:$${letter}$${count + 1}`;
}

/** The vocabularies of the input sheets' dropdowns, in order of first use. */
export function listVocabularies(sheets: readonly SheetRole[]): VocabularyId[] {
  const ids = sheets
    .filter((s) => s.role === 'input')
    .flatMap((s) => Object.values(s.layout.columns))
    .flatMap((c) => (c.vocabulary === null ? [] : [c.vocabulary]));
  return [...new Set(ids)];
}
