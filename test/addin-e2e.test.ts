import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findSheet } from '../src/domain/detect-kind.js';
import { noodLayout, personaLayout, type AnyLayout } from '../src/domain/layouts.js';
import { formFields } from '../src/domain/pane/layout-form.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { readWorkbookBytes } from '../src/workbook/xlsx/read-workbook.js';
import {
  ADDIN_DIR,
  ARTIFACTS,
  axeViolations,
  openPane,
  openView,
  PANE_SIZES,
  refuseOfficeJs,
  turnDark,
  useAddinBrowser,
} from './helpers/browser.js';

// The task pane end to end: the production build (dist/addin, made by `npm run build`) served on
// loopback and driven in Debian's Chromium, in preview mode on the bundled Deinze example or a
// blank workbook. Screenshots of each step land in test-artifacts/addin/.

const OVERVIEW = path.join(ADDIN_DIR, 'voorbeeld', 'Regionaal overzicht.xlsx');
const addin = useAddinBrowser();
let browser: Browser;
let base: string;
beforeAll(() => ({ browser, base } = addin));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

const pane = (page: Page) => page.getByRole('main');
const grid = (page: Page) => page.getByTestId('sheet-grid');
const sheetTab = (page: Page, name: string) =>
  page
    .getByRole('region', { name: 'Bladen van de werkmap' })
    .getByRole('tab', { name, exact: true });

const view = openView;

async function choose(
  page: Page,
  scope: ReturnType<Page['locator']>,
  label: string,
  option: string,
) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Fills every required field of a layout's form part with a valid value. */
async function fillRequired(page: Page, scope: ReturnType<Page['locator']>, layout: AnyLayout) {
  for (const f of formFields(layout, leieSchelde)) {
    if (!f.required || f.field === 'id' || f.field === 'persona') continue;
    if (f.options !== null) await choose(page, scope, f.label, f.options[0]!);
    else if (f.type === 'integer') await scope.getByLabel(f.label).fill('12');
    else await scope.getByLabel(f.label).fill(`Voorbeeld ${f.label.toLowerCase()}`);
  }
}

