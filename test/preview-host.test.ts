import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { PreviewHost } from '../src/addin/host/preview-host.js';
import { aanbodLayout, noodLayout, personaLayout } from '../src/domain/layouts.js';
import { formRecordOf, storedPersonas } from '../src/domain/pane/form-prefill.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import type { TableWrite } from '../src/domain/workbook-host.js';
import { issueMessage } from '../src/domain/issue.js';
import { takenOf, validateWorkbook, type ValidationResult } from '../src/domain/validate.js';
import { generateExample } from '../src/example/generate.js';
import { buildWorkbook } from '../src/workbook/xlsx/build-workbook.js';
import { readWorkbookBytes } from '../src/workbook/xlsx/read-workbook.js';
import { workbookBytes } from '../src/workbook/xlsx/write-templates.js';
import { offer, persona } from './helpers/overview-sources.js';

// The preview host on real xlsx bytes: what it reads is what the validator sees, what it writes
// reads back through the project's own SAX reader.

const region = leieSchelde;

async function deinzeBytes(): Promise<Buffer> {
  const file = generateExample(region).find((f) => f.kind === 'gemeente' && f.owner === 'Deinze')!;
  return workbookBytes(
    buildWorkbook({ kind: 'gemeente', region, owner: 'Deinze', rows: file.rows }),
  );
}

/** The host's workbook as the SAX reader and the validator see it. */
async function saxValidated(host: PreviewHost): Promise<ValidationResult> {
  const read = await readWorkbookBytes(Buffer.from(await host.bytes()), host.fileName);
  if (!read.ok) throw new Error(`unreadable: ${read.code}`);
  return validateWorkbook(read.workbook, region);
}

function zipEntry(bytes: Uint8Array, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        });
      });
      zip.on('end', () => reject(new Error(`${name} not in the zip`)));
      zip.readEntry();
    });
  });
}

