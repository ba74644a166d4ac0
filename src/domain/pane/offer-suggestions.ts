import { foldText } from '../fold.js';
import type { Persona } from '../layouts.js';
import { t } from '../messages.js';
import { isActiveOn } from '../overview/active.js';
import type { Region } from '../region/schema.js';
import { WHOLE_REGION } from '../vocabularies.js';
import type { Offer } from './offer-inventory.js';

// "Passend aanbod" for a persona: the active offers in its municipality (or region-wide) that
// cover at least one of its needs' problem areas and are open to its target groups, ranked by
// how many of its needs they cover, then language fit, then waiting time, then cost; each says
// why it is suggested. Pure: the pane shows it, the overview can use it too.

export interface OfferSuggestion {
  offer: Offer;
  /** The persona's problem areas the offer covers. */
  covers: string[];
  /** Dutch, e.g. "dekt 2 van 3 noden; ook in het Arabisch; wacht 3 weken". */
  why: string;
}

/** Dutch good enough to follow an offer given in Dutch only. */
const ENOUGH_DUTCH = new Set(['B1', 'B2 of hoger', 'Moedertaal'].map(foldText));
const INTERPRETER = 'Tolk mogelijk';
const COST_ORDER = ['Gratis', 'Bijdrage naar draagkracht', 'Betalend'].map(foldText);

/**
 * The offers active on a day, indexed by problem area and place (both folded): ranking the offers
 * of many personas looks only at those of their areas and municipality, never at all of them.
 */
export interface OfferIndex {
  byAreaAndPlace: ReadonlyMap<string, readonly Offer[]>;
}

const indexKey = (area: string, place: string) => JSON.stringify([foldText(area), foldText(place)]);

export function indexOffers(offers: readonly Offer[], day: Date): OfferIndex {
  const byAreaAndPlace = new Map<string, Offer[]>();
  for (const o of offers) {
    if (!isActiveOn(o, day)) continue;
    for (const area of o.probleemgebieden) {
      for (const place of o.gemeenten) {
        const key = indexKey(area, place);
        byAreaAndPlace.set(key, [...(byAreaAndPlace.get(key) ?? []), o]);
      }
    }
  }
  return { byAreaAndPlace };
}

/** The indexed offers for some problem areas that serve a municipality, each once. */
function candidates(region: Region, index: OfferIndex, areas: readonly string[], place: string) {
  const inRegion = region.municipalities.some((m) => foldText(m) === foldText(place));
  const places = inRegion ? [place, WHOLE_REGION] : [place];
  const found = new Set<Offer>();
  for (const area of areas) {
    for (const p of places)
      index.byAreaAndPlace.get(indexKey(area, p))?.forEach((o) => found.add(o));
  }
  return [...found];
}

export function suggestOffers(
  region: Region,
  /** `nederlands` null: the level is not known (a refused row), so no offer is a language fit. */
  persona: { nederlands: Persona['nederlands'] | null; doelgroepen: Persona['doelgroepen'] },
  needAreas: readonly string[],
  municipality: string,
  index: OfferIndex,
): OfferSuggestion[] {
  const areas = [...new Set(needAreas.map(foldText))];
  const groups = (persona.doelgroepen ?? []).map(foldText);
  const needsOtherLanguage =
    persona.nederlands !== null && !ENOUGH_DUTCH.has(foldText(persona.nederlands));
  return candidates(region, index, areas, municipality)
    .filter(
      (o) =>
        (o.doelgroepen ?? []).length === 0 ||
        o.doelgroepen!.some((g) => groups.includes(foldText(g))),
    )
    .map((offer) => {
      const covers = offer.probleemgebieden.filter((a) => areas.includes(foldText(a)));
      const languages = offer.talen.filter((l) => foldText(l) !== 'nederlands');
      const fits = needsOtherLanguage && languages.length > 0;
      return { offer, covers, fits, languages };
    })
    .sort(
      (a, b) =>
        b.covers.length - a.covers.length ||
        Number(b.fits) - Number(a.fits) ||
        a.offer.wachttijd - b.offer.wachttijd ||
        costRank(a.offer) - costRank(b.offer) ||
        a.offer.naam.localeCompare(b.offer.naam, 'nl-BE'),
    )
    .map(({ offer, covers, fits, languages }) => ({
      offer,
      covers,
      why: whyText(covers.length, areas.length, fits ? languages : [], offer.wachttijd),
    }));
}

function costRank(o: Offer): number {
  const i = COST_ORDER.indexOf(foldText(o.kost));
  return i < 0 ? COST_ORDER.length : i;
}

function whyText(covered: number, of: number, languages: string[], weeks: number): string {
  const parts = [t('match.covers', { covered, of })];
  if (languages.length > 0) {
    const named = languages.map((l) => (l === INTERPRETER ? t('match.interpreter') : l));
    parts.push(t('match.languages', { languages: named.join(', ') }));
  }
  parts.push(weeks === 0 ? t('match.no-wait') : t('match.wait', { weeks }));
  return parts.join('; ');
}
