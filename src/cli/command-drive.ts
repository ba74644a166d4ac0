import type { Drive } from '../drive/drive.js';
import {
  openDrive,
  parseDriveSpec,
  unknownDriveMessage,
  type DriveSpec,
} from '../drive/open-drive.js';
import { resolveDrive } from './drive-config.js';
import { stateDirFor } from './state-dir.js';
import { UsageError } from './usage-error.js';

// What the drive commands (sync, reminders, export) share: the drive (--drive, or the configured
// one: drive-config.ts), opened, and the local cache folder (--state, or one folder per drive in
// the user's cache folder: stateDirFor).

export interface DriveCommandOptions {
  region?: string;
  drive?: string;
  state?: string;
  /** A dry run: the local state folder is not written either. */
  dryRun?: boolean;
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
  const stateDir = stateDirFor(given, o.state);
  const drive = await openDrive(spec, { stateDir, dryRun: o.dryRun === true });
  return { spec, drive, stateDir };
}
