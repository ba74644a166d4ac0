import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSheet, type SheetContext } from '../src/workbook/xlsx/sheet-xml.js';
import { SHARED_STRINGS, SHEET_ROWS } from '../src/workbook/xlsx/xml-span-scan.js';
import { parseSharedStrings } from '../src/workbook/xlsx/xml-parts.js';

// The scans of a sheet's rows and of the shared strings are a fast path of the SAX parse: on
// any part, what is read (or that it is refused, and why) is what saxes alone makes of it.
// saxes alone reads a part when the scan finds no span in it.

const ctx: SheetContext = {
  strings: ['nul', 'één & twee', 'drie'],
  dateStyles: [false, true],
  date1904: false,
  maxRows: 1000,
  maxCols: 40,
};

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<dimension ref="A1:C3"/><cols><col min="1" max="3" width="20" customWidth="1"/></cols>';

function sheetXml(rows: string, tail = ''): string {
  return `${HEAD}<sheetData>${rows}</sheetData>${tail}</worksheet>`;
}

type Outcome = { read: unknown } | { refused: string };

function outcome(read: () => unknown): Outcome {
  try {
    return { read: read() };
  } catch (err) {
    return { refused: `${(err as Error).constructor.name}: ${(err as Error).message}` };
  }
}

const bySheet = (xml: string) => outcome(() => parseSheet(Buffer.from(xml), 'Blad', ctx));
/** What `read` gives with the span `fast` never found: saxes alone. */
function alone<T>(fast: Pick<typeof SHEET_ROWS, 'locate'>, read: () => T): T {
  const locate = vi.spyOn(fast, 'locate').mockReturnValue(null);
  try {
    return read();
  } finally {
    locate.mockRestore();
  }
}

const bySax = (xml: string) => alone(SHEET_ROWS, () => bySheet(xml));

afterEach(() => vi.restoreAllMocks());

/** Reads a sheet both ways; whether the scan took its rows. */
function bothWays(xml: string): { scanned: boolean } {
  const scan = vi.spyOn(SHEET_ROWS, 'scan');
  const fast = bySheet(xml);
  const scanned = scan.mock.results.some((r) => r.value === true);
  scan.mockRestore();
  expect(fast).toEqual(bySax(xml));
  return { scanned };
}

// Pieces of a sheet as the writers put them, and as hostile or unusual files might.
// Mostly what writers put, now and then what they never do: a part with one unusual piece
// goes to saxes whole, so the scan is tried on most parts.
const usually = <T>(plain: fc.Arbitrary<T>, unusual: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: plain, weight: 12 }, { arbitrary: unusual, weight: 1 });
const text = usually(
  fc.oneof(
    fc.string({ maxLength: 8, unit: fc.constantFrom(...'aZ 09;-é漢>"\'\n\t') }),
    fc.constantFrom('a &amp; b', '&lt;x&gt; &quot;&apos;', '', '12', ' spatie '),
  ),
  fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('x&#10;y', '&bogus;', 'a\r\nb', 'x]]>y', '\u0001', '<'),
  ),
);
// AO is past the column cap (40): the sheet is refused.
const column = usually(fc.constantFrom('A', 'B', 'C', 'Z', 'AA', 'AN'), fc.constant('AO'));
const cellXml = fc
  .tuple(
    column,
    fc.constantFrom('', ' s="0"', ' s="1"'),
    fc.oneof(
      { arbitrary: fc.constant(''), weight: 6 },
      { arbitrary: fc.constantFrom(' t="s"', ' t="str"', ' t="b"', ' t="e"', ' t="d"'), weight: 5 },
      { arbitrary: fc.constant(' t="inlineStr"'), weight: 2 },
    ),
    usually(
      fc.constantFrom('', '<f>SUM(A1)</f>', '<f t="shared" si="0"/>', '<f>A1&amp;B1</f>'),
      fc.constantFrom('<f>SUM(A1)</f><f/>', '<f>x\ry</f>', "<f t='shared'/>"),
    ),
    fc.oneof(
      {
        arbitrary: fc
          .constantFrom('0', '1', '2', '7', '45000', '2024-05-01', '#N/A', 'true', '')
          .map((v) => `<v>${v}</v>`),
        weight: 6,
      },
      { arbitrary: text.map((t) => `<v>${t}</v>`), weight: 2 },
      { arbitrary: text.map((t) => `<is><t>${t}</t></is>`), weight: 2 },
      { arbitrary: text.map((t) => `<is><t xml:space="preserve">${t}</t></is>`), weight: 2 },
      { arbitrary: fc.constant(''), weight: 2 },
      {
        arbitrary: fc.constantFrom('<is><r><t>rijk</t></r></is>', '<v>1</v><v>2</v>'),
        weight: 1,
      },
    ),
    fc.boolean(),
  )
  .map(([col, s, t, f, content, selfClosing]) =>
    selfClosing && f === '' && content === ''
      ? `<c r="${col}§"${s}${t}/>`
      : `<c r="${col}§"${s}${t}>${f}${content}</c>`,
  );
