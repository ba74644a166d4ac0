import type { Drive } from '../drive/drive.js';
import {
  openDrive,
  parseDriveSpec,
  unknownDriveMessage,
  type DriveSpec,
} from '../drive/open-drive.js';
import type { Region } from '../domain/region/schema.js';
import { DEFAULT_RETRY } from '../drive/retry.js';
import { ContentCache } from '../sync/cache.js';
import { listSources } from '../sync/list-sources.js';
import { pull, type Pulled } from '../sync/pull.js';
import { DEFAULT_READ_LIMITS } from '../workbook/xlsx/read-workbook.js';
import { resolveDrive } from './drive-config.js';
import { stateDirFor } from './state-dir.js';
import { UsageError } from './usage-error.js';

// What the drive commands (sync, reminders) share: the drive (--drive, or the configured one:
// drive-config.ts), opened, and the local cache folder (--state, or one folder per drive in the
// user's cache folder: stateDirFor).

export interface DriveCommandOptions {
  region?: string;
  drive?: string;
  state?: string;
}

export interface CommandDrive {
  spec: DriveSpec;
  drive: Drive;
  stateDir: string;
}

export async function openCommandDrive(o: DriveCommandOptions): Promise<CommandDrive> {
  const given = await resolveDrive(o.drive);
  const spec = parseDriveSpec(given);
  if (spec === null) throw new UsageError(unknownDriveMessage(given));
  return { spec, drive: await openDrive(spec), stateDir: stateDirFor(given, o.state) };
}

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
