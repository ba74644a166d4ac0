import { randomUUID } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createApp } from 'google-drive-mock';
import { driveStore, type DriveFile, type DriveStore } from 'google-drive-mock/dist/store.js';

// A Google Drive test double: google-drive-mock (an independent Drive v2/v3 server) on a loopback
// port, made binary-safe by a layer in front of its routes, and a fault-injecting, call-counting
// proxy in front of that. Backends talk to `url` (the proxy); tests set up files through `store`.
//
// Why a layer and not a patch: google-drive-mock 1.2.0 reads multipart bodies with express.text
// (UTF-8), so every non-UTF-8 byte of an xlsx becomes U+FFFD (4,865 bytes in, 8,059 out), and
// its v2 `uploadType=media` routes store `req.body`, which no parser fills for binary types. The
// layer reads upload bodies raw, splits the multipart body on the boundary as bytes, and hands
// the mock the same request with the media part replaced by a short ASCII marker; the mock keeps
// doing what it is trusted for (metadata, parents, versions, etags, If-Match → 412), and its
// store swaps the marker for the original bytes before it computes size and md5Checksum. No file
// under node_modules changes, so `npm ci` on a fresh clone needs no install script.

export type CallKind = 'list' | 'download' | 'upload' | 'other';

export interface Call {
  kind: CallKind;
  method: string;
  /** Path and query as the client sent them. */
  url: string;
  /** Request body bytes received from the client. */
  bytesIn: number;
  /** Response body bytes sent back to the client. */
  bytesOut: number;
  status: number | null;
  fault: Fault['type'] | null;
}

export type Fault =
  /** An HTTP error as Google sends it: JSON body with error.errors[0].reason, optional Retry-After. */
  | { type: 'status'; status: number; reason?: string; retryAfter?: string }
  /** The connection is reset (TCP RST) after the request was read; nothing reaches the mock. */
  | { type: 'reset' }
  /** The request reaches the mock (and takes effect), the answer comes `delayMs` late. */
  | { type: 'slow'; delayMs: number }
  /** `run` happens just before the request reaches the mock (another writer, say). */
  | { type: 'before'; run: () => void | Promise<void> };

interface Injected {
  fault: Fault;
  kind: CallKind | null;
  left: number;
}

export interface DriveDouble {
  /** The proxy: what the backend under test talks to (its rootUrl). */
  readonly url: string;
  /** The binary-safe mock without faults or counting, for checks that must not count. */
  readonly mockUrl: string;
  /** A bearer token the mock accepts. */
  readonly token: string;
  /** The mock's in-memory store (one per process). */
  readonly store: DriveStore;
  /** Every request that reached the proxy, in order. */
  readonly calls: Call[];
  counts(): Record<CallKind, number> & { total: number; bytesIn: number; bytesOut: number };
  resetCounts(): void;
  /** Answers the next `times` matching requests (of `kind`, or any) with `fault`. */
  inject(fault: Fault, options?: { kind?: CallKind; times?: number }): void;
  /** A folder in the store; under `parent` when given. Returns its id. */
  addFolder(name: string, parent?: string): string;
  /** A file in the store, directly (no HTTP, not counted). */
  addFile(
    name: string,
    parent: string,
    content: Buffer | string,
    mimeType?: string,
  ): DriveFile & { content: unknown };
  /** The stored bytes of a file. */
  content(id: string): Buffer;
  /** Empties the store and the counters. */
  clear(): void;
  close(): Promise<void>;
}

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
const TOKEN = 'valid-token';
const MARK = '@@drive-double-blob:';

// Bytes waiting to be put in place of their marker by the store.
const blobs = new Map<string, Buffer>();
let storePatched = false;

function patchStore(): void {
  if (storePatched) return;
  storePatched = true;
  const swap = <T extends Partial<DriveFile>>(f: T): T => {
    const c = f.content;
    if (typeof c === 'string' && blobs.has(c)) return { ...f, content: blobs.get(c) };
    return f;
  };
  const create = driveStore.createFile.bind(driveStore);
  const update = driveStore.updateFile.bind(driveStore);
  driveStore.createFile = (file) => create(swap(file));
  driveStore.updateFile = (id, updates) => update(id, swap(updates));
}

