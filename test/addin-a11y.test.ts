import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { noodLayout, personaLayout, type AnyLayout } from '../src/domain/layouts.js';
import { formFields } from '../src/domain/pane/layout-form.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import {
  ADDIN_DIR,
  axeViolations,
  openPane,
  openView,
  useAddinBrowser,
} from './helpers/browser.js';

// Accessibility of the built task pane in Chromium: axe-core's WCAG 2.1 A and AA rules find
// nothing on any view, and every action can be done with the keyboard alone (no mouse event is
// sent in the keyboard test: only Tab, arrows, Enter, Space and typing).

const VIEWS = ['Start', "Persona's", 'Controleren', 'Aanbod', 'Dekking', 'Tijdlijn'];
const OVERVIEW = path.join(ADDIN_DIR, 'voorbeeld', 'Regionaal overzicht.xlsx');
const addin = useAddinBrowser();
let browser: Browser;
let base: string;
beforeAll(() => ({ browser, base } = addin));

describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  it('finds no violation on any view of the pane, nor on the preview frame', async () => {
    const { page, errors } = await openPane(browser, base, 'preview=example&at=2023-06-03');
    for (const name of VIEWS) {
      await openView(page, name);
      expect({ view: name, violations: await axeViolations(page) }).toEqual({
        view: name,
        violations: [],
      });
    }
    expect(errors).toEqual([]);
  });

  it('finds no violation with the form showing its messages and the results of a search', async () => {
    const { page } = await openPane(browser, base, 'preview=example&at=2023-06-03');
    await openView(page, "Persona's");
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Verbeter eerst de rood gemarkeerde velden').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await openView(page, 'Aanbod');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Aanbod bijwerken…' }).click();
    await (await chooser).setFiles(OVERVIEW);
    await page.getByText(/^Aanbod bijgewerkt/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});

/** Presses Tab (Shift+Tab backwards) until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 250): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab: ${target.toString()}`);
}

async function pressOn(page: Page, target: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/** Opens a dropdown with the keyboard and picks the option with arrow keys and Enter. */
async function chooseByKeyboard(page: Page, combobox: Locator, option: string) {
  await pressOn(page, combobox, 'Enter');
  for (let i = 0; i < 60; i++) {
    const activeId = await combobox.getAttribute('aria-activedescendant');
    const text = activeId ? await page.locator(`[id="${activeId}"]`).textContent() : null;
    if (text === option) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`option not reachable: ${option}`);
}

/**
 * Switches the pane's view with the keyboard: to the tab list, arrows, Enter; a view whose tab
 * did not fit the pane through the Meer menu (Enter, arrows, Enter).
 */
async function viewByKeyboard(page: Page, name: string) {
  const nav = page.getByRole('navigation');
  const target = nav.getByRole('tab', { name, exact: true });
  if ((await target.count()) === 0) {
    await pressOn(page, nav.getByRole('button', { name: 'Meer' }));
    const item = page.getByRole('menuitemradio', { name, exact: true });
    for (let i = 0; i < VIEWS.length; i++) {
      if (await item.evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await expect(target.getAttribute('aria-selected')).resolves.toBe('true');
    return;
  }
  await tabTo(page, nav.getByRole('tab', { selected: true }));
  for (let i = 0; i < VIEWS.length; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Enter');
  await expect(target.getAttribute('aria-selected')).resolves.toBe('true');
}

async function fillByKeyboard(page: Page, scope: Locator, layout: AnyLayout) {
  for (const f of formFields(layout, leieSchelde)) {
    if (!f.required || f.field === 'id' || f.field === 'persona') continue;
    if (f.options !== null) {
      await chooseByKeyboard(page, scope.getByRole('combobox', { name: f.label }), f.options[1]!);
    } else {
      await tabTo(page, scope.getByLabel(f.label));
      await page.keyboard.type(f.type === 'integer' ? '7' : `Toetsenbord ${f.label.toLowerCase()}`);
    }
  }
}

describe('keyboard only', () => {
  it('sets up a workbook and adds a persona with a need', async () => {
    const { page, errors } = await openPane(browser, base, 'preview');
    await page.locator('body').focus();
    await chooseByKeyboard(
      page,
      page.getByRole('main').getByRole('combobox', { name: 'Gemeente' }),
      'Zulte',
    );
    await pressOn(page, page.getByRole('button', { name: 'Werkmap inrichten' }));
    await page.getByText('De werkmap is ingericht').waitFor();

    await viewByKeyboard(page, "Persona's");
    const form = page.getByRole('form', { name: 'Persona en noden' });
    await fillByKeyboard(page, form, personaLayout);
    await fillByKeyboard(page, form.getByRole('group', { name: 'Nood 1' }), noodLayout);
    await pressOn(page, form.getByRole('button', { name: 'Opslaan' }));
    await page.getByText('Persona P01 en haar noden zijn opgeslagen.').waitFor();
    await expect(
      page.getByTestId('sheet-grid').locator('td[data-cell="A2"]').textContent(),
    ).resolves.toBe('P01');
    expect(errors).toEqual([]);
  });

  it('validates and selects an issue, refreshes and searches offers, inserts the chart', async () => {
    const { page, errors } = await openPane(browser, base, 'preview=example&at=2023-06-03');
    await page.locator('body').focus();
    await viewByKeyboard(page, 'Controleren');
    await pressOn(page, page.getByRole('button', { name: 'Werkmap controleren' }));
    await pressOn(page, page.getByRole('button', { name: /Noden!F5/ }));
    await expect(
      page.getByTestId('sheet-grid').locator('td[data-selected]').getAttribute('data-cell'),
    ).resolves.toBe('F5');

    await viewByKeyboard(page, 'Aanbod');
    const chooser = page.waitForEvent('filechooser');
    await pressOn(page, page.getByRole('button', { name: 'Aanbod bijwerken…' }));
    await (await chooser).setFiles(OVERVIEW);
    await page.getByText(/^Aanbod bijgewerkt/).waitFor();
    const area = leieSchelde.problemAreas[2]!.label;
    await chooseByKeyboard(page, page.getByRole('combobox', { name: 'Probleemgebied' }), area);
    const cards = page.getByRole('list', { name: 'Gevonden aanbod' }).getByRole('listitem');
    const texts = await cards.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toContain(area);

    await viewByKeyboard(page, 'Dekking');
    await pressOn(page, page.getByRole('button', { name: 'Grafiek invoegen' }));
    await page.getByText('De gegevens staan op het blad "Grafiek dekking"').waitFor();
    expect(errors).toEqual([]);
  });
});
