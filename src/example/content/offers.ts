import type { Weights } from '../random.js';

// Texts for offers: names per service type, how the partner works, how long, on what terms.

export const OFFER_NAMES: Record<string, readonly string[]> = {
  'Brugfiguur of professionele buddy': ['Buddywerking', 'Brugfiguren in de wijk'],
  'Aanklampende begeleiding op maat': ['Aanklampende begeleiding', 'Begeleiding op maat'],
  'Casemanagement en trajectbegeleiding': ['Casemanagement', 'Trajectbegeleiding op maat'],
  Netwerkversterking: ['Netwerkcoaching', 'Samen sterker'],
  'Sociale en zinvolle dagbesteding': ['Zinvolle dagbesteding', 'Dagbesteding in groep'],
  'Woonbegeleiding of woonbuddy': ['Woonbuddy’s', 'Woonbegeleiding'],
  'Therapeutische ondersteuning op maat': ['Laagdrempelige therapie', 'Psychologische begeleiding'],
  'Snelle diagnostiek': ['Snelle diagnose', 'Vlot intaketraject'],
  'Competentieversterking Nederlands op maat': ['Nederlands op maat', 'NT2 op de werkvloer'],
  'Brugfiguur naar Nederlandse les': ['Taalbrug', 'Toeleiding naar NT2'],
  'Laagdrempelige oefenkansen Nederlands': ['Conversatietafel', 'Oefenkansen Nederlands'],
  'Arbeidsbegeleiding en jobhunting': ['Jobhunting', 'Sollicitatiecoaching'],
  'Arbeidstrajectbegeleiding met werkgeversnetwerk': ['Werkgeversnetwerk', 'Job op maat'],
  'Arbeidstrajectbegeleiding voor anderstaligen': ['Jobcoaching met tolk', 'Werk zonder taalgrens'],
  'Fietsopleiding en (deel)fietsen': ['Fietsschool', 'Deelfietsen'],
  'Begeleiding bij het openbaar vervoer': ['Busbuddy', 'Op weg met bus en trein'],
  'Openbaar vervoer afgestemd op werkuren': ['Pendeldienst ploegenwerk'],
  'Rijlessen en hulp bij het rijbewijs': ['Sociaal rijbewijs', 'Rijlessen op maat'],
  'Regionaal mobiliteitsplan': ['Mobiliteitsadvies'],
  'Hersteldienst aan huis': ['Fietsherstel aan huis'],
  'Drughulpverlening (ambulant, mobiel, residentieel)': ['Ambulante drughulp', 'Mobiele drughulp'],
  'Begeleiding voor en na een opname': ['Nazorg na opname', 'Voortraject opname'],
  'Mobiele testwerkvloer': ['Testwerkvloer', 'Proeven van werk'],
  'Vast aanspreekpunt met vertrouwensband': ['Vast aanspreekpunt', 'Vertrouwenscoach'],
  Softskillcoach: ['Softskillcoaching', 'Werkattitude-training'],
  'Administratieve hulpverlening op maat': ['Papierenwinkel', 'Administratieve hulp'],
  'Budgethulpverlening en schuldbemiddeling': ['Budgetbegeleiding', 'Schuldbemiddeling'],
  'Betaalbare buiten- en naschoolse kinderopvang': ['Naschoolse opvang', 'Flexibele opvang'],
  'Opvangalternatieven via het sociaal netwerk': ['Oppasnetwerk', 'Buurtoppas'],
  'Digitaal traject op maat (buddy, digipunt)': ['Digibuddy', 'Digitaal op weg'],
};

/** How many problem areas one offer covers. */
export const AREA_COUNT_WEIGHTS: Weights<number> = [
  [1, 5],
  [2, 3],
  [3, 1],
];

export const APPROACH: Record<string, string> = {
  'Aan huis': 'We komen aan huis',
  Vindplaatsgericht: 'We gaan naar de mensen toe, waar ze zijn',
  'Op locatie': 'Afspraken gaan door op onze locatie',
  Online: 'ook online',
};

export const DURATIONS = [
  'Een traject duurt gemiddeld zes maanden.',
  'Begeleiding zolang als nodig, in kleine stappen.',
  'Wekelijkse sessies in een kleine groep.',
  'Enkele gesprekken, daarna een warme doorverwijzing.',
  'Aanklampend: we blijven aanspreekpunt, ook na een terugval.',
];

export const CONDITIONS = [
  'Doorverwijzing via het Sociaal huis of VDAB.',
  'Inwoner van de regio, vanaf 18 jaar.',
  'Geen voorwaarden; vrij binnenlopen tijdens de openingsuren.',
  'Na een kort intakegesprek.',
  'Voor jongeren van 16 tot 25 jaar.',
  'Aanmelden kan door de persoon zelf of door een hulpverlener.',
];

export const QUALIFIERS = [
  'voor jongeren',
  'voor nieuwkomers',
  'in groep',
  'individueel',
  'aan huis',
  'in de buurt',
  'plus',
];
