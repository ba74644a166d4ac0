import { ownString } from './own-string.js';

// Scans of the two spans that hold nearly all of a workbook's XML, the rows of a sheet and the
// items of the shared strings, in the exact shape Excel, LibreOffice and exceljs write them. A
// scan tells its reader what saxes's events would have told it (rows and cells, or items), and
// refuses everything else (a comment, CDATA, a prefix, single quotes, an unknown entity, rich
// text, an attribute out of order, ...); then the whole part goes to saxes: saxes stays the
// parser, the scan only its fast path. SAX spent ~1.8 s of `validate --scale 40` on these spans,
// the scans ~0.45 s (CPU profiles); telling cells rather than elements saves a reader five
// calls and three objects per cell.

/** What a SAX parse of a part tells its reader: element names without prefix. */
export interface XmlEvents {
  open: (name: string, attrs: Record<string, string>) => void;
  close: (name: string) => void;
  text: (t: string) => void;
}

/**
 * Where a part's span lies (start tags before it, end tags after it), and its scan, which tells
 * a reader of kind R what the span holds. Texts it tells are views into the part: a reader that
 * keeps one makes it a string of its own (own-string.ts).
 */
export interface FastSpan<R> {
  /** The elements open where the span starts, by local name: the only place it is scanned. */
  within: string;
  locate: (xml: string) => { from: number; to: number } | null;
  /** Tells `reader` the span; false when it holds anything else (what it told then counts for nothing). */
  scan: (xml: string, span: { from: number; to: number }, reader: R) => boolean;
}

/** XML character data as saxes gives it, or null for anything a scan leaves to saxes. */
function plainText(raw: string): string | null {
  if (UNUSUAL_TEXT.test(raw)) return null;
  return raw.includes('&') ? raw.replace(ENTITY, (_, name: string) => ENTITIES[name]!) : raw;
}

// Line ends saxes normalises, characters XML forbids, "]]>", and any entity but the five.
const UNUSUAL_TEXT =
  // eslint-disable-next-line no-control-regex -- the control characters are what it looks for
  /[\r\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|\]\]>|&(?!(?:amp|lt|gt|quot|apos);)/;
const ENTITY = /&(amp|lt|gt|quot|apos);/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

// XML's own white space (JavaScript's \s is wider); CR is left to saxes, which normalises it.
const SPACE = '[ \\t\\n]';
// Attributes in double quotes, values without entities, line ends or characters XML forbids
// (saxes would change or refuse those).
const ATTRIBUTE = String.raw`${SPACE}+[A-Za-z_][\w:.-]*="[^"<&\x00-\x1F\uFFFE\uFFFF]*"`;
const ATTRIBUTE_NAME = new RegExp(String.raw`${SPACE}+([A-Za-z_][\w:.-]*)=`, 'g');

// Whether no attribute of a list is there twice (saxes refuses a tag with one). The lists of a
// sheet's rows are few and repeat thousands of times, so each short one is looked at once.
const LISTS_KEPT = 64;
const LIST_KEPT_CHARS = 256;
const singleOf = new Map<string, boolean>();
// The rows of a sheet mostly repeat the list of the row before: compared, not hashed again.
let lastList = '';
let lastSingle = true;

function noneTwice(list: string): boolean {
  if (list === lastList) return lastSingle;
  let single = singleOf.get(list);
  if (single === undefined) {
    const names = [...list.matchAll(ATTRIBUTE_NAME)].map((m) => m[1]);
    single = new Set(names).size === names.length;
    // Kept as a copy: the match is a view into the whole part.
    if (singleOf.size < LISTS_KEPT && list.length <= LIST_KEPT_CHARS) {
      singleOf.set(ownString(list), single);
    }
  }
  if (list.length <= LIST_KEPT_CHARS) {
    lastList = ownString(list);
    lastSingle = single;
  }
  return single;
}

// --- the rows of a sheet: <row …>, </row>, and cells of one of the shapes below -------------

