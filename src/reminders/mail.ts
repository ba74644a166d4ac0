import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { t } from '../domain/messages.js';
import { oneLine } from '../domain/one-line.js';
import { configExposure } from '../fs/private-config.js';

// The reminder digest by mail, through the SMTP server in the user's configuration:
// $XDG_CONFIG_HOME/partnerschap/smtp.json (or ~/.config/partnerschap/smtp.json), each field
// overridable by a PARTNERSCHAP_SMTP_* environment variable. The password is never printed or
// logged; a refusal by the server becomes a clear Dutch MailError. The file holds the password:
// it, or its folder, open to others is refused (src/fs/private-config.ts).

const addresses = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const smtpConfigSchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).optional(),
  /** true: TLS from the start (port 465); false: plain, upgraded with STARTTLS when offered. */
  secure: z.boolean().default(false),
  /** Refuse to send without STARTTLS (when secure is false). */
  requireTLS: z.boolean().default(false),
  /** Check the server's certificate (leave true except for a test server). */
  rejectUnauthorized: z.boolean().default(true),
  user: z.string().min(1).optional(),
  password: z.string().optional(),
  from: z.string().min(1),
  /** Recipients; the region's coordinator when absent. */
  to: addresses.optional(),
});

export type SmtpConfig = z.infer<typeof smtpConfigSchema>;

export class MailError extends Error {}

export function smtpConfigFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || path.join(homedir(), '.config');
  return path.join(base, 'partnerschap', 'smtp.json');
}

const ENV: Record<string, keyof SmtpConfig> = {
  PARTNERSCHAP_SMTP_HOST: 'host',
  PARTNERSCHAP_SMTP_PORT: 'port',
  PARTNERSCHAP_SMTP_SECURE: 'secure',
  PARTNERSCHAP_SMTP_REQUIRE_TLS: 'requireTLS',
  PARTNERSCHAP_SMTP_REJECT_UNAUTHORIZED: 'rejectUnauthorized',
  PARTNERSCHAP_SMTP_USER: 'user',
  PARTNERSCHAP_SMTP_PASSWORD: 'password',
  PARTNERSCHAP_SMTP_FROM: 'from',
  PARTNERSCHAP_SMTP_TO: 'to',
};

/** The configuration from the file, with environment variables on top; throws MailError. */
export async function loadSmtpConfig(env: NodeJS.ProcessEnv = process.env): Promise<SmtpConfig> {
  const file = smtpConfigFile(env);
  let raw: Record<string, unknown> = {};
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw new MailError(
      t('reminders.mail.unreadable-config', { file, reason: err.code ?? 'onbekend' }),
    );
  });
  if (text !== null) {
    const exposed = await configExposure(file);
    if (exposed !== null) throw new MailError(exposed);
    try {
      raw = JSON.parse(text) as Record<string, unknown>;
    } catch (err) {
      throw new MailError(t('reminders.mail.bad-config', { file, reason: (err as Error).message }));
    }
  }
  for (const [name, field] of Object.entries(ENV)) {
    const v = env[name];
    if (v === undefined || v === '') continue;
    raw[field] = envValue(field, v);
  }
  if (text === null && raw.host === undefined) {
    throw new MailError(t('reminders.mail.no-config', { file }));
  }
  const parsed = smtpConfigSchema.safeParse(raw);
  if (!parsed.success) {
    // Only paths and messages: never the values (the password).
    const reason = parsed.error.issues
      .map((i) => `${i.path.join('.') || '—'}: ${i.message}`)
      .join('; ');
    throw new MailError(t('reminders.mail.bad-config', { file, reason }));
  }
  return parsed.data;
}

function envValue(field: keyof SmtpConfig, v: string): unknown {
  if (field === 'port') return Number(v);
  if (field === 'secure' || field === 'requireTLS' || field === 'rejectUnauthorized') {
    return /^(1|true|ja|yes)$/i.test(v.trim());
  }
  if (field === 'to')
    return v
      .split(/[;,]/)
      .map((s) => s.trim())
      .filter(Boolean);
  return v;
}

export interface MailMessage {
  subject: string;
  text: string;
  /** Used when the configuration names no recipients. */
  defaultTo: string;
}

/** Sends the message; returns the recipients. Throws MailError with a Dutch message. */
export async function sendDigest(config: SmtpConfig, m: MailMessage): Promise<string[]> {
  const to = config.to === undefined ? [m.defaultTo] : [config.to].flat();
  const mailer = openMailer(config);
  try {
    await mailer.send({ to, subject: m.subject, text: m.text });
    return to;
  } finally {
    mailer.close();
  }
}

export interface Letter {
  to: string[];
  subject: string;
  text: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

/** The server refused this message's recipient: the next message may still go. */
export class RecipientRefusedError extends MailError {}

export interface Mailer {
  /** Sends one message; throws RecipientRefusedError or MailError, in Dutch. */
  send(letter: Letter): Promise<void>;
  close(): void;
}

/** One SMTP transport for a run of messages (each on its own connection: one failure is one). */
export function openMailer(config: SmtpConfig): Mailer {
  const port = config.port ?? (config.secure ? 465 : 587);
  const transport = nodemailer.createTransport({
    host: config.host,
    port,
    secure: config.secure,
    requireTLS: config.requireTLS,
    tls: { rejectUnauthorized: config.rejectUnauthorized },
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    logger: false,
    debug: false,
  });
  return {
    async send(letter) {
      try {
        // One line, whoever built the subject: a line break in a header would start another header.
        const subject = oneLine(letter.subject);
        await transport.sendMail({ ...letter, from: config.from, subject });
      } catch (err) {
        const message = mailErrorMessage(err, config.host, port, config.user ?? '');
        throw refusedRecipient(err) ? new RecipientRefusedError(message) : new MailError(message);
      }
    },
    close: () => transport.close(),
  };
}

/** A 5xx answer to RCPT TO: that address is refused, the server and the rest are fine. */
function refusedRecipient(err: unknown): boolean {
  const e = (err ?? {}) as SmtpErrorish & { command?: string };
  return e.code === 'EENVELOPE' && (e.command === 'RCPT TO' || (e.responseCode ?? 0) >= 500);
}

interface SmtpErrorish {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** The Dutch message for a nodemailer error (never its full text: it may quote a command). */
export function mailErrorMessage(err: unknown, host: string, port: number, user: string): string {
  const e = (err ?? {}) as SmtpErrorish;
  const inner = (err as { cause?: SmtpErrorish } | null)?.cause?.code;
  const reason = e.response ?? e.code ?? 'onbekende fout';
  if (e.code === 'EAUTH' || e.responseCode === 535) {
    return t('reminders.mail.auth-failed', { host, user });
  }
  if (
    e.code === 'ECONNREFUSED' ||
    inner === 'ECONNREFUSED' ||
    /ECONNREFUSED/.test(e.message ?? '')
  ) {
    return t('reminders.mail.refused', { host, port });
  }
  if (e.code === 'ETLS' || /certificate|SSL|TLS/i.test(e.message ?? '')) {
    return t('reminders.mail.tls', { host, port, reason: e.code ?? 'TLS' });
  }
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') {
    return t('reminders.mail.rejected', { host, reason });
  }
  return t('reminders.mail.failed', { host, port, reason });
}
