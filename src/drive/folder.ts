import { readFile as readFileCallback, type Dirent, type Stats } from 'node:fs';
import { link, lstat, mkdir, readdir, readFile, realpath, unlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { t } from '../domain/messages.js';
import {
  clearStaleTemporaries,
  createFileExclusive,
  isTemporary,
  writeFileAtomic,
} from '../fs/write-atomic.js';
import {
  drivePath,
  NotFoundError,
  TransportError,
  type Drive,
  type RemoteFile,
  type RemoteKind,
  type UploadResult,
} from './drive.js';
import { md5, md5OfFile } from '../fs/md5.js';
import { keepsChangeTime, type ChecksumMemory } from './checksum-memory.js';

// The default backend: a folder on disk, a network share, or a folder that the OneDrive or
// Google Drive desktop client keeps in sync. The version of a file is its MD5: an upload compares
// it just before the atomic rename, so a file someone changed in the meantime is never replaced.
// Uploads to one file are serialised within the process, so of two racing uploads over the same
// version exactly one wins. Between processes or machines a file system has no compare-and-swap:
// a window of milliseconds between the last comparison and the rename remains (the same holds
// for rename and remove, which compare the MD5 first). Taking a name is exclusive everywhere:
// create and rename hard-link to the new name, which fails when it exists (O_EXCL semantics,
// also across machines on a network share), so a lock file has exactly one owner.
// Failures leave as TransportErrors: retryable for a busy file or a share that does not answer,
// NotFoundError for a file that is gone, final for anything else (no permission, say).

// What the Google Drive desktop client leaves for native documents: small pointer files.
const NATIVE_EXTENSIONS = new Set(['.gsheet', '.gdoc', '.gslides', '.gform']);

// Errors that pass: a locked file (a sync client, a virus scanner, Excel on a share), a network
// share that does not answer or lost its handle, too many open files.
const TRANSIENT_CODES = new Set([
  'EBUSY',
  'EAGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTDOWN',
  'ESTALE',
  'EMFILE',
  'ENFILE',
]);

const NO_ACCESS_CODES = new Set(['EACCES', 'EPERM']);
// A full disk, or the user's quota on a share.
const FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);

// The writes in flight in this process, by target path: the next one waits for the last.
const writing = new Map<string, Promise<unknown>>();

export class FolderDrive implements Drive {
  readonly label: string;

  /** `sums`: the MD5s of earlier listings, so that a file not touched since is not read again. */
  constructor(
    readonly root: string,
    private readonly sums: ChecksumMemory | null = null,
  ) {
    this.label = `map ${root}`;
  }

