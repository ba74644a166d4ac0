// The shared drive, as every backend offers it (rclone's model): list a folder with checksums,
// download a file, upload a file only if it is still the version we last saw. Backends only
// translate these calls to their transport; retries, pacing and conflict rules live above them.

export type RemoteKind =
  /** A binary file (an .xlsx or anything else): the only kind that is ever downloaded. */
  | 'file'
  /** A Google-native document (Sheets, Docs …): no bytes of its own, skipped with a note. */
  | 'native'
  /** A shortcut to another file: skipped with a note. */
  | 'shortcut';

export interface RemoteFile {
  /** The backend's own id (a relative path for a folder, a file id for Google Drive). */
  id: string;
  /** The folder it was listed in, as given to list(), and its name in that folder. */
  folder: string;
  name: string;
  kind: RemoteKind;
  size: number;
  /**
   * MD5 of the content, lower-case hex; '' for native files and shortcuts, and for a file whose
   * content may not be read (its download fails, saying why).
   */
  md5: string;
  /** The token that proves we saw this exact version (folder: md5; Google Drive: id@version). */
  version: string;
  /** When its content last changed (folder: the file's mtime; Google Drive: modifiedTime). */
  modified?: Date;
}

export type UploadResult =
  | { ok: true; file: RemoteFile }
  /** The file changed (or appeared) since we last saw it: nothing was written. */
  | { ok: false; conflict: true };

export interface Drive {
  /** How messages name the drive, without secrets: "map /srv/gedeeld", "Google Drive-map 1AbC…". */
  readonly label: string;
  /**
   * The files directly in a folder (a relative path like 'Partners/Aanbod', '' for the root).
   * A folder that does not exist rejects with NotFoundError; one that cannot be read with a
   * final TransportError naming it: neither is ever an empty folder.
   */
  list(folder: string): Promise<RemoteFile[]>;
  /**
   * The content of a file; the caller has checked its size. A file that is gone since it was
   * listed rejects with NotFoundError: it never comes back as an empty file.
   */
  download(file: RemoteFile): Promise<Buffer>;
  /**
   * Writes a file into a folder (created if needed). `expected` is the version we last saw, or
   * null when we expect no file of that name: any other state is a conflict and nothing is written.
   * Never deletes anything.
   */
  upload(
    folder: string,
    name: string,
    bytes: Buffer,
    expected: string | null,
  ): Promise<UploadResult>;
  /**
   * Creates a file only if the folder (created if needed) has none of that name, and of clients
   * racing to create the same name exactly one wins, also across machines: a lock file's
   * guarantee. The losers get a conflict and leave nothing behind.
   */
  create(folder: string, name: string, bytes: Buffer): Promise<UploadResult>;
  /**
   * Renames a file within its folder, only if it is still `file.version` and `name` is free:
   * otherwise a conflict, and nothing changed. A file that is gone rejects with NotFoundError.
   */
  rename(file: RemoteFile, name: string): Promise<UploadResult>;
  /**
   * Removes a file if it is still `file.version` (Google Drive: to the bin): true when it is
   * removed or was already gone, false when it changed (it is then left alone).
   */
  remove(file: RemoteFile): Promise<boolean>;
  /** Creates a folder and its parents; a folder that exists is fine. */
  makeFolder(folder: string): Promise<void>;
  /** Where a person finds the file: a path on disk, or a web address. */
  locate(file: RemoteFile): string;
}

/** A file's path on the drive: its folder (relative, '/'-separated) and its name. */
export function drivePath(folder: string, name: string): string {
  return folder === '' ? name : `${folder.replace(/\/+$/, '')}/${name}`;
}

/** A transport failure a backend reports; `retryable` failures are retried above the backend. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** The server's Retry-After, in milliseconds, when it gave one. */
    readonly retryAfterMs: number | null = null,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

/** The file is not there (any more): final, never retried. Not an empty file, not a refusal. */
export class NotFoundError extends TransportError {
  constructor(message: string, status: number | null = null) {
    super(message, false, null, status);
  }
}

/** The file's content is not the version listed: it changed since (a save during the read). */
export class ChangedError extends TransportError {
  constructor(message: string) {
    super(message, false);
  }
}

/**
 * No connection at all (no network, a name that does not resolve, a refused connection): retried
 * for a short while only, so that being offline is said within seconds, not minutes.
 */
export class OfflineError extends TransportError {
  constructor(message: string) {
    super(message, true);
  }
}
