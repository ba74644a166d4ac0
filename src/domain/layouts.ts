import { opt, req, type Columns, type ReadOf, type RecordOf } from './columns.js';

// The sheet layouts: the single source of truth for every column of every sheet. The template
// generator, the add-in, the reader, the validator and the merge all take their columns from here.

export interface SheetLayout<Id extends string = string, C extends Columns = Columns> {
  id: Id;
  sheet: string;
  table: string;
  /** The column that identifies a row for people (shown in messages and duplicate reports). */
  key: keyof C & string;
  /** Rows a template offers; the table, its dropdowns and its unlocked cells span this many. */
  templateRows: number;
  columns: C;
  /** Persona's and Noden are anonymous composites: the privacy guard checks their text. */
  anonymous?: boolean;
  /** A column whose values must be unique within the sheet. */
  unique?: keyof C & string;
  /** A column whose values must exist in the unique column of another sheet of the workbook. */
  refersTo?: { field: keyof C & string; layout: string };
  /** Two date columns of which the second may not lie before the first. */
  dateOrder?: [keyof C & string, keyof C & string];
  /** Headers an older template had: a workbook that still has them is read, those columns not. */
  retired?: readonly string[];
}

function layout<const Id extends string, C extends Columns>(
  l: SheetLayout<Id, C>,
): SheetLayout<Id, C> {
  return l;
}

export const personaLayout = layout({
  id: 'persona',
  sheet: "Persona's",
  table: 'Personas',
  key: 'id',
  templateRows: 200,
  anonymous: true,
  unique: 'id',
  columns: {
    id: req('text', 'Persona-ID', {
      help: 'Een korte code, uniek in deze werkmap, bv. P01. Noden verwijzen ernaar.',
      width: 12,
    }),
    naam: req('text', 'Naam persona', {
      help: 'Een verzonnen naam voor deze samengestelde persona, bv. "Sofie, 19". Nooit een echte cliënt.',
    }),
    krachten: req('longtext', 'Talenten en krachten', {
      help: 'Wat kan deze persona wel? Talenten, krachten, interesses. Begin hiermee.',
    }),
    doelen: req('longtext', 'Doelen', { help: 'Wat wil deze persona bereiken?' }),
    leeftijd: req('choice', 'Leeftijdsgroep', {
      help: 'Kies een leeftijdsgroep uit de lijst.',
      vocabulary: 'leeftijd',
      width: 16,
    }),
    gezin: req('choice', 'Gezinssituatie', {
      help: 'Kies de gezinssituatie uit de lijst.',
      vocabulary: 'gezin',
    }),
    inkomen: req('choice', 'Inkomenssituatie', {
      help: 'Kies de belangrijkste inkomensbron uit de lijst.',
      vocabulary: 'inkomen',
      width: 30,
    }),
    nederlands: req('choice', 'Kennis Nederlands', {
      help: 'Kies het niveau Nederlands uit de lijst.',
      vocabulary: 'nederlands',
      width: 18,
    }),
    digitaal: req('choice', 'Digitale vaardigheden', {
      help: 'Kies het niveau uit de lijst.',
      vocabulary: 'digitaal',
      width: 18,
    }),
    mobiliteit: req('choice', 'Mobiliteit', {
      help: 'Hoe verplaatst deze persona zich meestal? Kies uit de lijst.',
      vocabulary: 'mobiliteit',
      width: 20,
    }),
    doelgroepen: opt('choices', 'Doelgroepen', {
      help: 'Kies een doelgroep uit de lijst. Meer dan één? Scheid ze met een puntkomma (;).',
      vocabulary: 'doelgroep',
    }),
    aantal: req('integer', 'Geschat aantal burgers', {
      help: 'Hoeveel burgers in de gemeente passen ongeveer bij deze persona? Een geheel getal.',
      width: 16,
    }),
    bron: req('choice', 'Bron', {
      help: 'Waar komt deze persona vandaan? Kies uit de lijst.',
      vocabulary: 'bron',
      width: 16,
    }),
    toelichting: opt('longtext', 'Toelichting', {
      help: 'Vrije toelichting. Geen namen, rijksregisternummers, telefoonnummers, e-mailadressen of rekeningnummers.',
    }),
    bijgewerkt: opt('date', 'Laatst bijgewerkt', { help: 'Datum als dd/mm/jjjj.' }),
  },
});