/** Starts the mock and the proxy on 127.0.0.1, each on a free port. */
export async function startDriveDouble(
  options: { binarySafe?: boolean } = {},
): Promise<DriveDouble> {
  const binarySafe = options.binarySafe ?? true;
  if (binarySafe) patchStore();
  const outer = express();
  if (binarySafe) outer.use(binaryLayer());
  outer.use(createApp());
  const mock = await listen(createServer(outer));
  const mockPort = (mock.address() as AddressInfo).port;

  const calls: Call[] = [];
  const injected: Injected[] = [];
  const proxy = await listen(
    createServer((req, res) => void forward(req, res, mockPort, calls, injected)),
  );
  const proxyPort = (proxy.address() as AddressInfo).port;

  const double: DriveDouble = {
    url: `http://127.0.0.1:${proxyPort}/`,
    mockUrl: `http://127.0.0.1:${mockPort}/`,
    token: TOKEN,
    store: driveStore,
    calls,
    counts() {
      const c = { list: 0, download: 0, upload: 0, other: 0, total: 0, bytesIn: 0, bytesOut: 0 };
      for (const call of calls) {
        c[call.kind]++;
        c.total++;
        c.bytesIn += call.bytesIn;
        c.bytesOut += call.bytesOut;
      }
      return c;
    },
    resetCounts() {
      calls.length = 0;
    },
    inject(fault, o = {}) {
      injected.push({ fault, kind: o.kind ?? null, left: o.times ?? 1 });
    },
    addFolder(name, parent) {
      return driveStore.createFile({ name, mimeType: FOLDER_MIME, parents: parent ? [parent] : [] })
        .id;
    },
    addFile(name, parent, content, mimeType = 'application/octet-stream') {
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      return driveStore.createFile({
        name,
        mimeType,
        parents: [parent],
        content: bytes,
      }) as DriveFile & {
        content: unknown;
      };
    },
    content(id) {
      const c = driveStore.getFile(id)?.content;
      if (Buffer.isBuffer(c)) return c;
      if (typeof c === 'string') return Buffer.from(c);
      if (c === undefined || c === null) return Buffer.alloc(0);
      return Buffer.from(JSON.stringify(c));
    },
    clear() {
      driveStore.clear();
      calls.length = 0;
      injected.length = 0;
    },
    async close() {
      await Promise.all([close(proxy), close(mock)]);
    },
  };
  return double;
}

// ---- The binary-safe layer -------------------------------------------------------------------

function binaryLayer(): express.Router {
  const router = express.Router();
  const raw = express.raw({ type: () => true, limit: '200mb' });
  router.use(['/upload/drive/v3/files', '/upload/drive/v2/files'], raw, rewriteUpload);
  // v2 downloads send a Buffer through res.json(); send the bytes.
  router.get('/drive/v2/files/:fileId', (req: Request, res: Response, next: NextFunction) => {
    const file = req.query.alt === 'media' ? driveStore.getFile(String(req.params.fileId)) : null;
    if (
      !file ||
      !Buffer.isBuffer(file.content) ||
      req.headers.authorization !== `Bearer ${TOKEN}`
    ) {
      next();
      return;
    }
    res.setHeader('Content-Type', file.mimeType);
    res.send(file.content);
  });
  return router;
}

function rewriteUpload(req: Request, res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  if (!Buffer.isBuffer(body)) {
    next();
    return;
  }
  const key = `${MARK}${randomUUID()}@@`;
  const forget = () => blobs.delete(key);
  res.on('finish', forget);
  res.on('close', forget);
  const type = String(req.headers['content-type'] ?? '');
  if (req.query.uploadType === 'multipart' || type.startsWith('multipart/related')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
    const b = boundary?.[1] ?? boundary?.[2];
    const parts = b ? splitMultipart(body, b.trim()) : [];
    const [meta, media] = parts;
    if (!b || !meta || !media) {
      res.status(400).json({ error: { code: 400, message: 'Invalid multipart body' } });
      return;
    }
    blobs.set(key, media.body);
    // The same multipart request, as text, with the media part replaced by the marker.
    req.body =
      `--${b}\r\n${meta.headers}\r\n\r\n${meta.body.toString('utf8')}\r\n` +
      `--${b}\r\n${media.headers}\r\n\r\n${key}\r\n--${b}--`;
  } else {
    blobs.set(key, body);
    req.body = key;
  }
  req.rawBody = undefined;
  next();
}

