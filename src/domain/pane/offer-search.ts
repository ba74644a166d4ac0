import { t } from '../messages.js';
import { isActiveOn } from '../overview/active.js';
import { foldForSearch, foldText } from '../fold.js';
import { dutchNumber } from '../overview/records.js';
import type { Region } from '../region/schema.js';
import { WHOLE_REGION } from '../vocabularies.js';
import { areaNames, valuesNamed } from '../vocabulary-words.js';
import type { Offer } from './offer-inventory.js';

// Searching the offers in the task pane: every criterion given must hold, only offers active on
// the day count, and each match comes with the card the pane shows.

export interface OfferQuery {
  probleemgebied?: string;
  gemeente?: string;
  doelgroep?: string;
  taal?: string;
  maxWachttijdWeken?: number;
  /** Words to find in the name, partner, description, services or conditions. */
  tekst?: string;
}

export interface OfferCard {
  title: string;
  partner: string;
  description: string;
  contact: { name: string; email: string; phone: string | null };
  areas: string[];
  municipalities: string[];
  languages: string[];
  cost: string;
  /** Weeks (a required column: every offer states it). */
  waitWeeks: number;
  /** "geen wachttijd", "3 weken wachttijd". */
  waitText: string;
}

export interface OfferMatch {
  offer: Offer;
  card: OfferCard;
}

/** A language offer with an interpreter serves every language. */
const INTERPRETER = 'Tolk mogelijk';
const SEARCHED_TEXT = [
  'naam',
  'partner',
  'omschrijving',
  'dienstverlening',
  'voorwaarden',
] as const;

export function searchOffers(
  offers: readonly Offer[],
  query: OfferQuery,
  region: Region,
  day: Date,
): OfferMatch[] {
  return offers
    .filter((o) => isActiveOn(o, day) && matches(o, query, region))
    .map((offer) => ({ offer, card: offerCard(offer) }));
}

function matches(o: Offer, q: OfferQuery, region: Region): boolean {
  const has = (values: readonly string[], value: string, alsoOk: string[] = []) => {
    const listed = values.map(foldText);
    return [value, ...alsoOk].some((v) => listed.includes(foldText(v)));
  };
  const wait = o.wachttijd;
  return (
    (!given(q.probleemgebied) || has(o.probleemgebieden, q.probleemgebied)) &&
    (!given(q.gemeente) || servesMunicipality(o, q.gemeente, region)) &&
    // An offer that names no target group is open to all.
    (!given(q.doelgroep) ||
      (o.doelgroepen ?? []).length === 0 ||
      has(o.doelgroepen ?? [], q.doelgroep)) &&
    (!given(q.taal) || has(o.talen, q.taal, [INTERPRETER])) &&
    (q.maxWachttijdWeken === undefined || wait <= q.maxWachttijdWeken) &&
    (!given(q.tekst) || containsWords(o, q.tekst, region))
  );
}

/** The offer lists the municipality or the whole region (which serves every municipality). */
export function servesMunicipality(
  o: Pick<Offer, 'gemeenten'>,
  municipality: string,
  region: Region,
): boolean {
  const places = o.gemeenten.map(foldText);
  const wanted = foldText(municipality);
  const inRegion = region.municipalities.some((m) => foldText(m) === wanted);
  return places.includes(wanted) || (inRegion && places.includes(foldText(WHOLE_REGION)));
}

/**
 * Every word is in the offer's own text, or names a problem area the offer covers: by its
 * label, its service types or the words people use for it (the region's synonyms), so
 * "schulden" finds the offers for "Administratie en financiën". Accents and case do not count.
 */
function containsWords(o: Offer, text: string, region: Region): boolean {
  const own = foldForSearch(SEARCHED_TEXT.flatMap((f) => o[f] ?? []).join(' '));
  const covered = new Set(o.probleemgebieden.map(foldText));
  const areaText = areaNames(region)
    .filter((a) => covered.has(foldText(a.value)))
    .flatMap((a) => a.names)
    .join(' ');
  return foldForSearch(text)
    .split(' ')
    .filter((word) => word !== '')
    .every((word) => own.includes(word) || areaText.includes(word));
}

/** What to say when a search finds nothing: the areas its words name, or what to try. */
export function noMatchHint(region: Region, text: string): string {
  const areas = text.trim() === '' ? [] : areasNamed(region, text);
  if (areas.length > 0) return t('pane.offers-none-areas', { areas: areas.join(', ') });
  return t('pane.offers-none-try');
}

/** The problem areas a search text names by label, service type or synonym ([] when none). */
export function areasNamed(region: Region, text: string): string[] {
  return valuesNamed(areaNames(region), text);
}

function given(v: string | undefined): v is string {
  return v !== undefined && v.trim() !== '';
}

export function offerCard(o: Offer): OfferCard {
  return {
    title: o.naam,
    partner: o.partner,
    description: o.omschrijving,
    contact: { name: o.contact, email: o.email, phone: o.telefoon },
    areas: o.probleemgebieden,
    municipalities: o.gemeenten,
    languages: o.talen,
    cost: o.kost,
    waitWeeks: o.wachttijd,
    waitText: waitText(o.wachttijd),
  };
}

function waitText(weeks: number): string {
  if (weeks === 0) return t('offer-card.wait-none');
  return t(weeks === 1 ? 'offer-card.wait-week' : 'offer-card.wait-weeks', {
    weeks: dutchNumber(weeks),
  });
}
