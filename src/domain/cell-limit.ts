import { t } from './messages.js';

// Excel holds at most 32,767 characters in a cell; LibreOffice and other programs write longer
// ones, which Excel then cuts without a word. Text is never cut in silence here: a cell read over
// the limit is an issue (validate.ts), and a writer that must cut ends the text with a visible
// Dutch marker, by which the writer finds the cut cells to report them (xlsx-stream.ts).

export const MAX_CELL_TEXT = 32_767;

const marker = () => t('cell.cut', { max: MAX_CELL_TEXT.toLocaleString('nl-BE') });

/** The text as a cell may hold it: over the limit, cut and ended with the marker. */
export function fitCellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  const end = marker();
  return text.slice(0, MAX_CELL_TEXT - end.length) + end;
}

/** Whether the text is one fitCellText cut. */
export function wasCut(text: string): boolean {
  return text.length === MAX_CELL_TEXT && text.endsWith(marker());
}
