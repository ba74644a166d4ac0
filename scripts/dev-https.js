// HTTPS for `npm run dev`: Office only loads add-ins over HTTPS, and office-addin-dev-certs makes
// a localhost certificate signed by a developer CA it installs as trusted. Installing the CA needs
// administrator rights (sudo on Linux); without them the generated certificate still serves
// HTTPS, and the browser asks once to accept it.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const DIR = path.join(os.homedir(), '.office-addin-dev-certs');

export async function devHttpsOptions() {
  const certs = await import('office-addin-dev-certs');
  try {
    return await certs.getHttpsServerOptions();
  } catch (error) {
    const cert = path.join(DIR, 'localhost.crt');
    const key = path.join(DIR, 'localhost.key');
    if (!existsSync(cert) || !existsSync(key)) throw error;
    console.warn(
      `The developer CA could not be installed (${error instanceof Error ? error.message : error}).\n` +
        'Serving HTTPS with the generated certificate; trust it once in the browser, or run\n' +
        '`npx office-addin-dev-certs install` with administrator rights.',
    );
    return {
      cert: readFileSync(cert),
      key: readFileSync(key),
      ca: readFileSync(path.join(DIR, 'ca.crt')),
    };
  }
}
