import { validateWorkbook } from '../src/domain/validate.js';
import { describe, expect, it } from 'vitest';
import { PreviewHost } from '../src/addin/host/preview-host.js';
import { aanbodLayout, noodLayout, personaLayout } from '../src/domain/layouts.js';
import { buildOverview } from '../src/domain/overview/merge.js';
import {
  fieldProblems,
  formFields,
  formRows,
  nextPersonaId,
} from '../src/domain/pane/layout-form.js';
import { chartData, municipalCoverage } from '../src/domain/pane/municipal-coverage.js';
import {
  copiedOffers,
  offerRows,
  offersFromWorkbook,
  type Offer,
} from '../src/domain/pane/offer-inventory.js';
import { areasNamed, noMatchHint, searchOffers } from '../src/domain/pane/offer-search.js';
import { timelineItems } from '../src/domain/pane/timeline-items.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { vocabulariesOf } from '../src/domain/vocabularies.js';
import { buildWorkbook } from '../src/workbook/xlsx/build-workbook.js';
import { readRawWorkbook } from '../src/workbook/xlsx/exceljs-raw.js';
import { workbookBytes } from '../src/workbook/xlsx/write-templates.js';
import { overviewWorkbook } from '../src/workbook/xlsx/write-overview.js';
import { writeWorkbook } from '../src/workbook/xlsx/xlsx-stream.js';
import {
  aanbodSource,
  day,
  gemeenteSource,
  need,
  offer,
  persona,
} from './helpers/overview-sources.js';

// The task pane's pure domain, fed with real xlsx bytes read in the page's way (exceljs).

const region = leieSchelde;
const HOUSING = 'Huisvestingsproblemen';
const LANGUAGE = 'Beperkte kennis Nederlands';
const DIGITAL = 'Beperkte digitale vaardigheden';

const offers = [
  offer('Woonbegeleiding', HOUSING, 'Deinze; Zulte', 3, { talen: 'Nederlands; Frans' }),
  offer('Taalcafé', LANGUAGE, 'Hele regio', 0, {
    doelgroepen: 'Nieuwkomers',
    talen: 'Tolk mogelijk',
  }),
  offer('Woonwinkel', HOUSING, 'Gavere', 12, { telefoon: '09 123 45 67' }),
  offer('Oud aanbod', HOUSING, 'Deinze', 1, { geldigTot: day(2023, 1, 31) }),
];

async function aanbodBytes(): Promise<Buffer> {
  return workbookBytes(
    buildWorkbook({ kind: 'aanbod', region, owner: 'Partner A', rows: { aanbod: offers } }),
  );
}

describe('offersFromWorkbook', () => {
  it('reads a partner inventory', async () => {
    const wb = await readRawWorkbook(new Uint8Array(await aanbodBytes()), 'Aanbod Partner A.xlsx');
    const read = offersFromWorkbook(wb, region);
    if (!read.ok) throw new Error(read.message);
    expect(read.source).toBe('aanbod');
    expect(read.offers.map((o) => o.naam)).toEqual(offers.map((o) => o.naam));
    expect(read.offers[0]!.talen).toEqual(['Nederlands', 'Frans']);
  });

  it('reads the Aanbod sheet of a real regional overview, its extra columns left out', async () => {
    const sources = [
      gemeenteSource(
        'Gemeenten/Gemeente Deinze.xlsx',
        'Deinze',
        [persona('P01', 8)],
        [need('P01', HOUSING)],
      ),
      aanbodSource('Partners/Aanbod/Aanbod A.xlsx', offers),
    ];
    const ov = buildOverview(region, sources, { asOf: day(2023, 6, 9), gapWaitWeeks: 8 });
    const bytes = (await writeWorkbook(overviewWorkbook(region, ov))).bytes;
    const read = offersFromWorkbook(
      await readRawWorkbook(new Uint8Array(bytes), 'Regionaal overzicht.xlsx'),
      region,
    );
    if (!read.ok) throw new Error(read.message);
    expect(read.source).toBe('overzicht');
    expect(read.problems).toEqual([]);
    expect(read.offers).toEqual(ov.records.aanbod.map((r) => r.record));
  });

  it('refuses a gemeente workbook, naming the file', async () => {
    const bytes = await workbookBytes(buildWorkbook({ kind: 'gemeente', region, owner: 'Deinze' }));
    const read = offersFromWorkbook(
      await readRawWorkbook(new Uint8Array(bytes), 'Gemeente Deinze.xlsx'),
      region,
    );
    expect(read).toEqual({
      ok: false,
      message: expect.stringMatching(/^Gemeente Deinze\.xlsx is geen aanbodinventaris/),
    });
  });

  it('writes offers into the Aanbod copy and reads them back unchanged', async () => {
    const wb = await readRawWorkbook(new Uint8Array(await aanbodBytes()), 'a.xlsx');
    const read = offersFromWorkbook(wb, region);
    if (!read.ok) throw new Error(read.message);
    const host = PreviewHost.blank('Gemeente Deinze.xlsx');
    await host.setUp('gemeente', region, 'Deinze');
    await host.replaceRows(aanbodLayout, offerRows(read.offers));
    expect(copiedOffers(await host.read(), region)).toEqual(read.offers);
  });
});

