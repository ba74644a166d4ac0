import { afterAll, describe, expect, it } from 'vitest';
import { checkResultText } from '../src/addin/commands/check-result-text.js';
import { checkResultUrl, validateWorkbookCommand } from '../src/addin/commands/validate-command.js';
import { regionOfWorkbook } from '../src/domain/region/workbook-region.js';
import { writesLanded } from '../src/domain/row-by-key.js';
import { OfficeHost } from '../src/addin/host/office-host.js';
import type { WorkbookHost } from '../src/domain/workbook-host.js';
import { aanbodLayout, noodLayout, personaLayout } from '../src/domain/layouts.js';
import { listName } from '../src/domain/list-names.js';
import { storedPersonas } from '../src/domain/pane/form-prefill.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import type { RowInput } from '../src/domain/rows.js';
import { issueCell, issueMessage } from '../src/domain/issue.js';
import { validateWorkbook } from '../src/domain/validate.js';
import { vocabulariesOf } from '../src/domain/vocabularies.js';
import { TEMPLATE_VERSION } from '../src/domain/workbook-kinds.js';
import { fakeExcel, parseA1, type FakeExcel } from './helpers/excel-fake.mjs';

// The Office.js side of the task pane against a fake Excel built on office-addin-mock: what
// "Werkmap inrichten" makes and upgrades, what is read and written, and the round trips each
// action takes with 100 and with 10,000 rows.

const region = leieSchelde;
const hostOf = (fake: FakeExcel) =>
  new OfficeHost({ run: (batch) => batch(fake.context), timeoutMs: 5_000 });
const headers = (l: { columns: object }) =>
  Object.values(l.columns).map((c: { header: string }) => c.header);

async function gemeente(): Promise<FakeExcel> {
  const fake = fakeExcel();
  fake.addSheet('Blad1');
  await hostOf(fake).setUp('gemeente', region, 'Deinze');
  fake.reset();
  return fake;
}

const lists = vocabulariesOf(region);

/** A valid need of a persona. */
function need(id: string, over: RowInput = {}): RowInput {
  return { persona: id, probleemgebied: lists.probleemgebied[0]!, ernst: lists.ernst[0]!, ...over };
}

/** A valid persona: the first value of each of its lists. */
function persona(i: number, over: RowInput = {}): RowInput {
  const choices = Object.fromEntries(
    Object.entries(personaLayout.columns).flatMap(([field, c]) =>
      c.vocabulary === null ? [] : [[field, lists[c.vocabulary][0]!]],
    ),
  );
  return {
    ...choices,
    id: `P${i}`,
    naam: `Persona ${i}`,
    krachten: 'kan goed koken',
    doelen: 'werk vinden',
    aantal: 12,
    ...over,
  };
}