describe('task pane in preview mode (Chromium, production build)', () => {
  it('sets up a blank workbook as a gemeente workbook', async () => {
    const { page, errors } = await openPane(browser, base, 'preview');
    await expect(page.locator('#workbook-state').textContent()).resolves.toContain(
      'nog geen Partnerschap-werkmap',
    );
    // Before the first set-up, Start says what it will add: exactly the sheets it then makes.
    const firstRun = pane(page).getByRole('region', { name: 'Wat doet "Werkmap inrichten"?' });
    const explained = (await firstRun.textContent())!;
    await shot(page, '0-eerste-start');
    await choose(page, pane(page), 'Gemeente', 'Gavere');
    await pane(page).getByRole('button', { name: 'Werkmap inrichten' }).click();
    await page.getByText('De werkmap is ingericht').waitFor();
    await expect(page.locator('#workbook-state').textContent()).resolves.toContain(
      'gemeentewerkmap van Gavere',
    );
    const made = ["Persona's", 'Noden', 'Aanbod', 'Tijdlijn', 'Uitleg'];
    const tabs = page.getByRole('region', { name: 'Bladen van de werkmap' }).getByRole('tab');
    await expect(tabs.count()).resolves.toBe(made.length);
    for (const sheet of made) {
      await expect(sheetTab(page, sheet).count()).resolves.toBe(1);
      expect(explained).toContain(sheet);
    }
    expect(explained).toContain('Ctrl+Z');
    await expect(firstRun.count()).resolves.toBe(0);
    await shot(page, '1-werkmap-ingericht');
    expect(errors).toEqual([]);
  });

  it('upgrades a workbook of an older template in place, keeping what was typed', async () => {
    const older = path.join(ARTIFACTS, 'Gemeente Deinze (oud).xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ADDIN_DIR, 'voorbeeld', 'Gemeente Deinze.xlsx'));
    wb.getWorksheet('_meta')!.getCell('B2').value = 0;
    await wb.xlsx.writeFile(older);

    const { page, errors } = await openPane(browser, base, 'preview');
    await page.getByTestId('preview-file-input').setInputFiles(older);
    await page.locator('#workbook-state', { hasText: 'ouder sjabloon (versie 0)' }).waitFor();
    await pane(page).getByRole('button', { name: 'Werkmap bijwerken' }).click();
    await page.getByText('De werkmap is bijgewerkt naar sjabloonversie 1.').waitFor();
    await expect(page.locator('#workbook-state').textContent()).resolves.toContain(
      'gemeentewerkmap van Deinze (sjabloonversie 1)',
    );
    await expect(grid(page).locator('td[data-cell="B2"]').textContent()).resolves.toBe('Elke, 35');
    await expect(grid(page).locator('td[data-cell="A10"]').textContent()).resolves.toBe('P09');
    expect(errors).toEqual([]);
  });

  it('refuses to work on a workbook of a region it has no definition for', async () => {
    const foreign = path.join(ARTIFACTS, 'Gemeente Merksplas.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ADDIN_DIR, 'voorbeeld', 'Gemeente Deinze.xlsx'));
    wb.getWorksheet('_meta')!.eachRow((row) => {
      if (row.getCell(1).value === 'region') row.getCell(2).value = 'noorderkempen';
    });
    await wb.xlsx.writeFile(foreign);

    const { page, errors } = await openPane(browser, base, 'preview');
    // Its region file cannot be fetched (the host answers 500): not read, so nothing to set up,
    // and the header claims no region, least of all the built-in one.
    await page.route('**/regions/noorderkempen.json', (r) => r.fulfill({ status: 500, body: 'x' }));
    await page.getByTestId('preview-file-input').setInputFiles(foreign);
    await pane(page).getByText('kon niet geladen worden (is er verbinding?)').waitFor();
    await expect(
      pane(page).getByRole('button', { name: 'Werkmap inrichten' }).count(),
    ).resolves.toBe(0);
    await expect(pane(page).getByText('Regio Leie & Schelde').count()).resolves.toBe(0);
    await view(page, "Persona's");
    await expect(pane(page).getByRole('form').count()).resolves.toBe(0);
    // Reachable again, but no such region there: said so, and still nothing to write.
    await page.unroute('**/regions/noorderkempen.json');
    await pane(page).getByRole('button', { name: 'Opnieuw lezen' }).click();
    await pane(page).getByText('Deze werkmap hoort bij de regio "noorderkempen"').waitFor();
    await expect(pane(page).getByRole('form').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('adds a persona with a need, warning live about personal data; typed "=1+1" stays text', async () => {
    const { page, errors } = await openPane(browser, base, 'preview=example');
    await view(page, "Persona's");
    const form = page.getByRole('form', { name: 'Persona en noden' });
    await expect(form.getByLabel('Persona-ID').inputValue()).resolves.toBe('P10');
    await fillRequired(page, form, personaLayout);
    await form.getByLabel('Doelen').fill('=1+1');
    await form.getByLabel('Toelichting').fill('Bel haar op 0470 12 34 56');
    await form.getByText('Dit lijkt een telefoonnummer').waitFor();
    await shot(page, '2-privacywaarschuwing');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('Verbeter eerst de rood gemarkeerde velden').waitFor();
    await form.getByLabel('Toelichting').fill('Woont sinds kort in de gemeente.');
    await expect(form.getByText('Dit lijkt een telefoonnummer').count()).resolves.toBe(0);
    await fillRequired(page, form.getByRole('group', { name: 'Nood 1' }), noodLayout);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Persona P10 en haar noden zijn opgeslagen.').waitFor();
    await expect(form.getByLabel('Persona-ID').inputValue()).resolves.toBe('P11');
    await expect(grid(page).locator('td[data-cell="A11"]').textContent()).resolves.toBe('P10');
    await shot(page, '3-persona-opgeslagen');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Downloaden' }).click();
    const file = await (await download).path();
    const bytes = readFileSync(file);
    const read = await readWorkbookBytes(bytes, 'Gemeente Deinze.xlsx');
    if (!read.ok) throw new Error(`unreadable download: ${read.code}`);
    const personas = findSheet(read.workbook, personaLayout)!;
    const p10 = personas.rows.find((r) => r.row === 11)!;
    expect(p10.cells.get(1)?.value).toEqual({ kind: 'text', value: 'P10' });
    expect(p10.cells.get(4)).toEqual({ value: { kind: 'text', value: '=1+1' }, formula: false });
    const needs = findSheet(read.workbook, noodLayout)!;
    expect(needs.rows.at(-1)?.cells.get(1)?.value).toEqual({ kind: 'text', value: 'P10' });
    expect(errors).toEqual([]);
  });

  it('edits a persona in place: its row and its needs change, no row is added', async () => {
    const { page, errors } = await openPane(browser, base, 'preview=example');
    await view(page, "Persona's");
    await choose(page, pane(page), 'Persona', 'P01 · Elke, 35');
    const form = page.getByRole('form', { name: 'Persona en noden' });
    await expect(form.getByLabel('Naam persona').inputValue()).resolves.toBe('Elke, 35');
    const needs = await form.getByRole('group', { name: /^Nood \d+$/ }).count();
    expect(needs).toBeGreaterThan(0);
    await form.getByLabel('Naam persona').fill('Elke, 36');
    await form
      .getByRole('group', { name: 'Nood 1' })
      .getByLabel('Omschrijving')
      .fill('Bijgewerkt via het paneel.');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Persona P01 en haar noden zijn opgeslagen.').waitFor();
    await expect(grid(page).locator('td[data-cell="B2"]').textContent()).resolves.toBe('Elke, 36');
    await expect(grid(page).locator('td[data-cell="A11"]').count()).resolves.toBe(0);
    await sheetTab(page, 'Noden').click();
    await expect(grid(page).getByText('Bijgewerkt via het paneel.').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });

  it('validates the workbook; clicking an issue selects its cell', async () => {
    const { page, errors } = await openPane(browser, base, 'preview=example');
    await view(page, 'Controleren');
    await pane(page).getByRole('button', { name: 'Werkmap controleren' }).click();
    await expect(page.locator('#check-summary').textContent()).resolves.toContain('1 waarschuwing');
    await pane(page)
      .getByRole('button', { name: /^waarschuwing Noden!F5 / })
      .click();
    await expect(grid(page).locator('td[data-selected]').getAttribute('data-cell')).resolves.toBe(
      'F5',
    );
    await expect(sheetTab(page, 'Noden').getAttribute('aria-selected')).resolves.toBe('true');
    await shot(page, '4-controle-cel-geselecteerd');
    expect(errors).toEqual([]);
  });

  it('refreshes the offers from the published overview, searches them and shows the coverage', async () => {
    const { page, errors } = await openPane(browser, base, 'preview=example&at=2023-06-03');
    // Before any offers are loaded, Dekking says so and claims no gap.
    await view(page, 'Dekking');
    await expect(page.locator('#coverage-offers').textContent()).resolves.toContain(
      'nog niet geladen',
    );
    await expect(
      pane(page)
        .getByText(/^Hiaat: /)
        .count(),
    ).resolves.toBe(0);
    await expect(page.locator('#coverage-summary').count()).resolves.toBe(0);
    await expect(
      pane(page).getByRole('button', { name: 'Aanbod bijwerken…' }).isEnabled(),
    ).resolves.toBe(true);
    await page.setViewportSize({ width: 320, height: 455 });
    await shot(page, '6-dekking-niet-geladen-320');
    await page.setViewportSize({ width: 1280, height: 900 });

    await view(page, 'Aanbod');
    await expect(page.locator('#offer-count').textContent()).resolves.toContain('nog leeg');

    const chooser = page.waitForEvent('filechooser');
    await pane(page).getByRole('button', { name: 'Aanbod bijwerken…' }).click();
    await (await chooser).setFiles(OVERVIEW);
    const notice = page.getByText(
      /^Aanbod bijgewerkt: \d+ aanbiedingen overgenomen uit Regionaal overzicht\.xlsx/,
    );
    await notice.waitFor();
    // The file's own problem is named, with its cell, so its author can be told what to fix.
    await expect(notice.textContent()).resolves.toContain('Aanbod!C97');
    const all = Number(/(\d+)/.exec((await page.locator('#offer-count').textContent()) ?? '')?.[1]);
    expect(all).toBeGreaterThan(3);

    const area = leieSchelde.problemAreas[2]!.label;
    await choose(page, pane(page), 'Probleemgebied', area);
    const cards = pane(page).getByRole('list', { name: 'Gevonden aanbod' }).getByRole('listitem');
    const some = await cards.count();
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(all);
    for (const text of await cards.allTextContents()) expect(text).toContain(area);
    await expect(cards.first().getByRole('link').first().getAttribute('href')).resolves.toMatch(
      /^mailto:/,
    );
    await shot(page, '5-aanbod-gezocht');

    await view(page, 'Dekking');
    await expect(page.locator('#coverage-offers').textContent()).resolves.toBe(
      'Aanbod geladen op 03/06/2023 uit Regionaal overzicht.xlsx.',
    );
    const rows = pane(page)
      .getByRole('table', { name: 'Vraag en aanbod per probleemgebied' })
      .getByRole('row');
    await expect(rows.count()).resolves.toBe(leieSchelde.problemAreas.length + 1);
    await expect(page.locator('#coverage-summary').textContent()).resolves.toMatch(
      /^\d+ hia(at|ten)/,
    );
    await expect(
      pane(page)
        .getByText(/^Hiaat: /)
        .count(),
    ).resolves.toBeGreaterThan(0);
    await pane(page).getByRole('button', { name: 'Grafiek invoegen' }).click();
    await page.getByText('De gegevens staan op het blad "Grafiek dekking"').waitFor();
    await expect(sheetTab(page, 'Grafiek dekking').count()).resolves.toBe(1);
    await shot(page, '6-dekking');
    // Dark, with the gaps marked and the preview frame around the pane: still readable.
    await turnDark(page);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, '6-dekking-donker');

    // Passend aanbod on a persona of the example: Elke (mobility, self-knowledge) in Deinze.
    await view(page, "Persona's");
    await choose(page, pane(page), 'Persona', 'P01 · Elke, 35');
    const suggested = pane(page)
      .getByRole('list', { name: 'Passend aanbod' })
      .getByRole('listitem');
    await expect(suggested.getByRole('heading').allTextContents()).resolves.toEqual([
      'Busbuddy',
      'Sociaal rijbewijs individueel',
      'Fietsschool',
      'Deelfietsen',
      'Sociaal rijbewijs',
    ]);
    await expect(suggested.first().textContent()).resolves.toContain(
      'Waarom: dekt 1 van 2 noden; geen wachttijd.',
    );
    await expect(page.locator('#suggest-uncovered').textContent()).resolves.toContain(
      'Lage zelfkennis of onzekerheid',
    );
    await shot(page, '6-passend-aanbod');
    expect(errors).toEqual([]);
  });

  it('stops, saying why, when Excel opened the pane but office.js did not load', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 455 } });
    await refuseOfficeJs(page);
    await page.goto(`${base}/taskpane.html?_host_Info=Excel$Win32$16.01$nl-BE$$$$0`);
    await page.getByText('Partnerschap kan niet starten').waitFor();
    await expect(page.getByRole('main').textContent()).resolves.toContain(
      'Office (office.js) kon niet geladen worden',
    );
    // No preview on an empty workbook in memory: no pane, no sheet viewer, nothing to type into.
    await expect(page.getByRole('navigation').count()).resolves.toBe(0);
    await expect(grid(page).count()).resolves.toBe(0);
    await expect(page.getByRole('textbox').count()).resolves.toBe(0);
    // Reloaded without _host_Info in its URL: office.js's sessionStorage still says Excel.
    await page.evaluate(() => sessionStorage.setItem('hostInfoValue', 'Excel|Win32|16.01|nl-BE|'));
    await page.goto(`${base}/taskpane.html`);
    await page.getByText('Partnerschap kan niet starten').waitFor();
    await expect(page.getByRole('navigation').count()).resolves.toBe(0);
    await page.close();
  });

  it('refuses a picked file that is no workbook, naming it, and keeps the offers', async () => {
    const { page, errors } = await openPane(browser, base, 'preview=example');
    await view(page, 'Aanbod');
    const chooser = page.waitForEvent('filechooser');
    await pane(page).getByRole('button', { name: 'Aanbod bijwerken…' }).click();
    await (
      await chooser
    ).setFiles({ name: 'aanbod.xlsx', mimeType: 'text/csv', buffer: Buffer.from('a;b\n1;2\n') });
    await page
      .getByRole('status')
      .getByText(/aanbod\.xlsx/)
      .waitFor();
    await expect(page.locator('#offer-count').textContent()).resolves.toContain('nog leeg');
    expect(errors).toEqual([]);
  });

  it('shows the timeline and what is due', async () => {
    const { page, errors } = await openPane(browser, base, 'preview=example&at=2023-06-03');
    await view(page, 'Tijdlijn');
    const steps = pane(page)
      .getByRole('list', { name: 'Stappen van de oproep' })
      .getByRole('listitem');
    await expect(steps.count()).resolves.toBe(leieSchelde.timeline.length);
    await expect(steps.filter({ hasText: 'volgende stap' }).textContent()).resolves.toContain(
      'Deadline kandidaturen',
    );
    const due = pane(page).getByRole('list', { name: 'Herinneringen' }).getByRole('listitem');
    await expect(due.first().textContent()).resolves.toContain('Deadline kandidaturen');
    // For the municipality: its dates in plain Dutch, and what its workbook still lacks.
    const dates = pane(page)
      .getByRole('list', { name: 'Belangrijke data voor uw gemeente' })
      .getByRole('listitem');
    await expect(dates.first().textContent()).resolves.toContain(
      'vóór de deadline voor kandidaturen, 09/06/2023 23:59 (over 6 dagen)',
    );
    const todo = pane(page)
      .getByRole('list', { name: 'Wat uw werkmap nog mist' })
      .getByRole('listitem');
    await expect(todo.allTextContents()).resolves.toEqual([
      expect.stringContaining('Controleren vindt nog 1 waarschuwing'),
      expect.stringContaining('Het aanbod van de partners is nog niet geladen'),
    ]);
    await shot(page, '7-tijdlijn');
    await todo.first().getByRole('button').click();
    await expect(grid(page).locator('td[data-selected]').getAttribute('data-cell')).resolves.toBe(
      'F5',
    );
    await expect(sheetTab(page, 'Noden').getAttribute('aria-selected')).resolves.toBe('true');
    expect(errors).toEqual([]);
  });

  it("shows the ribbon check's result dialog from its counts, accessibly", async () => {
    const page = await browser.newPage();
    await refuseOfficeJs(page);
    await page.goto(`${base}/check-result.html?errors=2&warnings=1&rows=40&sheet=Noden&cell=F5`);
    await page.getByText('Controle: 2 fouten en 1 waarschuwing in 40 rijen.').waitFor();
    await page.getByText('De eerste staat op blad Noden, cel F5 (geselecteerd).').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, '8-controle-dialoog');
    // The smallest dialog Excel gives (30 % × 35 % of a 1366 × 768 screen, less its frame):
    // the Sluiten button stays in view, the text scrolls.
    // Smaller still (a small window, or zoomed): Sluiten whole, the text in a scrolling area.
    for (const [width, height] of [
      [380, 200],
      [200, 120],
      [150, 100],
    ] as const) {
      await page.setViewportSize({ width, height });
      const close = await page.getByRole('button', { name: 'Sluiten' }).boundingBox();
      const text = await page.getByRole('region', { name: 'Partnerschap: controle' }).boundingBox();
      expect(close).not.toBeNull();
      expect(close!.y).toBeGreaterThanOrEqual(0);
      expect(close!.y + close!.height).toBeLessThanOrEqual(height);
      expect(text!.height).toBeGreaterThanOrEqual(20);
      await shot(page, `8-controle-dialoog-${width}x${height}`);
    }
    await page.close();
  });
});

