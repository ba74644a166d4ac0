import { describe, expect, it } from 'vitest';
import { aanbodLayout, mijlpaalLayout, noodLayout, personaLayout } from '../src/domain/layouts.js';
import { offerProvenance } from '../src/domain/pane/offer-status.js';
import { staffMilestones } from '../src/domain/pane/timeline-items.js';
import { workbookTodos } from '../src/domain/pane/workbook-todos.js';
import { leieSchelde as region } from '../src/domain/region/leie-schelde.js';
import { validateWorkbook } from '../src/domain/validate.js';
import { TEMPLATE_VERSION } from '../src/domain/workbook-kinds.js';
import { need, offer, persona, type Row } from './helpers/overview-sources.js';
import { sheetOf, workbookOf } from './helpers/raw.js';

// The Tijdlijn for municipal staff: what their own workbook still lacks (each with the cell to
// go to) and the call's dates that set their pace, in plain Dutch.

const HOUSING = 'Huisvestingsproblemen';
const june3 = new Date('2023-06-03T10:00:00Z');

function todos(o: { personas: Row[]; needs: Row[]; offers?: Row[]; meta?: object }) {
  const wb = workbookOf(
    [
      sheetOf(personaLayout, o.personas),
      sheetOf(noodLayout, o.needs),
      sheetOf(aanbodLayout, o.offers ?? []),
      sheetOf(mijlpaalLayout, []),
    ],
    {
      kind: 'gemeente',
      version: String(TEMPLATE_VERSION),
      region: region.id,
      owner: 'Deinze',
      ...o.meta,
    },
    'Gemeente Deinze.xlsx',
  );
  return workbookTodos(wb, validateWorkbook(wb, region), region, june3);
}

const loadedOn = (day: Date) => Object.fromEntries(offerProvenance('Overzicht.xlsx', day));
const offers = [offer('Woonwinkel', HOUSING, 'Deinze', 2)];

describe('workbookTodos', () => {
  it('names personas without needs, empty required cells and unloaded offers, with cells', () => {
    const items = todos({
      personas: [
        persona('P01', 10),
        persona('P02', 4, { naam: 'Sofie, 19' }),
        persona('P03', 2, { doelen: null, krachten: null }),
      ],
      needs: [need('P01', HOUSING), need('P03', HOUSING)],
    });
    expect(items).toEqual([
      {
        text: "Persona P02 (Sofie, 19) heeft nog geen noden: kies P02 bij Persona's en voeg er minstens één toe.",
        cell: { sheet: "Persona's", address: 'A3' },
      },
      {
        text: "2 verplichte cellen zijn nog leeg: vul ze in, anders telt de rij niet mee in het regionaal overzicht. De eerste staat op Persona's!C4.",
        cell: { sheet: "Persona's", address: 'C4' },
      },
      {
        text: expect.stringContaining('Het aanbod van de partners is nog niet geladen'),
        cell: null,
      },
    ]);
  });

  it("counts the check's other findings apart, pointing at the first", () => {
    const items = todos({
      personas: [persona('P01', 10, { leeftijd: 'Bejaard' })],
      needs: [need('P01', HOUSING)],
      offers,
      meta: loadedOn(new Date(2023, 5, 1)),
    });
    expect(items).toEqual([
      {
        text: expect.stringMatching(
          /^Controleren vindt nog 1 fout: .* De eerste staat op Persona's!E2\.$/,
        ),
        cell: { sheet: "Persona's", address: 'E2' },
      },
    ]);
  });

  it('asks for a first persona, and for fresh offers when they are old', () => {
    const items = todos({ personas: [], needs: [], offers, meta: loadedOn(new Date(2023, 1, 1)) });
    expect(items.map((i) => i.text)).toEqual([
      "Er staat nog geen persona in de werkmap: voeg er een toe bij Persona's, of vul het blad Persona's in.",
      'Het aanbod is 122 dagen oud (geladen op 01/02/2023): laad het recentste regionaal overzicht bij Aanbod.',
    ]);
    expect(items[0]!.cell).toEqual({ sheet: "Persona's", address: 'A2' });
  });

  it('has nothing to ask of a complete workbook with recent offers', () => {
    const items = todos({
      personas: [persona('P01', 10)],
      needs: [need('P01', HOUSING)],
      offers,
      meta: loadedOn(new Date(2023, 5, 1)),
    });
    expect(items).toEqual([]);
  });

  it('asks only to set up a workbook that is no Partnerschap workbook yet', () => {
    const wb = workbookOf([], null, 'Map1.xlsx');
    expect(workbookTodos(wb, validateWorkbook(wb, region), region, june3)).toEqual([
      { text: expect.stringContaining('Werkmap inrichten'), cell: null },
    ]);
  });
});

describe('staffMilestones', () => {
  it('says by when the needs should be in, and when the decision follows', () => {
    expect(staffMilestones(region, june3)).toEqual([
      "Partners schrijven hun kandidatuur met het regionaal overzicht: zet uw persona's en noden in de gedeelde map ruim vóór de deadline voor kandidaturen, 09/06/2023 23:59 (over 6 dagen).",
      'De beslissing over de kandidaturen wordt ten laatste op 07/07/2023 meegedeeld.',
    ]);
  });

  it('says the deadline is past once it is, and drops the decision once it was made', () => {
    expect(staffMilestones(region, new Date('2023-07-10T10:00:00Z'))).toEqual([
      expect.stringMatching(/^De deadline voor kandidaturen \(09\/06\/2023 23:59\) is voorbij\./),
    ]);
  });
});