describe('setUp', () => {
  it('turns an empty workbook into a gemeente workbook', async () => {
    const fake = fakeExcel();
    fake.addSheet('Blad1');
    const report = await hostOf(fake).setUp('gemeente', region, 'Deinze');
    expect(report.outcome).toBe('created');
    expect(report.addedColumns).toEqual([]);
    expect(report.addedSheets).toEqual(["Persona's", 'Noden', 'Aanbod', 'Tijdlijn', 'Uitleg']);
    // The lone empty sheet became the first data sheet.
    expect(fake.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Persona's", 'Visible'],
      ['Noden', 'Visible'],
      ['Aanbod', 'Visible'],
      ['Tijdlijn', 'Visible'],
      ['Uitleg', 'Visible'],
      ['Lijsten', 'Hidden'],
      ['_meta', 'VeryHidden'],
    ]);
    expect(fake.syncs).toBe(3);

    const table = fake.table('Personas')!;
    expect([table.sheet.name, table.row, table.col, table.bodyRows]).toEqual([
      "Persona's",
      0,
      0,
      personaLayout.templateRows,
    ]);
    expect(table.style).toBe('TableStyleMedium2');
    expect(
      headers(personaLayout).map((_, j) => fake.sheets[0]!.cells.get(`0,${j}`)?.value),
    ).toEqual(headers(personaLayout));
    const sheet = fake.sheet("Persona's")!;
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.protected).toBe(false);
    expect(fake.cell("Persona's", 'B2')?.format).toBe('@'); // naam: text
    expect(fake.cell("Persona's", 'L201')?.format).toBe('0'); // aantal: integer
    expect(fake.cell("Persona's", 'O2')?.format).toBe('dd/mm/yyyy'); // bijgewerkt
    // Persona-ID is 12 characters wide: 12 × 7 + 5 = 89 pixels of Calibri 11, 66.75 points.
    expect(sheet.widths.get(0)).toBe(67);

    const leeftijd = sheet.validations.find((v) => v.address === 'E2:E201')!;
    expect(leeftijd.rule).toEqual({ list: { inCellDropDown: true, source: '=lijst_leeftijd' } });
    expect(leeftijd.prompt).toMatchObject({ showPrompt: true, title: 'Leeftijdsgroep' });
    expect(leeftijd.errorAlert).toMatchObject({ showAlert: true, style: 'Stop' });
    const doelgroepen = sheet.validations.find((v) => v.address === 'K2:K201')!;
    expect(doelgroepen.errorAlert?.style).toBe('Information');
    expect(sheet.validations.find((v) => v.address === 'L2:L201')?.rule).toEqual({
      wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' },
    });
    // Every column has its input message.
    expect(sheet.validations.filter((v) => v.prompt?.showPrompt)).toHaveLength(
      headers(personaLayout).length,
    );

    // The read-only copies are protected and explain their columns without checks.
    const aanbod = fake.sheet('Aanbod')!;
    expect(aanbod.protected).toBe(true);
    expect(aanbod.validations.every((v) => v.rule === undefined && v.prompt)).toBe(true);
    expect(fake.sheet('Tijdlijn')!.protected).toBe(true);
    expect(fake.cell('Tijdlijn', 'A2')?.value).toBe(region.timeline[0]!.id);
    // A date-only milestone is shown as a date; only the deadline has its time.
    const starts = region.timeline.map((m, i) => [
      m.id,
      fake.cell('Tijdlijn', `C${i + 2}`)?.format,
    ]);
    expect(starts.filter(([, f]) => f === 'dd/mm/yyyy hh:mm')).toEqual([
      ['deadline', 'dd/mm/yyyy hh:mm'],
    ]);

    // Lijsten: a column per vocabulary with its defined name.
    expect(fake.cell('Lijsten', 'A1')?.value).toBe('leeftijd');
    expect(fake.cell('Lijsten', 'A2')?.value).toBe(lists.leeftijd[0]);
    expect(fake.names.get(listName('leeftijd'))).toMatch(/^=Lijsten!\$A\$2:\$A\$\d+$/);
    expect(fake.names.has(listName('probleemgebied'))).toBe(true);

    const meta = ['A1', 'B1', 'A2', 'B2', 'A3', 'B3', 'A4', 'B4'].map(
      (a) => fake.cell('_meta', a)?.value,
    );
    expect(meta).toEqual([
      'kind',
      'gemeente',
      'version',
      TEMPLATE_VERSION,
      'region',
      region.id,
      'owner',
      'Deinze',
    ]);
    expect(fake.cell('Uitleg', 'A1')?.value).toContain('Deinze');
    expect(fake.active?.sheet).toBe("Persona's");

    // The domain accepts what was set up: a gemeente workbook of this region, no issues.
    const result = validateWorkbook(await hostOf(fake).read(), region);
    expect(result.meta).toEqual({
      kind: 'gemeente',
      version: TEMPLATE_VERSION,
      region: region.id,
      owner: 'Deinze',
    });
    expect(result.issues).toEqual([]);
  });

  it('upgrades an older workbook in place: values kept, missing columns at the end', async () => {
    const fake = fakeExcel();
    const old = headers(personaLayout).filter((h) => h !== 'Bron' && h !== 'Toelichting');
    const rows = [1, 2].map((i) => old.map((h) => (h === 'Persona-ID' ? `P${i}` : `${h} ${i}`)));
    fake.putTable("Persona's", 'Personas', old, rows);
    fake.putTable(
      '_meta',
      'unused',
      ['kind', 'gemeente'],
      [
        ['version', 0],
        ['region', region.id],
        ['owner', 'Melle'],
      ],
    );
    fake.tables = fake.tables.filter((t) => t.name !== 'unused');
    fake.sheet('_meta')!.visibility = 'VeryHidden';

    const report = await hostOf(fake).setUp('gemeente', region, 'Deinze');
    expect(report.outcome).toBe('upgraded');
    expect(report.addedColumns).toEqual(["Persona's: Bron", "Persona's: Toelichting"]);
    expect(report.addedSheets).toEqual(['Noden', 'Aanbod', 'Tijdlijn', 'Uitleg']);
    expect(fake.syncs).toBe(3);
    // Nothing moved: the old values stay where they were, the new columns follow the old ones.
    rows.forEach((row, i) =>
      row.forEach((v, j) => expect(fake.sheets[0]!.cells.get(`${i + 1},${j}`)?.value).toBe(v)),
    );
    const table = fake.table('Personas')!;
    expect(table.cols).toBe(old.length + 2);
    expect(fake.cell("Persona's", 'N1')?.value).toBe('Bron');
    expect(fake.cell("Persona's", 'O1')?.value).toBe('Toelichting');
    expect(fake.cell("Persona's", 'N2')?.format).toBe('@');
    const bron = fake.sheet("Persona's")!.validations.find((v) => v.address === 'N2:N3');
    expect(bron?.rule).toEqual({ list: { inCellDropDown: true, source: '=lijst_bron' } });
    // _meta: the version is current, the workbook's own owner is kept.
    expect(fake.cell('_meta', 'B2')?.value).toBe(TEMPLATE_VERSION);
    expect(fake.cell('_meta', 'B4')?.value).toBe('Melle');
    // Uitleg, new on this upgrade, names that owner too.
    expect(fake.cell('Uitleg', 'A1')?.value).toContain('Melle');

    // Set up again: nothing is missing any more.
    fake.reset();
    const again = await hostOf(fake).setUp('gemeente', region, 'Deinze');
    expect(again).toEqual({ outcome: 'current', addedColumns: [], addedSheets: [] });
    expect(fake.table('Personas')!.cols).toBe(old.length + 2);
  });

  it('refuses to turn another kind of workbook into a gemeente workbook', async () => {
    const fake = fakeExcel();
    await hostOf(fake).setUp('aanbod', region, '');
    await expect(hostOf(fake).setUp('gemeente', region, 'Deinze')).rejects.toThrow(
      /is een aanbodinventaris, geen gemeentewerkmap/,
    );
  });
});