export const noodLayout = layout({
  id: 'nood',
  sheet: 'Noden',
  table: 'Noden',
  key: 'persona',
  templateRows: 600,
  anonymous: true,
  refersTo: { field: 'persona', layout: 'persona' },
  columns: {
    persona: req('text', 'Persona-ID', {
      help: "De Persona-ID uit het blad Persona's.",
      width: 12,
    }),
    probleemgebied: req('choice', 'Probleemgebied', {
      help: 'Kies de drempel uit de lijst (de probleemgebieden van de arena-analyse).',
      vocabulary: 'probleemgebied',
      width: 36,
    }),
    ernst: req('choice', 'Ernst', {
      help: 'Hoe zwaar weegt deze drempel? Licht, Matig of Ernstig.',
      vocabulary: 'ernst',
      width: 12,
    }),
    levensdomein: opt('choice', 'Levensdomein', {
      help: 'Op welk levensdomein speelt deze nood vooral? Kies uit de lijst.',
      vocabulary: 'levensdomein',
      width: 18,
    }),
    dienstverlening: opt('choices', 'Gewenste dienstverlening', {
      help: 'Kies een type dienstverlening uit de lijst. Meer dan één? Scheid ze met een puntkomma (;).',
      vocabulary: 'dienstverlening',
    }),
    omschrijving: opt('longtext', 'Omschrijving', {
      help: 'Beschrijf de nood. Geen namen, rijksregisternummers, telefoonnummers, e-mailadressen of rekeningnummers.',
    }),
  },
});

export const aanbodLayout = layout({
  id: 'aanbod',
  sheet: 'Aanbod',
  table: 'Aanbod',
  key: 'naam',
  templateRows: 100,
  dateOrder: ['geldigVanaf', 'geldigTot'],
  columns: {
    partner: req('text', 'Partner', { help: 'De naam van uw organisatie.' }),
    naam: req('text', 'Naam aanbod', { help: 'Een korte naam voor dit aanbod.', width: 30 }),
    omschrijving: req('longtext', 'Omschrijving', {
      help: 'Wat houdt het aanbod in? Voor wie, hoe, hoe lang?',
    }),
    probleemgebieden: req('choices', 'Probleemgebieden', {
      help: 'Voor welke drempels? Kies uit de lijst; meer dan één scheidt u met een puntkomma (;).',
      vocabulary: 'probleemgebied',
    }),
    dienstverlening: opt('choices', 'Type dienstverlening', {
      help: 'Welke types dienstverlening? Kies uit de lijst; meer dan één scheidt u met een puntkomma (;).',
      vocabulary: 'dienstverlening',
    }),
    doelgroepen: opt('choices', 'Doelgroepen', {
      help: 'Voor welke doelgroepen? Kies uit de lijst; meer dan één scheidt u met een puntkomma (;).',
      vocabulary: 'doelgroep',
    }),
    gemeenten: req('choices', 'Gemeenten', {
      help: 'In welke gemeenten? Kies "Hele regio" of gemeenten uit de lijst, gescheiden door een puntkomma (;).',
      vocabulary: 'gemeenteOfRegio',
    }),
    werkwijze: req('choices', 'Werkwijze', {
      help: 'Aan huis, vindplaatsgericht, op locatie of online. Meer dan één? Scheid ze met een puntkomma (;).',
      vocabulary: 'werkwijze',
      width: 26,
    }),
    talen: req('choices', 'Talen', {
      help: 'In welke talen? Kies uit de lijst; meer dan één scheidt u met een puntkomma (;).',
      vocabulary: 'taal',
      width: 26,
    }),
    kost: req('choice', 'Kostprijs', {
      help: 'Gratis, bijdrage naar draagkracht of betalend.',
      vocabulary: 'kost',
      width: 24,
    }),
    capaciteit: opt('integer', 'Capaciteit per jaar', {
      help: 'Hoeveel personen kan dit aanbod per jaar begeleiden? Een geheel getal.',
    }),
    wachttijd: req('number', 'Wachttijd (weken)', {
      help: 'De huidige wachttijd in weken. 0 als er geen wachttijd is.',
    }),
    voorwaarden: opt('longtext', 'Toegangsvoorwaarden', {
      help: 'Wie komt in aanmerking? Verwijzing nodig? Andere voorwaarden?',
    }),
    contact: req('text', 'Contactpersoon', {
      help: 'De contactpersoon of dienst voor doorverwijzingen (organisatie, geen cliënt).',
      width: 26,
      contact: true,
    }),
    email: req('email', 'E-mail contact', {
      help: 'Het e-mailadres voor doorverwijzingen.',
      contact: true,
    }),
    telefoon: opt('text', 'Telefoon contact', {
      help: 'Het telefoonnummer van de dienst.',
      contact: true,
      width: 18,
    }),
    geldigVanaf: opt('date', 'Geldig vanaf', { help: 'Datum als dd/mm/jjjj.' }),
    geldigTot: opt('date', 'Geldig tot', {
      help: 'Datum als dd/mm/jjjj. Leeg als het aanbod niet afloopt.',
    }),
    bijgewerkt: req('date', 'Laatst bijgewerkt', {
      help: 'Wanneer werden deze gegevens het laatst nagekeken? Datum als dd/mm/jjjj.',
      width: 16,
    }),
  },
});

