import { describe, expect, it } from 'vitest';
import { OfficeHost } from '../src/addin/host/office-host.js';
import { PreviewHost } from '../src/addin/host/preview-host.js';
import { aanbodLayout, noodLayout, personaLayout } from '../src/domain/layouts.js';
import { storedPersonas } from '../src/domain/pane/form-prefill.js';
import { formRows } from '../src/domain/pane/layout-form.js';
import { draftOf, draftWrites, typePersona } from '../src/domain/pane/persona-draft.js';
import { chartData, municipalCoverage } from '../src/domain/pane/municipal-coverage.js';
import { copiedOffers } from '../src/domain/pane/offer-inventory.js';
import { leieSchelde as region } from '../src/domain/region/leie-schelde.js';
import { setupState } from '../src/domain/setup-state.js';
import { issueCell, issueMessage } from '../src/domain/issue.js';
import { rowCounts, validateWorkbook } from '../src/domain/validate.js';
import type { WorkbookHost } from '../src/domain/workbook-host.js';
import { fakeExcel } from './helpers/excel-fake.mjs';
import { day, offer, persona } from './helpers/overview-sources.js';

// The port's promise: the pane's views see the same workbook whichever adapter answers. One
// session of the pane (set up, save a persona with needs from the form, edit it, refresh the
// offers, look at the coverage, insert the chart) runs on the Office.js host (over the fake Excel)
// and on the preview host (exceljs), and every domain outcome is compared between the two.

const HOUSING = 'Huisvestingsproblemen';
const LANGUAGE = 'Beperkte kennis Nederlands';

function officeHost(): WorkbookHost {
  const fake = fakeExcel();
  fake.addSheet('Blad1');
  return new OfficeHost({ run: (batch) => batch(fake.context), timeoutMs: 5_000 });
}

// What a user types: the test fixtures' persona as form text, with a formula-like goal.
const form = {
  ...Object.fromEntries(Object.entries(persona('P01', 14)).map(([k, v]) => [k, String(v)])),
  naam: 'Sofie, 19',
  doelen: '=1+1',
  bijgewerkt: '02/05/2023',
};
const needs = [
  { probleemgebied: HOUSING, ernst: 'Ernstig' },
  { probleemgebied: LANGUAGE, ernst: 'Matig', dienstverlening: [] },
];
const offers = [
  offer('Woonbegeleiding', HOUSING, 'Gavere; Zulte', 3),
  offer('Woonwinkel', HOUSING, 'Deinze', 2),
];

async function session(host: WorkbookHost) {
  const before = setupState(await host.read()).status;
  const setUp = await host.setUp('gemeente', region, 'Gavere');

  const rows = formRows(form, needs, region);
  if (!rows.ok) throw new Error(JSON.stringify(rows.problems));
  await host.writeRecords([
    { layout: personaLayout, append: [rows.persona] },
    { layout: noodLayout, append: rows.needs },
  ]);
  const saved = storedPersonas(await host.read());

  // Edited as the pane does: only the changed field is written, the others keep their cells.
  const draft = typePersona(draftOf(saved[0]!), 'naam', 'Sofie, 20');
  const edited = formRows(
    draft.persona,
    draft.needs.map((n) => n.values),
    region,
  );
  if (!edited.ok) throw new Error(JSON.stringify(edited.problems));
  await host.writeRecords(draftWrites(draft, edited));

  await host.replaceRows(aanbodLayout, offers);
  const wb = await host.read();
  const validation = validateWorkbook(wb, region);
  const coverage = municipalCoverage(wb, validation, region, { day: day(2023, 6, 9) });
  const chart = await host.insertChart(chartData(coverage));
  return {
    before,
    setUp: setUp.outcome,
    after: setupState(wb).status,
    issues: validation.issues.map((i) => [i.sheet, issueCell(i), issueMessage(i)]),
    rowsRead: validation.sheets.map((s) => [s.sheet, rowCounts([s])]),
    personas: storedPersonas(wb),
    offers: copiedOffers(wb, region).map((o) => o.naam),
    coverage: coverage.lines,
    chartSheet: chart.sheet,
  };
}

describe('the Office.js host and the preview host give the pane the same workbook', () => {
  it('through one whole session of the pane', async () => {
    const office = await session(officeHost());
    const preview = await session(PreviewHost.blank('Nieuwe werkmap.xlsx'));

    expect(office.before).toBe('none');
    expect(office.setUp).toBe('created');
    expect(office.after).toBe('current');
    expect(office.personas).toHaveLength(1);
    expect(office.personas[0]).toMatchObject({ id: 'P01', naam: 'Sofie, 20' });
    expect(office.personas[0]!.values.doelen).toBe('=1+1');
    expect(office.personas[0]!.needs).toHaveLength(2);
    expect(office.offers).toEqual(['Woonbegeleiding', 'Woonwinkel']);
    const housing = office.coverage.find((l) => l.area === HOUSING)!;
    expect(housing).toMatchObject({ demand: 14, offers: 1, gap: null });
    expect(office.coverage.find((l) => l.area === LANGUAGE)).toMatchObject({ gap: 'no-offer' });

    // The "=" warning on the typed "=1+1" is the one issue, on the same cell in both.
    expect(office.issues).toEqual([["Persona's", 'D2', expect.stringContaining('"="')]]);
    expect(preview).toEqual(office);
  });
});
