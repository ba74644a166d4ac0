import ExcelJS from 'exceljs';
import type { RawSheet, RawWorkbook } from '../../domain/cells.js';
import { t } from '../../domain/messages.js';
import { refusalMessage, type RefusalCode } from '../../domain/refusal-message.js';
import { META_SHEET } from '../../domain/workbook-kinds.js';
import { metaOf, rawSheet } from './raw-sheet.js';

// An exceljs workbook as the domain reads it, for the task pane in the browser: the preview
// host's own workbook, and an inventory or overview file the user picks. Pure code and exceljs
// only (no node:*), so it runs in the page and under Node alike.

/** A picked file that is no workbook exceljs can open; the message is Dutch and names it. */
export class UnreadableWorkbook extends Error {}

type ExcelBytes = Parameters<ExcelJS.Xlsx['load']>[0];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Opens xlsx bytes with exceljs. `valuesOnly` skips the data validations, which make reading
 * slow and are not needed to read values (docs/architecture.md §4); a workbook that is written back keeps them.
 */
export async function loadWorkbook(
  bytes: Uint8Array | ArrayBuffer,
  file: string,
  o: { valuesOnly?: boolean } = {},
): Promise<ExcelJS.Workbook> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const refuse = (code: RefusalCode, params: Record<string, string | number> = {}) =>
    new UnreadableWorkbook(
      t('preview.file-refused', { file, message: refusalMessage({ code, params }) }),
    );
  if (data.length === 0) throw refuse('empty');
  // An old .xls and a password-protected .xlsx are both OLE containers.
  if (startsWith(data, OLE)) throw refuse('encrypted');
  if (!startsWith(data, ZIP)) throw refuse('not-zip');
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; its zip reader takes any Uint8Array.
    await wb.xlsx.load(data as unknown as ExcelBytes, {
      ignoreNodes: o.valuesOnly ? ['dataValidations'] : [],
    });
  } catch (err) {
    const reason = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
    throw refuse('unreadable', { reason: reason.slice(0, 200) });
  }
  return wb;
}

/** Reads picked bytes straight into the domain's shape. */
export async function readRawWorkbook(
  bytes: Uint8Array | ArrayBuffer,
  file: string,
): Promise<RawWorkbook> {
  return rawWorkbookOf(await loadWorkbook(bytes, file, { valuesOnly: true }), file);
}

export function rawWorkbookOf(wb: ExcelJS.Workbook, file: string): RawWorkbook {
  let meta: Map<string, string> | null = null;
  const sheets: RawSheet[] = [];
  for (const ws of wb.worksheets) {
    const sheet = rawSheetOf(ws);
    if (ws.name === META_SHEET) meta = metaOf(sheet);
    else sheets.push(sheet);
  }
  return { file, meta, date1904: wb.properties.date1904 === true, sheets };
}

function rawSheetOf(ws: ExcelJS.Worksheet): RawSheet {
  const rows = new Map<number, Map<number, unknown>>();
  const merged = new Set<string>();
  ws.eachRow((row, r) => {
    const cells = new Map<number, unknown>();
    row.eachCell((cell, c) => {
      if (cell.isMerged && cell.master.address !== cell.address) merged.add(`${r}:${c}`);
      cells.set(c, cell.value);
    });
    rows.set(r, cells);
  });
  return rawSheet(ws.name, rows, merged);
}

function startsWith(data: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => data[i] === b);
}
