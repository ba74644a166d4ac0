import path from 'node:path';
import { t } from '../domain/messages.js';
import type { Drive, RemoteFile } from '../drive/drive.js';
import { withRetry, type RetryPolicy } from '../drive/retry.js';
import { md5 } from '../fs/md5.js';
import type { DriveState } from './drive-state.js';
import { listOrEmpty } from './list-folder.js';

// Push: write the files the sync generates (the overview, feedback files) when their content
// changed. A generated file is the sync's own when the drive state records its MD5, whoever ran
// the sync that wrote it. One that someone else changed is kept once, renamed aside under a
// Dutch name with the date, and the fresh file goes to the main name; identical bytes are never
// a conflict. The tracker, edited by hand by design, is only written over the version it was
// merged from (`basedOn`). Nothing but a generated file of a source that left the drive is
// ever removed (removeGenerated).

export interface PushTarget {
  folder: string;
  name: string;
  /** A fingerprint of the content: the same as last time means there is nothing to upload. */
  fingerprint: string;
  bytes: () => Promise<Buffer>;
  /**
   * For a generated file the state has no record of (the state was lost): whether the file on
   * the drive is one the sync wrote. Without it, such a file is kept aside once.
   */
  recognise?: (bytes: Buffer) => boolean;
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
  /** Someone else's version was renamed to `kept`; ours is at the main name. */
  | { status: 'kept'; file: RemoteFile; kept: string }
  /** The tracker changed twice under us: ours went beside it as `file`. */
  | { status: 'conflict'; file: RemoteFile; theirs: string }
  | { status: 'would-upload'; path: string }
  /** basedOn with onStale 'report': the file changed since it was read; nothing was written. */
  | { status: 'stale'; path: string }
  /** Someone wrote the file at the same moment: left as they wrote it, for the next run. */
  | { status: 'busy'; path: string };

export interface PushContext {
  drive: Drive;
  state: DriveState;
  retry: RetryPolicy;
  /** Saves the drive state: the pending uploads, before they are made. */
  persist: () => Promise<void>;
  /** Wall-clock "JJJJ-MM-DD uu.mm" for kept copies (no ':' — Windows refuses it). */
  stamp: string;
  /** Who writes, for the records: the run's moment, machine and user. */
  by: { at: string; machine: string; user: string };
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
      // A folder the sync writes into that is not there yet: it is created with the upload.
      files = listOrEmpty(this.drive, folder, this.retry);
      this.folders.set(folder, files);
    }
    return (await files).find((f) => f.name === name && f.kind === 'file');
  }
}

/** A push decided: done already, or bytes to write over what is there. */
interface Write {
  key: string;
  target: PushTarget;
  bytes: Buffer;
  sum: string;
  current: RemoteFile | undefined;
  /** The file there is ours to replace (or there is none). */
  ours: boolean;
}

type Planned = { done: PushOutcome } | Write;

const isWrite = (p: Planned): p is Write => !('done' in p);

/** Pushes many generated files: decided and built first, one state save for all of them. */
export async function pushAll(
  ctx: PushContext,
  listing: FolderListing,
  targets: readonly PushTarget[],
): Promise<PushOutcome[]> {
  const planned: Planned[] = [];
  for (const target of targets) planned.push(await plan(ctx, listing, target));
  return execute(ctx, planned);
}

export async function push(
  ctx: PushContext,
  listing: FolderListing,
  target: PushTarget,
): Promise<PushOutcome> {
  const [outcome] = await execute(ctx, [await plan(ctx, listing, target)]);
  return outcome!;
}

async function plan(
  ctx: PushContext,
  listing: FolderListing,
  target: PushTarget,
): Promise<Planned> {
  const key = `${target.folder}/${target.name}`;
  const current = await listing.find(target.folder, target.name);
  adoptPending(ctx, key, current);
  const record = ctx.state.written[key];
  const base = target.basedOn;
  const recorded = current !== undefined && record?.md5 === current.md5;
  if (base === undefined && recorded && record?.fingerprint === target.fingerprint)
    return { done: { status: 'unchanged', file: current } };
  if (ctx.dryRun) return { done: { status: 'would-upload', path: key } };
  const stale = current !== undefined && base !== undefined && current.version !== base.version;
  if (stale && base?.onStale === 'report') return { done: { status: 'stale', path: key } };
  const bytes = await target.bytes();
  const sum = md5(bytes);
  if (current !== undefined && current.md5 === sum && !stale) {
    record_(ctx, key, sum, target.fingerprint);
    return { done: { status: 'unchanged', file: current } };
  }
  const ours =
    current === undefined ||
    (base
      ? !stale
      : recorded || (record === undefined && (await recognised(ctx, target, current))));
  return { key, target, bytes, sum, current, ours };
}

