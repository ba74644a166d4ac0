import { t } from '../messages.js';
import { parseRegion } from './parse.js';
import type { Region } from './schema.js';

// The region a workbook belongs to travels with it: its _meta names the region's id. The add-in
// has one built-in region; any other is loaded by id (in the add-in: regions/<id>.json next to
// the pages). A workbook of a region the add-in does not know is never checked against the
// wrong vocabulary: the choice fails with a Dutch message instead.

export type RegionChoice =
  | { ok: true; region: Region }
  /** `known`: the add-in has a definition for the id, but it cannot be used. */
  | { ok: false; id: string; known: boolean; message: string };

/** Loads a region definition by id: its JSON, or null when there is none with that id. */
export type RegionLoader = (id: string) => Promise<unknown>;

/** The region id a workbook's _meta names, or null for one that names none. */
function regionIdOf(meta: ReadonlyMap<string, string> | null): string | null {
  return meta?.get('region')?.trim() || null;
}

/**
 * Refuses, in Dutch, to set up or upgrade a workbook with a region other than the one its _meta
 * names: a workbook whose region could not be loaded is never relabelled with the built-in one.
 */
export function checkSetUpRegion(meta: ReadonlyMap<string, string> | null, region: Region): void {
  const id = regionIdOf(meta);
  if (id !== null && id !== region.id) {
    throw new Error(t('region.setup-other', { id, region: region.name }));
  }
}

export async function regionOfWorkbook(
  meta: ReadonlyMap<string, string> | null,
  builtIn: Region,
  load: RegionLoader,
): Promise<RegionChoice> {
  const id = regionIdOf(meta) ?? builtIn.id;
  if (id === builtIn.id) return { ok: true, region: builtIn };
  const unknown = {
    ok: false as const,
    id,
    known: false,
    message: t('region.workbook-unknown', { id }),
  };
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) return unknown;
  const json = await load(id);
  if (json === null) return unknown;
  const parsed = parseRegion(json);
  if (!parsed.ok) {
    const errors = parsed.errors.join(' ');
    return { ok: false, id, known: true, message: t('region.workbook-invalid', { id, errors }) };
  }
  if (parsed.region.id !== id) {
    const found = parsed.region.id;
    return { ok: false, id, known: true, message: t('region.workbook-mismatch', { id, found }) };
  }
  return { ok: true, region: parsed.region };
}
