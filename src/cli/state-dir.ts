import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import path from 'node:path';
import { parseDriveSpec } from '../drive/open-drive.js';

/** --state, or the user's cache folder with one subfolder per drive. */
export function stateDirFor(drive: string, state: string | undefined): string {
  if (state !== undefined) return state;
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  const id = parseDriveSpec(drive)?.id ?? drive;
  const slug = createHash('sha256').update(id).digest('hex').slice(0, 16);
  return path.join(base, 'partnerschap', slug);
}
