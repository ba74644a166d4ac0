/// <reference types="office-js" />
import { cellFormat, cellRule, type CellCheck } from '../../domain/cell-rules.js';
import type { Column } from '../../domain/columns.js';
import { listName } from '../../domain/list-names.js';

// Dresses one table column of a sheet the way the templates do: its width, the number format of
// its body cells, its input message and, on input sheets, the check of typed values (a dropdown
// from the Lijsten sheet, a whole or decimal number, a date). Only queues; the caller syncs.

export interface ColumnPlace {
  /** 0-based sheet column. */
  col: number;
  /** 0-based sheet row of the first body row, and the number of body rows. */
  firstRow: number;
  rows: number;
}

export function dressColumn(
  sheet: Excel.Worksheet,
  column: Column,
  place: ColumnPlace,
  input: boolean,
): void {
  sheet.getRangeByIndexes(0, place.col, 1, 1).format.columnWidth = widthInPoints(column.width);
  if (place.rows === 0) return;
  const body = sheet.getRangeByIndexes(place.firstRow, place.col, place.rows, 1);
  const format = cellFormat(column);
  body.numberFormat = Array.from({ length: place.rows }, () => [format]);
  const rule = cellRule(column, input);
  body.dataValidation.prompt = { showPrompt: true, ...rule.prompt };
  if (rule.check === null) return;
  body.dataValidation.rule = excelRule(rule.check);
  body.dataValidation.errorAlert = {
    showAlert: true,
    style: rule.check.alert.style === 'stop' ? 'Stop' : 'Information',
    title: rule.check.alert.title,
    message: rule.check.alert.message,
  };
}

/** A layout's width counts characters ('0' digits of Calibri 11); Office.js wants points. */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75);
}

function excelRule(check: CellCheck): Excel.DataValidationRule {
  switch (check.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: `=${listName(check.vocabulary)}` } };
    case 'whole':
      return { wholeNumber: { formula1: check.min, operator: 'GreaterThanOrEqualTo' } };
    case 'decimal':
      return { decimal: { formula1: check.min, operator: 'GreaterThanOrEqualTo' } };
    case 'date':
      return {
        date: {
          formula1: check.from.toISOString().slice(0, 10),
          formula2: check.to.toISOString().slice(0, 10),
          operator: 'Between',
        },
      };
  }
}
