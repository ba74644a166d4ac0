import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/write-atomic.js';

// The bytes of every source file, stored under their MD5: a file whose MD5 did not change since
// the last sync is read from here instead of being downloaded again. Only a cache: deleting it
// costs downloads, never correctness (what the sync remembers lives on the drive). A dry run
// reads it but writes nothing, so that it changes nothing of the next run.

export class ContentCache {
  private readonly dir: string;

  constructor(
    stateDir: string,
    private readonly writable = true,
  ) {
    this.dir = path.join(stateDir, 'cache');
  }

  async get(md5: string): Promise<Buffer | null> {
    return readFile(this.file(md5)).catch(() => null);
  }

  async put(md5: string, bytes: Buffer): Promise<void> {
    if (this.writable) await writeFileAtomic(this.file(md5), bytes);
  }

  /** Forgets every entry but the ones still in use. */
  async keepOnly(md5s: ReadonlySet<string>): Promise<void> {
    if (!this.writable) return;
    const names = await readdir(this.dir).catch(() => []);
    for (const name of names) {
      if (name.endsWith('.xlsx') && !md5s.has(name.slice(0, -5))) {
        await rm(path.join(this.dir, name), { force: true });
      }
    }
  }

  private file(md5: string): string {
    if (!/^[0-9a-f]{32}$/.test(md5)) throw new Error(`not an md5: ${md5}`);
    return path.join(this.dir, `${md5}.xlsx`);
  }
}
