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
  covers: readonly string[];
  /** Dutch, e.g. "dekt 2 van 3 noden; ook in het Arabisch; wacht 3 weken". */
  why: string;
}

/**
 * The offers that fit a persona, ranked. Ranking is one numeric sort; the suggestions are made
 * (and explained) only for the part asked for: the pane shows the first few until "toon alle",
 * and ranking many personas need not explain hundreds of offers each.
 */
export interface RankedOffers {
  /** How many offers fit. */
  readonly count: number;
  /** The first `n` in rank order (all when absent), each with its covered areas and why. */
  first(n?: number): OfferSuggestion[];
}

/** Dutch good enough to follow an offer given in Dutch only. */
const ENOUGH_DUTCH = new Set(['B1', 'B2 of hoger', 'Moedertaal'].map(foldText));
const INTERPRETER = 'Tolk mogelijk';
const COST_ORDER = ['Gratis', 'Bijdrage naar draagkracht', 'Betalend'].map(foldText);

/** An offer as the ranking compares it: its words folded once, not once per persona. */
interface Indexed {
  offer: Offer;
  areas: string[];
  /** Folded target groups; empty: open to all. */
  groups: string[];
  /** Its languages other than Dutch, as typed. */
  languages: string[];
  /** Its place among the active offers by waiting time, then cost, then name (nl-BE). */
  rank: number;
  /** Its "why" texts made so far, by whyKey: few distinct ones for many personas. */
  why: Map<number, string>;
}

/**
 * The offers active on a day, indexed by problem area and place (both folded): ranking the offers
 * of many personas looks only at those of their areas and municipality, never at all of them.
 */
export interface OfferIndex {
  byAreaAndPlace: ReadonlyMap<string, readonly Indexed[]>;
  /** The active offers in rank order. */
  ranked: readonly Indexed[];
}

const indexKey = (area: string, place: string) => JSON.stringify([foldText(area), foldText(place)]);

export function indexOffers(offers: readonly Offer[], day: Date): OfferIndex {
  const byName = new Intl.Collator('nl-BE').compare;
  const ranked = offers
    .filter((o) => isActiveOn(o, day))
    .sort(
      (a, b) => a.wachttijd - b.wachttijd || costRank(a) - costRank(b) || byName(a.naam, b.naam),
    )
    .map((offer, rank): Indexed => ({
      offer,
      areas: offer.probleemgebieden.map(foldText),
      groups: (offer.doelgroepen ?? []).map(foldText),
      languages: offer.talen.filter((l) => foldText(l) !== 'nederlands'),
      rank,
      why: new Map(),
    }));
  const byAreaAndPlace = new Map<string, Indexed[]>();
  for (const entry of ranked) {
    for (const area of entry.offer.probleemgebieden) {
      for (const place of entry.offer.gemeenten) {
        const key = indexKey(area, place);
        const list = byAreaAndPlace.get(key);
        if (list === undefined) byAreaAndPlace.set(key, [entry]);
        else list.push(entry);
      }
    }
  }
  return { byAreaAndPlace, ranked };
}

/** The indexed offers for some problem areas that serve a municipality, each once. */
function candidates(region: Region, index: OfferIndex, areas: readonly string[], place: string) {
  const inRegion = region.municipalities.some((m) => foldText(m) === foldText(place));
  const places = inRegion ? [place, WHOLE_REGION] : [place];
  const found = new Set<Indexed>();
  for (const area of areas) {
    for (const p of places) {
      for (const o of index.byAreaAndPlace.get(indexKey(area, p)) ?? []) found.add(o);
    }
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
): RankedOffers {
  const areas = [...new Set(needAreas.map(foldText))];
  const groups = new Set((persona.doelgroepen ?? []).map(foldText));
  const needsOtherLanguage =
    persona.nederlands !== null && !ENOUGH_DUTCH.has(foldText(persona.nederlands));
  // One number orders a suggestion: needs covered, then language fit, then the offer's rank
  // (waiting time, cost, name); a numeric sort of those keys is the ranking.
  const n = index.ranked.length;
  const found = candidates(region, index, areas, municipality).filter(
    (o) => o.groups.length === 0 || o.groups.some((g) => groups.has(g)),
  );
  const keys = new Float64Array(found.length);
  found.forEach((o, i) => {
    let count = 0;
    for (const a of o.areas) if (areas.includes(a)) count++;
    const fits = needsOtherLanguage && o.languages.length > 0;
    keys[i] = ((areas.length - count) * 2 + (fits ? 0 : 1)) * n + o.rank;
  });
  keys.sort();
  const suggestion = (key: number): OfferSuggestion => {
    const o = index.ranked[key % n]!;
    const order = Math.floor(key / n);
    const count = areas.length - Math.floor(order / 2);
    const fits = order % 2 === 0;
    // An offer whose every area the persona needs covers them all: its own list, not a copy.
    const covers =
      count === o.areas.length
        ? o.offer.probleemgebieden
        : o.offer.probleemgebieden.filter((_, i) => areas.includes(o.areas[i]!));
    return { offer: o.offer, covers, why: whyText(o, count, areas.length, fits) };
  };
  return {
    count: keys.length,
    first: (limit = keys.length) => Array.from(keys.subarray(0, limit), suggestion),
  };
}

function costRank(o: Offer): number {
  const i = COST_ORDER.indexOf(foldText(o.kost));
  return i < 0 ? COST_ORDER.length : i;
}

/** "dekt 2 van 3 noden; ook in het Arabisch; wacht 3 weken", made once per offer and key. */
function whyText(o: Indexed, covered: number, of: number, fits: boolean): string {
  const key = (of * 1024 + covered) * 2 + (fits ? 1 : 0);
  const known = o.why.get(key);
  if (known !== undefined) return known;
  const languages = fits ? o.languages : [];
  const weeks = o.offer.wachttijd;
  const parts = [t('match.covers', { covered, of })];
  if (languages.length > 0) {
    const named = languages.map((l) => (l === INTERPRETER ? t('match.interpreter') : l));
    parts.push(t('match.languages', { languages: named.join(', ') }));
  }
  parts.push(weeks === 0 ? t('match.no-wait') : t('match.wait', { weeks }));
  const text = parts.join('; ');
  o.why.set(key, text);
  return text;
}
