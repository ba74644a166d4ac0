import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { patchCells } from '../src/workbook/xlsx/patch-cells.js';
import { readWorkbookBytes } from '../src/workbook/xlsx/read-workbook.js';

// The package patcher on small hand-written packages: only the cells set change, text is an
// inline string (never a formula), dates are serials with a date style, appended rows take the
// styles of the row above and grow the table, validations and formats over them.

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

// Styles: 0 General, 1 a date (dd/mm/yyyy), 2 bold (fontId 1), 3 a fill, no date.
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></cellXfs></styleSheet>`;

interface Pkg {
  sheet: string;
  table?: string;
  other?: string;
}

async function pkg(p: Pkg): Promise<Buffer> {
  const zip = new JSZip();
  const file = (name: string, xml: string) => zip.file(name, xml, { createFolders: false });
  const tableRel = p.table
    ? `<Override PartName="/xl/tables/table1.xml" ContentType="${CT}.table+xml"/>`
    : '';
  file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT}.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>${tableRel}</Types>`,
  );
  file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Eigen" sheetId="2" r:id="rId2"/></sheets></workbook>`,
  );
  file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  file('xl/styles.xml', STYLES);
  file('xl/worksheets/sheet1.xml', p.sheet);
  file(
    'xl/worksheets/sheet2.xml',
    p.other ??
      `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="b"><v>1</v></c></row></sheetData></worksheet>`,
  );
  if (p.table) {
    file(
      'xl/worksheets/_rels/sheet1.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/table" Target="../tables/table1.xml"/></Relationships>`,
    );
    file('xl/tables/table1.xml', p.table);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const sheet = (body: string, tail = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}" xmlns:r="${R}"><dimension ref="A1:C3"/><sheetData>${body}</sheetData>${tail}</worksheet>`;

async function parts(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) {
    out.set(name, await zip.file(name)!.async('nodebuffer'));
  }
  return out;
}

async function sheetXml(bytes: Buffer, name = 'xl/worksheets/sheet1.xml'): Promise<string> {
  return (await parts(bytes)).get(name)!.toString('utf8');
}

async function read(bytes: Buffer) {
  const r = await readWorkbookBytes(bytes, 'test.xlsx');
  if (!r.ok) throw new Error(r.code);
  return r.workbook.sheets.find((s) => s.name === 'Data')!;
}

const HEADER =
  '<row r="1"><c r="A1" s="2" t="inlineStr"><is><t>Naam</t></is></c><c r="B1" s="2" t="inlineStr"><is><t>Datum</t></is></c><c r="C1" s="2" t="inlineStr"><is><t>Opm</t></is></c></row>';

