// `npm run build:cli`, after the tsc build: the CLI as one bundle in dist/bin/ (the package's
// bin, dist/bin/main.js). Node loads a program of a few hundred ES modules one file at a time,
// resolving and compiling each: `partnerschap validate` of an empty folder took ~0.29 s from
// dist/cli/main.js against ~0.16 s bundled, a fixed cost of every command (03/12/2026). Our code
// and the small packages every command loads are bundled; the large ones that only some commands
// load, when they need them (exceljs, Vega, Google's and the mail libraries), stay in
// node_modules, where they are loaded as before. The commands stay separate chunks, loaded lazily
// as main.ts asks for them; the worker of the heavy commands is an entry of its own beside them
// (bounded.ts starts it by a URL relative to its own chunk).
//
// Usage: node scripts/bundle-cli.js (from the package's folder, after scripts/build-cli.js)
import { chmodSync } from 'node:fs';
import { build } from 'rolldown';

/** Packages left out of the bundle (and their subpaths). */
const LOADED_FROM_NODE_MODULES = [
  'exceljs',
  'jszip',
  'vega',
  'vega-lite',
  '@googleapis/drive',
  'google-auth-library',
  'nodemailer',
  'mailparser',
  'ical-generator',
];
const external = (id) =>
  id.startsWith('node:') ||
  LOADED_FROM_NODE_MODULES.some((name) => id === name || id.startsWith(`${name}/`));

await build({
  input: { main: 'dist/cli/main.js', 'lib/bounded-worker': 'dist/cli/bounded-worker.js' },
  platform: 'node',
  external,
  logLevel: 'warn',
  output: {
    dir: 'dist/bin',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'lib/[name]-[hash].js',
    cleanDir: true,
  },
});
chmodSync('dist/bin/main.js', 0o755);