/** The worksheet part of a sheet, found through the workbook's relationships. */
async function sheetXml(bytes: Uint8Array, sheet: string): Promise<string> {
  const workbook = await zipEntry(bytes, 'xl/workbook.xml');
  const rels = await zipEntry(bytes, 'xl/_rels/workbook.xml.rels');
  const escaped = sheet.replace(/'/g, '&apos;');
  const rid = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
  return zipEntry(bytes, `xl/${target.replace(/^\/?xl\//, '')}`);
}

describe('PreviewHost.read', () => {
  it('reads an opened gemeente workbook as the SAX reader does', async () => {
    const bytes = await deinzeBytes();
    const host = await PreviewHost.open(new Uint8Array(bytes), 'Gemeente Deinze.xlsx');
    const mine = validateWorkbook(await host.read(), region);
    const sax = await readWorkbookBytes(bytes, 'Gemeente Deinze.xlsx');
    if (!sax.ok) throw new Error('unreadable');
    const theirs = validateWorkbook(sax.workbook, region);
    expect(mine.meta).toEqual({ kind: 'gemeente', version: 1, region: region.id, owner: 'Deinze' });
    expect(takenOf(mine, personaLayout).length).toBeGreaterThan(3);
    expect(mine.sheets).toEqual(theirs.sheets);
    expect(mine.issues).toEqual(theirs.issues);
  });

  it('refuses bytes that are no workbook, naming the file', async () => {
    const csv = new TextEncoder().encode('a;b\n1;2\n');
    await expect(PreviewHost.open(csv, 'lijst.xlsx')).rejects.toThrow(/^lijst\.xlsx: niet gelezen/);
  });
});

describe('PreviewHost.setUp', () => {
  it('turns a blank workbook into a gemeente workbook the validator accepts', async () => {
    const host = PreviewHost.blank('Nieuw.xlsx');
    const report = await host.setUp('gemeente', region, 'Melle');
    expect(report.outcome).toBe('created');
    expect(report.addedSheets).toEqual(["Persona's", 'Noden', 'Aanbod', 'Tijdlijn', 'Uitleg']);
    const result = await saxValidated(host);
    expect(result.meta).toEqual({
      kind: 'gemeente',
      version: 1,
      region: region.id,
      owner: 'Melle',
    });
    expect(result.issues).toEqual([]);
    expect((await host.setUp('gemeente', region, 'Melle')).outcome).toBe('current');
  });

  it('upgrades an older workbook without losing a value, a column or a sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const personas = wb.addWorksheet("Persona's");
    const fields = Object.keys(personaLayout.columns).filter((f) => f !== 'toelichting');
    const headers = fields.map(
      (f) => (personaLayout.columns as Record<string, { header: string }>)[f]!.header,
    );
    personas.addRow([...headers, 'Eigen notitie']);
    const rows = [persona('P01', 12), persona('P02', 7, { naam: '=Sofie' })];
    for (const [i, r] of rows.entries())
      personas.addRow([...fields.map((f) => r[f] ?? null), `notitie ${i + 1}`]);
    const needs = wb.addWorksheet('Noden');
    needs.addRow(Object.values(noodLayout.columns).map((c) => c.header));
    needs.addRow(['P01', 'Huisvestingsproblemen', 'Matig']);
    const own = wb.addWorksheet('Mijn cijfers');
    own.getCell('B2').value = 42;
    own.getCell('B2').font = { bold: true };
    own.mergeCells('C3:D3');
    own.getCell('C3').value = 'samen';

    const host = await PreviewHost.open(new Uint8Array(await wb.xlsx.writeBuffer()), 'Oud.xlsx');
    const report = await host.setUp('gemeente', region, 'Zulte');
    expect(report.outcome).toBe('upgraded');
    expect(report.addedColumns).toEqual(["Persona's: Toelichting"]);
    expect(report.addedSheets).toEqual(['Aanbod', 'Tijdlijn', 'Uitleg']);

    const result = await saxValidated(host);
    expect(
      takenOf(result, personaLayout).map((r) => [r.record.id, r.record.naam, r.record.aantal]),
    ).toEqual([
      ['P01', 'Persona P01', 12],
      ['P02', '=Sofie', 7],
    ]);
    expect(takenOf(result, noodLayout).map((r) => r.record.probleemgebied)).toEqual([
      'Huisvestingsproblemen',
    ]);

    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(await host.bytes()) as unknown as ArrayBuffer);
    const sheet = back.getWorksheet("Persona's")!;
    const extraCol = Object.keys(personaLayout.columns).length + 1;
    expect(sheet.getCell(1, extraCol).value).toBe('Eigen notitie');
    expect([sheet.getCell(2, extraCol).value, sheet.getCell(3, extraCol).value]).toEqual([
      'notitie 1',
      'notitie 2',
    ]);
    const copied = back.getWorksheet('Mijn cijfers')!;
    expect(copied.getCell('B2').value).toBe(42);
    expect(copied.getCell('B2').font?.bold).toBe(true);
    expect(copied.getCell('C3').value).toBe('samen');
    expect(copied.getCell('D3').isMerged).toBe(true);
  });
});

