import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { helpRows } from '../src/domain/help-rows.js';
import { issueCell, issueLine, issueMessage, type Issue } from '../src/domain/issue.js';
import { aanbodLayout, kandidatuurLayout } from '../src/domain/layouts.js';
import { buildOverview } from '../src/domain/overview/index.js';
import type { SourceInput } from '../src/domain/overview/sources.js';
import { leieSchelde as region } from '../src/domain/region/leie-schelde.js';
import { sheetOf, takenOf } from '../src/domain/validate.js';
import { textReport } from '../src/domain/validation-report.js';
import type { WorkbookKind } from '../src/domain/workbook-kinds.js';
import { buildWorkbook } from '../src/workbook/xlsx/build-workbook.js';
import { readWorkbookBytes } from '../src/workbook/xlsx/read-workbook.js';
import { sourceOutcome } from '../src/workbook/xlsx/read-source.js';
import { workbookBytes } from '../src/workbook/xlsx/write-templates.js';
import { candidacy, day, need, offer, persona, type Row } from './helpers/overview-sources.js';
import { sheetLines, writtenOverview } from './helpers/overview-sheet.js';

// What partners and municipalities type, read from real xlsx files (the template builder writes
// them, the reader reads them): one bad optional cell does not drop a record, words in the
// partner's own words are read as the list value they name, and the overview counts and shows
// what it should.

const AS_OF = day(2023, 6, 1);

async function source(kind: WorkbookKind, path: string, rows: Record<string, Row[]>) {
  const wb = buildWorkbook({ kind, region, owner: 'Deinze', rows: rows as never });
  const read = await readWorkbookBytes(await workbookBytes(wb), path);
  const s: SourceInput = { path, md5: path, bytes: 1, outcome: sourceOutcome(read, region) };
  if (!s.outcome.ok) throw new Error(`${path} not read`);
  return { source: s, result: s.outcome.result };
}

const at = (issues: readonly Issue[], cell: string) => issues.filter((i) => issueCell(i) === cell);

describe('an optional cell that cannot be read', () => {
  it('takes the offer without its capacity, with a warning naming file, sheet and cell', async () => {
    const { source: s, result } = await source('aanbod', 'Partners/Aanbod/CAW.xlsx', {
      aanbod: [
        offer('Woonbegeleiding', 'Huisvestingsproblemen', 'Deinze', 3, { capaciteit: 'ca. 60' }),
      ],
    });
    expect(takenOf(result, aanbodLayout).map((r) => r.record.capaciteit)).toEqual([null]);
    const [warning] = at(result.issues, 'K2');
    expect(warning).toMatchObject({ severity: 'warning', field: 'capaciteit', sheet: 'Aanbod' });
    expect(issueLine(warning!)).toBe(
      'waarschuwing in Aanbod!K2: "ca. 60" is geen geheel getal. Vul een geheel getal in, bv. 12. De rij is overgenomen zonder deze waarde.',
    );
    expect(textReport([{ file: 'CAW.xlsx', ok: true, result }])[0]).toBe(
      'CAW.xlsx (aanbodinventaris, 1 rij): 0 fouten, 1 waarschuwing',
    );
    // The offer counts: no false gap for Deinze, and Bronnen shows the value as typed.
    const gemeente = await source('gemeente', 'Gemeenten/Deinze.xlsx', {
      persona: [persona('P01', 12)],
      nood: [need('P01', 'Huisvestingsproblemen')],
    });
    const ov = buildOverview(region, [s, gemeente.source], { asOf: AS_OF, gapWaitWeeks: 8 });
    expect(ov.gaps).toEqual([]);
    const wb = await writtenOverview(region, ov);
    expect(sheetLines(wb.getWorksheet('Bronnen')!).flat().join('\n')).toContain('"ca. 60"');
  });

  it('takes the candidacy without its number of participants', async () => {
    const { result } = await source('kandidatuur', 'Partners/Kandidaturen/A.xlsx', {
      kandidatuur: [candidacy('Project A', 'Deinze', { deelnemers: 'ca. 60' })],
    });
    expect(takenOf(result, kandidatuurLayout).map((r) => r.record.deelnemers)).toEqual([null]);
    expect(at(result.issues, 'J2').map((i) => [i.severity, i.params.value])).toEqual([
      ['warning', 'ca. 60'],
    ]);
  });

  it('keeps the words of an optional list it can read, and names the one it cannot', async () => {
    const { result } = await source('aanbod', 'Partners/Aanbod/CAW.xlsx', {
      aanbod: [
        offer('Woonbegeleiding', 'Huisvestingsproblemen', 'Deinze', 3, {
          doelgroepen: 'Nieuwkomers; Fietsers',
        }),
      ],
    });
    expect(takenOf(result, aanbodLayout).map((r) => r.record.doelgroepen)).toEqual([
      ['Nieuwkomers'],
    ]);
    const warnings = result.issues.filter((i) => i.field === 'doelgroepen');
    expect(warnings.map((i) => [i.severity, i.code])).toEqual([['warning', 'words-skipped']]);
    expect(issueMessage(warnings[0]!)).toMatch(
      /^"Fietsers" .*De rij is overgenomen met de andere waarden van deze cel\.$/,
    );
  });

  it('still refuses a row whose required value or key cannot be read', async () => {
    const { result } = await source('aanbod', 'Partners/Aanbod/CAW.xlsx', {
      aanbod: [
        offer('Woonbegeleiding', 'Huisvestingsproblemen', 'Deinze', 3, { wachttijd: 'ca. 3' }),
        offer('', 'Huisvestingsproblemen', 'Deinze', 3),
      ],
    });
    expect(sheetOf(result, aanbodLayout)?.refused.map((r) => r.row)).toEqual([2, 3]);
    expect(result.issues.map((i) => [issueCell(i), i.severity, i.code])).toEqual([
      ['L2', 'error', 'not-number'],
      ['B3', 'error', 'required'],
    ]);
  });
});

