/// <reference lib="dom" />
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

// The add-in's production build as a user's browser gets it: dist/addin served over HTTP on
// loopback, opened in Debian's Chromium (apt-get install chromium) driven by playwright-core.
// office.js cannot load here (no network), so the pane starts in preview mode, as it would in any
// browser outside Office.

export const CHROMIUM = '/usr/bin/chromium';
export const ADDIN_DIR = path.join(import.meta.dirname, '..', '..', 'dist', 'addin');
export const ARTIFACTS = path.join(import.meta.dirname, '..', '..', 'test-artifacts', 'addin');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A static file server for dir on 127.0.0.1; resolves with its base URL. */
export async function serveStatic(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, path.normalize(pathname));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
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

/** A page on the built pane in preview mode; page errors are collected for the test to assert. */
export async function openPane(
  browser: Browser,
  url: string,
  query: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(process.env.PANE_STACKS ? String(e.stack) : e.message));
  await refuseOfficeJs(page);
  await page.goto(`${url}/taskpane.html?${query}`);
  await page.getByRole('heading', { name: 'Partnerschap', level: 1 }).waitFor();
  await page.getByText('Even geduld…').waitFor({ state: 'detached' });
  return { page, errors };
}
