import type ExcelJS from 'exceljs';
import { HELP_WIDTHS, helpRows, type HelpRow } from '../../domain/help-rows.js';
import type { Region } from '../../domain/region/schema.js';
import { HELP_SHEET, type WorkbookKind } from '../../domain/workbook-kinds.js';

// The Uitleg sheet of the built workbooks (templates, and the preview's set-up): the domain's
// help rows (help-rows.ts), styled by their role: a large bold title, bold topics, wrapping
// explanations in the wide column B, and per input sheet a column table with a coloured header.
// Row heights are fitted to the wrapped text, since Excel does not fit rows on opening.

export const LINE_HEIGHT = 15; // points per line of Calibri 11
export const HEADER_FILL = 'FF4472C4'; // the header colour of TableStyleMedium2, for LibreOffice too

/** A bold font that names its face: a font without a name falls back to a serif in LibreOffice. */
export function boldFont(size = 11, argb?: string): Partial<ExcelJS.Font> {
  return { name: 'Calibri', family: 2, size, bold: true, ...(argb ? { color: { argb } } : {}) };
}

/**
 * How many characters of text fit on one line of a column this wide: a width counts '0' digits,
 * Calibri text is about a tenth narrower, less what word wrapping wastes at the end of a line.
 */
export function charsPerLine(width: number): number {
  return Math.max(1, Math.floor(width * 1.1) - 2);
}

/** Row height that shows every line of wrapped text (Excel does not fit rows on opening). */
export function fittedHeight(texts: readonly string[], widths: readonly number[]): number {
  const lines = texts.map((text, i) => wrappedLines(text, charsPerLine(widths[i] ?? 10)));
  return Math.max(1, ...lines) * LINE_HEIGHT;
}

/** The lines a text takes when wrapped at perLine characters (split only when it has breaks). */
function wrappedLines(text: string, perLine: number): number {
  const count = (line: string) => Math.max(1, Math.ceil(line.length / perLine));
  if (!text.includes('\n')) return count(text);
  return text.split('\n').reduce((n, line) => n + count(line), 0);
}

export function addHelpSheet(
  wb: ExcelJS.Workbook,
  kind: WorkbookKind,
  region: Region,
  owner: string,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(HELP_SHEET, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  HELP_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const help of helpRows(kind, region, owner)) addRow(ws, help);
  return ws;
}

/** One row of Uitleg, styled by its role. */
function addRow(ws: ExcelJS.Worksheet, help: HelpRow): void {
  const texts = [...help.cells];
  switch (help.role) {
    case 'blank': {
      ws.addRow([]);
      return;
    }
    case 'title': {
      const row = ws.addRow([texts[0]]);
      row.font = boldFont(14);
      row.height = 24;
      return;
    }
    case 'topic':
    case 'text': {
      const row = ws.addRow([texts[0] || null, texts[1]]);
      row.getCell(1).font = boldFont();
      row.alignment = { wrapText: true, vertical: 'top' };
      row.height = fittedHeight(texts.slice(0, 2), HELP_WIDTHS);
      return;
    }
    case 'table': {
      const row = ws.addRow([texts[0]]);
      row.font = boldFont(12);
      row.height = 20;
      return;
    }
    case 'header': {
      const row = ws.addRow(texts);
      row.eachCell((cell) => {
        cell.font = boldFont(11, 'FFFFFFFF');
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
      });
      return;
    }
    case 'column': {
      const row = ws.addRow(texts);
      row.alignment = { wrapText: true, vertical: 'top' };
      row.height = fittedHeight(texts, HELP_WIDTHS);
      row.eachCell((cell) => {
        cell.border = { bottom: { style: 'thin', color: { argb: 'FFB4C6E7' } } };
      });
      return;
    }
  }
}
