import type { Region } from './region/schema.js';

// Fixed lists that do not depend on the region. Values are what users pick in the dropdowns.
const fixed = {
  leeftijd: [
    '16-20 jaar',
    '21-25 jaar',
    '26-35 jaar',
    '36-45 jaar',
    '46-55 jaar',
    '56-64 jaar',
    '65+',
  ],
  gezin: [
    'Alleenstaand',
    'Alleenstaande ouder',
    'Koppel zonder kinderen',
    'Koppel met kinderen',
    'Nieuw samengesteld gezin',
    'Inwonend bij ouders of familie',
    'Andere',
  ],
  inkomen: [
    'Geen inkomen',
    'Leefloon of equivalent leefloon',
    'Werkloosheidsuitkering',
    'Ziekte- of invaliditeitsuitkering',
    'Occasioneel werk',
    'Loon uit werk',
    'Andere',
  ],
  nederlands: ['Geen', 'A1', 'A2', 'B1', 'B2 of hoger', 'Moedertaal'],
  digitaal: ['Geen', 'Basis', 'Zelfstandig'],
  mobiliteit: [
    'Te voet',
    'Fiets',
    'Openbaar vervoer',
    'Rijbewijs zonder wagen',
    'Eigen wagen',
    'Sterk beperkt',
  ],
  ernst: ['Licht', 'Matig', 'Ernstig'],
  bron: ['Arena-analyse', 'Verrijkingsdag', 'Caseload', 'Andere'],
  werkwijze: ['Aan huis', 'Vindplaatsgericht', 'Op locatie', 'Online'],
  taal: [
    'Nederlands',
    'Frans',
    'Engels',
    'Arabisch',
    'Turks',
    'Pools',
    'Roemeens',
    'Bulgaars',
    'Russisch',
    'Oekraïens',
    'Dari',
    'Pasjtoe',
    'Tigrinya',
    'Somalisch',
    'Tolk mogelijk',
  ],
  kost: ['Gratis', 'Bijdrage naar draagkracht', 'Betalend'],
  janee: ['Ja', 'Nee'],
  // The steps of a candidacy through the call's matching timeline, in order.
  stadium: [
    'Ontvangen',
    'Ontvankelijk',
    'Niet ontvankelijk',
    'Schriftelijk beoordeeld',
    'Pitch gepland',
    'Jurybeslissing',
    'Beslissing gecommuniceerd',
    'Weerwoord ontvangen',
    'Definitief',
  ],
  beslissing: ['Goedgekeurd', 'Goedgekeurd onder voorwaarden', 'Afgewezen'],
  weerwoord: ['Beslissing behouden', 'Beslissing herzien'],
} as const;

export const WHOLE_REGION = 'Hele regio';

/** The side branch of the stages: a candidacy that is not admissible leaves the line here. */
export const NOT_ADMISSIBLE = 'Niet ontvankelijk';

/** The stages a candidacy goes through, in order, without the side branch. */
export const STAGE_LINE: readonly string[] = fixed.stadium.filter((s) => s !== NOT_ADMISSIBLE);

export type VocabularyId =
  | keyof typeof fixed
  | 'gemeente'
  | 'gemeenteOfRegio'
  | 'probleemgebied'
  | 'dienstverlening'
  | 'doelgroep'
  | 'levensdomein'
  | 'criterium';

export type Vocabularies = Readonly<Record<VocabularyId, readonly string[]>>;

// Made once per region: the lists are the keys under which each value's folded form is kept
// (coerce.ts), so lists made afresh for every workbook would fold every list again.
const made = new WeakMap<Region, Vocabularies>();

/** Every dropdown list of a region, fixed lists first, then the region's own. */
export function vocabulariesOf(region: Region): Vocabularies {
  let vocabularies = made.get(region);
  if (vocabularies === undefined) made.set(region, (vocabularies = listsOf(region)));
  return vocabularies;
}

function listsOf(region: Region): Vocabularies {
  const serviceTypes = [...new Set(region.problemAreas.flatMap((p) => p.serviceTypes))];
  return {
    ...fixed,
    gemeente: region.municipalities,
    gemeenteOfRegio: [WHOLE_REGION, ...region.municipalities],
    probleemgebied: region.problemAreas.map((p) => p.label),
    dienstverlening: serviceTypes,
    doelgroep: region.targetGroups,
    levensdomein: region.lifeDomains,
    criterium: region.assessment.criteria.map((c) => c.label),
  };
}
