// `npm start`: writes the bundled example drive (synthetic data, with the mistakes real users
// make) and validates it. The validation finding those mistakes is the expected outcome.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist/cli/main.js');
const drive = 'example-drive';

function partnerschap(...args) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' }).status;
}

if (partnerschap('example', '--out', drive) !== 0) process.exit(2);
const status = partnerschap('validate', drive);
// 1 means: problems found in the data, which the example drive carries on purpose.
process.exit(status === 1 ? 0 : (status ?? 2));
