import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';

// The e-mails partnerschap intake takes in: saved .eml files (RFC 5322, as Outlook and
// Thunderbird save them) read with mailparser. Only the headers the intake needs and the
// attachments are kept: the body is never looked at.

/** A saved e-mail as the intake needs it. */
export interface Mail {
  /** The .eml file as given, for messages. */
  file: string;
  /** The Date header as an instant; null when the mail has none that can be read. */
  date: Date | null;
  subject: string;
  /** The sender's address ('' when none): a partner organisation's, so it may be printed. */
  from: string;
  attachments: { name: string; bytes: Buffer }[];
}

/** Larger than any workbook the reader takes (25 MB), base64-encoded, with room for the rest. */
export const MAX_MAIL_BYTES = 48 * 1024 * 1024;

/** Why a file is not read as a mail: too large, or not parseable. */
export class MailError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

/** The .eml files to take in: the file given, or the .eml files of the folder given, by name. */
export async function mailFiles(given: string): Promise<string[]> {
  const info = await stat(given);
  if (!info.isDirectory()) return [given];
  const names = await readdir(given, { withFileTypes: true });
  return names
    .filter((d) => d.isFile() && /\.eml$/i.test(d.name))
    .map((d) => path.join(given, d.name))
    .sort();
}

export async function readMail(file: string): Promise<Mail> {
  const { size } = await stat(file);
  if (size > MAX_MAIL_BYTES) throw new MailError(`${size} bytes`, true);
  const parsed = await simpleParser(await readFile(file), {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  }).catch((err: unknown) => {
    throw new MailError(err instanceof Error ? err.message : String(err));
  });
  return {
    file,
    date: dateHeader(parsed),
    subject: parsed.subject?.trim() ?? '',
    from: parsed.from?.value[0]?.address ?? '',
    // Inline parts (a signature's logo) are part of the text, not attachments.
    attachments: parsed.attachments
      .filter((a) => !a.related)
      .map((a) => ({ name: a.filename ?? '', bytes: a.content })),
  };
}

/**
 * The Date header read from its own line: mailparser puts the current time in place of a date
 * it cannot parse, which would record a wrong received moment in silence.
 */
function dateHeader(parsed: ParsedMail): Date | null {
  const line = parsed.headerLines.find((h) => h.key === 'date')?.line;
  if (line === undefined) return null;
  const date = new Date(
    line
      .replace(/^date:/i, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return Number.isNaN(date.getTime()) ? null : date;
}