  async list(folder: string): Promise<RemoteFile[]> {
    const dir = this.resolve(folder);
    let entries: Dirent[];
    try {
      // A folder that is a link out of the drive is not read either: what the sync reads and
      // writes stays on the drive.
      await this.confine(dir);
      entries = await readdir(dir, { withFileTypes: true });
      // A killed run's temporaries go when the next run looks, not only when it writes here.
      if (entries.some((e) => isTemporary(e.name))) await clearStaleTemporaries(dir);
    } catch (err) {
      // Missing (nothing there, or a file where it would be) is told apart from every other
      // failure: a folder we may not read, or a share that does not answer, is no empty folder.
      const code = codeOf(err);
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        throw new NotFoundError(t('drive.folder-missing', { path: dir }));
      }
      throw fsError(err, t('drive.op-list', { path: dir }));
    }
    // Hidden files (our temporary files among them), folders, and anything that is neither a
    // file nor a link (a pipe would block the MD5 forever).
    const names = entries
      .filter((e) => !e.name.startsWith('.') && (e.isFile() || e.isSymbolicLink()))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b, 'nl-BE'));
    // The MD5 memory only where the file system keeps a real change time (keepsChangeTime).
    const sums = this.sums && (await keepsChangeTime(dir)) ? this.sums : null;
    const describe = (name: string) =>
      this.describe(folder, name, sums).catch((err: unknown) => {
        // Gone since the folder was read (an Excel lock file, a save by rename), or no longer a
        // file: not listed.
        if (codeOf(err) === 'ENOENT' || err === NOT_REGULAR) return null;
        throw fsError(err, t('drive.op-read', { path: path.join(dir, name) }));
      });
    // A few files at a time: one by one, the disk waits on each file's round trips.
    const files: RemoteFile[] = [];
    for (let i = 0; i < names.length; i += LIST_PARALLEL) {
      const batch = await Promise.all(names.slice(i, i + LIST_PARALLEL).map(describe));
      for (const file of batch) if (file) files.push(file);
    }
    await sums?.settle(folder, new Set(files.map((f) => f.id)));
    return files;
  }

  async download(file: RemoteFile): Promise<Buffer> {
    const full = this.resolve(file.id);
    try {
      const bytes = await readFile(full);
      // Bytes that are not what the memory says: it is wrong (damaged), never trusted again.
      this.sums?.correct(file.id, md5(bytes));
      return bytes;
    } catch (err) {
      if (codeOf(err) === 'ENOENT') throw new NotFoundError(t('refuse.not-found'));
      throw fsError(err, t('drive.op-read', { path: full }));
    }
  }

  async upload(
    folder: string,
    name: string,
    bytes: Buffer,
    expected: string | null,
  ): Promise<UploadResult> {
    const target = this.resolve(drivePath(folder, name));
    return this.serial(target, t('drive.op-write', { path: target }), async () => {
      await this.confine(target);
      const unchanged = async () => (await currentMd5(target)) === expected;
      if (!(await unchanged())) return CONFLICT;
      if (!(await writeFileAtomic(target, bytes, unchanged))) return CONFLICT;
      // What we wrote, not what is there now: should someone replace it right after our rename,
      // their version must not pass for ours.
      return { ok: true, file: await written(target, folder, name, bytes) };
    });
  }

  async create(folder: string, name: string, bytes: Buffer): Promise<UploadResult> {
    const target = this.resolve(drivePath(folder, name));
    return this.serial(target, t('drive.op-write', { path: target }), async () => {
      await this.confine(target);
      if (!(await createFileExclusive(target, bytes))) return CONFLICT;
      return { ok: true, file: await written(target, folder, name, bytes) };
    });
  }

  async rename(file: RemoteFile, name: string): Promise<UploadResult> {
    const from = this.resolve(file.id);
    const id = drivePath(file.folder, name);
    const to = this.resolve(id);
    return this.serial(from, t('drive.op-rename', { path: from }), async () => {
      await this.confine(from);
      await this.confine(to);
      const now = await this.current(file);
      if (now === null) throw new NotFoundError(t('refuse.not-found'));
      if (now.version !== file.version) return CONFLICT;
      // A hard link takes the new name only if it is free (rename() would replace it), then
      // the old name goes: the file is never missing, and never in two places for long.
      try {
        await link(from, to);
      } catch (err) {
        if (codeOf(err) === 'EEXIST') return CONFLICT;
        throw err;
      }
      await unlink(from);
      return { ok: true, file: { ...now, id, name } };
    });
  }

  async remove(file: RemoteFile): Promise<boolean> {
    const full = this.resolve(file.id);
    return this.serial(full, t('drive.op-remove', { path: full }), async () => {
      await this.confine(full);
      const now = await this.current(file);
      if (now === null) return true;
      if (now.version !== file.version) return false;
      await unlink(full).catch((err: unknown) => {
        if (codeOf(err) !== 'ENOENT') throw err;
      });
      return true;
    });
  }

  async makeFolder(folder: string): Promise<void> {
    const dir = this.resolve(folder);
    try {
      // The root is the drive: making it (a new drive) needs no confinement.
      if (dir !== this.root) await this.confine(dir);
      await mkdir(dir, { recursive: true });
    } catch (err) {
      throw fsError(err, t('drive.op-folder', { path: dir }));
    }
  }

  locate(file: RemoteFile): string {
    return this.resolve(file.id);
  }

  /**
   * Runs a write to `target` after the one before it in this process, so that of two racing
   * writes over the same version exactly one wins; its failures as TransportErrors.
   */
  private async serial<T>(target: string, what: string, op: () => Promise<T>): Promise<T> {
    const run = (writing.get(target) ?? Promise.resolve()).catch(() => undefined).then(op);
    writing.set(target, run);
    try {
      return await run;
    } catch (err) {
      throw fsError(err, what);
    } finally {
      if (writing.get(target) === run) writing.delete(target);
    }
  }

  /** The file as it is now, or null when it is gone (or is no file any more). */
  private async current(file: RemoteFile): Promise<RemoteFile | null> {
    return this.describe(file.folder, file.name).catch((err: unknown) => {
      if (codeOf(err) === 'ENOENT' || err === NOT_REGULAR) return null;
      throw err;
    });
  }

  /**
   * Refuses a path whose real place (links resolved, up to the part that exists) is outside the
   * drive's real root, or that ends in a link to nowhere: a write through a linked `Overzicht/`
   * would land anywhere.
   */
  private async confine(full: string): Promise<void> {
    const root = await realpath(this.root);
    for (let at = full; ; at = path.dirname(at)) {
      let real: string;
      try {
        real = await realpath(at);
      } catch (err) {
        if (codeOf(err) !== 'ENOENT' || at === this.root) throw err;
        if ((await lstat(at).catch(() => null))?.isSymbolicLink()) throw outside(full, at);
        continue;
      }
      if (real !== root && !real.startsWith(root + path.sep)) throw outside(full, real);
      return;
    }
  }

  /**
   * Rejects with NOT_REGULAR for a pipe, socket or device: never opened (a pipe blocks). `sums`:
   * the MD5 memory, for a listing (a write's version check always reads the file).
   */
  private async describe(
    folder: string,
    name: string,
    sums: ChecksumMemory | null = null,
  ): Promise<RemoteFile> {
    const id = drivePath(folder, name);
    const file = this.resolve(id);
    const info = await lstat(file);
    if (!info.isFile() && !info.isSymbolicLink()) throw NOT_REGULAR;
    const kind = kindOf(name, info.isSymbolicLink());
    // A file we may not read is listed without a checksum: its download says why, for that
    // file alone, instead of one file's permissions stopping the whole listing.
    const md5 =
      kind === 'file'
        ? await md5Of(sums, id, file, info).catch((err: unknown) => {
            if (NO_ACCESS_CODES.has(codeOf(err) ?? '')) return '';
            throw err;
          })
        : '';
    return { id, folder, name, kind, size: info.size, md5, version: md5, modified: info.mtime };
  }

  private resolve(relative: string): string {
    const full = path.resolve(this.root, ...relative.split('/'));
    if (full !== this.root && !full.startsWith(this.root + path.sep)) {
      throw new Error(`path outside the drive: ${relative}`);
    }
    return full;
  }
}

