import type { Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/write-atomic.js';

// The MD5s a folder drive computed, remembered with what lstat said of each file then (size,
// modification and change times, inode): a file lstat still describes exactly so is not read
// again to know its MD5, as git's index and rsync's quick check do. On a network share or a
// folder a cloud client keeps (files on demand), reading every file on every sync would move
// every byte of the drive. The change time is set by the system on every write and cannot be set
// back by a program, so a rewritten file never passes for the old one. A file changed within the
// time stamps' resolution of when it was read ("racy": a share may keep times to the second, FAT
// to two) is not remembered: it is read again next time. Only a cache, in the state folder: a
// damaged or missing memory costs reading, never a wrong MD5.

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
