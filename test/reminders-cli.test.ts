import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
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
      '09/06/2023 23:59 · coördinator · dossier — · Deadline kandidaturen op 09/06/2023 23:59 (over 6 dagen)',
    );
  });

  it('shows every reminder of the call on the dates the README lists', async () => {
    const on = async (date: string) => {
      const run = await runCli([...base(), '--at', date]);
      expect(run.code).toBe(0);
      return run.stdout;
    };
    // Candidacies still at Ontvangen once the deadline has passed.
    expect(await on('10/06/2023')).toMatch(
      /12\/06\/2023 · coördinator · dossier K-\w+ · .*ontvankelijkheid nog niet beslist/,
    );
    // The end of the written assessment, a day shown as a date.
    expect(await on('20/06/2023')).toContain(
      '23/06/2023 · coördinator · dossier — · Beoordelen schriftelijke projectvoorstellen loopt af op 23/06/2023 (over 3 dagen)',
    );
    // The pitch slots, for the lead partners, with their time.
    expect(await on('28/06/2023')).toMatch(
      /30\/06\/2023 \d\d:00 · trekker: .*: pitch op 30\/06\/2023 \d\d:00; bevestig het uur/,
    );
    // Rebuttals received (12/07, 14/07) without a final decision.
    expect(await on('15/07/2023')).toContain('weerwoord ontvangen, beslissing nog niet definitief');
  });

  it('sync --at writes the overview of that day locally and leaves the drive as it is', async () => {
    const out = join(state, '..', 'overzicht-20-juni.xlsx');
    const run = await runCli([
      'sync',
      '--drive',
      `folder:${drive}`,
      '--state',
      state,
      '--at',
      '20/06/2023',
      '--out',
      out,
    ]);
    expect([0, 1]).toContain(run.code);
    expect(run.stdout).toContain('Overzicht zoals op 20/06/2023');
    expect(run.stdout).toContain('De gedeelde map bleef ongewijzigd.');
    expect(existsSync(join(drive, 'Overzicht'))).toBe(false);
    expect(existsSync(join(drive, '.partnerschap', 'state.json'))).toBe(false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const what = wb.getWorksheet('Herinneringen')!.getColumn(5).values.map(String);
    expect(what).toContain(
      'Beoordelen schriftelijke projectvoorstellen loopt af op 23/06/2023 (over 3 dagen)',
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
