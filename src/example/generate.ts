import type { CellInput, RowInput } from '../domain/rows.js';
import {
  aanbodLayout,
  kandidatuurLayout,
  noodLayout,
  personaLayout,
  type SheetLayout,
} from '../domain/layouts.js';
import type { Columns } from '../domain/columns.js';
import type { ProblemArea, Region } from '../domain/region/schema.js';
import { addDays, endOfDayIfDateOnly, parseLocal } from '../domain/time.js';
import { findMilestone } from '../domain/timeline.js';
import { WHOLE_REGION } from '../domain/vocabularies.js';
import type { WorkbookKind } from '../domain/workbook-kinds.js';

// A synthetic, reproducible example of the shared drive: one workbook per municipality (personas
// and needs), partner offer workbooks and candidacies, with a few of the mistakes real users make.
// Everything is invented: personas are anonymous composites, partners are plausible types with
// made-up names, e-mail addresses are on voorbeeld.be. Pure: no I/O, no clock, no Math.random,
// so it also runs in the browser and the same seed always gives the same drive.

export interface ExampleOptions {
  seed: number;
  /** Multiplies rows (personas per municipality, offers per workbook) and offer/candidacy files. */
  scale: number;
}

export interface ExampleMistake {
  /** The layout id of the sheet (persona, nood, aanbod, kandidatuur). */
  layout: string;
  /** 0-based index into `rows[layout]`. */
  rowIndex: number;
  /** The column key. */
  field: string;
  kind:
    | 'missing-required'
    | 'not-in-list'
    | 'late'
    | 'wrong-subject'
    | 'national-number'
    | 'formula-text';
}

export interface ExampleFile {
  /** Relative to the drive's root, with '/'. */
  path: string;
  kind: WorkbookKind;
  owner: string;
  rows: Partial<Record<string, RowInput[]>>;
  mistakes: ExampleMistake[];
}

export const DEFAULT_EXAMPLE_OPTIONS: ExampleOptions = { seed: 1, scale: 1 };

export const EXAMPLE_FOLDERS = {
  gemeente: 'Gemeenten',
  aanbod: 'Partners/Aanbod',
  kandidatuur: 'Partners/Kandidaturen',
} as const satisfies Record<WorkbookKind, string>;

// Used when a region has no milestone with id "deadline".
const FALLBACK_DEADLINE = '2023-06-09T23:59';

export function generateExample(region: Region, o: Partial<ExampleOptions> = {}): ExampleFile[] {
  const opts = { ...DEFAULT_EXAMPLE_OPTIONS, ...o };
  if (!Number.isFinite(opts.seed)) throw new RangeError(`seed must be a finite number`);
  if (!Number.isFinite(opts.scale) || opts.scale <= 0) {
    throw new RangeError(`scale must be a positive number, got ${opts.scale}`);
  }
  const ctx = context(region, opts);
  const gemeenten = region.municipalities.map((m, i) => gemeenteFile(ctx, m, i));
  const partners = partnerList(ctx);
  const aanbod = partners.map((p, i) => aanbodFile(ctx, p, i));
  const kandidaturen = kandidatuurFiles(ctx, partners);
  placeMistakes(ctx, gemeenten, aanbod, kandidaturen);
  return [...gemeenten, ...aanbod, ...kandidaturen];
}

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32, seeded per section by hashing "seed:label", so one section's draws do
// not shift another's.

export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s: string): number {
  // FNV-1a, then a final avalanche.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

class Random {
  constructor(private readonly next: Rng) {}
  float(): number {
    return this.next();
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j] as T, a[i] as T];
    }
    return a;
  }
  /** Up to n distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, n));
  }
  /** Picks by weight: [[value, weight], …]. */
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of options) {
      r -= w;
      if (r < 0) return v;
    }
    return (options[options.length - 1] as readonly [T, number])[0];
  }
}

// ---------------------------------------------------------------------------------------------
// Context shared by the sections.

interface Ctx {
  region: Region;
  seed: number;
  scale: number;
  rng(label: string): Random;
  areaById: Map<string, ProblemArea>;
  /** Problem area id -> municipalities where no offer may cover it (the gaps). */
  gaps: Map<string, Set<string>>;
  /** The candidacy deadline as a wall-clock Date (UTC fields). */
  deadline: Date;
  year: number;
}

function context(region: Region, o: ExampleOptions): Ctx {
  const rng = (label: string) => new Random(mulberry32(hash(`${o.seed}:${label}`)));
  const milestone = findMilestone(region, 'deadline');
  const deadline = parseLocal(
    endOfDayIfDateOnly(milestone?.end ?? milestone?.start ?? FALLBACK_DEADLINE),
  );
  const ctx: Ctx = {
    region,
    seed: o.seed,
    scale: o.scale,
    rng,
    areaById: new Map(region.problemAreas.map((p) => [p.id, p])),
    gaps: new Map(),
    deadline,
    year: deadline.getUTCFullYear(),
  };
  ctx.gaps = chooseGaps(ctx);
  return ctx;
}

/**
 * Some problem areas have no offer at all in a few municipalities, so the overview shows gaps.
 * About a third of the areas get 1-3 gap municipalities each; the other areas may be offered
 * region-wide.
 */
function chooseGaps(ctx: Ctx): Map<string, Set<string>> {
  const r = ctx.rng('gaps');
  const areas = ctx.region.problemAreas;
  const ms = ctx.region.municipalities;
  const n = Math.max(1, Math.round(areas.length / 3));
  const gaps = new Map<string, Set<string>>();
  for (const area of r.sample(areas, n)) {
    const k = ms.length === 1 ? 1 : r.int(1, Math.min(3, ms.length - 1));
    gaps.set(area.id, new Set(r.sample(ms, k)));
  }
  return gaps;
}

const scaled = (ctx: Ctx, n: number, min = 1) => Math.max(min, Math.round(n * ctx.scale));

const utc = (y: number, month: number, day: number, h = 0, min = 0) =>
  new Date(Date.UTC(y, month - 1, day, h, min));

function dateBetween(r: Random, from: Date, to: Date): Date {
  const days = Math.round((to.getTime() - from.getTime()) / 86_400_000);
  return addDays(from, r.int(0, Math.max(0, days)));
}

