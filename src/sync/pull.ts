import { intakeByName } from '../domain/file-intake.js';
import { t } from '../domain/messages.js';
import type { SourceInput } from '../domain/overview/sources.js';
import type { Refusal } from '../domain/refusal-message.js';
import type { Region } from '../domain/region/schema.js';
import { TransportError, type Drive, type RemoteFile } from '../drive/drive.js';
import { withRetry, type RetryPolicy } from '../drive/retry.js';
import { sourceOutcome } from '../workbook/xlsx/read-source.js';
import { readWorkbookBytes, type ReadLimits } from '../workbook/xlsx/read-workbook.js';
import type { ContentCache } from './cache.js';
import type { SyncState } from './state.js';
import { md5 } from '../fs/md5.js';
import { listOrEmpty } from './list-or-empty.js';

// Pull: list the source folders, take each workbook from the cache when its MD5 is unchanged or
// download it, then read and validate it. One file's failure never stops the others.

export interface PullCounts {
  pulled: number;
  unchanged: number;
  refused: number;
  skipped: number;
}

export interface Pulled {
  sources: SourceInput[];
  /** Dutch notes for the run's report: skipped files, duplicate names. */
  notes: string[];
  counts: PullCounts;
  /** The new state's view of the sources: drive id → path and MD5. */
  seen: SyncState['sources'];
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

export function sourceFolders(region: Region): string[] {
  return [region.drive.gemeenten, region.drive.aanbod, region.drive.kandidaturen];
}

export async function pull(ctx: PullContext): Promise<Pulled> {
  const out: Pulled = {
    sources: [],
    notes: [],
    counts: { pulled: 0, unchanged: 0, refused: 0, skipped: 0 },
    seen: {},
  };
  const listed: [RemoteFile, string][] = [];
  for (const folder of sourceFolders(ctx.region)) {
    const files = await listOrEmpty(ctx.drive, folder, ctx.retry);
    listed.push(...pathsOf(files, out.notes));
  }
  ctx.onStart(listed.length);
  for (const [file, drivePath] of listed) {
    await pullOne(ctx, file, drivePath, out);
    ctx.onFile(file.name, file.size);
  }
  return out;
}

/** Drive paths for the files of one folder; duplicate names (Google Drive allows them) get (2), (3). */
function pathsOf(files: RemoteFile[], notes: string[]): [RemoteFile, string][] {
  const count = new Map<string, number>();
  return files.map((f) => {
    const n = (count.get(f.name) ?? 0) + 1;
    count.set(f.name, n);
    const p = `${f.folder}/${f.name}`;
    if (n > 1) notes.push(t('sync.duplicate-name', { path: p }));
    return [f, n === 1 ? p : `${p} (${n})`];
  });
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
  const refuse = (refusal: Refusal) => {
    out.counts.refused++;
    const outcome = { ok: false as const, refusal };
    out.sources.push({ path: drivePath, md5: file.md5, bytes: file.size, outcome });
  };
  if (!byName.read && 'refusal' in byName) return refuse(byName.refusal);
  if (file.size > ctx.limits.maxFileBytes) {
    return refuse({
      code: 'too-large',
      params: { bytes: file.size, limit: ctx.limits.maxFileBytes },
    });
  }
  const bytes = await fetchBytes(ctx, file, out).catch((err: unknown) => {
    refuse({ code: 'download', params: { reason: reasonOf(err) } });
    return null;
  });
  if (bytes === null) return;
  out.seen[file.id] = { path: drivePath, md5: file.md5 };
  const outcome = sourceOutcome(await readWorkbookBytes(bytes, drivePath, ctx.limits), ctx.region);
  if (!outcome.ok) return refuse(outcome.refusal);
  out.sources.push({ path: drivePath, md5: file.md5, bytes: file.size, outcome });
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

/** The file's bytes: from the cache when its MD5 is known, else downloaded, checked and cached. */
async function fetchBytes(ctx: PullContext, file: RemoteFile, out: Pulled): Promise<Buffer> {
  const { bytes, cached } = await fetchFile(ctx.drive, ctx.cache, ctx.retry, file);
  if (cached) out.counts.unchanged++;
  else out.counts.pulled++;
  return bytes;
}

/** A file's bytes from the cache by MD5, or downloaded (read again if it changed meanwhile). */
export async function fetchFile(
  drive: Drive,
  cache: ContentCache,
  retry: RetryPolicy,
  file: RemoteFile,
): Promise<{ bytes: Buffer; cached: boolean }> {
  const hit = await cache.get(file.md5);
  if (hit !== null) return { bytes: hit, cached: true };
  const bytes = await withRetry(async () => {
    const b = await drive.download(file);
    // A file that changes while we read it comes back with another MD5: read it again.
    if (md5(b) !== file.md5) throw new TransportError('md5 mismatch', true);
    return b;
  }, retry);
  await cache.put(file.md5, bytes);
  return { bytes, cached: false };
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
