import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { t } from '../domain/messages.js';

// Secrets (the Google login, a service account key, the SMTP password) live in files only their
// owner may read, in a folder only the owner may enter. As ssh does with a private key, a file or
// folder that group or others can get at is refused, not fixed behind the owner's back: they may
// have been exposed already, and the owner should know. Windows has no such modes.

/** Whether a mode gives group or others any access. */
const OPEN_TO_OTHERS = 0o077;

/**
 * Why a secret file in the config folder may not be used, the folder or the file being open to
 * others (a Dutch message with the command that fixes it), or null when both are private or the
 * file is not there.
 */
export async function configExposure(file: string): Promise<string | null> {
  return (await exposure(path.dirname(file))) ?? exposure(file);
}

/** The same for a secret file the user names (a key file): its folder is the user's business. */
export async function exposure(p: string): Promise<string | null> {
  if (process.platform === 'win32') return null;
  const info = await stat(p).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (info === null || (info.mode & OPEN_TO_OTHERS) === 0) return null;
  const mode = (info.mode & 0o777).toString(8).padStart(3, '0');
  return info.isDirectory()
    ? t('config.dir-open', { dir: p, mode })
    : t('config.file-open', { file: p, mode });
}

/**
 * Makes the folder for a secret file, 0700 (its missing parents too); a folder that exists and is
 * open to others is left as it is: `exposure` refuses it.
 */
export async function makePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}
