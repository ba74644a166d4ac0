import type { Region } from '../domain/region/schema.js';
import { DEFAULT_RETRY } from '../drive/retry.js';
import { ContentCache } from '../sync/cache.js';
import { listSources } from '../sync/list-sources.js';
import { pull, type Pulled } from '../sync/pull.js';
import { DEFAULT_READ_LIMITS } from '../workbook/xlsx/read-limits.js';
import type { CommandDrive } from './command-drive.js';

/**
 * The drive's sources (those under `folder` when given), read through the sync's cache without
 * progress output: what the commands that only read the drive (reminders, export) work from.
 */
export async function pullSources(
  c: Pick<CommandDrive, 'drive' | 'stateDir'>,
  region: Region,
  folder?: string,
): Promise<Pulled> {
  const listed = await listSources(c.drive, region, DEFAULT_RETRY);
  const files = listed.files.filter((f) => folder === undefined || f.path.startsWith(`${folder}/`));
  const quiet = () => undefined;
  return pull(
    {
      drive: c.drive,
      region,
      cache: new ContentCache(c.stateDir),
      limits: DEFAULT_READ_LIMITS,
      retry: DEFAULT_RETRY,
      onStart: quiet,
      onFile: quiet,
    },
    { ...listed, files },
  );
}
