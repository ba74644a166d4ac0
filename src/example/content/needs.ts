import type { Weights } from '../random.js';

// What a persona needs, per problem area id: example descriptions, the life domain and how
// serious needs tend to be.

export const NEED_TEXTS: Record<string, readonly string[]> = {
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

export const LIFE_DOMAIN: Record<string, string> = {
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

export const ERNST_WEIGHTS: Weights<string> = [
  ['Licht', 1],
  ['Matig', 2],
  ['Ernstig', 1.4],
];
