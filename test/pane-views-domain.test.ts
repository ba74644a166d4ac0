import { describe, expect, it } from 'vitest';
import { checkResultText } from '../src/addin/commands/check-result-text.js';
import type { RawWorkbook } from '../src/domain/cells.js';
import { noodLayout, personaLayout } from '../src/domain/layouts.js';
import { storedPersonas } from '../src/domain/pane/form-prefill.js';
import { setupState } from '../src/domain/setup-state.js';
import { TEMPLATE_VERSION } from '../src/domain/workbook-kinds.js';
import { sheetOf } from './helpers/raw.js';

// The small pure pieces behind the pane's views: where a workbook stands for "Werkmap
// inrichten", the form's prefill when a persona is edited, and the ribbon dialog's text.

const meta = (version = TEMPLATE_VERSION) =>
  new Map([
    ['kind', 'gemeente'],
    ['version', String(version)],
    ['region', 'leie-schelde'],
    ['owner', 'Melle'],
  ]);

function workbook(over: Partial<RawWorkbook> = {}): RawWorkbook {
  return {
    file: 'Gemeente Melle.xlsx',
    meta: meta(),
    date1904: false,
    sheets: [
      sheetOf(personaLayout, []),
      sheetOf(noodLayout, []),
      sheetOf({ columns: {} } as never, [], 'Aanbod'),
    ],
    ...over,
  };
}

describe('setupState', () => {
  it('says none for a workbook that is no Partnerschap workbook', () => {
    expect(setupState(workbook({ meta: null, sheets: [] }))).toEqual({ status: 'none' });
  });

  it('lists missing sheets and columns, and an older version, as outdated', () => {
    const personas = sheetOf(personaLayout, []);
    personas.headers.delete(3);
    const state = setupState(workbook({ meta: meta(0), sheets: [personas] }));
    expect(state.status).toBe('outdated');
    expect(state.status === 'outdated' && state.missing).toEqual(
      expect.arrayContaining(["Persona's: Talenten en krachten", 'Noden', 'Aanbod']),
    );
  });
});

describe('storedPersonas', () => {
  it('gives each persona its sheet row, form text and its own needs', () => {
    const wb = workbook({
      sheets: [
        sheetOf(personaLayout, [
          {
            id: 'P01',
            naam: 'Sofie, 19',
            doelgroepen: 'Jongeren; Alleenstaanden',
            bijgewerkt: new Date(Date.UTC(2023, 4, 2)),
          },
          { id: 'P02', naam: 'Dirk', aantal: 12 },
        ]),
        sheetOf(noodLayout, [
          { persona: 'P02', probleemgebied: 'Beperkte mobiliteit' },
          { persona: 'P01', probleemgebied: 'Huisvestingsproblemen' },
        ]),
      ],
    });
    const [p1, p2] = storedPersonas(wb);
    expect(p1).toMatchObject({ id: 'P01', naam: 'Sofie, 19', row: 2 });
    expect(p1!.values.doelgroepen).toEqual(['Jongeren', 'Alleenstaanden']);
    expect(p1!.values.bijgewerkt).toBe('02/05/2023');
    expect(p1!.needs).toEqual([
      expect.objectContaining({
        row: 3,
        values: expect.objectContaining({ probleemgebied: 'Huisvestingsproblemen' }),
      }),
    ]);
    expect(p2!.values.aantal).toBe('12');
    expect(p2!.needs.map((n) => n.row)).toEqual([2]);
  });
});

describe('checkResultText', () => {
  it('names the counts and the selected cell', () => {
    const r = checkResultText("?errors=2&warnings=1&rows=40&sheet=Persona's&cell=E3");
    expect(r.intent).toBe('error');
    expect(r.lines.join(' ')).toContain('2 fouten en 1 waarschuwing in 40 rijen');
    expect(r.lines.join(' ')).toContain("blad Persona's, cel E3");
  });

  it('says all is well, or that the check could not run', () => {
    expect(checkResultText('?errors=0&warnings=0&rows=1')).toEqual({
      intent: 'success',
      lines: ['Alles in orde: 1 rij gecontroleerd, niets te verbeteren.'],
    });
    expect(checkResultText('?failed=1').intent).toBe('error');
    expect(checkResultText('?errors=x&warnings=0&rows=1').intent).toBe('error');
  });

  it('never shows a cell address that is not one', () => {
    const r = checkResultText('?errors=1&warnings=0&rows=1&sheet=X&cell=<script>');
    expect(r.lines.join(' ')).not.toContain('script');
  });
});
