import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// scripts/build-cli.js (npm run build:cli) on a two-file project shaped like tsconfig.build.json:
// incremental, never fooled by a build info that outlived the outputs it describes, and leaving
// the bin executable for `npm link`.

const SCRIPT = join(import.meta.dirname, '..', 'scripts', 'build-cli.js');
const dir = mkdtempSync(join(tmpdir(), 'build-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (file: string, text: string) => {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  writeFileSync(join(dir, file), text);
};
write(
  'tsconfig.build.json',
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      types: [],
      lib: ['ES2022'],
      skipLibCheck: true,
      outDir: 'dist',
      rootDir: 'src',
      incremental: true,
      tsBuildInfoFile: 'dist/tsconfig.build.tsbuildinfo',
    },
    include: ['src'],
  }),
);
write('package.json', JSON.stringify({ type: 'module', bin: { probe: 'dist/main.js' } }));
write('src/main.ts', "import { n } from './domain/n.js';\nexport const m = n + 1;\n");
write('src/domain/n.ts', 'export const n = 1;\n');

const A = join(dir, 'dist', 'main.js');
const B = join(dir, 'dist', 'domain', 'n.js');

function build() {
  const run = spawnSync(process.execPath, [SCRIPT], { cwd: dir, encoding: 'utf8' });
  expect(run.stdout + run.stderr).toBe('');
  expect(run.status).toBe(0);
}

describe('npm run build:cli', () => {
  it('emits everything, then nothing when nothing changed', () => {
    build();
    expect(existsSync(A) && existsSync(B)).toBe(true);
    const before = statSync(B).mtimeMs;
    build();
    expect(statSync(B).mtimeMs).toBe(before);
  });

  it('emits again after dist/ or part of it was deleted, the bin executable', () => {
    rmSync(join(dir, 'dist'), { recursive: true });
    build();
    expect(existsSync(A) && existsSync(B)).toBe(true);
    expect(statSync(A).mode & 0o777).toBe(0o755);
    rmSync(join(dir, 'dist', 'domain'), { recursive: true });
    build();
    expect(existsSync(B)).toBe(true);
  });

  it('emits a changed source', () => {
    write('src/domain/n.ts', 'export const n = 2;\n');
    build();
    expect(readFileSync(B, 'utf8')).toContain('n = 2');
  });
});
