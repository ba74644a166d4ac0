import ExcelJS from 'exceljs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OAuth2Client } from 'google-auth-library';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leieSchelde as region } from '../src/domain/region/leie-schelde.js';
import type { Drive } from '../src/drive/drive.js';
import { FolderDrive } from '../src/drive/folder.js';
import { GoogleDrive } from '../src/drive/gdrive.js';
import { DEFAULT_RETRY } from '../src/drive/retry.js';
import { loadDriveState } from '../src/sync/drive-state.js';
import { takeIn } from '../src/sync/intake.js';
import { mailFiles, readMail } from '../src/sync/intake-mail.js';
import { runSync } from '../src/sync/run-sync.js';
import { STATE_FOLDER } from '../src/sync/state-file.js';
import { readTracker } from '../src/sync/tracker.js';
import { ContentCache } from '../src/sync/cache.js';
import { DEFAULT_READ_LIMITS } from '../src/workbook/xlsx/read-limits.js';
import { buildWorkbook } from '../src/workbook/xlsx/build-workbook.js';
import { workbookBytes } from '../src/workbook/xlsx/write-templates.js';
import { candidacy } from './helpers/candidacy-drive.js';
import { startDriveDouble, type DriveDouble } from './helpers/drive-double.js';
import { folderSyncOptions, gdriveSyncOptions } from './helpers/sync-options.js';
import { runCli } from './helpers/cli.js';
import { holdLeaseElsewhere } from './helpers/lease-held.js';

// partnerschap intake with real .eml files (nodemailer's MailComposer, as a mail client saves
// them): the workbooks land on the drive under the region's names, the receipts in the drive's
// state, and after a sync the tracker carries the received moments and subjects and checks them.

const SUBJECT = region.submission.subject;
const KANDIDATUREN = region.drive.kandidaturen;
let work: string;
let mails: string;

/** A partner's workbook of one kind with one row, as the template builder makes it. */
async function workbookOf(kind: 'kandidatuur' | 'aanbod', owner: string, row: object) {
  const wb = buildWorkbook({ kind, region, owner, rows: { [kind]: [row as never] } });
  return workbookBytes(wb);
}

const candidacyBytes = (trekker: string, titel: string, extra = {}) =>
  workbookOf('kandidatuur', trekker, candidacy(trekker, titel, extra));

const offerBytes = (partner: string) =>
  workbookOf('aanbod', partner, {
    partner,
    naam: 'Budgetbegeleiding aan huis',
    omschrijving: 'Wekelijks langs.',
    probleemgebieden: [region.problemAreas[0]!.label],
    gemeenten: ['Hele regio'],
    werkwijze: ['Aan huis'],
    talen: ['Nederlands'],
    kost: 'Gratis',
    wachttijd: 2,
    contact: 'Onthaal',
    email: 'onthaal@partner.be',
    bijgewerkt: new Date(Date.UTC(2023, 4, 1)),
  });