describe('the overview counts and shows what it should', () => {
  it('does not count the needs of a refused persona in Hiaten or Dekking', async () => {
    const gemeente = await source('gemeente', 'Gemeenten/Deinze.xlsx', {
      persona: [persona('P01', 12), persona('P02', 30, { krachten: null })],
      nood: [need('P01', 'Huisvestingsproblemen'), need('P02', 'Beperkte mobiliteit')],
    });
    const ov = buildOverview(region, [gemeente.source], { asOf: AS_OF, gapWaitWeeks: 8 });
    expect(ov.gaps.map((g) => g.area)).toEqual(['Huisvestingsproblemen']);
    const mobility = ov.coverage.rows.find((r) => r.area === 'Beperkte mobiliteit');
    expect(mobility?.region).toMatchObject({ needs: 0, personas: [] });
    expect(ov.region.needs).toBe(1);
  });

  it('shows the shortest waiting time as typed and colours "< 5" as the count it stands for', async () => {
    const gemeente = await source('gemeente', 'Gemeenten/Deinze.xlsx', {
      persona: [persona('P01', 3), persona('P02', 40), persona('P03', 0)],
      nood: [
        need('P01', 'Huisvestingsproblemen'),
        need('P02', 'Beperkte mobiliteit'),
        need('P03', 'Geen kinderopvang'),
      ],
    });
    const aanbod = await source('aanbod', 'Partners/Aanbod/CAW.xlsx', {
      aanbod: [offer('Woonbegeleiding', 'Huisvestingsproblemen', 'Deinze', '3,5' as never)],
    });
    const ov = buildOverview(region, [gemeente.source, aanbod.source], {
      asOf: AS_OF,
      gapWaitWeeks: 3,
    });
    const wb = await writtenOverview(region, ov);
    const dekking = wb.getWorksheet('Dekking')!;
    const wait = cellAt(dekking, 'Kortste wachttijd (weken)', 'Huisvestingsproblemen', 'Deinze');
    expect([wait.value, wait.numFmt ?? 'General']).toEqual([3.5, 'General']);
    const hiaten = wb.getWorksheet('Hiaten')!;
    const shortest = cellAt(hiaten, 'Gemeente', 'Deinze', 'Kortste wachttijd (weken)');
    expect([shortest.value, shortest.numFmt ?? 'General']).toEqual([3.5, 'General']);
    // Demand: "< 5" (3 citizens) is filled as the scale colours a low number, not left white.
    const demand = 'Vraag: geschat aantal burgers';
    const suppressed = cellAt(dekking, demand, 'Huisvestingsproblemen', 'Deinze');
    expect(suppressed.value).toBe('< 5');
    expect(suppressed.fill).toMatchObject({ fgColor: { argb: 'FFFFF6F6' } });
  });
});

