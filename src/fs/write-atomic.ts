import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { link, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

// Temporary files carry this mark, so that ours (left by a killed run) can be told from anyone
// else's and cleared, and no scan for .xlsx files ever picks one up. Their name is
// `.partnerschap-<host>-<pid>-<n>-<name>.tmp`: the cleanup reads host and pid back from it.
const TMP_MARK = '.partnerschap-';
const TMP_END = '.tmp';
/** A temporary file this old was left by a run that died; a live write takes seconds. */
const STALE_MS = 60 * 60 * 1000;
// Host names may hold '-', so the host part is encoded to keep the name parseable.
const HOST = encodeURIComponent(hostname()).replace(/-/g, '%2D');

let counter = 0;

/**
 * Writes a file so that a reader sees the old content or the new, never half of it: to a hidden
 * temporary name in the same folder, flushed to disk, then renamed over the target. `stillOk`,
 * when given, is asked just before the rename; if it says no, nothing is replaced.
 */
export async function writeFileAtomic(
  target: string,
  bytes: Uint8Array,
  stillOk?: () => Promise<boolean>,
): Promise<boolean> {
  return withTemporary(target, bytes, async (tmp) => {
    if (stillOk && !(await stillOk())) return false;
    await rename(tmp, target);
    return true;
  });
}

/**
 * Writes a local file that is checked whenever it is read (the cache's entries, under their MD5
 * or with a SHA-256): atomically, as writeFileAtomic, so a reader never sees half of it; but
 * synchronously and not flushed to disk first, since a power cut that damages it only makes the
 * check refuse it. Through fs/promises each of its six calls handed work to libuv's thread pool
 * and back: a first sync of `--scale 40` (3,380 entries) waited 7.8 s of its 16.9 s (a CPU
 * profile, 03/12/2026), much of it on those.
 */
export async function writeCheckedFile(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  mkdirSync(dir, { recursive: true });
  await clearOnce(dir);
  const tmp = path.join(dir, temporaryName(path.basename(target)));
  try {
    writeFileSync(tmp, bytes, { flag: 'wx' });
    renameSync(tmp, target);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Creates a file only if there is none of that name (O_EXCL semantics, also between processes
 * and on network shares): the finished temporary file is hard-linked to the target, which fails
 * when the name is taken, so no reader ever sees the file half-written. False when it was taken.
 */
export async function createFileExclusive(target: string, bytes: Uint8Array): Promise<boolean> {
  return withTemporary(target, bytes, async (tmp) => {
    try {
      await link(tmp, target);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    }
  });
}

// The folders this process has cleared: once per folder and run, since a listing of the cache
// folder before each of its writes made a first sync quadratic (a first sync of `--scale 40`, 3,380
// writes, spent ~0.9 s of CPU and more waiting in these listings, 03/12/2026).
const cleared = new Set<string>();

async function clearOnce(dir: string): Promise<void> {
  if (cleared.has(dir)) return;
  await clearStaleTemporaries(dir);
  cleared.add(dir);
}

/** Writes `bytes` to a fresh temporary file beside `target`, hands it to `use`, then removes it. */
async function withTemporary(
  target: string,
  bytes: Uint8Array,
  use: (tmp: string) => Promise<boolean>,
): Promise<boolean> {
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  await clearOnce(dir);
  const tmp = path.join(dir, temporaryName(path.basename(target)));
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return await use(tmp);
  } finally {
    // After a rename there is nothing left to remove; after a link, or a failure, there is.
    await rm(tmp, { force: true });
  }
}

/** One of our temporary files (of any process, any host). */
export function isTemporary(name: string): boolean {
  return name.startsWith(TMP_MARK) && name.endsWith(TMP_END);
}

function temporaryName(name: string): string {
  return `${TMP_MARK}${HOST}-${process.pid}-${counter++}-${name}${TMP_END}`;
}

/**
 * Removes our temporary files left by a killed run: by a dead process on this host, or old.
 * Run before the first write in a folder in a run, and by the folder drive when it lists one.
 */
export async function clearStaleTemporaries(dir: string): Promise<void> {
  const names = await readdir(dir);
  const now = Date.now();
  for (const name of names) {
    if (!isTemporary(name)) continue;
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info && (leftByDeadProcess(name) || now - info.mtimeMs > STALE_MS)) {
      await rm(file, { force: true });
    }
  }
}

function leftByDeadProcess(name: string): boolean {
  const [host, pid] = name.slice(TMP_MARK.length).split('-');
  if (host !== HOST || pid === undefined || !/^\d+$/.test(pid)) return false;
  if (Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (err) {
    // EPERM: the process lives, under another user.
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
