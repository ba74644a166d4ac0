import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { md5 as md5Of } from '../fs/md5.js';
import { writeCheckedFile } from '../fs/write-atomic.js';

// The local cache, in the state folder's `cache/`. Two kinds of entry:
// - the bytes of every source file, under their MD5 (`<md5>.xlsx`): a file whose MD5 did not
//   change since the last sync is read from here instead of being downloaded again, once its
//   bytes are checked against that MD5 (the tracker's are patched and uploaded, never re-read);
// - derived values (a source's validated result, the summary of a run that had nothing to do),
//   each stored with the whole identity it was derived under (`key`) and a SHA-256 of its
//   content. One whose key differs, or whose bytes do not match their checksum (truncated,
//   damaged), is not used: the value is derived again.
// Only a cache: deleting it, or any entry, costs time (downloads, reading), never correctness;
// what machines share lives on the drive. Every entry is written atomically, so two runs at
// once never see half of one, and not flushed to disk first, since every read checks it. A dry
// run reads it but writes nothing, so that it changes nothing of the next run.

/** The start of a derived entry: a format mark, then the SHA-256 of the rest. */
const MARK = Buffer.from('partnerschap-cache-1\n');
const SUM_BYTES = 32;

export class ContentCache {
  private readonly dir: string;

  constructor(
    stateDir: string,
    private readonly writable = true,
  ) {
    this.dir = path.join(stateDir, 'cache');
  }

  /** The bytes kept under this MD5; null when there are none, or none that have it (damaged). */
  async get(md5: string): Promise<Buffer | null> {
    const bytes = await readFile(this.file(md5)).catch(() => null);
    return bytes !== null && md5Of(bytes) === md5 ? bytes : null;
  }

  async put(md5: string, bytes: Buffer): Promise<void> {
    if (this.writable) await writeCheckedFile(this.file(md5), bytes);
  }

  /** The value stored as `name` under exactly this key; null when there is none that can be trusted. */
  async derived<T>(name: string, key: string): Promise<T | null> {
    const bytes = readOrNull(this.derivedFile(name));
    if (bytes === null || bytes.length < MARK.length + SUM_BYTES) return null;
    if (!bytes.subarray(0, MARK.length).equals(MARK)) return null;
    const sum = bytes.subarray(MARK.length, MARK.length + SUM_BYTES);
    const body = bytes.subarray(MARK.length + SUM_BYTES);
    if (!sha256(body).equals(sum)) return null;
    try {
      const entry = deserialize(body) as { key?: unknown; value?: unknown };
      return entry.key === key ? (entry.value as T) : null;
    } catch {
      return null;
    }
  }

  /** Stores a value (serialised at once: later changes to it are not stored) as `name` under `key`. */
  async putDerived(name: string, key: string, value: unknown): Promise<void> {
    if (!this.writable) return;
    const body = serialize({ key, value });
    await writeCheckedFile(this.derivedFile(name), Buffer.concat([MARK, sha256(body), body]));
  }

  /**
   * Forgets the bytes of every MD5 not in `md5s`, and every derived entry whose name starts with
   * one of the `derived` prefixes but is not among that prefix's names.
   */
  async keepOnly(
    md5s: ReadonlySet<string>,
    derived: readonly { prefix: string; names: ReadonlySet<string> }[],
  ): Promise<void> {
    if (!this.writable) return;
    const files = await readdir(this.dir).catch(() => []);
    const goneDerived = (name: string) =>
      derived.some(({ prefix, names }) => name.startsWith(prefix) && !names.has(name));
    for (const file of files) {
      const gone = file.endsWith('.xlsx')
        ? !md5s.has(file.slice(0, -5))
        : file.endsWith(DERIVED) && goneDerived(file.slice(0, -DERIVED.length));
      if (gone) await rm(path.join(this.dir, file), { force: true });
    }
  }

  private file(md5: string): string {
    if (!/^[0-9a-f]{32}$/.test(md5)) throw new Error(`not an md5: ${md5}`);
    return path.join(this.dir, `${md5}.xlsx`);
  }

  private derivedFile(name: string): string {
    if (!/^[0-9a-z-]+$/.test(name)) throw new Error(`not a cache entry name: ${name}`);
    return path.join(this.dir, `${name}${DERIVED}`);
  }
}

const DERIVED = '.bin';

/**
 * A derived entry's bytes, read synchronously: a local file of a few kB, one per source in every
 * run, and read so they cost half the time of fs/promises (thousands of them at a time).
 */
function readOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/**
 * SHA-256 of bytes, or of text as UTF-8. Text is encoded by a TextEncoder first: the same bytes
 * as the hash's own encoding, ~2.5× faster for a string beyond Latin-1 (the overview's JSON at
 * --scale 40: ~33 ms against ~85 ms), ~10 % slower for one of Latin-1 only (Node 24).
 */
export function sha256(bytes: Uint8Array | string): Buffer {
  const data = typeof bytes === 'string' ? utf8.encode(bytes) : bytes;
  return createHash('sha256').update(data).digest();
}

const utf8 = new TextEncoder();
