import { issueMessage, type Issue } from '../domain/issue.js';
import type { Beoordeling } from '../domain/layouts.js';
import { beoordelingLayout, opvolgingLayout } from '../domain/layouts.js';
import { refusalMessage } from '../domain/refusal-message.js';
import type { Region } from '../domain/region/schema.js';
import type { RawTable } from '../domain/tracker/raw-table.js';
import type { OpvolgingRead } from '../domain/tracker/record.js';
import { sheetOf, takenOf, type ValidationResult } from '../domain/validate.js';
import { drivePath, type Drive, type RemoteFile } from '../drive/drive.js';
import type { RetryPolicy } from '../drive/retry.js';
import { listOrEmpty } from './list-folder.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../workbook/xlsx/read-limits.js';
import type { ContentCache } from './cache.js';
import { fetchFile } from './pull.js';
import { trackerContent } from './tracker-content.js';

// The tracker stage's first step: the coordinator's tracker on the drive (region.drive.tracker /
// trackerName) found, fetched through the content cache, read and validated as an 'opvolging'
// workbook (tracker-content.ts: once per version). The bytes read are kept: the sync writes its
// cells into them (tracker-patch.ts).

export type { OpvolgingRead };

export interface TrackerRow {
  /** The row number on the Opvolging sheet. */
  row: number;
  record: OpvolgingRead;
  /** Why validation refused the row ([] when it was taken). */
  reasons: Issue[];
}

export interface ReviewRow {
  /** The row number on the Beoordelingen sheet. */
  row: number;
  record: Beoordeling;
}

export interface TrackerRead {
  file: RemoteFile;
  /** Its path on the drive: 'Kandidaturen/Opvolging kandidaturen.xlsx'. */
  path: string;
  /** Every non-blank row of Opvolging, taken or refused, in sheet order. */
  rows: TrackerRow[];
  /** The Beoordelingen rows that passed validation, in sheet order. */
  reviews: ReviewRow[];
  /** The validation of the whole workbook (null when it could not be read at all). */
  validation: ValidationResult | null;
  /** Why the file could not be read (Dutch), or null. */
  refusal: string | null;
  /** The sheets cell by cell as the coordinator left them, by layout id (opvolging, beoordeling). */
  tables: Partial<Record<string, RawTable>>;
  /** The name each of those sheets has in the file, by layout id. */
  sheetNames: Partial<Record<string, string>>;
  /** The file as read (null when it could not be read): a sync writes its cells into it. */
  bytes: Buffer | null;
}

/** The tracker's place on the drive. */
export function trackerPath(region: Region): string {
  return drivePath(region.drive.tracker, region.drive.trackerName);
}

/** The tracker file as the drive lists it now, or undefined. */
export async function findTracker(
  drive: Drive,
  region: Region,
  retry: RetryPolicy,
): Promise<RemoteFile | undefined> {
  const files = await listOrEmpty(drive, region.drive.tracker, retry);
  return files.find((f) => f.name === region.drive.trackerName && f.kind === 'file');
}

/**
 * Reads the coordinator's tracker from the drive: null when there is none. Through the state
 * folder's cache (its bytes by MD5, as the sources', and its reading), so an unchanged tracker is
 * neither downloaded nor read again; a dry run hands a cache that writes nothing.
 */
export async function readTracker(
  drive: Drive,
  region: Region,
  cache: ContentCache,
  retry: RetryPolicy,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<TrackerRead | null> {
  const file = await findTracker(drive, region, retry);
  if (file === undefined) return null;
  return loadTracker(drive, region, cache, retry, limits, file);
}

/** Fetches (cache or download), reads and validates one version of the tracker. */
export async function loadTracker(
  drive: Drive,
  region: Region,
  cache: ContentCache,
  retry: RetryPolicy,
  limits: ReadLimits,
  file: RemoteFile,
): Promise<TrackerRead> {
  const path = trackerPath(region);
  const empty = {
    file,
    path,
    rows: [],
    reviews: [],
    validation: null,
    tables: {},
    sheetNames: {},
    bytes: null,
  };
  if (file.size > limits.maxFileBytes) {
    const params = { bytes: file.size, limit: limits.maxFileBytes };
    return { ...empty, refusal: refusalMessage({ code: 'too-large', params }) };
  }
  const fetched = await fetchFile(drive, cache, retry, file);
  const { bytes } = fetched;
  const content = await trackerContent(cache, region, limits, {
    md5: fetched.file.md5,
    path,
    bytes,
  });
  if ('ok' in content) return { ...empty, refusal: refusalMessage(content) };
  const { validation, tables, sheetNames } = content;
  if (validation.meta?.kind !== 'opvolging') {
    const first = validation.issues[0];
    return { ...empty, validation, refusal: first ? issueMessage(first) : null };
  }
  const opv = sheetOf(validation, opvolgingLayout);
  const rows: TrackerRow[] = [
    ...(opv?.taken ?? []).map((r) => ({ ...r, reasons: [] })),
    ...(opv?.refused ?? []),
  ].sort((a, b) => a.row - b.row);
  const reviews: ReviewRow[] = takenOf(validation, beoordelingLayout);
  return { file, path, rows, reviews, validation, refusal: null, tables, sheetNames, bytes };
}
