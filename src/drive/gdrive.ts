import { Readable } from 'node:stream';
import { drive as driveApi, type drive_v2, type drive_v3 } from '@googleapis/drive';
import { t } from '../domain/messages.js';
import { driveAuth, type DriveAuth } from './gdrive-auth.js';
import {
  ChangedError,
  drivePath,
  NotFoundError,
  OfflineError,
  TransportError,
  type Drive,
  type RemoteFile,
  type RemoteKind,
  type UploadResult,
} from './drive.js';
import { md5 } from '../fs/md5.js';

// The Google Drive backend (`gdrive:FOLDER_ID`): the region's folder tree on a shared drive, read
// with Drive v3 and written with a v2 precondition. Three rules shape it:
// - Calls are counted. list() is one files.list per 1,000 entries (fields mask, pageSize 1000),
//   never a call per file; folders are resolved by name once per parent and remembered.
// - Nothing is overwritten blindly. Drive v3 has no precondition on update, v2 does. A listing
//   carries each file's `version` (the same monotonically increasing number in v2 and v3) for
//   free, but no etag (v3 has none), so the token callers keep is `<file id>@<version>`. Just
//   before an update one v2 read gives the file's etag with its version, name and folder; if the
//   version is the one we saw, the bytes go with `If-Match: <etag>`, so a change after that read
//   still answers 412. A file id in the token also means a file deleted and re-created under the
//   same name (whose version number may well match) is a conflict, not an overwrite.
// - Exclusive creation (a lock file) cannot be a condition on Drive: create() creates, then lists
//   the name again, and the earliest created file wins; so do folders made at the same moment.
//   rename() and remove() check the version with the same v2 read and If-Match as an update.
// - Retries live above the backend (withRetry): the client library's own retry is off (it would
//   resend a stream body as 0 bytes, and ignores Retry-After), every attempt builds a fresh body
//   stream, and every failure leaves as a TransportError that says whether to retry and when.

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FOLDER_MIME = 'application/vnd.google-apps.folder';
const SHORTCUT_MIME = 'application/vnd.google-apps.shortcut';
const NATIVE_PREFIX = 'application/vnd.google-apps.';
const PAGE_SIZE = 1000;
const FILE_FIELDS = 'id,name,mimeType,md5Checksum,size,version,modifiedTime';
const V2_FIELDS =
  'id,title,mimeType,md5Checksum,fileSize,version,modifiedDate,etag,labels/trashed,parents/id';

export interface GoogleDriveOptions {
  /** The region's root folder on the shared drive: FOLDER_ID in `gdrive:FOLDER_ID`. */
  folderId: string;
  auth: DriveAuth;
  /**
   * Another API root (a test double). Passed with every call: the client applies a rootUrl given
   * at construction to plain requests only, so uploads would still go to googleapis.com.
   */
  rootUrl?: string;
  /** A request without an answer after this long fails as retryable. Default 60 s. */
  timeoutMs?: number;
}

interface Candidate {
  id: string;
  name: string;
  mimeType: string;
  md5: string;
  size: number;
  version: string;
  createdTime: string;
  /** RFC 3339, '' when the listing gave none. */
  modifiedTime: string;
}

/**
 * The backend for `gdrive:FOLDER_ID`, signed in with a service account key (`keyFile` or
 * PARTNERSCHAP_GDRIVE_KEY) or the login stored by `partnerschap login gdrive`. Throws AuthError
 * (a Dutch message) when there is neither.
 */
export async function openGoogleDrive(
  folderId: string,
  o: {
    keyFile?: string;
    env?: Record<string, string | undefined>;
    rootUrl?: string;
    timeoutMs?: number;
  } = {},
): Promise<GoogleDrive> {
  const auth = await driveAuth({ keyFile: o.keyFile, env: o.env });
  return new GoogleDrive({ folderId, auth, rootUrl: o.rootUrl, timeoutMs: o.timeoutMs });
}

