import type { IssueCode } from '../issue.js';
import type { MessageParams } from '../messages.js';

/** A problem the tracker rules find on one cell: the layout id of its sheet, row and field. */
export interface TrackerProblem {
  layout: 'opvolging' | 'beoordeling';
  row: number;
  field: string;
  code: IssueCode;
  params: MessageParams;
}
