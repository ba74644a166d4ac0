import { describe, expect, it } from 'vitest';
import type { Offer } from '../src/domain/pane/offer-inventory.js';
import { indexOffers, suggestOffers } from '../src/domain/pane/offer-suggestions.js';
import { leieSchelde as region } from '../src/domain/region/leie-schelde.js';

// "Passend aanbod" for a persona: which offers, in which order, and why.

const HOUSING = 'Huisvestingsproblemen';
const MONEY = 'Administratie en financiën';
const LANGUAGE = 'Beperkte kennis Nederlands';
const day = new Date(Date.UTC(2023, 5, 9));

function offer(naam: string, over: Partial<Offer>): Offer {
  return {
    partner: 'Partner',
    naam,
    omschrijving: 'Begeleiding',
    probleemgebieden: [HOUSING],
    gemeenten: ['Deinze'],
    talen: ['Nederlands'],
    kost: 'Gratis',
    wachttijd: 2,
    doelgroepen: null,
    geldigVanaf: null,
    geldigTot: null,
    ...over,
  } as Offer;
}

const offers = [
  offer('Woonwinkel', { wachttijd: 6 }),
  offer('Budget en wonen', { probleemgebieden: [HOUSING, MONEY], wachttijd: 8 }),
  offer('Woonbuddy Arabisch', { talen: ['Nederlands', 'Arabisch'], wachttijd: 6 }),
  offer('Schuldhulp Gent', { probleemgebieden: [MONEY], gemeenten: ['Gent'] }),
  offer('Oud aanbod', { geldigTot: new Date(Date.UTC(2023, 0, 1)) }),
  offer('Regio taal', {
    probleemgebieden: [LANGUAGE],
    gemeenten: ['Hele regio'],
    kost: 'Betalend',
  }),
  offer('Alleen jongeren', { doelgroepen: ['Jongeren zonder diploma (16-20 jaar)'] }),
];

/** The offers suggested for a persona of Deinze with these needs, on the example's day. */
const inDeinze = (persona: Parameters<typeof suggestOffers>[1], needs: string[]) =>
  suggestOffers(region, persona, needs, 'Deinze', indexOffers(offers, day));

describe('suggestOffers', () => {
  it('ranks by needs covered, then language fit, then waiting time; says why', () => {
    const s = inDeinze({ nederlands: 'A1', doelgroepen: null }, [HOUSING, MONEY, LANGUAGE]).first();
    expect(s.map((x) => x.offer.naam)).toEqual([
      'Budget en wonen',
      'Woonbuddy Arabisch',
      'Regio taal',
      'Woonwinkel',
    ]);
    expect(s[0]!.why).toBe('dekt 2 van 3 noden; wacht 8 weken');
    expect(s[1]!.why).toBe('dekt 1 van 3 noden; ook in: Arabisch; wacht 6 weken');
  });

  it('does not count a language offer as a fit for someone who speaks Dutch well', () => {
    const s = inDeinze({ nederlands: 'Moedertaal', doelgroepen: null }, [HOUSING]).first();
    expect(s.map((x) => x.offer.naam)).toEqual([
      'Woonbuddy Arabisch',
      'Woonwinkel',
      'Budget en wonen',
    ]);
    expect(s[0]!.why).toBe('dekt 1 van 1 nood; wacht 6 weken');
  });

  it('offers for a target group only to personas of that group', () => {
    const young = inDeinze(
      { nederlands: 'B1', doelgroepen: ['Jongeren zonder diploma (16-20 jaar)'] },
      [HOUSING],
    ).first();
    expect(young.map((x) => x.offer.naam)).toContain('Alleen jongeren');
    expect(young[0]!.offer.naam).toBe('Alleen jongeren');
  });

  it('counts every fitting offer and makes only the first ones asked for, in the same order', () => {
    const ranked = inDeinze({ nederlands: 'A1', doelgroepen: null }, [HOUSING, MONEY, LANGUAGE]);
    expect(ranked.count).toBe(4);
    expect(ranked.first(2)).toEqual(ranked.first().slice(0, 2));
    expect(ranked.first(10)).toHaveLength(4);
    expect(ranked.first(0)).toEqual([]);
  });
});
