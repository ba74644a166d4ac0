import { t } from '../domain/messages.js';
import type { Region } from '../domain/region/schema.js';
import type { Drive, RemoteFile } from '../drive/drive.js';
import type { RetryPolicy } from '../drive/retry.js';
import { listOrNull } from './list-folder.js';

// The sync's first look at the drive: its root and the region's source folders must be there.
// A drive that is not mounted, a wrong folder id, or a drive without the region's folders stops
// the run (DriveSetupError, exit 2): an overview without them would show whole municipalities
// as empty. A folder that cannot be read stops it too (the backend's error names it), and so does
// an output folder the run may not use.

export interface Listed {
  /** Every file of the source folders, with the path the run names it by. */
  files: { file: RemoteFile; path: string }[];
  /** Dutch notes: duplicate names. */
  notes: string[];
}

/** The drive cannot be synced as it is: what is missing, in Dutch. */
export class DriveSetupError extends Error {}

export function sourceFolders(region: Region): string[] {
  return [region.drive.gemeenten, region.drive.aanbod, region.drive.kandidaturen];
}

export async function listSources(
  drive: Drive,
  region: Region,
  retry: RetryPolicy,
): Promise<Listed> {
  await listOrNull(drive, '', retry).then((files) => {
    if (files === null) throw new DriveSetupError(t('sync.drive-missing', { drive: drive.label }));
  });
  const out: Listed = { files: [], notes: [] };
  const missing: string[] = [];
  for (const folder of sourceFolders(region)) {
    const files = await listOrNull(drive, folder, retry);
    if (files === null) missing.push(`${folder}/`);
    else out.files.push(...pathsOf(files, out.notes));
  }
  if (missing.length > 0) {
    throw new DriveSetupError(
      t('sync.folders-missing', { drive: drive.label, folders: missing.join(', ') }),
    );
  }
  // The folders the run writes into, looked at before anything is written: one the run may not
  // use (a link out of the drive, no access) stops it here, not halfway through publishing.
  for (const folder of [region.drive.overzicht, region.drive.feedback]) {
    await listOrNull(drive, folder, retry);
  }
  return out;
}

/** Drive paths for the files of one folder; duplicate names (Google Drive allows them) get (2), (3). */
function pathsOf(files: RemoteFile[], notes: string[]): Listed['files'] {
  const count = new Map<string, number>();
  return files.map((file) => {
    const n = (count.get(file.name) ?? 0) + 1;
    count.set(file.name, n);
    const p = `${file.folder}/${file.name}`;
    if (n > 1) notes.push(t('sync.duplicate-name', { path: p }));
    return { file, path: n === 1 ? p : `${p} (${n})` };
  });
}
