/// <reference lib="dom" />
import { OfficeHost } from '../../src/addin/host/office-host.js';
import { noodLayout, personaLayout } from '../../src/domain/layouts.js';
import { leieSchelde } from '../../src/domain/region/leie-schelde.js';
import { fakeExcel } from './excel-fake.mjs';
import { need, persona } from './pane-records.js';

// What the page gets instead of Microsoft's office.js in the office-mode end-to-end tests: the
// fake Excel (excel-fake.mjs) behind `Excel.run`, and an `Office` that says the host is Excel. A
// test steers it from the page: `fakeSeed` (set by an init script) sets the workbook up for
// Gavere with that many personas before Office is ready; `fakeSyncHook` wraps every sync (to
// fail it, or hold it); `fake` is the workbook, with its byHand edits.

type Sync = () => Promise<void>;
interface FakeWindow {
  fake: ReturnType<typeof fakeExcel>;
  fakeSeed?: number;
  fakeSyncHook?: (sync: Sync) => Promise<void>;
  Excel: unknown;
  Office: unknown;
}
const page = window as unknown as FakeWindow;
const fake = fakeExcel();
fake.addSheet('Blad1');
page.fake = fake;

const sync: Sync = fake.context.sync.bind(fake.context);
fake.context.sync = (() =>
  page.fakeSyncHook ? page.fakeSyncHook(sync) : sync()) as typeof fake.context.sync;

async function seed(n: number): Promise<void> {
  const host = new OfficeHost({ run: (batch) => batch(fake.context) });
  await host.setUp('gemeente', leieSchelde, 'Gavere');
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  await host.writeRecords([
    { layout: personaLayout, append: ids.map(persona) },
    { layout: noodLayout, append: ids.map(need) },
  ]);
}

// Seeded before the hook a test set for the pane's own reads applies.
const hook = page.fakeSyncHook;
page.fakeSyncHook = undefined;
const seeded = (page.fakeSeed ? seed(page.fakeSeed) : Promise.resolve()).then(() => {
  page.fakeSyncHook = hook;
});

page.Excel = { run: <T>(batch: (c: unknown) => Promise<T>) => batch(fake.context) };
page.Office = {
  HostType: { Excel: 'Excel' },
  onReady: async () => {
    await seeded;
    return { host: 'Excel', platform: 'PC' };
  },
  context: { requirements: { isSetSupported: () => true } },
};
