import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

// A zip file built part by part from text that is produced as it is written: each part's text
// is deflated while it is generated, so no part is ever whole in memory, only its compressed
// bytes. Every entry carries the same given date, so the same content gives the same bytes (the
// sync recognises a file by its bytes).

/** Text is deflated in pieces of about this many characters. */
const PIECE = 64 * 1024;

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  csize: number;
  offset: number;
}

export class ZipBuilder {
  private readonly chunks: Buffer[] = [];
  private readonly entries: Entry[] = [];
  private offset = 0;
  private readonly dosTime: number;
  private readonly dosDate: number;

  constructor(date: Date) {
    this.dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5);
    this.dosDate =
      (Math.max(0, date.getUTCFullYear() - 1980) << 9) |
      ((date.getUTCMonth() + 1) << 5) |
      date.getUTCDate();
  }

  /** Adds a part whose text `texts` yields, deflated as it comes. */
  async add(name: string, texts: Iterable<string>): Promise<void> {
    const deflated: Buffer[] = [];
    let crc = 0;
    let size = 0;
    const input = Readable.from(
      (function* () {
        for (const piece of pieces(texts)) {
          const bytes = Buffer.from(piece, 'utf8');
          crc = zlib.crc32(bytes, crc);
          size += bytes.length;
          yield bytes;
        }
      })(),
    );
    const collect = new Writable({
      write(chunk: Buffer, _enc, done) {
        deflated.push(chunk);
        done();
      },
    });
    await pipeline(input, zlib.createDeflateRaw(), collect);
    const csize = deflated.reduce((n, b) => n + b.length, 0);
    const entry = { name: Buffer.from(name, 'utf8'), crc, size, csize, offset: this.offset };
    this.push(this.localHeader(entry), ...deflated);
    this.entries.push(entry);
  }

  /** The whole zip file. */
  finish(): Buffer {
    const start = this.offset;
    for (const e of this.entries) this.push(this.centralHeader(e));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.push(end);
    return Buffer.concat(this.chunks);
  }

  private push(...bufs: Buffer[]): void {
    for (const b of bufs) {
      this.chunks.push(b);
      this.offset += b.length;
    }
  }

  private localHeader(e: Entry): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    this.common(h, 4, e);
    h.writeUInt16LE(e.name.length, 26);
    return Buffer.concat([h, e.name]);
  }

  private centralHeader(e: Entry): Buffer {
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE(20, 4);
    this.common(h, 6, e);
    h.writeUInt16LE(e.name.length, 28);
    h.writeUInt32LE(e.offset, 42);
    return Buffer.concat([h, e.name]);
  }

  /** The fields local and central headers share, from `at` on: version to sizes. */
  private common(h: Buffer, at: number, e: Entry): void {
    h.writeUInt16LE(20, at); // version needed: deflate
    h.writeUInt16LE(0x0800, at + 2); // names in UTF-8
    h.writeUInt16LE(8, at + 4); // deflate
    h.writeUInt16LE(this.dosTime, at + 6);
    h.writeUInt16LE(this.dosDate, at + 8);
    h.writeUInt32LE(e.crc >>> 0, at + 10);
    h.writeUInt32LE(e.csize, at + 14);
    h.writeUInt32LE(e.size, at + 18);
  }
}

/** The texts joined into pieces of about PIECE characters (fewer, larger writes to zlib). */
function* pieces(texts: Iterable<string>): Generator<string> {
  let buffered: string[] = [];
  let length = 0;
  for (const text of texts) {
    buffered.push(text);
    length += text.length;
    if (length >= PIECE) {
      yield buffered.join('');
      buffered = [];
      length = 0;
    }
  }
  if (length > 0) yield buffered.join('');
}
