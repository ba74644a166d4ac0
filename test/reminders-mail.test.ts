import { chmodSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { digestLines, digestSubject, remindersAt } from '../src/domain/reminders/index.js';
import { loadSmtpConfig, MailError, sendDigest, type SmtpConfig } from '../src/reminders/mail.js';
import { brussels, trackerRow } from './helpers/reminders.js';
import { bodyOf, SMTP_PASSWORD, SMTP_USER, startSmtp, type TestSmtp } from './helpers/smtp.js';

// The digest received by a real SMTP server on loopback, with AUTH (plain, no TLS: loopback only).

let smtp: TestSmtp;
let port = 0;
let received: TestSmtp['received'] = [];

beforeAll(async () => {
  smtp = await startSmtp();
  port = smtp.port;
  received = smtp.received;
});

afterAll(() => smtp.close());

const config = (o: Partial<SmtpConfig> = {}): SmtpConfig => ({
  host: '127.0.0.1',
  port,
  secure: false,
  requireTLS: false,
  rejectUnauthorized: true,
  user: SMTP_USER,
  password: SMTP_PASSWORD,
  from: 'partnerschap@werkenleieenschelde.be',
  to: ['sharon@werkenleieenschelde.be', 'jury@werkenleieenschelde.be'],
  ...o,
});

describe('the reminder mail', () => {
  const at = brussels(2023, 7, 8, 9, 0);
  const reminders = remindersAt(
    leieSchelde,
    {
      tracker: { rows: [trackerRow('K01', { stadium: 'Jurybeslissing' })], reviews: [] },
      candidacies: [],
    },
    at,
  );
  const message = {
    subject: digestSubject(leieSchelde, reminders, at),
    text: `${digestLines(leieSchelde, reminders, at).join('\n')}\n`,
    defaultTo: leieSchelde.coordinator.email,
  };

  it('is received with the right recipients, subject and body', async () => {
    const to = await sendDigest(config(), message);
    expect(to).toEqual(['sharon@werkenleieenschelde.be', 'jury@werkenleieenschelde.be']);
    const mail = received.at(-1)!;
    expect(mail.from).toBe('partnerschap@werkenleieenschelde.be');
    expect(mail.to).toEqual(['sharon@werkenleieenschelde.be', 'jury@werkenleieenschelde.be']);
    const { subject, text } = bodyOf(mail.raw);
    expect(subject).toBe(
      'Herinneringen Leie & Schelde 08/07/2023: 2 achterstallig, 0 binnen 7 dagen',
    );
    expect(text).toContain('Herinneringen Leie & Schelde op 08/07/2023 09:00 (Brusselse tijd)');
    // The decision is due on a day (the region gives a date): shown as that date.
    expect(text).toContain('07/07/2023 · coördinator · dossier K01');
    expect(text).toContain('Achterstallig (2)');
  });

  it('keeps one line per reminder and one Subject header, whatever line breaks a title holds', async () => {
    const region = {
      ...leieSchelde,
      name: 'Leie\r\nBcc: indringer@voorbeeld.be',
      timeline: leieSchelde.timeline.map((m) =>
        m.id === 'weerwoord' ? { ...m, label: 'Weerwoord\r\n\r\nontvangen' } : m,
      ),
    };
    const titel = 'Samen\r\nwerken\n\nBcc: indringer@voorbeeld.be\u2028aan\u2029werk\u0085\v';
    const hostile = remindersAt(
      region,
      {
        tracker: {
          rows: [trackerRow('K\n01', { stadium: 'Jurybeslissing', titel })],
          reviews: [],
        },
        candidacies: [],
      },
      at,
    );
    const lines = digestLines(region, hostile, at);
    const text = `${lines.join('\n')}\n`;
    const subject = digestSubject(region, hostile, at);
    // A subject built elsewhere gets the same treatment at the transport.
    await sendDigest(config(), { subject: `${subject}\r\nBcc: x@y.be`, text, defaultTo: '' });
    const mail = received.at(-1)!;
    expect(mail.to).toEqual(['sharon@werkenleieenschelde.be', 'jury@werkenleieenschelde.be']);
    const head = mail.raw.split('\r\n\r\n')[0]!;
    expect(head).not.toMatch(/^Bcc:/im);
    const got = bodyOf(mail.raw);
    expect(got.subject).toBe(
      'Herinneringen Leie Bcc: indringer@voorbeeld.be 08/07/2023: 2 achterstallig, 0 binnen 7 dagen Bcc: x@y.be',
    );
    const body = got.text.split(/\r?\n/);
    expect(body[0]).toBe(
      'Herinneringen Leie Bcc: indringer@voorbeeld.be op 08/07/2023 09:00 (Brusselse tijd)',
    );
    // Every line is the title, a group heading, a reminder ("- …") or empty: none starts inside a title.
    const items = body.filter((l) => l.startsWith('- '));
    expect(items).toHaveLength(3);
    expect(items[2]).toContain('· Weerwoord ontvangen op 21/07/2023 (over 13 dagen)');
    expect(items.join('\n')).toContain('dossier K 01 ·');
    expect(items.join('\n')).toContain('Samen werken Bcc: indringer@voorbeeld.be aan werk');
    expect(body.filter((l) => l !== '' && !l.startsWith('- ')).slice(1)).toEqual([
      'Achterstallig (2)',
      'Later (1)',
    ]);
  });

  it('goes to the coordinator when the configuration names no recipients', async () => {
    const to = await sendDigest(config({ to: undefined }), message);
    expect(to).toEqual(['sharon@werkenleieenschelde.be']);
    expect(received.at(-1)!.to).toEqual(['sharon@werkenleieenschelde.be']);
  });

  it('gives a Dutch error, without the password, when the login is refused', async () => {
    const count = received.length;
    const err = await sendDigest(config({ password: 'fout' }), message).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailError);
    expect((err as Error).message).toBe(
      `de mailserver 127.0.0.1 weigert de aanmelding van ${SMTP_USER}. Controleer gebruiker en wachtwoord in de SMTP-instellingen.`,
    );
    expect((err as Error).message).not.toContain('fout');
    expect(received.length).toBe(count);
  });

  it('gives a Dutch error when the connection is refused', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const err = await sendDigest(config({ port: closed }), message).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailError);
    expect((err as Error).message).toBe(
      `de mailserver 127.0.0.1:${closed} weigert de verbinding. Controleer host, poort en of de server bereikbaar is.`,
    );
  });
});

