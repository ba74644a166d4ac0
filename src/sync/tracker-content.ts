import { findSheet } from '../domain/detect-kind.js';
import { beoordelingLayout, opvolgingLayout } from '../domain/layouts.js';
import type { RawWorkbook } from '../domain/cells.js';
import type { Region } from '../domain/region/schema.js';
import { rawTable, type RawTable } from '../domain/tracker/raw-table.js';
import { validateWorkbook, type ValidationResult } from '../domain/validate.js';
import type { ReadLimits } from '../workbook/xlsx/read-limits.js';
import { readWorkbookBytes, type ReadResult } from '../workbook/xlsx/read-workbook.js';
import type { ContentCache } from './cache.js';
import { derivationIdentity } from './program-version.js';
import { derivedEntry, revive, storable, type Stored } from './source-results.js';

// The tracker's bytes read and validated, and its sheets as the coordinator left them, kept in
// the local cache under the file's MD5 and the derivation identity (as each source's result is):
// an unchanged tracker is not read again (~0.15 s of a sync at --scale 40). A tracker this sync
// wrote is read once after the upload and so found here by the next run. A file that cannot be
// read is read again each time: its refusal is not kept.

export interface TrackerContent {
  validation: ValidationResult;
  /** The sheets cell by cell as the coordinator left them, by layout id (opvolging, beoordeling). */
  tables: Partial<Record<string, RawTable>>;
  /** The name each of those sheets has in the file, by layout id. */
  sheetNames: Partial<Record<string, string>>;
}

/** Every tracker entry's name starts so: the sync keeps those of the versions it keeps. */
export const TRACKER_PREFIX = 'tracker-';

/** The cache entry of the tracker version with this MD5, at this path, under this region. */
export const trackerEntry = (region: Region, limits: ReadLimits, md5: string, path: string) =>
  derivedEntry(TRACKER_PREFIX, derivationIdentity(region, limits), md5, path);

type StoredContent = Omit<TrackerContent, 'validation'> & { validation: Stored };

export async function trackerContent(
  cache: ContentCache,
  region: Region,
  limits: ReadLimits,
  file: { md5: string; path: string; bytes: Buffer },
): Promise<TrackerContent | Extract<ReadResult, { ok: false }>> {
  const { name, key } = trackerEntry(region, limits, file.md5, file.path);
  const known = file.md5 === '' ? null : await cache.derived<StoredContent>(name, key);
  const outcome = known && revive(known.validation);
  if (known && outcome?.ok) return { ...known, validation: outcome.result };
  const read = await readWorkbookBytes(file.bytes, file.path, limits);
  if (!read.ok) return read;
  const content = contentOf(read.workbook, region);
  const stored = { ...content, validation: storable({ ok: true, result: content.validation }) };
  if (file.md5 !== '') await cache.putDerived(name, key, stored);
  return content;
}

function contentOf(workbook: RawWorkbook, region: Region): TrackerContent {
  const validation = validateWorkbook(workbook, region);
  const tables: TrackerContent['tables'] = {};
  const sheetNames: TrackerContent['sheetNames'] = {};
  if (validation.meta?.kind !== 'opvolging') return { validation, tables, sheetNames };
  for (const layout of [opvolgingLayout, beoordelingLayout]) {
    const sheet = findSheet(workbook, layout, false) ?? findSheet(workbook, layout, true);
    if (sheet) {
      tables[layout.id] = rawTable(sheet, layout);
      sheetNames[layout.id] = sheet.name;
    }
  }
  return { validation, tables, sheetNames };
}
