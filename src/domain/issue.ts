import { a1 } from './address.js';
import { t, type CodesOf, type MessageParams } from './messages.js';

// A problem found in a workbook, as data: what (a code and its parameters), where (file, sheet,
// row, column, field) and how bad. Dutch text is made from it only where a person reads it (the
// CLI, feedback files, the overview, the task pane), with issueMessage.

export type Severity = 'error' | 'warning' | 'info';

/** The codes of the catalogue's 'issue.<code>' messages. */
export type IssueCode = CodesOf<'issue'>;

export interface Issue {
  /** The file, as the caller named it (a path on the drive or on disk). */
  file: string;
  code: IssueCode;
  params: MessageParams;
  severity: Severity;
  /** The sheet's name as it is in the workbook; null for the workbook as a whole. */
  sheet: string | null;
  /** The row number on the sheet (1-based); null for a whole sheet or column. */
  row: number | null;
  /** The column number on the sheet (1-based); null when the column is not in the sheet. */
  column: number | null;
  /** The layout's field id ('ontvangen'); null when the issue is about no known column. */
  field: string | null;
  /** The column's header as people read it ('Ontvangen op'). */
  header: string | null;
}

/** Where an issue is, the issue's own file and sheet aside. */
export type IssuePlace = Pick<Issue, 'sheet' | 'row' | 'column' | 'field' | 'header'>;

export const WORKBOOK: IssuePlace = {
  sheet: null,
  row: null,
  column: null,
  field: null,
  header: null,
};

/** The issue's cell ('F5'), when it names both row and column. */
export function issueCell(i: Pick<Issue, 'row' | 'column'>): string | null {
  return i.row === null || i.column === null ? null : a1(i.column, i.row);
}

/** The issue in Dutch, from the catalogue. */
export function issueMessage(i: Pick<Issue, 'code' | 'params'>): string {
  if (i.code === 'value-skipped' || i.code === 'words-skipped') {
    // An optional value that could not be read: why, then how the row was taken.
    const { problem, ...params } = i.params;
    const why = issueMessage({ code: problem as IssueCode, params });
    return t(`issue.${i.code}`, { problem: why });
  }
  return t(`issue.${i.code}`, i.params);
}

/** The issue with how bad it is and where: "waarschuwing in Kandidatuur!N2: …". */
export function issueLine(i: Issue): string {
  const severity = t(`severity.${i.severity}`);
  const cell = issueCell(i);
  const where = i.sheet === null ? null : cell === null ? i.sheet : `${i.sheet}!${cell}`;
  const message = issueMessage(i);
  return where === null
    ? t('overview.issue', { severity, message })
    : t('overview.issue-at', { severity, where, message });
}

export function countSeverity(issues: readonly Issue[], severity: Severity): number {
  return issues.reduce((n, i) => n + (i.severity === severity ? 1 : 0), 0);
}