export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A file name part without characters that Windows, macOS or a sync client refuse. */
function fileNamePart(s: string): string {
  return s
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
  taken.add(name.toLowerCase());
  return name;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "a, b en c". */
const joinAnd = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;

/** Region problem areas for the given ids; unknown ids (another region) are skipped. */
function areasFor(ctx: Ctx, ids: readonly string[]): ProblemArea[] {
  return ids.flatMap((id) => {
    const a = ctx.areaById.get(id);
    return a ? [a] : [];
  });
}

function targetsFor(ctx: Ctx, labels: readonly string[]): string[] {
  return labels.filter((t) => ctx.region.targetGroups.includes(t));
}

/** A row with exactly the layout's column keys (checked at compile time). */
type Row<L extends { columns: Columns }> = Record<
  keyof L['columns'] & string,
  CellInput | string[]
>;

/** What the mistake helpers need of a layout. */
type LayoutRef = Pick<SheetLayout, 'id'>;

// ---------------------------------------------------------------------------------------------
// Municipal workbooks: personas and their needs.

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

interface Archetype {
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

// Composites of the profiles in the addendum's region challenge, arena table and enrichment day.
// Strengths and goals come first, as in a strengths-based persona.
const ARCHETYPES: readonly Archetype[] = [
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

const NEED_TEXTS: Record<string, readonly string[]> = {
  'sociaal-netwerk': [
    'Niemand om op terug te vallen bij tegenslag; zoekt iemand die meegaat naar afspraken.',
    'Klein netwerk, enkel contact met familie die zelf weinig draagkracht heeft.',
    'Voelt zich eenzaam sinds de verhuis naar de gemeente.',
  ],
  huisvesting: [
    'Zoekt al maanden een betaalbare woning en slaapt nu bij vrienden.',
    'De woning is te klein en vochtig, met gevolgen voor de gezondheid.',
    'Dreigende uithuiszetting door huurachterstal.',
  ],
  psychisch: [
    'Vermoeden van depressie, lange wachtlijst bij de psycholoog.',
    'Angstklachten maken afspraken buitenshuis moeilijk.',
    'Nood aan een snelle diagnose en laagdrempelige therapie in de eigen gemeente.',
  ],
  nederlands: [
    'Volgt geen les meer wegens de werkuren; zoekt oefenkansen.',
    'Begrijpt de brieven van instanties niet.',
    'Wil Nederlands leren op de werkvloer.',
  ],
  solliciteren: [
    'Weet niet hoe een cv op te stellen of werkgevers op te bellen.',
    'Geen zicht op welke bedrijven in de buurt aanwerven.',
    'Haakt af na afwijzingen; nood aan intensieve begeleiding één op één.',
  ],
  mobiliteit: [
    'Geen rijbewijs en geen bus op de uren van het ploegenwerk.',
    'Kan niet fietsen en wil het graag leren.',
    'Het industriepark is niet bereikbaar met het openbaar vervoer.',
  ],
  verslaving: [
    'Het alcoholgebruik loopt uit de hand sinds het verlies van het werk.',
    'Dagelijks cannabisgebruik; wil minderen.',
    'Schulden door online gokken.',
  ],
  werkervaring: [
    'Nooit lang op een werkvloer gestaan; wil proeven van verschillende jobs.',
    'Rugklachten beperken zwaar werk; zoekt aangepast werk.',
    'Zoekt een zinvolle dagbesteding als opstap.',
  ],
  zelfkennis: [
    'Overschat wat haalbaar is en raakt ontgoocheld.',
    'Verlammende onzekerheid bij elke nieuwe stap.',
    'Nood aan een vast aanspreekpunt dat niet telkens wisselt.',
  ],
  administratie: [
    'Post blijft ongeopend; facturen stapelen zich op.',
    'Schulden bij meerdere schuldeisers, zonder overzicht.',
    'Weet niet op welke premies en tegemoetkomingen er recht is.',
  ],
  kinderopvang: [
    'Geen opvang na school, dus enkel werk tijdens de schooluren mogelijk.',
    'Opvang is te duur voor het gezinsbudget.',
    'Geen familie in de buurt om in te springen.',
  ],
  digitaal: [
    'Kan de mails van VDAB en het OCMW niet openen.',
    'Heeft geen laptop, enkel een oude smartphone.',
    'Wil leren om online formulieren in te vullen.',
  ],
};

const LIFE_DOMAIN: Record<string, string> = {
  'sociaal-netwerk': 'Welzijn',
  huisvesting: 'Huisvesting',
  psychisch: 'Gezondheid',
  nederlands: 'Onderwijs',
  solliciteren: 'Tewerkstelling',
  mobiliteit: 'Mobiliteit',
  verslaving: 'Gezondheid',
  werkervaring: 'Tewerkstelling',
  zelfkennis: 'Welzijn',
  administratie: 'Financiën',
  kinderopvang: 'Welzijn',
  digitaal: 'Onderwijs',
};

const BRON_WEIGHTS = [
  ['Arena-analyse', 4],
  ['Verrijkingsdag', 3],
  ['Caseload', 3],
  ['Andere', 0.3],
] as const;
const ERNST_WEIGHTS = [
  ['Licht', 1],
  ['Matig', 2],
  ['Ernstig', 1.4],
] as const;

/** The ages a group like "26-35 jaar" or "65+" spans. */
function agesOf(group: string): [number, number] {
  const range = /^(\d+)\s*-\s*(\d+)/.exec(group);
  if (range) return [Number(range[1]), Number(range[2])];
  const plus = /^(\d+)\s*\+/.exec(group);
  if (plus) return [Number(plus[1]), Number(plus[1]) + 9];
  return [25, 50];
}

/** Side data kept while generating a municipal workbook, for placing mistakes later. */
interface GemeenteExtra {
  ages: number[];
}
const gemeenteExtras = new WeakMap<ExampleFile, GemeenteExtra>();

function gemeenteFile(ctx: Ctx, municipality: string, index: number): ExampleFile {
  const r = ctx.rng(`gemeente:${index}:${municipality}`);
  const count = Math.max(3, Math.round(r.int(6, 10) * ctx.scale));
  const width = Math.max(2, String(count).length);
  const personas: Row<typeof personaLayout>[] = [];
  const needs: Row<typeof noodLayout>[] = [];
  const ages: number[] = [];
  const usedNames = new Set<string>();

  for (let i = 0; i < count; i++) {
    const a = r.pick(ARCHETYPES);
    const id = `P${String(i + 1).padStart(width, '0')}`;
    const leeftijd = r.pick(a.leeftijd);
    const [lo, hi] = agesOf(leeftijd);
    const age = r.int(lo, hi);
    let first = r.pick(r.pick(a.names));
    for (let tries = 0; usedNames.has(first) && tries < 5; tries++) first = r.pick(r.pick(a.names));
    usedNames.add(first);
    const targets = targetsFor(ctx, a.doelgroepen);
    personas.push({
      id,
      naam: `${first}, ${age}`,
      krachten: r.sample(a.krachten, r.int(2, 3)).join(' '),
      doelen: r.sample(a.doelen, r.int(1, 2)).join(' '),
      leeftijd,
      gezin: r.pick(a.gezin),
      inkomen: r.pick(a.inkomen),
      nederlands: r.pick(a.nederlands),
      digitaal: r.pick(a.digitaal),
      mobiliteit: r.pick(a.mobiliteit),
      doelgroepen:
        targets.length > 0 && r.chance(0.8) ? r.sample(targets, r.int(1, targets.length)) : null,
      aantal:
        r.chance(0.12) || (i === 1 && index % 3 === 0)
          ? r.int(1, 4)
          : 5 + Math.floor(r.float() ** 2 * 116),
      bron: r.weighted(BRON_WEIGHTS),
      toelichting: r.chance(0.5) ? r.pick(a.toelichting) : null,
      bijgewerkt: r.chance(0.8) ? dateBetween(r, utc(ctx.year, 3, 1), utc(ctx.year, 5, 31)) : null,
    });
    ages.push(age);

    let areas = areasFor(ctx, r.sample(a.areas, r.int(2, 4)));
    if (areas.length < 2) {
      const extra = r.sample(
        ctx.region.problemAreas.filter((p) => !areas.includes(p)),
        2 - areas.length,
      );
      areas = [...areas, ...extra];
    }
    for (const area of areas) {
      const domain = LIFE_DOMAIN[area.id];
      const levensdomein =
        domain !== undefined && ctx.region.lifeDomains.includes(domain)
          ? domain
          : r.pick(ctx.region.lifeDomains);
      const texts = NEED_TEXTS[area.id] ?? [`Ondersteuning nodig rond ${lowerFirst(area.label)}.`];
      needs.push({
        persona: id,
        probleemgebied: area.label,
        ernst: r.weighted(ERNST_WEIGHTS),
        levensdomein: r.chance(0.85) ? levensdomein : null,
        dienstverlening: r.chance(0.9)
          ? r.sample(area.serviceTypes, r.int(1, Math.min(2, area.serviceTypes.length)))
          : null,
        omschrijving: r.chance(0.8) ? r.pick(texts) : null,
      });
    }
  }

  const file: ExampleFile = {
    path: `${EXAMPLE_FOLDERS.gemeente}/Gemeente ${fileNamePart(municipality)}.xlsx`,
    kind: 'gemeente',
    owner: municipality,
    rows: { [personaLayout.id]: personas, [noodLayout.id]: needs },
    mistakes: [],
  };
  gemeenteExtras.set(file, { ages });
  return file;
}

// ---------------------------------------------------------------------------------------------
// Partners and their offers.

type Scope = 'regio' | 'lokaal' | 'enkele';

interface PartnerTemplate {
  /** "{g}" is replaced by a municipality. */
  name: string;
  areas: readonly string[];
  scope: Scope;
  contact: readonly string[];
  talen: readonly string[];
  kost: readonly string[];
  werkwijze: readonly string[];
  doelgroepen?: readonly string[];
  /** Shown in the description ("erkend partner van …"). */
  note?: string;
}

interface Partner extends PartnerTemplate {
  home: string | null;
}

const FIXED_PARTNERS: readonly PartnerTemplate[] = [
  {
    name: 'CAW Oost-Vlaanderen',
    areas: ['huisvesting', 'sociaal-netwerk', 'administratie', 'psychisch'],
    scope: 'regio',
    contact: ['Onthaal CAW', 'Team woonbegeleiding', 'Team schuldhulp'],
    talen: ['Engels', 'Frans', 'Tolk mogelijk'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie', 'Aan huis', 'Vindplaatsgericht'],
  },
  {
    name: 'CGG Eclips',
    areas: ['psychisch', 'verslaving'],
    scope: 'regio',
    contact: ['Aanmeldingspunt', 'Team volwassenen'],
    talen: ['Engels', 'Tolk mogelijk'],
    kost: ['Bijdrage naar draagkracht'],
    werkwijze: ['Op locatie', 'Online'],
    doelgroepen: ['Mensen met een psychische kwetsbaarheid'],
  },
  {
    name: 'VDAB-partner Werkkracht',
    areas: ['solliciteren', 'werkervaring', 'zelfkennis'],
    scope: 'regio',
    contact: ['Team jobcoaching', 'Trajectbegeleiding'],
    talen: ['Engels', 'Frans', 'Arabisch', 'Tolk mogelijk'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie', 'Vindplaatsgericht'],
    note: 'in opdracht van VDAB',
  },
  {
    name: 'Maatwerkbedrijf De Loods',
    areas: ['werkervaring', 'zelfkennis'],
    scope: 'enkele',
    contact: ['Dienst instroom'],
    talen: ['Engels'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie'],
  },
  {
    name: 'Maatwerkbedrijf Groenkracht',
    areas: ['werkervaring', 'solliciteren'],
    scope: 'enkele',
    contact: ['Dienst instroom', 'Jobcoach'],
    talen: ['Frans', 'Tolk mogelijk'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie'],
  },
  {
    name: 'Huurdersbond Oost-Vlaanderen',
    areas: ['huisvesting', 'administratie'],
    scope: 'regio',
    contact: ['Zitdag huurdersbond'],
    talen: ['Frans', 'Engels'],
    kost: ['Betalend', 'Bijdrage naar draagkracht'],
    werkwijze: ['Op locatie', 'Online'],
  },
  {
    name: 'CVO Scheldeland',
    areas: ['nederlands'],
    scope: 'enkele',
    contact: ['Inschrijvingen NT2'],
    talen: ['Engels', 'Frans'],
    kost: ['Bijdrage naar draagkracht', 'Betalend'],
    werkwijze: ['Op locatie', 'Online'],
    doelgroepen: ['Nieuwkomers', 'Intra-Europese migranten'],
    note: 'centrum voor volwassenenonderwijs, opleidingen NT2',
  },
  {
    name: 'Drughulp Mobiel Team vzw',
    areas: ['verslaving', 'psychisch'],
    scope: 'regio',
    contact: ['Mobiel team'],
    talen: ['Engels', 'Tolk mogelijk'],
    kost: ['Gratis'],
    werkwijze: ['Aan huis', 'Vindplaatsgericht'],
  },
  {
    name: 'Sociaal verhuurkantoor Scheldeland',
    areas: ['huisvesting'],
    scope: 'regio',
    contact: ['Kandidatenbeheer'],
    talen: ['Frans'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie'],
  },
  {
    name: 'Budgetwijzer vzw',
    areas: ['administratie'],
    scope: 'regio',
    contact: ['Budgetbegeleiding'],
    talen: ['Engels', 'Tolk mogelijk'],
    kost: ['Gratis'],
    werkwijze: ['Aan huis', 'Op locatie'],
  },
  {
    name: 'Rijbewijsproject Op Weg vzw',
    areas: ['mobiliteit'],
    scope: 'regio',
    contact: ['Secretariaat'],
    talen: ['Engels', 'Arabisch'],
    kost: ['Bijdrage naar draagkracht'],
    werkwijze: ['Op locatie'],
  },
  {
    name: 'Eerstelijnspsychologen Netwerk Zuid',
    areas: ['psychisch'],
    scope: 'enkele',
    contact: ['Aanmelding eerstelijnspsychologie'],
    talen: ['Engels'],
    kost: ['Bijdrage naar draagkracht'],
    werkwijze: ['Op locatie', 'Online'],
  },
  {
    name: 'Kringwinkel Het Ambacht',
    areas: ['werkervaring'],
    scope: 'enkele',
    contact: ['Personeelsdienst'],
    talen: ['Frans'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie'],
  },
  {
    name: 'Oefenvloer Werkplek vzw',
    areas: ['werkervaring', 'solliciteren', 'nederlands'],
    scope: 'enkele',
    contact: ['Instroomcoach'],
    talen: ['Engels', 'Tolk mogelijk'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie'],
  },
  {
    name: 'Armoedevereniging Samen Sterk',
    areas: ['sociaal-netwerk', 'administratie', 'digitaal'],
    scope: 'enkele',
    contact: ['Ontmoetingsruimte'],
    talen: ['Frans'],
    kost: ['Gratis'],
    werkwijze: ['Vindplaatsgericht', 'Op locatie'],
  },
  {
    name: 'Begeleid wonen De Overstap',
    areas: ['huisvesting', 'sociaal-netwerk', 'zelfkennis'],
    scope: 'regio',
    contact: ['Intake begeleid wonen'],
    talen: ['Engels'],
    kost: ['Bijdrage naar draagkracht'],
    werkwijze: ['Aan huis'],
    doelgroepen: ['Jongeren uit pleegzorg of jeugdhulp'],
  },
  {
    name: 'Re-integratiehuis De Sleutel',
    areas: ['solliciteren', 'huisvesting', 'sociaal-netwerk'],
    scope: 'regio',
    contact: ['Trajectbegeleiding'],
    talen: ['Frans', 'Engels'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie', 'Vindplaatsgericht'],
    doelgroepen: ['Mensen met een justitieel verleden'],
  },
  {
    name: 'Softskillcoaching Kompas vzw',
    areas: ['zelfkennis', 'solliciteren'],
    scope: 'enkele',
    contact: ['Coachingteam'],
    talen: ['Engels'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie', 'Online'],
  },
  {
    name: 'Onthaalpunt Nieuwkomers Oost-Vlaanderen',
    areas: ['nederlands', 'administratie', 'sociaal-netwerk'],
    scope: 'regio',
    contact: ['Onthaal'],
    talen: ['Engels', 'Frans', 'Arabisch', 'Dari', 'Tigrinya', 'Oekraïens', 'Tolk mogelijk'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie', 'Vindplaatsgericht'],
    doelgroepen: ['Nieuwkomers'],
  },
  {
    name: 'Buitenschoolse opvang De Speelvogel',
    areas: ['kinderopvang'],
    scope: 'enkele',
    contact: ['Inschrijvingen'],
    talen: ['Frans'],
    kost: ['Bijdrage naar draagkracht', 'Betalend'],
    werkwijze: ['Op locatie'],
    doelgroepen: ['Eenoudergezinnen'],
  },
  {
    name: 'Mobiel fietsatelier Trapkracht',
    areas: ['mobiliteit', 'werkervaring'],
    scope: 'regio',
    contact: ['Atelierwerking'],
    talen: ['Engels'],
    kost: ['Gratis', 'Bijdrage naar draagkracht'],
    werkwijze: ['Aan huis', 'Vindplaatsgericht'],
  },
];

const LOCAL_PARTNERS: readonly PartnerTemplate[] = [
  {
    name: 'Sociaal huis {g}',
    areas: ['administratie', 'sociaal-netwerk', 'huisvesting', 'kinderopvang'],
    scope: 'lokaal',
    contact: ['Sociale dienst', 'Onthaal Sociaal huis'],
    talen: ['Frans', 'Engels', 'Tolk mogelijk'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie', 'Aan huis'],
    note: 'OCMW',
  },
  {
    name: 'Digipunt {g}',
    areas: ['digitaal'],
    scope: 'lokaal',
    contact: ['Digipunt'],
    talen: ['Engels'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie'],
  },
  {
    name: 'Fietsbieb {g}',
    areas: ['mobiliteit'],
    scope: 'lokaal',
    contact: ['Vrijwilligers Fietsbieb'],
    talen: ['Engels', 'Frans'],
    kost: ['Bijdrage naar draagkracht'],
    werkwijze: ['Op locatie'],
  },
  {
    name: 'JAC {g}',
    areas: ['sociaal-netwerk', 'psychisch', 'huisvesting', 'administratie'],
    scope: 'lokaal',
    contact: ['Jongerenonthaal'],
    talen: ['Engels', 'Frans'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie', 'Online', 'Vindplaatsgericht'],
    doelgroepen: ['Jongeren zonder diploma (16-20 jaar)', 'Jongeren uit pleegzorg of jeugdhulp'],
  },
  {
    name: 'Huis van het Kind {g}',
    areas: ['kinderopvang', 'sociaal-netwerk'],
    scope: 'lokaal',
    contact: ['Coördinatie Huis van het Kind'],
    talen: ['Frans', 'Arabisch', 'Tolk mogelijk'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie', 'Aan huis'],
    doelgroepen: ['Eenoudergezinnen'],
    note: 'partner van Kind en Gezin',
  },
  {
    name: 'Lokaal dienstencentrum {g}',
    areas: ['sociaal-netwerk', 'digitaal'],
    scope: 'lokaal',
    contact: ['Centrumleiding'],
    talen: ['Frans'],
    kost: ['Gratis', 'Bijdrage naar draagkracht'],
    werkwijze: ['Op locatie'],
    doelgroepen: ['55-plussers'],
  },
  {
    name: 'Taalcafé {g}',
    areas: ['nederlands'],
    scope: 'lokaal',
    contact: ['Vrijwilligersteam taalcafé'],
    talen: ['Engels'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie'],
    doelgroepen: ['Nieuwkomers', 'Mensen met een migratieachtergrond'],
  },
  {
    name: 'Buurtwerk {g}',
    areas: ['sociaal-netwerk', 'werkervaring'],
    scope: 'lokaal',
    contact: ['Buurtwerker'],
    talen: ['Frans', 'Arabisch'],
    kost: ['Gratis'],
    werkwijze: ['Vindplaatsgericht', 'Aan huis'],
  },
  {
    name: 'Mobipunt {g}',
    areas: ['mobiliteit'],
    scope: 'lokaal',
    contact: ['Mobiliteitsloket'],
    talen: ['Engels'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie', 'Online'],
  },
];

// For larger drives: more partners of the same kinds, with invented names (prefix + name).
const INVENTED_KINDS: readonly (Omit<PartnerTemplate, 'name'> & { prefix: string })[] = [
  {
    prefix: 'Buurtwerking',
    areas: ['sociaal-netwerk', 'werkervaring'],
    scope: 'enkele',
    contact: ['Onthaal'],
    talen: ['Frans'],
    kost: ['Gratis'],
    werkwijze: ['Vindplaatsgericht', 'Op locatie'],
  },
  {
    prefix: 'Praatgroep',
    areas: ['nederlands', 'sociaal-netwerk'],
    scope: 'enkele',
    contact: ['Vrijwilligersteam'],
    talen: ['Engels', 'Arabisch'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie'],
  },
  {
    prefix: 'Werkplaats',
    areas: ['werkervaring', 'solliciteren'],
    scope: 'enkele',
    contact: ['Jobcoach'],
    talen: ['Engels'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie'],
  },
  {
    prefix: 'Woonproject',
    areas: ['huisvesting'],
    scope: 'regio',
    contact: ['Woonbegeleiding'],
    talen: ['Frans', 'Tolk mogelijk'],
    kost: ['Bijdrage naar draagkracht'],
    werkwijze: ['Aan huis'],
  },
  {
    prefix: 'Trajectwerking',
    areas: ['solliciteren', 'zelfkennis'],
    scope: 'regio',
    contact: ['Trajectbegeleiding'],
    talen: ['Engels', 'Frans'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie', 'Online'],
  },
  {
    prefix: 'Ontmoetingshuis',
    areas: ['sociaal-netwerk', 'psychisch'],
    scope: 'enkele',
    contact: ['Onthaal'],
    talen: ['Engels'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie', 'Vindplaatsgericht'],
  },
  {
    prefix: 'Fietspunt',
    areas: ['mobiliteit'],
    scope: 'lokaal',
    contact: ['Fietsatelier'],
    talen: ['Engels'],
    kost: ['Bijdrage naar draagkracht'],
    werkwijze: ['Op locatie'],
  },
  {
    prefix: 'Opvanginitiatief',
    areas: ['kinderopvang'],
    scope: 'lokaal',
    contact: ['Inschrijvingen'],
    talen: ['Frans'],
    kost: ['Bijdrage naar draagkracht', 'Betalend'],
    werkwijze: ['Op locatie'],
  },
  {
    prefix: 'Schuldhulp',
    areas: ['administratie'],
    scope: 'regio',
    contact: ['Budgetbegeleiding'],
    talen: ['Tolk mogelijk'],
    kost: ['Gratis'],
    werkwijze: ['Aan huis', 'Op locatie'],
  },
  {
    prefix: 'Herstelcentrum',
    areas: ['verslaving', 'psychisch'],
    scope: 'regio',
    contact: ['Aanmelding'],
    talen: ['Engels'],
    kost: ['Bijdrage naar draagkracht'],
    werkwijze: ['Op locatie', 'Aan huis'],
  },
  {
    prefix: 'Digicafé',
    areas: ['digitaal'],
    scope: 'lokaal',
    contact: ['Digibuddy’s'],
    talen: ['Engels'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie'],
  },
  {
    prefix: 'Coachingcentrum',
    areas: ['zelfkennis', 'werkervaring'],
    scope: 'enkele',
    contact: ['Coachingteam'],
    talen: ['Engels'],
    kost: ['Gratis'],
    werkwijze: ['Op locatie', 'Online'],
  },
];
const INVENTED_NAMES = [
  'De Brug',
  'Het Anker',
  'De Kiem',
  'Den Dries',
  'Open Huis',
  'De Overzet',
  'Het Kompas',
  'De Vlonder',
  'De Linde',
  'Het Veer',
  'De Meander',
  'De Horizon',
  'Het Ankerpunt',
  'De Oever',
  'De Kaai',
  'Het Jaagpad',
  'De Sluis',
  'Den Hoek',
];

function partnerList(ctx: Ctx): Partner[] {
  const r = ctx.rng('partners');
  const ms = ctx.region.municipalities;
  const wanted = scaled(ctx, 30, 3);
  // The curated set first: every fixed partner, each local kind once in a random municipality.
  const curated: Partner[] = [
    ...FIXED_PARTNERS.map((p) => ({ ...p, home: null })),
    ...LOCAL_PARTNERS.map((p) => local(p, r.pick(ms))),
  ];
  const taken = new Set(curated.map((p) => p.name));
  const extra: Partner[] = [];
  if (wanted > curated.length) {
    // Then the local kinds in the other municipalities, then invented partners.
    const locals = r.shuffle(LOCAL_PARTNERS.flatMap((p) => ms.map((m) => local(p, m))));
    extra.push(...locals.filter((p) => !taken.has(p.name)));
    const invented: Partner[] = [];
    for (const { prefix, ...kind } of INVENTED_KINDS) {
      for (const name of INVENTED_NAMES) {
        for (const m of [null, ...ms]) {
          const full = m === null ? `${prefix} ${name}` : `${prefix} ${name} ${m}`;
          invented.push({
            ...kind,
            name: full,
            scope: m === null ? kind.scope : 'lokaal',
            home: m,
          });
        }
      }
    }
    extra.push(...r.shuffle(invented));
  }
  const all = [...r.shuffle(curated).slice(0, wanted), ...extra].slice(0, wanted);
  // Beyond the invented names (a very large scale), number the repeats.
  const names = new Set<string>();
  const out = all.map((p) => ({ ...p, name: uniqueName(p.name, names) }));
  for (let i = out.length; i < wanted; i++) {
    const base = r.pick([...curated, ...extra]);
    out.push({ ...base, name: uniqueName(base.name, names) });
  }
  return out;

  function local(p: PartnerTemplate, m: string): Partner {
    return { ...p, name: p.name.replace('{g}', m), home: m };
  }
}

const OFFER_NAMES: Record<string, readonly string[]> = {
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

const AREA_COUNT_WEIGHTS = [
  [1, 5],
  [2, 3],
  [3, 1],
] as const;

const APPROACH: Record<string, string> = {
  'Aan huis': 'We komen aan huis',
  Vindplaatsgericht: 'We gaan naar de mensen toe, waar ze zijn',
  'Op locatie': 'Afspraken gaan door op onze locatie',
  Online: 'ook online',
};

const DURATIONS = [
  'Een traject duurt gemiddeld zes maanden.',
  'Begeleiding zolang als nodig, in kleine stappen.',
  'Wekelijkse sessies in een kleine groep.',
  'Enkele gesprekken, daarna een warme doorverwijzing.',
  'Aanklampend: we blijven aanspreekpunt, ook na een terugval.',
];

const CONDITIONS = [
  'Doorverwijzing via het Sociaal huis of VDAB.',
  'Inwoner van de regio, vanaf 18 jaar.',
  'Geen voorwaarden; vrij binnenlopen tijdens de openingsuren.',
  'Na een kort intakegesprek.',
  'Voor jongeren van 16 tot 25 jaar.',
  'Aanmelden kan door de persoon zelf of door een hulpverlener.',
];

const QUALIFIERS = [
  'voor jongeren',
  'voor nieuwkomers',
  'in groep',
  'individueel',
  'aan huis',
  'in de buurt',
  'plus',
];

function aanbodFile(ctx: Ctx, partner: Partner, index: number): ExampleFile {
  const r = ctx.rng(`aanbod:${index}:${partner.name}`);
  const ms = ctx.region.municipalities;
  const partnerAreas = areasFor(ctx, partner.areas);
  const pool = partnerAreas.length > 0 ? partnerAreas : r.sample(ctx.region.problemAreas, 2);
  const count = Math.max(1, Math.round(r.int(1, 5) * ctx.scale));
  const names = new Set<string>();
  const rows: Row<typeof aanbodLayout>[] = [];
  const email = `${slug(r.pick(partner.contact))}.${slug(partner.name)}@voorbeeld.be`;

  for (let i = 0; i < count; i++) {
    let areas = r.sample(pool, r.weighted(AREA_COUNT_WEIGHTS));
    let gemeenten = chooseMunicipalities(r, partner, ms);
    // Respect the gaps: no offer covers a gap area in a gap municipality.
    const blocked = new Set(areas.flatMap((a) => [...(ctx.gaps.get(a.id) ?? [])]));
    if (blocked.size > 0) {
      const list = gemeenten.includes(WHOLE_REGION) ? ms : gemeenten;
      gemeenten = list.filter((m) => !blocked.has(m));
      if (gemeenten.length === 0) {
        // Keep the areas that are not blocked here, or move to an allowed municipality.
        const free = areas.filter((a) => !list.some((m) => ctx.gaps.get(a.id)?.has(m)));
        if (free.length > 0) {
          areas = free;
          gemeenten = [...list];
        } else {
          const allowed = ms.filter((m) => !blocked.has(m));
          if (allowed.length > 0) gemeenten = [r.pick(allowed)];
          else {
            const open = ctx.region.problemAreas.filter((a) => !ctx.gaps.has(a.id));
            areas = [r.pick(open.length > 0 ? open : ctx.region.problemAreas)];
            gemeenten = [...list];
          }
        }
      }
      if (gemeenten.length === ms.length && areas.every((a) => !ctx.gaps.has(a.id))) {
        gemeenten = [WHOLE_REGION];
      }
    }
    const services = [...new Set(areas.flatMap((a) => r.sample(a.serviceTypes, r.int(1, 2))))];
    const main = services[0] ?? (areas[0] as ProblemArea).label;
    const base = r.pick(OFFER_NAMES[main] ?? [main]);
    let name = base;
    if (names.has(name.toLowerCase())) name = `${base} ${r.pick(QUALIFIERS)}`;
    name = uniqueName(name, names);

    const ownTargets = targetsFor(ctx, partner.doelgroepen ?? []);
    const doelgroepen =
      ownTargets.length > 0
        ? ownTargets
        : r.chance(0.55)
          ? r.sample(ctx.region.targetGroups, r.int(1, 3))
          : null;
    const werkwijze = r.sample(partner.werkwijze, r.int(1, partner.werkwijze.length));
    const talen = [
      'Nederlands',
      ...r.sample(partner.talen, r.int(0, Math.min(3, partner.talen.length))),
    ];
    const vanaf = r.chance(0.6) ? utc(ctx.year, r.int(1, 4), 1) : null;
    const tot = r.chance(0.3)
      ? r.pick([utc(ctx.year, 12, 31), utc(ctx.year + 1, 6, 30), utc(ctx.year + 1, 12, 31)])
      : null;

    rows.push({
      partner: partner.name,
      naam: name,
      omschrijving: describeOffer(r, partner, main, areas, doelgroepen, werkwijze),
      probleemgebieden: areas.map((a) => a.label),
      dienstverlening: r.chance(0.9) ? services : null,
      doelgroepen,
      gemeenten,
      werkwijze,
      talen,
      kost: r.pick(partner.kost),
      capaciteit: r.chance(0.6) ? 5 * r.int(2, 40) : null,
      // Mostly short, but a quarter wait more than two months (a gap the overview shows).
      wachttijd: r.chance(0.32) ? 0 : r.chance(0.6) ? r.int(1, 8) : r.int(9, 26),
      voorwaarden: r.chance(0.5) ? r.pick(CONDITIONS) : null,
      contact: r.pick(partner.contact),
      email,
      telefoon: null,
      geldigVanaf: vanaf,
      geldigTot: tot,
      bijgewerkt: dateBetween(r, utc(ctx.year, 1, 15), utc(ctx.year, 5, 31)),
    });
  }

  return {
    path: `${EXAMPLE_FOLDERS.aanbod}/Aanbod ${fileNamePart(partner.name)}.xlsx`,
    kind: 'aanbod',
    owner: partner.name,
    rows: { [aanbodLayout.id]: rows },
    mistakes: [],
  };
}

function chooseMunicipalities(r: Random, partner: Partner, ms: readonly string[]): string[] {
  switch (partner.scope) {
    case 'regio':
      return r.chance(0.65)
        ? [WHOLE_REGION]
        : sorted(r.sample(ms, r.int(2, Math.max(2, ms.length - 1))), ms);
    case 'lokaal': {
      const home = partner.home ?? r.pick(ms);
      const others = ms.filter((m) => m !== home);
      return r.chance(0.2) && others.length > 0 ? sorted([home, r.pick(others)], ms) : [home];
    }
    case 'enkele':
      return sorted(r.sample(ms, r.int(1, Math.min(4, ms.length))), ms);
  }
}

/** In the region's own order, as a dropdown would list them. */
const sorted = (picked: string[], order: readonly string[]) =>
  order.filter((m) => picked.includes(m));

function describeOffer(
  r: Random,
  partner: Partner,
  service: string,
  areas: ProblemArea[],
  targets: string[] | null,
  werkwijze: string[],
): string {
  const audience =
    targets && targets.length > 0
      ? lowerFirst(targets.slice(0, 2).join(' en '))
      : `inwoners met ${areas.map((a) => lowerFirst(a.label)).join(' of ')}`;
  const approach = werkwijze.map((w) => APPROACH[w] ?? lowerFirst(w));
  const how = upperFirst(joinAnd(approach));
  const note = partner.note ? ` (${partner.note})` : '';
  return `${service} voor ${audience}${note}. ${how}. ${r.pick(DURATIONS)}`;
}

// ---------------------------------------------------------------------------------------------
// Candidacies.

const PROJECT_CONCEPTS: Record<string, readonly string[]> = {
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

const EXTRA_AREA_WEIGHTS = [
  [0, 4],
  [1, 4],
  [2, 1],
] as const;

const CONTACT_ROLES = [
  'Projectcoördinator',
  'Verantwoordelijke werking',
  'Teamcoach',
  'Stafmedewerker',
];

const WRONG_SUBJECTS = [
  'Projectvoorstel Lokale Partnerschappen',
  'Kandidatuur',
  'Fwd: projectvoorstel',
  'Aanvraag subsidie',
];

function kandidatuurFiles(ctx: Ctx, partners: readonly Partner[]): ExampleFile[] {
  const r = ctx.rng('kandidaturen');
  const count = scaled(ctx, 12, 4);
  const mistakes = mistakeCount(ctx);
  // Distinct candidacies for the on-time edge (exactly the deadline), the late ones, the wrong
  // subjects and the missing values.
  const order = r.shuffle([...Array(count).keys()]);
  const edge = order[0] as number;
  const late = new Set(order.slice(1, 1 + mistakes));
  const wrong = new Set(order.slice(1 + mistakes, 1 + 2 * mistakes));
  const lateOrder = [...late].sort((a, b) => a - b);

  const start = addDays(ctx.deadline, -38);
  start.setUTCHours(0, 0, 0, 0);
  const days = Math.floor((ctx.deadline.getTime() - start.getTime()) / 86_400_000);
  const paths = new Set<string>();
  const files: ExampleFile[] = [];

  for (let i = 0; i < count; i++) {
    const trekker = r.pick(partners);
    const others = partners.filter((p) => p !== trekker);
    const copartners = r.chance(0.75) ? r.sample(others, r.int(1, 3)).map((p) => p.name) : [];
    // The project's main problem area is one the lead partner works on; others may join.
    const own = areasFor(ctx, trekker.areas);
    const first = r.pick(own.length > 0 ? own : ctx.region.problemAreas);
    const more = r.sample(
      ctx.region.problemAreas.filter((a) => a !== first),
      r.weighted(EXTRA_AREA_WEIGHTS),
    );
    const areas = [first, ...more];
    const concept = r.pick(PROJECT_CONCEPTS[first.id] ?? [`Traject ${lowerFirst(first.label)}`]);
    const ms = ctx.region.municipalities;
    const gemeenten = r.chance(0.45) ? [WHOLE_REGION] : sorted(r.sample(ms, r.int(1, 5)), ms);
    const where = gemeenten[0] === WHOLE_REGION ? ctx.region.name : joinAnd(gemeenten);
    const titleWhere =
      gemeenten.length <= 2 && gemeenten[0] !== WHOLE_REGION ? where : ctx.region.name;
    const targets = r.sample(ctx.region.targetGroups, r.int(1, 3));

    let ontvangen: Date;
    if (i === edge) ontvangen = new Date(ctx.deadline.getTime());
    else if (late.has(i)) {
      const j = lateOrder.indexOf(i);
      // The first one a minute after the deadline (00:00 the next day), the others later.
      ontvangen = new Date(
        ctx.deadline.getTime() + 60_000 + (j === 0 ? 0 : r.int(1, 72 * 60) * 60_000),
      );
    } else {
      // Spread from early May to the last day, busier towards the deadline, in office-ish hours.
      const day = Math.min(days, Math.floor(r.float() ** 0.6 * (days + 1)));
      const d = addDays(start, day);
      d.setUTCHours(r.int(8, 22), r.int(0, 59), 0, 0);
      // A deadline earlier in the day (another region): stay before it.
      ontvangen = d < ctx.deadline ? d : new Date(ctx.deadline.getTime() - r.int(1, 480) * 60_000);
    }

    const startDate = r.pick([utc(ctx.year, 9, 1), utc(ctx.year, 10, 1), utc(ctx.year + 1, 1, 1)]);
    const einde = r.pick([
      utc(ctx.year + 1, 12, 31),
      utc(ctx.year + 2, 6, 30),
      utc(ctx.year + 2, 12, 31),
    ]);
    const copartnerText = copartners.length > 0 ? copartners.join('; ') : 'Geen';
    const row: Row<typeof kandidatuurLayout> = {
      titel: `${concept} in ${titleWhere}`,
      trekker: trekker.name,
      copartners: copartnerText,
      contact: `${r.pick(CONTACT_ROLES)} ${trekker.name}`,
      email: `project.${slug(trekker.name)}@voorbeeld.be`,
      gemeenten,
      probleemgebieden: areas.map((a) => a.label),
      doelgroepen: targets,
      samenvatting: summary(r, concept, areas, targets, where, copartners),
      deelnemers: 5 * r.int(3, 30),
      budget: 500 * r.int(40, 300),
      start: startDate,
      einde,
      ontvangen,
      onderwerp: wrong.has(i) ? r.pick(WRONG_SUBJECTS) : ctx.region.submission.subject,
    };
    const path = uniquePath(
      `${EXAMPLE_FOLDERS.kandidatuur}/Kandidatuur ${fileNamePart(trekker.name)} - ${fileNamePart(concept)}`,
      paths,
    );
    const mistakesHere: ExampleMistake[] = [];
    if (late.has(i)) mistakesHere.push(mistake(kandidatuurLayout, 0, 'ontvangen', 'late'));
    if (wrong.has(i))
      mistakesHere.push(mistake(kandidatuurLayout, 0, 'onderwerp', 'wrong-subject'));
    files.push({
      path,
      kind: 'kandidatuur',
      owner: trekker.name,
      rows: { [kandidatuurLayout.id]: [row] },
      mistakes: mistakesHere,
    });
  }
  return files;
}

function uniquePath(base: string, taken: Set<string>): string {
  let p = `${base}.xlsx`;
  for (let i = 2; taken.has(p.toLowerCase()); i++) p = `${base} ${i}.xlsx`;
  taken.add(p.toLowerCase());
  return p;
}

function summary(
  r: Random,
  concept: string,
  areas: ProblemArea[],
  targets: string[],
  where: string,
  copartners: string[],
): string {
  const who = joinAnd(targets.map(lowerFirst));
  const what = joinAnd(areas.map((a) => lowerFirst(a.label)));
  const withWhom =
    copartners.length > 0 ? `samen met ${joinAnd(copartners)}` : 'met de lokale partners';
  const effect = r.pick([
    'Zo krijgen deelnemers sneller een succeservaring en vinden ze de weg naar werk of een zinvolle dagbesteding.',
    'Zo verkleinen we de afstand tot de arbeidsmarkt en groeit het welzijn van de deelnemers.',
    'Zo vermijden we dat mensen van het kastje naar de muur gestuurd worden.',
  ]);
  return `Met "${concept}" bouwen we in ${where} een aanklampende werking uit voor ${who}, rond ${what}. We werken vindplaatsgericht en in kleine stappen, ${withWhom}. ${effect}`;
}

// ---------------------------------------------------------------------------------------------
// Mistakes real users make.

const mistake = (
  layout: LayoutRef,
  rowIndex: number,
  field: string,
  kind: ExampleMistake['kind'],
): ExampleMistake => ({ layout: layout.id, rowIndex, field, kind });

/** How many of each mistake kind: a few at scale 1, growing with the scale. */
const mistakeCount = (ctx: Ctx) => Math.max(1, Math.round(ctx.scale));

function placeMistakes(
  ctx: Ctx,
  gemeenten: ExampleFile[],
  aanbod: ExampleFile[],
  kandidaturen: ExampleFile[],
): void {
  const r = ctx.rng('mistakes');
  const n = mistakeCount(ctx);
  const used = new Map<ExampleFile, Set<string>>();
  const vocabMunicipalities = new Set(ctx.region.municipalities.map((m) => m.toLowerCase()));
  const vocabAreas = new Set(ctx.region.problemAreas.map((p) => p.label.toLowerCase()));

  /** A row of `layout` in `file` without a mistake yet, preferably one that `prefer` likes. */
  const freeRow = (
    file: ExampleFile,
    layout: LayoutRef,
    prefer: (row: RowInput) => boolean = () => true,
  ): number => {
    const rows = file.rows[layout.id] ?? [];
    const taken = used.get(file) ?? new Set<string>();
    used.set(file, taken);
    const free = [...rows.keys()].filter((i) => !taken.has(`${layout.id}:${i}`));
    const liked = free.filter((i) => prefer(rows[i] as RowInput));
    const i =
      liked.length > 0 ? r.pick(liked) : free.length > 0 ? r.pick(free) : r.int(0, rows.length - 1);
    taken.add(`${layout.id}:${i}`);
    return i;
  };
  const rowOf = (file: ExampleFile, layout: LayoutRef, i: number): RowInput =>
    (file.rows[layout.id] as RowInput[])[i] as RowInput;
  const record = (
    file: ExampleFile,
    layout: LayoutRef,
    i: number,
    field: string,
    kind: ExampleMistake['kind'],
  ) => file.mistakes.push(mistake(layout, i, field, kind));

  // Municipal workbooks: each kind in different municipalities where there are enough.
  const g = r.shuffle(gemeenten);
  const gemeenteAt = (k: number, j: number) => g[(k + j * 4) % g.length] as ExampleFile;
  for (let j = 0; j < n; j++) {
    // A national register number typed into a persona note.
    let file = gemeenteAt(0, j);
    let i = freeRow(file, personaLayout);
    const row = rowOf(file, personaLayout, i);
    const age = gemeenteExtras.get(file)?.ages[i] ?? 30;
    const note = typeof row.toelichting === 'string' ? `${row.toelichting} ` : '';
    row.toelichting = `${note}Dossier via het Sociaal huis, rijksregisternummer ${nationalNumber(() => r.float(), ctx.year - age)}.`;
    record(file, personaLayout, i, 'toelichting', 'national-number');

    // A required persona value left empty.
    file = gemeenteAt(1, j);
    i = freeRow(file, personaLayout);
    const field = (['krachten', 'bron', 'aantal'] as const)[j % 3] as string;
    rowOf(file, personaLayout, i)[field] = null;
    record(file, personaLayout, i, field, 'missing-required');

    // A problem area typed by hand instead of picked from the list.
    file = gemeenteAt(2, j);
    i = freeRow(file, noodLayout, (row) => typoFor(ctx, String(row.probleemgebied)) !== undefined);
    const need = rowOf(file, noodLayout, i);
    need.probleemgebied = misspellArea(ctx, String(need.probleemgebied), vocabAreas);
    record(file, noodLayout, i, 'probleemgebied', 'not-in-list');

    // A description that starts with "=".
    file = gemeenteAt(3, j);
    i = freeRow(file, noodLayout);
    rowOf(file, noodLayout, i).omschrijving = '=> zie verslag van het intakegesprek';
    record(file, noodLayout, i, 'omschrijving', 'formula-text');
  }

  // Offer workbooks: each mistake in its own workbook.
  const a = r.shuffle(aanbod);
  const offerAt = (k: number, j: number) => a[(k * n + j) % a.length] as ExampleFile;
  const misspelt = misspellMunicipality(ctx, vocabMunicipalities);
  for (let j = 0; j < n; j++) {
    let file = offerAt(0, j);
    let i = freeRow(file, aanbodLayout);
    const field = (['email', 'wachttijd', 'kost'] as const)[j % 3] as string;
    rowOf(file, aanbodLayout, i)[field] = null;
    record(file, aanbodLayout, i, field, 'missing-required');

    file = offerAt(1, j);
    i = freeRow(file, aanbodLayout);
    const offer = rowOf(file, aanbodLayout, i);
    const list = Array.isArray(offer.gemeenten) ? (offer.gemeenten as string[]) : [];
    const kept = list.filter((m) => m !== WHOLE_REGION && m !== misspelt.of);
    offer.gemeenten = [...kept, misspelt.as];
    record(file, aanbodLayout, i, 'gemeenten', 'not-in-list');

    file = offerAt(2, j);
    i = freeRow(file, aanbodLayout);
    rowOf(file, aanbodLayout, i).omschrijving = '=> zie folder in bijlage';
    record(file, aanbodLayout, i, 'omschrijving', 'formula-text');
  }

  // Candidacies: late and wrong subject are placed while generating; here a required value is
  // left empty in candidacies that carry no other mistake and are not the on-time edge.
  const clean = kandidaturen.filter(
    (f) =>
      f.mistakes.length === 0 &&
      rowOf(f, kandidatuurLayout, 0).ontvangen instanceof Date &&
      (rowOf(f, kandidatuurLayout, 0).ontvangen as Date).getTime() !== ctx.deadline.getTime(),
  );
  for (const file of r.sample(clean, n)) {
    const field = r.chance(0.7) ? 'copartners' : 'doelgroepen';
    rowOf(file, kandidatuurLayout, 0)[field] = null;
    record(file, kandidatuurLayout, 0, field, 'missing-required');
  }
}

/** A valid Belgian national register number (yy.mm.dd-sss.cc) for someone born in `year`. */
export function nationalNumber(rng: Rng, year: number): string {
  const rand = new Random(rng);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const first9 = `${pad(year % 100, 2)}${pad(rand.int(1, 12), 2)}${pad(rand.int(1, 28), 2)}${pad(rand.int(1, 997), 3)}`;
  const base = year >= 2000 ? 2_000_000_000 + Number(first9) : Number(first9);
  const check = pad(97 - (base % 97), 2);
  return `${first9.slice(0, 2)}.${first9.slice(2, 4)}.${first9.slice(4, 6)}-${first9.slice(6, 9)}.${check}`;
}

/** A municipality as people mistype it: "Sint Martens Latem" for "Sint-Martens-Latem". */
function misspellMunicipality(ctx: Ctx, vocab: Set<string>): { of: string; as: string } {
  const ms = ctx.region.municipalities;
  const hyphenated = ms.find((m) => m.includes('-'));
  const of = hyphenated ?? (ms[0] as string);
  let as = hyphenated ? of.replace(/-/g, ' ') : of.slice(0, -1);
  while (vocab.has(as.toLowerCase()) || as.trim() === '') as += 'e';
  return { of, as };
}

const AREA_TYPOS: Record<string, string> = {
  psychisch: 'Psychische kwetsbaarheid',
  huisvesting: 'Huisvesting',
  nederlands: 'Taalproblemen',
  mobiliteit: 'Mobiliteit',
  administratie: 'Schulden',
};

function typoFor(ctx: Ctx, label: string): string | undefined {
  const area = ctx.region.problemAreas.find((p) => p.label === label);
  return area && AREA_TYPOS[area.id];
}

/** A problem area typed by hand: a near-miss of the list value (or of its last word). */
function misspellArea(ctx: Ctx, label: string, vocab: Set<string>): string {
  let typo = typoFor(ctx, label) ?? upperFirst(label.split(' ').pop() ?? label);
  while (vocab.has(typo.toLowerCase())) typo += 's';
  return typo;
}
