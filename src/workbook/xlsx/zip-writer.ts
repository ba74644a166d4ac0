import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';

// A zip file built part by part, with yazl, from text that is produced as it is written: each
// part's text is deflated while it is generated, so no part is ever whole in memory, only the
// zip's compressed bytes. Every entry carries the same date, so the same content gives the same
// bytes (the sync recognises a file by its bytes).

/**
 * Text is handed to zlib in pieces of about this many bytes (fewer, larger writes). With pieces
 * of 192 kB the overview's peak at --scale 40 was higher in 5 of 5 alternated runs (by 4–8 MB),
 * for no time measurable.
 */
const PIECE = 64 * 1024;
/** The most UTF-8 bytes one UTF-16 code unit becomes (a surrogate pair: 4 bytes for 2 units). */
const MAX_BYTES_PER_UNIT = 3;

/**
 * The date of every entry. yazl writes an entry's DOS date from the Date's local fields, so it is
 * built from local fields: 1 January 1980 at noon is the same DOS date in every time zone (noon is
 * never skipped by a clock change). Only the DOS date is written (forceDosTimestamp): the extended
 * timestamp would carry the instant, which differs by time zone. Made at each use, in the zone of
 * that moment.
 */
const ENTRY_DATE = () => new Date(1980, 0, 1, 12, 0, 0);

export class ZipWriter {
  private readonly zip = new ZipFile();
  private readonly bytes: Promise<Buffer>;

  constructor() {
    const chunks: Buffer[] = [];
    const out = this.zip.outputStream;
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    this.bytes = finished(out).then(() => Buffer.concat(chunks));
    // An unconsumed rejection would be reported before finish() awaits it.
    this.bytes.catch(() => undefined);
  }

  /** Adds a part whose text `texts` yields, deflated as it comes; done when all of it is in. */
  async add(name: string, texts: Iterable<string>): Promise<void> {
    const input = Readable.from(bytesOf(texts));
    this.zip.addReadStream(input, name, { mtime: ENTRY_DATE(), forceDosTimestamp: true });
    await finished(input);
  }

  /** The whole zip file. */
  finish(): Promise<Buffer> {
    this.zip.end();
    return this.bytes;
  }
}

/**
 * The texts as UTF-8, written one by one into pieces of about PIECE bytes. Not joined first:
 * joining strings of which one holds a character beyond Latin-1 (a typographic apostrophe in a
 * need's description) makes the whole piece a two-byte string, and the join ~8× slower. A text
 * that ends in the first half of a surrogate pair keeps it for the next, so a pair split
 * between two texts is written as the character they make together.
 */
function* bytesOf(texts: Iterable<string>): Generator<Buffer> {
  let piece = Buffer.allocUnsafe(PIECE);
  let used = 0;
  for (const text of wholeCharacters(texts)) {
    const most = text.length * MAX_BYTES_PER_UNIT;
    if (used + most > piece.length) {
      if (used > 0) yield piece.subarray(0, used);
      piece = Buffer.allocUnsafe(Math.max(PIECE, most));
      used = 0;
    }
    used += piece.write(text, used, 'utf8');
  }
  if (used > 0) yield piece.subarray(0, used);
}

/** The texts, the first half of a surrogate pair that ends one moved to the start of the next. */
function* wholeCharacters(texts: Iterable<string>): Generator<string> {
  let held = '';
  for (const next of texts) {
    const text = held + next;
    const last = text.charCodeAt(text.length - 1);
    held = last >= 0xd800 && last <= 0xdbff ? text.slice(-1) : '';
    yield held === '' ? text : text.slice(0, -1);
  }
  if (held !== '') yield held;
}