export class GoogleDrive implements Drive {
  readonly label: string;
  private readonly v3: drive_v3.Drive;
  private readonly v2: drive_v2.Drive;
  private readonly rootId: string;
  private readonly rootUrl: string | undefined;
  private readonly timeoutMs: number;
  /** Sub-folders by name, per parent folder id, as last listed. */
  private readonly folders = new Map<string, Map<string, string>>();
  private resolving: Promise<unknown> = Promise.resolve();

  constructor(options: GoogleDriveOptions) {
    if (!options.folderId) throw new Error('GoogleDrive: folderId is required');
    this.rootId = options.folderId;
    this.rootUrl = options.rootUrl;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.label = t('gdrive.label', { id: shortId(options.folderId) });
    // retry: false here and per call: our retries (withRetry) send a fresh body and honour
    // Retry-After; the library's would not.
    const auth = options.auth as drive_v3.Options['auth'];
    this.v3 = driveApi({ version: 'v3', auth, retry: false });
    this.v2 = driveApi({ version: 'v2', auth, retry: false });
  }

  locate(file: RemoteFile): string {
    return `https://drive.google.com/file/d/${encodeURIComponent(file.id)}/view`;
  }

  async list(folder: string): Promise<RemoteFile[]> {
    const folderId = await this.resolve(folder, false);
    if (folderId === null) {
      throw new NotFoundError(t('gdrive.folder-missing', { folder: folder || '/' }));
    }
    const entries = await this.children(folderId, null, folder);
    const subfolders = new Map<string, string>();
    const files: RemoteFile[] = [];
    for (const e of entries) {
      if (e.mimeType === FOLDER_MIME) {
        if (!subfolders.has(e.name)) subfolders.set(e.name, e.id);
      } else {
        files.push(remote(folder, e));
      }
    }
    // The listing saw every sub-folder: later paths below this folder need no lookup.
    this.folders.set(folderId, subfolders);
    return files.sort((a, b) => a.name.localeCompare(b.name, 'nl-BE') || cmp(a.id, b.id));
  }

  async download(file: RemoteFile): Promise<Buffer> {
    if (file.kind !== 'file') {
      throw new TransportError(t('gdrive.not-a-file', { name: file.name }), false);
    }
    const res = await this.call(
      t('gdrive.op-download', { name: file.name }),
      () =>
        this.v3.files.get(
          { fileId: file.id, alt: 'media', supportsAllDrives: true },
          { ...this.options(), responseType: 'arraybuffer' },
        ),
      'file',
    );
    const bytes = Buffer.from(res.data as unknown as ArrayBuffer);
    if (file.md5 && md5(bytes) !== file.md5) {
      // Changed since it was listed, or cut short: never hand over bytes under the wrong md5.
      throw new ChangedError(t('gdrive.download-mismatch', { name: file.name }));
    }
    return bytes;
  }

  async upload(
    folder: string,
    name: string,
    bytes: Buffer,
    expected: string | null,
  ): Promise<UploadResult> {
    const folderId = await this.resolve(folder, true);
    if (folderId === null) throw new Error('unreachable: folders are created on upload');
    const sum = md5(bytes);
    if (expected === null) {
      // Drive has no create-if-absent: look, then create (one coordinator writes per region).
      const found = await this.named(folderId, folder, name);
      if (found.length > 0) return alreadyThere(folder, found, sum);
      return {
        ok: true,
        file: remote(folder, await this.createFile(folderId, folder, name, bytes)),
      };
    }
    const seen = parseVersion(expected);
    if (seen === null) return this.conflictUnlessSame(folderId, folder, name, sum);
    return this.update(folderId, folder, name, seen, bytes, sum);
  }

