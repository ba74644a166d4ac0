import { describe, expect, it } from 'vitest';
import { a1 } from '../src/domain/address.js';
import {
  aanbodLayout,
  kandidatuurLayout,
  noodLayout,
  personaLayout,
} from '../src/domain/layouts.js';
import { issueCell, issueMessage, type Issue } from '../src/domain/issue.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import {
  rowCounts,
  sheetOf as outcomeOf,
  takenOf,
  validateWorkbook,
} from '../src/domain/validate.js';
import { sheetOf, workbookOf } from './helpers/raw.js';

const cellAndMessage = (i: Issue) => [issueCell(i), issueMessage(i)];

const persona = {
  id: 'P01',
  naam: 'Sofie, 19',
  krachten: 'Creatief, zorgt goed voor haar broertje',
  doelen: 'Een opleiding in de zorg',
  leeftijd: '16-20 jaar',
  gezin: 'Alleenstaand',
  inkomen: 'Leefloon of equivalent leefloon',
  nederlands: 'Moedertaal',
  digitaal: 'Basis',
  mobiliteit: 'Fiets',
  doelgroepen: 'Jongeren zonder diploma (16-20 jaar); Jongeren uit pleegzorg of jeugdhulp',
  aantal: 12,
  bron: 'Verrijkingsdag',
};
const nood = { persona: 'P01', probleemgebied: 'Huisvestingsproblemen', ernst: 'Ernstig' };
const gemeente = { kind: 'gemeente', version: '1', region: 'leie-schelde', owner: 'Deinze' };

function validateGemeente(
  personas: Record<string, unknown>[],
  noden: Record<string, unknown>[] = [],
) {
  const wb = workbookOf(
    [sheetOf(personaLayout, personas as never), sheetOf(noodLayout, noden as never)],
    gemeente,
  );
  return validateWorkbook(wb, leieSchelde);
}

