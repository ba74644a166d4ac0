import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_READ_LIMITS } from '../src/workbook/xlsx/read-limits.js';
import { readWorkbookBytes } from '../src/workbook/xlsx/read-workbook.js';
import { isDateFormat } from '../src/domain/normalise.js';
import { DateStyles } from '../src/workbook/xlsx/date-styles.js';
import { parseDateStyles, parseSharedStrings } from '../src/workbook/xlsx/xml-parts.js';
import { parseSheet } from '../src/workbook/xlsx/sheet-xml.js';
import { buildZip, part } from './helpers/zip-writer.js';

// Workbooks as other programs write them, built part by part: prefixed namespaces, cells without
// addresses, inline strings, ISO dates, phonetic guides, absolute relationship targets.

const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function workbook(sheetXml: string, extra: { strings?: string; styles?: string } = {}): Buffer {
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  return buildZip([
    part('[Content_Types].xml', '<Types/>'),
    part(
      'xl/workbook.xml',
      `<x:workbook ${NS} ${R}><x:workbookPr date1904="false"/><x:sheets><x:sheet name="Aanbod" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      `<Relationships>${rel('rId1', 'worksheet', '/xl/worksheets/blad.xml')}${rel('rId2', 'sharedStrings', 'strings.xml')}${rel('rId3', 'styles', 'styles.xml')}</Relationships>`,
    ),
    part(
      'xl/worksheets/blad.xml',
      `<x:worksheet ${NS}><x:sheetData>${sheetXml}</x:sheetData></x:worksheet>`,
    ),
    part('xl/strings.xml', `<x:sst ${NS}>${extra.strings ?? ''}</x:sst>`),
    part('xl/styles.xml', `<x:styleSheet ${NS}>${extra.styles ?? ''}</x:styleSheet>`),
  ]);
}

async function read(bytes: Buffer) {
  const r = await readWorkbookBytes(bytes, 'ander-programma.xlsx');
  if (!r.ok) throw new Error(`refused: ${r.code} ${JSON.stringify(r.params)}`);
  return r.workbook.sheets[0]!;
}

describe('reading workbooks other programs wrote', () => {
  it('reads prefixed elements, cells without addresses and inline strings', async () => {
    const sheet = await read(
      workbook(
        '<x:row><x:c t="inlineStr"><x:is><x:t>Partner</x:t></x:is></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row>' +
          '<x:row><x:c t="inlineStr"><x:is><x:r><x:t>CA</x:t></x:r><x:r><x:t>W</x:t></x:r></x:is></x:c><x:c><x:v>3.5</x:v></x:c></x:row>',
        { strings: '<x:si><x:t>Naam</x:t></x:si>' },
      ),
    );
    expect([...sheet.headers]).toEqual([
      [1, 'Partner'],
      [2, 'Naam'],
    ]);
    expect(sheet.rows[0]?.row).toBe(2);
    expect(sheet.rows[0]?.cells.get(1)?.value).toEqual({ kind: 'text', value: 'CAW' });
    expect(sheet.rows[0]?.cells.get(2)?.value).toEqual({ kind: 'number', value: 3.5 });
  });

  it('undoes the _xHHHH_ escapes of shared and inline strings, as Excel does', async () => {
    const sheet = await read(
      workbook(
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>b_x0009_c_x005F_x0041_</x:t></x:is></x:c></x:row>' +
          '<x:row r="2"><x:c r="B2" t="s"><x:v>1</x:v></x:c></x:row>',
        { strings: '<x:si><x:t>a_x0001_b</x:t></x:si><x:si><x:t>_xD83D_ en _x00e9_</x:t></x:si>' },
      ),
    );
    expect(sheet.headers.get(1)).toBe('a\u0001b');
    expect(sheet.headers.get(2)).toBe('b\tc_x0041_');
    expect(sheet.rows[0]?.cells.get(2)?.value).toEqual({
      kind: 'text',
      value: '\ud83d en _x00e9_',
    });
  });

  it('leaves phonetic guides out of shared strings', async () => {
    const sheet = await read(
      workbook('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>', {
        strings:
          '<x:si><x:r><x:t>東京</x:t></x:r><x:rPh sb="0" eb="2"><x:t>トウキョウ</x:t></x:rPh></x:si>',
      }),
    );
    expect(sheet.headers.get(1)).toBe('東京');
  });

  it('reads ISO date cells and date-formatted serials as wall-clock dates', async () => {
    const styles =
      '<x:numFmts><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></x:numFmts>' +
      '<x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="164"/><x:xf numFmtId="14"/></x:cellXfs>';
    const sheet = await read(
      workbook(
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Datum</x:t></x:is></x:c></x:row>' +
          '<x:row r="2"><x:c r="A2" t="d"><x:v>2023-06-09T23:59:00</x:v></x:c><x:c r="B2" s="1"><x:v>45086.999305555553</x:v></x:c><x:c r="C2" s="2"><x:v>45086</x:v></x:c><x:c r="D2"><x:v>45086</x:v></x:c></x:row>',
        { styles },
      ),
    );
    const cells = sheet.rows[0]!.cells;
    const deadline = new Date(Date.UTC(2023, 5, 9, 23, 59));
    expect(cells.get(1)?.value).toEqual({ kind: 'date', value: deadline });
    expect(cells.get(2)?.value).toEqual({ kind: 'date', value: deadline });
    expect(cells.get(3)?.value).toEqual({ kind: 'date', value: new Date(Date.UTC(2023, 5, 9)) });
    expect(cells.get(4)?.value).toEqual({ kind: 'number', value: 45086 });
  });

  it('reads a formula without a cached value as empty, and a string result as text', async () => {
    const sheet = await read(
      workbook(
        '<x:row r="2"><x:c r="A2"><x:f>B2*2</x:f></x:c><x:c r="B2" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c></x:row>',
      ),
    );
    expect(sheet.rows[0]?.cells.get(1)).toBeUndefined();
    expect(sheet.rows[0]?.cells.get(2)).toEqual({
      value: { kind: 'text', value: 'ab' },
      formula: true,
    });
  });

  it('tells date formats from number formats', () => {
    expect(['dd/mm/yyyy', 'h:mm', '[$-813]d mmmm yyyy', 'yyyy-mm-dd;@'].every(isDateFormat)).toBe(
      true,
    );
    expect(
      ['0.00', '#,##0 "dagen"', '[Red]0%', 'General', '@', '0.00E+00'].some(isDateFormat),
    ).toBe(false);
  });

  it('parses a styles part once per text, and a date style one package adds is its own', () => {
    const xml =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
      '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>';
    const first = parseDateStyles(xml);
    expect(first).toEqual([false, true]);
    expect(parseDateStyles(Buffer.from(xml))).toBe(first);
    expect(new DateStyles(xml).styleFor(0, false)).toBe(2);
    expect(parseDateStyles(xml)).toEqual([false, true]);
    // A large styles part is parsed, not kept.
    const large = xml.replace('<cellXfs', `<fonts>${'<font/>'.repeat(50_000)}</fonts><cellXfs`);
    expect(parseDateStyles(large)).toEqual([false, true]);
    expect(parseDateStyles(large)).not.toBe(parseDateStyles(large));
  });
});

describe('empty styled cells, taken out before the parse', () => {
  const cells = (sheet: Awaited<ReturnType<typeof read>>) =>
    sheet.rows.map((r) => [r.row, [...r.cells].map(([col, c]) => [col, c.value])]);

  it('are skipped, and the cells around them keep their places', async () => {
    const sheet = await read(
      workbook(
        '<row r="1"><c r="A1" s="1"/><c r="B1" t="inlineStr"><is><t>Naam</t></is></c></row>' +
          '<row r="2"><c r="A2" s="1"/><c r="B2"><v>3</v></c><c r="C2" s="1" t="s"/></row>' +
          '<row r="3"><c r="A3" s="2"/></row>',
      ),
    );
    expect([...sheet.headers]).toEqual([[2, 'Naam']]);
    expect(cells(sheet)).toEqual([[2, [[2, { kind: 'number', value: 3 }]]]]);
  });

  it('stay when a cell without address follows one, or a CDATA section could hold them', async () => {
    const sheet = await read(
      workbook(
        '<row r="2"><c r="C2" s="1"/><c><v>7</v></c></row>' +
          '<row r="3"><c r="A3" t="inlineStr"><is><t><![CDATA[<c r="B3" s="1"/>]]></t></is></c></row>',
      ),
    );
    expect(cells(sheet)).toEqual([
      [2, [[4, { kind: 'number', value: 7 }]]],
      [3, [[1, { kind: 'text', value: '<c r="B3" s="1"/>' }]]],
    ]);
  });

  it('past the column cap still refuse the sheet', async () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxCols: 3 };
    const bytes = workbook('<row r="2"><c r="A2"><v>1</v></c><c r="E2" s="1"/></row>');
    const r = await readWorkbookBytes(bytes, 'breed.xlsx', limits);
    expect(r.ok ? 'read' : r.code).toBe('too-many-rows');
  });
});

describe('a number in a date-formatted cell that is no date Excel can show', () => {
  it('stays a number (never an invalid date shown as "NaN")', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    ws.getCell('A1').value = 'Datum';
    ws.getCell('A2').value = 85073003328;
    ws.getCell('A2').numFmt = 'dd/mm/yyyy';
    ws.getCell('A3').value = 45000;
    ws.getCell('A3').numFmt = 'dd/mm/yyyy';
    const read = await readWorkbookBytes(Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx');
    if (!read.ok) throw new Error('not read');
    const cells = read.workbook.sheets[0]!.rows.map((r) => r.cells.get(1)?.value);
    expect(cells[0]).toEqual({ kind: 'number', value: 85073003328 });
    expect(cells[1]?.kind).toBe('date');
  });
});

const heapAfterGc = () => {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
};

describe('a shared string kept after the parse', () => {
  it('does not keep the whole shared-strings part in memory', () => {
    // 10 MB of text in a second string, made inside: nothing else holds it.
    const xml = () =>
      Buffer.from(
        `<sst><si><t>Dienst schuldbemiddeling</t></si><si><t>${'opvulling '.repeat(1_000_000)}</t></si></sst>`,
      );
    const before = heapAfterGc();
    // In a function of its own: no register of this one holds the parse's other results.
    const firstOf = () => parseSharedStrings(xml())[0];
    const kept = firstOf();
    const grown = heapAfterGc() - before;
    expect(kept).toBe('Dienst schuldbemiddeling');
    // A view into the part would hold its 10 MB text; a string of its own holds a few bytes.
    expect(grown).toBeLessThan(2 * 1024 * 1024);
  });

  it('nor does an inline string or a text result keep its sheet', () => {
    const ctx = { strings: [], dateStyles: [], date1904: false, maxRows: 10, maxCols: 10 };
    // 10 MB of formula text beside them, made inside: nothing else holds it.
    const xml = () =>
      Buffer.from(
        '<worksheet><sheetData><row r="2">' +
          '<c r="A2" t="inlineStr"><is><t>Dienst schuldbemiddeling</t></is></c>' +
          '<c r="B2" t="str"><f>"Dienst " &amp; "budgetbeheer"</f><v>Dienst budgetbeheer</v></c>' +
          `<c r="C2"><f>${'A1+'.repeat(3_000_000)}1</f><v>1</v></c>` +
          '</row></sheetData></worksheet>',
      );
    const before = heapAfterGc();
    const textsOf = () => {
      const cells = parseSheet(xml(), 'Blad', ctx).rows[0]!.cells;
      return [1, 2].map((col) => cells.get(col)?.value);
    };
    const kept = textsOf();
    const grown = heapAfterGc() - before;
    expect(kept).toEqual([
      { kind: 'text', value: 'Dienst schuldbemiddeling' },
      { kind: 'text', value: 'Dienst budgetbeheer' },
    ]);
    expect(grown).toBeLessThan(2 * 1024 * 1024);
  });
});
