import type { Weights } from '../random.js';

// Texts for candidacies (project proposals): concepts per problem area, contact roles, the
// expected effect, and the e-mail subjects people use instead of the required one.

export const PROJECT_CONCEPTS: Record<string, readonly string[]> = {
  'sociaal-netwerk': ['Buddywerking', 'Brugfiguren in de buurt', 'Netwerkcoaches'],
  huisvesting: ['Woonbuddy’s', 'Woonbegeleiding op maat', 'Wonen als hefboom'],
  psychisch: ['Mentale ruimte', 'Psycholoog in de wijk'],
  nederlands: ['Taalcafé op de werkvloer', 'Nederlands en werk tegelijk'],
  solliciteren: ['Jobhunting met tolk', 'Werkgevers als partner'],
  mobiliteit: ['Fietsschool', 'Mobiliteitscoach'],
  verslaving: ['Herstelpad', 'Mobiel drugteam'],
  werkervaring: ['Mobiele testwerkvloer', 'Zinvol bezig'],
  zelfkennis: ['Vast aanspreekpunt', 'Softskills in kleine stappen'],
  administratie: ['Papierenwinkel', 'Budget op orde'],
  kinderopvang: ['Flexibele opvang', 'Oppasnetwerk'],
  digitaal: ['Digibuddy’s', 'Digitaal op weg'],
};

/** How many problem areas a project takes on besides its main one. */
export const EXTRA_AREA_WEIGHTS: Weights<number> = [
  [0, 4],
  [1, 4],
  [2, 1],
];

export const CONTACT_ROLES = [
  'Projectcoördinator',
  'Verantwoordelijke werking',
  'Teamcoach',
  'Stafmedewerker',
];

export const WRONG_SUBJECTS = [
  'Projectvoorstel Lokale Partnerschappen',
  'Kandidatuur',
  'Fwd: projectvoorstel',
  'Aanvraag subsidie',
];

/** How a proposal's summary ends. */
export const EFFECTS = [
  'Zo krijgen deelnemers sneller een succeservaring en vinden ze de weg naar werk of een zinvolle dagbesteding.',
  'Zo verkleinen we de afstand tot de arbeidsmarkt en groeit het welzijn van de deelnemers.',
  'Zo vermijden we dat mensen van het kastje naar de muur gestuurd worden.',
];
