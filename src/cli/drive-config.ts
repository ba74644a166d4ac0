import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { t } from '../domain/messages.js';
import { parseDriveSpec, unknownDriveMessage } from '../drive/open-drive.js';
import { makePrivateDir } from '../fs/private-config.js';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { UsageError } from './usage-error.js';

// The shared drive a coordinator's commands use when no --drive is given: one line of
// configuration (`partnerschap config --drive SPEC`) in the user's config folder. Without it the
// commands say how to set one; they never invent a drive in the current folder.

export function configFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || path.join(homedir(), '.config');
  return path.join(base, 'partnerschap', 'config.json');
}

/** The --drive given, else the configured drive; a UsageError saying how to set one. */
export async function resolveDrive(given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  const file = configFile();
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw new UsageError(t('config.unreadable', { file, reason: err.message }));
  });
  if (text === null) throw new UsageError(t('config.no-drive'));
  const drive = driveOf(text);
  if (drive === null) throw new UsageError(t('config.invalid', { file }));
  return drive;
}

/** The configured drive: the one field of the file, a text that is not empty (null if not so). */
function driveOf(text: string): string | null {
  try {
    const { drive } = (JSON.parse(text) ?? {}) as { drive?: unknown };
    return typeof drive === 'string' && drive !== '' ? drive : null;
  } catch {
    return null;
  }
}

/** `partnerschap config [--drive SPEC]`: sets the drive, or shows the one set. */
export async function runConfig(o: { drive?: string }): Promise<number> {
  const file = configFile();
  if (o.drive === undefined) {
    process.stdout.write(`${t('config.shown', { drive: await resolveDrive(undefined), file })}\n`);
    return 0;
  }
  const spec = parseDriveSpec(o.drive);
  if (spec === null) throw new UsageError(unknownDriveMessage(o.drive));
  const drive = spec.scheme === 'folder' ? `folder:${spec.target}` : o.drive;
  await makePrivateDir(path.dirname(file));
  await writeFileAtomic(file, Buffer.from(`${JSON.stringify({ drive }, null, 1)}\n`));
  process.stdout.write(`${t('config.saved', { drive, file })}\n`);
  return 0;
}
