import type { Stats } from 'node:fs';
import { readFile, statfs } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/write-atomic.js';

// The MD5s a folder drive computed, remembered with what lstat said of each file then (size,
// modification and change times, inode): a file lstat still describes exactly so is not read
// again to know its MD5, as git's index and rsync's quick check do. On a network share or a
// folder a cloud client keeps (files on demand), reading every file on every sync would move
// every byte of the drive. The change time is set by the system on every write and cannot be set
// back by a program, so a rewritten file never passes for the old one. A file changed within the
// time stamps' resolution of when it was read ("racy": a share may keep times to the second, FAT
// to two) is not remembered: it is read again next time. Only where the file system keeps a real
// change time (keepsChangeTime): FAT has none, and FUSE mounts (rclone, sshfs, cloud drives)
// report the modification time as the change time, so an edit that keeps size and time would
// pass unseen there. Only a cache, in the state folder: a missing memory costs reading; an entry
// that downloaded bytes contradict is dropped (correct), so a damaged one costs a second read.

/** How long a file must have been left alone to be remembered: two seconds, FAT's resolution. */
const SETTLED_MS = 2000;
const FORMAT = 1;

type Entry = [size: number, mtimeMs: number, ctimeMs: number, ino: number, md5: string];

export class ChecksumMemory {
  private entries: Map<string, Entry> | null = null;
  private changed = false;

  /** `file`: where it is kept; `saves` false (a dry run): used, never written. */
  constructor(
    private readonly file: string,
    private readonly saves = true,
  ) {}

  /** The MD5 remembered for the file `id` when lstat describes it as it did then. */
  async recall(id: string, info: Stats): Promise<string | null> {
    const entry = (await this.load()).get(id);
    return entry !== undefined && same(entry, info) ? entry[4] : null;
  }

  /** Remembers an MD5 read from the file at or after `readAt` (ms), if it had settled by then. */
  async note(id: string, info: Stats, md5: string, readAt: number): Promise<void> {
    const entries = await this.load();
    if (readAt - Math.max(info.mtimeMs, info.ctimeMs) < SETTLED_MS) {
      this.changed = entries.delete(id) || this.changed;
      return;
    }
    entries.set(id, [info.size, info.mtimeMs, info.ctimeMs, info.ino, md5]);
    this.changed = true;
  }

  /** Drops the entry of `id` when bytes just read from it have another MD5. */
  correct(id: string, md5: string): void {
    const entry = this.entries?.get(id);
    if (entry !== undefined && entry[4] !== md5) this.changed = this.entries!.delete(id);
  }

  /** Forgets the files of `folder` that are not in `present` (ids), then saves what changed. */
  async settle(folder: string, present: ReadonlySet<string>): Promise<void> {
    const entries = await this.load();
    const prefix = folder === '' ? '' : `${folder}/`;
    for (const id of entries.keys()) {
      const inFolder = id.startsWith(prefix) && !id.slice(prefix.length).includes('/');
      if (inFolder && !present.has(id)) this.changed = entries.delete(id) || this.changed;
    }
    if (!this.changed || !this.saves) return;
    this.changed = false;
    const json = JSON.stringify({ format: FORMAT, files: Object.fromEntries(entries) });
    // A state folder that cannot be written costs the next run its reading, not this run.
    await writeFileAtomic(this.file, Buffer.from(json)).catch(() => undefined);
  }

  private async load(): Promise<Map<string, Entry>> {
    this.entries ??= await readFile(this.file, 'utf8').then(parse, () => new Map());
    return this.entries;
  }
}

/**
 * Linux file systems whose change time the kernel keeps on every write (statfs magic numbers):
 * ext2/3/4, XFS, Btrfs, tmpfs, ZFS, overlayfs, F2FS. Elsewhere (FAT, FUSE, network file systems,
 * other platforms) every listing reads every file, as before.
 */
const REAL_CHANGE_TIME = new Set([
  0xef53, 0x58465342, 0x9123683e, 0x01021994, 0x2fc12fc1, 0x794c7630, 0xf2f52010,
]);

/** Whether the MD5 memory may be used for the files of `dir` (its own file system's kind). */
export async function keepsChangeTime(dir: string): Promise<boolean> {
  if (process.platform !== 'linux') return false;
  const info = await statfs(dir).catch(() => null);
  return info !== null && REAL_CHANGE_TIME.has(info.type);
}

function same(entry: Entry, info: Stats): boolean {
  const [size, mtimeMs, ctimeMs, ino] = entry;
  return (
    size === info.size && mtimeMs === info.mtimeMs && ctimeMs === info.ctimeMs && ino === info.ino
  );
}

/** The stored entries; anything not exactly as saved is dropped (the files are read instead). */
function parse(text: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return entries;
  }
  const { format, files } = (stored ?? {}) as { format?: unknown; files?: unknown };
  if (format !== FORMAT || typeof files !== 'object' || files === null) return entries;
  for (const [id, entry] of Object.entries(files)) if (isEntry(entry)) entries.set(id, entry);
  return entries;
}

function isEntry(value: unknown): value is Entry {
  return (
    Array.isArray(value) &&
    value.length === 5 &&
    value.slice(0, 4).every((n) => typeof n === 'number') &&
    typeof value[4] === 'string' &&
    /^[0-9a-f]{32}$/.test(value[4])
  );
}