describe('read', () => {
  it('gives the domain a workbook whose issues name the real cells', async () => {
    const fake = await gemeente();
    const host = hostOf(fake);
    await host.writeRecords([
      { layout: personaLayout, append: [persona(1), persona(2, { leeftijd: 'jong' })] },
      { layout: noodLayout, append: [need('P1'), need('P9')] },
    ]);
    fake.reset();
    const wb = await host.read();
    expect(fake.syncs).toBe(2);
    expect(wb.meta?.get('owner')).toBe('Deinze');
    expect(wb.sheets.map((s) => s.name)).toEqual(["Persona's", 'Noden', 'Aanbod', 'Tijdlijn']);
    const result = validateWorkbook(wb, region);
    const where = result.issues.map((i) => `${i.sheet}!${issueCell(i)}`);
    expect(where).toEqual(["Persona's!E3", 'Noden!A3']);
  });

  it('reads a workbook without _meta or tables as empty', async () => {
    const fake = fakeExcel();
    fake.addSheet('Blad1');
    const wb = await hostOf(fake).read();
    expect(wb).toMatchObject({ meta: null, sheets: [] });
    expect(issueMessage(validateWorkbook(wb, region).issues[0]!)).toMatch(/onbekend soort werkmap/);
  });
});

describe('writes, select and chart', () => {
  it('keeps "=1+1" typed in a form as text', async () => {
    const fake = await gemeente();
    const outcome = await hostOf(fake).writeRecords([
      { layout: personaLayout, append: [persona(1, { naam: '=1+1' })] },
    ]);
    expect(outcome).toMatchObject({ rows: 1, syncs: 2 });
    const cell = fake.cell("Persona's", 'B2')!;
    expect(cell).toMatchObject({ value: '=1+1', format: '@', formula: false });
  });

  it('replaces the rows of a protected copy and protects it again', async () => {
    const fake = await gemeente();
    const offer = { partner: 'OCMW', naam: 'Taalcafé', omschrijving: 'x', probleemgebieden: ['a'] };
    await hostOf(fake).replaceRows(aanbodLayout, [offer]);
    expect(fake.cell('Aanbod', 'B2')?.value).toBe('Taalcafé');
    expect(fake.sheet('Aanbod')!.protected).toBe(true);
  });

  it('selects a cell on its sheet', async () => {
    const fake = await gemeente();
    await hostOf(fake).select('Noden', 'C7');
    expect(fake.active).toEqual({ sheet: 'Noden', cell: 'C7' });
    expect(fake.syncs).toBe(1);
    await expect(hostOf(fake).select('Weg', 'A1')).rejects.toThrow('Het blad "Weg" bestaat niet');
  });

  it('inserts a clustered column chart of demand and supply, replacing an older one', async () => {
    const fake = await gemeente();
    const data = {
      municipality: 'Deinze',
      rows: [
        { area: 'Wonen', demand: 40, offers: 3 },
        { area: 'Taal', demand: 12, offers: 0 },
      ],
    };
    await hostOf(fake).insertChart({
      ...data,
      rows: [...data.rows, { area: 'Oud', demand: 1, offers: 1 }],
    });
    fake.reset();
    expect(await hostOf(fake).insertChart(data)).toEqual({ sheet: 'Grafiek dekking', chart: true });
    expect(fake.syncs).toBe(2);
    const sheet = fake.sheet('Grafiek dekking')!;
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({
      type: 'ColumnClustered',
      source: 'Grafiek dekking!A1:C3',
      seriesBy: 'Columns',
      title: { text: 'Vraag en aanbod per probleemgebied – Deinze' },
    });
    expect(sheet.charts[0]!.axes.valueAxis.title.text).toBe('Aantal');
    expect(fake.cell('Grafiek dekking', 'A3')?.value).toBe('Taal');
    expect(fake.cell('Grafiek dekking', 'A4')).toBeUndefined();
  });
});

