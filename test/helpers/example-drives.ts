import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { leieSchelde } from '../../src/domain/region/leie-schelde.js';
import { writeExampleDrive } from '../../src/example/write-drive.js';

/**
 * The example drive, written once per test file and copied fresh for each test that syncs it:
 * `fresh(name)` is a copy in the file's work folder (`work()`), removed after the file.
 */
export function useExampleDrives(prefix: string) {
  let work = '';
  let pristine = '';
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), prefix));
    pristine = path.join(work, 'pristine');
    await writeExampleDrive(leieSchelde, pristine);
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });
  return {
    work: () => work,
    async fresh(name: string): Promise<string> {
      const dir = path.join(work, name);
      // As the example wrote them, times included: the overview shows when files changed.
      await cp(pristine, dir, { recursive: true, preserveTimestamps: true });
      return dir;
    },
  };
}