  async create(folder: string, name: string, bytes: Buffer): Promise<UploadResult> {
    const folderId = await this.resolve(folder, true);
    if (folderId === null) throw new Error('unreachable: folders are created on create');
    if ((await this.named(folderId, folder, name)).length > 0) return CONFLICT;
    const mine = await this.createFile(folderId, folder, name, bytes);
    // Drive has no create-if-absent: every racer creates, then looks again, and of the files of
    // that name the earliest created (then the smallest id) wins. All racers see the same files,
    // so they agree; the losers put theirs in the bin.
    const found = await this.named(folderId, folder, name);
    const all = found.some((c) => c.id === mine.id) ? found : [...found, mine];
    const first = all.sort((a, b) => cmp(a.createdTime, b.createdTime) || cmp(a.id, b.id))[0]!;
    if (first.id === mine.id) return { ok: true, file: remote(folder, mine) };
    await this.call(
      t('gdrive.op-remove', { name: drivePath(folder, name) }),
      () =>
        this.v2.files.patch(
          { fileId: mine.id, requestBody: { labels: { trashed: true } }, supportsAllDrives: true },
          this.options(),
        ),
      'file',
    );
    return CONFLICT;
  }

  async rename(file: RemoteFile, name: string): Promise<UploadResult> {
    const what = t('gdrive.op-rename', { name: drivePath(file.folder, file.name) });
    const seen = parseVersion(file.version);
    if (seen === null) return CONFLICT;
    const meta = await this.v2Meta(seen.id, what);
    if (meta === null || meta.labels?.trashed) {
      throw new NotFoundError(t('gdrive.failed', { what, reason: t('gdrive.reason-gone') }));
    }
    if (v2Candidate(meta).version !== seen.version) return CONFLICT;
    // The new name must be free: looked up just before (Drive cannot make it a condition).
    const parent = meta.parents?.[0]?.id;
    if (!parent || (await this.named(parent, file.folder, name)).length > 0) return CONFLICT;
    const renamed = await this.patchIfMatch(meta, { title: name }, what);
    return renamed === null
      ? CONFLICT
      : { ok: true, file: remote(file.folder, v2Candidate(renamed)) };
  }

  async remove(file: RemoteFile): Promise<boolean> {
    const what = t('gdrive.op-remove', { name: drivePath(file.folder, file.name) });
    const seen = parseVersion(file.version);
    if (seen === null) return false;
    const meta = await this.v2Meta(seen.id, what);
    if (meta === null || meta.labels?.trashed) return true;
    if (v2Candidate(meta).version !== seen.version) return false;
    // To the bin, not gone for good: a person can still get it back.
    return (await this.patchIfMatch(meta, { labels: { trashed: true } }, what)) !== null;
  }

  async makeFolder(folder: string): Promise<void> {
    await this.resolve(folder, true);
  }

  // ---- Upload steps ----------------------------------------------------------------------------

  /** The files (not folders) named `name` directly in the folder: one list call. */
  private async named(folderId: string, folder: string, name: string): Promise<Candidate[]> {
    const found = await this.children(folderId, `name = '${quote(name)}'`, folder);
    return found.filter((c) => c.name === name && c.mimeType !== FOLDER_MIME);
  }

  private async createFile(
    folderId: string,
    folder: string,
    name: string,
    bytes: Buffer,
  ): Promise<Candidate> {
    const mimeType = mimeFor(name);
    const res = await this.call(t('gdrive.op-upload', { name: drivePath(folder, name) }), () =>
      this.v3.files.create(
        {
          // A binary file with its own type: never a conversion to a Google Sheet.
          requestBody: { name, parents: [folderId], mimeType },
          // A fresh stream per attempt; a bare Buffer fails in the client's multipart code.
          media: { mimeType, body: Readable.from([bytes]) },
          fields: `${FILE_FIELDS},createdTime`,
          supportsAllDrives: true,
        },
        this.options(),
      ),
    );
    const file = candidate(res.data);
    checkStored(file.md5, md5(bytes), name);
    return file;
  }