describe('writes place values by header', () => {
  // A table moved to B2, its columns in reverse order, with the user's own column between
  // layout columns and another user column in A, outside the table.
  const NOTE = 'Eigen notitie';
  const layoutHeaders = headers(personaLayout).reverse();
  const tableHeaders = [...layoutHeaders.slice(0, 5), NOTE, ...layoutHeaders.slice(5)];
  const fieldOf = new Map(
    Object.entries(personaLayout.columns).map(([f, c]) => [c.header, f] as const),
  );

  function reordered(without: string[] = []): FakeExcel {
    const fake = fakeExcel();
    const cols = tableHeaders.filter((h) => !without.includes(h));
    const rows = [1, 2].map((i) =>
      cols.map((h) => (h === NOTE ? `notitie ${i}` : (persona(i)[fieldOf.get(h)!] ?? ''))),
    );
    fake.putTable("Persona's", 'Personas', cols, rows, { row: 1, col: 1 });
    ['A2', 'A3', 'A4', 'A5'].forEach((a, i) => {
      const { row, col } = parseA1(a);
      fake.sheet("Persona's")!.cells.set(`${row},${col}`, {
        value: `buiten ${i}`,
        format: 'General',
        formula: false,
      });
    });
    fake.reset();
    return fake;
  }

  /** The cell under `header` (in the table's header row, sheet row 2) on sheet row `row`. */
  function under(fake: FakeExcel, header: string, row: number) {
    const col = tableHeaders.indexOf(header) + 1; // the table starts in column B
    return fake.sheet("Persona's")!.cells.get(`${row - 1},${col}`);
  }

  function expectRecord(fake: FakeExcel, row: number, record: RowInput) {
    for (const [header, field] of fieldOf) {
      const value = record[field];
      const expected = Array.isArray(value) ? value.join('; ') : (value ?? '');
      expect([header, under(fake, header, row)?.value ?? '']).toEqual([header, expected]);
    }
  }

  it("appends every value under its header, leaving the user's columns alone", async () => {
    const fake = reordered();
    const record = persona(3, { naam: '=1+1' });
    const outcome = await hostOf(fake).writeRecords([{ layout: personaLayout, append: [record] }]);
    expect(outcome).toMatchObject({ rows: 1, syncs: 2 });
    expectRecord(fake, 5, record);
    expect(under(fake, 'Naam persona', 5)).toMatchObject({ format: '@', formula: false });
    expect(under(fake, NOTE, 5)?.value ?? '').toBe('');
    expect([3, 4].map((r) => under(fake, NOTE, r)?.value)).toEqual(['notitie 1', 'notitie 2']);
    expectRecord(fake, 3, persona(1));
    expect(fake.cell("Persona's", 'A5')?.value).toBe('buiten 3');
  });

  it('updates the given rows in place, by header, in one write sync', async () => {
    const fake = reordered();
    const record = persona(2, { naam: 'Andere naam', aantal: 99, toelichting: '=2*3' });
    const outcome = await hostOf(fake).writeRecords([
      { layout: personaLayout, update: [{ key: { id: 'P2' }, values: record }] },
    ]);
    expect(outcome).toEqual({ rows: 1, syncs: 2, largestPayload: expect.any(Number) });
    expect(fake.syncs).toBe(2);
    expectRecord(fake, 4, record);
    expect(under(fake, 'Toelichting', 4)).toMatchObject({ format: '@', formula: false });
    // The other row, the user's column and the column outside the table are untouched.
    expectRecord(fake, 3, persona(1));
    expect([3, 4].map((r) => under(fake, NOTE, r)?.value)).toEqual(['notitie 1', 'notitie 2']);
    expect(under(fake, NOTE, 4)?.format).toBe('General');
    expect(fake.cell("Persona's", 'A4')?.value).toBe('buiten 2');
    expect(fake.table('Personas')!.bodyRows).toBe(2);
  });

  it('refuses an update whose key no row holds, writing nothing', async () => {
    for (const id of ['P9', '', 'buiten 2']) {
      const fake = reordered();
      await expect(
        hostOf(fake).writeRecords([
          {
            layout: personaLayout,
            update: [
              { key: { id: 'P1' }, values: persona(1, { naam: 'Gewijzigd' }) },
              { key: { id }, values: persona(2) },
            ],
          },
        ]),
      ).rejects.toThrow(`Geen rij van de tabel "Personas" met Persona-ID ${id} is nog zoals`);
      expect(fake.syncs).toBe(1); // only the read
      expectRecord(fake, 3, persona(1));
    }
  });

  it('refuses a value for a column the table lacks, but not an empty one', async () => {
    const fake = reordered(['Toelichting']);
    const host = hostOf(fake);
    const update = (toelichting: string) => [
      {
        layout: personaLayout,
        update: [{ key: { id: 'P1' }, values: persona(1, { toelichting }) }],
      },
    ];
    await expect(host.writeRecords(update('geheim'))).rejects.toThrow(
      `De kolom "Toelichting" ontbreekt op het blad "Persona's"`,
    );
    await expect(
      host.writeRecords([{ layout: personaLayout, append: [persona(3, { toelichting: 'x' })] }]),
    ).rejects.toThrow(/De kolom "Toelichting" ontbreekt/);
    expect(fake.syncs).toBe(2); // the two reads
    await expect(host.writeRecords(update(''))).resolves.toMatchObject({ rows: 1 });
  });
});

describe('the ribbon command', () => {
  it('selects the first issue and shows counts only', async () => {
    const fake = await gemeente();
    const host: WorkbookHost = hostOf(fake);
    const secret = 'Jan Peeters 0470 12 34 56';
    await host.writeRecords([
      {
        layout: personaLayout,
        append: [
          persona(1),
          persona(2, { toelichting: secret, aantal: 'veel' as unknown as number }),
        ],
      },
    ]);
    const urls: string[] = [];
    const ui = { showDialog: async (url: string) => void urls.push(url) };
    const regionOf = (meta: ReadonlyMap<string, string> | null) =>
      regionOfWorkbook(meta, region, async () => null);
    const summary = await validateWorkbookCommand(
      host,
      regionOf,
      ui,
      'https://localhost:3000/commands.html',
    );
    if (summary === null) throw new Error('the region of the workbook was not found');
    expect(summary).toMatchObject({ errors: 2, warnings: 0, rows: 2, kind: 'gemeente' });
    expect(fake.active).toEqual({ sheet: "Persona's", cell: summary.cell });
    expect(urls).toHaveLength(1);
    const url = new URL(urls[0]!);
    expect(url.pathname).toBe('/check-result.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      errors: '2',
      warnings: '0',
      rows: '2',
      kind: 'gemeente',
      sheet: "Persona's",
      cell: summary.cell,
    });
    expect(decodeURIComponent(urls[0]!)).not.toMatch(/Jan|0470|veel/);
  });

  it('checks nothing in a workbook of a region the add-in does not know, and says so', async () => {
    const host: WorkbookHost = hostOf(await gemeente());
    const urls: string[] = [];
    const ui = { showDialog: async (url: string) => void urls.push(url) };
    const elsewhere = { ...region, id: 'noorderkempen' };
    const regionOf = (meta: ReadonlyMap<string, string> | null) =>
      regionOfWorkbook(meta, elsewhere, async () => null);
    const summary = await validateWorkbookCommand(host, regionOf, ui, 'https://x/commands.html');
    expect(summary).toBeNull();
    const url = new URL(urls[0]!);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      region: 'leie-schelde',
      regionProblem: 'unknown',
    });
    expect(checkResultText(url.search).lines.join(' ')).toContain('regio "leie-schelde"');
  });

  it('builds a URL without a cell when nothing names one', () => {
    const url = checkResultUrl('https://x/y/commands.html', {
      errors: 0,
      warnings: 0,
      rows: 5,
      kind: null,
      sheet: null,
      cell: null,
    });
    expect(url).toBe('https://x/y/check-result.html?errors=0&warnings=0&rows=5');
  });
});

