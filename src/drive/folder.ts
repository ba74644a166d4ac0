import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { t } from '../domain/messages.js';
import { writeFileAtomic } from '../fs/write-atomic.js';
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

// The default backend: a folder on disk, a network share, or a folder that the OneDrive or
// Google Drive desktop client keeps in sync. The version of a file is its MD5: an upload compares
// it just before the atomic rename, so a file someone changed in the meantime is never replaced.
// Uploads to one file are serialised within the process, so of two racing uploads over the same
// version exactly one wins. Between processes or machines a file system has no compare-and-swap:
// a window of milliseconds between the last comparison and the rename remains.
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

// The uploads in flight in this process, by target path: the next one waits for the last.
const writing = new Map<string, Promise<unknown>>();

export class FolderDrive implements Drive {
  readonly label: string;

  constructor(readonly root: string) {
    this.label = `map ${root}`;
  }

  async list(folder: string): Promise<RemoteFile[]> {
    const dir = this.resolve(folder);
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      // The contract: [] for a missing folder (nothing there, or a file where it would be). Only
      // that: a folder we may not read, or a share that does not answer, is no empty folder.
      const code = codeOf(err);
      if (code === 'ENOENT' || code === 'ENOTDIR') return [];
      throw transportError(err);
    }
    const files: RemoteFile[] = [];
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name, 'nl-BE'))) {
      // Hidden files (our temporary files among them), folders, and anything that is neither a
      // file nor a link (a pipe would block the MD5 forever).
      if (e.name.startsWith('.') || !(e.isFile() || e.isSymbolicLink())) continue;
      const file = await this.describe(folder, e.name).catch((err: unknown) => {
        // Gone since the folder was read (an Excel lock file, a save by rename): not listed.
        if (codeOf(err) === 'ENOENT') return null;
        throw transportError(err);
      });
      if (file) files.push(file);
    }
    return files;
  }

  async download(file: RemoteFile): Promise<Buffer> {
    try {
      return await readFile(this.resolve(file.id));
    } catch (err) {
      if (codeOf(err) === 'ENOENT') throw new NotFoundError(t('refuse.not-found'));
      throw transportError(err);
    }
  }

  async upload(
    folder: string,
    name: string,
    bytes: Buffer,
    expected: string | null,
  ): Promise<UploadResult> {
    const target = this.resolve(drivePath(folder, name));
    const run = (writing.get(target) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.write(folder, name, target, bytes, expected));
    writing.set(target, run);
    try {
      return await run;
    } catch (err) {
      throw transportError(err);
    } finally {
      if (writing.get(target) === run) writing.delete(target);
    }
  }

  locate(file: RemoteFile): string {
    return this.resolve(file.id);
  }

  private async write(
    folder: string,
    name: string,
    target: string,
    bytes: Buffer,
    expected: string | null,
  ): Promise<UploadResult> {
    const unchanged = async () => (await currentMd5(target)) === expected;
    if (!(await unchanged())) return { ok: false, conflict: true };
    if (!(await writeFileAtomic(target, bytes, unchanged))) return { ok: false, conflict: true };
    // What we wrote, not what is there now: should someone replace it right after our rename,
    // their version must not pass for ours.
    const sum = md5(bytes);
    const kind = kindOf(name, false);
    return {
      ok: true,
      file: {
        id: drivePath(folder, name),
        folder,
        name,
        kind,
        size: bytes.length,
        md5: kind === 'file' ? sum : '',
        version: sum,
      },
    };
  }

  private async describe(folder: string, name: string): Promise<RemoteFile> {
    const id = drivePath(folder, name);
    const file = this.resolve(id);
    const info = await lstat(file);
    const kind = kindOf(name, info.isSymbolicLink());
    const md5 = kind === 'file' ? await md5OfFile(file) : '';
    return { id, folder, name, kind, size: info.size, md5, version: md5 };
  }

  private resolve(relative: string): string {
    const full = path.resolve(this.root, ...relative.split('/'));
    if (full !== this.root && !full.startsWith(this.root + path.sep)) {
      throw new Error(`path outside the drive: ${relative}`);
    }
    return full;
  }
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
 * A file-system error as a TransportError (its message, with the path, as Node gives it):
 * retryable when it passes. Anything else (a bug, a path outside the drive) leaves as it is.
 */
function transportError(err: unknown): unknown {
  if (err instanceof TransportError) return err;
  const code = codeOf(err);
  if (code === null || !/^E[A-Z]+$/.test(code)) return err;
  return new TransportError((err as Error).message, TRANSIENT_CODES.has(code));
}