describe('searchOffers', () => {
  let active: Offer[] = [];
  const search = (q: Parameters<typeof searchOffers>[1]) =>
    searchOffers(active, q, region, day(2023, 6, 9)).map((m) => m.card.title);

  it('filters on each criterion, only active offers, the whole region serving everyone', async () => {
    const read = offersFromWorkbook(
      await readRawWorkbook(new Uint8Array(await aanbodBytes()), 'a.xlsx'),
      region,
    );
    if (!read.ok) throw new Error(read.message);
    active = read.offers;
    expect(search({})).toEqual(['Woonbegeleiding', 'Taalcafé', 'Woonwinkel']);
    expect(search({ probleemgebied: HOUSING })).toEqual(['Woonbegeleiding', 'Woonwinkel']);
    expect(search({ gemeente: 'Zulte' })).toEqual(['Woonbegeleiding', 'Taalcafé']);
    expect(search({ gemeente: 'Melle' })).toEqual(['Taalcafé']);
    expect(search({ doelgroep: '55-plussers' })).toEqual(['Woonbegeleiding', 'Woonwinkel']);
    expect(search({ taal: 'frans' })).toEqual(['Woonbegeleiding', 'Taalcafé']);
    expect(search({ maxWachttijdWeken: 3 })).toEqual(['Woonbegeleiding', 'Taalcafé']);
    expect(search({ tekst: 'woonwinkel' })).toEqual(['Woonwinkel']);
    expect(search({ probleemgebied: DIGITAL })).toEqual([]);
  });

  it('finds offers by the words people use: synonyms, service types, no accents or case', () => {
    // "huren" is in no offer's text: a synonym of Huisvestingsproblemen, which two offers cover.
    expect(search({ tekst: 'huren' })).toEqual(['Woonbegeleiding', 'Woonwinkel']);
    expect(search({ tekst: 'woning' })).toEqual(['Woonbegeleiding', 'Woonwinkel']);
    expect(search({ tekst: 'WONING' })).toEqual(['Woonbegeleiding', 'Woonwinkel']);
    expect(search({ tekst: 'taalcafe' })).toEqual(['Taalcafé']);
    expect(search({ tekst: 'schulden' })).toEqual([]);
    expect(areasNamed(region, 'schulden')).toEqual(['Administratie en financiën']);
    expect(areasNamed(region, 'financien')).toEqual(['Administratie en financiën']);
    expect(areasNamed(region, 'xyz')).toEqual([]);
    expect(noMatchHint(region, 'schulden')).toContain('hoort bij: Administratie en financiën');
    expect(noMatchHint(region, 'xyz')).toContain('Probeer een ander woord');
  });

  it('gives a card with the contact and the waiting time in Dutch', () => {
    const [card] = searchOffers(active, { tekst: 'Woonwinkel' }, region, day(2023, 6, 9)).map(
      (m) => m.card,
    );
    expect(card).toMatchObject({
      partner: 'Partner A',
      contact: { name: 'Onthaal', email: 'onthaal@voorbeeld.be', phone: '09 123 45 67' },
      municipalities: ['Gavere'],
      cost: 'Gratis',
      waitText: '12 weken wachttijd',
    });
    const taal = searchOffers(active, { tekst: 'Taalcafé' }, region, day(2023, 6, 9))[0]!.card;
    expect(taal.waitText).toBe('geen wachttijd');
  });
});

