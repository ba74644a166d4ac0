import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { intakeByName, type SkipReason as NameSkip } from '../domain/file-intake.js';
import type { SourceInput } from '../domain/overview/sources.js';
import type { Region } from '../domain/region/schema.js';
import { OVERVIEW_KIND } from '../domain/workbook-kinds.js';
import { md5, md5OfFile } from '../fs/md5.js';
import { sourceOutcome } from '../workbook/xlsx/read-source.js';
import {
  DEFAULT_READ_LIMITS,
  readWorkbookFile,
  type ReadLimits,
} from '../workbook/xlsx/read-workbook.js';

// A folder on disk as the overview's sources: every file below it, taken in by name as the sync
// takes in a drive's files (file-intake.ts): workbooks read through the defensive reader and
// validated, other spreadsheet formats refused with their Dutch message, each with its MD5 and
// size. Lock files, files that are no spreadsheet and earlier overviews are skipped, and said so.

export type SkipReason = NameSkip | 'overview' | 'output';

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

/** Every file below `dir` (any depth), in name order. */
export async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort((a, b) => a.localeCompare(b, 'nl-BE'));
}

export async function readSources(
  dir: string,
  region: Region,
  o: ReadSourcesOptions = {},
): Promise<ReadSources> {
  const exclude = new Set((o.exclude ?? []).map((f) => path.resolve(f)));
  const limits = o.limits ?? DEFAULT_READ_LIMITS;
  const out: ReadSources = { sources: [], skipped: [] };
  for (const file of await filesBelow(dir)) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    if (exclude.has(path.resolve(file))) {
      out.skipped.push({ path: rel, reason: 'output' });
      continue;
    }
    const byName = intakeByName(path.basename(file));
    if (!byName.read) {
      if ('skip' in byName) out.skipped.push({ path: rel, reason: byName.skip });
      else {
        const outcome = { ok: false as const, refusal: byName.refusal };
        out.sources.push({ path: rel, ...(await hashFile(file)), outcome });
      }
      continue;
    }
    const read = await readWorkbookFile(file, rel, limits);
    if (read.ok && read.workbook.meta?.get('kind') === OVERVIEW_KIND) {
      out.skipped.push({ path: rel, reason: 'overview' });
      continue;
    }
    const sum = read.ok ? { md5: md5(read.bytes), bytes: read.bytes.length } : await hashFile(file);
    out.sources.push({ path: rel, ...sum, outcome: sourceOutcome(read, region) });
  }
  return out;
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