const CONFLICT: UploadResult = { ok: false, conflict: true };
/** Files described at once while listing a folder. */
const LIST_PARALLEL = 16;
/** Up to this size a file's MD5 is taken in one read; a larger one is streamed. */
const WHOLE_READ_BYTES = 8 * 1024 * 1024;

/**
 * A file's MD5: read whole when it was small when looked at (far cheaper than a stream), with
 * fs's callback API (a third cheaper than fs/promises for the many small files of a listing).
 */
async function md5OfSize(file: string, size: number): Promise<string> {
  return size <= WHOLE_READ_BYTES ? md5(await readWhole(file)) : md5OfFile(file);
}

const readWhole = promisify(readFileCallback);

/** The MD5 remembered for the file as lstat described it, or read (and remembered). */
async function md5Of(
  sums: ChecksumMemory | null,
  id: string,
  file: string,
  info: Stats,
): Promise<string> {
  const known = await sums?.recall(id, info);
  if (known) return known;
  const readAt = Date.now();
  const sum = await md5OfSize(file, info.size);
  await sums?.note(id, info, sum, readAt);
  return sum;
}
/** What describe() rejects with for a pipe, socket or device. */
const NOT_REGULAR = Symbol('not a regular file');

function outside(full: string, real: string): TransportError {
  return new TransportError(t('drive.outside', { path: full, real }), false);
}

/**
 * The file we just wrote, as list() will give it. Its time is the file's as it is now (only
 * shown to people): its version and checksum are those of our bytes.
 */
async function written(
  target: string,
  folder: string,
  name: string,
  bytes: Buffer,
): Promise<RemoteFile> {
  const sum = md5(bytes);
  const kind = kindOf(name, false);
  const modified = await lstat(target).then(
    (info) => info.mtime,
    () => undefined,
  );
  return {
    id: drivePath(folder, name),
    folder,
    name,
    kind,
    size: bytes.length,
    md5: kind === 'file' ? sum : '',
    version: sum,
    ...(modified ? { modified } : {}),
  };
}

function kindOf(name: string, link: boolean): RemoteKind {
  if (link) return 'shortcut';
  return NATIVE_EXTENSIONS.has(path.extname(name).toLowerCase()) ? 'native' : 'file';
}

async function currentMd5(file: string): Promise<string | null> {
  return md5OfFile(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
}

function codeOf(err: unknown): string | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * A file-system error as a TransportError with a Dutch message saying what failed (`what` names
 * the path) and what to do: retryable when it passes. Anything else (a bug, a path outside the
 * drive) leaves as it is.
 */
function fsError(err: unknown, what: string): unknown {
  if (err instanceof TransportError) return err;
  const code = codeOf(err);
  if (code === null || !/^E[A-Z]+$/.test(code)) return err;
  return new TransportError(
    t('drive.failed', { what, reason: reasonFor(code) }),
    TRANSIENT_CODES.has(code),
  );
}

function reasonFor(code: string): string {
  if (NO_ACCESS_CODES.has(code)) return t('drive.reason-no-access');
  if (code === 'EROFS') return t('drive.reason-read-only');
  if (FULL_CODES.has(code)) return t('drive.reason-full');
  if (TRANSIENT_CODES.has(code)) return t('drive.reason-busy', { code });
  return t('drive.reason-other', { code });
}