  private async update(
    folderId: string,
    folder: string,
    name: string,
    seen: { id: string; version: string },
    bytes: Buffer,
    sum: string,
  ): Promise<UploadResult> {
    const label = drivePath(folder, name);
    const meta = await this.v2Meta(seen.id, t('gdrive.op-upload', { name: label }));
    if (meta === null) return this.conflictUnlessSame(folderId, folder, name, sum);
    const current = v2Candidate(meta);
    const inFolder = (meta.parents ?? []).some((p) => p.id === folderId);
    if (meta.labels?.trashed || !inFolder || current.name !== name) {
      return this.conflictUnlessSame(folderId, folder, name, sum);
    }
    if (current.version !== seen.version || current.mimeType.startsWith(NATIVE_PREFIX)) {
      return alreadyThere(folder, [current], sum);
    }
    if (!meta.etag) throw new TransportError(t('gdrive.no-etag', { name: label }), false);
    let res;
    try {
      res = await this.v2.files.update(
        {
          fileId: seen.id,
          supportsAllDrives: true,
          fields: V2_FIELDS,
          // Content only (uploadType=media): name, type and place stay as they are.
          media: { mimeType: current.mimeType || mimeFor(name), body: Readable.from([bytes]) },
        },
        { ...this.options(), headers: { 'If-Match': meta.etag } },
      );
    } catch (err) {
      if (statusOf(err) === 412) return CONFLICT;
      throw toTransportError(err, t('gdrive.op-upload', { name: label }), this.timeoutMs, 'file');
    }
    const file = v2Candidate(res.data);
    checkStored(file.md5, sum, name);
    return { ok: true, file: remote(folder, file) };
  }

  /**
   * The etag and the version in one read (null when the file is gone for good): if the version
   * is the one we saw, the etag stands for that version, and If-Match makes a change fail
   * should anything change after this read.
   */
  private async v2Meta(fileId: string, what: string): Promise<drive_v2.Schema$File | null> {
    try {
      return (
        await this.v2.files.get(
          { fileId, fields: V2_FIELDS, supportsAllDrives: true },
          this.options(),
        )
      ).data;
    } catch (err) {
      if (statusOf(err) === 404) return null;
      throw toTransportError(err, what, this.timeoutMs, 'file');
    }
  }

  /** Changes metadata only if the file is still `meta`'s version: null when it changed since. */
  private async patchIfMatch(
    meta: drive_v2.Schema$File,
    requestBody: drive_v2.Schema$File,
    what: string,
  ): Promise<drive_v2.Schema$File | null> {
    if (!meta.etag)
      throw new TransportError(t('gdrive.no-etag', { name: meta.title ?? '' }), false);
    try {
      const res = await this.v2.files.patch(
        { fileId: meta.id ?? '', requestBody, fields: V2_FIELDS, supportsAllDrives: true },
        { ...this.options(), headers: { 'If-Match': meta.etag } },
      );
      return res.data;
    } catch (err) {
      if (statusOf(err) === 412) return null;
      throw toTransportError(err, what, this.timeoutMs, 'file');
    }
  }

  /** The file we saw is gone, moved or renamed: a conflict, unless the name holds our bytes. */
  private async conflictUnlessSame(
    folderId: string,
    folder: string,
    name: string,
    sum: string,
  ): Promise<UploadResult> {
    return alreadyThere(folder, await this.named(folderId, folder, name), sum);
  }

  // ---- Folders and listing -----------------------------------------------------------------

  /**
   * The id of a folder path under the root; null if missing (created when `create`). One at a
   * time, so that parallel uploads into a new folder create it once.
   */
  private resolve(folder: string, create: boolean): Promise<string | null> {
    const run = this.resolving.then(() => this.resolveNow(folder, create));
    this.resolving = run.catch(() => undefined);
    return run;
  }

