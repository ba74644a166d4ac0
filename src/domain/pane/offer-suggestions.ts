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
}

/**
 * The offers active on a day, indexed by problem area and place (both folded): ranking the offers
 * of many personas looks only at those of their areas and municipality, never at all of them.
 */
export interface OfferIndex {
  byAreaAndPlace: ReadonlyMap<string, readonly Indexed[]>;
  /** The active offers in rank order. */
  ranked: readonly Indexed[];
  /** The "why" texts made so far: few distinct ones for many suggestions. */
  whyTexts: Map<string, string>;
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
  return { byAreaAndPlace, ranked, whyTexts: new Map() };
}

/** The indexed offers for some problem areas that serve a municipality, each once. */
function candidates(region: Region, index: OfferIndex, areas: readonly string[], place: string) {
  const inRegion = region.municipalities.some((m) => foldText(m) === foldText(place));
  const places = inRegion ? [place, WHOLE_REGION] : [place];
  const found = new Set<Indexed>();
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
  const groups = new Set((persona.doelgroepen ?? []).map(foldText));
  const needsOtherLanguage =
    persona.nederlands !== null && !ENOUGH_DUTCH.has(foldText(persona.nederlands));
  // One number orders a suggestion: needs covered, then language fit, then the offer's rank
  // (waiting time, cost, name); a numeric sort of those keys is the ranking.
  const n = index.ranked.length;
  const found = candidates(region, index, areas, municipality).filter(
    (o) => o.groups.length === 0 || o.groups.some((g) => groups.has(g)),
  );
  const covered = new Map<number, number>();
  const keys = new Float64Array(found.length);
  found.forEach((o, i) => {
    const count = o.areas.filter((a) => areas.includes(a)).length;
    const fits = needsOtherLanguage && o.languages.length > 0;
    covered.set(o.rank, count);
    keys[i] = ((areas.length - count) * 2 + (fits ? 0 : 1)) * n + o.rank;
  });
  return Array.from(keys.sort(), (key) => {
    const o = index.ranked[key % n]!;
    const fits = Math.floor(key / n) % 2 === 0;
    const covers = o.offer.probleemgebieden.filter((_, i) => areas.includes(o.areas[i]!));
    const why = whyText(
      index,
      covered.get(o.rank)!,
      areas.length,
      fits ? o.languages : [],
      o.offer.wachttijd,
    );
    return { offer: o.offer, covers, why };
  });
}

function costRank(o: Offer): number {
  const i = COST_ORDER.indexOf(foldText(o.kost));
  return i < 0 ? COST_ORDER.length : i;
}

function whyText(
  index: OfferIndex,
  covered: number,
  of: number,
  languages: readonly string[],
  weeks: number,
): string {
  const key = `${covered}/${of}/${weeks}/${languages.join('\u0000')}`;
  const known = index.whyTexts.get(key);
  if (known !== undefined) return known;
  const parts = [t('match.covers', { covered, of })];
  if (languages.length > 0) {
    const named = languages.map((l) => (l === INTERPRETER ? t('match.interpreter') : l));
    parts.push(t('match.languages', { languages: named.join(', ') }));
  }
  parts.push(weeks === 0 ? t('match.no-wait') : t('match.wait', { weeks }));
  const text = parts.join('; ');
  index.whyTexts.set(key, text);
  return text;
}