const rowAttributes = usually(
  fc.constantFrom(
    '',
    ' spans="1:3"',
    ' spans="1:3" x14ac:dyDescent="0.25"',
    ' ht="30" customHeight="1"',
  ),
  fc.constantFrom(" spans='1:3'", ' spans="1:3" spans="1:3"', ' ht="1\t5"', ' r="7"'),
);
const rowXml = fc
  .tuple(fc.boolean(), rowAttributes, fc.array(cellXml, { maxLength: 4 }), fc.boolean())
  .map(([numbered, attrs, cells, spaced]) => ({ numbered, attrs, cells, spaced }));

function rowsXml(rows: { numbered: boolean; attrs: string; cells: string[]; spaced: boolean }[]) {
  return rows
    .map(({ numbered, attrs, cells, spaced }, i) => {
      const n = String(i + 1);
      const open = `<row${numbered ? ` r="${n}"` : ''}${attrs}`;
      const inner = cells.map((c) => c.replace('§', n)).join(spaced ? '\n  ' : '');
      return inner === '' ? `${open}/>` : `${open}>${inner}</row>`;
    })
    .join('');
}

describe('the scan of a sheet’s rows', () => {
  it('reads every sheet as saxes alone does, or refuses it as saxes does', () => {
    fc.assert(
      fc.property(fc.array(rowXml, { maxLength: 6 }), (rows) => {
        bothWays(
          sheetXml(rowsXml(rows), '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>'),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('takes the rows Excel, LibreOffice and exceljs write', () => {
    const rows =
      '<row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>1</v></c>' +
      '<c r="B1" t="inlineStr"><is><t xml:space="preserve"> Naam &amp; co </t></is></c></row>' +
      '<row r="2" ht="30" customHeight="1"><c r="A2" s="1"><v>45000</v></c>' +
      '<c r="B2"><f>A2+1</f><v>45001</v></c><c r="C2" t="str"><f t="shared" si="0"/><v>x</v></c></row>' +
      '<row r="3"/>';
    expect(bothWays(sheetXml(rows))).toEqual({ scanned: true });
    const read = bySheet(sheetXml(rows));
    expect(read).toMatchObject({
      read: {
        headers: new Map([
          [1, 'één & twee'],
          [2, 'Naam & co'],
        ]),
      },
    });
  });

  it('leaves to saxes what it does not know, and what hides its start', () => {
    const cell = '<row r="1"><c r="A1"><v>1</v></c></row>';
    for (const xml of [
      sheetXml(`${cell}<!-- opmerking -->`),
      sheetXml(`<row r="1"><c r="A1" t="s" s="1"><v>1</v></c></row>`),
      sheetXml(`<row r="1"><c r="A1"><v>a&#10;b</v></c></row>`),
      sheetXml(`<row spans="1:1" r="1"><c r="A1"><v>1</v></c></row>`),
      `${HEAD}<!-- <sheetData><row r="9"/></sheetData> --><sheetData>${cell}</sheetData></worksheet>`,
    ]) {
      expect(bothWays(xml)).toEqual({ scanned: false });
    }
  });

  it('refuses, as saxes does, a row left open, a stray end tag and a doubled attribute', () => {
    for (const rows of [
      '<row r="1"><c r="A1"><v>1</v></c>',
      '</row><row r="1"/>',
      '<row r="1" spans="1:1" spans="1:1"/>',
      '<row r="1"><c r="A1"><v>x]]>y</v></c></row>',
      '<row r="1"><c r="A1"><v>&bogus;</v></c></row>',
    ]) {
      expect(bySheet(sheetXml(rows))).toMatchObject({ refused: expect.stringMatching(/^Error: /) });
      bothWays(sheetXml(rows));
    }
  });
});

describe('the tail of a sheet, parsed once and then replayed', () => {
  const TAIL =
    '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>' +
    '<dataValidations count="1"><dataValidation type="list" sqref="B2"><formula1>lijst</formula1></dataValidation></dataValidations>' +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  const rows =
    '<row r="1"><c r="A1" t="s"><v>1</v></c></row><row r="2"><c r="B2"><v>7</v></c></row>';

  it('reads as saxes alone, the first time and every time after', () => {
    const xml = `${HEAD}<sheetData>${rows}</sheetData>${TAIL}`;
    const first = bySheet(xml);
    expect(first).toMatchObject({ read: { name: 'Blad' } });
    expect(bySheet(xml)).toEqual(first);
    expect(bySheet(xml)).toEqual(bySax(xml));
    const other = `${HEAD}<sheetData><row r="1"><c r="C1"><v>2</v></c></row></sheetData>${TAIL}`;
    expect(bySheet(other)).toEqual(bySax(other));
  });

  it('kept for replay, holds no sheet it was read from', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // Sheets of 4 MB each, one tail with a long attribute; each read in a function of its own.
    const growth = (read: (xml: string) => unknown) => {
      const before = (gc(), process.memoryUsage().heapUsed);
      for (let i = 0; i < 3; i++) {
        const big = `<row r="2"><c r="A2" t="inlineStr"><is><t>${'x'.repeat(4e6 + i)}</t></is></c></row>`;
        read(
          `${HEAD}<sheetData>${big}</sheetData><dataValidations><dataValidation prompt="Kies een waarde uit de lijst" sqref="A2"/></dataValidations></worksheet>`,
        );
      }
      return (gc(), process.memoryUsage().heapUsed) - before;
    };
    const saxAlone = growth(bySax);
    // saxes alone keeps nothing of it either; replayed, the tail must keep no more.
    expect(growth(bySheet)).toBeLessThan(saxAlone + 2e6);
  });

  it('is not taken as read after other open elements, where it does not close them', () => {
    const good = `<worksheet><sheetData>${rows}</sheetData>${TAIL}`;
    const odd = `<worksheet><extra><sheetData>${rows}</sheetData>${TAIL}`;
    expect(bySheet(good)).toMatchObject({ read: { name: 'Blad' } });
    expect(bySheet(odd)).toMatchObject({ refused: expect.stringMatching(/^Error: /) });
    expect(bySheet(odd)).toEqual(bySax(odd));
  });
});

describe('parts a hostile review made (03/12/2026), read as saxes alone reads them', () => {
  const sheets = [
    '<worksheet><sheetData>\u000b</sheetData></worksheet>',
    '<worksheet><c r="A1"><is><t><sheetData><row><c r="B1"><v>1</v></c></row></sheetData></t></is></c></worksheet>',
    '<worksheet><c r="A1"><v><sheetData><row r="2"/> <row/></sheetData></v></c></worksheet>',
    '<worksheet><rPh><sheetData><row><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></rPh></worksheet>',
    '<worksheet><sheetData><row\u00a0/></sheetData></worksheet>',
    '<worksheet><sheetData><row><c r="A1"><f\ufeff/></c></row></sheetData></worksheet>',
    '<worksheet><sheetData><row a="\u0001"/></sheetData></worksheet>',
    '<worksheet><sheetData><row a="\ufffe"/></sheetData></worksheet>',
    '<worksheet><sheetData><row><c r="A1"><f a="" a=""/></c></row></sheetData></worksheet>',
    '<?xml version="1.1"?><worksheet><sheetData><row><c r="A1" t="str"><v>\u0085</v></c></row></sheetData></worksheet>',
    '<?xml version="1.1"?><worksheet><sheetData><row><c r="A1" t="str"><v>\u0080</v></c></row></sheetData></worksheet>',
    '<worksheet><c r="A1"><v><sheetData> </sheetData></v></c></worksheet>',
    '<worksheet><sheetData><row a="\u0001"/><row/><row/><row/></sheetData></worksheet>',
    '<worksheet><sheetData><row r="1"/></sheetData></worksheet><x/>',
    `<worksheet><sheetData>${'<row/>'.repeat(1001)}</sheetData></worksheet>`,
  ];
  it.each(sheets.map((xml) => [xml.slice(0, 90), xml]))('sheet %s', (_, xml) => {
    expect(bySheet(xml)).toEqual(bySax(xml));
  });

  const strings = [
    '<sst a="<si><t>x</t></si>"/>',
    '<sst/><si><t>x</t></si>',
    '<?xml version="1.0"?><si><t>a</t></si><si><t>b</t></si><sst/>',
    '<sst<si><t>x</t></si>/>',
    '<sst>&<si><t>x</t></si>amp;</sst>',
    '<sst><<si><t>x</t></si>x/></sst>',
    '<sst></<si><t>x</t></si>sst>',
    '<si><t>x</t></si>',
    '<sst><si><t/></si>\f<si><t/></si></sst>',
    '<?xml version="1.1"?><sst><si><t>\u2028</t></si></sst>',
    '<sst><si><t>a</t></si></sst><sst/>',
    '<x><sst><si><t>a</t></si></sst></x>',
    '<si><sst><si><t>a</t></si></sst></si>',
  ];
  const read = (xml: string) => outcome(() => parseSharedStrings(Buffer.from(xml)));
  it.each(strings.map((xml) => [xml, xml]))('shared strings %s', (_, xml) => {
    expect(read(xml)).toEqual(alone(SHARED_STRINGS, () => read(xml)));
  });
});

describe('the scan of the shared strings', () => {
  const sst = (items: string) =>
    `<?xml version="1.0"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3">${items}</sst>`;
  const both = (xml: string) => {
    const scan = vi.spyOn(SHARED_STRINGS, 'scan');
    const read = () => outcome(() => parseSharedStrings(Buffer.from(xml)));
    const fast = read();
    const scanned = scan.mock.results.some((r) => r.value === true);
    scan.mockRestore();
    expect(fast).toEqual(alone(SHARED_STRINGS, read));
    return scanned;
  };

  it('reads the items as saxes alone does', () => {
    const item = fc.oneof(
      text.map((t) => `<si><t>${t}</t></si>`),
      text.map((t) => `<si><t xml:space="preserve">${t}</t></si>`),
      fc.constant('<si><t/></si>'),
      fc.constant('<si><r><t>ri</t></r><r><t>jk</t></r></si>'),
      fc.constant('<si><t>漢</t><rPh sb="0" eb="1"><t>かん</t></rPh></si>'),
      fc.constant('\n'),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), (items) => {
        both(sst(items.join('')));
      }),
      { numRuns: 300 },
    );
  });

  it('takes plain items, and leaves rich text to saxes', () => {
    expect(both(sst('<si><t>Naam</t></si><si><t xml:space="preserve"> a &amp; b</t></si>'))).toBe(
      true,
    );
    expect(parseSharedStrings(Buffer.from(sst('<si><t>a &amp; b</t></si><si><t/></si>')))).toEqual([
      'a & b',
      '',
    ]);
    expect(both(sst('<si><r><t>ri</t></r><r><t>jk</t></r></si>'))).toBe(false);
  });
});
