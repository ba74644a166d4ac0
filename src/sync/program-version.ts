import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalJson } from '../domain/canonical-json.js';
import type { Region } from '../domain/region/schema.js';
import type { ReadLimits } from '../workbook/xlsx/read-limits.js';
import { sha256 } from './cache.js';

// What a cached result was derived under: the program, the region's configuration and the read
// limits. The program's version is the package's version and a checksum of the program's own
// code (every module below the folder above this one's: src/ or dist/, the task pane and the
// bundle aside; in the bundle, dist/bin/, whose chunks are in lib/), of package.json and of the
// installed version of each of its dependencies and of Node: a developer's build with the same
// version number but other code, or an update of the reader, of Vega or of Node, derives
// everything again.

let version: string | undefined;

/** The program's version: "0.1.0+<checksum of its code>", computed once per process. */
export function programVersion(): string {
  return (version ??= computeVersion());
}

// Read synchronously: ~250 small local files once per process, a third of the time of
// fs/promises (this is on the path of every sync, also one with nothing to do).
function computeVersion(): string {
  // src/ or dist/ (this file is in <root>/sync/), or the bundle's dist/bin/ (in <root>/lib/).
  const root = fileURLToPath(new URL('..', import.meta.url));
  const pkgBytes = readFileSync(packageFile(root));
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.[cm]?[jt]sx?$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((f) => !NOT_THIS_PROGRAM.has(f.split(path.sep)[0]!))
    .sort();
  const sums = files.map(
    (f) => `${f}\0${sha256(readFileSync(path.join(root, f))).toString('hex')}`,
  );
  const pkg = JSON.parse(pkgBytes.toString('utf8')) as {
    version?: unknown;
    dependencies?: Record<string, string>;
  };
  const installed = Object.keys(pkg.dependencies ?? {}).map(
    (d) => `${d}@${installedVersion(root, d)}`,
  );
  // Node and its ICU too: sorting and the Dutch formats (and so results and charts) follow them.
  const runtime = `node@${process.versions.node} icu@${process.versions.icu ?? ''}`;
  const code = sha256(
    [sha256(pkgBytes).toString('hex'), runtime, ...installed, ...sums].join('\n'),
  );
  return `${String(pkg.version)}+${code.toString('hex').slice(0, 16)}`;
}

/** Folders of dist/ that are not this program: the task pane's build, and the bundle. */
const NOT_THIS_PROGRAM = new Set(['addin', 'bin']);

/** The package.json nearest above `root`. */
function packageFile(root: string): string {
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file) || path.dirname(dir) === dir) return file;
  }
}

/** The version of a package as Node would find it from `root` (its package.json; '' if none). */
function installedVersion(root: string, name: string): string {
  for (let dir = root; ; dir = path.dirname(dir)) {
    try {
      const file = path.join(dir, 'node_modules', name, 'package.json');
      return String((JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version);
    } catch {
      if (path.dirname(dir) === dir) return '';
    }
  }
}

/** The identity every derived result is stored under, besides its own input. */
export function derivationIdentity(region: Region, limits: ReadLimits): string {
  const regionSum = sha256(canonicalJson(region)).toString('hex');
  return JSON.stringify({ program: programVersion(), region: regionSum, limits });
}
