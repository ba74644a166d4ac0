import { readdir, stat } from 'node:fs/promises';
import { fsRefusal, type FsRefusal } from '../fs/fs-refusal.js';
import path from 'node:path';
import { intakeByName, type SkipReason as NameSkip } from '../domain/file-intake.js';
import type { SourceInput } from '../domain/overview/sources.js';
import type { Region } from '../domain/region/schema.js';
import { OVERVIEW_KIND } from '../domain/workbook-kinds.js';
import { md5, md5OfFile } from '../fs/md5.js';
import { sourceOutcome } from '../workbook/xlsx/read-source.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../workbook/xlsx/read-limits.js';
import { readWorkbookFiles, type ReadResult } from '../workbook/xlsx/read-workbook.js';

// A folder on disk as the overview's sources: every file below it, taken in by name as the sync
// takes in a drive's files (file-intake.ts): workbooks read through the defensive reader and
// validated, other spreadsheet formats refused with their Dutch message, each with its MD5 and
// size. Lock files, files that are no spreadsheet and earlier overviews are skipped, and said so.

export type SkipReason = NameSkip | 'link' | 'overview' | 'output';

export interface SkippedFile {
  path: string;
  reason: SkipReason;
}

export interface ReadSources {
  sources: SourceInput[];
  skipped: SkippedFile[];
}

export interface ReadSourcesOptions {
  /** Files never to read (absolute or relative to the working folder), e.g. the output itself. */
  exclude?: readonly string[];
  limits?: ReadLimits;
}

export interface FolderListing {
  /** Every file below the folder (any depth), in name order. */
  files: string[];
  /** Symbolic links: skipped, as the sync skips them on a folder drive. */
  links: string[];
  /** Folders below it that could not be read: not empty, unknown. */
  unreadable: { path: string; refusal: FsRefusal }[];
}

/** Every file below `dir`; a folder that cannot be read is reported, and the others still listed. */
export async function filesBelow(dir: string): Promise<FolderListing> {
  const out: FolderListing = { files: [], links: [], unreadable: [] };
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch((err: unknown) => {
      out.unreadable.push({ path: folder, refusal: fsRefusal(err) });
      return [];
    });
    for (const e of entries) {
      const full = path.join(folder, e.name);
      // Hidden folders: the sync's own memory (.partnerschap/), a client's metadata.
      if (e.isDirectory()) {
        if (!e.name.startsWith('.')) await walk(full);
      } else if (e.isSymbolicLink()) out.links.push(full);
      else if (e.isFile()) out.files.push(full);
    }
  };
  await walk(dir);
  // One collator: localeCompare with a locale builds one for every comparison.
  const byName = new Intl.Collator('nl-BE').compare;
  out.files.sort(byName);
  out.links.sort(byName);
  return out;
}

export async function readSources(
  dir: string,
  region: Region,
  o: ReadSourcesOptions = {},
): Promise<ReadSources> {
  const exclude = new Set((o.exclude ?? []).map((f) => path.resolve(f)));
  const limits = o.limits ?? DEFAULT_READ_LIMITS;
  const out: ReadSources = { sources: [], skipped: [] };
  const relative = (p: string) => path.relative(dir, p).split(path.sep).join('/');
  const listing = await filesBelow(dir);
  for (const { path: folder, refusal } of listing.unreadable) {
    out.sources.push({
      path: `${relative(folder)}/`,
      md5: '',
      bytes: 0,
      outcome: { ok: false, refusal },
    });
  }
  for (const link of listing.links) out.skipped.push({ path: relative(link), reason: 'link' });
  const files = listing.files.map((file) => ({
    path: file,
    name: relative(file),
    byName: exclude.has(path.resolve(file)) ? null : intakeByName(path.basename(file)),
  }));
  const reads = readWorkbookFiles(
    files.filter((f) => f.byName?.read === true),
    limits,
  );
  for (const { path: file, name: rel, byName } of files) {
    if (byName === null) {
      out.skipped.push({ path: rel, reason: 'output' });
      continue;
    }
    if (!byName.read) {
      if ('skip' in byName) out.skipped.push({ path: rel, reason: byName.skip });
      else {
        const outcome = { ok: false as const, refusal: byName.refusal };
        out.sources.push({
          path: rel,
          ...(await hashFile(file)),
          ...(await modifiedOf(file)),
          outcome,
        });
      }
      continue;
    }
    const read = (await reads.next()).value as ReadResult;
    if (read.ok && read.workbook.meta?.get('kind') === OVERVIEW_KIND) {
      out.skipped.push({ path: rel, reason: 'overview' });
      continue;
    }
    const sum = read.ok ? { md5: md5(read.bytes), bytes: read.bytes.length } : await hashFile(file);
    out.sources.push({
      path: rel,
      ...sum,
      // The reader's own look at the file gave its time: no second stat.
      ...(read.ok && read.modified ? { modified: read.modified } : await modifiedOf(file)),
      outcome: sourceOutcome(read, region),
    });
  }
  return out;
}

/** When the file last changed (its mtime), as a drive listing gives it. */
async function modifiedOf(file: string): Promise<{ modified?: Date }> {
  return stat(file).then(
    (info) => ({ modified: info.mtime }),
    () => ({}),
  );
}

/** MD5 and size of a file that was refused, streamed (it may be far too large to hold). */
async function hashFile(file: string): Promise<{ md5: string; bytes: number }> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return { md5: '', bytes: 0 };
    return { md5: await md5OfFile(file), bytes: info.size };
  } catch {
    return { md5: '', bytes: 0 };
  }
}