describe('PreviewHost writes', () => {
  it('keeps "=1+1" typed in a text field as text, never a formula', async () => {
    const host = PreviewHost.blank('Nieuw.xlsx');
    await host.setUp('gemeente', region, 'Gavere');
    await host.writeRecords([
      { layout: personaLayout, append: [persona('P01', 5, { naam: '=1+1' })] },
    ]);
    await host.writeRecords([{ layout: personaLayout, append: [persona('P02', 6)] }]);
    const result = await saxValidated(host);
    const rows = takenOf(result, personaLayout);
    expect(rows.map((r) => [r.row, r.record.naam])).toEqual([
      [2, '=1+1'],
      [3, 'Persona P02'],
    ]);
    const xml = await sheetXml(await host.bytes(), "Persona's");
    expect(xml).not.toMatch(/<f[ >]/);
    expect(result.issues.map(issueMessage)).toEqual([
      expect.stringContaining('de tekst begint met "="'),
    ]);
  });

  it('replaces rows, empties the leftovers and grows the table past its template rows', async () => {
    const host = PreviewHost.blank('Nieuw.xlsx');
    await host.setUp('gemeente', region, 'Gavere');
    const many = Array.from({ length: aanbodLayout.templateRows + 5 }, (_, i) =>
      offer(`Aanbod ${i + 1}`, 'Huisvestingsproblemen', 'Gavere', 2),
    );
    await host.replaceRows(aanbodLayout, many);
    const tableXml = async () => {
      const bytes = await host.bytes();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      const ws = workbook.getWorksheet('Aanbod')!;
      const rows: unknown[] = [];
      ws.eachRow((row, r) => r > 1 && row.hasValues && rows.push(row.getCell(2).value));
      const table = ws.getTable('Aanbod') as unknown as { table: { tableRef: string } };
      return { rows, ref: table.table.tableRef };
    };
    const grown = await tableXml();
    expect(grown.rows).toHaveLength(many.length);
    expect(grown.ref).toBe(`A1:S${many.length + 1}`);

    await host.replaceRows(aanbodLayout, [
      offer('Enig aanbod', 'Huisvestingsproblemen', 'Gavere', 1),
    ]);
    expect((await tableXml()).rows).toEqual(['Enig aanbod']);
  });

  it('refuses a write to a column the sheet lacks rather than dropping the value', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Persona's").addRow(['Persona-ID', 'Naam persona']);
    const host = await PreviewHost.open(new Uint8Array(await wb.xlsx.writeBuffer()), 'x.xlsx');
    const append = [persona('P01', 3)];
    await expect(host.writeRecords([{ layout: personaLayout, append }])).rejects.toThrow(
      /De kolom "Talenten en krachten" ontbreekt/,
    );
  });

  it('updates a persona and a need in place in the Deinze example, keeping other cells', async () => {
    // The example, with the user's own column right of the persona table.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await deinzeBytes()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Persona's")!;
    const note = Object.keys(personaLayout.columns).length + 1;
    sheet.getCell(1, note).value = 'Eigen notitie';
    for (let r = 2; r <= 4; r++) sheet.getCell(r, note).value = `notitie ${r}`;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const host = await PreviewHost.open(bytes, 'Gemeente Deinze.xlsx');

    const before = await host.read();
    const personas = before.sheets.find((s) => s.name === "Persona's")!;
    const needs = before.sheets.find((s) => s.name === 'Noden')!;
    const [first, second] = personas.rows;
    const need = needs.rows[1]!;
    const text = (cell: { value: { kind: string; value?: unknown } } | undefined) =>
      cell?.value.kind === 'text' ? cell.value.value : undefined;
    const id = text(first!.cells.get(1))!;
    const edited = persona(String(id), 42, { naam: '=1+1', krachten: 'Kookt graag' });
    const needValues = {
      persona: String(id),
      probleemgebied: 'Huisvestingsproblemen',
      ernst: 'Ernstig',
    };

    const changes = host.changes;
    const outcome = await host.writeRecords([
      { layout: personaLayout, update: [{ key: { id: String(id) }, values: edited }] },
      {
        layout: noodLayout,
        update: [{ key: formRecordOf(noodLayout, needs, need), values: needValues }],
      },
    ]);
    expect(outcome).toEqual({ rows: 2, syncs: 0, largestPayload: 0 });
    expect(host.changes).toBe(changes + 1); // the page is told once

    const after = await host.read();
    const sheetOf = (name: string) => after.sheets.find((s) => s.name === name)!;
    const rowOf = (name: string, row: number) => sheetOf(name).rows.find((r) => r.row === row)!;
    const byHeader = (name: string, row: number) => {
      const cells = rowOf(name, row).cells;
      return Object.fromEntries(
        [...sheetOf(name).headers].map(([col, h]) => [h, cells.get(col)?.value ?? null]),
      );
    };
    expect(byHeader("Persona's", first!.row)).toMatchObject({
      'Persona-ID': { kind: 'text', value: id },
      'Naam persona': { kind: 'text', value: '=1+1' },
      'Talenten en krachten': { kind: 'text', value: 'Kookt graag' },
      [personaLayout.columns.aantal.header]: { kind: 'number', value: 42 },
      'Eigen notitie': { kind: 'text', value: `notitie ${first!.row}` },
    });
    expect(rowOf("Persona's", first!.row).cells.get(2)?.formula).toBe(false);
    expect(rowOf("Persona's", second!.row)).toEqual(second);
    expect(byHeader('Noden', need.row)).toMatchObject({
      'Persona-ID': { kind: 'text', value: id },
      Probleemgebied: { kind: 'text', value: 'Huisvestingsproblemen' },
      Ernst: { kind: 'text', value: 'Ernstig' },
    });
    expect(needs.rows.length).toBe(sheetOf('Noden').rows.length);
    // Text in the file, never a formula, and the validator sees the same row.
    expect(await sheetXml(await host.bytes(), "Persona's")).not.toMatch(/<f[ >]/);
    const result = await saxValidated(host);
    const taken = takenOf(result, personaLayout);
    expect(taken.find((r) => r.row === first!.row)?.record).toMatchObject({
      naam: '=1+1',
      aantal: 42,
    });
  });

  it('refuses an update of a key no row holds or to a column the sheet lacks', async () => {
    const host = await PreviewHost.open(new Uint8Array(await deinzeBytes()), 'Deinze.xlsx');
    const row = (id: string) => [
      { layout: personaLayout, update: [{ key: { id }, values: persona('P01', 1) }] },
    ];
    await expect(host.writeRecords(row('P404'))).rejects.toThrow(
      `Geen rij van de tabel "Personas" met Persona-ID P404 is nog zoals het paneel ze las`,
    );
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Persona's").addRow(['Persona-ID', 'Naam persona']);
    wb.getWorksheet("Persona's")!.addRow(['P01', 'Oud']);
    const bare = await PreviewHost.open(new Uint8Array(await wb.xlsx.writeBuffer()), 'x.xlsx');
    await expect(bare.writeRecords(row('P01'))).rejects.toThrow(
      /De kolom "Talenten en krachten" ontbreekt/,
    );
    // Fields left empty in the form lose nothing: the update goes through.
    await bare.writeRecords([
      {
        layout: personaLayout,
        update: [
          {
            key: { id: 'P01' },
            values: { id: 'P01', naam: 'Nieuw', krachten: '', doelgroepen: [] },
          },
        ],
      },
    ]);
    const personas = (await bare.read()).sheets.find((s) => s.name === "Persona's")!;
    expect(personas.rows[0]!.cells.get(2)?.value).toEqual({ kind: 'text', value: 'Nieuw' });
  });

  it('refuses a write of the second table before anything is written to the first', async () => {
    // The Deinze example with Noden's Omschrijving column renamed by its user.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await deinzeBytes()) as unknown as ArrayBuffer);
    const noden = wb.getWorksheet('Noden')!;
    const col = Object.keys(noodLayout.columns).indexOf('omschrijving') + 1;
    noden.getCell(1, col).value = 'Eigen notitie';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const host = await PreviewHost.open(bytes, 'Gemeente Deinze.xlsx');
    const before = await host.read();
    const changes = host.changes;
    const need = { persona: 'P99', probleemgebied: 'Huisvestingsproblemen', ernst: 'Matig' };
    const refusals: [RegExp, TableWrite][] = [
      [
        /^Geen rij van de tabel "Noden" met Persona-ID P99 is nog/,
        { layout: noodLayout, update: [{ key: need, values: need }] },
      ],
      [
        /^De kolom "Omschrijving" ontbreekt op het blad "Noden"/,
        { layout: noodLayout, append: [{ ...need, omschrijving: 'Zoekt een woning' }] },
      ],
    ];
    for (const [message, second] of refusals) {
      const first: TableWrite = { layout: personaLayout, append: [persona('P99', 3)] };
      await expect(host.writeRecords([first, second])).rejects.toThrow(message);
    }
    expect(await host.read()).toEqual(before);
    expect(host.changes).toBe(changes);
  });

  it('notifies on selection and change, and stops when unsubscribed', async () => {
    const host = PreviewHost.blank('Nieuw.xlsx');
    let calls = 0;
    const stop = host.subscribe(() => calls++);
    await host.select('Noden', 'F5');
    expect(host.selection).toEqual({ sheet: 'Noden', cell: 'F5' });
    expect([calls, host.changes]).toEqual([1, 1]);
    const chart = await host.insertChart({
      municipality: 'Gavere',
      rows: [{ area: 'Huisvestingsproblemen', demand: 12, offers: 0 }],
    });
    expect(chart).toEqual({ sheet: 'Grafiek dekking', chart: false });
    expect(calls).toBe(2);
    stop();
    await host.select("Persona's", 'A2');
    expect([calls, host.changes]).toEqual([2, 3]);
  });

  it('shows every visible sheet as text, dates as dd/mm/jjjj', async () => {
    const host = PreviewHost.blank('Nieuw.xlsx');
    await host.setUp('gemeente', region, 'Gavere');
    await host.writeRecords([
      {
        layout: personaLayout,
        append: [persona('P01', 5, { bijgewerkt: new Date(Date.UTC(2023, 3, 14)) })],
      },
    ]);
    const views = host.sheetsForView();
    expect(views.map((v) => v.name)).toEqual([
      "Persona's",
      'Noden',
      'Aanbod',
      'Tijdlijn',
      'Uitleg',
    ]);
    const personas = views[0]!;
    expect(personas.rows).toHaveLength(2);
    expect(personas.rows[1]).toContain('14/04/2023');
    expect(personas.rows[1]![0]).toBe('P01');
  });
});