describe('validation of a gemeente workbook', () => {
  it('takes a clean persona and need without issues', () => {
    const r = validateGemeente([persona], [nood]);
    expect(r.issues).toEqual([]);
    expect(r.sheets.map((s) => rowCounts([s]))).toEqual([
      { read: 1, taken: 1, refused: 0 },
      { read: 1, taken: 1, refused: 0 },
    ]);
    expect(takenOf(r, personaLayout)[0]?.record).toMatchObject({
      aantal: 12,
      doelgroepen: ['Jongeren zonder diploma (16-20 jaar)', 'Jongeren uit pleegzorg of jeugdhulp'],
      toelichting: null,
    });
  });

  it('names the cell of a missing required value and refuses the row', () => {
    const r = validateGemeente([{ ...persona, doelen: null }]);
    const required: Issue = {
      file: 'test.xlsx',
      code: 'required',
      params: { header: 'Doelen' },
      severity: 'error',
      sheet: "Persona's",
      row: 2,
      column: 4,
      field: 'doelen',
      header: 'Doelen',
    };
    expect(r.issues).toEqual([required]);
    expect(r.issues.map(cellAndMessage)).toEqual([['D2', '"Doelen" is verplicht en is leeg.']]);
    expect(outcomeOf(r, personaLayout)?.refused).toMatchObject([
      { row: 2, reasons: [required], record: { id: 'P01', doelen: null } },
    ]);
  });

  it('matches list values regardless of case and refuses values outside the list', () => {
    const r = validateGemeente([{ ...persona, leeftijd: '16-20 JAAR', bron: 'Enquête' }]);
    expect(r.issues.map(cellAndMessage)).toEqual([
      ['M2', '"Enquête" staat niet in de lijst voor "Bron". Kies een waarde uit de keuzelijst.'],
    ]);
  });

  it('flags a national register number in a note as a privacy error, without repeating it', () => {
    const r = validateGemeente([
      { ...persona, toelichting: 'rrn 85.07.30-033.28 volgens dossier' },
    ]);
    const issue = r.issues.find((i) => issueCell(i) === 'N2');
    expect(issue).toMatchObject({ severity: 'error', code: 'privacy', field: 'toelichting' });
    expect(issueMessage(issue!)).toContain('rijksregisternummer');
    expect(JSON.stringify(issue)).not.toContain('85.07.30');
    const refused = outcomeOf(r, personaLayout)?.refused;
    expect(refused?.[0]?.record.toelichting).toBe(
      'rrn [persoonsgegevens weggelaten] volgens dossier',
    );
    expect(refused?.map((x) => x.row)).toEqual([2]);
  });

  it('never quotes personal data back from a cell it could not read', () => {
    const r = validateGemeente([
      { ...persona, leeftijd: '85073003328', aantal: 'bel 0478 12 34 56', naam: 'Sofie, 19' },
    ]);
    expect(JSON.stringify(r)).not.toMatch(/85073003328|0478/);
    expect(r.issues.map((i) => [issueCell(i), i.code])).toEqual([
      ['E2', 'privacy'],
      ['E2', 'not-in-list'],
      ['L2', 'privacy'],
      ['L2', 'not-integer'],
    ]);
    expect(issueMessage(r.issues[1]!)).toBe(
      '"[persoonsgegevens weggelaten]" staat niet in de lijst voor "Leeftijdsgroep". Kies een waarde uit de keuzelijst.',
    );
  });

  it('does not run the privacy guard on partner offers (their phone numbers are public)', () => {
    const offer = {
      partner: 'CAW',
      naam: 'Woonbegeleiding',
      omschrijving: 'Bel 09 123 45 67',
      probleemgebieden: 'Huisvestingsproblemen',
      gemeenten: 'Hele regio',
      werkwijze: 'Aan huis',
      talen: 'Nederlands',
      kost: 'Gratis',
      wachttijd: '3',
      contact: 'Onthaal',
      email: 'onthaal@voorbeeld.be',
      bijgewerkt: new Date(Date.UTC(2023, 4, 1)),
    };
    const wb = workbookOf([sheetOf(aanbodLayout, [offer])], {
      kind: 'aanbod',
      version: '1',
      region: 'leie-schelde',
      owner: 'CAW',
    });
    const r = validateWorkbook(wb, leieSchelde);
    expect(r.issues).toEqual([]);
    expect(takenOf(r, aanbodLayout)[0]?.record.wachttijd).toBe(3);
  });

  it('warns about text that starts like a formula and keeps it as text', () => {
    const r = validateGemeente([{ ...persona, toelichting: '=> zie verslag' }]);
    expect(r.issues.map((i) => [issueCell(i), i.severity])).toEqual([['N2', 'warning']]);
    expect(takenOf(r, personaLayout)[0]?.record.toelichting).toBe('=> zie verslag');
  });

  it('warns about a formula and takes its cached value', () => {
    const r = validateGemeente([{ ...persona, aantal: { formula: { kind: 'number', value: 8 } } }]);
    expect(r.issues.map((i) => [issueCell(i), i.severity])).toEqual([['L2', 'warning']]);
    expect(takenOf(r, personaLayout)[0]?.record.aantal).toBe(8);
  });

  it('does not blame the needs of a refused persona again', () => {
    const r = validateGemeente([{ ...persona, doelen: null }], [nood]);
    expect(r.issues.map(issueCell)).toEqual(['D2']);
    expect(takenOf(r, noodLayout)).toHaveLength(1);
  });

  it('refuses a duplicate persona ID and a need for an unknown persona', () => {
    const r = validateGemeente([persona, persona], [nood, { ...nood, persona: 'P99' }]);
    expect(r.issues.map((i) => [i.sheet, issueCell(i), i.severity, i.code])).toEqual([
      ["Persona's", 'A3', 'error', 'duplicate-key'],
      ['Noden', 'A3', 'error', 'unknown-reference'],
    ]);
    expect(issueMessage(r.issues[1]!)).toBe(
      'Persona-ID "P99" bestaat niet op het blad "Persona\'s". Vul het daar eerst in.',
    );
    expect(r.sheets.map((s) => s.refused.map((x) => x.row))).toEqual([[3], [3]]);
  });

  it('reports error values, non-numbers and negative counts', () => {
    const r = validateGemeente([
      { ...persona, id: 'P01', aantal: { error: '#N/A' } },
      { ...persona, id: 'P02', aantal: 'veel' },
      { ...persona, id: 'P03', aantal: -3 },
      { ...persona, id: 'P04', aantal: 2.5 },
    ]);
    expect(r.issues.map(issueMessage)).toEqual([
      'de cel bevat de foutwaarde #N/A. Vul een waarde in.',
      '"veel" is geen geheel getal. Vul een geheel getal in, bv. 12.',
      '-3 is negatief. Vul 0 of meer in.',
      '"2.5" is geen geheel getal. Vul een geheel getal in, bv. 12.',
    ]);
    expect(r.sheets[0]?.taken).toEqual([]);
  });

  it('keeps every row: read = taken + refused', () => {
    const r = validateGemeente([
      persona,
      { ...persona, id: 'P02', naam: null },
      { ...persona, id: 'P03' },
    ]);
    expect(rowCounts(r.sheets.slice(0, 1))).toEqual({ read: 3, taken: 2, refused: 1 });
  });
});