/** What the cell in the table headed `title` shows on the row `first`, column `header`. */
function cellAt(ws: ExcelJS.Worksheet, title: string, first: string, header: string) {
  let top = 0;
  let row = 0;
  ws.eachRow((r, n) => {
    const v = r.getCell(1).value;
    if (top === 0 && v === title) top = n;
    else if (top !== 0 && row === 0 && v === first) row = n;
  });
  let col = 0;
  ws.getRow(top).eachCell((c, n) => {
    if (c.value === header) col = n;
  });
  if (row === 0 || col === 0) throw new Error(`no cell ${title} / ${first} / ${header}`);
  const { value, numFmt, fill } = ws.getCell(row, col);
  return { value, numFmt, fill };
}

describe("the tracker's Uitleg", () => {
  it('does not promise a number of rows for sheets the sync fills', () => {
    const text = helpRows('opvolging', region, '')
      .flatMap((r) => r.cells)
      .join('\n');
    expect(text).not.toContain('plaats voor 1 rijen');
    expect(text).not.toMatch(/plaats voor 0 rijen/);
  });
});

describe("words in the partner's own words", () => {
  it('reads a synonym, an accent or a partial label as the one list value it names, with a warning', async () => {
    const { result } = await source('aanbod', 'Partners/Aanbod/CAW.xlsx', {
      aanbod: [
        offer('Schuldhulp', 'Schulden', 'Deinze', 2, { doelgroepen: 'nieuwkomer' }),
        offer('Budget', 'Administratie en financien; Mobiliteit', 'Deinze', 2),
      ],
    });
    expect(takenOf(result, aanbodLayout).map((r) => r.record.probleemgebieden)).toEqual([
      ['Administratie en financiën'],
      ['Administratie en financiën', 'Beperkte mobiliteit'],
    ]);
    expect(takenOf(result, aanbodLayout)[0]?.record.doelgroepen).toEqual(['Nieuwkomers']);
    expect(result.issues.map((i) => [issueCell(i), i.severity, issueMessage(i)])).toEqual([
      [
        'D2',
        'warning',
        '"Schulden" gelezen als "Administratie en financiën" (Probleemgebieden). Kies voortaan een waarde uit de keuzelijst.',
      ],
      [
        'F2',
        'warning',
        '"nieuwkomer" gelezen als "Nieuwkomers" (Doelgroepen). Kies voortaan een waarde uit de keuzelijst.',
      ],
      [
        'D3',
        'warning',
        '"Administratie en financien" gelezen als "Administratie en financiën" (Probleemgebieden). Kies voortaan een waarde uit de keuzelijst.',
      ],
      [
        'D3',
        'warning',
        '"Mobiliteit" gelezen als "Beperkte mobiliteit" (Probleemgebieden). Kies voortaan een waarde uit de keuzelijst.',
      ],
    ]);
  });

  it('refuses an ambiguous or unknown word, naming the nearest list values', async () => {
    const { result } = await source('kandidatuur', 'Partners/Kandidaturen/A.xlsx', {
      kandidatuur: [candidacy('Project A', 'Sint Martens Latem', { doelgroepen: 'Jongeren' })],
    });
    expect(sheetOf(result, kandidatuurLayout)?.refused.map((r) => r.row)).toEqual([2]);
    expect(result.issues.map((i) => [issueCell(i), i.severity, issueMessage(i)])).toEqual([
      [
        'F2',
        'error',
        '"Sint Martens Latem" staat niet in de lijst voor "Gemeenten". Bedoelde u "Sint-Martens-Latem"? Kies een waarde uit de keuzelijst.',
      ],
      [
        'H2',
        'error',
        '"Jongeren" staat niet in de lijst voor "Doelgroepen". Bedoelde u "Jongeren zonder diploma (16-20 jaar)" of "Jongeren uit pleegzorg of jeugdhulp"? Kies een waarde uit de keuzelijst.',
      ],
    ]);
  });
});
