import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hsdsFromOffers } from '../src/domain/hsds/map-offers.js';
import type { Aanbod } from '../src/domain/layouts.js';
import type { SourcedRecord } from '../src/domain/overview/model.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { writeExampleDrive } from '../src/example/write-drive.js';
import { csvText } from '../src/fs/csv.js';
import { uuidV5 } from '../src/fs/uuid-v5.js';
import { runCli } from './helpers/cli.js';
import { hsdsTables, hsdsValidators, parseCsv, typedRows } from './helpers/hsds.js';

// `partnerschap export --hsds`: the mapping of an offer to HSDS records, worked out by hand (the
// UUIDs with Python's uuid.uuid5), and the built CLI on the example drive, every file it writes
// checked against the vendored HSDS 3.0 schema (vendor/hsds/tabular.json).

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const offer: Aanbod = {
  partner: 'Vzw De Brug',
  naam: 'Woonbuddy op maat',
  omschrijving: 'Een buddy zoekt mee naar een woning, "stap voor stap".\nOok aan huis.',
  probleemgebieden: ['Huisvestingsproblemen'],
  dienstverlening: ['Woonbegeleiding of woonbuddy'],
  doelgroepen: null,
  gemeenten: ['Hele regio'],
  werkwijze: ['Aan huis', 'Online'],
  talen: ['Nederlands', 'Dari', 'Tolk mogelijk'],
  kost: 'Gratis',
  capaciteit: 40,
  wachttijd: 3,
  voorwaarden: 'Wonen in de regio',
  contact: 'Onthaal',
  email: 'onthaal@debrug.be',
  telefoon: '+32 9 123 45 67',
  geldigVanaf: utc(2023, 1, 1),
  geldigTot: null,
  bijgewerkt: utc(2023, 5, 2),
};

const sourced = (record: Aanbod, row: number): SourcedRecord<Aanbod> => ({
  source: 'Partners/Aanbod/Aanbod Vzw De Brug.xlsx',
  sheet: 'Aanbod',
  row,
  gemeente: null,
  record,
});

describe('HSDS mapping', () => {
  const out = hsdsFromOffers(
    leieSchelde,
    [
      sourced(offer, 2),
      sourced({ ...offer, naam: 'Winteropvang', geldigTot: utc(2023, 3, 31) }, 3),
      sourced({ ...offer, naam: 'woonbuddy  op maat' }, 4),
    ],
    { asOf: utc(2023, 6, 20), idOf: uuidV5 },
  );
  // uuid.uuid5(UUID('d613ba77-30b9-4a49-8473-2ebaa1b09d33'), 'leie-schelde/service/vzw de brug/woonbuddy op maat')
  const service = 'ffd9339d-cd67-5684-9c5c-2ddd94c6e31d';
  const organization = '5195b10f-6832-5fda-9338-373c95f5b706';

  it('maps an offer to a service of its partner, values as typed', () => {
    expect(out.tables.organization).toEqual([
      {
        id: organization,
        name: 'Vzw De Brug',
        description: 'Partner van het lokaal partnerschap Leie & Schelde.',
      },
    ]);
    expect(out.tables.service).toEqual([
      {
        id: service,
        organization_id: organization,
        name: 'Woonbuddy op maat',
        description: offer.omschrijving,
        email: 'onthaal@debrug.be',
        status: 'active',
        interpretation_services: 'Tolk mogelijk',
        fees_description: 'Gratis',
        eligibility_description: 'Wonen in de regio',
        wait_time: '3 weken',
        assured_date: '2023-05-02',
      },
    ]);
  });

  it('gives the areas, languages, contact and phone of the offer', () => {
    expect(out.tables.service_area.map(({ id: _, ...rest }) => rest)).toEqual([
      {
        service_id: service,
        name: 'Hele regio',
        description: `Alle gemeenten van Leie & Schelde: ${leieSchelde.municipalities.join(', ')}.`,
      },
    ]);
    expect(out.tables.language.map((l) => [l.name, l.code])).toEqual([
      ['Nederlands', 'nl'],
      ['Dari', 'prs'],
    ]);
    expect(out.tables.contact).toEqual([
      {
        id: 'afc34483-d97f-585c-a41b-ba92f74bb0bc',
        service_id: service,
        name: 'Onthaal',
        email: 'onthaal@debrug.be',
      },
    ]);
    expect(out.tables.phone.map((p) => [p.contact_id, p.number])).toEqual([
      ['afc34483-d97f-585c-a41b-ba92f74bb0bc', '+32 9 123 45 67'],
    ]);
  });

  it('links the offer to the terms of the region lists it names', () => {
    const term = out.tables.taxonomy_term.find((x) => x.name === 'Huisvestingsproblemen');
    expect(term).toEqual({
      id: '61339a4e-6b32-5dd0-b06d-1415d35d7e8f',
      code: 'huisvesting',
      name: 'Huisvestingsproblemen',
      description:
        'Dakloos, geen duurzame of voldoende grote woning, voortdurende zoektocht naar een woonst.',
      taxonomy: 'Probleemgebieden (Leie & Schelde)',
      language: 'nl',
      taxonomy_id: 'a6d78983-6865-5dd2-b563-ece9bf216b71',
    });
    expect(out.tables.attribute[0]).toEqual({
      id: '61c07abb-4e45-5324-bd65-512003469811',
      link_id: service,
      taxonomy_term_id: term?.id,
      link_entity: 'service',
    });
    const termNames = new Map(out.tables.taxonomy_term.map((x) => [x.id, x.name]));
    expect(out.tables.attribute.map((a) => termNames.get(a.taxonomy_term_id ?? ''))).toEqual([
      'Huisvestingsproblemen',
      'Woonbegeleiding of woonbuddy',
      'Aan huis',
      'Online',
    ]);
    // Every problem area of the region is a term, used or not.
    expect(
      out.tables.taxonomy_term.filter((x) => x.taxonomy_id === term?.taxonomy_id),
    ).toHaveLength(leieSchelde.problemAreas.length);
  });

  it('leaves out offers not valid on the day and a second row of the same offer', () => {
    expect(out.services).toBe(1);
    expect(out.inactive).toBe(1);
    expect(out.doubles.map((d) => d.row)).toEqual([4]);
  });
});

