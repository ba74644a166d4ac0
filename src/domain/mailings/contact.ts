import { aanbodLayout, kandidatuurLayout } from '../layouts.js';
import type { SourceInput } from '../overview/sources.js';
import type { Region } from '../region/schema.js';
import { sheetOf } from '../validate.js';
import { z } from 'zod';

// Whom a source's mail goes to: the contact address its own rows give (offer and candidacy
// templates ask for one), or for a municipality's workbook the address the region names for it,
// else the one its _meta names (the region's word comes first: the coordinator keeps it).

export function contactOf(region: Region, source: SourceInput): string | null {
  if (!source.outcome.ok) return null;
  const { result } = source.outcome;
  if (result.meta?.kind === 'gemeente') {
    return region.municipalityContacts?.[result.meta.owner] ?? emailOrNull(result.meta.contact);
  }
  for (const layout of [kandidatuurLayout, aanbodLayout]) {
    const sheet = sheetOf(result, layout);
    // A refused row still gives its address if that cell itself was valid.
    const rows = [...(sheet?.taken ?? []), ...(sheet?.refused ?? [])].sort((a, b) => a.row - b.row);
    const found = rows.map((r) => r.record.email).find((e) => typeof e === 'string');
    if (found !== undefined) return found;
  }
  return null;
}

/** A typed address is used only when it is one: a slip in _meta is "no address", reported. */
function emailOrNull(raw: string | undefined): string | null {
  return z.email().safeParse(raw).success ? raw! : null;
}
