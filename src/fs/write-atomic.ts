import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

// Temporary files carry this mark, so that ours (left by a killed run) can be told from anyone
// else's and cleared, and no scan for .xlsx files ever picks one up.
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
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  await clearStaleTemporaries(dir);
  const tmp = path.join(
    dir,
    `${TMP_MARK}${process.pid}-${counter++}-${path.basename(target)}${TMP_END}`,
  );
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (stillOk && !(await stillOk())) {
      await rm(tmp, { force: true });
      return false;
    }
    await rename(tmp, target);
    return true;
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Removes our temporary files left by a killed run: by a dead process on this host, or old. */
async function clearStaleTemporaries(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => []);
  const now = Date.now();
  for (const name of names) {
    if (!name.startsWith(TMP_MARK) || !name.endsWith(TMP_END)) continue;
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info && (leftByDeadProcess(name) || now - info.mtimeMs > STALE_MS)) {
      await rm(file, { force: true });
    }
  }
}

function leftByDeadProcess(name: string): boolean {
  const [host, pid] = name.slice(TMP_MARK.length).split('-');
  if (host !== HOST || pid === undefined || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