describe('one action over several tables', () => {
  it('refuses a row of the second table before anything is written to the first', async () => {
    const refusals: [RegExp, RowInput[], { key: RowInput; values: RowInput }[]][] = [
      [
        /^Geen rij van de tabel "Noden" met Persona-ID P1 is nog/,
        [],
        [{ key: need('P1'), values: need('P1') }],
      ],
      [/^De kolom "Omschrijving" ontbreekt/, [need('P1', { omschrijving: 'x' })], []],
    ];
    for (const [message, append, update] of refusals) {
      const fake = await gemeente();
      // Noden without its last column, Omschrijving, as an older workbook may have it.
      fake.table('Noden')!.cols = headers(noodLayout).length - 1;
      await expect(
        hostOf(fake).writeRecords([
          { layout: personaLayout, append: [persona(1)] },
          { layout: noodLayout, append, update },
        ]),
      ).rejects.toThrow(message);
      expect(fake.syncs).toBe(1); // only the read
      expect(fake.cell("Persona's", 'A2')?.value ?? '').toBe('');
    }
  });

  it('names the tables when one of them is missing', async () => {
    const fake = fakeExcel();
    fake.putTable("Persona's", 'Personas', headers(personaLayout), []);
    await expect(
      hostOf(fake).writeRecords([
        { layout: personaLayout, append: [persona(1)] },
        { layout: noodLayout, append: [need('P1')] },
      ]),
    ).rejects.toThrow(
      `Een van de tabellen "Personas" (blad "Persona's"), "Noden" (blad "Noden") ontbreekt`,
    );
    expect(fake.cell("Persona's", 'A2')?.value ?? '').toBe('');
    // A table the action has no records for is not even read.
    const outcome = await hostOf(fake).writeRecords([
      { layout: personaLayout, append: [persona(1)] },
      { layout: noodLayout, append: [], update: [] },
    ]);
    expect(outcome).toMatchObject({ rows: 1, syncs: 2 });
    expect(fake.cell("Persona's", 'A2')?.value).toBe('P1');
  });
});

