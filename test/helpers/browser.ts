/// <reference lib="dom" />
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, serveStatic } from '../../scripts/addin-browser.js';

// The add-in's production build as a user's browser gets it: dist/addin served over HTTP on
// loopback, opened in Debian's Chromium (apt-get install chromium) driven by playwright-core.
// office.js cannot load here (no network), so the pane starts in preview mode, as it would in any
// browser outside Office.

export const ADDIN_DIR = path.join(import.meta.dirname, '..', '..', 'dist', 'addin');
export const ARTIFACTS = path.join(import.meta.dirname, '..', '..', 'test-artifacts', 'addin');

export { serveStatic };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * The built pane served on loopback and one Chromium for a test file: ready in beforeAll (so a
 * test file's own beforeAll, registered after this call, finds them), closed in afterAll.
 */
export function useAddinBrowser(): { readonly browser: Browser; readonly base: string } {
  const session: { browser: Browser; base: string; server?: Server } = {} as never;
  beforeAll(async () => {
    if (!existsSync(path.join(ADDIN_DIR, 'taskpane.html'))) {
      throw new Error('dist/addin ontbreekt: run `npm run build` first (npm test does).');
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    const served = await serveStatic(ADDIN_DIR);
    session.base = served.url;
    session.server = served.server;
    session.browser = await launchChromium();
  });
  afterAll(async () => {
    await session.browser?.close();
    session.server?.close();
  });
  return session;
}

/** office.js comes from Microsoft's CDN; here it is refused at once instead of timing out. */
export async function refuseOfficeJs(page: Page): Promise<void> {
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * axe-core's WCAG 2.1 A and AA rules on the page as it is now. One known false positive is left
 * out: Fluent UI's focus manager (tabster) puts aria-hidden, focusable "dummy" elements around
 * groups that only pass focus on (https://github.com/microsoft/tabster/issues/288); Microsoft's
 * own Accessibility Insights suppresses exactly these nodes for exactly this rule.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes
          .filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy')))
          .map((n) => ({ target: n.target, html: n.html })),
      }))
      .filter((v) => v.nodes.length > 0);
  });
}

/**
 * The sizes Excel gives a task pane (Microsoft's published 320 × 455 and 350 × 378), and the
 * 350 px pane at 200 % zoom. Browser zoom halves the CSS viewport and doubles the device pixel
 * ratio, so media queries and layout see 175 CSS px, as in Excel zoomed to 200 %; CSS `zoom` on
 * the body would leave the viewport at 350 px and model nothing the user can do.
 */
export const PANE_SIZES = [
  { name: '320x455', viewport: { width: 320, height: 455 }, deviceScaleFactor: 1 },
  { name: '350x378', viewport: { width: 350, height: 378 }, deviceScaleFactor: 1 },
  { name: '350x378-zoom200', viewport: { width: 175, height: 189 }, deviceScaleFactor: 2 },
] as const;

/**
 * Turns the page dark as a browser in dark mode (or a dark Office theme) does, and waits until
 * the pane has followed: Fluent's webDarkTheme background (#292929) on the page, and its colour
 * transitions over, so axe does not measure contrast halfway.
 */
export async function turnDark(page: Page): Promise<void> {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(
    () => getComputedStyle(document.body).backgroundColor === 'rgb(41, 41, 41)',
  );
  await settled(page);
}

/** Opens a view by its tab, or through the Meer menu when its tab did not fit the pane. */
export async function openView(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation');
  const tab = nav.getByRole('tab', { name, exact: true });
  if ((await tab.count()) > 0) return tab.click();
  // Selected: whether its tab fits the row again depends on the overflow's next measurement.
  const selected = nav.getByRole('tab', { name, exact: true, selected: true, includeHidden: true });
  for (let attempt = 1; ; attempt++) {
    await nav.getByRole('button', { name: 'Meer' }).click();
    const item = page.getByRole('menuitemradio', { name, exact: true });
    await item.waitFor();
    // Fluent's menu slides open: on a busy machine a click during the slide can miss the item
    // (it then lands beside the menu and closes it), as a person's never would.
    await settled(page);
    await item.click();
    try {
      return await selected.waitFor({ state: 'attached', timeout: 10_000 });
    } catch (err) {
      if (attempt === 2) throw err;
    }
  }
}

/** Every running animation and transition of the page has finished (a spinner's never ends). */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished),
    ),
  );
}

/** A page on the built pane in preview mode; page errors are collected for the test to assert. */
export async function openPane(
  browser: Browser,
  url: string,
  query: string,
  size: { viewport: { width: number; height: number }; deviceScaleFactor: number } = {
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
  },
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ ...size, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(process.env.PANE_STACKS ? String(e.stack) : e.message));
  await refuseOfficeJs(page);
  await page.goto(`${url}/taskpane.html?${query}`);
  await page.getByRole('heading', { name: 'Partnerschap', level: 1 }).waitFor();
  // The first read is over once the header names the workbook's region, or it failed: a test
  // that clicks before may lose its click to the nav measuring itself again.
  const read = page.locator('header').getByText(/^Regio /);
  await read
    .or(page.getByRole('button', { name: 'Opnieuw lezen' }))
    .first()
    .waitFor();
  await page.getByText('Even geduld…').waitFor({ state: 'detached' });
  return { page, errors };
}
