import { readFile } from 'node:fs/promises';
import { t } from '../domain/messages.js';
import { leieSchelde } from '../domain/region/leie-schelde.js';
import type { Region } from '../domain/region/schema.js';
import { UsageError } from './usage-error.js';

/** The region of --region FILE, or the default Leie & Schelde. A wrong file is a usage error. */
export async function loadRegion(file: string | undefined): Promise<Region> {
  if (file === undefined) return leieSchelde;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new UsageError(t('region.unreadable', { file, reason }));
  }
  // The schema (and its library) only for a region file: the default needs no checking here.
  const { parseRegion } = await import('../domain/region/parse.js');
  const parsed = parseRegion(json);
  if (!parsed.ok)
    throw new UsageError([t('region.invalid', { file }), ...parsed.errors].join('\n'));
  return parsed.region;
}
