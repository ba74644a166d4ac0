import ExcelJS from 'exceljs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import type { Region } from '../src/domain/region/schema.js';
import { FolderDrive } from '../src/drive/folder.js';
import { DEFAULT_RETRY } from '../src/drive/retry.js';
import { openMailer, type SmtpConfig } from '../src/reminders/mail.js';
import { feedbackBuild, notifyBuild } from '../src/cli/mail-commands.js';
import { runMailings, type MailInput, type Outgoing } from '../src/sync/mail-run.js';
import { DEFAULT_READ_LIMITS } from '../src/workbook/xlsx/read-limits.js';
import { useExampleDrives } from './helpers/example-drives.js';
import { runCli } from './helpers/cli.js';
import { bodyOf, SMTP_PASSWORD, SMTP_USER, startSmtp, type TestSmtp } from './helpers/smtp.js';

// Feedback and notifications mailed to partners through a real SMTP server on loopback, on the
// example drive: what was sent is remembered on the drive, a recipient refused or an address
// missing is reported and the others go on, a server gone halfway loses and repeats nothing.

const drives = useExampleDrives('mail-partners-');
let smtp: TestSmtp;
beforeAll(async () => (smtp = await startSmtp()));
afterAll(() => smtp.close());

const NOW = new Date('2023-07-10T08:00:00Z');

function config(): SmtpConfig {
  const { port } = smtp;
  const from = 'partnerschap@werkenleieenschelde.be';
  const common = { secure: false, requireTLS: false, rejectUnauthorized: true };
  return { host: '127.0.0.1', port, ...common, user: SMTP_USER, password: SMTP_PASSWORD, from };
}

function run(root: string, build: (i: MailInput) => Outgoing[], dryRun = false) {
  return runMailings({
    drive: new FolderDrive(root),
    region: leieSchelde,
    stateDir: `${root}-state`,
    retry: DEFAULT_RETRY,
    limits: DEFAULT_READ_LIMITS,
    now: NOW,
    dryRun,
    mailer: async () => openMailer(config()),
    build,
  });
}

const feedback = (region: Region) => feedbackBuild(region, NOW);

const mailedKeys = async (root: string) =>
  Object.keys(
    (
      JSON.parse(await readFile(path.join(root, '.partnerschap', 'state.json'), 'utf8')) as {
        mailed: Record<string, unknown>;
      }
    ).mailed,
  );

describe('feedback --mail', () => {
  it('sends each letter once, across a refused recipient and a server that drops halfway', async () => {
    const root = await drives.fresh('feedback');
    const dry = await run(root, feedback(leieSchelde), true);
    const order = dry.wouldSend.map((m) => m.to!);
    expect(order.length).toBeGreaterThanOrEqual(4);
    // The municipalities' workbooks name no address, and the region gives none.
    expect(dry.missing.map((m) => m.about)).toContain('Gemeenten/Gemeente Zulte.xlsx');
    smtp.received.length = 0;

    smtp.refused.add(order[0]!);
    smtp.dropAt(3);
    const first = await run(root, feedback(leieSchelde));
    expect(first.refused.map((r) => r.mailing.to)).toEqual([order[0]]);
    expect(first.sent.map((m) => m.to)).toEqual(order.slice(1, 3));
    expect(first.stopped?.left).toBe(order.length - 3);
    expect(await mailedKeys(root)).toHaveLength(2);

    const second = await run(root, feedback(leieSchelde));
    expect(second.sent.map((m) => m.to)).toEqual(order.slice(3));
    expect(second.stopped).toBeNull();
    const third = await run(root, feedback(leieSchelde));
    expect(third.sent).toEqual([]);
    expect(third.refused).toHaveLength(1);
    // Every letter arrived exactly once.
    expect(smtp.received.map((r) => r.to[0]).sort()).toEqual(order.slice(1).sort());
    smtp.refused.clear();

    const mail = bodyOf(smtp.received[0]!.raw);
    expect(mail.subject).toMatch(/^Feedback over .*\.xlsx \(Leie & Schelde\)$/);
    expect(mail.text).toMatch(/^Beste,\r?\n\r?\nDank u om uw werkmap .+\.xlsx te bezorgen\./);
    expect(mail.text).toMatch(/rijen? gelezen: \d+ overgenomen, \d+ niet overgenomen\./);
    expect(mail.text).toContain('Volgende stap:');
    expect(mail.text).toContain(leieSchelde.coordinator.contact);
  });

  it('mails a municipality at the address the region gives, never a national number', async () => {
    const root = await drives.fresh('gemeente');
    const region = { ...leieSchelde, municipalityContacts: { Zulte: 'werk@zulte.example' } };
    smtp.received.length = 0;
    const report = await run(root, feedback(region));
    expect(report.sent.map((m) => m.about)).toContain('Gemeenten/Gemeente Zulte.xlsx');
    const zulte = smtp.received.find((r) => r.to[0] === 'werk@zulte.example')!;
    const { text } = bodyOf(zulte.raw);
    expect(text).toContain('rijksregisternummer');
    expect(text).not.toMatch(/\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}/);
  });
});

