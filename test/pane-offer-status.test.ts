import { describe, expect, it } from 'vitest';
import { OfficeHost } from '../src/addin/host/office-host.js';
import { PreviewHost } from '../src/addin/host/preview-host.js';
import { aanbodLayout, noodLayout, personaLayout } from '../src/domain/layouts.js';
import { municipalCoverage } from '../src/domain/pane/municipal-coverage.js';
import {
  OFFERS_LOADED_KEY,
  OFFERS_SOURCE_KEY,
  offerProvenance,
  offerStatus,
} from '../src/domain/pane/offer-status.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { validateWorkbook } from '../src/domain/validate.js';
import { readWorkbookBytes } from '../src/workbook/xlsx/read-workbook.js';
import { fakeExcel } from './helpers/excel-fake.mjs';
import { need, offer, persona } from './helpers/overview-sources.js';

// Dekking must tell "no offer for this area" from "the offers were never loaded", and show how
// old loaded offers are.

const region = leieSchelde;
const HOUSING = 'Huisvestingsproblemen';
const DIGITAL = 'Beperkte digitale vaardigheden';
const june9 = new Date(2023, 5, 9, 12);
const stamp = (source: string, loaded: string) =>
  new Map([
    ['kind', 'gemeente'],
    [OFFERS_SOURCE_KEY, source],
    [OFFERS_LOADED_KEY, loaded],
  ]);

describe('offerStatus', () => {
  it('is "not loaded" for an empty, unrecorded Aanbod copy', () => {
    expect(offerStatus(new Map([['kind', 'gemeente']]), 0, june9)).toEqual({ loaded: false });
    expect(offerStatus(null, 0, june9)).toEqual({ loaded: false });
  });

  it('names the source and the day of a recorded load, and how old it is', () => {
    expect(offerStatus(stamp('Overzicht.xlsx', '2023-06-01'), 0, june9)).toEqual({
      loaded: true,
      source: 'Overzicht.xlsx',
      loadedOn: '01/06/2023',
      daysOld: 8,
      old: false,
    });
  });

  it('flags offers loaded more than 90 days ago as old', () => {
    expect(offerStatus(stamp('Overzicht.xlsx', '2023-03-11'), 3, june9)).toMatchObject({
      daysOld: 90,
      old: false,
    });
    expect(offerStatus(stamp('Overzicht.xlsx', '2023-03-10'), 3, june9)).toMatchObject({
      daysOld: 91,
      old: true,
    });
  });

  it('counts offers in an unrecorded copy as loaded, of unknown origin', () => {
    expect(offerStatus(null, 2, june9)).toEqual({
      loaded: true,
      source: null,
      loadedOn: null,
      daysOld: null,
      old: false,
    });
    expect(offerStatus(stamp('x.xlsx', 'gisteren'), 2, june9)).toMatchObject({ loadedOn: null });
  });

  it('records the local day of the load', () => {
    expect(offerProvenance('Overzicht.xlsx', june9)).toEqual(
      new Map([
        [OFFERS_SOURCE_KEY, 'Overzicht.xlsx'],
        [OFFERS_LOADED_KEY, '2023-06-09'],
      ]),
    );
  });
});

async function gavere(): Promise<PreviewHost> {
  const host = PreviewHost.blank('Gemeente Gavere.xlsx');
  await host.setUp('gemeente', region, 'Gavere');
  await host.writeRecords([
    { layout: personaLayout, append: [persona('P01', 10)] },
    { layout: noodLayout, append: [need('P01', HOUSING), need('P01', DIGITAL)] },
  ]);
  return host;
}

async function coverageOf(host: PreviewHost) {
  const wb = await host.read();
  return municipalCoverage(wb, validateWorkbook(wb, region), region, { day: june9 });
}

describe('Dekking before and after the offers are loaded', () => {
  it('claims no gap while the offers are not loaded', async () => {
    const coverage = await coverageOf(await gavere());
    expect(coverage.offers).toEqual({ loaded: false });
    expect(coverage.gaps).toBe(0);
    expect(coverage.lines.every((l) => l.gap === null && l.reason === null)).toBe(true);
    expect(coverage.lines.find((l) => l.area === HOUSING)).toMatchObject({ demand: 10, needs: 1 });
  });

  it('shows real gaps once a load is recorded, even one that brought no offers', async () => {
    const host = await gavere();
    await host.setMeta(offerProvenance('Overzicht 2023.xlsx', june9));
    const coverage = await coverageOf(host);
    expect(coverage.offers).toMatchObject({ loaded: true, source: 'Overzicht 2023.xlsx' });
    expect(coverage.gaps).toBe(2);
    expect(coverage.lines.find((l) => l.area === DIGITAL)?.reason).toBe('geen aanbod');
  });

  it('keeps the record in the saved file, next to the other _meta pairs', async () => {
    const host = await gavere();
    await host.replaceRows(aanbodLayout, [offer('A1', HOUSING, 'Gavere', 2)]);
    await host.setMeta(offerProvenance('Overzicht 2023.xlsx', june9));
    await host.setMeta(offerProvenance('Overzicht 2024.xlsx', new Date(2024, 0, 5)));
    const saved = await readWorkbookBytes(Buffer.from(await host.bytes()), host.fileName);
    if (!saved.ok) throw new Error(saved.code);
    expect(saved.workbook.meta?.get('owner')).toBe('Gavere');
    expect(saved.workbook.meta?.get(OFFERS_SOURCE_KEY)).toBe('Overzicht 2024.xlsx');
    expect(saved.workbook.meta?.get(OFFERS_LOADED_KEY)).toBe('2024-01-05');
  });

  it('refuses to record a load in a workbook that was never set up', async () => {
    const host = PreviewHost.blank('Nieuw.xlsx');
    await expect(host.setMeta(offerProvenance('x.xlsx', june9))).rejects.toThrow(/_meta ontbreekt/);
  });
});

describe('the Office.js adapter records the load in _meta', () => {
  it('replaces a key, adds a new one as text, and keeps the others', async () => {
    const fake = fakeExcel();
    const host = new OfficeHost({ run: (batch) => batch(fake.context), timeoutMs: 5_000 });
    await host.setUp('gemeente', region, 'Deinze');
    await host.setMeta(offerProvenance('Overzicht 2023.xlsx', june9));
    await host.setMeta(offerProvenance('Overzicht 2024.xlsx', new Date(2024, 0, 5)));
    const meta = (await host.read()).meta;
    expect(meta?.get('owner')).toBe('Deinze');
    expect(meta?.get('kind')).toBe('gemeente');
    expect(meta?.get(OFFERS_SOURCE_KEY)).toBe('Overzicht 2024.xlsx');
    expect(meta?.get(OFFERS_LOADED_KEY)).toBe('2024-01-05');
    const keys = [...(meta?.keys() ?? [])];
    expect(keys.filter((k) => k === OFFERS_LOADED_KEY)).toHaveLength(1);
  });

  it('refuses in a workbook that was never set up', async () => {
    const fake = fakeExcel();
    const host = new OfficeHost({ run: (batch) => batch(fake.context), timeoutMs: 5_000 });
    await expect(host.setMeta(offerProvenance('x.xlsx', june9))).rejects.toThrow(/_meta ontbreekt/);
  });
});
