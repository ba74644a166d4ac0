import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { isDateFormat } from '../../domain/normalise.js';
import { fromXstring } from './cell-xml.js';
import { ownString } from './own-string.js';
import {
  SHARED_STRINGS,
  type FastSpan,
  type SharedItems,
  type XmlEvents,
} from './xml-span-scan.js';

// The small parts of an .xlsx that say how to read its sheets: the workbook (sheet names, states,
// the 1904 date system), its relationships (which file holds which sheet), the shared strings
// and the styles (which cells are dates). Each is parsed with one SAX pass.

export interface SheetEntry {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The part that holds the sheet, e.g. 'xl/worksheets/sheet1.xml'. */
  part: string;
}

export interface WorkbookInfo {
  date1904: boolean;
  sheets: SheetEntry[];
}

/** Runs a SAX parse over an XML part, calling `open` and `close` with local element names. */
export function parseXml(
  xml: Buffer | string,
  open: XmlEvents['open'],
  close: XmlEvents['close'] = () => {},
  text: XmlEvents['text'] = () => {},
): void {
  saxFor({ open, close, text })
    .write(typeof xml === 'string' ? xml : xml.toString('utf8'))
    .close();
}

/** A reader of one part: the events it takes, and what it made of them. */
export interface PartReader<T> extends XmlEvents {
  result: () => T;
}

/**
 * Reads a part with a fresh reader from `newReader`: saxes parses it, except the span `fast`
 * scans when the span is in the shape it knows; otherwise a second reader takes the whole part
 * from saxes. The start tags before the span and the end tags after it go through the same
 * saxes parser, so the part is checked as a whole either way.
 */
export function readXml<T, R>(
  xml: string,
  newReader: () => PartReader<T> & R,
  fast: FastSpan<R>,
): T {
  const reader = newReader();
  let fastRead: boolean;
  try {
    fastRead = readFast(xml, reader, fast);
  } finally {
    forgetLastSubject();
  }
  if (fastRead) return reader.result();
  const whole = newReader();
  saxFor(whole).write(xml).close();
  return whole.result();
}

function readFast<R>(xml: string, reader: XmlEvents & R, fast: FastSpan<R>): boolean {
  const span = fast.locate(xml);
  if (span === null) return false;
  const head = xml.slice(0, span.from);
  const declaration = DECLARATION.exec(head)?.[0] ?? '';
  // A span start inside a comment, CDATA or processing instruction would not be one; XML 1.1
  // reads some characters otherwise.
  if (HIDING.test(head.slice(declaration.length))) return false;
  if (declaration !== '' && !XML_1_0.test(declaration)) return false;
  const open: string[] = [];
  const parser = saxFor(reader, open);
  parser.write(head);
  // Only where writers put the span: inside another element, a reader would be told its rows or
  // items amid that element's events, in an order a scan does not keep.
  if (open.map(localName).join(' ') !== fast.within) return false;
  if (!fast.scan(xml, span, reader)) return false;
  return readTail(parser, xml.slice(span.to), open, reader);
}

// Files made from one template end their sheets alike, word for word (data validations with
// their prompts, protection, page set-up: 12 of the 50 MB of sheet XML of the example at
// --scale 40), so a tail is parsed once after a given set of open elements; later ones replay
// its events. Only a tail saxes took whole is kept, a few and small ones, the oldest dropped.
type TailEvent =
  { open: string; attrs: Record<string, string> } | { close: string } | { text: string };
const TAILS_KEPT = 16;
const TAIL_KEPT_CHARS = 64 * 1024;
const tailsRead = new Map<string, readonly TailEvent[]>();

function readTail(parser: SaxesParser, tail: string, open: string[], reader: XmlEvents): boolean {
  const key = `${open.join(' ')}\n${tail}`;
  const known = tailsRead.get(key);
  if (known !== undefined) {
    for (const e of known) {
      if ('open' in e) reader.open(e.open, e.attrs);
      else if ('close' in e) reader.close(e.close);
      else reader.text(e.text);
    }
    return true;
  }
  const recorded: TailEvent[] = [];
  tellSax(parser, recording(reader, recorded));
  try {
    parser.write(tail).close();
  } catch {
    return false; // saxes alone says what is wrong, and where in the whole part
  }
  if (tail.length <= TAIL_KEPT_CHARS) {
    tailsRead.set(ownString(key), recorded);
    if (tailsRead.size > TAILS_KEPT) tailsRead.delete(tailsRead.keys().next().value!);
  }
  return true;
}

/** `reader`'s events, each also kept in `recorded` as strings of their own (they outlive the part). */
function recording(reader: XmlEvents, recorded: TailEvent[]): XmlEvents {
  return {
    open(name, attrs) {
      const own = Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, ownString(v)]));
      recorded.push({ open: ownString(name), attrs: own });
      reader.open(name, attrs);
    },
    close(name) {
      recorded.push({ close: ownString(name) });
      reader.close(name);
    },
    text(t) {
      recorded.push({ text: t });
      reader.text(t);
    },
  };
}

