import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { homedir } from 'node:os';
import path from 'node:path';
import type { drive_v3 } from '@googleapis/drive';
import { CodeChallengeMethod, JWT, OAuth2Client, type AuthClient } from 'google-auth-library';
import { t } from '../domain/messages.js';
import { configExposure, exposure, makePrivateDir } from '../fs/private-config.js';

// How Partnerschap signs in to Google Drive, in this order:
// 1. A service account key (JSON): the `keyFile` option (a command's flag) or the environment
//    variable PARTNERSCHAP_GDRIVE_KEY. For a server or a scheduled job; the service account must be
//    a member of the region's shared drive.
// 2. The refresh token stored by `partnerschap login gdrive` (OAuth for an installed app, loopback
//    redirect on 127.0.0.1, PKCE) in the user's config folder:
//      $XDG_CONFIG_HOME/partnerschap/gdrive-token.json, else ~/.config/partnerschap/… (Windows:
//      %APPDATA%\partnerschap\…), folder mode 0700, file mode 0600. A token or key file, or the
//      folder, that others can get at is refused (src/fs/private-config.ts).
//    The file also holds the OAuth client's id and secret (an installed app's "secret" is not
//    confidential, Google's own docs say so), so later runs need nothing else.
// The OAuth client for the login comes from, in this order: `--client FILE` (the JSON that Google
// Cloud Console downloads for an OAuth client of type "Desktop app"), the environment variables
// PARTNERSCHAP_GDRIVE_CLIENT_ID and PARTNERSCHAP_GDRIVE_CLIENT_SECRET, or the file
// gdrive-client.json in the same config folder.
// Tokens are never printed, logged or put in an error message.

export const DRIVE_SCOPE = 'https://www.googleapis.com/auth/drive';
export const ENV_KEY = 'PARTNERSCHAP_GDRIVE_KEY';
export const ENV_CLIENT_ID = 'PARTNERSCHAP_GDRIVE_CLIENT_ID';
export const ENV_CLIENT_SECRET = 'PARTNERSCHAP_GDRIVE_CLIENT_SECRET';
const TOKEN_FILE = 'gdrive-token.json';
const CLIENT_FILE = 'gdrive-client.json';
const LOGIN_TIMEOUT_MS = 5 * 60_000;

type Env = Record<string, string | undefined>;

/**
 * An auth client: OAuth2Client or JWT (service account) from google-auth-library. googleapis-common
 * ships its own copy of that library, whose types are not assignable from ours; both work. It
 * lives here, with the sign-in that makes one, so that the backend (gdrive.ts) depends on this
 * module and never the other way round.
 */
export type DriveAuth = AuthClient | NonNullable<drive_v3.Options['auth']>;

/** A sign-in problem, with a Dutch message that is safe to show (it never holds a secret). */
export class AuthError extends Error {}

export interface OAuthClientConfig {
  clientId: string;
  clientSecret: string;
  /** From the client file (auth_uri / token_uri); Google's endpoints when absent. */
  authUri?: string;
  tokenUri?: string;
}

export interface StoredToken {
  type: 'authorized_user';
  client_id: string;
  client_secret: string;
  refresh_token: string;
  token_uri?: string;
  scope: string;
  created: string;
}

/** The user's config folder for Partnerschap. */
export function configDir(env: Env = process.env): string {
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'partnerschap');
  if (process.platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'partnerschap');
  return path.join(env.HOME || homedir(), '.config', 'partnerschap');
}

export function tokenPath(env: Env = process.env): string {
  return path.join(configDir(env), TOKEN_FILE);
}

// ---- Credentials for the backend ------------------------------------------------------------

/** The auth client for Google Drive: a service account key if given, else the stored login. */
export async function driveAuth(o: { keyFile?: string; env?: Env } = {}): Promise<DriveAuth> {
  const env = o.env ?? process.env;
  const keyFile = o.keyFile ?? env[ENV_KEY];
  if (keyFile) return serviceAccountAuth(keyFile);
  const stored = await loadToken(env);
  if (!stored) throw new AuthError(t('gdrive.no-credentials', { file: tokenPath(env) }));
  const client = new OAuth2Client({
    clientId: stored.client_id,
    clientSecret: stored.client_secret,
    ...(stored.token_uri ? { endpoints: { oauth2TokenUrl: stored.token_uri } } : {}),
  });
  client.setCredentials({ refresh_token: stored.refresh_token });
  return client;
}

