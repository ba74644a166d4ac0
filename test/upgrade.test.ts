import ExcelJS from 'exceljs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell, RawSheet, RawWorkbook } from '../src/domain/cells.js';
import { issueMessage } from '../src/domain/issue.js';
import { noodLayout, personaLayout } from '../src/domain/layouts.js';
import { leieSchelde as region } from '../src/domain/region/leie-schelde.js';
import { takenOf, validateWorkbook } from '../src/domain/validate.js';
import { hasProblems, textReport } from '../src/domain/validation-report.js';
import { TEMPLATE_VERSION } from '../src/domain/workbook-kinds.js';
import { readWorkbookFile } from '../src/workbook/xlsx/read-workbook.js';
import { firstLostValue } from '../src/workbook/xlsx/upgrade-workbook.js';
import { runCli } from './helpers/cli.js';
import { persona } from './helpers/overview-sources.js';

// Template versions that do not punish old files: a workbook of an older version is read without
// complaints about the columns added since, and `partnerschap upgrade` brings it to the current
// version in place, keeping every value, the user's own columns and sheets, and the original.

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'upgrade-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const OWN_COLUMN = 'Eigen notitie';
const personas = [persona('P01', 12), persona('P02', 7, { naam: 'Ahmed, 45' })];

/** A gemeente workbook as an older template made it: no Toelichting column, _meta version 0. */
interface OldOptions {
  version?: number;
  image?: boolean;
  ownColumn?: boolean;
  /** What users add that a rebuild would lose. */
  formula?: boolean;
  name?: boolean;
  password?: boolean;
}