/** A mail as a client saves it; `date` is the Date header, with its zone. */
async function eml(
  name: string,
  date: string,
  subject: string,
  attachments: { filename: string; content: Buffer }[],
) {
  const mail = new MailComposer({
    from: 'Projectteam <project@partner.be>',
    to: 'oproep@leie-schelde.be',
    subject,
    date,
    text: 'Vertrouwelijke toelichting: Jan Peeters, 85.07.30-033.61.',
    attachments,
  });
  await writeFile(path.join(mails, name), await mail.compile().build());
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'intake-'));
  mails = path.join(work, 'mails');
  await mkdir(mails);
  const xlsx = (filename: string, content: Buffer) => ({ filename, content });
  // Friday 9 June 2023 23:59 Brussels is the deadline.
  await eml('1 op tijd.eml', 'Mon, 05 Jun 2023 10:00:00 +0200', SUBJECT, [
    xlsx('kandidatuur.xlsx', await candidacyBytes('Vzw A', 'Project A')),
  ]);
  await eml('2 te laat.eml', 'Sat, 10 Jun 2023 00:30:00 +0200', SUBJECT, [
    xlsx('kandidatuur.xlsx', await candidacyBytes('Vzw B', 'Project B')),
  ]);
  await eml('3 onderwerp.eml', 'Tue, 06 Jun 2023 09:15:00 +0200', 'Kandidatuur', [
    xlsx('Ons voorstel.xlsx', await candidacyBytes('Vzw C', 'Project C')),
  ]);
  await eml('4 twee.eml', 'Wed, 07 Jun 2023 16:45:00 +0200', SUBJECT, [
    xlsx('voorstel.xlsx', await candidacyBytes('Vzw D', 'Project D')),
    xlsx('aanbod.xlsx', await offerBytes('Vzw D')),
    { filename: 'toelichting.pdf', content: Buffer.from('%PDF-1.4') },
  ]);
  await eml('5 leeg.eml', 'Thu, 08 Jun 2023 08:00:00 +0200', SUBJECT, []);
  // Vzw A sends a corrected version, still on time (UTC in the header: 21:00 Brussels).
  await eml('6 opnieuw.eml', 'Fri, 09 Jun 2023 19:00:00 +0000', SUBJECT, [
    xlsx('kandidatuur v2.xlsx', await candidacyBytes('Vzw A', 'Project A', { budget: 12000 })),
  ]);
  await eml('7 kapot.eml', 'Thu, 08 Jun 2023 09:00:00 +0200', SUBJECT, [
    xlsx('kapot.xlsx', Buffer.from('geen werkmap')),
  ]);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function newFolderDrive(name: string): Promise<string> {
  const root = path.join(work, name);
  for (const folder of [region.drive.gemeenten, region.drive.aanbod, KANDIDATUREN]) {
    await mkdir(path.join(root, ...folder.split('/')), { recursive: true });
  }
  return root;
}

async function intake(drive: Drive, dryRun = false) {
  const read = await Promise.all((await mailFiles(mails)).map((f) => readMail(f)));
  const lease = { waitMs: 0 };
  return takeIn(
    { drive, region, retry: DEFAULT_RETRY, limits: DEFAULT_READ_LIMITS, dryRun, lease },
    read,
  );
}

/** What a drive looks like after taking in the mails, and its tracker after one sync. */
async function expectTakenIn(
  drive: Drive,
  list: (folder: string) => Promise<string[]>,
  sync: () => Promise<unknown>,
  cacheDir: string,
) {
  const result = await intake(drive);
  expect(await list(KANDIDATUREN)).toEqual([
    'Kandidatuur Vzw A - Project A.xlsx',
    'Kandidatuur Vzw B - Project B.xlsx',
    'Kandidatuur Vzw C - Project C.xlsx',
    'Kandidatuur Vzw D - Project D.xlsx',
    'kapot.xlsx',
  ]);
  expect(await list(region.drive.aanbod)).toEqual(['Aanbod Vzw D.xlsx']);
  const { state } = await loadDriveState(drive, DEFAULT_RETRY);
  const at = (name: string) => state.receipts[`${KANDIDATUREN}/${name}`];
  expect(at('Kandidatuur Vzw A - Project A.xlsx')).toEqual({
    received: '2023-06-09T19:00:00.000Z',
    subject: SUBJECT,
    fillOnly: false,
  });
  expect(at('Kandidatuur Vzw B - Project B.xlsx')).toEqual({
    received: '2023-06-09T22:30:00.000Z',
    subject: SUBJECT,
    fillOnly: false,
  });
  expect(at('Kandidatuur Vzw C - Project C.xlsx')?.subject).toBe('Kandidatuur');
  expect(Object.keys(state.receipts)).toHaveLength(5);
  expect(result.receipts).toBe(5);

  await sync();
  const tracker = await readTracker(drive, region, new ContentCache(cacheDir), DEFAULT_RETRY);
  const rows = tracker!.rows.map((r) => r.record);
  // In the order received; the received moment in Brussels wall clock.
  expect(rows.map((r) => [r.trekker, r.ontvangen, r.onderwerp])).toEqual([
    ['Vzw C', new Date(Date.UTC(2023, 5, 6, 9, 15)), 'Kandidatuur'],
    ['Vzw D', new Date(Date.UTC(2023, 5, 7, 16, 45)), SUBJECT],
    ['Vzw A', new Date(Date.UTC(2023, 5, 9, 21, 0)), SUBJECT],
    ['Vzw B', new Date(Date.UTC(2023, 5, 10, 0, 30)), SUBJECT],
  ]);
  expect(rows.map((r) => r.intake)).toEqual([
    'Onderwerp e-mail: het onderwerp van de e-mail is "Kandidatuur"; de oproep vraagt "Indienen kandidatuur CB Leie en Schelde".',
    'In orde.',
    'In orde.',
    'Ontvangen op: ontvangen op 10/06/2023 00:30, na de deadline van 09/06/2023 23:59 (Brusselse tijd). Deze kandidatuur is te laat.',
  ]);
  // Applied receipts are forgotten; the unreadable file's waits, and the summary says so.
  const after = await loadDriveState(drive, DEFAULT_RETRY);
  expect(Object.keys(after.state.receipts)).toEqual([`${KANDIDATUREN}/kapot.xlsx`]);
  return result;
}