// V8 keeps the last string a regular expression ran over (RegExp.input, for the legacy $_): a
// scanned part would live on until the next match, 10 MB for a large shared-strings part.
const forgetLastSubject = () => EMPTY.exec('');
const EMPTY = /$/;

const DECLARATION = /^\uFEFF?<\?xml\b[^?]*\?>/;
const XML_1_0 = /\bversion\s*=\s*(["'])1\.0\1/;
const HIDING = /<[!?]/;

/** A saxes parser telling `events`; `open`, when given, follows the elements open (as named). */
function saxFor(events: XmlEvents, open?: string[]): SaxesParser {
  const parser = new SaxesParser();
  tellSax(parser, events, open);
  return parser;
}

/** Sets (or changes) whom a parser tells: element names without prefix, texts of their own. */
function tellSax(parser: SaxesParser, events: XmlEvents, open?: string[]): void {
  parser.on('opentag', (tag: SaxesTagPlain) => {
    open?.push(tag.name);
    events.open(localName(tag.name), tag.attributes);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    open?.pop();
    events.close(localName(tag.name));
  });
  parser.on('text', (t: string) => events.text(ownString(t)));
  parser.on('cdata', (t: string) => events.text(ownString(t)));
}

/** Element names without their namespace prefix (Excel writes none; other programs write x:). */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

export interface Relationship {
  /** The part it points at, resolved to a path in the zip. */
  part: string;
  /** The last segment of its type: 'worksheet', 'sharedStrings', 'styles', … */
  type: string;
}

/** Relationship id → target, resolved against the folder of the part that owns them. */
export function parseRelationships(
  xml: Buffer | undefined,
  base: string,
): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  if (!xml) return rels;
  parseXml(xml, (name, a) => {
    if (name !== 'Relationship' || !a.Id || !a.Target) return;
    const type = (a.Type ?? '').slice((a.Type ?? '').lastIndexOf('/') + 1);
    rels.set(a.Id, { part: resolvePart(base, a.Target), type });
  });
  return rels;
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').filter(Boolean);
  for (const step of target.split('/')) {
    if (step === '..') parts.pop();
    else if (step !== '.') parts.push(step);
  }
  return parts.join('/');
}

export function parseWorkbook(xml: Buffer, rels: Map<string, Relationship>): WorkbookInfo {
  const info: WorkbookInfo = { date1904: false, sheets: [] };
  parseXml(xml, (name, a) => {
    if (name === 'workbookPr') info.date1904 = a.date1904 === '1' || a.date1904 === 'true';
    if (name !== 'sheet') return;
    const id = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
    const part = rels.get(id)?.part;
    if (part === undefined || a.name === undefined) return;
    const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
    info.sheets.push({ name: a.name, state, part });
  });
  return info;
}

/** The shared strings in order; rich text runs are joined, phonetic guides (rPh) left out. */
export function parseSharedStrings(xml: Buffer | undefined): string[] {
  return xml ? readXml(xml.toString('utf8'), sharedStringsReader, SHARED_STRINGS) : [];
}

function sharedStringsReader(): PartReader<string[]> & SharedItems {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  return {
    item: (t) => strings.push(fromXstring(ownString(t))),
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = phonetic === 0;
    },
    close(name) {
      if (name === 'si') {
        strings.push(fromXstring(current ?? ''));
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(t) {
      if (inText && current !== null) current += t;
    },
    result: () => strings,
  };
}

// Built-in number formats that show dates or times (ECMA-376 §18.8.30, and the CJK date ids).
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

// Files made from one template share its styles part word for word: each is parsed once. A few
// are kept, the oldest dropped first, so a drive of files from many programs holds no more; a
// large one (a template's is a few kB) is not kept at all.
const STYLES_KEPT = 8;
const STYLES_KEPT_CHARS = 256 * 1024;
const dateStylesOf = new Map<string, readonly boolean[]>();

/** For every cell style (the s attribute of a cell), whether it shows a date. */
export function parseDateStyles(xml: Buffer | string | undefined): readonly boolean[] {
  if (xml === undefined) return [];
  const text = typeof xml === 'string' ? xml : xml.toString('utf8');
  let styles = dateStylesOf.get(text);
  if (styles === undefined) {
    styles = dateStyles(text);
    if (text.length > STYLES_KEPT_CHARS) return styles;
    dateStylesOf.set(text, styles);
    if (dateStylesOf.size > STYLES_KEPT) dateStylesOf.delete(dateStylesOf.keys().next().value!);
  }
  return styles;
}

function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  parseXml(
    xml,
    (name, a) => {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        styles.push(custom.has(id) ? isDateFormat(custom.get(id)!) : BUILTIN_DATE_FORMATS.has(id));
      }
    },
    (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  );
  return styles;
}
