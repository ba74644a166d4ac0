import type { RawWorkbook } from '../cells.js';
import { foldText } from '../fold.js';
import { noodLayout, personaLayout } from '../layouts.js';
import { canonicalMunicipality } from '../overview/municipality.js';
import type { Region } from '../region/schema.js';
import { rowsOf, type ValidationResult } from '../validate.js';
import { copiedOffers } from './offer-inventory.js';
import { offerStatus, type OfferStatus } from './offer-status.js';
import { indexOffers, suggestOffers, type OfferSuggestion } from './offer-suggestions.js';

// "Passend aanbod" for the persona open in the pane: the persona and its needs as the workbook
// holds them (a refused row too: the user is mending it), the workbook's municipality and its
// Aanbod copy, ranked by suggestOffers. Why the list is empty is part of the answer.

export type PersonaOffers =
  /** No offers loaded yet: nothing can be said about what fits. */
  | { state: 'not-loaded' }
  | { state: 'no-municipality'; offers: OfferStatus }
  | { state: 'no-needs'; offers: OfferStatus }
  | { state: 'none'; offers: OfferStatus; municipality: string; areas: string[] }
  | {
      state: 'found';
      offers: OfferStatus;
      suggestions: OfferSuggestion[];
      /** The persona's problem areas that no suggested offer covers. */
      uncovered: string[];
    };

export function personaOffers(
  wb: RawWorkbook,
  result: ValidationResult,
  region: Region,
  personaId: string,
  day: Date,
): PersonaOffers {
  const copied = copiedOffers(wb, region);
  const offers = offerStatus(wb.meta, copied.length, day);
  if (!offers.loaded) return { state: 'not-loaded' };
  const municipality = canonicalMunicipality(region.municipalities, result.meta?.owner ?? '');
  if (municipality === null) return { state: 'no-municipality', offers };
  const id = personaId.trim();
  const areas = rowsOf(result, noodLayout).flatMap(({ record }) =>
    record.persona?.trim() === id && record.probleemgebied !== null ? [record.probleemgebied] : [],
  );
  if (areas.length === 0) return { state: 'no-needs', offers };
  const persona = rowsOf(result, personaLayout).find((r) => r.record.id?.trim() === id)?.record;
  const suggestions = suggestOffers(
    region,
    { nederlands: persona?.nederlands ?? null, doelgroepen: persona?.doelgroepen ?? null },
    areas,
    municipality,
    indexOffers(copied, day),
  ).first();
  const unique = [...new Map(areas.map((a) => [foldText(a), a])).values()];
  if (suggestions.length === 0) return { state: 'none', offers, municipality, areas: unique };
  const covered = new Set(suggestions.flatMap((s) => s.covers.map(foldText)));
  const uncovered = unique.filter((a) => !covered.has(foldText(a)));
  return { state: 'found', offers, suggestions, uncovered };
}