describe('workbook-level checks', () => {
  it('detects the kind from the headers when _meta is missing, and says so', () => {
    const wb = workbookOf([sheetOf(personaLayout, [persona]), sheetOf(noodLayout, [nood])], null);
    const r = validateWorkbook(wb, leieSchelde);
    expect(r.meta?.kind).toBe('gemeente');
    expect(r.issues.map((i) => i.severity)).toEqual(['warning']);
  });

  it('refuses a workbook of unknown kind with one clear error', () => {
    const wb = workbookOf([{ name: 'Blad1', headers: new Map([[1, 'Naam']]), rows: [] }], null);
    const r = validateWorkbook(wb, leieSchelde);
    expect(r.meta).toBeNull();
    expect(r.issues).toHaveLength(1);
    expect(issueMessage(r.issues[0]!)).toContain('onbekend soort werkmap');
  });

  it('reports a missing sheet, a missing column and an unknown column', () => {
    const personas = sheetOf(personaLayout, [{ ...persona, bron: null }]);
    personas.headers.delete(13);
    personas.headers.set(20, 'Opmerking');
    personas.rows[0]!.cells.set(20, { value: { kind: 'text', value: 'iets' }, formula: false });
    const r = validateWorkbook(workbookOf([personas], gemeente), leieSchelde);
    expect(outcomeOf(r, personaLayout)?.refused[0]?.reasons.map(issueMessage)).toEqual([
      'de kolom "Bron" ontbreekt in rij 1. Zet de kolomkop terug zoals in het sjabloon.',
    ]);
    expect(r.issues.map((i) => [i.sheet, issueCell(i), i.header, i.severity])).toEqual([
      ["Persona's", 'T1', 'Opmerking', 'warning'],
      ["Persona's", null, 'Bron', 'error'],
      [null, null, null, 'error'],
    ]);
  });

  it('warns when a workbook belongs to another region', () => {
    const wb = workbookOf([sheetOf(personaLayout, []), sheetOf(noodLayout, [])], {
      ...gemeente,
      region: 'kempen',
    });
    expect(validateWorkbook(wb, leieSchelde).issues.map(issueMessage)).toEqual([
      'deze werkmap hoort bij regio "kempen", niet bij "leie-schelde". Gebruik het sjabloon van uw regio.',
    ]);
  });
});

describe('a candidacy', () => {
  const proposal = {
    titel: 'Samen op weg',
    trekker: 'CAW Oost-Vlaanderen',
    copartners: 'OCMW Deinze; VDAB',
    contact: 'Projectteam',
    email: 'project@voorbeeld.be',
    gemeenten: 'Deinze; Zulte',
    probleemgebieden: 'Beperkt sociaal netwerk',
    doelgroepen: 'Nieuwkomers',
    samenvatting: 'Brugfiguren die mee op stap gaan.',
  };
  const meta = { kind: 'kandidatuur', version: '1', region: 'leie-schelde', owner: 'CAW' };
  const check = (row: Record<string, unknown>) =>
    validateWorkbook(workbookOf([sheetOf(kandidatuurLayout, [row as never])], meta), leieSchelde);

  it('reads an older one that still has the coordinator columns: an info line, the row taken', () => {
    const sheet = sheetOf(kandidatuurLayout, [proposal]);
    const width = sheet.headers.size;
    sheet.headers.set(width + 1, 'Ontvangen op');
    sheet.headers.set(width + 2, 'onderwerp  E-MAIL');
    const row = sheet.rows[0]!.cells;
    row.set(width + 1, { value: { kind: 'text', value: 'gisteren' }, formula: false });
    row.set(width + 2, { value: { kind: 'text', value: 'Iets anders' }, formula: false });
    const r = validateWorkbook(workbookOf([sheet], meta), leieSchelde);
    expect(r.issues.map((i) => [issueCell(i), i.severity, issueMessage(i)])).toEqual([
      [
        a1(width + 1, 1),
        'info',
        'de kolom "Ontvangen op" hoort niet meer bij het sjabloon en wordt niet gelezen. U mag ze laten staan of verwijderen.',
      ],
      [
        a1(width + 2, 1),
        'info',
        'de kolom "onderwerp  E-MAIL" hoort niet meer bij het sjabloon en wordt niet gelezen. U mag ze laten staan of verwijderen.',
      ],
    ]);
    expect(r.sheets[0]?.taken).toHaveLength(1);
    expect(check(proposal).issues).toEqual([]);
  });

  it('refuses a candidacy without co-partners named', () => {
    const r = check({ ...proposal, copartners: null });
    expect(r.issues.map((i) => [issueCell(i), i.severity])).toEqual([['C2', 'error']]);
  });
});
