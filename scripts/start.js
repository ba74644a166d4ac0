// `npm start`: the coordinator's sync on the bundled example drive (example-drive/, written on
// first run with synthetic data and the mistakes real users make). It ends by saying where the
// regional overview is. Problems found in the data (exit code 1) are the expected outcome here.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist/cli/main.js');
const status = spawnSync(process.execPath, [cli, 'sync'], { cwd: root, stdio: 'inherit' }).status;
process.exit(status === 1 ? 0 : (status ?? 2));
