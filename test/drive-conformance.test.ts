import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, vi } from 'vitest';
import { FolderDrive } from '../src/drive/folder.js';
import { GoogleDrive } from '../src/drive/gdrive.js';
import {
  describeDriveConformance,
  type DriveOp,
  type OutOfBand,
} from './helpers/drive-conformance.js';
import {
  FOLDER_MIME,
  startDriveDouble,
  type DriveDouble,
  type Fault,
} from './helpers/drive-double.js';
import { clearFsFaults, failNext, type FsFunction } from './helpers/fs-faults.js';

// The Drive conformance suite (test/helpers/drive-conformance.ts) for every backend: the folder
// backend on a temporary folder, with file-system faults scripted through a mocked
// node:fs/promises, and the Google Drive backend against google-drive-mock behind the
// fault-injecting proxy. A new backend (SharePoint / OneDrive) adds one describeDriveConformance.

vi.mock('node:fs/promises', async (importOriginal) => {
  const { withFsFaults } = await import('./helpers/fs-faults.js');
  return withFsFaults(await importOriginal<typeof import('node:fs/promises')>());
});

// ---- The folder backend ------------------------------------------------------------------------

const FS_CALLS: Record<DriveOp, FsFunction> = {
  list: 'readdir',
  download: 'readFile',
  // The rename of the finished temporary file over the target: where a lock bites.
  upload: 'rename',
};

function folderOutOfBand(root: string): OutOfBand {
  const at = (folder: string, name = '') => path.join(root, ...folder.split('/'), name);
  return {
    async write(folder, name, bytes) {
      await mkdir(at(folder), { recursive: true });
      await writeFile(at(folder, name), bytes);
    },
    async read(folder, name) {
      return readFile(at(folder, name)).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        throw err;
      });
    },
    async remove(folder, name) {
      await rm(at(folder, name));
    },
    async mkdir(folder) {
      await mkdir(at(folder), { recursive: true });
    },
    async files() {
      const entries = await readdir(root, { recursive: true, withFileTypes: true });
      return entries
        .filter((e) => !e.isDirectory())
        .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
        .sort();
    },
    async native(folder, name) {
      await mkdir(at(folder), { recursive: true });
      await writeFile(at(folder, name), '{"url": "https://docs.google.com/spreadsheets/d/x"}');
    },
    async shortcut(folder, name, target) {
      await symlink(at(folder, target), at(folder, name));
    },
  };
}

describeDriveConformance('folder', {
  lacks: {
    retryAfter: 'a file system sends no Retry-After',
  },
  transientFaults: [
    { name: 'EBUSY (a file locked by a sync client or a virus scanner)', retryAfterMs: null },
    { name: 'ETIMEDOUT (a network share that does not answer)', retryAfterMs: null },
  ],
  async open() {
    const root = await mkdtemp(path.join(tmpdir(), 'drive-conformance-'));
    return {
      drive: new FolderDrive(root),
      another: () => new FolderDrive(root),
      outOfBand: folderOutOfBand(root),
      faults: {
        transient(name, op) {
          failNext(FS_CALLS[op], root, name.split(' ')[0]!);
        },
        deny(op) {
          // Upload: the temporary file cannot be created in a folder we may not write to.
          failNext(op === 'upload' ? 'open' : FS_CALLS[op], root, 'EACCES');
        },
      },
      async close() {
        clearFsFaults();
        await rm(root, { recursive: true, force: true });
      },
    };
  },
});

// ---- The Google Drive backend ------------------------------------------------------------------

let double: DriveDouble;
beforeAll(async () => {
  double = await startDriveDouble();
});
afterAll(async () => double.close());

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function gdriveOutOfBand(d: DriveDouble, root: string): OutOfBand {
  const live = () => d.store.listFiles().filter((f) => !f.trashed);
  const folderId = (folder: string, create: boolean): string | null => {
    let id = root;
    for (const segment of folder.split('/').filter((s) => s !== '')) {
      const found = live()
        .filter((f) => f.mimeType === FOLDER_MIME && f.name === segment && f.parents?.includes(id))
        // The backend's order (code units, not the locale's): on a tie of created times the
        // same folder is the one in use, never an empty duplicate a racing client left.
        .sort((a, b) => byCodeUnits(a.createdTime, b.createdTime) || byCodeUnits(a.id, b.id))[0];
      if (found) id = found.id;
      else if (create) id = d.addFolder(segment, id);
      else return null;
    }
    return id;
  };
  const fileIn = (folder: string, name: string) => {
    const parent = folderId(folder, false);
    if (parent === null) return null;
    return (
      live().find(
        (f) => f.mimeType !== FOLDER_MIME && f.name === name && f.parents?.includes(parent),
      ) ?? null
    );
  };
  const pathOf = (id: string): string | null => {
    const names: string[] = [];
    for (let f = d.store.getFile(id); f; f = d.store.getFile(f.parents?.[0] ?? '')) {
      if (f.id === root) return names.reverse().join('/');
      names.push(f.name);
    }
    return null;
  };
  return {
    async write(folder, name, bytes) {
      const existing = fileIn(folder, name);
      if (existing) d.store.updateFile(existing.id, { content: bytes });
      else d.addFile(name, folderId(folder, true)!, bytes);
    },
    async read(folder, name) {
      const f = fileIn(folder, name);
      return f ? d.content(f.id) : null;
    },
    async remove(folder, name) {
      d.store.deleteFile(fileIn(folder, name)!.id);
    },
    async mkdir(folder) {
      folderId(folder, true);
    },
    async files() {
      return live()
        .filter((f) => f.mimeType !== FOLDER_MIME)
        .map((f) => pathOf(f.id))
        .filter((p) => p !== null)
        .sort();
    },
    async native(folder, name) {
      d.addFile(name, folderId(folder, true)!, '', 'application/vnd.google-apps.spreadsheet');
    },
    async shortcut(folder, name) {
      d.addFile(name, folderId(folder, true)!, '', 'application/vnd.google-apps.shortcut');
    },
  };
}

const GDRIVE_FAULTS: Record<string, Fault> = {
  '429 with Retry-After: 2': { type: 'status', status: 429, retryAfter: '2' },
  '500': { type: 'status', status: 500 },
  'a connection reset': { type: 'reset' },
};

describeDriveConformance('Google Drive (google-drive-mock behind the fault proxy)', {
  lacks: {
    atomicCreate:
      'Drive has no create-if-absent: the backend looks for the name, then creates, so two ' +
      'clients creating the same new name at once may both succeed, as two files of that name ' +
      '(the sync reports duplicate names; one coordinator writes per region)',
  },
  transientFaults: [
    { name: '429 with Retry-After: 2', retryAfterMs: 2000 },
    { name: '500', retryAfterMs: null },
    { name: 'a connection reset', retryAfterMs: null },
  ],
  async open() {
    double.clear();
    const root = double.addFolder('Regio Leie & Schelde');
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: double.token, expiry_date: Date.now() + 3_600_000 });
    const client = () => new GoogleDrive({ folderId: root, auth, rootUrl: double.url });
    return {
      drive: client(),
      another: client,
      outOfBand: gdriveOutOfBand(double, root),
      faults: {
        transient(name, op: DriveOp) {
          double.inject(GDRIVE_FAULTS[name]!, { kind: op });
        },
        deny(op: DriveOp) {
          double.inject(
            { type: 'status', status: 403, reason: 'insufficientFilePermissions' },
            { kind: op },
          );
        },
      },
      async close() {},
    };
  },
});
