import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { personaLayout } from '../src/domain/layouts.js';
import { formFields } from '../src/domain/pane/layout-form.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import path from 'node:path';
import { ARTIFACTS, openView, useAddinBrowser } from './helpers/browser.js';
import { fakeOfficeBundle, routeFakeOffice } from './helpers/fake-office.js';

// The production pane in office mode, in Chromium, on the fake Excel (helpers/fake-office.ts)
// instead of office.js: what a hostile review of issue 11 found. A failed or slow first read
// offers no form and no write; a new persona never overwrites another; a co-author's edit is
// kept; a refused save can be retried; a save that landed before a timeout is recognised;
// duplicate IDs are shown and open the right row; the Meer menu hands focus to the view.

const addin = useAddinBrowser();
let browser: Browser;
let base: string;
let bundle: string;

beforeAll(async () => {
  ({ browser, base } = addin);
  bundle = await fakeOfficeBundle();
});

type Win = {
  fake: {
    table(name: string): {
      sheet: { cells: Map<string, { value: unknown; format?: string; formula?: boolean }> };
      row: number;
    };
    byHand: { edit(table: string, a1: string, value: string): Promise<void> };
  };
  fakeSeed?: number;
  fakeSyncHook?: (sync: () => Promise<void>) => Promise<void>;
  release?: () => void;
};

/** The pane in office mode on a workbook set up for Gavere with `personas` personas. */
async function officePane(personas: number, init?: () => void): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 350, height: 900 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.addInitScript((n) => ((window as unknown as Win).fakeSeed = n), personas);
  if (init !== undefined) await page.addInitScript(init);
  await routeFakeOffice(page, bundle);
  await page.goto(`${base}/taskpane.html`);
  await page.getByRole('heading', { name: 'Partnerschap', level: 1 }).waitFor();
  return page;
}

const pane = (page: Page) => page.getByRole('main');
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `office-${name}.png`), fullPage: true });
const form = (page: Page) => page.getByRole('form', { name: 'Persona en noden' });
const notice = (page: Page, text: string | RegExp) =>
  page.getByRole('status').getByText(text).waitFor();

/** A table's first `cols` cells of each non-empty body row, top to bottom. */
const table = (page: Page, name: string, cols: number) =>
  page.evaluate(
    ([name, cols]) => {
      const t = (window as unknown as Win).fake.table(name);
      const rows: unknown[][] = [];
      for (let r = t.row + 1; r < t.row + 50; r++) {
        const row = Array.from(
          { length: cols },
          (_, c) => t.sheet.cells.get(`${r},${c}`)?.value ?? '',
        );
        if (row.some((v) => v !== '')) rows.push(row);
      }
      return rows;
    },
    [name, cols] as const,
  );

