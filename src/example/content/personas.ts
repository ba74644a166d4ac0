import type { Weights } from '../random.js';

// The people behind the municipal workbooks: archetypes to draw anonymous personas from. All
// invented: composites of the profiles in the addendum's region challenge, arena table and
// enrichment day.

const NAMES = {
  vlaams:
    'Sofie Kevin Jens Lotte Bram Nathalie Dirk Ilse Sander Lien Jana Wout Kelly Jessica Brecht Yannick Sven Tine Ruben Elke Glenn Shana Dylan Kimberly Marc Hilde Patrick Ann Geert Nele'.split(
      ' ',
    ),
  migratie:
    'Amina Yusuf Omar Fatima Samir Nour Bilal Hamid Mariam Layla Karim Soumaya Rania Youssef Ilias Hatice Emre Naima'.split(
      ' ',
    ),
  nieuwkomer:
    'Ahmad Zahra Ali Freweyni Yonas Senait Habiba Mustafa Hevin Olena Oleksandr Darya Abdi Hodan Nasrin Faisal'.split(
      ' ',
    ),
  eu: 'Piotr Agnieszka Ionut Elena Bogdan Kasia Andrei Mihaela Tomasz Georgi Radka Marek Ioana'.split(
    ' ',
  ),
};

export interface Archetype {
  names: readonly (readonly string[])[];
  leeftijd: readonly string[];
  gezin: readonly string[];
  inkomen: readonly string[];
  nederlands: readonly string[];
  digitaal: readonly string[];
  mobiliteit: readonly string[];
  doelgroepen: readonly string[];
  /** Problem area ids, most typical first. */
  areas: readonly string[];
  krachten: readonly string[];
  doelen: readonly string[];
  toelichting: readonly string[];
}

