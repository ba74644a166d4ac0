// `npm start`: the coordinator's sync on the bundled example drive (example-drive/, written on
// first run with synthetic data and the mistakes real users make), then a short Dutch "what
// next": the overview, the feedback folder and the reminders command. Problems found in the data
// (exit code 1) are the expected outcome here, so they exit 0; exit 2 (nothing to look at) stays.
import { spawnSync } from 'node:child_process';
import { join, sep } from 'node:path';
import { DEFAULT_DRIVE } from '../dist/cli/defaults.js';
import { t } from '../dist/domain/messages.js';
import { leieSchelde } from '../dist/domain/region/leie-schelde.js';

/** A day in the example's call (June 2023) with reminders due within the week. */
const EXAMPLE_AT = '20/06/2023';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist/cli/main.js');
const status = spawnSync(process.execPath, [cli, 'sync'], { cwd: root, stdio: 'inherit' }).status;

if (status === 0 || status === 1) {
  const drive = DEFAULT_DRIVE.replace(/^folder:/, '');
  const { overzicht, overviewName, feedback } = leieSchelde.drive;
  const command = `npx partnerschap reminders --at ${EXAMPLE_AT}`;
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
