import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

// A real SMTP server on loopback for the mail tests (AUTH plain without TLS: loopback only).
// It can refuse a recipient (550 at RCPT TO) and drop every connection while a given message is
// being received, as a server that goes away halfway.

export const SMTP_USER = 'coordinator';
export const SMTP_PASSWORD = 'geheim-wachtwoord-123';

export interface Received {
  from: string;
  to: string[];
  raw: string;
}

export interface TestSmtp {
  port: number;
  received: Received[];
  /** Addresses refused at RCPT TO. */
  refused: Set<string>;
  /** Drops the connections while receiving the n-th message from now (1-based); null: never. */
  dropAt: (n: number | null) => void;
  close: () => Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: Received[] = [];
  const refused = new Set<string>();
  const sockets = new Set<Socket>();
  let countdown: number | null = null;
  const server = new SMTPServer({
    secure: false,
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD)
        cb(null, { user: SMTP_USER });
      else cb(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, cb) {
      if (!refused.has(address.address)) return cb();
      cb(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
    },
    onData(stream, session, cb) {
      if (countdown !== null && --countdown === 0) {
        countdown = null;
        for (const s of sockets) s.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  server.server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    refused,
    dropAt: (n) => (countdown = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A message's subject and first text part, decoded (quoted-printable or base64). */
export function bodyOf(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r\n\r\n/);
  const headers = head.replace(/\r\n[ \t]+/g, ' ');
  const subject = /^Subject: (.*)$/im.exec(headers)?.[1] ?? '';
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  const body = rest.join('\r\n\r\n');
  if (encoding === 'base64') return { subject, text: Buffer.from(body, 'base64').toString('utf8') };
  if (encoding === 'quoted-printable') return { subject, text: quotedPrintable(body) };
  return { subject, text: body };
}

function quotedPrintable(body: string): string {
  const joined = body.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const m = /^=([0-9A-F]{2})/.exec(joined.slice(i, i + 3));
    if (m) {
      bytes.push(parseInt(m[1]!, 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}