// Strengths and goals come first, as in a strengths-based persona.
export const ARCHETYPES: readonly Archetype[] = [
  {
    names: [NAMES.vlaams, NAMES.migratie],
    leeftijd: ['16-20 jaar', '21-25 jaar'],
    gezin: ['Inwonend bij ouders of familie', 'Alleenstaand'],
    inkomen: ['Geen inkomen', 'Leefloon of equivalent leefloon', 'Occasioneel werk'],
    nederlands: ['Moedertaal', 'B2 of hoger'],
    digitaal: ['Zelfstandig', 'Basis'],
    mobiliteit: ['Fiets', 'Te voet', 'Openbaar vervoer'],
    doelgroepen: ['Jongeren zonder diploma (16-20 jaar)'],
    areas: ['werkervaring', 'zelfkennis', 'administratie', 'solliciteren', 'sociaal-netwerk'],
    krachten: [
      'Handig met de handen: sleutelt graag aan brommers en fietsen.',
      'Zorgt thuis voor de jongere broers en zussen en neemt verantwoordelijkheid.',
      'Sociaal in de vriendengroep, grappig en direct.',
      'Werkt hard wanneer het praktisch en concreet is.',
      'Kan goed overweg met kinderen; hielp als animator op het speelplein.',
    ],
    doelen: [
      'Een eigen inkomen verdienen en een eigen studio huren.',
      'Een praktische opleiding vinden, met veel stage.',
      'Het rijbewijs halen en werken in een garage of op een werf.',
      'Van de schulden af geraken.',
    ],
    toelichting: [
      'Schoolmoe na een moeilijke schoolloopbaan; niet gekend bij VDAB of OCMW.',
      'Bereikt via het jeugdhuis; het vertrouwen in instanties is klein.',
      'Onrealistische loonverwachtingen; haakt af als het loon tegenvalt.',
    ],
  },
  {
    names: [NAMES.nieuwkomer, NAMES.migratie],
    leeftijd: ['21-25 jaar', '26-35 jaar', '36-45 jaar'],
    gezin: ['Koppel met kinderen', 'Alleenstaand', 'Alleenstaande ouder'],
    inkomen: ['Leefloon of equivalent leefloon', 'Geen inkomen', 'Occasioneel werk'],
    nederlands: ['Geen', 'A1', 'A2'],
    digitaal: ['Basis', 'Geen'],
    mobiliteit: ['Fiets', 'Te voet', 'Openbaar vervoer'],
    doelgroepen: ['Nieuwkomers', 'Mensen met een migratieachtergrond'],
    areas: [
      'nederlands',
      'solliciteren',
      'huisvesting',
      'sociaal-netwerk',
      'digitaal',
      'mobiliteit',
    ],
    krachten: [
      'Werkte in het land van herkomst jarenlang als kleermaker.',
      'Spreekt drie talen en leert snel nieuwe woorden bij.',
      'Sterke drive om de kinderen een betere toekomst te geven.',
      'Helpt andere nieuwkomers in de buurt met vertalen en papieren.',
      'Gemotiveerd, stipt en niet bang van zwaar werk.',
    ],
    doelen: [
      'Nederlands leren en tegelijk werken.',
      'Een betaalbare, grotere woning vinden voor het gezin.',
      'Het buitenlandse diploma laten erkennen en opnieuw in de zorg werken.',
      'Een vaste job vinden en niet meer afhankelijk zijn van het OCMW.',
    ],
    toelichting: [
      'Na enkele maanden in België de harde realiteit: woning, job en opleiding lopen niet vlot.',
      'Weinig netwerk buiten de eigen gemeenschap.',
      'Heeft een tolk of contacttaal nodig bij afspraken.',
    ],
  },
  {
    names: [NAMES.eu],
    leeftijd: ['26-35 jaar', '36-45 jaar', '46-55 jaar'],
    gezin: ['Alleenstaand', 'Koppel met kinderen', 'Koppel zonder kinderen'],
    inkomen: ['Occasioneel werk', 'Geen inkomen', 'Werkloosheidsuitkering'],
    nederlands: ['Geen', 'A1', 'A2'],
    digitaal: ['Basis', 'Zelfstandig'],
    mobiliteit: ['Rijbewijs zonder wagen', 'Fiets', 'Eigen wagen'],
    doelgroepen: ['Intra-Europese migranten'],
    areas: ['nederlands', 'solliciteren', 'huisvesting', 'administratie'],
    krachten: [
      'Ervaren in de bouw en in de land- en tuinbouw.',
      'Werkt graag in team en is flexibel in de uren.',
      'Behaalde een rijbewijs C in het land van herkomst.',
      'Kan goed plannen en werkt zelfstandig.',
    ],
    doelen: [
      'Een vast contract in plaats van dagcontracten via het interimkantoor.',
      'Nederlands leren om met collega’s te kunnen praten.',
      'Een huurcontract op eigen naam.',
    ],
    toelichting: [
      'Werkt soms in het zwart via een tussenpersoon en kent de eigen rechten niet.',
      'Woont met meerdere collega’s in een overbevolkte woning.',
    ],
  },
  {
    names: [NAMES.vlaams, NAMES.migratie],
    leeftijd: ['26-35 jaar', '36-45 jaar'],
    gezin: ['Alleenstaande ouder'],
    inkomen: ['Leefloon of equivalent leefloon', 'Werkloosheidsuitkering', 'Occasioneel werk'],
    nederlands: ['Moedertaal', 'B1', 'A2'],
    digitaal: ['Basis', 'Zelfstandig'],
    mobiliteit: ['Te voet', 'Fiets', 'Openbaar vervoer'],
    doelgroepen: ['Eenoudergezinnen'],
    areas: ['kinderopvang', 'mobiliteit', 'administratie', 'sociaal-netwerk', 'psychisch'],
    krachten: [
      'Zorgt met veel liefde voor de kinderen en houdt het huishouden draaiende.',
      'Creatief met een klein budget; kookt voor de hele straat bij buurtfeesten.',
      'Heeft ervaring aan de kassa en in de schoonmaak.',
      'Veerkrachtig: staat na elke tegenslag weer recht.',
    ],
    doelen: [
      'Een deeltijdse job die past bij de schooluren.',
      'Betaalbare opvang voor na school vinden.',
      'Overzicht krijgen over de facturen en schulden.',
      'Af en toe tijd voor zichzelf.',
    ],
    toelichting: [
      'Geen netwerk dat kan inspringen voor de kinderen.',
      'Werkuren in de schoonmaak starten vaak voor de school opengaat.',
    ],
  },
  {
    names: [NAMES.vlaams, NAMES.migratie],
    leeftijd: ['21-25 jaar', '26-35 jaar', '36-45 jaar'],
    gezin: ['Alleenstaand', 'Inwonend bij ouders of familie'],
    inkomen: ['Geen inkomen', 'Leefloon of equivalent leefloon'],
    nederlands: ['Moedertaal', 'B2 of hoger', 'B1'],
    digitaal: ['Basis', 'Zelfstandig'],
    mobiliteit: ['Te voet', 'Fiets', 'Openbaar vervoer'],
    doelgroepen: ['Mensen met een justitieel verleden'],
    areas: ['huisvesting', 'verslaving', 'solliciteren', 'sociaal-netwerk', 'administratie'],
    krachten: [
      'Behaalde tijdens de detentie een attest heftruckchauffeur.',
      'Sportief; helpt jongeren trainen in de boksclub.',
      'Eerlijk over het verleden en wil het anders doen.',
      'Praktisch ingesteld, werkt graag buiten.',
    ],
    doelen: [
      'Een job vinden bij een werkgever die een tweede kans geeft.',
      'Een eigen woning na het verblijf bij familie.',
      'Een stabiel leven zonder terugval.',
    ],
    toelichting: [
      'Krijgt het gat in het cv moeilijk uitgelegd.',
      'Draagt een enkelband; werkuren moeten passen bij de toegestane uren.',
    ],
  },
  {
    names: [NAMES.vlaams, NAMES.migratie],
    leeftijd: ['16-20 jaar', '21-25 jaar'],
    gezin: ['Alleenstaand', 'Andere'],
    inkomen: ['Leefloon of equivalent leefloon', 'Geen inkomen'],
    nederlands: ['Moedertaal'],
    digitaal: ['Zelfstandig'],
    mobiliteit: ['Fiets', 'Openbaar vervoer'],
    doelgroepen: ['Jongeren uit pleegzorg of jeugdhulp', 'Jongeren zonder diploma (16-20 jaar)'],
    areas: ['sociaal-netwerk', 'psychisch', 'huisvesting', 'zelfkennis', 'administratie'],
    krachten: [
      'Werd jong zelfstandig en weet het eigen plan te trekken.',
      'Muzikaal: speelt gitaar en schrijft eigen nummers.',
      'Goed met dieren; helpt mee op een zorgboerderij.',
      'Kan goed luisteren naar leeftijdsgenoten.',
    ],
    doelen: [
      'Alleen wonen en het zelf volhouden.',
      'Een opleiding afmaken.',
      'Iemand hebben om op terug te vallen.',
    ],
    toelichting: [
      'Instellingsverleden in de bijzondere jeugdzorg; wantrouwen tegenover hulpverlening.',
      'De band met het gezin van herkomst is moeilijk.',
    ],
  },
  {
    names: [NAMES.vlaams],
    leeftijd: ['46-55 jaar', '56-64 jaar'],
    gezin: ['Koppel zonder kinderen', 'Alleenstaand', 'Koppel met kinderen'],
    inkomen: ['Ziekte- of invaliditeitsuitkering'],
    nederlands: ['Moedertaal'],
    digitaal: ['Geen', 'Basis'],
    mobiliteit: ['Eigen wagen', 'Openbaar vervoer', 'Sterk beperkt'],
    doelgroepen: ['Niet-gekende niet-actieven (bv. langdurig zieken)', '55-plussers'],
    areas: ['werkervaring', 'psychisch', 'digitaal', 'mobiliteit', 'sociaal-netwerk'],
    krachten: [
      'Jarenlange ervaring als magazijnier; kent elk product.',
      'Betrouwbaar en nauwkeurig; was lang ploegverantwoordelijke.',
      'Vrijwilliger in de voetbalclub van de gemeente.',
      'Veel levenservaring en geeft graag raad.',
    ],
    doelen: [
      'Opnieuw een zinvolle rol opnemen, ook al is het deeltijds.',
      'Werk dat past bij de rugklachten.',
      'Leren werken met de computer en de smartphone.',
    ],
    toelichting: [
      'Verloor na een lange ziekte het contact met de arbeidsmarkt.',
      'Durft niet goed over de klachten te vertellen uit angst voor afwijzing.',
    ],
  },
  {
    names: [NAMES.vlaams, NAMES.migratie],
    leeftijd: ['26-35 jaar', '36-45 jaar', '46-55 jaar'],
    gezin: ['Alleenstaand', 'Koppel zonder kinderen', 'Koppel met kinderen'],
    inkomen: ['Ziekte- of invaliditeitsuitkering', 'Werkloosheidsuitkering'],
    nederlands: ['Moedertaal', 'B2 of hoger'],
    digitaal: ['Zelfstandig'],
    mobiliteit: ['Eigen wagen', 'Fiets'],
    doelgroepen: [
      'Mensen met een psychische kwetsbaarheid',
      'Niet-gekende niet-actieven (bv. langdurig zieken)',
    ],
    areas: ['psychisch', 'zelfkennis', 'sociaal-netwerk', 'werkervaring'],
    krachten: [
      'Hooggeschoold en analytisch sterk.',
      'Creatief: fotografeert en maakt eigen ontwerpen.',
      'Zeer empathisch en zorgzaam voor anderen.',
      'Houdt van structuur en overzicht.',
    ],
    doelen: [
      'Heropstarten na een burn-out in een werkomgeving met begrip.',
      'Een diagnose om zichzelf beter te begrijpen.',
      'Een betekenisvolle rol in de samenleving.',
    ],
    toelichting: [
      'Valt keer op keer uit door een nog niet gediagnosticeerde kwetsbaarheid (vermoeden van ASS).',
      'Schaamte houdt tegen om hulp te vragen.',
    ],
  },
  {
    names: [NAMES.vlaams, NAMES.eu],
    leeftijd: ['26-35 jaar', '36-45 jaar', '46-55 jaar'],
    gezin: ['Alleenstaand', 'Inwonend bij ouders of familie'],
    inkomen: [
      'Leefloon of equivalent leefloon',
      'Geen inkomen',
      'Ziekte- of invaliditeitsuitkering',
    ],
    nederlands: ['Moedertaal', 'B1'],
    digitaal: ['Basis', 'Geen'],
    mobiliteit: ['Te voet', 'Fiets', 'Sterk beperkt'],
    doelgroepen: ['Mensen met een psychische kwetsbaarheid'],
    areas: ['verslaving', 'huisvesting', 'psychisch', 'administratie'],
    krachten: [
      'Goede kok; werkte vroeger in de horeca.',
      'Zorgt trouw voor de hond.',
      'Sociaal en behulpzaam in de inloopwerking.',
      'Eerlijk over de verslaving en wil ervan af.',
    ],
    doelen: [
      'Clean blijven na de opname.',
      'Een vaste woonst in plaats van bij vrienden op de zetel.',
      'Terug een dagritme vinden.',
    ],
    toelichting: [
      'Omgekeerd dag- en nachtritme.',
      'Verschillende trajecten afgebroken; de motivatie wisselt.',
    ],
  },
  {
    names: [NAMES.vlaams],
    leeftijd: ['26-35 jaar', '36-45 jaar'],
    gezin: ['Koppel met kinderen', 'Nieuw samengesteld gezin'],
    inkomen: ['Leefloon of equivalent leefloon', 'Werkloosheidsuitkering', 'Occasioneel werk'],
    nederlands: ['Moedertaal'],
    digitaal: ['Geen', 'Basis'],
    mobiliteit: ['Te voet', 'Fiets', 'Rijbewijs zonder wagen'],
    doelgroepen: [],
    areas: ['administratie', 'kinderopvang', 'digitaal', 'mobiliteit', 'zelfkennis'],
    krachten: [
      'Sterk familienetwerk in de wijk.',
      'Handig in huis: schildert en klust voor de buren.',
      'Weet met weinig middelen rond te komen.',
      'Grote betrokkenheid bij de school van de kinderen.',
    ],
    doelen: [
      'De schulden afbetalen en een spaarpotje opbouwen.',
      'Een job waarmee het gezin rondkomt.',
      'Zelf de brieven en digitale formulieren kunnen invullen.',
    ],
    toelichting: [
      'Groeide zelf op in armoede; post blijft ongeopend liggen.',
      'Wantrouwen na negatieve ervaringen met instanties.',
    ],
  },
  {
    names: [NAMES.migratie, NAMES.nieuwkomer],
    leeftijd: ['36-45 jaar', '46-55 jaar', '56-64 jaar'],
    gezin: ['Koppel met kinderen', 'Alleenstaand', 'Alleenstaande ouder'],
    inkomen: ['Werkloosheidsuitkering', 'Leefloon of equivalent leefloon'],
    nederlands: ['A1', 'A2'],
    digitaal: ['Geen', 'Basis'],
    mobiliteit: ['Fiets', 'Openbaar vervoer'],
    doelgroepen: ['Mensen met een migratieachtergrond', '55-plussers'],
    areas: ['nederlands', 'digitaal', 'solliciteren', 'werkervaring'],
    krachten: [
      'Jarenlange ervaring in de schoonmaak en in grootkeukens.',
      'Stipt en zeer betrouwbaar.',
      'Praat graag en legt snel contact.',
      'Goed in rekenen met geld.',
    ],
    doelen: [
      'Werk vinden waarvoor weinig Nederlands nodig is en ondertussen bijleren.',
      'Zelfstandig naar afspraken gaan.',
      'Nederlands oefenen in een praatgroep.',
    ],
    toelichting: [
      'Weinig kansen op de reguliere arbeidsmarkt door de taal.',
      'Vraagt hulp bij het bellen naar werkgevers en interimkantoren.',
    ],
  },
  {
    names: [NAMES.vlaams, NAMES.migratie],
    leeftijd: ['16-20 jaar', '21-25 jaar'],
    gezin: ['Inwonend bij ouders of familie'],
    inkomen: ['Geen inkomen', 'Leefloon of equivalent leefloon'],
    nederlands: ['Moedertaal'],
    digitaal: ['Zelfstandig'],
    mobiliteit: ['Fiets', 'Te voet'],
    doelgroepen: [
      'Jongeren zonder diploma (16-20 jaar)',
      'Mensen met een psychische kwetsbaarheid',
    ],
    areas: ['verslaving', 'sociaal-netwerk', 'werkervaring', 'zelfkennis'],
    krachten: [
      'Sterk met computers; bouwt zelf pc’s.',
      'Speelt online in een team en kan goed samenwerken.',
      'Geduldig en precies.',
      'Spreekt vlot Engels.',
    ],
    doelen: [
      'Een ritme vinden en overdag iets zinvols doen.',
      'Werken in de IT of als technieker.',
      'Nieuwe mensen leren kennen buiten het internet.',
    ],
    toelichting: [
      'Gamet ’s nachts en slaapt overdag; raakt geïsoleerd.',
      'De ouders zijn bezorgd en zoeken hulp.',
    ],
  },
];

/** Where the coordinator learnt about the persona. */
export const BRON_WEIGHTS: Weights<string> = [
  ['Arena-analyse', 4],
  ['Verrijkingsdag', 3],
  ['Caseload', 3],
  ['Andere', 0.3],
];