  private async resolveNow(folder: string, create: boolean): Promise<string | null> {
    let id = this.rootId;
    let path = '';
    // The folders whose sub-folders this call looked up (or made): their maps are current.
    const fresh = new Set<string>();
    for (const segment of folder.split('/').filter((s) => s !== '')) {
      path = drivePath(path, segment);
      let subfolders = this.folders.get(id);
      let next = subfolders?.get(segment);
      // Not known, or not there when we last looked: look again (someone else may have made it
      // since), once per call, so that a folder is never missed, nor created a second time.
      if (next === undefined && !fresh.has(id)) {
        subfolders = await this.subfolders(id, path);
        this.folders.set(id, subfolders);
        fresh.add(id);
        next = subfolders.get(segment);
      }
      if (next === undefined) {
        if (!create) return null;
        let made: string;
        try {
          made = await this.createFolder(id, segment, path);
          // Another client may have made one of that name at the same moment: looked at again,
          // the oldest is the one every client uses (an empty duplicate may stay behind).
          subfolders = await this.subfolders(id, path);
          next = subfolders.get(segment) ?? made;
        } catch (err) {
          // It may exist all the same (an answer lost on the way): look again next time.
          this.folders.delete(id);
          throw err;
        }
        this.folders.set(id, subfolders);
        // Ours is new and empty: nothing to look up below it. Another client's is not.
        if (next === made) {
          this.folders.set(made, new Map());
          fresh.add(made);
        }
      }
      id = next;
    }
    return id;
  }

  /** The folders directly in a folder, by name (the oldest wins if two share a name). */
  private async subfolders(parentId: string, path: string): Promise<Map<string, string>> {
    const found = await this.children(parentId, `mimeType = '${FOLDER_MIME}'`, path);
    found.sort((a, b) => cmp(a.createdTime, b.createdTime) || cmp(a.id, b.id));
    const byName = new Map<string, string>();
    for (const f of found) if (!byName.has(f.name)) byName.set(f.name, f.id);
    return byName;
  }

  private async createFolder(parentId: string, name: string, path: string): Promise<string> {
    const res = await this.call(t('gdrive.op-folder', { folder: path }), () =>
      this.v3.files.create(
        {
          requestBody: { name, mimeType: FOLDER_MIME, parents: [parentId] },
          fields: 'id',
          supportsAllDrives: true,
        },
        this.options(),
      ),
    );
    if (!res.data.id) throw new TransportError(t('gdrive.no-id', { folder: path }), false);
    return res.data.id;
  }

  /** The entries directly in a folder (and matching `extra`): one call per 1,000. */
  private async children(
    parentId: string,
    extra: string | null,
    path: string,
  ): Promise<Candidate[]> {
    const q = [`'${quote(parentId)}' in parents`, extra, 'trashed = false']
      .filter((s) => s !== null)
      .join(' and ');
    const out: Candidate[] = [];
    let pageToken: string | undefined;
    do {
      const res = await this.call(t('gdrive.op-list', { folder: path || '/' }), () =>
        this.v3.files.list(
          {
            q,
            fields: `nextPageToken,incompleteSearch,files(${FILE_FIELDS},createdTime)`,
            pageSize: PAGE_SIZE,
            pageToken,
            supportsAllDrives: true,
            includeItemsFromAllDrives: true,
          },
          this.options(),
        ),
      );
      if (res.data.incompleteSearch) {
        throw new TransportError(t('gdrive.incomplete-list', { folder: path || '/' }), true);
      }
      for (const f of res.data.files ?? []) out.push(candidate(f));
      pageToken = res.data.nextPageToken ?? undefined;
    } while (pageToken);
    return out;
  }

  // ---- Transport -----------------------------------------------------------------------------

  private options(): { rootUrl?: string; retry: false; timeout: number } {
    return this.rootUrl === undefined
      ? { retry: false, timeout: this.timeoutMs }
      : { rootUrl: this.rootUrl, retry: false, timeout: this.timeoutMs };
  }

  private async call<T>(
    what: string,
    request: () => Promise<T>,
    on: Target = 'folder',
  ): Promise<T> {
    try {
      return await request();
    } catch (err) {
      throw toTransportError(err, what, this.timeoutMs, on);
    }
  }
}

// ---- Errors ------------------------------------------------------------------------------------

const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ECONNABORTED',
  'EPIPE',
  'UND_ERR_SOCKET',
]);
// No connection at all: this computer is offline, or Google cannot be reached from it.
const OFFLINE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
]);
const FULL_REASONS = new Set(['storageQuotaExceeded', 'teamDriveFileLimitExceeded']);

