import { setImmediate } from 'node:timers/promises';
import type { RawSheet, RawWorkbook } from '../../domain/cells.js';
import { META_SHEET } from '../../domain/workbook-kinds.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits.js';
import {
  inspectBuffer,
  safeOpen,
  type KeepPart,
  type RefusalCode,
  type SafeOpenResult,
} from './safe-open.js';
import { metaOf } from './raw-sheet.js';
import { parseSheet, SheetTooLarge, type SheetContext } from './sheet-xml.js';
import {
  parseDateStyles,
  parseRelationships,
  parseSharedStrings,
  parseWorkbook,
  type Relationship,
} from './xml-parts.js';

// Reads an untrusted .xlsx into the domain's RawWorkbook. The file gate inflates every entry
// once, counting bytes against the limits (decompression bombs), and keeps the XML parts a
// reader needs; those are then parsed with SAX, every cell normalised by type. One inflate and
// one parse per file; npm run bench sets it against the plain inflate-and-parse floor.

export type ReadRefusal = RefusalCode | 'too-many-rows' | 'unreadable';

export type ReadResult =
  | {
      ok: true;
      workbook: RawWorkbook;
      bytes: Buffer;
      uncompressedBytes: number;
      /** When the file last changed, for a file read from disk. */
      modified?: Date;
    }
  | { ok: false; code: ReadRefusal; params: Record<string, string | number> };

// The workbook's XML parts (sheets, strings, styles, relationships); media and the like are
// inflated and counted by the gate, never kept.
const KEEP: KeepPart = (name) => name.startsWith('xl/') && /\.(xml|rels)$/.test(name);

/** Opens and reads a workbook from disk; `name` is how messages name the file. */
export async function readWorkbookFile(
  path: string,
  name: string = path,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<ReadResult> {
  return parseOpened(await safeOpen(path, limits, KEEP), name, limits);
}

/**
 * Reads workbooks from disk one after the other, in the order of `files`. A file is read and
 * parsed without a wait, so the event loop is given a turn after each: a process whose parent
 * is gone, or that is told to stop, hears it before the next file (bounded-child.ts).
 */
export async function* readWorkbookFiles(
  files: readonly { path: string; name: string }[],
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<ReadResult> {
  for (const f of files) {
    yield await readWorkbookFile(f.path, f.name, limits);
    await setImmediate();
  }
}

/** Reads a workbook already in memory (a download); the same gate applies. */
export async function readWorkbookBytes(
  bytes: Buffer,
  name: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<ReadResult> {
  return parseOpened(await inspectBuffer(bytes, name, limits, KEEP), name, limits);
}

function parseOpened(opened: SafeOpenResult, name: string, limits: ReadLimits): ReadResult {
  if (!opened.ok) return opened;
  try {
    const workbook = parseParts(opened.parts, name, limits);
    const { bytes, uncompressedBytes, modified } = opened;
    return { ok: true, workbook, bytes, uncompressedBytes, ...(modified && { modified }) };
  } catch (err) {
    if (err instanceof SheetTooLarge) {
      return {
        ok: false,
        code: 'too-many-rows',
        params: { rows: limits.maxRows, cols: limits.maxCols },
      };
    }
    const reason = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
    return { ok: false, code: 'unreadable', params: { reason: reason.slice(0, 200) } };
  }
}

function parseParts(parts: Map<string, Buffer>, file: string, limits: ReadLimits): RawWorkbook {
  const workbookXml = parts.get('xl/workbook.xml');
  if (!workbookXml) throw new Error('xl/workbook.xml ontbreekt');
  const rels = parseRelationships(parts.get('xl/_rels/workbook.xml.rels'), 'xl');
  const info = parseWorkbook(workbookXml, rels);
  const ctx: SheetContext = {
    strings: parseSharedStrings(partOfType(parts, rels, 'sharedStrings')),
    dateStyles: parseDateStyles(partOfType(parts, rels, 'styles')),
    date1904: info.date1904,
    maxRows: limits.maxRows,
    maxCols: limits.maxCols,
  };
  let meta: Map<string, string> | null = null;
  const sheets: RawSheet[] = [];
  for (const entry of info.sheets) {
    const xml = parts.get(entry.part);
    if (!xml) continue;
    const sheet = parseSheet(xml, entry.name, ctx);
    if (entry.name === META_SHEET) meta = metaOf(sheet);
    else sheets.push(sheet);
  }
  return { file, meta, date1904: info.date1904, sheets };
}

function partOfType(
  parts: Map<string, Buffer>,
  rels: Map<string, Relationship>,
  type: string,
): Buffer | undefined {
  const rel = [...rels.values()].find((r) => r.type === type);
  return rel ? parts.get(rel.part) : undefined;
}