describe('municipalCoverage', () => {
  it('finds the gaps of one municipality from its own sheets and Aanbod copy', async () => {
    const host = PreviewHost.blank('Gemeente Gavere.xlsx');
    await host.setUp('gemeente', region, 'Gavere');
    await host.writeRecords([
      { layout: personaLayout, append: [persona('P01', 10), persona('P02', 4)] },
      {
        layout: noodLayout,
        append: [
          need('P01', HOUSING),
          need('P02', HOUSING),
          need('P01', DIGITAL),
          need('P02', LANGUAGE),
        ],
      },
    ]);
    await host.replaceRows(aanbodLayout, offers);
    const wb = await host.read();
    const coverage = municipalCoverage(wb, validateWorkbook(wb, region), region, {
      day: day(2023, 6, 9),
      waitWeeks: 8,
    });
    const line = (area: string) => coverage.lines.find((l) => l.area === area)!;
    expect(coverage.municipality).toBe('Gavere');
    expect(coverage.lines.map((l) => l.area)).toEqual(region.problemAreas.map((p) => p.label));
    expect(line(HOUSING)).toMatchObject({
      demand: 14,
      needs: 2,
      offers: 1,
      shortestWait: 12,
      gap: 'long-wait',
    });
    expect(line(HOUSING).reason).toBe('wachttijd langer dan 8 weken');
    expect(line(DIGITAL)).toMatchObject({
      demand: 10,
      offers: 0,
      gap: 'no-offer',
      reason: 'geen aanbod',
    });
    expect(line(LANGUAGE)).toMatchObject({ demand: 4, offers: 1, shortestWait: 0, gap: null });
    expect(coverage.gaps).toBe(2);
    expect(chartData(coverage).rows.find((r) => r.area === HOUSING)).toEqual({
      area: HOUSING,
      demand: 14,
      offers: 1,
    });
  });
});

describe('layout form', () => {
  it('describes every column of the layout, with the vocabulary as options', () => {
    const fields = formFields(personaLayout, region);
    expect(fields.map((f) => f.field)).toEqual(Object.keys(personaLayout.columns));
    expect(fields.find((f) => f.field === 'leeftijd')).toMatchObject({
      label: 'Leeftijdsgroep',
      type: 'choice',
      required: true,
      options: vocabulariesOf(region).leeftijd,
    });
  });

  it('checks required, type, vocabulary and formula text', () => {
    const problems = (field: string, value: string | string[]) =>
      fieldProblems(personaLayout, field, value, region).map((p) => `${p.severity}: ${p.message}`);
    expect(problems('naam', ' ')).toEqual(['error: "Naam persona" is verplicht en is leeg.']);
    expect(problems('aantal', 'twaalf')).toEqual([
      'error: "twaalf" is geen geheel getal. Vul een geheel getal in, bv. 12.',
    ]);
    expect(problems('leeftijd', '30 jaar')).toEqual([
      expect.stringMatching(/^error: "30 jaar" staat niet in de lijst/),
    ]);
    expect(problems('doelgroepen', ['Nieuwkomers', '55-plussers'])).toEqual([]);
    expect(problems('krachten', '=1+1')).toEqual([
      expect.stringMatching(/^warning: de tekst begint met "="/),
    ]);
    expect(problems('toelichting', '')).toEqual([]);
  });

  it('warns about personal data by kind, never echoing it', () => {
    const secrets = {
      rijksregisternummer: '85.07.30-033.28',
      iban: 'BE68 5390 0754 7034',
      telefoon: '0470 12 34 56',
      email: 'jan.peeters@example.com',
    };
    for (const [kind, secret] of Object.entries(secrets)) {
      const messages = fieldProblems(
        noodLayout,
        'omschrijving',
        `Zie ${secret} voor meer.`,
        region,
      );
      expect(messages).toHaveLength(1);
      expect(messages[0]!.severity).toBe('error');
      expect(messages[0]!.message).toContain(
        {
          rijksregisternummer: 'een rijksregisternummer',
          iban: 'een rekeningnummer (IBAN)',
          telefoon: 'een telefoonnummer',
          email: 'een e-mailadres',
        }[kind],
      );
      expect(messages[0]!.message).not.toContain(secret);
    }
    const both = fieldProblems(
      personaLayout,
      'toelichting',
      'Bel 0470 12 34 56 of mail a@b.be',
      region,
    );
    expect(both[0]!.message).toContain('een telefoonnummer en een e-mailadres');
    // Offers are not anonymous: a service's phone number is what it should show.
    expect(fieldProblems(aanbodLayout, 'voorwaarden', 'Bel 0470 12 34 56', region)).toEqual([]);
  });

  it('makes typed rows for a persona and its needs, or lists the errors', () => {
    const p = {
      id: 'P03',
      naam: 'Sofie, 19',
      krachten: 'Sociaal',
      doelen: 'Werk',
      leeftijd: '16-20 jaar',
      gezin: 'Alleenstaand',
      inkomen: 'Geen inkomen',
      nederlands: 'B1',
      digitaal: 'Basis',
      mobiliteit: 'Fiets',
      aantal: '12',
      bron: 'caseload',
      bijgewerkt: '14/04/2023',
    };
    const ok = formRows(
      p,
      [{ probleemgebied: HOUSING, ernst: 'Matig', dienstverlening: [] }],
      region,
    );
    expect(ok).toEqual({
      ok: true,
      persona: expect.objectContaining({
        id: 'P03',
        aantal: 12,
        bron: 'Caseload',
        bijgewerkt: day(2023, 4, 14),
        toelichting: null,
      }),
      needs: [
        expect.objectContaining({ persona: 'P03', probleemgebied: HOUSING, dienstverlening: null }),
      ],
    });
    const bad = formRows(
      { ...p, toelichting: 'mail a@b.be' },
      [{ probleemgebied: 'Honger', ernst: 'Matig' }],
      region,
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((x) => [x.row, x.field])).toEqual([
      ['persona', 'toelichting'],
      [0, 'probleemgebied'],
    ]);
  });

  it('numbers persona IDs after the highest', () => {
    expect(nextPersonaId([])).toBe('P01');
    expect(nextPersonaId(['P01', 'p09', 'X7', 'P03'])).toBe('P10');
    expect(nextPersonaId(['P99'])).toBe('P100');
  });
});

