import { t } from '../messages.js';
import { isActiveOn } from '../overview/active.js';
import { foldKey, listOf, numberOf, textOf } from '../overview/fields.js';
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
  /** Weeks; null when the offer states none. */
  waitWeeks: number | null;
  /** "geen wachttijd", "3 weken wachttijd". */
  waitText: string;
}

export interface OfferMatch {
  offer: Offer;
  card: OfferCard;
}

/** A language offer with an interpreter serves every language. */
const INTERPRETER = 'Tolk mogelijk';
const SEARCHED_TEXT = ['naam', 'partner', 'omschrijving', 'dienstverlening', 'voorwaarden'];

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
  const has = (field: string, value: string, alsoOk: string[] = []) => {
    const listed = listOf(o, field).map(foldKey);
    return [value, ...alsoOk].some((v) => listed.includes(foldKey(v)));
  };
  const wait = numberOf(o, 'wachttijd');
  return (
    (!given(q.probleemgebied) || has('probleemgebieden', q.probleemgebied)) &&
    (!given(q.gemeente) || servesMunicipality(o, q.gemeente, region)) &&
    // An offer that names no target group is open to all.
    (!given(q.doelgroep) ||
      listOf(o, 'doelgroepen').length === 0 ||
      has('doelgroepen', q.doelgroep)) &&
    (!given(q.taal) || has('talen', q.taal, [INTERPRETER])) &&
    (q.maxWachttijdWeken === undefined || (wait !== null && wait <= q.maxWachttijdWeken)) &&
    (!given(q.tekst) || containsWords(o, q.tekst))
  );
}

/** The offer lists the municipality or the whole region (which serves every municipality). */
export function servesMunicipality(o: Offer, municipality: string, region: Region): boolean {
  const places = listOf(o, 'gemeenten').map(foldKey);
  const wanted = foldKey(municipality);
  const inRegion = region.municipalities.some((m) => foldKey(m) === wanted);
  return places.includes(wanted) || (inRegion && places.includes(foldKey(WHOLE_REGION)));
}

function containsWords(o: Offer, text: string): boolean {
  const haystack = foldKey(SEARCHED_TEXT.flatMap((f) => listOf(o, f)).join(' '));
  return foldKey(text)
    .split(' ')
    .every((word) => haystack.includes(word));
}

function given(v: string | undefined): v is string {
  return v !== undefined && v.trim() !== '';
}

export function offerCard(o: Offer): OfferCard {
  const waitWeeks = numberOf(o, 'wachttijd');
  return {
    title: textOf(o, 'naam') ?? '',
    partner: textOf(o, 'partner') ?? '',
    description: textOf(o, 'omschrijving') ?? '',
    contact: {
      name: textOf(o, 'contact') ?? '',
      email: textOf(o, 'email') ?? '',
      phone: textOf(o, 'telefoon'),
    },
    areas: listOf(o, 'probleemgebieden'),
    municipalities: listOf(o, 'gemeenten'),
    languages: listOf(o, 'talen'),
    cost: textOf(o, 'kost') ?? '',
    waitWeeks,
    waitText: waitText(waitWeeks),
  };
}

function waitText(weeks: number | null): string {
  if (weeks === null) return t('offer-card.wait-unknown');
  if (weeks === 0) return t('offer-card.wait-none');
  return t(weeks === 1 ? 'offer-card.wait-week' : 'offer-card.wait-weeks', {
    weeks: dutchNumber(weeks),
  });
}