// Each view at the sizes Excel gives a task pane, one page per size: nothing scrolls sideways,
// axe finds nothing, and a screenshot of the pane is kept to be looked at. At 320 px the same
// page then turns dark (prefers-color-scheme, as a browser or a dark Office theme makes it) and
// every view is checked again.
describe('task pane at the widths Excel gives it (Chromium, production build)', () => {
  const VIEWS = ['Start', "Persona's", 'Controleren', 'Aanbod', 'Dekking', 'Tijdlijn'];
  const sideways = (page: Page) =>
    page.evaluate(() => {
      const root = document.scrollingElement!;
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
    });
  const background = (page: Page) =>
    page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  const fits = async (page: Page, size: string, name: string) => {
    const { scrollWidth, clientWidth } = await sideways(page);
    expect({ view: name, scrollWidth }).toEqual({ view: name, scrollWidth: clientWidth });
    expect({ view: name, violations: await axeViolations(page) }).toEqual({
      view: name,
      violations: [],
    });
    await pane(page).screenshot({
      path: path.join(ARTIFACTS, `pane-${size}-${name.replace("'", '')}.png`),
    });
  };

  async function checkEveryView(page: Page, shots: string) {
    for (const name of VIEWS) {
      await openView(page, name);
      await fits(page, shots, name);
    }
  }

  for (const size of PANE_SIZES) {
    const dark = size === PANE_SIZES[0];
    it(`fits every view at ${size.name}${dark ? ', light and dark,' : ''} without scrolling sideways, with no axe violation`, async () => {
      const { page, errors } = await openPane(browser, base, 'preview=example&at=2023-06-03', size);
      // Light unless the system asks otherwise: Fluent's webLightTheme.
      await expect(background(page)).resolves.toBe('rgb(255, 255, 255)');
      await checkEveryView(page, size.name);
      if (dark) {
        // The pane follows the change as it comes, around the pane too.
        await turnDark(page);
        await checkEveryView(page, `${size.name}-donker`);
      }
      // Passend aanbod on a persona: before the offers are loaded, and listed once they are.
      await openView(page, "Persona's");
      await choose(page, pane(page), 'Persona', 'P01 · Elke, 35');
      await page.locator('#suggest-status').waitFor();
      await fits(page, size.name, 'Passend aanbod niet geladen');
      await page.getByTestId('persona-offer-file-input').setInputFiles(OVERVIEW);
      await pane(page).getByRole('list', { name: 'Passend aanbod' }).waitFor();
      await fits(page, size.name, 'Passend aanbod');
      await page.close();
      expect(errors).toEqual([]);
    });
  }

  it('at 320 px, a refused save focuses the first field to mend; a save stays in view', async () => {
    const { page, errors } = await openPane(browser, base, 'preview=example', PANE_SIZES[0]);
    await openView(page, "Persona's");
    const form = page.getByRole('form', { name: 'Persona en noden' });
    const save = form.getByRole('button', { name: 'Opslaan' });
    await save.click();
    const first = formFields(personaLayout, leieSchelde).find(
      (f) => f.required && f.field !== 'id',
    )!;
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute('aria-invalid')),
    ).resolves.toBe('true');
    await expect(
      form.getByLabel(first.label).evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    await form.getByText('Verbeter eerst de rood gemarkeerde velden').waitFor();
    // From there Tab walks down to the need's last field: each field stops above the footer.
    const lastNeedField = formFields(noodLayout, leieSchelde).at(-1)!;
    const last = form.getByRole('group', { name: 'Nood 1' }).getByLabel(lastNeedField.label);
    const isLast = () => last.evaluate((el) => el === document.activeElement);
    for (let presses = 0; !(await isLast()); presses++) {
      expect(presses).toBeLessThan(60);
      await page.keyboard.press('Tab');
      const seen = await page.evaluate(() => {
        const focused = document.activeElement!;
        const footer = document.querySelector('form button[type=submit]')!.parentElement!
          .parentElement!;
        return {
          field: (focused as HTMLInputElement).labels?.[0]?.textContent ?? focused.id,
          bottom: Math.round(focused.getBoundingClientRect().bottom),
          footerTop: Math.round(footer.getBoundingClientRect().top),
          inFooter: footer.contains(focused),
        };
      });
      expect(seen.inFooter).toBe(false);
      expect(seen.bottom, seen.field).toBeLessThanOrEqual(seen.footerTop);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-320x455-tab-laatste-veld.png') });
    await fillRequired(page, form, personaLayout);
    await fillRequired(page, form.getByRole('group', { name: 'Nood 1' }), noodLayout);
    await save.click();
    const saved = page.locator('#persona-saved');
    await saved.waitFor();
    await expect(saved.textContent()).resolves.toContain('Opgeslagen: P10');
    // The sticky footer keeps Opslaan and its confirmation inside the 455 px pane.
    for (const shown of [saved, save]) {
      const box = (await shown.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(455);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-320x455-opgeslagen.png') });

    // Forced colours (Windows contrast themes): the footer keeps its rule above Opslaan, the Meer
    // button and its menu keep their outlines, and axe still finds nothing.
    await page.emulateMedia({ forcedColors: 'active' });
    const border = (locator: ReturnType<Page['locator']>, side: 'Top' | 'Left') =>
      locator.evaluate((el, side) => {
        const style = getComputedStyle(el);
        const get = (p: string) => style.getPropertyValue(`border-${side.toLowerCase()}-${p}`);
        const transparent = get('color') === 'rgba(0, 0, 0, 0)';
        return { style: get('style'), width: get('width'), transparent };
      }, side);
    const outlined = { style: 'solid', width: '1px', transparent: false };
    const footer = save.locator('xpath=ancestor::div[2]');
    await expect(border(footer, 'Top')).resolves.toEqual(outlined);
    const more = page.getByRole('navigation').getByRole('button', { name: 'Meer' });
    await expect(border(more, 'Left')).resolves.toEqual(outlined);
    await more.click();
    const popover = page.getByRole('menu').locator('xpath=..');
    await expect(border(popover, 'Left')).resolves.toEqual(outlined);
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-320x455-geforceerde-kleuren.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    expect(errors).toEqual([]);
  });
});
