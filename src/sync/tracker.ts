import { issueCell, issueMessage, type Issue } from '../domain/issue.js';
import { kandidatuurLayout } from '../domain/layouts.js';
import { t } from '../domain/messages.js';
import type { SourceInput } from '../domain/overview/sources.js';
import { mergeTracker, trackerFingerprint, type CandidacyInput } from '../domain/tracker/merge.js';
import type { TrackerProblem } from '../domain/tracker/problem.js';
import { scoreDossiers } from '../domain/tracker/scores.js';
import { stageProblems } from '../domain/tracker/stage-rules.js';
import { md5 } from '../fs/md5.js';
import { buildWorkbook } from '../workbook/xlsx/build-workbook.js';
import { workbookBytes } from '../workbook/xlsx/write-templates.js';
import { feedbackTargets } from './feedback.js';
import {
  FolderListing,
  push,
  type PushContext,
  type PushOutcome,
  type PushTarget,
} from './push.js';
import type { DriveState } from './drive-state.js';
import type { Beoordeling } from '../domain/layouts.js';
import type { TrackerRecords } from '../domain/reminders/model.js';
import type { OpvolgingRead } from '../domain/tracker/record.js';
import { beoordelingLayout, opvolgingLayout } from '../domain/layouts.js';
import { refusalMessage } from '../domain/refusal-message.js';
import type { Region } from '../domain/region/schema.js';
import { findSheet } from '../domain/detect-kind.js';
import { rawTable, type RawTable } from '../domain/tracker/raw-table.js';
import {
  rowsOf,
  sheetOf,
  takenOf,
  validateWorkbook,
  type ValidationResult,
} from '../domain/validate.js';
import { drivePath, type Drive, type RemoteFile } from '../drive/drive.js';
import type { RetryPolicy } from '../drive/retry.js';
import {
  DEFAULT_READ_LIMITS,
  readWorkbookBytes,
  type ReadLimits,
} from '../workbook/xlsx/read-workbook.js';
import { ContentCache } from './cache.js';
import { fetchFile } from './pull.js';
import { listOrEmpty } from './list-folder.js';

// The coordinator's tracker on the drive (region.drive.tracker / trackerName): found, fetched
// through the content cache, read and validated as an 'opvolging' workbook.

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
 * Reads the coordinator's tracker from the drive: null when there is none. `cacheDir` is the
 * sync's state folder (the bytes are cached under `<cacheDir>/cache` by MD5, as the sources are),
 * so an unchanged tracker is not downloaded again.
 */
