import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

// `partnerschap reminders` through the built CLI (npm run build first) on a folder drive.

let drive: string;
let state: string;

// A fresh example drive: the tests never depend on what npm start left in the work tree.
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'reminders-cli-'));
  drive = join(dir, 'drive');
  state = join(dir, 'state');
  expect((await runCli(['example', '--out', drive])).code).toBe(0);
});

const base = () => ['reminders', '--drive', `folder:${drive}`, '--state', state];

describe('partnerschap reminders', () => {
  it('prints the Dutch digest as it was on a date of the 2023 timeline', async () => {
    const run = await runCli([...base(), '--at', '03/06/2023 10:00']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Herinneringen Leie & Schelde op 03/06/2023 10:00 (Brusselse tijd)',
    );
    expect(run.stdout).toContain('Binnen 7 dagen');
    expect(run.stdout).toContain(
      '09/06/2023 23:59 · coördinator · dossier — · Deadline kandidaturen op 09/06/2023 23:59 (binnen 7 dagen)',
    );
  });

  it('writes the calendar file', async () => {
    const ics = join(state, '..', 'tijdlijn.ics');
    const run = await runCli([...base(), '--at', '20/06/2023', '--ics', ics]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Agenda geschreven: .*tijdlijn\.ics/);
    expect(existsSync(ics)).toBe(true);
    const text = readFileSync(ics, 'utf8');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels');
    expect(text).toContain('UID:mijlpaal-deadline@leie-schelde.partnerschap');
  });

  it('refuses an unreadable --at and a mail without configuration, with exit code 2', async () => {
    const bad = await runCli([...base(), '--at', '31/02/2023']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"31/02/2023" is geen moment');
    const home = mkdtempSync(join(tmpdir(), 'reminders-nomail-'));
    const saved = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = home;
    const mail = await runCli([...base(), '--at', '20/06/2023', '--mail']).finally(() => {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved;
    });
    expect(mail.code).toBe(2);
    expect(mail.stderr).toContain('geen SMTP-instellingen gevonden');
  });
});