async function choose(page: Page, label: string, option: string) {
  await pane(page).getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('the task pane in office mode (Chromium, fake Excel)', () => {
  it('offers no form and no write until the workbook is read; a failed read can be retried', async () => {
    const page = await officePane(2, () => {
      const w = window as unknown as Win;
      // The pane's first read is held, then fails as Excel not answering would.
      const held = new Promise<void>((resolve) => (w.release = resolve));
      w.fakeSyncHook = async () => {
        await held;
        throw new Error('Excel antwoordt niet (na 30 seconden).');
      };
    });
    await page.getByText('De werkmap wordt gelezen…').waitFor();
    await openView(page, "Persona's");
    await expect(pane(page).getByRole('textbox').count()).resolves.toBe(0);
    await page.evaluate(() => (window as unknown as Win).release!());
    await notice(page, /De werkmap kon niet gelezen worden: Excel antwoordt niet/);
    await expect(form(page).count()).resolves.toBe(0);
    await openView(page, 'Start');
    await expect(
      pane(page).getByRole('button', { name: 'Werkmap inrichten' }).count(),
    ).resolves.toBe(0);
    await expect(pane(page).getByText('nog geen Partnerschap-werkmap').count()).resolves.toBe(0);
    await expect(
      pane(page)
        .getByText(/^Regio /)
        .count(),
    ).resolves.toBe(0);
    await shot(page, 'lezen-mislukt');
    // Excel answers again: Opnieuw lezen shows the workbook as it is, and the next free ID.
    await page.evaluate(() => ((window as unknown as Win).fakeSyncHook = undefined));
    await pane(page).getByRole('button', { name: 'Opnieuw lezen' }).click();
    await page.locator('#workbook-state', { hasText: 'gemeentewerkmap van Gavere' }).waitFor();
    await openView(page, "Persona's");
    await expect(form(page).getByLabel('Persona-ID').inputValue()).resolves.toBe('P03');
    await page.close();
  });

  it('never overwrites a persona, keeps what a co-author changed, and recovers from refusals and timeouts', async () => {
    const page = await officePane(3);
    await openView(page, "Persona's");

    // A new persona typed as "p01 " while P01 exists: refused in the pane, nothing written.
    for (const f of formFields(personaLayout, leieSchelde)) {
      if (!f.required || f.field === 'id') continue;
      if (f.options !== null) await choose(page, f.label, f.options[0]!);
      else
        await form(page)
          .getByLabel(f.label)
          .fill(f.type === 'integer' ? '12' : 'Nieuw');
    }
    await form(page).getByLabel('Persona-ID').fill('p01 ');
    await form(page).getByRole('button', { name: 'Nood 1 weglaten' }).click();
    await form(page).getByRole('button', { name: 'Opslaan' }).click();
    await form(page).getByText('Deze Persona-ID bestaat al').waitFor();
    await expect(table(page, 'Personas', 2)).resolves.toEqual([
      ['P01', 'Persona 1'],
      ['P02', 'Persona 2'],
      ['P03', 'Persona 3'],
    ]);

    // As P04, saved while Excel applies the write but reports a timeout: recognised as saved.
    await form(page).getByLabel('Persona-ID').fill('P04');
    await page.evaluate(() => {
      const w = window as unknown as Win;
      let syncs = 0;
      w.fakeSyncHook = async (sync) => {
        await sync();
        // The save's read, then its write: that one "times out" after landing.
        if (++syncs === 2) {
          w.fakeSyncHook = undefined;
          throw new Error('Excel antwoordt niet (na 30 seconden).');
        }
      };
    });
    await form(page).getByRole('button', { name: 'Opslaan' }).click();
    await notice(page, 'Persona P04 en haar noden zijn opgeslagen.');
    await expect(table(page, 'Personas', 2)).resolves.toEqual([
      ['P01', 'Persona 1'],
      ['P02', 'Persona 2'],
      ['P03', 'Persona 3'],
      ['P04', 'Nieuw'],
    ]);

    // Editing P01's goals while a co-author renames her: the save keeps their name.
    await choose(page, 'Persona', 'P01 · Persona 1');
    await form(page).getByLabel('Doelen').fill('Mijn doel');
    await page.evaluate(() =>
      (window as unknown as Win).fake.byHand.edit('Personas', 'B2', 'Naam door collega'),
    );
    await expect
      .poll(() => form(page).getByLabel('Naam persona').inputValue())
      .toBe('Naam door collega');
    await expect(form(page).getByLabel('Doelen').inputValue()).resolves.toBe('Mijn doel');
    await form(page).getByRole('button', { name: 'Opslaan' }).click();
    await notice(page, 'Persona P01 en haar noden zijn opgeslagen.');
    const goals = Object.keys(personaLayout.columns).indexOf('doelen');
    await expect(
      table(page, 'Personas', goals + 1).then((rows) => [rows[0]![1], rows[0]![goals]]),
    ).resolves.toEqual(['Naam door collega', 'Mijn doel']);

    // P02's need changed by a co-author before the pane saw it: refused once, then saved.
    await choose(page, 'Persona', 'P02 · Persona 2');
    await form(page).getByLabel('Doelen').fill('Doel P02 getypt');
    await page.evaluate(() => {
      const t = (window as unknown as Win).fake.table('Noden');
      t.sheet.cells.set('2,5', { value: 'collega wijzigde nood P02', format: '@', formula: false });
    });
    await form(page).getByRole('button', { name: 'Opslaan' }).click();
    await notice(page, /Geen rij van de tabel "Noden" met Persona-ID P02/);
    await expect(
      form(page).getByRole('group', { name: 'Nood 1' }).getByLabel('Omschrijving').inputValue(),
    ).resolves.toBe('collega wijzigde nood P02');
    await expect(form(page).getByLabel('Doelen').inputValue()).resolves.toBe('Doel P02 getypt');
    await form(page).getByRole('button', { name: 'Opslaan' }).click();
    await notice(page, 'Persona P02 en haar noden zijn opgeslagen.');
    await expect(table(page, 'Noden', 6).then((rows) => rows[1]![5])).resolves.toBe(
      'collega wijzigde nood P02',
    );

    // P03's ID changed by hand while her goals are typed: the form follows, her need too.
    await choose(page, 'Persona', 'P03 · Persona 3');
    await form(page).getByLabel('Doelen').fill('Doel P03');
    await page.evaluate(() => (window as unknown as Win).fake.byHand.edit('Personas', 'A4', 'P09'));
    await expect.poll(() => form(page).getByLabel('Persona-ID').inputValue()).toBe('P09');
    await form(page).getByRole('button', { name: 'Opslaan' }).click();
    await notice(page, 'Persona P09 en haar noden zijn opgeslagen.');
    await expect(table(page, 'Noden', 1)).resolves.toEqual([['P01'], ['P02'], ['P09']]);

    // Two rows with one ID typed by hand: both listed as such, each opens its own row.
    await page.evaluate(() => (window as unknown as Win).fake.byHand.edit('Personas', 'A4', 'P02'));
    await choose(page, 'Persona', 'P02 · Persona 3 (dubbele ID, rij 4)');
    await expect(form(page).getByLabel('Naam persona').inputValue()).resolves.toBe('Persona 3');
    await pane(page).getByText('Persona-ID P02 staat op meer dan één rij (3, 4)').waitFor();
    await shot(page, 'dubbele-id');

    // A view chosen in the Meer menu: focus moves to its heading.
    await openView(page, 'Tijdlijn');
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H2');
    await page.close();
  });
});