describe('the SMTP configuration', () => {
  it('reads the file in XDG_CONFIG_HOME and lets environment variables override it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'smtp-config-'));
    mkdirSync(join(home, 'partnerschap'), { mode: 0o700 });
    writeFileSync(
      join(home, 'partnerschap', 'smtp.json'),
      JSON.stringify({
        host: 'smtp.voorbeeld.be',
        port: 587,
        user: 'u',
        password: 'p',
        from: 'a@b.be',
      }),
      { mode: 0o600 },
    );
    const c = await loadSmtpConfig({
      XDG_CONFIG_HOME: home,
      PARTNERSCHAP_SMTP_TO: 'x@y.be; z@y.be',
    });
    expect(c).toMatchObject({
      host: 'smtp.voorbeeld.be',
      port: 587,
      secure: false,
      to: ['x@y.be', 'z@y.be'],
    });
  });

  it('explains a missing or invalid configuration without showing the password', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'smtp-none-'));
    await expect(loadSmtpConfig({ XDG_CONFIG_HOME: empty })).rejects.toThrow(
      /geen SMTP-instellingen/,
    );
    const home = mkdtempSync(join(tmpdir(), 'smtp-bad-'));
    mkdirSync(join(home, 'partnerschap'), { mode: 0o700 });
    writeFileSync(
      join(home, 'partnerschap', 'smtp.json'),
      JSON.stringify({ host: 'h', password: 'zeer-geheim', port: 'x' }),
      { mode: 0o600 },
    );
    const err = await loadSmtpConfig({ XDG_CONFIG_HOME: home }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailError);
    expect((err as Error).message).toMatch(/ongeldig: .*port/);
    expect((err as Error).message).not.toContain('zeer-geheim');
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a smtp.json or a config folder that others can read, saying how to fix it',
    async () => {
      const home = mkdtempSync(join(tmpdir(), 'smtp-open-'));
      const dir = join(home, 'partnerschap');
      const file = join(dir, 'smtp.json');
      mkdirSync(dir, { mode: 0o700 });
      writeFileSync(file, JSON.stringify({ host: 'h', from: 'a@b.be', password: 'geheim' }));
      chmodSync(file, 0o604);
      const loose = await loadSmtpConfig({ XDG_CONFIG_HOME: home }).catch((e: unknown) => e);
      expect(loose).toBeInstanceOf(MailError);
      expect((loose as Error).message).toBe(
        `${file} is leesbaar of schrijfbaar voor anderen (rechten 604). Het bevat een geheim en wordt zo niet gebruikt. Maak het privé met: chmod 600 "${file}"`,
      );
      chmodSync(file, 0o600);
      chmodSync(dir, 0o750);
      const open = await loadSmtpConfig({ XDG_CONFIG_HOME: home }).catch((e: unknown) => e);
      expect((open as Error).message).toContain(`de map ${dir} is toegankelijk voor anderen`);
      expect((open as Error).message).toContain(`chmod 700 "${dir}"`);
      chmodSync(dir, 0o700);
      await expect(loadSmtpConfig({ XDG_CONFIG_HOME: home })).resolves.toMatchObject({ host: 'h' });
    },
  );
});