export const kandidatuurLayout = layout({
  id: 'kandidatuur',
  sheet: 'Kandidatuur',
  table: 'Kandidaturen',
  key: 'titel',
  templateRows: 20,
  dateOrder: ['start', 'einde'],
  columns: {
    titel: req('text', 'Titel project', { help: 'De titel van het projectvoorstel.', width: 34 }),
    trekker: req('text', 'Indiener (trekker)', {
      help: 'De organisatie die het voorstel indient en trekt.',
      width: 28,
    }),
    copartners: req('text', 'Copartners', {
      help: 'De partners die meewerken, gescheiden door een puntkomma (;). "Geen" als u alleen indient.',
      width: 34,
    }),
    contact: req('text', 'Contactpersoon', {
      help: 'Wie beantwoordt vragen over dit voorstel?',
      contact: true,
    }),
    email: req('email', 'E-mail contact', {
      help: 'Het e-mailadres van de contactpersoon.',
      contact: true,
    }),
    gemeenten: req('choices', 'Gemeenten', {
      help: 'In welke gemeenten? Kies "Hele regio" of gemeenten uit de lijst, gescheiden door een puntkomma (;).',
      vocabulary: 'gemeenteOfRegio',
    }),
    probleemgebieden: req('choices', 'Probleemgebieden', {
      help: 'Welke drempels pakt het voorstel aan? Meer dan één scheidt u met een puntkomma (;).',
      vocabulary: 'probleemgebied',
    }),
    doelgroepen: req('choices', 'Doelgroepen', {
      help: 'Welke doelgroepen bereikt het voorstel? Meer dan één scheidt u met een puntkomma (;).',
      vocabulary: 'doelgroep',
    }),
    samenvatting: req('longtext', 'Samenvatting', {
      help: 'Wat wil het project doen, hoe, en wat verandert er voor de doelgroep?',
      width: 60,
    }),
    deelnemers: opt('integer', 'Beoogd aantal deelnemers', {
      help: 'Hoeveel deelnemers wil het project bereiken? Een geheel getal.',
      width: 16,
    }),
    budget: opt('number', 'Gevraagd budget (EUR)', {
      help: 'Het gevraagde bedrag in euro, zonder punt voor duizendtallen, bv. 45000.',
      width: 18,
    }),
    start: opt('date', 'Startdatum', { help: 'Datum als dd/mm/jjjj.' }),
    einde: opt('date', 'Einddatum', { help: 'Datum als dd/mm/jjjj.' }),
  },
  // The received moment and the e-mail's subject are the coordinator's: kept in the tracker.
  retired: ['Ontvangen op', 'Onderwerp e-mail'],
});

