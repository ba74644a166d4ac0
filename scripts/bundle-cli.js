// `npm run build:cli`, after the tsc build: the CLI as one bundle in dist/bin/ (the package's
// bin, dist/bin/main.js). Node loads a program of a few hundred ES modules one file at a time,
// resolving and compiling each: `partnerschap validate` of an empty folder took ~0.29 s from
// dist/cli/main.js against ~0.16 s bundled, and loading Vega and Vega-Lite for the report ~0.27 s
// against ~0.14 s (03/12/2026). Our code and the packages are bundled, but for the large ones that
// only some commands load (exceljs and JSZip, Google's and the mail libraries): they stay in
// node_modules, where they are loaded as before. The commands stay separate chunks, loaded lazily
// as main.ts asks for them. Chunks keep their names from one build to the next, so a command
// running while the program is rebuilt finds the chunks it loads later, as it did with the tsc
// output. The child process of the heavy commands is an entry of its own beside the chunks
// (bounded.ts starts it by a URL relative to its own chunk: checked below).
//
// Usage: node scripts/bundle-cli.js (from the package's folder, after scripts/build-cli.js)
import { chmodSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { build } from 'rolldown';

/** Packages left out of the bundle (and their subpaths). */
const LOADED_FROM_NODE_MODULES = [
  'exceljs',
  'jszip',
  '@googleapis/drive',
  'google-auth-library',
  'nodemailer',
  'mailparser',
  'ical-generator',
];
const external = (id) =>
  id.startsWith('node:') ||
  LOADED_FROM_NODE_MODULES.some((name) => id === name || id.startsWith(`${name}/`));

const CHILD = 'lib/bounded-child';
const { output } = await build({
  input: { main: 'dist/cli/main.js', [CHILD]: 'dist/cli/bounded-child.js' },
  platform: 'node',
  external,
  // yazl's CRC-32 on Node's native one (see the file).
  resolve: { alias: { 'buffer-crc32': resolvePath('scripts/bundle/buffer-crc32.cjs') } },
  logLevel: 'warn',
  output: {
    dir: 'dist/bin',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'lib/[name].js',
    cleanDir: true,
    // Chunks export by their own names, so a bench script can load a chunk's functions.
    minifyInternalExports: false,
  },
});
const starters = output.filter((c) => c.type === 'chunk' && c.code.includes('./bounded-child.js'));
if (starters.length === 0 || starters.some((c) => !c.fileName.startsWith('lib/'))) {
  throw new Error(`the child is started from ${starters.map((c) => c.fileName)}, not from lib/`);
}
chmodSync('dist/bin/main.js', 0o755);