describe('timelineItems', () => {
  it('marks milestones past, next and upcoming around a moment, with the reminders due', () => {
    // 7 June 2023 12:00 Brussels: the launch is past, the deadline (9 June 23:59) is next.
    const view = timelineItems(region, new Date('2023-06-07T10:00:00Z'));
    const byId = new Map(view.milestones.map((m) => [m.id, m]));
    expect(byId.get('lancering')).toMatchObject({
      status: 'past',
      daysToGo: null,
      dateText: '28/04/2023',
      statusText: 'voorbij',
    });
    expect(byId.get('deadline')).toMatchObject({
      status: 'next',
      // Calendar days, as dates are read: 7 June to 9 June is 2, whatever the hours.
      daysToGo: 2,
      dateText: '09/06/2023 23:59',
    });
    expect(byId.get('deadline')!.statusText).toBe('volgende stap, over 2 dagen');
    const dayBefore = timelineItems(region, new Date('2023-06-08T10:00:00Z')).milestones;
    expect(dayBefore.find((m) => m.id === 'deadline')!.statusText).toBe('volgende stap, morgen');
    expect(byId.get('beoordeling')).toMatchObject({
      status: 'upcoming',
      dateText: '12/06/2023 tot 23/06/2023',
    });
    expect(byId.get('pitches')!.statusText).toMatch(/\(onder voorbehoud\)$/);
    expect(view.reminders.map((r) => r.title)).toContainEqual(
      expect.stringContaining('Deadline kandidaturen'),
    );
    expect(
      view.reminders.every(
        (r) => r.group === 'Binnen 7 dagen' || r.group === 'Achterstallig' || r.group === 'Later',
      ),
    ).toBe(true);

    const later = timelineItems(region, new Date('2023-06-15T10:00:00Z'));
    expect(later.milestones.find((m) => m.id === 'deadline')!.status).toBe('past');
    expect(later.milestones.find((m) => m.id === 'beoordeling')).toMatchObject({
      status: 'next',
      daysToGo: 0,
      statusText: 'nu bezig',
    });
  });
});