export const mijlpaalLayout = layout({
  id: 'mijlpaal',
  sheet: 'Tijdlijn',
  table: 'Tijdlijn',
  key: 'label',
  templateRows: 0,
  columns: {
    id: req('text', 'Code', { help: 'De code van de stap.', width: 14 }),
    label: req('text', 'Stap', { help: 'De stap in het matchingproces.', width: 40 }),
    start: req('datetime', 'Vanaf of op', { help: 'Datum en uur (Brusselse tijd).' }),
    einde: opt('datetime', 'Tot en met', { help: 'Datum en uur (Brusselse tijd).' }),
    voorlopig: req('choice', 'Onder voorbehoud', {
      help: 'Ja als de datum nog niet vastligt.',
      vocabulary: 'janee',
      width: 16,
    }),
    omschrijving: opt('longtext', 'Toelichting', { help: 'Meer uitleg over deze stap.' }),
  },
});

// The coordinator's tracker: one row per candidacy. Columns marked bySync are filled and
// refreshed by the sync; the coordinator types in the others, which the sync never overwrites.
const sync = { bySync: true } as const;

export const opvolgingLayout = layout({
  id: 'opvolging',
  sheet: 'Opvolging',
  table: 'Opvolging',
  key: 'dossier',
  templateRows: 0,
  unique: 'dossier',
  columns: {
    dossier: req('text', 'Dossier', {
      ...sync,
      help: 'De code van de kandidatuur (door de synchronisatie).',
      width: 12,
    }),
    titel: req('text', 'Titel project', { ...sync, help: 'Uit de kandidatuur.', width: 34 }),
    trekker: req('text', 'Indiener (trekker)', { ...sync, help: 'Uit de kandidatuur.', width: 28 }),
    copartners: opt('text', 'Copartners', { ...sync, help: 'Uit de kandidatuur.', width: 30 }),
    gemeenten: opt('choices', 'Gemeenten', {
      ...sync,
      help: 'Uit de kandidatuur.',
      vocabulary: 'gemeenteOfRegio',
    }),
    bron: req('text', 'Bronbestand', {
      ...sync,
      help: 'Het bestand op de gedeelde map.',
      width: 40,
    }),
    ontvangen: opt('datetime', 'Ontvangen op', {
      help: 'Wanneer de e-mail met de kandidatuur binnenkwam (Brusselse tijd), als dd/mm/jjjj uu:mm. Typ het zelf of laat partnerschap intake het invullen.',
    }),
    onderwerp: opt('text', 'Onderwerp e-mail', {
      help: 'Het onderwerp van die e-mail. Typ het zelf of laat partnerschap intake het invullen.',
      width: 36,
    }),
    intake: opt('longtext', 'Controle bij ontvangst', {
      ...sync,
      help: 'Wat de synchronisatie vond: te laat, verkeerd onderwerp, ontbrekende gegevens, of in orde.',
    }),
    gemiddelde: opt('number', 'Gewogen gemiddelde', {
      ...sync,
      help: 'Uit het blad Beoordelingen, zonder scores met een belangenconflict.',
    }),
    rang: opt('integer', 'Rang', { ...sync, help: 'Volgens het gewogen gemiddelde.', width: 8 }),
    hiaten: opt('longtext', 'Vult hiaten', {
      ...sync,
      help: 'De hiaten van het regionaal overzicht (probleemgebied zonder passend aanbod in een gemeente) waarop de kandidatuur inspeelt, met de geschatte burgers erin: de feiten voor het criterium "aansluiting bij de regio-uitdaging".',
      width: 44,
    }),
    weerwoordTot: opt('datetime', 'Weerwoord tot', {
      ...sync,
      help: 'Beslissing gecommuniceerd op + 14 dagen, tot 23:59.',
    }),
    stadium: req('choice', 'Stadium', {
      help: 'Waar staat deze kandidatuur? Kies uit de lijst.',
      vocabulary: 'stadium',
      width: 26,
    }),
    ontvankelijkOp: opt('date', 'Ontvankelijkheid beslist op', { help: 'Datum als dd/mm/jjjj.' }),
    beoordeeldOp: opt('date', 'Schriftelijk beoordeeld op', { help: 'Datum als dd/mm/jjjj.' }),
    pitch: opt('datetime', 'Pitch (datum en uur)', { help: 'Als dd/mm/jjjj uu:mm.' }),
    beslissing: opt('choice', 'Jurybeslissing', {
      help: 'Kies de beslissing van de jury.',
      vocabulary: 'beslissing',
      width: 28,
    }),
    juryOp: opt('date', 'Jurybeslissing op', { help: 'Datum als dd/mm/jjjj.' }),
    gecommuniceerdOp: opt('date', 'Beslissing gecommuniceerd op', {
      help: 'Datum als dd/mm/jjjj.',
    }),
    weerwoordOp: opt('date', 'Weerwoord ontvangen op', { help: 'Datum als dd/mm/jjjj.' }),
    weerwoordUitkomst: opt('choice', 'Uitkomst weerwoord', {
      help: 'Kies de uitkomst van het weerwoord.',
      vocabulary: 'weerwoord',
      width: 24,
    }),
    definitiefOp: opt('date', 'Definitief op', { help: 'Datum als dd/mm/jjjj.' }),
    opmerkingen: opt('longtext', 'Opmerkingen', { help: 'Vrije opmerkingen van de coördinator.' }),
  },
});

