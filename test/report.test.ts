import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readSources } from '../src/cli/read-sources.js';
import { runOverview } from '../src/cli/overview-command.js';
import { buildOverview } from '../src/domain/overview/merge.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { reportHtml } from '../src/report/report-html.js';
import { axeViolations, launchChromium } from './helpers/browser.js';
import { useExampleDrives } from './helpers/example-drives.js';

// The steering-group report of the example drive as the coordinator gets it from `partnerschap
// overview`, opened in Chromium from the file: nothing requested from anywhere, no axe finding
// (WCAG 2.1 A/AA), the figures of the overview, three charts with their titles, and one A4 PDF.

const ARTIFACTS = path.join(import.meta.dirname, '..', 'test-artifacts', 'report');
const AT = '20/06/2023';
const drives = useExampleDrives('report-');
let browser: Browser;
let report = '';

beforeAll(async () => {
  browser = await launchChromium();
  const out = path.join(drives.work(), 'Overzicht', 'Regionaal overzicht.xlsx');
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    expect(await runOverview({ in: path.join(drives.work(), 'pristine'), out, at: AT })).toBe(0);
  } finally {
    write.mockRestore();
  }
  report = path.join(drives.work(), 'Overzicht', 'Regionaal overzicht.html');
});

afterAll(async () => {
  await browser?.close();
});

describe('Regionaal overzicht.html', () => {
  it('reads offline, passes axe, shows the overview figures and prints on A4', async () => {
    const context = await browser.newContext({
      offline: true,
      // axe is injected as a script, which the page's own policy (no script at all) refuses.
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const url = pathToFileURL(report).href;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    expect(requests).toEqual([url]);

    expect(await axeViolations(page)).toEqual([]);

    const cells = (name: string) =>
      page
        .getByRole('row', { name: new RegExp(`^${name} `) })
        .getByRole('cell')
        .allInnerTexts();
    expect(await cells('Deinze')).toEqual(['ingediend', '9', '448', '25', '43', '9', '1']);
    expect(await cells('Regio Leie & Schelde')).toEqual([
      '',
      '72',
      '2.503',
      '225',
      '99',
      '11',
      '15',
    ]);
    await page.getByText('Volgende stap: Beoordelen schriftelijke projectvoorstellen').waitFor();
    await page.getByRole('heading', { name: 'Achterstallige herinneringen: 2' }).waitFor();

    // The heat map says in words what its colours say.
    const heat = page.locator('table.heat');
    const gavere = await heat.getByRole('columnheader').allInnerTexts();
    const row = heat.getByRole('row', { name: /^Beperkte kennis Nederlands/ });
    const gap = row.getByRole('cell').nth(gavere.indexOf('Gavere') - 1);
    expect(await gap.innerText()).toBe('7 burgers\naanbod: 0\nhiaat: geen aanbod');
    expect(await gap.getAttribute('class')).toBe('no-offer');

    const charts = page.getByRole('img');
    expect(await charts.count()).toBe(3);
    for (const title of [
      'Kandidaturen per stadium',
      'Hiaten per gemeente',
      'Vraag en actief aanbod per probleemgebied',
    ]) {
      await expect(page.getByRole('img', { name: new RegExp(`^${title} `) }).count()).resolves.toBe(
        1,
      );
    }

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({
      path: path.join(ARTIFACTS, 'regionaal-overzicht.png'),
      fullPage: true,
    });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(path.join(ARTIFACTS, 'regionaal-overzicht.pdf'), pdf),
    );
    // Every page A4 landscape: 842 × 595 points.
    const boxes = pdf.toString('latin1').match(/\/MediaBox \[[^\]]*\]/g) ?? [];
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toMatch(/^\/MediaBox \[0 0 841\.9\d* 594\.9\d*\]$/);
    await context.close();
  });

  it('writes no script and no outside reference, and escapes what users typed', async () => {
    const html = await readFile(report, 'utf8');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/)/i);
    const read = await readSources(path.join(drives.work(), 'pristine'), leieSchelde);
    const ov = buildOverview(leieSchelde, read.sources, {
      asOf: new Date(Date.UTC(2023, 5, 20)),
      gapWaitWeeks: 8,
    });
    const evil = '<img src=x onerror=alert(1)> & "co"';
    ov.reminders[0]!.title = evil;
    ov.timeline[0]!.label = evil;
    ov.coverage.rows[0]!.area = evil;
    const page = await reportHtml(leieSchelde, ov);
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;co&quot;');
  });
});
