import { intakeByName } from '../domain/file-intake.js';
import { t } from '../domain/messages.js';
import type { SourceInput } from '../domain/overview/sources.js';
import type { Refusal } from '../domain/refusal-message.js';
import type { Region } from '../domain/region/schema.js';
import { ChangedError, NotFoundError, type Drive, type RemoteFile } from '../drive/drive.js';
import { withRetry, type RetryPolicy } from '../drive/retry.js';
import { sourceOutcome } from '../workbook/xlsx/read-source.js';
import { type ReadLimits } from '../workbook/xlsx/read-limits.js';
import { readWorkbookBytes } from '../workbook/xlsx/read-workbook.js';
import type { ContentCache } from './cache.js';
import type { Listed } from './list-sources.js';
import { md5 } from '../fs/md5.js';
import { SourceResults } from './source-results.js';

// Pull: take each listed workbook's validated result from the cache when its MD5 is unchanged;
// else its bytes from the cache or a download, then read and validate it. One file's failure
// never stops the others.

export interface PullCounts {
  /** Downloaded in this run. */
  pulled: number;
  /** Taken from the local cache (its result, or else its bytes): the same bytes as before. */
  unchanged: number;
  refused: number;
  skipped: number;
}

export interface Pulled {
  sources: SourceInput[];
  /** Dutch notes for the run's report: skipped files, files being saved during the run. */
  notes: string[];
  counts: PullCounts;
  /** Every source that was read, refused or left for the next run: drive path → MD5. */
  seen: Record<string, string>;
  /**
   * Something may come out otherwise in the next run with the same listing: a file was saved
   * while it was read, or could not be downloaded.
   */
  transient: boolean;
  /** The cached results, for the cache's pruning. */
  results: SourceResults;
}

export interface PullContext {
  drive: Drive;
  region: Region;
  cache: ContentCache;
  limits: ReadLimits;
  retry: RetryPolicy;
  /** Progress: the number of files found, then each file handled with its size. */
  onStart: (files: number) => void;
  onFile: (name: string, bytes: number) => void;
}

export async function pull(ctx: PullContext, listed: Listed): Promise<Pulled> {
  const out: Pulled = {
    sources: [],
    notes: [...listed.notes],
    counts: { pulled: 0, unchanged: 0, refused: 0, skipped: 0 },
    seen: {},
    transient: false,
    results: SourceResults.open(ctx.cache, ctx.region, ctx.limits),
  };
  ctx.onStart(listed.files.length);
  for (const { file, path } of listed.files) {
    await pullOne(ctx, file, path, out);
    ctx.onFile(file.name, file.size);
  }
  return out;
}

async function pullOne(
  ctx: PullContext,
  file: RemoteFile,
  drivePath: string,
  out: Pulled,
): Promise<void> {
  const byName = intakeByName(file.name);
  const skip = skipReason(file, byName);
  if (skip !== null) {
    out.counts.skipped++;
    out.notes.push(t(skip, { path: drivePath }));
    return;
  }
  out.seen[drivePath] = file.md5;
  const refuse = (refusal: Refusal) => {
    out.counts.refused++;
    const outcome = { ok: false as const, refusal };
    out.sources.push({
      path: drivePath,
      md5: file.md5,
      bytes: file.size,
      modified: file.modified,
      outcome,
    });
  };
  if (!byName.read && 'refusal' in byName) return refuse(byName.refusal);
  if (file.size > ctx.limits.maxFileBytes) {
    return refuse({
      code: 'too-large',
      params: { bytes: file.size, limit: ctx.limits.maxFileBytes },
    });
  }
  const changing = () => {
    out.counts.skipped++;
    out.transient = true;
    out.notes.push(t('sync.skip-changing', { path: drivePath }));
  };
  const take = (read: RemoteFile, cached: boolean, outcome: SourceInput['outcome']) => {
    if (cached) out.counts.unchanged++;
    else out.counts.pulled++;
    if (!outcome.ok) return refuse(outcome.refusal);
    out.sources.push({
      path: drivePath,
      md5: read.md5,
      bytes: read.size,
      modified: read.modified ?? file.modified,
      outcome,
    });
  };
  const known = file.md5 === '' ? null : await out.results.get(file.md5, drivePath);
  if (known !== null) return take(file, true, known);
  // A workbook that cannot be read may be one still being written (copied onto a share in
  // place): if it changed since it was listed, it is read once more, or left for the next run.
  for (let wanted = file, attempt = 0; ; attempt++) {
    const fetched = await fetchFile(ctx.drive, ctx.cache, ctx.retry, wanted).catch(
      (err: unknown) => {
        if (err instanceof ChangingError) {
          changing();
        } else {
          out.transient = true;
          refuse({ code: 'download', params: { reason: reasonOf(err) } });
        }
        return null;
      },
    );
    if (fetched === null) return;
    const { bytes, file: read } = fetched;
    out.seen[drivePath] = read.md5;
    const outcome = sourceOutcome(
      await readWorkbookBytes(bytes, drivePath, ctx.limits),
      ctx.region,
    );
    const now = outcome.ok ? read : await relisted(ctx.drive, ctx.retry, read);
    if (outcome.ok || now?.md5 === read.md5) {
      // Stored before the run settles duplicates, which changes the result in place.
      await out.results.put(read.md5, drivePath, outcome);
      return take(read, fetched.cached, outcome);
    }
    if (now === undefined || attempt === 1) return changing();
    wanted = now;
  }
}

function skipReason(file: RemoteFile, byName: ReturnType<typeof intakeByName>) {
  if (file.kind === 'native') return 'sync.skip-native' as const;
  if (file.kind === 'shortcut') return 'sync.skip-shortcut' as const;
  if (byName.read || !('skip' in byName)) return null;
  const keys = {
    'lock-file': 'sync.skip-lock',
    backup: 'sync.skip-backup',
    'not-spreadsheet': 'sync.skip-other',
  } as const;
  return keys[byName.skip];
}

/** The file is being saved while the sync reads it: read again next run. */
export class ChangingError extends Error {}

/**
 * A file's bytes from the cache by MD5, or downloaded. A file saved while we read it comes back
 * with another MD5: it is listed again and read once more; if it changed again, ChangingError.
 * Returns the version that was read.
 */
export async function fetchFile(
  drive: Drive,
  cache: ContentCache,
  retry: RetryPolicy,
  file: RemoteFile,
): Promise<{ bytes: Buffer; cached: boolean; file: RemoteFile }> {
  const hit = file.md5 === '' ? null : await cache.get(file.md5);
  if (hit !== null) return { bytes: hit, cached: true, file };
  let wanted = file;
  for (let attempt = 0; attempt < 2; attempt++) {
    const bytes = await withRetry(() => drive.download(wanted), retry).catch((err: unknown) => {
      if (err instanceof ChangedError) return null;
      throw err;
    });
    if (bytes !== null && md5(bytes) === wanted.md5) {
      await cache.put(wanted.md5, bytes);
      return { bytes, cached: false, file: wanted };
    }
    const now = await relisted(drive, retry, wanted);
    if (now === undefined) throw new NotFoundError(t('refuse.not-found'));
    wanted = now;
  }
  throw new ChangingError(file.name);
}

/** The file as its folder lists it now; undefined when it is gone. */
async function relisted(drive: Drive, retry: RetryPolicy, file: RemoteFile) {
  const files = await withRetry(() => drive.list(file.folder), retry);
  return files.find((f) => f.id === file.id);
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
