import path from 'node:path';
import { t } from '../domain/messages.js';
import { ChecksumMemory } from './checksum-memory.js';
import type { Drive } from './drive.js';
import { FolderDrive } from './folder.js';

export interface DriveSpec {
  scheme: 'folder' | 'gdrive';
  /** A folder path, or a Google Drive folder id. */
  target: string;
  /** A stable name for the state file: the spec with an absolute path. */
  id: string;
}

/**
 * Parses "folder:PATH" (or a bare path) and "gdrive:FOLDER_ID"; null when it is neither, or when
 * the path or id is empty (an unset variable in a scheduled job must not mean the current folder).
 */
export function parseDriveSpec(spec: string): DriveSpec | null {
  if (spec.trim() === '') return null;
  const m = /^([a-z]+):(.*)$/.exec(spec);
  if (m && m[2]!.trim() === '') return null;
  if (m?.[1] === 'gdrive') return { scheme: 'gdrive', target: m[2]!, id: spec };
  if (m && m[1] !== 'folder' && m[1]!.length > 1) return null;
  const target = path.resolve(m?.[1] === 'folder' ? m[2]! : spec);
  return { scheme: 'folder', target, id: `folder:${target}` };
}

/** The local state folder, where a folder drive remembers its files' MD5s (a dry run: none). */
export interface LocalState {
  stateDir: string;
  dryRun: boolean;
}

/**
 * The backend for a spec; Google Drive's client is loaded only when it is used. With `local`, a
 * folder drive remembers the MD5s of its files there (Google Drive lists them itself).
 */
export async function openDrive(spec: DriveSpec, local?: LocalState): Promise<Drive> {
  if (spec.scheme === 'folder') {
    const file = local && path.join(local.stateDir, CHECKSUMS);
    return new FolderDrive(spec.target, file ? new ChecksumMemory(file, !local.dryRun) : null);
  }
  const { openGoogleDrive } = await import('./gdrive.js');
  return openGoogleDrive(spec.target);
}

/** The folder drive's MD5 memory, in the state folder. */
const CHECKSUMS = 'checksums.json';

export function unknownDriveMessage(spec: string): string {
  return t('sync.drive-unknown', { spec });
}
