// `npm start`: the coordinator's sync on the bundled example drive (example-drive/, written on
// first run with synthetic data and the mistakes real users make, and passed to the sync
// explicitly), then a short Dutch "what next": the overview, the feedback folder and the
// reminders command. Problems found in the data (exit code 1) are the expected outcome here, so
// they exit 0; exit 2 (nothing to look at) stays.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { t } from '../dist/domain/messages.js';
import { leieSchelde } from '../dist/domain/region/leie-schelde.js';

/** A day in the example's call (June 2023) with reminders due within the week. */
const EXAMPLE_AT = '20/06/2023';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist/bin/main.js');
const drive = 'example-drive';
const run = (...args) =>
  spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' }).status;

if (!existsSync(join(root, drive))) {
  console.log(t('sync.setup-example', { dir: join(root, drive) }));
  const made = run('example', '--out', drive);
  if (made !== 0) process.exit(made ?? 2);
}
const status = run('sync', '--drive', `folder:${drive}`);

if (status === 0 || status === 1) {
  const { overzicht, overviewName, feedback } = leieSchelde.drive;
  const command = `npx partnerschap reminders --drive folder:${drive} --at ${EXAMPLE_AT}`;
  console.log(
    [
      '',
      t('cli.start-next'),
      t('cli.start-overview', { file: join(drive, ...overzicht.split('/'), overviewName) }),
      t('cli.start-feedback', { dir: join(drive, ...feedback.split('/')) + sep }),
      t('cli.start-reminders', { date: EXAMPLE_AT, command }),
      t('cli.start-reminders-today'),
    ].join('\n'),
  );
}
process.exit(status === 1 ? 0 : (status ?? 2));