describe('PreviewHost: a stale read', () => {
  const names = async (host: PreviewHost) =>
    (await host.read()).sheets
      .find((s) => s.name === "Persona's")!
      .rows.map((r) => [1, 2].map((c) => (r.cells.get(c)?.value as { value?: unknown }).value));

  /** Three personas with a need each, read by the pane; then the rows change under it. */
  async function changedAfterRead(change: (ws: ExcelJS.Worksheet) => void) {
    const host = PreviewHost.blank('x.xlsx');
    await host.setUp('gemeente', leieSchelde, 'Deinze');
    await host.writeRecords([
      { layout: personaLayout, append: ['P01', 'P02', 'P03'].map((id) => persona(id, 1)) },
    ]);
    const read = await host.read();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await host.bytes()) as unknown as ArrayBuffer);
    change(wb.getWorksheet("Persona's")!);
    const changed = await PreviewHost.open(new Uint8Array(await wb.xlsx.writeBuffer()), 'x.xlsx');
    return { host: changed, read };
  }

  /** Swaps the values of two sheet rows, as a sort does. */
  const swap = (ws: ExcelJS.Worksheet, a: number, b: number) => {
    const [va, vb] = [ws.getRow(a).values, ws.getRow(b).values];
    ws.getRow(a).values = vb as ExcelJS.CellValue[];
    ws.getRow(b).values = va as ExcelJS.CellValue[];
  };
  const edited = persona('P01', 7, { naam: 'Bewerkt' });

  it('saves onto the persona by its ID after a sort, as in Excel', async () => {
    const { host, read } = await changedAfterRead((ws) => swap(ws, 2, 4)); // P03, P02, P01
    const p01 = read.sheets.find((s) => s.name === "Persona's")!.rows[0]!;
    expect(p01.row).toBe(2);
    await host.writeRecords([
      { layout: personaLayout, update: [{ key: { id: 'P01' }, values: edited }] },
    ]);
    expect(await names(host)).toEqual([
      ['P03', 'Persona P03'],
      ['P02', 'Persona P02'],
      ['P01', 'Bewerkt'],
    ]);
  });

  it('refuses a deleted or doubled ID and an append of an existing ID, writing nothing', async () => {
    const deleted = await changedAfterRead((ws) => ws.spliceRows(2, 1));
    const update = [{ layout: personaLayout, update: [{ key: { id: 'P01' }, values: edited }] }];
    await expect(deleted.host.writeRecords(update)).rejects.toThrow(
      'Geen rij van de tabel "Personas" met Persona-ID P01 is nog zoals',
    );
    expect(await names(deleted.host)).toEqual([
      ['P02', 'Persona P02'],
      ['P03', 'Persona P03'],
    ]);

    const doubled = await changedAfterRead((ws) => (ws.getCell('A3').value = 'P01'));
    await expect(doubled.host.writeRecords(update)).rejects.toThrow(
      'Meer dan één rij van de tabel "Personas" past bij Persona-ID P01 (rijen 2, 3)',
    );
    expect(await names(doubled.host)).toEqual([
      ['P01', 'Persona P01'],
      ['P01', 'Persona P02'],
      ['P03', 'Persona P03'],
    ]);

    // A new persona never overwrites another; the same append retried writes nothing more.
    const retried = await changedAfterRead(() => undefined);
    const taken = [{ layout: personaLayout, append: [{ ...edited, id: 'p01 ' }] }];
    await expect(retried.host.writeRecords(taken)).rejects.toThrow(
      /^Persona-ID p01 bestaat al in de tabel "Personas" \(rij 2\)/,
    );
    const added = [{ layout: personaLayout, append: [{ ...edited, id: 'P04' }] }];
    await retried.host.writeRecords(added);
    await retried.host.writeRecords(added);
    // An update names only the fields it changes: the others keep their cells.
    await retried.host.writeRecords([
      { layout: personaLayout, update: [{ key: { id: 'P02' }, values: { naam: 'Enkel naam' } }] },
    ]);
    expect(await names(retried.host)).toEqual([
      ['P01', 'Persona P01'],
      ['P02', 'Enkel naam'],
      ['P03', 'Persona P03'],
      ['P04', 'Bewerkt'],
    ]);
    const p2 = storedPersonas(await retried.host.read())[1]!;
    expect(p2.values.krachten).not.toBe('');
  });
});
