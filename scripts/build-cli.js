// `npm run build:cli`: the CLI's tsc build, incremental. `tsc -b` compares the sources' and the
// build info's timestamps, so a second build with nothing changed takes seconds, not a full
// compile. The build info (tsBuildInfoFile in tsconfig.build.json) lives in dist/, so `rm -rf dist`
// takes it along. But tsc trusts it and does not look at the outputs: after `rm -rf dist/domain`
// it would report "up to date" and emit nothing. So when any output is missing, the build info is
// dropped first and everything is emitted again. Last, the package's bin, when tsc wrote it, is
// made executable: `npm link` sets its mode once, and a file tsc writes anew is 0644, which would
// make the linked command fail with "permission denied". (This package's bin, dist/bin/main.js,
// is the bundle that scripts/bundle-cli.js writes next and makes executable itself.)
//
// Usage: node scripts/build-cli.js [tsconfig] (default tsconfig.build.json, from the current folder)
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';

const project = process.argv[2] ?? 'tsconfig.build.json';
const config = ts.getParsedCommandLineOfConfigFile(
  project,
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  },
);
if (!config) throw new Error(`${project}: not readable`);

const buildInfo = ts.getTsBuildInfoEmitOutputFilePath(config.options);
const missing = config.fileNames
  .flatMap((file) => ts.getOutputFileNames(config, file, !ts.sys.useCaseSensitiveFileNames))
  .find((output) => !existsSync(output));
if (buildInfo && missing) rmSync(buildInfo, { force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = spawnSync(process.execPath, [tsc, '-b', project], { stdio: 'inherit' });

const { bin = {} } = JSON.parse(readFileSync('package.json', 'utf8'));
for (const file of typeof bin === 'string' ? [bin] : Object.values(bin)) {
  if (existsSync(file)) chmodSync(file, 0o755);
}
process.exit(run.status ?? 1);