const SHEET_TOKEN = new RegExp(
  [
    // 1 the row number, when the row has one (first, as every writer puts it), 2 the other
    // attributes (which no reader reads: they are checked, not passed), 3 self-closing
    String.raw`<row(?: r="(\d+)")?((?:(?!${SPACE}+r=)${ATTRIBUTE})*)${SPACE}*(\/?)>`,
    String.raw`(<\/row>)`, // 4
    // 5 address, 6 style, 7 type; 8 a formula, 9 its attributes, 10 its text; 11 a value;
    // 12 an inline string
    String.raw`<c r="([A-Z]{1,3}\d+)"(?: s="(\d+)")?(?: t="([A-Za-z]+)")?(?:\/>|>` +
      String.raw`(<f((?:${ATTRIBUTE})*)${SPACE}*(?:\/>|>([^<]*)<\/f>))?` +
      String.raw`(?:<v>([^<]*)<\/v>|<is><t(?: xml:space="preserve")?>([^<]*)<\/t><\/is>)?<\/c>)`,
    `(${SPACE}+)`, // 13
  ].join('|'),
  'y',
);

/** What a sheet's reader is told of its rows: what saxes's events of them would say. */
export interface SheetRows {
  /** A row starts; its r attribute, when it has one. */
  row: (r: string | undefined) => void;
  /** A cell: its address, its s and t attributes, whether it holds a formula, its texts. */
  cell: (cell: ScannedCell) => void;
}

export interface ScannedCell {
  ref: string;
  style: string | undefined;
  type: string | undefined;
  formula: boolean;
  /** The text of its <v>, '' for none. */
  value: string;
  /** The text of its inline string (<is><t>), '' for none. */
  inline: string;
}

export const SHEET_ROWS: FastSpan<SheetRows> = {
  within: 'worksheet sheetData',
  locate(xml) {
    const open = xml.indexOf('<sheetData>');
    if (open === -1) return null;
    const from = open + '<sheetData>'.length;
    const to = xml.indexOf('</sheetData>', from);
    return to === -1 ? null : { from, to };
  },
  scan(xml, { from, to }, rows) {
    let inRow = false;
    SHEET_TOKEN.lastIndex = from;
    while (SHEET_TOKEN.lastIndex < to) {
      const m = SHEET_TOKEN.exec(xml);
      if (m === null) return false;
      if (m[13] !== undefined) continue; // white space between elements: no reader takes it
      if (m[2] !== undefined) {
        if (inRow || !noneTwice(m[2])) return false;
        rows.row(m[1]);
        inRow = m[3] !== '/';
      } else if (m[4] !== undefined) {
        if (!inRow) return false;
        inRow = false;
      } else {
        const cell = inRow ? scannedCell(m) : null;
        if (cell === null) return false;
        rows.cell(cell);
      }
    }
    return !inRow;
  },
};

function scannedCell(m: RegExpExecArray): ScannedCell | null {
  const formula = m[8] !== undefined;
  if (formula && (!noneTwice(m[9]!) || (m[10] !== undefined && plainText(m[10]) === null))) {
    return null;
  }
  const value = m[11] === undefined ? '' : plainText(m[11]);
  const inline = m[12] === undefined ? '' : plainText(m[12]);
  if (value === null || inline === null) return null;
  return { ref: m[5]!, style: m[6], type: m[7], formula, value, inline };
}

// --- the items of the shared strings: <si><t>…</t></si> --------------------------------------

// 1 an item's text, 2 an empty item, 3 white space
const STRING_TOKEN = new RegExp(
  String.raw`<si><t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>|(<si><t\/><\/si>)|(${SPACE}+)`,
  'y',
);

/** What the shared strings' reader is told: each plain item's text, in order. */
export interface SharedItems {
  item: (text: string) => void;
}

/** The content of the root element, <sst …>…</sst>: the head is its start tag, whole. */
export const SHARED_STRINGS: FastSpan<SharedItems> = {
  within: 'sst',
  locate(xml) {
    const root = xml.indexOf('<sst');
    const from = xml.indexOf('>', root) + 1;
    const to = xml.lastIndexOf('</sst>');
    return root === -1 || from === 0 || xml[from - 2] === '/' || to < from ? null : { from, to };
  },
  scan(xml, { from, to }, strings) {
    STRING_TOKEN.lastIndex = from;
    while (STRING_TOKEN.lastIndex < to) {
      const m = STRING_TOKEN.exec(xml);
      if (m === null) return false;
      if (m[3] !== undefined) continue;
      const text = m[1] === undefined ? '' : plainText(m[1]);
      if (text === null) return false;
      strings.item(text);
    }
    return true;
  },
};
