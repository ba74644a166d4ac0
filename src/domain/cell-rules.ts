import { DATE_FORMAT, DATETIME_FORMAT, type Column, type ColumnType } from './columns.js';
import { t } from './messages.js';
import type { VocabularyId } from './vocabularies.js';

// What a template asks of the cells of a column, independent of the program that writes it:
// the number format (text columns are text, so "=1+1" stays text), the input message, and the
// check Excel makes when a value is typed. The workbook adapters turn these into their API's
// shapes; the decisions are the ones the exceljs template builder makes.

export const TEXT_FORMAT = '@';
export const GENERAL_FORMAT = 'General';

const TEXT_TYPES: ReadonlySet<ColumnType> = new Set([
  'text',
  'longtext',
  'email',
  'choice',
  'choices',
]);

/** Excel's limits on data validation texts. */
const PROMPT_TITLE_MAX = 32;
const PROMPT_MAX = 255;
/** Dates outside this span are typing mistakes. */
export const DATE_MIN = new Date(Date.UTC(2000, 0, 1));
export const DATE_MAX = new Date(Date.UTC(2100, 0, 1));

export function isTextColumn(column: Pick<Column, 'type'>): boolean {
  return TEXT_TYPES.has(column.type);
}

/** The number format of a column's cells. */
export function cellFormat(column: Pick<Column, 'type' | 'numFmt'>): string {
  return isTextColumn(column) ? TEXT_FORMAT : (column.numFmt ?? GENERAL_FORMAT);
}

/**
 * The number format of one value the program writes: a wall-clock date at midnight is a day
 * (a date-only milestone), shown without "00:00", also in a column of dates and times. A column
 * the layout does not know (null) gets a date's format from its value alone.
 */
export function valueFormat(
  column: Pick<Column, 'type' | 'numFmt'> | null,
  value: unknown,
): string {
  const dateOnly =
    value instanceof Date && value.getUTCHours() === 0 && value.getUTCMinutes() === 0;
  if (column === null) {
    if (!(value instanceof Date)) return GENERAL_FORMAT;
    return dateOnly ? DATE_FORMAT : DATETIME_FORMAT;
  }
  return column.type === 'datetime' && dateOnly ? DATE_FORMAT : cellFormat(column);
}

export interface CellPrompt {
  title: string;
  message: string;
}

export interface CellAlert {
  /** 'stop' refuses the value; 'information' warns and lets it through. */
  style: 'stop' | 'information';
  title: string;
  message: string;
}

export type CellCheck =
  | { kind: 'list'; vocabulary: VocabularyId; alert: CellAlert }
  | { kind: 'whole' | 'decimal'; min: number; alert: CellAlert }
  | { kind: 'date'; from: Date; to: Date; alert: CellAlert };

export interface CellRule {
  prompt: CellPrompt;
  /** Null where any value may be typed (free text, and every column of a read-only sheet). */
  check: CellCheck | null;
}

/** The input message and the check of a column; `input` is false on read-only sheets. */
export function cellRule(column: Column, input: boolean): CellRule {
  const prompt = {
    title: column.header.slice(0, PROMPT_TITLE_MAX),
    message: column.help.slice(0, PROMPT_MAX),
  };
  return { prompt, check: input ? cellCheck(column) : null };
}

function cellCheck(column: Column): CellCheck | null {
  if (column.vocabulary !== null) {
    const title = t('uitleg.check.list-title');
    // Several values are typed as "a; b", which is not in the list: Excel must warn and let it
    // through, not refuse it.
    const alert: CellAlert =
      column.type === 'choices'
        ? { style: 'information', title, message: t('uitleg.check.choices') }
        : { style: 'stop', title, message: t('uitleg.check.choice') };
    return { kind: 'list', vocabulary: column.vocabulary, alert };
  }
  const title = t('uitleg.check.title');
  switch (column.type) {
    case 'integer':
      return { kind: 'whole', min: 0, alert: stop(title, 'uitleg.check.integer') };
    case 'number':
      return { kind: 'decimal', min: 0, alert: stop(title, 'uitleg.check.number') };
    case 'date':
      return {
        kind: 'date',
        from: DATE_MIN,
        to: DATE_MAX,
        alert: stop(title, 'uitleg.check.date'),
      };
    case 'datetime':
      return {
        kind: 'date',
        from: DATE_MIN,
        to: DATE_MAX,
        alert: stop(title, 'uitleg.check.datetime'),
      };
    default:
      return null;
  }
}

function stop(title: string, key: Parameters<typeof t>[0]): CellAlert {
  return { style: 'stop', title, message: t(key) };
}