describe('round trips per action', () => {
  const measured: string[] = [];
  afterAll(() => console.log(`Office host, syncs per action:\n${measured.join('\n')}`));

  /** A gemeente workbook with n personas and a need of each. */
  async function withRows(n: number): Promise<FakeExcel> {
    const fake = await gemeente();
    const ids = Array.from({ length: n }, (_, i) => i + 1);
    await hostOf(fake).writeRecords([
      { layout: personaLayout, append: ids.map((i) => persona(i)) },
      { layout: noodLayout, append: ids.map((i) => need(`P${i}`)) },
    ]);
    fake.reset();
    return fake;
  }

  /** Saving an edited persona in the pane: the persona, a need changed and a need added. */
  const saveEdited = (host: OfficeHost, n: number) =>
    host.writeRecords([
      {
        layout: personaLayout,
        update: [{ key: { id: `P${n}` }, values: persona(n, { aantal: 7 }) }],
      },
      {
        layout: noodLayout,
        update: [{ key: need(`P${n}`), values: need(`P${n}`, { ernst: lists.ernst[1]! }) }],
        append: [need(`P${n}`, { omschrijving: 'Nieuwe nood' })],
      },
    ]);

  const actions: [string, (host: OfficeHost, n: number) => Promise<unknown>][] = [
    ['setUp', (host) => host.setUp('gemeente', region, 'Deinze')],
    ['writeRecords: persona + 2 needs (1 update, 1 append)', saveEdited],
    [
      'writeRecords: 1 persona appended',
      (host, n) => host.writeRecords([{ layout: personaLayout, append: [persona(n + 1)] }]),
    ],
    [
      'writeRecords: 2 persona rows updated',
      (host, n) =>
        host.writeRecords([
          {
            layout: personaLayout,
            update: [
              { key: { id: 'P1' }, values: persona(1, { naam: 'Eerste' }) },
              { key: { id: `P${n}` }, values: persona(n, { naam: 'Laatste' }) },
            ],
          },
        ]),
    ],
    [
      'replaceRows',
      (host, n) =>
        host.replaceRows(
          personaLayout,
          Array.from({ length: n }, (_, i) => persona(i + 1)),
        ),
    ],
    [
      'insertChart',
      (host) =>
        host.insertChart({
          municipality: 'Deinze',
          rows: [{ area: 'Wonen', demand: 1, offers: 2 }],
        }),
    ],
  ];

  // Persona rows of ~1 kB (two long texts), as a workbook of long stories would hold.
  const long = (i: number) => persona(i, { krachten: 'k'.repeat(400), doelen: 'd'.repeat(400) });

  it.each([
    [100, 2],
    [10_000, 5],
  ])('reads %i persona rows of ~1 kB in %i syncs, no response over 4 MB', async (n, syncs) => {
    const fake = await gemeente();
    const ids = Array.from({ length: n }, (_, i) => i + 1);
    await hostOf(fake).writeRecords([{ layout: personaLayout, append: ids.map(long) }]);
    fake.reset();
    const wb = await hostOf(fake).read();
    const personas = wb.sheets.find((s) => s.name === "Persona's")!;
    expect(personas.rows.map((r) => r.row)).toEqual(ids.map((i) => i + 1));
    expect(personas.rows.at(-1)!.cells.get(1)?.value).toEqual({ kind: 'text', value: `P${n}` });
    expect(fake.syncs).toBe(syncs);
    expect(fake.largestResponse()).toBeLessThanOrEqual(4_000_000);
    const total = fake.responses.reduce((a, b) => a + b, 0);
    measured.push(
      `  read ${n} rows of ~1 kB: ${fake.syncs} syncs, largest response ${fake.largestResponse()} B of ${total} B`,
    );
  });

  // 10,000 short rows are about 2 MB: a write's own read takes one slice more (read-chunks.ts).
  // The estimate comes from the rows read so far: 3,000 short rows, then 7,000 of ~1 kB make
  // Excel on the web refuse a response, and the read asks again with a doubled estimate.
  it('reads short rows then long ones with every answered response under 4 MB', async () => {
    const fake = await gemeente();
    const ids = Array.from({ length: 10_000 }, (_, i) => i + 1);
    const rows = ids.map((i) => (i <= 3_000 ? persona(i) : long(i)));
    await hostOf(fake).writeRecords([{ layout: personaLayout, append: rows }]);
    fake.reset();
    const wb = await hostOf(fake).read();
    const personas = wb.sheets.find((s) => s.name === "Persona's")!;
    expect(personas.rows.map((r) => r.cells.get(1)?.value)).toEqual(
      ids.map((i) => ({ kind: 'text', value: `P${i}` })),
    );
    expect(fake.refused.length).toBeGreaterThan(0);
    expect(fake.largestResponse()).toBeLessThanOrEqual(4_000_000);
    measured.push(
      `  read 3000 short + 7000 ~1 kB rows: ${fake.syncs} syncs (${fake.refused.length} refused), largest ${fake.largestResponse()} B`,
    );
  });

  it('says in Dutch which row is too large to read in Excel on the web', async () => {
    const fake = await gemeente();
    await hostOf(fake).writeRecords([{ layout: personaLayout, append: [long(1)] }]);
    fake.reset();
    fake.responseLimit = 1_000;
    await expect(hostOf(fake).read()).rejects.toThrow(
      /^Een rij van .*"Personas" \(blad "Persona.s"\).* is te groot om in één keer te lezen/,
    );
  });

  it('saves beside 10,000 persona rows of ~1 kB with no response over 4 MB', async () => {
    const fake = await gemeente();
    const ids = Array.from({ length: 10_000 }, (_, i) => i + 1);
    await hostOf(fake).writeRecords([{ layout: personaLayout, append: ids.map(long) }]);
    fake.reset();
    const update = [{ key: { id: 'P9999' }, values: { ...long(9999), aantal: 3 } }];
    const outcome = await hostOf(fake).writeRecords([{ layout: personaLayout, update }]);
    expect(fake.cell("Persona's", 'L10000')?.value).toBe(3);
    expect(outcome.syncs).toBe(fake.syncs);
    expect(fake.syncs).toBeGreaterThan(2);
    expect(fake.largestResponse()).toBeLessThanOrEqual(4_000_000);
    measured.push(
      `  save beside 10000 rows of ~1 kB: ${fake.syncs} syncs, largest response ${fake.largestResponse()} B`,
    );
  });

  it.each(actions)('%s takes a few syncs, growing with bytes not rows', async (name, act) => {
    const counts: number[] = [];
    for (const n of [100, 10_000]) {
      const fake = await withRows(n);
      await act(hostOf(fake), n);
      counts.push(fake.syncs);
      measured.push(
        `  ${name} with ${n} rows: ${fake.syncs} syncs, largest request ${fake.largestRequest()} B`,
      );
    }
    expect(counts[1]! - counts[0]!).toBeLessThanOrEqual(1);
    expect(counts[0]).toBeGreaterThanOrEqual(1);
    expect(counts[1]).toBeLessThanOrEqual(3);
  });

  it.each([
    [100, 2],
    [10_000, 3],
  ])(
    'saves a persona with 2 needs (1 update, 1 append) beside %i rows in exactly %i syncs',
    async (n, syncs) => {
      const fake = await withRows(n);
      const outcome = await saveEdited(hostOf(fake), n);
      expect(fake.syncs).toBe(syncs);
      expect(outcome).toMatchObject({ rows: 3, syncs });
      expect(fake.largestResponse()).toBeLessThanOrEqual(4_000_000);
      expect(fake.cell("Persona's", `L${n + 1}`)?.value).toBe(7);
      expect(fake.cell("Persona's", `B${n + 1}`)?.value).toBe(`Persona ${n}`);
      expect(fake.cell('Noden', `C${n + 1}`)?.value).toBe(lists.ernst[1]);
      expect(fake.cell('Noden', `A${n + 2}`)?.value).toBe(`P${n}`);
      expect(fake.cell('Noden', `F${n + 2}`)?.value).toBe('Nieuwe nood');
    },
  );

  it.each([
    [100, 2],
    [10_000, 3],
  ])(
    'updates a table of %i rows in a read sized by bytes and one write: %i syncs',
    async (n, syncs) => {
      const fake = await withRows(n);
      const update = [1, 2, n].map((i) => ({
        key: { id: `P${i}` },
        values: persona(i, { aantal: 7 }),
      }));
      const outcome = await hostOf(fake).writeRecords([{ layout: personaLayout, update }]);
      expect(fake.syncs).toBe(syncs);
      expect(outcome.syncs).toBe(syncs);
      expect(fake.cell("Persona's", `L${n + 1}`)?.value).toBe(7);
      expect(fake.cell("Persona's", `B${n + 1}`)?.value).toBe(`Persona ${n}`);
    },
  );
});