describe('notify', () => {
  const notify = notifyBuild(leieSchelde, NOW);

  it('tells lead partners each marked step once, the pitch with an invitation', async () => {
    const root = await drives.fresh('notify');
    smtp.received.length = 0;
    const first = await run(root, notify);
    expect(first.sent.length).toBeGreaterThan(0);
    expect(first.missing).toEqual([]);
    const keys = first.sent.map((m) => m.key);
    expect(keys.some((k) => k.endsWith(':ontvankelijkheid'))).toBe(true);
    expect(keys.some((k) => k.endsWith(':pitch'))).toBe(true);
    expect(keys.some((k) => k.endsWith(':beslissing'))).toBe(true);
    // The server received them in the order they were sent.
    const raw = (step: string) => smtp.received[keys.findIndex((k) => k.endsWith(step))]!.raw;
    const part = /Content-Type: text\/calendar[^]*?\r\n\r\n([^]*?)\r\n--/.exec(raw(':pitch'))?.[1];
    const ics = Buffer.from(part ?? '', 'base64').toString('utf8');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Brussels:2023\d{4}T\d{6}/);
    expect(raw(':ontvankelijkheid')).not.toContain('text/calendar');
    expect(bodyOf(raw(':beslissing')).text).toMatch(
      /weerwoord sturen tot \d{2}\/\d{2}\/\d{4} 23:59/,
    );
    const again = await run(root, notify);
    expect(again.sent).toEqual([]);
  });

  it('tells of a moved pitch once, as a new revision of the same invitation', async () => {
    const root = await drives.fresh('notify-moved');
    const first = await run(root, notify);
    const pitch = first.sent.find((m) => m.key.endsWith(':pitch'))!;
    const dossier = pitch.about;
    // Unfolded (RFC 5545 folds lines at 75 octets).
    const icsOf = (m: Outgoing) => String(m.attachments?.[0]?.content ?? '').replace(/\r\n /g, '');
    expect(icsOf(pitch)).toContain('METHOD:REQUEST');
    expect(icsOf(pitch)).toContain('SEQUENCE:0');
    expect(icsOf(pitch)).toMatch(/ORGANIZER;CN="?[^:]+"?:mailto:\S+@/);
    expect(icsOf(pitch).toLowerCase()).toContain(`mailto:${pitch.to!.toLowerCase()}`);

    // The coordinator moves the pitch an hour later in the tracker.
    const file = path.join(root, leieSchelde.drive.tracker, leieSchelde.drive.trackerName);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Opvolging')!;
    const col = (name: string) => (ws.getRow(1).values as ExcelJS.CellValue[]).indexOf(name);
    const row = (ws.getColumn(col('Dossier')).values as ExcelJS.CellValue[]).indexOf(dossier);
    const slotCol = col('Pitch (datum en uur)');
    const was = ws.getColumn(slotCol).values[row] as Date;
    ws.getRow(row).getCell(slotCol).value = new Date(was.getTime() + 3_600_000);
    await wb.xlsx.writeFile(file);

    const moved = await run(root, notify);
    expect(moved.sent.map((m) => m.key)).toEqual([pitch.key]);
    const [mail] = moved.sent;
    expect(mail!.subject).toContain('verplaatst');
    const wasText = /op (\d{2}\/\d{2}\/\d{4} \d{2}:\d{2})/.exec(pitch.text)![1]!;
    expect(mail!.text).toContain(`niet meer op ${wasText}`);
    expect(icsOf(mail!)).toContain('SEQUENCE:1');
    expect(icsOf(mail!).match(/^UID:.*$/m)?.[0]).toBe(icsOf(pitch).match(/^UID:.*$/m)?.[0]);
    expect((await run(root, notify)).sent).toEqual([]);
  });
});

describe('the mail commands', () => {
  it('feedback asks for --mail or --dry-run, and a dry run lists who would get what', async () => {
    const root = await drives.fresh('cli');
    const drive = ['--drive', `folder:${root}`, '--state', `${root}-state`];
    const bare = await runCli(['feedback', ...drive]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Geef --mail om de feedback te mailen');
    const dry = await runCli(['feedback', '--dry-run', ...drive]);
    expect(dry.stdout).toMatch(/^Zou mailen naar \S+@voorbeeld\.be: Partners\//m);
    // A municipality's address comes from its _meta (or the region): Zulte's names none.
    expect(dry.stdout).toContain(
      'Gemeenten/Gemeente Zulte.xlsx: geen e-mailadres van de gemeente gevonden, niet gemaild. Zet het adres bij de gemeente in municipalityContacts',
    );
    expect(dry.stdout).toMatch(
      /^Zou mailen naar partnerschap@[a-z-]+\.voorbeeld\.be: Gemeenten\/Gemeente /m,
    );
    expect(dry.stdout).toMatch(/^Proefdraai: \d+ mails zouden vertrekken/m);
    expect(dry.code).toBe(1);
    // A dry run remembers nothing and takes no lease, nor keeps anything in the local cache.
    await expect(readFile(path.join(root, '.partnerschap', 'state.json'))).rejects.toThrow();
    const cached = await readdir(path.join(`${root}-state`, 'cache')).catch(
      (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? [] : Promise.reject(err)),
    );
    expect(cached).toEqual([]);
  });
});