async function serviceAccountAuth(file: string): Promise<DriveAuth> {
  refuseExposed(await exposure(file));
  const json = await readJson(file, 'gdrive.key-unreadable');
  const key = json as { type?: unknown; client_email?: unknown; private_key?: unknown };
  if (
    key.type !== 'service_account' ||
    typeof key.client_email !== 'string' ||
    typeof key.private_key !== 'string'
  ) {
    throw new AuthError(t('gdrive.key-invalid', { file }));
  }
  return new JWT({ email: key.client_email, key: key.private_key, scopes: [DRIVE_SCOPE] });
}

/** The stored login, or null when there is none; refused when others can get at it. */
export async function loadToken(env: Env = process.env): Promise<StoredToken | null> {
  const file = tokenPath(env);
  const info = await stat(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw new AuthError(t('gdrive.token-unreadable', { file, reason: err.code ?? 'onbekend' }));
  });
  if (!info) return null;
  refuseExposed(await configExposure(file));
  const json = (await readJson(file, 'gdrive.token-unreadable')) as Partial<StoredToken>;
  if (
    typeof json.refresh_token !== 'string' ||
    typeof json.client_id !== 'string' ||
    typeof json.client_secret !== 'string'
  ) {
    throw new AuthError(t('gdrive.token-invalid', { file }));
  }
  return json as StoredToken;
}

/**
 * Writes the login: folder 0700, file 0600, atomically (temp file + rename). Returns the path. A
 * folder open to others is refused: a token would be exposed in it.
 */
export async function saveToken(token: StoredToken, env: Env = process.env): Promise<string> {
  const dir = configDir(env);
  await makePrivateDir(dir);
  const file = path.join(dir, TOKEN_FILE);
  refuseExposed(await exposure(dir));
  const tmp = path.join(dir, `.${TOKEN_FILE}.${process.pid}.${randomBytes(4).toString('hex')}`);
  try {
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(token, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return file;
}

function refuseExposed(problem: string | null): void {
  if (problem !== null) throw new AuthError(problem);
}

// ---- The OAuth client ---------------------------------------------------------------------------

/** The OAuth client for the login: `--client FILE`, else the environment, else the config file. */
export async function loadOAuthClient(
  file: string | undefined,
  env: Env = process.env,
): Promise<OAuthClientConfig> {
  if (file) return parseClientFile(file);
  const id = env[ENV_CLIENT_ID];
  const secret = env[ENV_CLIENT_SECRET];
  if (id && secret) return { clientId: id, clientSecret: secret };
  const fallback = path.join(configDir(env), CLIENT_FILE);
  if (await stat(fallback).catch(() => null)) return parseClientFile(fallback);
  throw new AuthError(t('gdrive.client-missing', { file: fallback }));
}

async function parseClientFile(file: string): Promise<OAuthClientConfig> {
  const json = (await readJson(file, 'gdrive.client-unreadable')) as Record<string, unknown>;
  if (json.web && !json.installed) {
    throw new AuthError(t('gdrive.client-invalid', { file, reason: t('gdrive.client-web') }));
  }
  const c = (json.installed ?? json) as Record<string, unknown>;
  if (typeof c.client_id !== 'string' || typeof c.client_secret !== 'string') {
    throw new AuthError(t('gdrive.client-invalid', { file, reason: t('gdrive.client-fields') }));
  }
  const config: OAuthClientConfig = { clientId: c.client_id, clientSecret: c.client_secret };
  for (const [field, prop] of [
    ['auth_uri', 'authUri'],
    ['token_uri', 'tokenUri'],
  ] as const) {
    const value = c[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !safeEndpoint(value)) {
      throw new AuthError(
        t('gdrive.client-invalid', { file, reason: t('gdrive.client-url', { field }) }),
      );
    }
    config[prop] = value;
  }
  return config;
}

/** https, or http to this machine only (a test server). */
function safeEndpoint(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'https:') return true;
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}

async function readJson(
  file: string,
  key: 'gdrive.key-unreadable' | 'gdrive.token-unreadable' | 'gdrive.client-unreadable',
): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? 'onbekend';
    throw new AuthError(t(key, { file, reason }));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Never quote the content: it may be a key.
    throw new AuthError(t(key, { file, reason: t('gdrive.not-json') }));
  }
}

// ---- The loopback login ---------------------------------------------------------------------------

