import { t } from '../messages.js';
import { isActiveOn } from '../overview/active.js';
import { foldText } from '../fold.js';
import { dutchNumber } from '../overview/records.js';
import type { Region } from '../region/schema.js';
import { WHOLE_REGION } from '../vocabularies.js';
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
    (!given(q.tekst) || containsWords(o, q.tekst))
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

function containsWords(o: Offer, text: string): boolean {
  const haystack = foldText(SEARCHED_TEXT.flatMap((f) => o[f] ?? []).join(' '));
  return foldText(text)
    .split(' ')
    .every((word) => haystack.includes(word));
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
