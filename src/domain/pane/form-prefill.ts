import { foldText } from '../fold.js';
import {
  cellText,
  type CellValue,
  type RawRow,
  type RawSheet,
  type RawWorkbook,
} from '../cells.js';
import type { Column } from '../columns.js';
import { findSheet } from '../detect-kind.js';
import { noodLayout, personaLayout, type AnyLayout } from '../layouts.js';
import { splitList } from '../rows.js';
import { formatDate, formatDateTime } from '../time.js';
import type { FormRecord } from './layout-form.js';

// Editing a persona: the form starts from what the sheet holds, as text a person would type
// (dates as dd/mm/jjjj, lists split), so the live checks and the save treat it like new input.

export interface StoredRecord {
  /** 1-based sheet row, where an edit writes back. */
  row: number;
  values: FormRecord;
}

export interface StoredPersona extends StoredRecord {
  id: string;
  naam: string;
  needs: StoredRecord[];
}

export function storedPersonas(wb: RawWorkbook): StoredPersona[] {
  const personas = findSheet(wb, personaLayout);
  if (personas === null) return [];
  const needs = storedNeeds(wb);
  return personas.rows.map((row) => {
    const values = formRecordOf(personaLayout, personas, row);
    const id = String(values.id ?? '');
    return {
      row: row.row,
      values,
      id,
      naam: String(values.naam ?? ''),
      needs: needs.filter((n) => String(n.values.persona ?? '') === id && id !== ''),
    };
  });
}

/** Every need of the workbook, whichever persona it names. */
export function storedNeeds(wb: RawWorkbook): StoredRecord[] {
  return storedRecords(wb, noodLayout);
}

function storedRecords(wb: RawWorkbook, layout: AnyLayout): StoredRecord[] {
  const sheet = findSheet(wb, layout);
  return sheet === null
    ? []
    : sheet.rows.map((row) => ({ row: row.row, values: formRecordOf(layout, sheet, row) }));
}

/** One row's cells under the layout's fields, as form text. */
export function formRecordOf(layout: AnyLayout, sheet: RawSheet, row: RawRow): FormRecord {
  const columnOf = new Map<string, number>();
  for (const [col, header] of sheet.headers) columnOf.set(foldText(header), col);
  const record: FormRecord = {};
  for (const [field, column] of Object.entries(layout.columns) as [string, Column][]) {
    const col = columnOf.get(foldText(column.header));
    const cell = col === undefined ? undefined : row.cells.get(col);
    record[field] = cell === undefined ? '' : formText(cell.value, column);
  }
  return record;
}

function formText(value: CellValue, column: Column): string | string[] {
  if (value.kind === 'date') {
    return column.type === 'datetime' ? formatDateTime(value.value) : formatDate(value.value);
  }
  const text = cellText(value);
  return column.type === 'choices' ? splitList(text) : text;
}