/** What a call was about: a 404 on a file means it is gone, on a folder a wrong id. */
type Target = 'folder' | 'file';
const AUTH_ERRORS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client']);

interface ErrorShape {
  status?: unknown;
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  response?: { status?: unknown; headers?: unknown; data?: unknown };
}

function statusOf(err: unknown): number | null {
  const e = (err ?? {}) as ErrorShape;
  const s = e.response?.status ?? e.status;
  return typeof s === 'number' ? s : null;
}

/**
 * A failed call as a TransportError with a Dutch message: retryable for 429, 403 with reason
 * rateLimitExceeded / userRateLimitExceeded, 5xx, resets and timeouts; with the server's
 * Retry-After in ms. Only the status, reason and error code are kept: never the request (its
 * headers hold the access token) nor the original error object.
 */
export function toTransportError(
  err: unknown,
  what: string,
  timeoutMs = 0,
  on: Target = 'folder',
): TransportError {
  if (err instanceof TransportError) return err;
  const e = (err ?? {}) as ErrorShape;
  const status = statusOf(err);
  const fail = (reason: string, retryable: boolean, retryAfterMs: number | null = null) =>
    new TransportError(t('gdrive.failed', { what, reason }), retryable, retryAfterMs, status);

  if (status !== null && e.response) {
    const body = errorBody(e.response.data);
    const retryAfter = parseRetryAfter(header(e.response.headers, 'retry-after'));
    if (status === 429) return fail(t('gdrive.reason-rate', { status }), true, retryAfter);
    if (status === 403 && body.reason !== null && RATE_REASONS.has(body.reason)) {
      return fail(t('gdrive.reason-rate', { status }), true, retryAfter);
    }
    if (status >= 500) return fail(t('gdrive.reason-server', { status }), true, retryAfter);
    if (status === 408) return fail(t('gdrive.reason-server', { status }), true, retryAfter);
    if (status === 401 || (body.oauth !== null && AUTH_ERRORS.has(body.oauth))) {
      return fail(t('gdrive.reason-auth'), false);
    }
    if (status === 403 && body.reason !== null && FULL_REASONS.has(body.reason)) {
      return fail(t('gdrive.reason-full'), false);
    }
    if (status === 403) return fail(t('gdrive.reason-forbidden'), false);
    if (status === 404) {
      const reason = t(on === 'file' ? 'gdrive.reason-gone' : 'gdrive.reason-not-found');
      return new NotFoundError(t('gdrive.failed', { what, reason }), status);
    }
    return fail(t('gdrive.reason-http', { status }), false);
  }

  const code = networkCode(e);
  if (code === 'timeout') {
    return fail(t('gdrive.reason-timeout', { seconds: Math.round(timeoutMs / 1000) }), true);
  }
  if (code !== null && OFFLINE_CODES.has(code)) {
    return new OfflineError(
      t('gdrive.failed', { what, reason: t('gdrive.reason-offline', { code }) }),
    );
  }
  if (code !== null) return fail(t('gdrive.reason-network', { code }), true);
  // Not from the transport (a bug, a bad argument): let it through as it is. A request error
  // never does: its config holds the Authorization header.
  if (err instanceof Error && !('config' in err) && !('response' in err)) throw err;
  const other = typeof e.code === 'string' || typeof e.code === 'number' ? String(e.code) : null;
  return fail(t('gdrive.reason-other', { code: other ?? 'onbekend' }), false);
}

function networkCode(e: ErrorShape): string | null {
  const seen = new Set<unknown>();
  for (let x: ErrorShape | undefined = e; x && !seen.has(x); x = x.cause as ErrorShape) {
    seen.add(x);
    if (x.name === 'AbortError' || x.name === 'TimeoutError' || x.code === 'TimeoutError') {
      return 'timeout';
    }
    if (typeof x.code === 'string' && (NETWORK_CODES.has(x.code) || OFFLINE_CODES.has(x.code))) {
      return x.code;
    }
    if (typeof x.message === 'string' && /socket hang up/i.test(x.message)) return 'ECONNRESET';
  }
  return null;
}