export const beoordelingLayout = layout({
  id: 'beoordeling',
  sheet: 'Beoordelingen',
  table: 'Beoordelingen',
  key: 'dossier',
  templateRows: 200,
  refersTo: { field: 'dossier', layout: 'opvolging' },
  columns: {
    dossier: req('text', 'Dossier', { help: 'De code uit het blad Opvolging.', width: 12 }),
    beoordelaar: req('text', 'Beoordelaar', { help: 'De naam van de beoordelaar.', width: 24 }),
    criterium: req('choice', 'Criterium', {
      help: 'Kies het criterium uit de lijst.',
      vocabulary: 'criterium',
      width: 34,
    }),
    score: req('number', 'Score', {
      help: 'De score op de schaal van de regio (standaard 0 tot 10).',
      width: 10,
    }),
    commentaar: opt('longtext', 'Commentaar', { help: 'Waarom deze score?' }),
    belangenconflict: req('choice', 'Belangenconflict', {
      help: 'Ja als de beoordelaar een belangenconflict heeft met deze kandidatuur: de score telt dan niet mee.',
      vocabulary: 'janee',
      width: 16,
    }),
  },
});

export const layouts = [
  personaLayout,
  noodLayout,
  aanbodLayout,
  kandidatuurLayout,
  mijlpaalLayout,
  opvolgingLayout,
  beoordelingLayout,
] as const;
export type AnyLayout = (typeof layouts)[number];
export type LayoutId = AnyLayout['id'];

/** A row of the layout's sheet that passed validation. */
export type RecordOfLayout<L extends { columns: Columns }> = RecordOf<L['columns']>;
/** What could be read of a refused row of the layout's sheet. */
export type ReadOfLayout<L extends { columns: Columns }> = ReadOf<L['columns']>;

export type Persona = RecordOfLayout<typeof personaLayout>;
export type Nood = RecordOfLayout<typeof noodLayout>;
export type Aanbod = RecordOfLayout<typeof aanbodLayout>;
export type Kandidatuur = RecordOfLayout<typeof kandidatuurLayout>;
export type Mijlpaal = RecordOfLayout<typeof mijlpaalLayout>;
export type Beoordeling = RecordOfLayout<typeof beoordelingLayout>;
