import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

let counter = 0;

/**
 * Writes a file so that a reader sees the old content or the new, never half of it: to a hidden
 * temporary name in the same folder (never ending in .xlsx, so no scan picks it up), flushed to
 * disk, then renamed over the target.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}-${counter++}.tmp`);
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
