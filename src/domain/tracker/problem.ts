import type { MessageKey, MessageParams } from '../messages.js';

/** A problem the tracker rules find on one cell: the layout id of its sheet, row and field. */
export interface TrackerProblem {
  layout: string;
  row: number;
  field: string;
  key: MessageKey;
  params: MessageParams;
}