export async function readTracker(
  drive: Drive,
  region: Region,
  cacheDir: string,
  retry: RetryPolicy,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<TrackerRead | null> {
  const file = await findTracker(drive, region, retry);
  if (file === undefined) return null;
  return loadTracker(drive, region, new ContentCache(cacheDir), retry, limits, file);
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
  const empty = { file, path, rows: [], reviews: [], validation: null, tables: {} };
  if (file.size > limits.maxFileBytes) {
    const params = { bytes: file.size, limit: limits.maxFileBytes };
    return { ...empty, refusal: refusalMessage({ code: 'too-large', params }) };
  }
  const { bytes } = await fetchFile(drive, cache, retry, file);
  const read = await readWorkbookBytes(bytes, path, limits);
  if (!read.ok) return { ...empty, refusal: refusalMessage(read) };
  const validation = validateWorkbook(read.workbook, region);
  if (validation.meta?.kind !== 'opvolging') {
    const first = validation.issues[0];
    return { ...empty, validation, refusal: first ? issueMessage(first) : null };
  }
  const tables: Partial<Record<string, RawTable>> = {};
  for (const layout of [opvolgingLayout, beoordelingLayout]) {
    const sheet = findSheet(read.workbook, layout, false) ?? findSheet(read.workbook, layout, true);
    if (sheet) tables[layout.id] = rawTable(sheet, layout);
  }
  const opv = sheetOf(validation, opvolgingLayout);
  const rows: TrackerRow[] = [
    ...(opv?.taken ?? []).map((r) => ({ ...r, reasons: [] })),
    ...(opv?.refused ?? []),
  ].sort((a, b) => a.row - b.row);
  const reviews: ReviewRow[] = takenOf(validation, beoordelingLayout);
  return { file, path, rows, reviews, validation, refusal: null, tables };
}

// --- The tracker's part of a sync ------------------------------------------------------------

export interface TrackerSyncContext {
  drive: Drive;
  region: Region;
  cache: ContentCache;
  retry: RetryPolicy;
  limits: ReadLimits;
  push: PushContext;
  state: DriveState;
  /** Every source pulled in this run; the candidacies among them feed the tracker. */
  sources: readonly SourceInput[];
}

export interface TrackerSyncResult {
  /** The tracker's upload, or null when nothing was written (unchanged, refused). */
  outcome: PushOutcome | null;
  notes: string[];
  /** Validation and tracker rules (stages, scores), with cell addresses. */
  issues: Issue[];
  /** The feedback file for the tracker (when it has issues, or had them last time). */
  feedback: PushTarget[];
  /** MD5s of tracker versions in the content cache, to keep. */
  cached: string[];
  /** The tracker's records as read, for the overview's timeline and reminders. */
  records: TrackerRecords | null;
}

/** The candidacy rows pulled in this run, with their intake check summarised in Dutch. */
export function candidacyInputs(
  region: Region,
  sources: readonly SourceInput[],
  notes: string[],
): CandidacyInput[] {
  const out: CandidacyInput[] = [];
  for (const s of sources) {
    if (!s.outcome.ok || s.outcome.result.meta?.kind !== 'kandidatuur') continue;
    const { result } = s.outcome;
    for (const { row, record: r } of rowsOf(result, kandidatuurLayout)) {
      if (r.titel === null || r.trekker === null) {
        notes.push(t('tracker.note.no-key', { path: s.path, row }));
        continue;
      }
      out.push({
        record: { ...r, titel: r.titel, trekker: r.trekker },
        path: s.path,
        intakeText: intakeText(result.issues, row),
      });
    }
  }
  return out;
}

/** The issues of one candidacy row (and of its whole file), or "In orde". */
function intakeText(issues: readonly Issue[], row: number): string {
  const mine = issues.filter((i) => i.severity !== 'info' && (i.row === null || i.row === row));
  const line = (i: Issue) =>
    i.header === null ? issueMessage(i) : `${i.header}: ${issueMessage(i)}`;
  const lines = [...new Set(mine.map(line))];
  return lines.length === 0 ? t('tracker.intake.ok') : lines.join('\n');
}

/**
 * Brings the tracker up to date: reads it (from the cache when unchanged), merges the pulled
 * candidacies in, and writes it back only if the content changed and only over the version it
 * read. If the coordinator saved it meanwhile, it is read and merged once more; only if that
 * happens again does our version go beside theirs as a conflict copy.
 */
export async function syncTracker(c: TrackerSyncContext): Promise<TrackerSyncResult> {
  const { region } = c;
  const path = trackerPath(region);
  const notes: string[] = [];
  const candidacies = candidacyInputs(region, c.sources, notes);
  const result: TrackerSyncResult = {
    outcome: null,
    notes,
    issues: [],
    feedback: [],
    cached: [],
    records: null,
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    const listing = new FolderListing(c.drive, c.retry);
    const file = await listing.find(region.drive.tracker, region.drive.trackerName);
    const read = file ? await loadTracker(c.drive, region, c.cache, c.retry, c.limits, file) : null;
    if (file) result.cached = [file.md5];
    result.records = read && {
      rows: read.rows.map((r) => r.record),
      reviews: read.reviews.map((r) => r.record),
    };
    // No tracker and nothing to follow yet: it is created with the first candidacy.
    if (!file && candidacies.length === 0) return result;
    const refusal =
      read === null
        ? null
        : (read.refusal ??
          (read.tables.opvolging && read.tables.beoordeling ? null : errorText(read.validation)));
    if (refusal !== null) {
      notes.push(t('tracker.note.refused', { path, reason: refusal }));
      return result;
    }
    const opv = read?.tables.opvolging ?? { rows: [], extraHeaders: [], columns: new Map() };
    const beo = read?.tables.beoordeling ?? { rows: [], extraHeaders: [], columns: new Map() };
    const merged = mergeTracker(region, opv, candidacies, read?.reviews ?? []);
    const fields = [Object.keys(opvolgingLayout.columns), Object.keys(beoordelingLayout.columns)];
    const before = trackerFingerprint([opv, beo], fields);
    const after = trackerFingerprint([merged, beo], fields);
    result.issues = read ? trackerIssues(region, read) : [];
    if (attempt === 0) notes.push(...merged.notes);
    if (read && before === after) {
      result.outcome = { status: 'unchanged', file: read.file };
      notes.push(t('tracker.note.unchanged', { path }));
      break;
    }
    const wb = () =>
      buildWorkbook({
        kind: 'opvolging',
        region,
        owner: '',
        rows: {
          [opvolgingLayout.id]: merged.rows.map((r) => r.cells),
          [beoordelingLayout.id]: beo.rows.map((r) => r.cells),
        },
        extra: {
          [opvolgingLayout.id]: {
            headers: merged.extraHeaders,
            rows: merged.rows.map((r) => r.extra),
          },
          [beoordelingLayout.id]: { headers: beo.extraHeaders, rows: beo.rows.map((r) => r.extra) },
        },
      });
    let written: Buffer | null = null;
    const outcome = await push(c.push, listing, {
      folder: region.drive.tracker,
      name: region.drive.trackerName,
      fingerprint: after,
      bytes: async () => (written = await workbookBytes(wb())),
      basedOn: { version: file?.version ?? null, onStale: attempt === 0 ? 'report' : 'copy' },
    });
    if (outcome.status === 'stale') {
      notes.push(t('tracker.note.merged-again', { path }));
      continue;
    }
    result.outcome = outcome;
    if (outcome.status === 'uploaded' && written !== null) {
      // The next run finds what we wrote in the cache instead of downloading it.
      const bytes: Buffer = written;
      await c.cache.put(outcome.file.md5 || md5(bytes), bytes);
      result.cached.push(outcome.file.md5 || md5(bytes));
    }
    const added = merged.rows.filter((r) => r.from === null).length;
    if (outcome.status !== 'would-upload') {
      notes.push(
        read
          ? t('tracker.note.updated', { path, added })
          : t('tracker.note.created', { path, count: merged.rows.length }),
      );
    }
    break;
  }
  if (result.issues.length > 0) {
    notes.push(
      ...result.issues
        .filter((i) => i.field !== null)
        .map((i) => {
          const cell = issueCell(i);
          return t('tracker.note.issue', {
            sheet: i.sheet ?? '',
            cell: cell === null ? '' : ` ${cell}`,
            message: issueMessage(i),
          });
        }),
    );
  }
  const problems = result.issues.length;
  const source: SourceInput = {
    path,
    md5: '',
    bytes: 0,
    outcome: {
      ok: true,
      result: { file: path, meta: null, issues: result.issues, sheets: [] },
    },
  };
  result.feedback = feedbackTargets(region, [source], c.state);
  if (problems > 0) {
    const target = result.feedback[0];
    notes.push(
      t('tracker.note.problems', {
        count: problems,
        path: target ? `${target.folder}/${target.name}` : path,
      }),
    );
  }
  return result;
}

/** The first error of a tracker that could not be used, in Dutch ('' when there is none). */
function errorText(validation: ValidationResult | null): string {
  const first = validation?.issues.find((i) => i.severity === 'error');
  return first ? issueMessage(first) : '';
}

/** The tracker's issues: its validation (without the columns the coordinator added, which are
 * welcome here) and the tracker rules: stages without their data, scores outside the scale. */
export function trackerIssues(region: Region, read: TrackerRead): Issue[] {
  const issues = (read.validation?.issues ?? []).filter((i) => i.code !== 'column-unknown');
  const scores = scoreDossiers(region, read.reviews);
  const problems: TrackerProblem[] = [...scores.problems];
  for (const r of read.rows) {
    const score = r.record.dossier === null ? undefined : scores.byDossier.get(r.record.dossier);
    problems.push(...stageProblems(region, r.row, r.record, score));
  }
  for (const p of problems) {
    const layout = p.layout === beoordelingLayout.id ? beoordelingLayout : opvolgingLayout;
    issues.push({
      file: read.path,
      code: p.code,
      params: p.params,
      severity: 'warning',
      sheet: layout.sheet,
      row: p.row,
      column: read.tables[layout.id]?.columns.get(p.field) ?? null,
      field: p.field,
      header: (layout.columns as Record<string, { header: string }>)[p.field]?.header ?? p.field,
    });
  }
  return issues;
}
