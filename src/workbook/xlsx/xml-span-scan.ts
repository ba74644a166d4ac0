import { ownString } from './own-string.js';

// Scans of the two spans that hold nearly all of a workbook's XML, the rows of a sheet and the
// items of the shared strings, in the exact shape Excel, LibreOffice and exceljs write them. A
// scan gives the same events saxes would and refuses everything else (a comment, CDATA, a
// prefix, single quotes, an unknown entity, rich text, an attribute out of order, ...), and
// then the whole part goes to saxes: saxes stays the parser, the scan only its fast path. SAX
// spent ~1.8 s of `validate --scale 40` on these spans, the scans ~0.45 s (CPU profiles).

/** What a SAX parse of a part tells its reader: element names without prefix. */
export interface XmlEvents {
  open: (name: string, attrs: Record<string, string>) => void;
  close: (name: string) => void;
  text: (t: string) => void;
}

/** Where a part's span lies (start tags before it, end tags after it), and its scan. */
export interface FastSpan {
  locate: (xml: string) => { from: number; to: number } | null;
  /** Events for the span; false when it holds anything else (its events then count for nothing). */
  scan: (xml: string, span: { from: number; to: number }, events: XmlEvents) => boolean;
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

function noneTwice(list: string): boolean {
  if (list === '') return true;
  let single = singleOf.get(list);
  if (single === undefined) {
    const names = [...list.matchAll(ATTRIBUTE_NAME)].map((m) => m[1]);
    single = new Set(names).size === names.length;
    // Kept as a copy: the match is a view into the whole part.
    if (singleOf.size < LISTS_KEPT && list.length <= LIST_KEPT_CHARS) {
      singleOf.set(ownString(list), single);
    }
  }
  return single;
}

/** Emits a text event as saxes does: none for no text. */
function text(events: XmlEvents, raw: string): boolean {
  const t = plainText(raw);
  if (t === null) return false;
  if (t !== '') events.text(t);
  return true;
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

export const SHEET_ROWS: FastSpan = {
  locate(xml) {
    const open = xml.indexOf('<sheetData>');
    if (open === -1) return null;
    const from = open + '<sheetData>'.length;
    const to = xml.indexOf('</sheetData>', from);
    return to === -1 ? null : { from, to };
  },
  scan(xml, { from, to }, events) {
    let inRow = false;
    SHEET_TOKEN.lastIndex = from;
    while (SHEET_TOKEN.lastIndex < to) {
      const m = SHEET_TOKEN.exec(xml);
      if (m === null) return false;
      if (m[13] !== undefined) {
        events.text(m[13]); // as saxes gives it; no reader takes it between elements
      } else if (m[2] !== undefined) {
        if (inRow || !noneTwice(m[2])) return false;
        events.open('row', m[1] === undefined ? {} : { r: m[1] });
        if (m[3] === '/') events.close('row');
        else inRow = true;
      } else if (m[4] !== undefined) {
        if (!inRow) return false;
        events.close('row');
        inRow = false;
      } else if (!inRow || !cell(m, events)) return false;
    }
    return !inRow;
  },
};

function cell(m: RegExpExecArray, events: XmlEvents): boolean {
  const attrs: Record<string, string> = { r: m[5]! };
  if (m[6] !== undefined) attrs.s = m[6];
  if (m[7] !== undefined) attrs.t = m[7];
  events.open('c', attrs);
  if (m[8] !== undefined) {
    if (!noneTwice(m[9]!)) return false;
    events.open('f', {});
    if (m[10] !== undefined && !text(events, m[10])) return false;
    events.close('f');
  }
  if (m[11] !== undefined) {
    events.open('v', {});
    if (!text(events, m[11])) return false;
    events.close('v');
  } else if (m[12] !== undefined) {
    events.open('is', {});
    events.open('t', {});
    if (!text(events, m[12])) return false;
    events.close('t');
    events.close('is');
  }
  events.close('c');
  return true;
}

// --- the items of the shared strings: <si><t>…</t></si> --------------------------------------

// 1 an item's text, 2 an empty item, 3 white space
const STRING_TOKEN = new RegExp(
  String.raw`<si><t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>|(<si><t\/><\/si>)|(${SPACE}+)`,
  'y',
);

/** The content of the root element, <sst …>…</sst>: the head is its start tag, whole. */
export const SHARED_STRINGS: FastSpan = {
  locate(xml) {
    const root = xml.indexOf('<sst');
    const from = xml.indexOf('>', root) + 1;
    const to = xml.lastIndexOf('</sst>');
    return root === -1 || from === 0 || xml[from - 2] === '/' || to < from ? null : { from, to };
  },
  scan(xml, { from, to }, events) {
    STRING_TOKEN.lastIndex = from;
    while (STRING_TOKEN.lastIndex < to) {
      const m = STRING_TOKEN.exec(xml);
      if (m === null) return false;
      if (m[3] !== undefined) {
        events.text(m[3]);
        continue;
      }
      events.open('si', {});
      events.open('t', {});
      if (m[1] !== undefined && !text(events, m[1])) return false;
      events.close('t');
      events.close('si');
    }
    return true;
  },
};
