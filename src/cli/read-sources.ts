import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { OVERVIEW_KIND, type SourceInput } from '../domain/overview/sources.js';
import { refusalMessage } from '../domain/refusal-message.js';
import type { Region } from '../domain/region/schema.js';
import { validateWorkbook } from '../domain/validate.js';
import {
  DEFAULT_READ_LIMITS,
  readWorkbookFile,
  type ReadLimits,
} from '../workbook/xlsx/read-workbook.js';
import { md5, md5OfFile } from '../fs/md5.js';

// A folder on disk as the overview's sources: every .xlsx file below it, read through the
// defensive reader and validated, or refused with its Dutch message; each with its MD5 and size.
// Excel's lock files and earlier overviews are not sources: they are skipped, and said so.

export type SkipReason = 'lock-file' | 'overview' | 'output';

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

/** Every .xlsx file below `dir` (any depth), in name order. */
export async function xlsxBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.xlsx'))
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
  for (const file of await xlsxBelow(dir)) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    if (exclude.has(path.resolve(file))) {
      out.skipped.push({ path: rel, reason: 'output' });
      continue;
    }
    if (path.basename(file).startsWith('~$')) {
      out.skipped.push({ path: rel, reason: 'lock-file' });
      continue;
    }
    const read = await readWorkbookFile(file, rel, limits);
    if (!read.ok) {
      const { md5, bytes } = await hashFile(file);
      const message = refusalMessage(read.code, read.params);
      out.sources.push({ path: rel, md5, bytes, outcome: { ok: false, code: read.code, message } });
      continue;
    }
    if (read.workbook.meta?.get('kind') === OVERVIEW_KIND) {
      out.skipped.push({ path: rel, reason: 'overview' });
      continue;
    }
    out.sources.push({
      path: rel,
      md5: md5(read.bytes),
      bytes: read.bytes.length,
      outcome: { ok: true, result: validateWorkbook(read.workbook, region) },
    });
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
