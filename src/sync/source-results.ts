import { layouts } from '../domain/layouts.js';
import type { SourceInput } from '../domain/overview/sources.js';
import type { Region } from '../domain/region/schema.js';
import type { ReadLimits } from '../workbook/xlsx/read-limits.js';
import { sha256, type ContentCache } from './cache.js';
import { derivationIdentity } from './program-version.js';

// Each source's validated result (its records and issues: all the overview's merge needs of one
// file), kept in the local cache under the file's MD5, its path on the drive (messages name it),
// and the derivation identity (program version, region, read limits). A file whose MD5 did not
// change is then neither read nor validated again. Stored as validation left it, before the
// run settles duplicates across sources (settleSources changes results in place).

type Outcome = SourceInput['outcome'];

/** Every result entry's name starts so: keepOnly tells them from the other entries. */
export const RESULT_PREFIX = 'result-';

export class SourceResults {
  /** The entries this run used or wrote, to keep when the cache is pruned. */
  readonly used = new Set<string>();

  private constructor(
    private readonly cache: ContentCache,
    private readonly identity: string,
  ) {}

  static open(cache: ContentCache, region: Region, limits: ReadLimits) {
    return new SourceResults(cache, derivationIdentity(region, limits));
  }

  async get(md5: string, drivePath: string): Promise<Outcome | null> {
    const { name, key } = this.entry(md5, drivePath);
    const stored = await this.cache.derived<Stored>(name, key);
    const outcome = stored && revive(stored);
    if (outcome) this.used.add(name);
    return outcome;
  }

  async put(md5: string, drivePath: string, outcome: Outcome): Promise<void> {
    const { name, key } = this.entry(md5, drivePath);
    this.used.add(name);
    await this.cache.putDerived(name, key, storable(outcome));
  }

  private entry(md5: string, drivePath: string) {
    return derivedEntry(RESULT_PREFIX, this.identity, md5, drivePath);
  }
}

/**
 * A cache entry of what was derived from one version of one file: its name (the prefix, the MD5
 * and a hash of the key, so that two regions sharing a cache keep an entry each) and its key.
 */
export function derivedEntry(prefix: string, identity: string, md5: string, drivePath: string) {
  const key = JSON.stringify([identity, md5, drivePath]);
  return { name: `${prefix}${md5}-${sha256(key).toString('hex').slice(0, 16)}`, key };
}

/** A result with each sheet's layout by id: the layouts themselves are the program's. */
export type Stored =
  | Extract<Outcome, { ok: false }>
  | { ok: true; result: Omit<Result, 'sheets'> & { sheets: StoredSheet[] } };
type Result = Extract<Outcome, { ok: true }>['result'];
type StoredSheet = Omit<Result['sheets'][number], 'layout'> & { layout: string };

/** A result as stored: each sheet's layout by its id. */
export function storable(outcome: Outcome): Stored {
  if (!outcome.ok) return outcome;
  const { result } = outcome;
  const sheets = result.sheets.map((s) => ({ ...s, layout: s.layout.id }));
  return { ok: true, result: { ...result, sheets } };
}

/** A stored result with its layouts again; null when one is no longer the program's. */
export function revive(stored: Stored): Outcome | null {
  if (!stored.ok) return stored;
  const sheets: Result['sheets'] = [];
  for (const s of stored.result.sheets) {
    const layout = layouts.find((l) => l.id === s.layout);
    if (layout === undefined) return null;
    sheets.push({ ...s, layout } as Result['sheets'][number]);
  }
  return { ok: true, result: { ...stored.result, sheets } };
}
