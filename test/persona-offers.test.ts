import { describe, expect, it } from 'vitest';
import { aanbodLayout, noodLayout, personaLayout } from '../src/domain/layouts.js';
import { offerProvenance } from '../src/domain/pane/offer-status.js';
import { personaOffers } from '../src/domain/pane/persona-offers.js';
import { leieSchelde as region } from '../src/domain/region/leie-schelde.js';
import { validateWorkbook } from '../src/domain/validate.js';
import { need, offer, persona, type Row } from './helpers/overview-sources.js';
import { sheetOf, workbookOf } from './helpers/raw.js';

// "Passend aanbod" for the persona open in the pane, from the workbook as the pane read it:
// which state (and so which explanation) the view shows, and the ranking it lists.

const HOUSING = 'Huisvestingsproblemen';
const MONEY = 'Administratie en financiën';
const DIGITAL = 'Beperkte digitale vaardigheden';
const day = new Date(Date.UTC(2023, 5, 9));
const loaded = Object.fromEntries(offerProvenance('Overzicht.xlsx', day));

function answer(o: {
  personas?: Row[];
  needs?: Row[];
  offers?: Row[];
  meta?: Record<string, string>;
  id?: string;
}) {
  const wb = workbookOf(
    [
      sheetOf(personaLayout, o.personas ?? [persona('P01', 10)]),
      sheetOf(noodLayout, o.needs ?? [need('P01', HOUSING), need('P01', MONEY)]),
      sheetOf(aanbodLayout, o.offers ?? []),
    ],
    {
      kind: 'gemeente',
      version: '1',
      region: region.id,
      owner: 'Deinze',
      ...loaded,
      ...o.meta,
    },
    'Gemeente Deinze.xlsx',
  );
  return personaOffers(wb, validateWorkbook(wb, region), region, o.id ?? 'P01', day);
}

const offers = [
  offer('Woonwinkel', HOUSING, 'Deinze', 6),
  offer('Budget en wonen', `${HOUSING}; ${MONEY}`, 'Hele regio', 8),
  offer('Woonbuddy Arabisch', HOUSING, 'Deinze', 6, { talen: 'Nederlands; Arabisch' }),
  offer('Schuldhulp Gent', MONEY, 'Gent', 1),
];

describe('personaOffers', () => {
  it('says the offers are not loaded before anything was loaded, whatever the needs', () => {
    const meta = { 'aanbod-bron': '', 'aanbod-geladen': '' };
    expect(answer({ meta })).toEqual({ state: 'not-loaded' });
  });

  it("ranks the offers covering the persona's needs in its municipality, saying why", () => {
    const found = answer({ offers });
    expect(found.state).toBe('found');
    if (found.state !== 'found') return;
    expect(found.offers).toMatchObject({ loaded: true, source: 'Overzicht.xlsx' });
    expect(found.suggestions.map((s) => [s.offer.naam, s.why])).toEqual([
      ['Budget en wonen', 'dekt 2 van 2 noden; wacht 8 weken'],
      ['Woonbuddy Arabisch', 'dekt 1 van 2 noden; wacht 6 weken'],
      ['Woonwinkel', 'dekt 1 van 2 noden; wacht 6 weken'],
    ]);
    expect(found.uncovered).toEqual([]);
  });

  it("uses the persona's Dutch level; a refused persona with no level gets no language fit", () => {
    const a1 = answer({ offers, personas: [persona('P01', 10, { nederlands: 'A1' })] });
    const unknown = answer({ offers, personas: [persona('P01', 10, { nederlands: null })] });
    const names = (s: typeof a1) =>
      s.state === 'found' ? s.suggestions.map((x) => x.offer.naam) : s.state;
    expect(names(a1)).toEqual(['Budget en wonen', 'Woonbuddy Arabisch', 'Woonwinkel']);
    expect(a1.state === 'found' && a1.suggestions[1]!.why).toContain('ook in: Arabisch');
    expect(unknown.state === 'found' && unknown.suggestions[1]!.why).not.toContain('Arabisch');
  });

  it('names the needs no suggested offer covers, each once', () => {
    const needs = [need('P01', HOUSING), need('P01', DIGITAL), need('P01', DIGITAL)];
    expect(answer({ offers, needs })).toMatchObject({ state: 'found', uncovered: [DIGITAL] });
  });

  it('says a persona has no needs yet, and which areas found nothing', () => {
    expect(answer({ offers, id: 'P02', personas: [persona('P02', 3)] })).toMatchObject({
      state: 'no-needs',
    });
    expect(answer({ offers, needs: [need('P01', DIGITAL), need('P01', DIGITAL)] })).toEqual(
      expect.objectContaining({ state: 'none', municipality: 'Deinze', areas: [DIGITAL] }),
    );
  });

  it('cannot choose offers for a workbook that names no municipality of the region', () => {
    expect(answer({ offers, meta: { owner: 'Brugge' } })).toMatchObject({
      state: 'no-municipality',
    });
  });
});
