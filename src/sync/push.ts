import path from 'node:path';
import type { Drive, RemoteFile } from '../drive/drive.js';
import { withRetry, type RetryPolicy } from '../drive/retry.js';
import { md5 } from '../fs/md5.js';
import type { SyncState } from './state.js';
import { listOrEmpty } from './list-or-empty.js';

// Push: write a file we own (the overview, a feedback file) only when its content changed, and
// only over the version we left there. A file someone else changed is never overwritten: ours
// goes beside it as "… (conflict <date time>)". Nothing is ever deleted.

export interface PushTarget {
  folder: string;
  name: string;
  /** A fingerprint of the content: the same as last time means there is nothing to upload. */
  fingerprint: string;
  bytes: () => Promise<Buffer>;
  /**
   * For a file someone else edits too (the tracker): the version our content was merged from
   * (null: there was no file). It is overwritten only if it is still that version; otherwise the
   * outcome is 'stale' (the caller merges again) or, with onStale 'copy', a conflict copy.
   */
  basedOn?: { version: string | null; onStale: 'report' | 'copy' };
}

export type PushOutcome =
  | { status: 'unchanged'; file: RemoteFile }
  | { status: 'uploaded'; file: RemoteFile }
  | { status: 'conflict'; file: RemoteFile; theirs: string }
  | { status: 'would-upload'; path: string }
  /** basedOn with onStale 'report': the file changed since it was read; nothing was written. */
  | { status: 'stale'; path: string };

export interface PushContext {
  drive: Drive;
  state: SyncState;
  retry: RetryPolicy;
  /** Saves the state: called before and after every upload, so a killed run loses nothing. */
  persist: () => Promise<void>;
  /** The conflict stamp, as wall-clock "JJJJ-MM-DD uu.mm" (no ':' — Windows refuses it). */
  stamp: string;
  dryRun: boolean;
}

/** Lists each folder once per run: pushing many feedback files costs one list call per folder. */
export class FolderListing {
  private readonly folders = new Map<string, Promise<RemoteFile[]>>();

  constructor(
    private readonly drive: Drive,
    private readonly retry: RetryPolicy,
  ) {}

  async find(folder: string, name: string): Promise<RemoteFile | undefined> {
    let files = this.folders.get(folder);
    if (!files) {
      files = listOrEmpty(this.drive, folder, this.retry);
      this.folders.set(folder, files);
    }
    return (await files).find((f) => f.name === name && f.kind === 'file');
  }
}

export async function push(
  ctx: PushContext,
  listing: FolderListing,
  target: PushTarget,
): Promise<PushOutcome> {
  const key = `${target.folder}/${target.name}`;
  const current = await listing.find(target.folder, target.name);
  adoptPending(ctx.state, key, current);
  const record = ctx.state.uploads[key];
  const base = target.basedOn;
  const ours =
    base === undefined
      ? current !== undefined && record?.version === current.version
      : (current?.version ?? null) === base.version;
  if (base === undefined && ours && current && record?.fingerprint === target.fingerprint)
    return { status: 'unchanged', file: current };
  if (ctx.dryRun) return { status: 'would-upload', path: key };
  const stale = base?.onStale === 'report';
  if (current !== undefined && !ours && stale) return { status: 'stale', path: key };
  const bytes = await target.bytes();
  if (current !== undefined && !ours) return conflict(ctx, target, bytes, key);
  ctx.state.pending[key] = { md5: md5(bytes), fingerprint: target.fingerprint };
  await ctx.persist();
  const expected = current?.version ?? null;
  const result = await withRetry(
    () => ctx.drive.upload(target.folder, target.name, bytes, expected),
    ctx.retry,
  );
  delete ctx.state.pending[key];
  if (!result.ok) {
    await ctx.persist();
    return stale ? { status: 'stale', path: key } : conflict(ctx, target, bytes, key);
  }
  ctx.state.uploads[key] = { version: result.file.version, fingerprint: target.fingerprint };
  await ctx.persist();
  return { status: 'uploaded', file: result.file };
}

/** An upload a killed run made but could not record: the drive has exactly the bytes we sent. */
function adoptPending(state: SyncState, key: string, current: RemoteFile | undefined): void {
  const pending = state.pending[key];
  if (!pending || !current) return;
  if (current.md5 === pending.md5) {
    state.uploads[key] = { version: current.version, fingerprint: pending.fingerprint };
  }
  delete state.pending[key];
}

async function conflict(
  ctx: PushContext,
  target: PushTarget,
  bytes: Buffer,
  key: string,
): Promise<PushOutcome> {
  const ext = path.extname(target.name);
  const base = target.name.slice(0, target.name.length - ext.length);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` ${n}`;
    const name = `${base} (conflict ${ctx.stamp}${suffix})${ext}`;
    const result = await withRetry(
      () => ctx.drive.upload(target.folder, name, bytes, null),
      ctx.retry,
    );
    if (result.ok) return { status: 'conflict', file: result.file, theirs: key };
  }
}