function errorBody(data: unknown): { reason: string | null; oauth: string | null } {
  let d = data;
  if (d instanceof ArrayBuffer) d = Buffer.from(d).toString('utf8');
  else if (ArrayBuffer.isView(d)) d = Buffer.from(d.buffer, d.byteOffset, d.byteLength).toString();
  if (typeof d === 'string') {
    try {
      d = JSON.parse(d);
    } catch {
      return { reason: null, oauth: null };
    }
  }
  if (typeof d !== 'object' || d === null) return { reason: null, oauth: null };
  const error = (d as { error?: unknown }).error;
  if (typeof error === 'string') return { reason: null, oauth: error };
  const errors = (error as { errors?: unknown } | undefined)?.errors;
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
  const reason = (first as { reason?: unknown } | undefined)?.reason;
  return { reason: typeof reason === 'string' ? reason : null, oauth: null };
}

function header(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== 'object') return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const v = (headers as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : null;
}

/** Retry-After in ms: delay-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

// ---- Helpers -----------------------------------------------------------------------------------

/**
 * A file of that name is in the way. If it already holds exactly these bytes (an earlier attempt
 * whose answer was lost, or an unchanged file), there is nothing to write: success.
 */
const CONFLICT: UploadResult = { ok: false, conflict: true };

function alreadyThere(folder: string, found: Candidate[], sum: string): UploadResult {
  const same = found.find((c) => c.md5 === sum && kindOf(c.mimeType) === 'file');
  return same ? { ok: true, file: remote(folder, same) } : CONFLICT;
}

function checkStored(stored: string, sent: string, name: string): void {
  if (stored && stored !== sent) {
    throw new TransportError(t('gdrive.upload-mismatch', { name }), false);
  }
}

/** The version token of RemoteFile: `<file id>@<Drive version>`. */
function versionToken(id: string, version: string): string {
  return `${id}@${version}`;
}

function parseVersion(token: string): { id: string; version: string } | null {
  const at = token.lastIndexOf('@');
  const id = token.slice(0, at);
  const version = token.slice(at + 1);
  return at > 0 && /^\d+$/.test(version) ? { id, version } : null;
}

function kindOf(mimeType: string): RemoteKind {
  if (mimeType === SHORTCUT_MIME) return 'shortcut';
  if (mimeType.startsWith(NATIVE_PREFIX)) return 'native';
  return 'file';
}

function candidate(f: drive_v3.Schema$File): Candidate {
  return {
    id: f.id ?? '',
    name: f.name ?? '',
    mimeType: f.mimeType ?? '',
    md5: f.md5Checksum ?? '',
    size: Number(f.size ?? 0),
    version: f.version === undefined || f.version === null ? '' : String(f.version),
    createdTime: f.createdTime ?? '',
    modifiedTime: f.modifiedTime ?? '',
  };
}

function v2Candidate(f: drive_v2.Schema$File): Candidate {
  return {
    id: f.id ?? '',
    name: f.title ?? '',
    mimeType: f.mimeType ?? '',
    md5: f.md5Checksum ?? '',
    size: Number(f.fileSize ?? 0),
    version: f.version === undefined || f.version === null ? '' : String(f.version),
    createdTime: '',
    modifiedTime: f.modifiedDate ?? '',
  };
}

function remote(folder: string, c: Candidate): RemoteFile {
  const kind = kindOf(c.mimeType);
  return {
    id: c.id,
    folder,
    name: c.name,
    kind,
    size: c.size,
    md5: kind === 'file' ? c.md5 : '',
    version: versionToken(c.id, c.version),
    ...(c.modifiedTime === '' ? {} : { modified: new Date(c.modifiedTime) }),
  };
}

function mimeFor(name: string): string {
  return name.toLowerCase().endsWith('.xlsx') ? XLSX_MIME : 'application/octet-stream';
}

/** A string literal for a Drive query: backslash and single quote escaped. */
function quote(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 6)}…` : id;
}