async function execute(ctx: PushContext, planned: Planned[]): Promise<PushOutcome[]> {
  const writes = planned.filter(isWrite);
  for (const p of writes)
    ctx.state.pending[p.key] = { md5: p.sum, fingerprint: p.target.fingerprint };
  if (writes.length > 0) await ctx.persist();
  // The records of what was written are saved by the run, once, at its end: a run killed before
  // that leaves them pending, and the next run adopts them by MD5.
  const outcomes: PushOutcome[] = [];
  for (const p of planned) outcomes.push(isWrite(p) ? await write(ctx, p) : p.done);
  return outcomes;
}

async function write(ctx: PushContext, p: Write): Promise<PushOutcome> {
  const { target, key } = p;
  delete ctx.state.pending[key];
  if (!p.ours && p.current !== undefined && target.basedOn !== undefined) {
    return conflictCopy(ctx, target, p.bytes, key);
  }
  let kept: string | null = null;
  if (!p.ours && p.current !== undefined) {
    kept = await keepAside(ctx, p.current);
    if (kept === null) return { status: 'busy', path: key };
  }
  const expected = p.ours ? (p.current?.version ?? null) : null;
  const result = await withRetry(
    () => ctx.drive.upload(target.folder, target.name, p.bytes, expected),
    ctx.retry,
  );
  if (!result.ok) {
    if (target.basedOn?.onStale === 'report') return { status: 'stale', path: key };
    if (target.basedOn) return conflictCopy(ctx, target, p.bytes, key);
    return { status: 'busy', path: key };
  }
  record_(ctx, key, p.sum, target.fingerprint);
  return kept === null
    ? { status: 'uploaded', file: result.file }
    : { status: 'kept', file: result.file, kept };
}

function record_(ctx: PushContext, key: string, sum: string, fingerprint: string): void {
  ctx.state.written[key] = { md5: sum, fingerprint, ...ctx.by };
}

/** An upload a killed run made but could not record: the drive has exactly the bytes we sent. */
function adoptPending(ctx: PushContext, key: string, current: RemoteFile | undefined): void {
  const pending = ctx.state.pending[key];
  if (!pending) return;
  if (current?.md5 === pending.md5) record_(ctx, key, pending.md5, pending.fingerprint);
  delete ctx.state.pending[key];
}

async function recognised(ctx: PushContext, target: PushTarget, current: RemoteFile) {
  if (!target.recognise) return false;
  const bytes = await withRetry(() => ctx.drive.download(current), ctx.retry);
  return target.recognise(bytes);
}

/** Renames someone else's version of a generated file aside; null if it changed meanwhile. */
async function keepAside(ctx: PushContext, current: RemoteFile): Promise<string | null> {
  for (let n = 1; n < 100; n++) {
    const name = sideName(current.name, t('sync.kept-suffix', { stamp: ctx.stamp }), n);
    const result = await withRetry(() => ctx.drive.rename(current, name), ctx.retry);
    if (result.ok) return `${current.folder}/${name}`;
    // Taken by an earlier copy of the same minute, or the file changed: look again.
    const again = await withRetry(() => ctx.drive.list(current.folder), ctx.retry);
    const now = again.find((f) => f.name === current.name);
    if (now?.version !== current.version) return null;
  }
  return null;
}

async function conflictCopy(
  ctx: PushContext,
  target: PushTarget,
  bytes: Buffer,
  key: string,
): Promise<PushOutcome> {
  for (let n = 1; ; n++) {
    const name = sideName(target.name, t('sync.conflict-suffix', { stamp: ctx.stamp }), n);
    const result = await withRetry(() => ctx.drive.create(target.folder, name, bytes), ctx.retry);
    if (result.ok) return { status: 'conflict', file: result.file, theirs: key };
  }
}

/** "Regionaal overzicht (… 2026-12-01 14.30).xlsx", with " 2", " 3" … when that is taken. */
function sideName(name: string, suffix: string, n: number): string {
  const ext = path.extname(name);
  const base = name.slice(0, name.length - ext.length);
  return `${base} (${suffix}${n === 1 ? '' : ` ${n}`})${ext}`;
}

/**
 * Removes a generated file the sync no longer produces (the feedback of a source that left the
 * drive), if it is still as the sync wrote it; one someone changed stays. The record goes.
 */
export async function removeGenerated(
  ctx: PushContext,
  listing: FolderListing,
  key: string,
): Promise<'removed' | 'kept' | 'gone'> {
  const slash = key.lastIndexOf('/');
  const current = await listing.find(key.slice(0, slash), key.slice(slash + 1));
  const record = ctx.state.written[key];
  delete ctx.state.written[key];
  if (current === undefined) return 'gone';
  if (current.md5 !== record?.md5) return 'kept';
  return (await withRetry(() => ctx.drive.remove(current), ctx.retry)) ? 'removed' : 'kept';
}