async function oldWorkbook(name: string, o: OldOptions = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Persona's");
  const fields = Object.keys(personaLayout.columns).filter((f) => f !== 'toelichting');
  const columns = personaLayout.columns as Record<string, { header: string }>;
  const own = o.ownColumn ?? true;
  ws.addRow([...fields.map((f) => columns[f]!.header), ...(own ? [OWN_COLUMN] : [])]);
  for (const [i, p] of personas.entries()) {
    ws.addRow([...fields.map((f) => p[f] ?? null), ...(own ? [`notitie ${i + 1}`] : [])]);
  }
  const needs = wb.addWorksheet('Noden');
  needs.addRow(Object.values(noodLayout.columns).map((c) => c.header));
  needs.addRow(['P01', 'Huisvestingsproblemen', 'Matig']);
  const mine = wb.addWorksheet('Mijn cijfers');
  mine.getCell('B2').value = 42;
  mine.getCell('C3').value = 'samen';
  if (o.formula) mine.getCell('B3').value = { formula: 'B2*2', result: 84 };
  if (o.name) wb.definedNames.add("'Mijn cijfers'!$B$2", 'Drempel');
  if (o.password) await mine.protect('geheim', { spinCount: 1000 });
  if (o.image) {
    const png = await readFile(join(import.meta.dirname, '../src/addin/public/assets/icon-16.png'));
    mine.addImage(wb.addImage({ buffer: png as never, extension: 'png' }), 'E2:F4');
  }
  const meta = wb.addWorksheet('_meta', { state: 'veryHidden' });
  meta.addRows([
    ['kind', 'gemeente'],
    ['version', o.version ?? 0],
    ['region', region.id],
    ['owner', 'Zulte'],
    ['contact', 'partnerschap@zulte.voorbeeld.be'],
  ]);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function validated(file: string) {
  const read = await readWorkbookFile(file);
  if (!read.ok) throw new Error(`${file}: ${read.code}`);
  return validateWorkbook(read.workbook, region);
}

describe('a workbook of an older template version', () => {
  it('is read without a complaint about a column added since: one info line', async () => {
    const result = await validated(await oldWorkbook('Oud v0.xlsx'));
    expect(result.issues.map((i) => [i.severity, i.code, i.header])).toEqual([
      ['info', 'version-old', null],
      ['warning', 'column-unknown', OWN_COLUMN],
    ]);
    expect(issueMessage(result.issues[0]!)).toContain('nieuwere sjabloonversie beschikbaar');
    expect(takenOf(result, personaLayout).map((r) => r.record.toelichting)).toEqual([null, null]);
  });

  it('gets no feedback to fix: the file is in order, with the info line under it', async () => {
    const file = await oldWorkbook('Oud zonder eigen kolom.xlsx', { ownColumn: false });
    const outcome = { file: 'Oud.xlsx', ok: true as const, result: await validated(file) };
    expect(hasProblems(outcome)).toBe(false);
    const lines = textReport([outcome]);
    expect(lines[0]).toBe('Oud.xlsx: in orde (gemeentewerkmap, 3 rijen).');
    expect(lines[1]).toMatch(/^ {4}opmerking: nieuwere sjabloonversie beschikbaar/);
  });

  it('of the current version still hears that an optional column is missing', async () => {
    const result = await validated(await oldWorkbook('Huidig zonder kolom.xlsx', { version: 1 }));
    expect(result.issues.map((i) => [i.severity, i.code, i.header])).toEqual([
      ['warning', 'column-unknown', OWN_COLUMN],
      ['warning', 'column-missing', 'Toelichting'],
    ]);
  });
});

describe('the check that no value is lost', () => {
  const cell = (v: string | number): Cell => ({
    value: typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', value: v },
    formula: false,
  });
  const sheet = (name: string, headers: string[], rows: [number, (string | number)[]][]) => ({
    name,
    headers: new Map(headers.map((h, i) => [i + 1, h])),
    rows: rows.map(([row, values]) => ({
      row,
      cells: new Map(values.map((v, i) => [i + 1, cell(v)])),
    })),
  });
  const wb = (...sheets: RawSheet[]): RawWorkbook => ({
    file: 'x',
    meta: null,
    date1904: false,
    sheets,
  });

  it('follows columns by header and rows by order, and names the first cell that changed', () => {
    const before = wb(
      sheet(
        'Blad',
        ['A', 'B'],
        [
          [2, ['x', 1]],
          [5, ['y', 2]],
        ],
      ),
    );
    const moved = wb(
      sheet(
        'Blad',
        ['Nieuw', 'A', 'B'],
        [
          [2, ['', 'x', 1]],
          [3, ['', 'y', 2]],
        ],
      ),
    );
    expect(firstLostValue(before, moved)).toBeNull();
    const changed = wb(
      sheet(
        'Blad',
        ['A', 'B'],
        [
          [2, ['x', 1]],
          [3, ['y', 3]],
        ],
      ),
    );
    expect(firstLostValue(before, changed)).toBe('Blad!B5');
    expect(
      firstLostValue(
        before,
        wb(
          sheet(
            'Blad',
            ['A'],
            [
              [2, ['x']],
              [3, ['y']],
            ],
          ),
        ),
      ),
    ).toBe('Blad!B1');
    expect(firstLostValue(before, wb())).toBe('Blad');
  });
});

describe('partnerschap upgrade', () => {
  it('brings an old workbook to the current version in place, keeping every value and the original', async () => {
    const file = await oldWorkbook('Gemeente Zulte.xlsx');
    const original = await readFile(file);
    const run = await runCli(['upgrade', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `bijgewerkt van sjabloonversie 0 naar ${TEMPLATE_VERSION}\\..*Kolommen toegevoegd: Persona's: Toelichting\\.`,
      ),
    );

    const backups = (await readdir(dir)).filter((f) =>
      f.startsWith('Gemeente Zulte (voor upgrade, sjabloonversie 0, '),
    );
    expect(backups).toHaveLength(1);
    expect((await readFile(join(dir, backups[0]!))).equals(original)).toBe(true);

    const after = await validated(file);
    expect(after.meta?.version).toBe(TEMPLATE_VERSION);
    // Whom the coordinator mails stays: _meta's contact is carried over.
    expect(after.meta?.contact).toBe('partnerschap@zulte.voorbeeld.be');
    expect(after.issues.filter((i) => i.code !== 'column-unknown')).toEqual([]);
    expect(
      takenOf(after, personaLayout).map((r) => [r.record.id, r.record.naam, r.record.aantal]),
    ).toEqual([
      ['P01', 'Persona P01', 12],
      ['P02', 'Ahmed, 45', 7],
    ]);
    expect(takenOf(after, noodLayout).map((r) => r.record.probleemgebied)).toEqual([
      'Huisvestingsproblemen',
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet("Persona's")!;
    const header = sheet.getRow(1).values as unknown[];
    const own = header.indexOf(OWN_COLUMN);
    expect(own).toBeGreaterThan(0);
    expect([sheet.getCell(2, own).value, sheet.getCell(3, own).value]).toEqual([
      'notitie 1',
      'notitie 2',
    ]);
    expect(wb.getWorksheet('Mijn cijfers')?.getCell('B2').value).toBe(42);

    const again = await runCli(['upgrade', file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('al op de huidige sjabloonversie');
    expect((await readdir(dir)).filter((f) => f.startsWith('Gemeente Zulte ('))).toHaveLength(1);
  });

  it('refuses a workbook whose images a rebuild would lose, and changes nothing', async () => {
    const file = await oldWorkbook('Met afbeelding.xlsx', { image: true });
    const before = await readFile(file);
    const run = await runCli(['upgrade', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('afbeeldingen of vormen');
    expect(run.stdout).toContain('"Werkmap bijwerken"');
    expect((await readFile(file)).equals(before)).toBe(true);
    expect((await readdir(dir)).some((f) => f.startsWith('Met afbeelding ('))).toBe(false);
  });

  it('refuses what a rebuild would lose: formulas, own names, passwords, all named at once', async () => {
    const file = await oldWorkbook('Eigen werk.xlsx', {
      formula: true,
      name: true,
      password: true,
    });
    const before = await readFile(file);
    const run = await runCli(['upgrade', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      `${file}: niet bijgewerkt: de werkmap bevat formules, eigen namen (Formules > Namen beheren) en bladen beveiligd met een wachtwoord, die hier verloren zouden gaan. Open ze in Excel en kies in het Partnerschap-paneel "Werkmap bijwerken".\n`,
    );
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it('keeps the original where no command reads it as a second workbook', async () => {
    const drive = join(dir, 'drive');
    await mkdir(drive);
    const file = await oldWorkbook(join('drive', 'Gemeente Zulte.xlsx'));
    expect((await runCli(['upgrade', file])).code).toBe(0);
    const run = await runCli(['validate', drive]);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /Gemeente Zulte \(voor upgrade, sjabloonversie 0, \d{4}-\d{2}-\d{2} \d{2}\.\d{2}\)\.xlsx: overgeslagen: het origineel dat partnerschap upgrade bewaarde/,
    );
    expect(lines.at(-1)).toMatch(/^Totaal: 1 bestand /);
  });

  it('says why it leaves a file alone that is no Partnerschap workbook or cannot be read', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Blad1').getCell('A1').value = 'iets';
    const plain = join(dir, 'Gewoon.xlsx');
    await wb.xlsx.writeFile(plain);
    const run = await runCli(['upgrade', plain, join(dir, 'bestaat-niet.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stdout.trim().split('\n')).toEqual([
      `${plain}: niet bijgewerkt: dit is geen werkmap om in te vullen van een Partnerschap-sjabloon.`,
      `${join(dir, 'bestaat-niet.xlsx')}: niet gelezen: het bestand bestaat niet. Controleer de naam en de map.`,
    ]);
  });
});