interface Part {
  headers: string;
  body: Buffer;
}

/** Splits a multipart body on its boundary, as bytes (RFC 2046: CRLF before each delimiter). */
export function splitMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    let start = at + delimiter.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // the closing delimiter
    if (body[start] === 0x0d) start++;
    if (body[start] === 0x0a) start++;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    let end = next;
    if (body[end - 1] === 0x0a) end--;
    if (body[end - 1] === 0x0d) end--;
    const part = body.subarray(start, end);
    const split = part.indexOf('\r\n\r\n');
    if (split === -1) return [];
    parts.push({
      headers: part.subarray(0, split).toString('latin1'),
      body: part.subarray(split + 4),
    });
    at = next;
  }
  return parts;
}

// ---- The proxy -------------------------------------------------------------------------------

export function classify(method: string, url: string): CallKind {
  const u = new URL(url, 'http://x');
  if (u.pathname.startsWith('/upload/')) return 'upload';
  if (method === 'GET' && /^\/drive\/v[23]\/files\/?$/.test(u.pathname)) return 'list';
  if (
    method === 'GET' &&
    /^\/drive\/v[23]\/files\/[^/]+$/.test(u.pathname) &&
    u.searchParams.get('alt') === 'media'
  ) {
    return 'download';
  }
  return 'other';
}

async function forward(
  req: IncomingMessage,
  res: ServerResponse,
  mockPort: number,
  calls: Call[],
  injected: Injected[],
): Promise<void> {
  const method = req.method ?? 'GET';
  const url = req.url ?? '/';
  const kind = classify(method, url);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of req) chunks.push(chunk as Buffer);
  } catch {
    return; // the client went away while sending
  }
  const body = Buffer.concat(chunks);
  const rule = injected.find((i) => i.left > 0 && (i.kind === null || i.kind === kind));
  if (rule) rule.left--;
  const fault = rule?.fault ?? null;
  const call: Call = {
    kind,
    method,
    url,
    bytesIn: body.length,
    bytesOut: 0,
    status: null,
    fault: fault?.type ?? null,
  };
  calls.push(call);

  if (fault?.type === 'reset') {
    req.socket.resetAndDestroy();
    return;
  }
  if (fault?.type === 'status') {
    const reason = fault.reason ?? defaultReason(fault.status);
    const answer = Buffer.from(
      JSON.stringify({
        error: {
          code: fault.status,
          message: `Injected ${fault.status} (${reason})`,
          errors: [{ domain: 'usageLimits', reason, message: `Injected ${reason}` }],
        },
      }),
    );
    const headers: Record<string, string | number> = {
      'content-type': 'application/json; charset=UTF-8',
      'content-length': answer.length,
    };
    if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
    call.status = fault.status;
    call.bytesOut = answer.length;
    res.writeHead(fault.status, headers).end(answer);
    return;
  }

  if (fault?.type === 'before') await fault.run();
  const answer = await new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const headers = { ...req.headers, host: `127.0.0.1:${mockPort}` };
      const out = httpRequest(
        { host: '127.0.0.1', port: mockPort, method, path: url, headers },
        (r) => {
          const parts: Buffer[] = [];
          r.on('data', (d: Buffer) => parts.push(d));
          r.on('end', () =>
            resolve({
              status: r.statusCode ?? 502,
              headers: r.headers,
              body: Buffer.concat(parts),
            }),
          );
          r.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    },
  ).catch(() => null);
  if (!answer) {
    call.status = 502;
    if (!res.destroyed) res.writeHead(502).end();
    return;
  }
  if (fault?.type === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs));
  call.status = answer.status;
  call.bytesOut = answer.body.length;
  if (res.destroyed || req.socket.destroyed) return;
  const headers = { ...answer.headers };
  delete headers['transfer-encoding'];
  delete headers.connection;
  headers['content-length'] = String(answer.body.length);
  res.writeHead(answer.status, headers).end(answer.body);
}

function defaultReason(status: number): string {
  if (status === 429) return 'rateLimitExceeded';
  if (status >= 500) return 'backendError';
  return 'forbidden';
}

function listen(server: Server): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
