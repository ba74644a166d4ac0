import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalJson } from '../domain/overview/fingerprint.js';
import type { Region } from '../domain/region/schema.js';
import type { ReadLimits } from '../workbook/xlsx/read-workbook.js';
import { sha256 } from './cache.js';

// What a cached result was derived under: the program, the region's configuration and the read
// limits. The program's version is the package's version and a checksum of the program's own
// code (every module beside this one's folder, the task pane's aside) and of package.json: a
// developer's build with the same version number but other code derives everything again.

let version: Promise<string> | undefined;

/** The program's version: "0.1.0+<checksum of its code>", computed once per process. */
export function programVersion(): Promise<string> {
  return (version ??= computeVersion());
}

async function computeVersion(): Promise<string> {
  // src/ when run from the sources, dist/ when built: this file is in <root>/sync/.
  const root = fileURLToPath(new URL('..', import.meta.url));
  const pkgBytes = await readFile(path.join(root, '..', 'package.json'));
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && /\.[cm]?[jt]sx?$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((f) => f.split(path.sep)[0] !== 'addin')
    .sort();
  const contents = await Promise.all(files.map((f) => readFile(path.join(root, f))));
  const sums = files.map((f, i) => `${f}\0${sha256(contents[i]!).toString('hex')}`);
  const code = sha256([sha256(pkgBytes).toString('hex'), ...sums].join('\n'));
  const pkg = JSON.parse(pkgBytes.toString('utf8')) as { version?: unknown };
  return `${String(pkg.version)}+${code.toString('hex').slice(0, 16)}`;
}

/** The identity every derived result is stored under, besides its own input. */
export async function derivationIdentity(region: Region, limits: ReadLimits): Promise<string> {
  const regionSum = sha256(canonicalJson(region)).toString('hex');
  return JSON.stringify({ program: await programVersion(), region: regionSum, limits });
}
