import { t } from '../domain/messages.js';
import {
  AuthError,
  DRIVE_SCOPE,
  loadOAuthClient,
  loopbackLogin,
  saveToken,
} from '../drive/gdrive-auth.js';
import { EXIT, UsageError } from './usage-error.js';

// `partnerschap login gdrive [--client FILE] [--port N]`: signs in to Google Drive as an installed
// app and keeps the refresh token in the user's config folder (mode 0600). It prints the address
// to open and where the token went; never the token, the code or the client secret.

export interface LoginIo {
  out: (line: string) => void;
  env: Record<string, string | undefined>;
}

const defaultIo: LoginIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  env: process.env,
};

export async function runLogin(
  service: string,
  o: { client?: string; port?: number; timeoutMs?: number },
  io: LoginIo = defaultIo,
): Promise<number> {
  if (service !== 'gdrive') throw new UsageError(t('login.unknown-service', { service }));
  try {
    const client = await loadOAuthClient(o.client, io.env);
    const { refreshToken, scope } = await loopbackLogin({
      client,
      port: o.port,
      timeoutMs: o.timeoutMs,
      onUrl: (url, redirect) => {
        io.out(t('login.open-url'));
        io.out('');
        io.out(`  ${url}`);
        io.out('');
        const minutes = Math.round((o.timeoutMs ?? 5 * 60_000) / 60_000);
        io.out(t('login.waiting', { redirect, minutes: Math.max(1, minutes) }));
      },
    });
    const file = await saveToken(
      {
        type: 'authorized_user',
        client_id: client.clientId,
        client_secret: client.clientSecret,
        refresh_token: refreshToken,
        ...(client.tokenUri ? { token_uri: client.tokenUri } : {}),
        scope: scope || DRIVE_SCOPE,
        created: new Date().toISOString(),
      },
      io.env,
    );
    io.out(t('login.stored', { file }));
    return EXIT.ok;
  } catch (err) {
    if (err instanceof AuthError) throw new UsageError(err.message);
    throw err;
  }
}