const CORRECTED = new Date(Date.UTC(2023, 5, 7, 16, 40));

describe('partnerschap intake', () => {
  it('takes in saved e-mails on a folder drive; the next sync fills and checks the tracker', async () => {
    const root = await newFolderDrive('folder');
    const drive = new FolderDrive(root);
    const list = async (folder: string) =>
      (await readdir(path.join(root, ...folder.split('/'))))
        .filter((n) => n.endsWith('.xlsx'))
        .sort();
    let notes: string[] = [];
    const result = await expectTakenIn(
      drive,
      list,
      async () => {
        notes = (await runSync(folderSyncOptions(root, { drive }))).notes;
      },
      `${root}-state`,
    );
    expect(result.lines.join('\n')).toBe(
      [
        '1 op tijd.eml: e-mail van project@partner.be, ontvangen op 05/06/2023 10:00 (Brusselse tijd), onderwerp "Indienen kandidatuur CB Leie en Schelde".',
        `  kandidatuur.xlsx bewaard als ${KANDIDATUREN}/Kandidatuur Vzw A - Project A.xlsx.`,
        '3 onderwerp.eml: e-mail van project@partner.be, ontvangen op 06/06/2023 09:15 (Brusselse tijd), onderwerp "Kandidatuur".',
        `  Ons voorstel.xlsx bewaard als ${KANDIDATUREN}/Kandidatuur Vzw C - Project C.xlsx.`,
        '4 twee.eml: e-mail van project@partner.be, ontvangen op 07/06/2023 16:45 (Brusselse tijd), onderwerp "Indienen kandidatuur CB Leie en Schelde".',
        `  voorstel.xlsx bewaard als ${KANDIDATUREN}/Kandidatuur Vzw D - Project D.xlsx.`,
        `  aanbod.xlsx bewaard als ${region.drive.aanbod}/Aanbod Vzw D.xlsx.`,
        '  toelichting.pdf: niet bewaard; geen Excel-werkmap.',
        '5 leeg.eml: e-mail van project@partner.be, ontvangen op 08/06/2023 08:00 (Brusselse tijd), onderwerp "Indienen kandidatuur CB Leie en Schelde".',
        '  geen bijlage: niets overgenomen. Vraag de afzender de werkmap mee te sturen.',
        '7 kapot.eml: e-mail van project@partner.be, ontvangen op 08/06/2023 09:00 (Brusselse tijd), onderwerp "Indienen kandidatuur CB Leie en Schelde".',
        `  kapot.xlsx bewaard als ${KANDIDATUREN}/kapot.xlsx.`,
        '  Onder de naam van de bijlage bewaard, want dit is geen Excel-werkmap (misschien een CSV- of tekstbestand met een .xlsx-naam). Open het in Excel en sla het op als Excel-werkmap (.xlsx). De synchronisatie meldt de afzender wat te verbeteren.',
        '6 opnieuw.eml: e-mail van project@partner.be, ontvangen op 09/06/2023 21:00 (Brusselse tijd), onderwerp "Indienen kandidatuur CB Leie en Schelde".',
        `  kandidatuur v2.xlsx bewaard als ${KANDIDATUREN}/Kandidatuur Vzw A - Project A.xlsx: vervangt de vorige versie.`,
        '2 te laat.eml: e-mail van project@partner.be, ontvangen op 10/06/2023 00:30 (Brusselse tijd), onderwerp "Indienen kandidatuur CB Leie en Schelde".',
        `  kandidatuur.xlsx bewaard als ${KANDIDATUREN}/Kandidatuur Vzw B - Project B.xlsx.`,
        '5 ontvangsten vastgelegd op de gedeelde map. De volgende synchronisatie (partnerschap sync) zet ontvangstmoment en onderwerp in de opvolging.',
      ].join('\n'),
    );
    expect(result.problems).toBe(2);
    expect(notes).toContain(
      `Opvolging: de ontvangen e-mail voor ${KANDIDATUREN}/kapot.xlsx staat nog niet in de opvolging; de eerste synchronisatie die de kandidatuur en de opvolging kan lezen, zet ze erin.`,
    );
    // Taken in again: nothing changes but Vzw A's file, put back to the first version and then
    // replaced by the later one again (the mails are taken in oldest first).
    const again = await intake(drive);
    expect(again.lines.filter((l) => l.includes('staat al ongewijzigd'))).toHaveLength(5);
    expect(again.lines.filter((l) => l.includes('vervangt de vorige versie'))).toHaveLength(2);
    // The summary does not call the unchanged ones new: only Vzw A's replaced file is.
    expect(again.lines.slice(-2)).toEqual([
      '1 ontvangst vastgelegd op de gedeelde map. De volgende synchronisatie (partnerschap sync) zet ontvangstmoment en onderwerp in de opvolging.',
      '4 kandidaturen stonden al ongewijzigd op de gedeelde map: de opvolging krijgt het ontvangstmoment alleen waar het nog leeg is.',
    ]);

    // A tracker of before "Onderwerp e-mail", whose coordinator cleared a received moment: the
    // receipt (recorded again just now) writes it again; the subject cannot be kept, and the
    // sync says what to do.
    const file = path.join(root, ...region.drive.tracker.split('/'), region.drive.trackerName);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Opvolging')!;
    ws.getRow(1).eachCell((cell, col) => {
      if (cell.value === 'Onderwerp e-mail') cell.value = 'Oud onderwerp';
      if (cell.value === 'Ontvangen op') {
        ws.getCell(2, col).value = null;
        // Vzw D's moment, corrected by hand: the same mail taken in again does not undo it.
        ws.getCell(3, col).value = CORRECTED;
      }
    });
    await wb.xlsx.writeFile(file);
    const old = await runSync(folderSyncOptions(root, { drive }));
    expect(old.notes).toContain(
      `Opvolging ${region.drive.tracker}/${region.drive.trackerName}: de kolom "Onderwerp e-mail" ontbreekt; de synchronisatie kan er niet invullen wat partnerschap intake uit de e-mails las. Voeg een kolom met de kop "Onderwerp e-mail" toe en neem de e-mails opnieuw in.`,
    );
    const rows = (await readTracker(
      drive,
      region,
      new ContentCache(`${root}-state`),
      DEFAULT_RETRY,
    ))!.rows;
    expect(rows[0]!.record.ontvangen).toEqual(new Date(Date.UTC(2023, 5, 6, 9, 15)));
    expect(rows[1]!.record.ontvangen).toEqual(CORRECTED);
    // This run's check still saw the mail's subject.
    expect(rows[0]!.record.intake).toContain('het onderwerp van de e-mail is "Kandidatuur"');
  });

  it('works the same on Google Drive', async () => {
    const double: DriveDouble = await startDriveDouble();
    try {
      const root = double.addFolder('Leie & Schelde');
      const partners = double.addFolder('Partners', root);
      const folders = new Map([
        [region.drive.aanbod, double.addFolder('Aanbod', partners)],
        [KANDIDATUREN, double.addFolder('Kandidaturen', partners)],
      ]);
      double.addFolder('Gemeenten', root);
      const auth = new OAuth2Client();
      auth.setCredentials({ access_token: double.token, expiry_date: Date.now() + 3_600_000 });
      const drive = new GoogleDrive({ folderId: root, auth, rootUrl: double.url });
      const list = async (folder: string) => (await drive.list(folder)).map((f) => f.name).sort();
      expect(folders.size).toBe(2);
      const cache = path.join(work, 'gdrive-state');
      await expectTakenIn(drive, list, () => runSync(gdriveSyncOptions(drive, cache)), cache);
    } finally {
      await double.close();
    }
  });

  it('lists in a dry run what it would save and record, and says by its exit code that not all was taken in', async () => {
    const root = await newFolderDrive('cli');
    const run = await runCli(['intake', mails, '--drive', `folder:${root}`, '--dry-run']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `  kandidatuur.xlsx zou bewaard worden als ${KANDIDATUREN}/Kandidatuur Vzw B - Project B.xlsx.`,
    );
    expect(run.stdout).toContain(
      'Proefdraai: niets bewaard; 5 ontvangsten zouden vastgelegd worden.',
    );
    expect(run.stdout).not.toContain('Jan Peeters');
    expect(await readdir(path.join(root, ...KANDIDATUREN.split('/')))).toEqual([]);
    const one = path.join(mails, '1 op tijd.eml');
    const single = await runCli(['intake', one, '--drive', `folder:${root}`]);
    expect([single.code, single.stderr]).toEqual([0, '']);
    expect(single.stdout).toContain('1 ontvangst vastgelegd');
  });

  it('says that it waits for a sync another PC runs, and who runs it', async () => {
    const root = await newFolderDrive('wacht');
    await mkdir(path.join(root, STATE_FOLDER), { recursive: true });
    await holdLeaseElsewhere(root);
    const run = await runCli(['intake', mails, '--drive', `folder:${root}`, '--wacht', '1']);
    expect(run.code).toBe(2);
    const [waits, gaveUp] = run.stderr.trim().split('\n');
    expect(waits).toMatch(
      /^Er loopt al een sync op .*: gestart door coördinator op ander-pc, .*\. De intake wacht tot die klaar is, hoogstens 1 seconde\.$/,
    );
    expect(gaveUp).toContain('Wacht tot die klaar is en probeer het dan opnieuw');
    expect(await readdir(path.join(root, ...KANDIDATUREN.split('/')))).toEqual([]);
  });

  it('keeps the version received in time when the same candidacy comes again after the deadline', async () => {
    const late = path.join(work, 'mails-late');
    await mkdir(late);
    const saveMail = async (name: string, date: string, budget: number) => {
      const content = await candidacyBytes('Vzw E', 'Project E', { budget });
      const mail = new MailComposer({
        from: 'project@partner.be',
        subject: SUBJECT,
        date,
        attachments: [{ filename: 'kandidatuur.xlsx', content }],
      });
      await writeFile(path.join(late, name), await mail.compile().build());
    };
    await saveMail('a.eml', 'Mon, 05 Jun 2023 10:00:00 +0200', 10000);
    await saveMail('b.eml', 'Sat, 10 Jun 2023 00:05:00 +0200', 99000);
    const root = await newFolderDrive('late-again');
    const drive = new FolderDrive(root);
    const read = await Promise.all((await mailFiles(late)).map((f) => readMail(f)));
    const options = { drive, region, retry: DEFAULT_RETRY, limits: DEFAULT_READ_LIMITS };
    const result = await takeIn({ ...options, dryRun: false, lease: { waitMs: 0 } }, read);
    const own = `${KANDIDATUREN}/Kandidatuur Vzw E - Project E.xlsx`;
    const aside = `${KANDIDATUREN}/Kandidatuur Vzw E - Project E (na de deadline).xlsx`;
    expect(result.lines).toContain(
      `  kandidatuur.xlsx kwam na de deadline binnen: de versie die er al stond (${own}) blijft staan voor de beoordeling. Deze versie is ernaast bewaard als ${aside}; de opvolging toont ze als te laat.`,
    );
    expect(result.problems).toBe(1);
    const files = [
      'Kandidatuur Vzw E - Project E (na de deadline).xlsx',
      'Kandidatuur Vzw E - Project E.xlsx',
    ];
    expect((await readdir(path.join(root, KANDIDATUREN))).sort()).toEqual(files);
    // Taken in again: the late version is the one beside it already, not a third file.
    const again = await takeIn({ ...options, dryRun: false, lease: { waitMs: 0 } }, read);
    expect(again.problems).toBe(0);
    expect(again.lines.filter((l) => l.includes('staat al ongewijzigd'))).toHaveLength(2);
    expect((await readdir(path.join(root, KANDIDATUREN))).sort()).toEqual(files);
    // The tracker: the version in time keeps its moment; the late one is a row of its own, late.
    await runSync(folderSyncOptions(root, { drive }));
    const tracker = await readTracker(
      drive,
      region,
      new ContentCache(`${root}-state`),
      DEFAULT_RETRY,
    );
    const byFile = new Map(tracker!.rows.map((r) => [r.record.bron, r.record]));
    expect(byFile.get(own)?.intake).not.toContain('te laat');
    expect(byFile.get(aside)?.intake).toContain('te laat');
  });
});