export interface LoginOptions {
  client: OAuthClientConfig;
  /** The port on 127.0.0.1 for the redirect; 0 (default) picks a free one. */
  port?: number;
  timeoutMs?: number;
  /** Called once with the address to open in a browser and the loopback redirect address. */
  onUrl: (url: string, redirectUri: string) => void;
}

/**
 * OAuth for an installed app (RFC 8252): a one-shot server on 127.0.0.1 receives the redirect,
 * the code is exchanged with PKCE (S256) and a random state. Returns the refresh token.
 */
export async function loopbackLogin(
  o: LoginOptions,
): Promise<{ refreshToken: string; scope: string }> {
  const timeoutMs = o.timeoutMs ?? LOGIN_TIMEOUT_MS;
  const server = createServer();
  await listen(server, o.port ?? 0);
  try {
    const port = (server.address() as { port: number }).port;
    const redirectUri = `http://127.0.0.1:${port}`;
    const endpoints = {
      ...(o.client.authUri ? { oauth2AuthBaseUrl: o.client.authUri } : {}),
      ...(o.client.tokenUri ? { oauth2TokenUrl: o.client.tokenUri } : {}),
    };
    const oauth = new OAuth2Client({
      clientId: o.client.clientId,
      clientSecret: o.client.clientSecret,
      redirectUri,
      endpoints,
    });
    const { codeVerifier, codeChallenge } = await oauth.generateCodeVerifierAsync();
    const state = randomBytes(16).toString('base64url');
    const url = oauth.generateAuthUrl({
      access_type: 'offline',
      prompt: 'consent',
      scope: [DRIVE_SCOPE],
      state,
      code_challenge: codeChallenge,
      code_challenge_method: CodeChallengeMethod.S256,
    });
    const code = waitForCode(server, state, timeoutMs);
    o.onUrl(url, redirectUri);
    const received = await code;
    let tokens;
    try {
      ({ tokens } = await oauth.getToken({ code: received, codeVerifier }));
    } catch (err) {
      throw new AuthError(t('login.exchange-failed', { reason: oauthReason(err) }));
    }
    if (!tokens.refresh_token) throw new AuthError(t('login.no-refresh-token'));
    return { refreshToken: tokens.refresh_token, scope: tokens.scope ?? DRIVE_SCOPE };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

function waitForCode(server: Server, state: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const minutes = Math.max(1, Math.round(timeoutMs / 60_000));
    const timer = setTimeout(
      () => reject(new AuthError(t('login.timeout', { minutes }))),
      timeoutMs,
    );
    const done = (res: ServerResponse, ok: boolean, settle: () => void) => {
      clearTimeout(timer);
      page(res, ok ? 200 : 400, t(ok ? 'login.page-ok' : 'login.page-error'));
      settle();
    };
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const error = u.searchParams.get('error');
      const code = u.searchParams.get('code');
      if (req.method !== 'GET' || u.pathname !== '/' || (!error && !code)) {
        res.writeHead(404).end();
        return;
      }
      if (u.searchParams.get('state') !== state) {
        done(res, false, () => reject(new AuthError(t('login.state-mismatch'))));
      } else if (error) {
        const reason = error.replace(/[^\w.-]/g, '').slice(0, 60);
        done(res, false, () => reject(new AuthError(t('login.denied', { reason }))));
      } else {
        done(res, true, () => resolve(code ?? ''));
      }
    });
  });
}

function page(res: ServerResponse, status: number, text: string): void {
  const html = `<!doctype html><html lang="nl"><meta charset="utf-8"><title>Partnerschap</title><p>${text}</p></html>`;
  res
    .writeHead(status, { 'content-type': 'text/html; charset=utf-8', connection: 'close' })
    .end(html);
}

/** The OAuth error code of a failed exchange (e.g. invalid_grant): never the request or tokens. */
function oauthReason(err: unknown): string {
  const e = err as { response?: { status?: unknown; data?: unknown }; code?: unknown };
  const data = e.response?.data as { error?: unknown } | undefined;
  if (typeof data?.error === 'string') return data.error.replace(/[^\w.-]/g, '').slice(0, 60);
  if (typeof e.response?.status === 'number') return `HTTP ${e.response.status}`;
  return typeof e.code === 'string' ? e.code : 'onbekend';
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new AuthError(t('login.port-busy', { port })) : err),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
}
