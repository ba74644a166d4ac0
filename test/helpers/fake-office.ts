import path from 'node:path';
import type { Page } from 'playwright-core';
import { build, type Rollup } from 'vite';

// The production pane in office mode, in Chromium: the page asks for office.js from Microsoft's
// CDN and gets fake-office-entry.ts instead, bundled here at test time (a fraction of a second)
// with the Node-only parts of office-addin-mock's imports stubbed.

const ENTRY = path.join(import.meta.dirname, 'fake-office-entry.ts');
const STUBS: Record<string, string> = {
  // office-addin-mock imports the manifest package for this enum only.
  'office-addin-manifest':
    "export const OfficeApp = { Excel: 'excel' }; export default { OfficeApp };",
  'node:buffer': 'export const Buffer = { byteLength: (s) => new TextEncoder().encode(s).length };',
};

/** The fake office.js, as one script. */
export async function fakeOfficeBundle(): Promise<string> {
  const out = (await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [
      {
        name: 'stubs',
        enforce: 'pre',
        resolveId: (id) => (id in STUBS ? `\0stub:${id}` : null),
        load: (id) => (id.startsWith('\0stub:') ? STUBS[id.slice('\0stub:'.length)] : null),
      },
    ],
    build: {
      write: false,
      minify: false,
      lib: { entry: ENTRY, formats: ['iife'], name: 'FakeOffice', fileName: () => 'office.js' },
    },
  })) as Rollup.RollupOutput[];
  return out[0]!.output[0].code;
}

/** Serves `bundle` to the page in place of office.js. */
export async function routeFakeOffice(page: Page, bundle: string): Promise<void> {
  await page.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: bundle }),
  );
}