describe('patchCells', () => {
  it('changes only the cells set; every other part and every other cell stays byte for byte', async () => {
    const body = `${HEADER}<row r="2" spans="1:3"><c r="A2" s="3"><v>1</v></c><c r="B2" s="1"><v>45000</v></c><c r="C2" t="inlineStr"><is><t>mijn</t></is></c></row><row r="3"><c r="A3"><v>2</v></c></row>`;
    const before = await pkg({ sheet: sheet(body) });
    const after = await patchCells(before, [
      { sheet: 'Data', cells: [{ row: 2, col: 1, value: 7 }] },
    ]);
    const [a, b] = [await parts(before), await parts(after)];
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, data] of a) {
      if (name !== 'xl/worksheets/sheet1.xml') expect(b.get(name)!.equals(data), name).toBe(true);
    }
    const xml = b.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(xml).toBe(
      sheet(
        `${HEADER}<row r="2"><c r="A2" s="3"><v>7</v></c><c r="B2" s="1"><v>45000</v></c><c r="C2" t="inlineStr"><is><t>mijn</t></is></c></row><row r="3"><c r="A3"><v>2</v></c></row>`,
      ),
    );
  });

  it('writes text as an escaped inline string: markup, quotes, control characters and formula-like text stay text', async () => {
    const before = await pkg({ sheet: sheet(`${HEADER}<row r="2"><c r="A2"><v>1</v></c></row>`) });
    const texts = [
      '<b>&"x"</b>',
      '=HYPERLINK("http://x","klik")',
      '+32 9 000',
      'a\u0001b',
      ' rand \n',
      'na_x0041_',
      // Half of a surrogate pair; characters beyond the BMP across JSZip's 16 k pieces.
      'a\ud83d b',
      `a${'😀'.repeat(10_000)}`,
      `ab${'😀'.repeat(10_000)}`,
    ];
    const cells = texts.map((value, i) => ({ row: 2, col: i + 1, value }));
    const after = await patchCells(before, [{ sheet: 'Data', cells }]);
    const xml = await sheetXml(after);
    expect(xml).not.toMatch(/<f\b/);
    expect(xml).toContain(
      '<c r="A2" t="inlineStr"><is><t xml:space="preserve">&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;</t></is></c>',
    );
    expect(xml).toContain('a_x0001_b');
    expect(xml).toContain('na_x005F_x0041_');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(after as unknown as ArrayBuffer);
    const ws = back.getWorksheet('Data')!;
    expect(ws.getCell('A2').value).toBe('<b>&"x"</b>');
    expect(ws.getCell('B2').value).toBe('=HYPERLINK("http://x","klik")');
    expect(ws.getCell('B2').formula).toBeUndefined();
    expect(ws.getCell('C2').value).toBe('+32 9 000');
    expect(ws.getCell('E2').value).toBe(' rand \n');
    const ours = await read(after);
    expect(ours.rows[0]!.cells.get(2)?.value).toEqual({
      kind: 'text',
      value: '=HYPERLINK("http://x","klik")',
    });
    // Every text reads back as written: our reader undoes the escapes, as Excel does.
    for (const [i, text] of texts.entries()) {
      expect(ours.rows[0]!.cells.get(i + 1)?.value).toEqual({ kind: 'text', value: text });
    }
  });

  it('writes dates as serials: in a date style it keeps, or a copy of the style with a date format', async () => {
    const body = `${HEADER}<row r="2"><c r="A2" s="3"/><c r="B2" s="1"><v>45000</v></c></row>`;
    const before = await pkg({ sheet: sheet(body) });
    const june = new Date(Date.UTC(2023, 5, 5));
    const at10 = new Date(Date.UTC(2023, 5, 5, 10, 30));
    const after = await patchCells(before, [
      {
        sheet: 'Data',
        cells: [
          { row: 2, col: 2, value: june },
          { row: 2, col: 1, value: at10 },
        ],
      },
    ]);
    const xml = await sheetXml(after);
    expect(xml).toContain('<c r="B2" s="1"><v>45082</v></c>');
    // The fill of style 3 kept, a date-and-time format added as style 4.
    expect(xml).toContain('<c r="A2" s="4"><v>45082.4375</v></c>');
    const styles = (await parts(after)).get('xl/styles.xml')!.toString('utf8');
    expect(styles).toContain('<cellXfs count="5">');
    expect(styles).toContain(
      '<xf applyNumberFormat="1" numFmtId="22" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></cellXfs>',
    );
    const cells = (await read(after)).rows[0]!.cells;
    expect(cells.get(1)?.value).toEqual({ kind: 'date', value: at10 });
    expect(cells.get(2)?.value).toEqual({ kind: 'date', value: june });
  });

  it('appends rows with the styles of the row above, and grows the table, validations, formats and dimension', async () => {
    const body = `${HEADER}<row r="2" s="3" customFormat="1"><c r="A2" s="3" t="inlineStr"><is><t>een</t></is></c><c r="B2" s="1"><v>45000</v></c><c r="C2" s="2"/></row>`;
    const tail =
      '<conditionalFormatting sqref="A2:A2 C1:C9"><cfRule type="containsBlanks" priority="1"><formula>LEN(A2)=0</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="list" sqref="C2:C2 E5"><formula1>"a,b"</formula1></dataValidation></dataValidations>';
    const table = `<?xml version="1.0" encoding="UTF-8"?><table xmlns="${NS}" id="1" name="Data" displayName="Data" ref="A1:C2"><autoFilter ref="A1:C2"/><tableColumns count="3"><tableColumn id="1" name="Naam"/><tableColumn id="2" name="Datum"/><tableColumn id="3" name="Opm"/></tableColumns></table>`;
    const before = await pkg({ sheet: sheet(body, tail), table });
    const cells = [
      { row: 3, col: 1, value: 'twee' },
      { row: 4, col: 1, value: 'drie' },
      { row: 4, col: 2, value: new Date(Date.UTC(2023, 0, 2)) },
    ];
    const after = await patchCells(before, [{ sheet: 'Data', cells }]);
    const xml = await sheetXml(after);
    expect(xml).toContain(
      '<row r="3" s="3" customFormat="1"><c r="A3" s="3" t="inlineStr"><is><t xml:space="preserve">twee</t></is></c><c r="B3" s="1"/><c r="C3" s="2"/></row>',
    );
    expect(xml).toContain('<c r="B4" s="1"><v>44928</v></c><c r="C4" s="2"/></row>');
    expect(xml).toContain('<dimension ref="A1:C4"/>');
    expect(xml).toContain('sqref="A2:A4 C1:C9"');
    expect(xml).toContain('sqref="C2:C4 E5"');
    const t = (await parts(after)).get('xl/tables/table1.xml')!.toString('utf8');
    expect(t).toContain('ref="A1:C4"><autoFilter ref="A1:C4"/>');
  });

  it('reads rows without r and cells out of order or without r as a reader does, and puts the cells in order', async () => {
    const body = `${HEADER}<row><c><v>1</v></c><c><v>2</v></c></row><row r="5"><c r="C5"><v>3</v></c><c r="A5"><v>4</v></c></row>`;
    const before = await pkg({ sheet: sheet(body) });
    const after = await patchCells(before, [
      {
        sheet: 'Data',
        cells: [
          { row: 2, col: 3, value: 9 },
          { row: 5, col: 2, value: 'x' },
          { row: 4, col: 1, value: 'tussen' },
        ],
      },
    ]);
    const xml = await sheetXml(after);
    expect(xml).toContain(
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><v>9</v></c></row><row r="4">',
    );
    expect(xml).toContain(
      '<row r="5"><c r="A5"><v>4</v></c><c r="B5" t="inlineStr"><is><t xml:space="preserve">x</t></is></c><c r="C5"><v>3</v></c></row>',
    );
    const rows = (await read(after)).rows.map((r) => [
      r.row,
      [...r.cells.values()].map((c) => c.value),
    ]);
    expect(rows.map(([r]) => r)).toEqual([2, 4, 5]);
  });

  it('asks for a recalculation on opening when the package has formulas, and only then', async () => {
    const formula = `${HEADER}<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f>A2*2</f><v>2</v></c></row>`;
    const withF = await patchCells(await pkg({ sheet: sheet(formula) }), [
      { sheet: 'Data', cells: [{ row: 2, col: 1, value: 5 }] },
    ]);
    const wb = (await parts(withF)).get('xl/workbook.xml')!.toString('utf8');
    expect(wb).toContain('</sheets><calcPr fullCalcOnLoad="1"/></workbook>');
    const plain = await pkg({ sheet: sheet(`${HEADER}<row r="2"><c r="A2"><v>1</v></c></row>`) });
    const without = await patchCells(plain, [
      { sheet: 'Data', cells: [{ row: 2, col: 1, value: 5 }] },
    ]);
    expect((await parts(without)).get('xl/workbook.xml')).toEqual(
      (await parts(plain)).get('xl/workbook.xml'),
    );
  });

  it('refuses a sheet the workbook does not have', async () => {
    const before = await pkg({ sheet: sheet(HEADER) });
    await expect(
      patchCells(before, [{ sheet: 'Elders', cells: [{ row: 2, col: 1, value: 1 }] }]),
    ).rejects.toThrow('Elders');
  });
});
