import {
  aanbodLayout,
  kandidatuurLayout,
  noodLayout,
  personaLayout,
} from '../../src/domain/layouts.js';
import type { SourceInput } from '../../src/domain/overview/sources.js';
import { leieSchelde } from '../../src/domain/region/leie-schelde.js';
import type { Region } from '../../src/domain/region/schema.js';
import { validateWorkbook } from '../../src/domain/validate.js';
import { sheetOf, workbookOf } from './raw.js';

// Sources for overview tests, made the way real ones are: raw sheets through the real validator.
// Rows are given as field -> value; the defaults fill every required column.

type Plain = string | number | Date | null;
export type Row = Record<string, Plain>;

export const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

export function persona(id: string, aantal: number, extra: Row = {}): Row {
  return {
    id,
    naam: `Persona ${id}`,
    krachten: 'Doorzetter, sociaal',
    doelen: 'Werk vinden',
    leeftijd: '21-25 jaar',
    gezin: 'Alleenstaand',
    inkomen: 'Leefloon of equivalent leefloon',
    nederlands: 'B1',
    digitaal: 'Basis',
    mobiliteit: 'Fiets',
    aantal,
    bron: 'Arena-analyse',
    ...extra,
  };
}

export function need(personaId: string, area: string, extra: Row = {}): Row {
  return { persona: personaId, probleemgebied: area, ernst: 'Matig', ...extra };
}

export function offer(
  naam: string,
  areas: string,
  gemeenten: string,
  wachttijd: number,
  extra: Row = {},
): Row {
  return {
    partner: 'Partner A',
    naam,
    omschrijving: 'Begeleiding op maat',
    probleemgebieden: areas,
    gemeenten,
    werkwijze: 'Aan huis',
    talen: 'Nederlands',
    kost: 'Gratis',
    wachttijd,
    contact: 'Onthaal',
    email: 'onthaal@voorbeeld.be',
    bijgewerkt: day(2023, 5, 1),
    ...extra,
  };
}

export function candidacy(titel: string, gemeenten: string, extra: Row = {}): Row {
  return {
    titel,
    trekker: 'Partner A',
    copartners: 'Geen',
    contact: 'Jan',
    email: 'jan@voorbeeld.be',
    gemeenten,
    probleemgebieden: 'Huisvestingsproblemen',
    doelgroepen: 'Nieuwkomers',
    samenvatting: 'Een project',
    ...extra,
  };
}

const meta = (kind: string, owner: string, region: Region) => ({
  kind,
  version: '1',
  region: region.id,
  owner,
});

function source(path: string, wb: ReturnType<typeof workbookOf>, region: Region): SourceInput {
  return {
    path,
    md5: `md5-${path}`,
    bytes: 1000 + path.length,
    outcome: { ok: true, result: validateWorkbook(wb, region) },
  };
}

export function gemeenteSource(
  path: string,
  owner: string,
  personas: Row[],
  needs: Row[],
  region: Region = leieSchelde,
): SourceInput {
  const wb = workbookOf(
    [sheetOf(personaLayout, personas), sheetOf(noodLayout, needs)],
    meta('gemeente', owner, region),
    path,
  );
  return source(path, wb, region);
}

export function aanbodSource(
  path: string,
  offers: Row[],
  region: Region = leieSchelde,
): SourceInput {
  const wb = workbookOf([sheetOf(aanbodLayout, offers)], meta('aanbod', 'Partner A', region), path);
  return source(path, wb, region);
}

export function kandidatuurSource(
  path: string,
  rows: Row[],
  region: Region = leieSchelde,
): SourceInput {
  const wb = workbookOf(
    [sheetOf(kandidatuurLayout, rows)],
    meta('kandidatuur', 'Partner A', region),
    path,
  );
  return source(path, wb, region);
}

export function refusedSource(path: string): SourceInput {
  return {
    path,
    md5: 'abc',
    bytes: 12,
    outcome: { ok: false, refusal: { code: 'not-zip', params: {} } },
  };
}
