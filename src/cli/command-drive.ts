import { stat } from 'node:fs/promises';
import { t } from '../domain/messages.js';
import type { Drive } from '../drive/drive.js';
import {
  openDrive,
  parseDriveSpec,
  unknownDriveMessage,
  type DriveSpec,
} from '../drive/open-drive.js';
import { DEFAULT_DRIVE } from './defaults.js';
import { runExample } from './example-command.js';
import { stateDirFor } from './state-dir.js';
import { UsageError } from './usage-error.js';

// What the drive commands (sync, reminders) share: the --drive spec opened (the example drive
// set up on first use of the default), and the state folder with its cache (--state, or one
// folder per drive in the user's cache folder: stateDirFor).

export interface DriveCommandOptions {
  region?: string;
  drive: string;
  state?: string;
}

export interface CommandDrive {
  spec: DriveSpec;
  drive: Drive;
  stateDir: string;
}

export async function openCommandDrive(o: DriveCommandOptions): Promise<CommandDrive> {
  const spec = parseDriveSpec(o.drive);
  if (spec === null) throw new UsageError(unknownDriveMessage(o.drive));
  if (o.drive === DEFAULT_DRIVE && !(await exists(spec.target))) {
    process.stderr.write(`${t('sync.setup-example', { dir: spec.target })}\n`);
    await runExample({ out: spec.target, seed: 1, scale: 1, region: o.region });
  }
  return { spec, drive: await openDrive(spec), stateDir: stateDirFor(o.drive, o.state) };
}

async function exists(p: string): Promise<boolean> {
  return (await stat(p).catch(() => null)) !== null;
}
