import ExcelJS from 'exceljs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { aanbodLayout, noodLayout, personaLayout, type AnyLayout } from '../src/domain/layouts.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { writeExampleDrive } from '../src/example/write-drive.js';
import { runSync } from '../src/sync/run-sync.js';
import { buildWorkbook, type BuildOptions } from '../src/workbook/xlsx/build-workbook.js';
import { runCli } from './helpers/cli.js';
import { folderSyncOptions } from './helpers/sync-options.js';

// A national register number typed into a number, a date and a list column of a gemeente
// workbook (and into a list column of an offer) is found in none of the outputs people read:
// validate's text and JSON, the sync's summary, feedback files and the overview's XML.

const RRN = '85.07.30-033.28';
const RRN_DIGITS = '85073003328';
const LEAK = /85\.?07\.?30-?033\.?28|85073003328/;

/** The leak with some context, or null: a readable failure instead of a whole XML part. */
function leak(text: string): string | null {
  const m = LEAK.exec(text);
  return m === null ? null : text.slice(Math.max(0, m.index - 200), m.index + 40);
}

let work: string;
let root: string;

const persona = {
  naam: 'Sofie, 19',
  krachten: 'Creatief',
  doelen: 'Een opleiding',
  leeftijd: '16-20 jaar',
  gezin: 'Alleenstaand',
  inkomen: 'Leefloon of equivalent leefloon',
  nederlands: 'Moedertaal',
  digitaal: 'Basis',
  mobiliteit: 'Fiets',
  aantal: 12,
  bron: 'Verrijkingsdag',
};

/** A real template of the kind, its first sheet's rows filled in by field. */
async function filled(
  o: BuildOptions,
  sheets: [AnyLayout, Record<string, unknown>[]][],
  file: string,
): Promise<void> {
  const wb = buildWorkbook(o);
  for (const [layout, rows] of sheets) {
    const ws = wb.getWorksheet(layout.sheet)!;
    const fields = Object.keys(layout.columns);
    rows.forEach((r, i) => {
      for (const [field, value] of Object.entries(r)) {
        ws.getCell(i + 2, fields.indexOf(field) + 1).value = value as ExcelJS.CellValue;
      }
    });
  }
  await wb.xlsx.writeFile(file);
}

/** Every text part of a zip, joined. */
function zipText(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      let text = '';
      zip.on('error', reject);
      zip.on('end', () => resolve(text));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'privacy-outputs-'));
  root = path.join(work, 'drive');
  await writeExampleDrive(leieSchelde, root);
  const gemeente = path.join(root, 'Gemeenten', 'Gemeente Privé.xlsx');
  await filled(
    { kind: 'gemeente', region: leieSchelde, owner: 'Deinze' },
    [
      [
        personaLayout,
        [
          { ...persona, id: 'P01', aantal: Number(RRN_DIGITS) },
          { ...persona, id: 'P02', aantal: RRN },
          { ...persona, id: 'P03', bijgewerkt: RRN },
          { ...persona, id: 'P04', leeftijd: RRN },
          { ...persona, id: 'P05', doelgroepen: `Jongeren uit pleegzorg of jeugdhulp; ${RRN}` },
          { ...persona, id: RRN },
        ],
      ],
      [noodLayout, [{ persona: RRN, probleemgebied: 'Huisvestingsproblemen', ernst: 'Matig' }]],
    ],
    gemeente,
  );
  const offer = path.join(root, 'Partners', 'Aanbod', 'Aanbod Privé.xlsx');
  await filled(
    { kind: 'aanbod', region: leieSchelde, owner: 'CAW' },
    [
      [
        aanbodLayout,
        [
          {
            partner: 'CAW',
            naam: 'Woonbegeleiding',
            omschrijving: 'Aan huis',
            probleemgebieden: 'Huisvestingsproblemen',
            gemeenten: 'Hele regio',
            werkwijze: 'Aan huis',
            talen: 'Nederlands',
            kost: RRN,
            wachttijd: RRN,
            contact: 'Onthaal',
            email: 'onthaal@voorbeeld',
            telefoon: '09 123 45 67',
            bijgewerkt: new Date(Date.UTC(2023, 4, 1)),
          },
        ],
      ],
    ],
    offer,
  );
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('personal data typed into any column', () => {
  it('is in neither the text nor the JSON of validate', async () => {
    const files = [
      path.join(root, 'Gemeenten', 'Gemeente Privé.xlsx'),
      path.join(root, 'Partners', 'Aanbod', 'Aanbod Privé.xlsx'),
    ];
    const text = await runCli(['validate', ...files]);
    const json = await runCli(['validate', '--json', ...files]);
    expect(text.stdout).toContain('rijksregisternummer');
    expect(leak(text.stdout + text.stderr)).toBeNull();
    expect(leak(json.stdout + json.stderr)).toBeNull();
    const issues = (JSON.parse(json.stdout) as { files: { issues: { cell: string }[] }[] }).files;
    const cells = issues[0]!.issues.map((i) => i.cell);
    // The number, the date, the list and the ID are each refused where they were typed.
    expect(cells).toEqual(expect.arrayContaining(['L2', 'L3', 'O4', 'E5', 'K6', 'A7']));
  });

  it('reaches neither the overview, nor a feedback file, nor the summary of a sync', async () => {
    const summary = await runSync(folderSyncOptions(root));
    expect(leak(JSON.stringify(summary))).toBeNull();
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    const outputs = entries
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .filter((f) => f.includes(`${path.sep}Feedback${path.sep}`) || f.includes('Overzicht'));
    expect(outputs.some((f) => f.endsWith('Gemeente Privé.xlsx - feedback.txt'))).toBe(true);
    expect(outputs.some((f) => f.endsWith('Aanbod Privé.xlsx - feedback.txt'))).toBe(true);
    for (const file of outputs) {
      const text = file.endsWith('.xlsx') ? await zipText(file) : await readFile(file, 'utf8');
      expect(leak(text), file).toBeNull();
    }
    const feedback = await readFile(
      path.join(root, 'Feedback', 'Partners', 'Aanbod', 'Aanbod Privé.xlsx - feedback.txt'),
      'utf8',
    );
    // A contact column keeps what was typed in it: that is the point of the column.
    expect(feedback).toContain('onthaal@voorbeeld');
  });
});
