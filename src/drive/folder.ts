import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/write-atomic.js';
import {
  drivePath,
  type Drive,
  type RemoteFile,
  type RemoteKind,
  type UploadResult,
} from './drive.js';
import { md5OfFile } from '../fs/md5.js';

// The default backend: a folder on disk, a network share, or a folder that the OneDrive or
// Google Drive desktop client keeps in sync. The version of a file is its MD5: an upload compares
// it just before the atomic rename, so a file someone changed in the meantime is never replaced.

// What the Google Drive desktop client leaves for native documents: small pointer files.
const NATIVE_EXTENSIONS = new Set(['.gsheet', '.gdoc', '.gslides', '.gform']);

export class FolderDrive implements Drive {
  readonly label: string;

  constructor(readonly root: string) {
    this.label = `map ${root}`;
  }

  async list(folder: string): Promise<RemoteFile[]> {
    const dir = this.resolve(folder);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const files: RemoteFile[] = [];
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name, 'nl-BE'))) {
      if (e.name.startsWith('.') || e.isDirectory()) continue;
      files.push(await this.describe(folder, e.name));
    }
    return files;
  }

  async download(file: RemoteFile): Promise<Buffer> {
    return readFile(this.resolve(file.id));
  }

  async upload(
    folder: string,
    name: string,
    bytes: Buffer,
    expected: string | null,
  ): Promise<UploadResult> {
    const id = drivePath(folder, name);
    const target = this.resolve(id);
    const unchanged = async () => (await currentMd5(target)) === expected;
    if (!(await unchanged())) return { ok: false, conflict: true };
    if (!(await writeFileAtomic(target, bytes, unchanged))) return { ok: false, conflict: true };
    return { ok: true, file: await this.describe(folder, name) };
  }

  locate(file: RemoteFile): string {
    return this.resolve(file.id);
  }

  private async describe(folder: string, name: string): Promise<RemoteFile> {
    const id = drivePath(folder, name);
    const file = this.resolve(id);
    const info = await lstat(file);
    const kind: RemoteKind = info.isSymbolicLink()
      ? 'shortcut'
      : NATIVE_EXTENSIONS.has(path.extname(name).toLowerCase())
        ? 'native'
        : 'file';
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

async function currentMd5(file: string): Promise<string | null> {
  return md5OfFile(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
}