describe('a stale read: the table changed in Excel between the pane read and its save', () => {
  /** The body of a table as its first `cols` cells per non-empty row, top to bottom. */
  function body(fake: FakeExcel, name: string, cols: number): unknown[][] {
    const t = fake.table(name)!;
    const cell = (r: number, c: number) => t.sheet.cells.get(`${r},${c}`)?.value ?? '';
    return Array.from({ length: t.bodyRows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => cell(t.row + 1 + i, t.col + j)),
    ).filter((r) => r.some((v) => v !== ''));
  }

  /** Three personas, each with one need, read by the pane before anything else happens. */
  async function threePersonas() {
    const fake = await gemeente();
    const host = hostOf(fake);
    await host.writeRecords([
      { layout: personaLayout, append: [1, 2, 3].map((i) => persona(i)) },
      { layout: noodLayout, append: [1, 2, 3].map((i) => need(`P${i}`)) },
    ]);
    const read = storedPersonas(await host.read());
    fake.reset();
    return { fake, host, read };
  }

  const renamed = (i: number) => persona(i, { naam: `Bewerkt ${i}` });

  it('saves an edit onto its own persona after a sort, found by its ID', async () => {
    const { fake, host, read } = await threePersonas();
    await fake.byHand.sort('Personas', 1, true); // by Naam, Z to A: P3, P2, P1
    const p1 = read.find((p) => p.id === 'P1')!;
    expect(p1.row).toBe(2); // the row the pane read, now holding P3
    await host.writeRecords([
      { layout: personaLayout, update: [{ key: { id: p1.id }, values: renamed(1) }] },
      {
        layout: noodLayout,
        update: [{ key: p1.needs[0]!.values, values: need('P1', { ernst: lists.ernst[2]! }) }],
      },
    ]);
    expect(body(fake, 'Personas', 2)).toEqual([
      ['P3', 'Persona 3'],
      ['P2', 'Persona 2'],
      ['P1', 'Bewerkt 1'],
    ]);
    expect(body(fake, 'Noden', 3)).toEqual([
      ['P1', lists.probleemgebied[0], lists.ernst[2]],
      ['P2', lists.probleemgebied[0], lists.ernst[0]],
      ['P3', lists.probleemgebied[0], lists.ernst[0]],
    ]);
    expect(fake.syncs).toBe(2); // the check costs no round trip: it is the write's own read
  });

  it('writes nothing when the persona was deleted by hand, and says so', async () => {
    const { fake, host } = await threePersonas();
    await fake.byHand.deleteRow('Personas', 0); // P1
    await expect(
      host.writeRecords([
        { layout: personaLayout, update: [{ key: { id: 'P1' }, values: renamed(1) }] },
      ]),
    ).rejects.toThrow(
      'Geen rij van de tabel "Personas" met Persona-ID P1 is nog zoals het paneel ze las',
    );
    expect(body(fake, 'Personas', 2)).toEqual([
      ['P2', 'Persona 2'],
      ['P3', 'Persona 3'],
    ]);
    expect(fake.syncs).toBe(1); // only the read
  });

  it("keeps a co-author's edit of another row, and refuses to overwrite a need they changed", async () => {
    const { fake, host, read } = await threePersonas();
    await fake.byHand.edit('Personas', 'B3', 'Collega 2'); // P2's name
    await fake.byHand.edit('Noden', 'C2', lists.ernst[1]); // P1's need
    await fake.byHand.sort('Personas', 0, true); // P3, P2, P1
    const p1 = read.find((p) => p.id === 'P1')!;
    await host.writeRecords([
      { layout: personaLayout, update: [{ key: { id: 'P1' }, values: renamed(1) }] },
    ]);
    expect(body(fake, 'Personas', 2)).toEqual([
      ['P3', 'Persona 3'],
      ['P2', 'Collega 2'],
      ['P1', 'Bewerkt 1'],
    ]);
    await expect(
      host.writeRecords([
        { layout: personaLayout, update: [{ key: { id: 'P1' }, values: renamed(1) }] },
        { layout: noodLayout, update: [{ key: p1.needs[0]!.values, values: need('P1') }] },
      ]),
    ).rejects.toThrow('Geen rij van de tabel "Noden" met Persona-ID P1 is nog zoals');
    expect(body(fake, 'Noden', 3)[0]).toEqual(['P1', lists.probleemgebied[0], lists.ernst[1]]);
  });

  it('refuses a Persona-ID that two rows hold, writing nothing', async () => {
    const { fake, host } = await threePersonas();
    await fake.byHand.edit('Personas', 'A3', 'P1'); // P2 becomes a second P1
    const before = body(fake, 'Personas', 2);
    await expect(
      host.writeRecords([
        { layout: personaLayout, update: [{ key: { id: 'P1' }, values: renamed(1) }] },
      ]),
    ).rejects.toThrow(
      'Meer dan één rij van de tabel "Personas" past bij Persona-ID P1 (rijen 2, 3)',
    );
    await expect(
      host.writeRecords([{ layout: personaLayout, append: [renamed(1)] }]),
    ).rejects.toThrow(/Persona-ID P1 bestaat al .* \(rij 2, 3\)/);
    expect(body(fake, 'Personas', 2)).toEqual(before);
  });

  it('refuses an edit that gives a persona the ID of another row', async () => {
    const { fake, host } = await threePersonas();
    await expect(
      host.writeRecords([
        { layout: personaLayout, update: [{ key: { id: 'P1' }, values: persona(2) }] },
      ]),
    ).rejects.toThrow('Persona-ID P2 staat al op rij 3 van de tabel "Personas"');
    expect(body(fake, 'Personas', 1)).toEqual([['P1'], ['P2'], ['P3']]);
  });

  it('writes a retried append once, and refuses a new persona whose ID a row holds', async () => {
    const { fake, host } = await threePersonas();
    await fake.byHand.sort('Personas', 1, true);
    const added = [{ layout: personaLayout, append: [persona(4)] }];
    await host.writeRecords(added);
    // The same save again (its first attempt timed out after landing): nothing left to write.
    await host.writeRecords(added);
    await host.writeRecords([{ layout: noodLayout, append: [need('P2')] }]);
    // A new persona never overwrites another, whatever the case or spacing of its ID.
    for (const id of ['P2', 'p2 ', ' p2']) {
      await expect(
        host.writeRecords([{ layout: personaLayout, append: [{ ...renamed(2), id }] }]),
      ).rejects.toThrow(/^Persona-ID p2 bestaat al in de tabel "Personas" \(rij 3\)/i);
    }
    expect(body(fake, 'Personas', 2)).toEqual([
      ['P3', 'Persona 3'],
      ['P2', 'Persona 2'],
      ['P1', 'Persona 1'],
      ['P4', 'Persona 4'],
    ]);
    expect(body(fake, 'Noden', 1)).toEqual([['P1'], ['P2'], ['P3']]);
  });

  it("writes only the fields an update names: a co-author's edit of another field stays", async () => {
    const { fake, host, read } = await threePersonas();
    await fake.byHand.edit('Personas', 'B2', 'Naam door collega'); // P1's name
    await fake.byHand.edit('Noden', 'F2', 'Omschrijving door collega'); // P1's need
    const p1 = read.find((p) => p.id === 'P1')!;
    const now = storedPersonas(await host.read()).find((p) => p.id === 'P1')!;
    await host.writeRecords([
      { layout: personaLayout, update: [{ key: { id: p1.id }, values: { doelen: 'Eigen doel' } }] },
      {
        layout: noodLayout,
        update: [{ key: now.needs[0]!.values, values: { ernst: lists.ernst[2]! } }],
      },
    ]);
    const cols = Object.keys(personaLayout.columns);
    const at = (field: string) => String.fromCharCode(65 + cols.indexOf(field));
    expect(fake.cell("Persona's", `B2`)?.value).toBe('Naam door collega');
    expect(fake.cell("Persona's", `${at('doelen')}2`)?.value).toBe('Eigen doel');
    expect(fake.cell("Persona's", `${at('krachten')}2`)?.value).toBe('kan goed koken');
    expect(body(fake, 'Noden', 6)[0]).toEqual([
      'P1',
      lists.probleemgebied[0],
      lists.ernst[2],
      '',
      '',
      'Omschrijving door collega',
    ]);
  });

  it('tells whether a write that reported a failure landed all the same', async () => {
    const { host } = await threePersonas();
    const write = [
      { layout: personaLayout, append: [persona(4)] },
      { layout: noodLayout, append: [need('P4')] },
    ];
    expect(writesLanded(await host.read(), write)).toBe(false);
    await host.writeRecords(write);
    expect(writesLanded(await host.read(), write)).toBe(true);
    const edit = [
      { layout: personaLayout, update: [{ key: { id: 'P4' }, values: { naam: 'Nieuw' } }] },
    ];
    expect(writesLanded(await host.read(), edit)).toBe(false);
    await host.writeRecords(edit);
    expect(writesLanded(await host.read(), edit)).toBe(true);
  });

  it('tells the pane when a table changes in Excel, until it stops following', async () => {
    const { fake, host } = await threePersonas();
    const seen: string[] = [];
    const stop = await host.follow(() => seen.push('changed'));
    await fake.byHand.sort('Personas', 1);
    await fake.byHand.deleteRow('Noden', 2);
    expect(seen).toEqual(['changed', 'changed']);
    await stop();
    expect(fake.tableListeners).toEqual([]);
    await fake.byHand.edit('Personas', 'B2', 'Nog eens');
    expect(seen).toHaveLength(2);
  });
});