describe('HSDS building blocks', () => {
  it('makes RFC 9562 version 5 UUIDs', () => {
    const dns = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    expect(uuidV5('www.example.com', dns)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('writes RFC 4180 CSV, values unchanged', () => {
    const text = csvText(
      ['a', 'b', 'c'],
      [
        { a: 'x,y', b: 'zei "ja"\r\nof nee', c: null },
        { a: '=1+1', b: '+32 9', c: '' },
      ],
    );
    expect(text).toBe('a,b,c\r\n"x,y","zei ""ja""\r\nof nee",\r\n=1+1,+32 9,\r\n');
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x,y', 'zei "ja"\r\nof nee', ''],
      ['=1+1', '+32 9', ''],
    ]);
  });
});

describe('partnerschap export --hsds', () => {
  let work = '';
  let drive = '';
  const run = (out: string) =>
    runCli([
      'export',
      '--hsds',
      out,
      '--drive',
      drive,
      '--state',
      path.join(work, 'state'),
      '--at',
      '20/06/2023',
    ]);

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'hsds-'));
    drive = path.join(work, 'drive');
    await writeExampleDrive(leieSchelde, drive);
    await writeFile(path.join(drive, 'Partners/Aanbod/Aanbod Kapot.xlsx'), 'geen werkmap');
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('writes every table valid per HSDS 3.0, reports what it could not read, and ids stay the same', async () => {
    const out = path.join(work, 'hsds');
    const first = await run(out);
    expect(first.stderr).toBe('');
    // The broken workbook and the example's refused offer rows: written, but not everything.
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('Partners/Aanbod/Aanbod Kapot.xlsx: niet gelezen:');
    expect(first.stdout).toMatch(/aanbodrij afgewezen en niet uitgevoerd/);
    expect(first.stdout).toMatch(/\d+ aanbod van \d+ partners uitgevoerd, geldig op 20\/06\/2023/);

    const pkg = JSON.parse(await readFile(path.join(out, 'datapackage.json'), 'utf8'));
    expect((await readdir(out)).sort()).toEqual(
      ['datapackage.json', ...pkg.resources.map((r: { path: string }) => r.path)].sort(),
    );
    const validators = hsdsValidators();
    // The schema bites: an id that is no UUID, a status HSDS does not know, no organization.
    expect(validators.service!({ id: 'x', name: 'Woonbuddy', status: 'open' })).toBe(false);
    expect(validators.service!.errors?.map((e) => e.keyword).sort()).toEqual([
      'enum',
      'format',
      'tabular_required',
    ]);
    const ids = new Map<string, Set<unknown>>();
    const rowsOf = new Map<string, Record<string, unknown>[]>();
    for (const resource of pkg.resources) {
      const schema = hsdsTables[resource.name]!;
      expect(resource.path).toBe(schema.path);
      const records = parseCsv(await readFile(path.join(out, resource.path), 'utf8'));
      expect(records[0]).toEqual(resource.schema.fields.map((f: { name: string }) => f.name));
      for (const field of resource.schema.fields) {
        const property = schema.properties[field.name]!;
        expect(field.type).toBe(property.datapackage_type ?? property.type);
        if (field.format) expect(field.format).toBe(property.format);
      }
      const rows = typedRows(schema, records);
      for (const row of rows) {
        const valid = validators[resource.name]!(row);
        expect(valid ? [] : validators[resource.name]!.errors, resource.path).toEqual([]);
      }
      for (const [name, property] of Object.entries(schema.properties)) {
        if (!property.constraints?.unique) continue;
        const values = rows.map((r) => r[name]).filter((v) => v !== undefined);
        expect(new Set(values).size, `${resource.path} ${name}`).toBe(values.length);
      }
      ids.set(resource.name, new Set(rows.map((r) => r.id)));
      rowsOf.set(resource.name, rows);
    }
    for (const resource of pkg.resources) {
      for (const key of resource.schema.foreignKeys) {
        const targets = ids.get(key.reference.resource)!;
        for (const row of rowsOf.get(resource.name)!) {
          const value = row[key.fields[0]];
          if (value !== undefined) expect(targets.has(value)).toBe(true);
        }
      }
    }
    expect(rowsOf.get('service')!.length).toBeGreaterThan(50);

    const again = path.join(work, 'hsds-again');
    expect((await run(again)).code).toBe(1);
    for (const file of await readdir(out)) {
      expect(await readFile(path.join(again, file), 'utf8'), file).toBe(
        await readFile(path.join(out, file), 'utf8'),
      );
    }
  });

  it('writes nothing when no offer workbook can be read (exit 2)', async () => {
    const empty = path.join(work, 'empty');
    for (const folder of ['Gemeenten', 'Partners/Aanbod', 'Partners/Kandidaturen']) {
      await mkdir(path.join(empty, folder), { recursive: true });
    }
    await appendFile(path.join(empty, 'Partners/Aanbod/Aanbod.xlsx'), 'kapot');
    const out = path.join(work, 'hsds-none');
    const result = await runCli([
      'export',
      '--hsds',
      out,
      '--drive',
      empty,
      '--state',
      path.join(work, 's2'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('geen enkele aanbodwerkmap in de map Partners/Aanbod');
    expect(existsSync(out)).toBe(false);
  });
});
