import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aanbodLayout } from '../src/domain/layouts.js';
import { runCli } from './helpers/cli.js';
import { buildZip, cfbHeader, part, zerosPart } from './helpers/zip-writer.js';

// The CLI tried as a new user would: good and bad files on one command line.

let dir: string;
const offer = [
  'CAW Oost-Vlaanderen',
  'Woonbegeleiding',
  'Aanklampende woonbegeleiding aan huis',
  'Huisvestingsproblemen',
  'Woonbegeleiding of woonbuddy',
  null,
  'Hele regio',
  'Aan huis',
  'Nederlands; Frans',
  'Gratis',
  40,
  6,
  null,
  'Onthaal wonen',
  'wonen@voorbeeld.be',
  null,
  null,
  null,
  new Date(Date.UTC(2023, 4, 2)),
];

async function offerWorkbook(name: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Aanbod');
  ws.addRow(Object.values(aanbodLayout.columns).map((c) => c.header));
  for (const r of rows) ws.addRow(r);
  const meta = wb.addWorksheet('_meta', { state: 'veryHidden' });
  meta.addRows([
    ['kind', 'aanbod'],
    ['version', 1],
    ['region', 'leie-schelde'],
    ['owner', 'CAW Oost-Vlaanderen'],
  ]);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function file(name: string, bytes: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

const bad: Record<string, string> = {};
let good: string;
let faulty: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-validate-'));
  good = await offerWorkbook('Aanbod CAW.xlsx', [offer]);
  faulty = await offerWorkbook('Aanbod fout.xlsx', [offer.map((v, i) => (i === 6 ? 'Gent' : v))]);
  const goodBytes = await readFile(good);
  bad.empty = await file('leeg.xlsx', '');
  bad.csv = await file('export.xlsx', 'partner;aanbod\nCAW;Woonbegeleiding\n');
  bad.truncated = await file('afgebroken.xlsx', goodBytes.subarray(0, goodBytes.length >> 1));
  bad.xls = await file('oud.xls', cfbHeader());
  const utf16 = Buffer.from('EncryptedPackage', 'utf16le');
  bad.encrypted = await file(
    'beveiligd.xlsx',
    Buffer.concat([cfbHeader(), utf16, Buffer.alloc(512)]),
  );
  const mime = 'application/vnd.oasis.opendocument.spreadsheet';
  bad.ods = await file(
    'rekenblad.ods',
    buildZip([part('mimetype', mime, 0), part('content.xml', '<x/>')]),
  );
  bad.lock = await file('~$Aanbod CAW.xlsx', goodBytes.subarray(0, 165));
  bad.bomb = await file(
    'bom.xlsx',
    buildZip([part('[Content_Types].xml', '<Types/>'), zerosPart('xl/workbook.xml', 300)]),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('partnerschap validate', () => {
  it('refuses each bad file with one Dutch line and still validates the others', async () => {
    const files = [...Object.values(bad), good];
    const run = await runCli(['validate', ...files]);
    expect(run.code).toBe(2);
    const lines = run.stdout.trim().split('\n');
    for (const path of Object.values(bad)) {
      const mine = lines.filter((l) => l.startsWith(`${path}:`));
      expect(mine, path).toHaveLength(1);
      expect(mine[0]).toContain('niet gelezen');
    }
    expect(lines).toContain(`${good}: in orde (aanbodinventaris, 1 rij).`);
    expect(lines.at(-1)).toBe(
      'Totaal: 9 bestanden (8 niet gelezen), 1 rij, 0 fouten, 0 waarschuwingen.',
    );
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(run.maxRss).toBeLessThan(300 * 1024 * 1024);
  });

  it('says what to do for each kind of bad file', async () => {
    const run = await runCli(['validate', ...Object.values(bad)]);
    const say = (key: string) => run.stdout.split('\n').find((l) => l.startsWith(`${bad[key]}:`));
    expect(say('empty')).toContain('leeg (0 bytes)');
    expect(say('csv')).toContain('CSV');
    expect(say('truncated')).toContain('beschadigd of onvolledig');
    expect(say('xls')).toContain('Opslaan als > Excel-werkmap (.xlsx)');
    expect(say('encrypted')).toContain('wachtwoord');
    expect(say('ods')).toContain('OpenDocument');
    expect(say('lock')).toContain('vergrendelingsbestand');
    expect(say('bomb')).toContain('pakt uit tot meer dan');
  });

  it('exits 1 and names file, sheet and cell when the data has problems', async () => {
    const run = await runCli(['validate', faulty]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${faulty} (aanbodinventaris, 1 rij): 1 fout, 0 waarschuwingen`);
    expect(run.stdout).toContain('  blad Aanbod:');
    expect(run.stdout).toContain(
      '    G2 Gemeenten: fout: "Gent" staat niet in de lijst voor "Gemeenten". Kies een waarde uit de keuzelijst.',
    );
  });

  it('exits 0 on clean files and prints JSON for programs', async () => {
    const run = await runCli(['validate', '--json', good, faulty]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.totals).toMatchObject({ files: 2, refused: 0, rows: 2, taken: 1, errors: 1 });
    expect(report.files[1].issues[0]).toEqual({
      file: faulty,
      code: 'not-in-list',
      params: { value: 'Gent', header: 'Gemeenten' },
      severity: 'error',
      sheet: 'Aanbod',
      row: 2,
      column: 7,
      cell: 'G2',
      field: 'gemeenten',
      header: 'Gemeenten',
      message: '"Gent" staat niet in de lijst voor "Gemeenten". Kies een waarde uit de keuzelijst.',
    });
    expect((await runCli(['validate', good])).code).toBe(0);
  });

  it('takes in a folder as the overview and the sync do: by name, nothing silently left out', async () => {
    const run = await runCli(['validate', dir]);
    expect(run.code).toBe(2);
    const line = (path: string) => run.stdout.split('\n').find((l) => l.startsWith(`${path}:`));
    expect(line(good)).toBe(`${good}: in orde (aanbodinventaris, 1 rij).`);
    // Other spreadsheet formats are refused with what to do, as the sync refuses them.
    expect(line(bad.ods!)).toContain('niet gelezen: dit is een OpenDocument-rekenblad (.ods)');
    expect(line(bad.xls!)).toContain('Opslaan als > Excel-werkmap (.xlsx)');
    // Excel's lock file is no workbook of anyone's: skipped, and said so.
    expect(line(bad.lock!)).toBe(
      `${bad.lock}: overgeslagen: een tijdelijk vergrendelingsbestand van Excel, geen werkmap.`,
    );
  });
});

describe('the CLI itself', () => {
  it('speaks Dutch in its help and shows its version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Gebruik: partnerschap');
    expect(help.stdout).toContain('Opdrachten:');
    expect(help.stdout).toContain('controleer werkmappen');
    const version = await runCli(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('shows its help on stdout and exits 0 when called without arguments', async () => {
    const bare = await runCli([]);
    expect(bare.code).toBe(0);
    expect(bare.stderr).toBe('');
    expect(bare.stdout).toBe((await runCli(['--help'])).stdout);
    expect(bare.stdout).toMatch(/^Gebruik: partnerschap \[opties\] \[opdracht\]\n/);
    expect(bare.stdout).toContain('\nOpdrachten:\n');
  });

  it("shows a subcommand's help in Dutch", async () => {
    const help = await runCli(['templates', '--help']);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toBe(
      [
        'Gebruik: partnerschap templates [opties]',
        '',
        'schrijf de sjablonen (gemeenten, aanbod, kandidatuur)',
        '',
        'Opties:',
        '  --region <bestand>  regiobestand (JSON) in plaats van de standaardregio Leie &',
        '                      Schelde',
        '  --out <map>         de map om naar te schrijven (standaard: "sjablonen")',
        '  --force             overschrijf bestaande bestanden (ook ingevulde werkmappen)',
        '  -h, --help          toon deze hulp',
        '',
      ].join('\n'),
    );
    expect((await runCli(['help', 'templates'])).stdout).toBe(help.stdout);
  });

  // Commander's own usage errors, each said once, in Dutch, with commander's suggestion kept.
  const usageErrors: [string[], string][] = [
    [
      ['sync', '--drvie', 'x'],
      "fout: onbekende optie '--drvie'.\n(Bedoelde u --drive?)\nZie partnerschap sync --help.\n",
    ],
    [
      ['overview', '--in', '.', '--out', 'o.xlsx', '--it'],
      "fout: onbekende optie '--it'.\n(Bedoelde u --at of --in?)\nZie partnerschap overview --help.\n",
    ],
    [
      ['validate', '--snel', 'x.xlsx'],
      "fout: onbekende optie '--snel'.\nZie partnerschap validate --help.\n",
    ],
    [
      ['valideer'],
      "fout: onbekende opdracht 'valideer'.\n(Bedoelde u validate?)\nZie partnerschap --help.\n",
    ],
    [
      ['help', 'synk'],
      "fout: onbekende opdracht 'synk'.\n(Bedoelde u sync?)\nZie partnerschap --help.\n",
    ],
    [
      ['validate'],
      'fout: er ontbreekt een argument: bestanden.\nZie partnerschap validate --help.\n',
    ],
    [
      ['sync', '--drive'],
      'fout: de optie --drive <map> heeft een waarde nodig.\nZie partnerschap sync --help.\n',
    ],
    [['example'], 'fout: de optie --out <map> is verplicht.\nZie partnerschap example --help.\n'],
    [
      ['templates', 'extra'],
      'fout: te veel argumenten voor partnerschap templates: 0 argumenten verwacht, 1 gekregen.\n' +
        'Zie partnerschap templates --help.\n',
    ],
  ];

  it.each(usageErrors)('exits 2 with one Dutch message for %j', async (args, expected) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(expected);
    expect(run.stderr).not.toMatch(
      /error:|unknown|Did you mean|missing|argument missing|too many/i,
    );
  });

  it('exits 2 with a Dutch message on a wrong value', async () => {
    const scale = await runCli(['example', '--out', dir, '--scale', 'veel']);
    expect(scale.code).toBe(2);
    expect(scale.stderr).toBe('fout: --scale: "veel" is geen positief geheel getal.\n');
  });

  it('refuses a wrong region file with Dutch errors naming the field', async () => {
    const region = await file('regio.json', JSON.stringify({ id: 'Kempen', name: 'Kempen' }));
    const run = await runCli(['validate', '--region', region, good]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`het regiobestand ${region} klopt niet:`);
    expect(run.stderr).toContain('  - id: ');
    expect(run.stderr).toContain('  - municipalities: ');
  });
});
