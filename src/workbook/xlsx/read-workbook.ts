import ExcelJS from 'exceljs';
import type { Cell, RawRow, RawSheet, RawWorkbook } from '../../domain/cells.js';
import { isBlank } from '../../domain/cells.js';
import { normaliseCell } from '../../domain/normalise.js';
import { META_SHEET } from '../../domain/workbook-kinds.js';
import {
  DEFAULT_LIMITS,
  inspectBuffer,
  safeOpen,
  type Limits,
  type RefusalCode,
} from './safe-open.js';

// Reads an untrusted .xlsx into the domain's RawWorkbook: the file gate first (size, type,
// decompression bomb), then exceljs with row and column caps, then every cell normalised by type.

export interface ReadLimits extends Limits {
  maxRows: number;
  maxCols: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  ...DEFAULT_LIMITS,
  maxRows: 100_000,
  maxCols: 200,
};

export type ReadRefusal = RefusalCode | 'too-many-rows' | 'unreadable';

export type ReadResult =
  | { ok: true; workbook: RawWorkbook; bytes: Buffer }
  | { ok: false; code: ReadRefusal; params: Record<string, string | number> };

/** Opens and reads a workbook from disk; `name` is how messages name the file. */
export async function readWorkbookFile(
  path: string,
  name: string = path,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<ReadResult> {
  const opened = await safeOpen(path, limits);
  return opened.ok ? parseWorkbook(opened.bytes, name, limits) : opened;
}

/** Reads a workbook already in memory (a download); the same gate applies. */
export async function readWorkbookBytes(
  bytes: Buffer,
  name: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<ReadResult> {
  const checked = await inspectBuffer(bytes, name, limits);
  return checked.ok ? parseWorkbook(bytes, name, limits) : checked;
}

async function parseWorkbook(bytes: Buffer, name: string, limits: ReadLimits): Promise<ReadResult> {
  const wb = new ExcelJS.Workbook();
  try {
    // Data validations are not needed to read values, and whole-column ones cost seconds.
    await wb.xlsx.load(
      bytes as unknown as ArrayBuffer,
      {
        ignoreNodes: ['dataValidations', 'conditionalFormatting'],
        maxRows: limits.maxRows,
        maxCols: limits.maxCols,
      } as Partial<ExcelJS.XlsxReadOptions>,
    );
  } catch (err) {
    return refusalFor(err, limits);
  }
  return { ok: true, workbook: toRaw(wb, name), bytes };
}

function refusalFor(err: unknown, limits: ReadLimits): ReadResult {
  const reason = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
  if (/^Max (row|c) count/.test(reason)) {
    return {
      ok: false,
      code: 'too-many-rows',
      params: { rows: limits.maxRows, cols: limits.maxCols },
    };
  }
  return { ok: false, code: 'unreadable', params: { reason: reason.slice(0, 200) } };
}

function toRaw(wb: ExcelJS.Workbook, file: string): RawWorkbook {
  const sheets: RawSheet[] = [];
  let meta: Map<string, string> | null = null;
  wb.eachSheet((ws) => {
    if (ws.name === META_SHEET) meta = readMeta(ws);
    else sheets.push(readSheet(ws));
  });
  const date1904 = (wb.properties as { date1904?: boolean }).date1904 === true;
  return { file, meta, date1904, sheets };
}

function readMeta(ws: ExcelJS.Worksheet): Map<string, string> {
  const meta = new Map<string, string>();
  ws.eachRow((row) => {
    const key = row.getCell(1).text.trim();
    if (key !== '') meta.set(key, row.getCell(2).text.trim());
  });
  return meta;
}

function readSheet(ws: ExcelJS.Worksheet): RawSheet {
  const headers = new Map<number, string>();
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) {
      row.eachCell((cell, col) => {
        const v = toCell(cell).value;
        if (!isBlank(v) && v.kind === 'text') headers.set(col, v.value.trim());
        else if (!isBlank(v)) headers.set(col, cell.text.trim());
      });
      return;
    }
    const cells = new Map<number, Cell>();
    row.eachCell((cell, col) => {
      const c = toCell(cell);
      if (!isBlank(c.value)) cells.set(col, c);
    });
    if (cells.size > 0) rows.push({ row: rowNumber, cells });
  });
  return { name: ws.name, headers, rows };
}

function toCell(cell: ExcelJS.Cell): Cell {
  const mergedChild = cell.type === ExcelJS.ValueType.Merge;
  return normaliseCell({ value: cell.value, mergedChild });
}
