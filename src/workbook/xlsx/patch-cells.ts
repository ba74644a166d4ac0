import JSZip from 'jszip';
import { DateStyles } from './date-styles.js';
import { patchSheet, type CellEdit } from './sheet-patch.js';
import { extendRange, mapAttribute, type Appended } from './xml-ranges.js';
import { parseRelationships, parseWorkbook, type SheetEntry } from './xml-parts.js';

// Writes cells into an existing .xlsx instead of rebuilding it: only the <c> elements set (and
// the rows appended) change in those sheets' XML; every other part (the coordinator's own sheets,
// notes, links, formats, formulas, the shared strings) is copied as it was, compressed bytes and
// all, in the same order. Beyond the sheets, a package part changes only when it must:
// - a table or the filter's defined name ending at the last data row grows with appended rows;
// - styles.xml gains a date style when a date lands in a cell whose style shows none;
// - workbook.xml asks for a full recalculation on opening when the package has formulas, since
//   which formulas depend on a patched cell (names, INDIRECT, structured references) cannot be
//   told without a calculation engine, and stale results would mislead more than a recalculation
//   costs;
// - the calculation chain is dropped when a formula cell was overwritten by a value (Excel
//   rebuilds it; a chain naming a cell without a formula makes Excel repair the file).
// The input has passed the file gate (safe-open.ts) when it was read.

export interface SheetCells {
  /** The sheet's name as the workbook lists it. */
  sheet: string;
  cells: readonly CellEdit[];
}

export type { CellEdit };

const WORKBOOK = 'xl/workbook.xml';
const STYLES = 'xl/styles.xml';
const CALC_CHAIN = 'xl/calcChain.xml';
const FORMULA = /<(?:[\w.-]+:)?f\b/;

export async function patchCells(
  bytes: Buffer,
  sheets: readonly SheetCells[],
  headerRows = 1,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const rels = parseRelationships(await partBuffer(zip, 'xl/_rels/workbook.xml.rels'), 'xl');
  const original = await part(zip, WORKBOOK);
  let workbook = original;
  const info = parseWorkbook(Buffer.from(workbook, 'utf8'), rels);
  const styles = new DateStyles(await part(zip, STYLES));
  let formulaReplaced = false;

  for (const { sheet, cells } of sheets) {
    if (cells.length === 0) continue;
    const index = info.sheets.findIndex((s) => s.name === sheet);
    const entry = info.sheets[index];
    if (entry === undefined) throw new Error(`no sheet named ${sheet} in the workbook`);
    const patched = patchSheet(await part(zip, entry.part), cells, {
      date1904: info.date1904,
      headerRows,
      dateStyle: (s, withTime) => styles.styleFor(s, withTime),
    });
    put(zip, entry.part, patched.xml);
    formulaReplaced ||= patched.formulaReplaced;
    if (patched.rows.after > patched.rows.before) {
      await extendTables(zip, entry, patched.rows);
      workbook = extendFilterName(workbook, index, patched.rows);
    }
  }
  const stylesXml = styles.result();
  if (stylesXml !== null) put(zip, STYLES, stylesXml);
  if (await hasFormulas(zip, info.sheets)) workbook = withFullCalcOnLoad(workbook);
  if (workbook !== original) put(zip, WORKBOOK, workbook);
  if (formulaReplaced) await dropCalcChain(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * Replaces a part; no folder entries are added (Office packages have none). Handed over as UTF-8
 * bytes: JSZip encodes a string in pieces of 16 k code units, each on its own, so a character
 * beyond the BMP that straddles two pieces was written as two U+FFFD (Stuk/jszip#963, open).
 */
function put(zip: JSZip, name: string, xml: string): void {
  zip.file(name, Buffer.from(xml, 'utf8'), { createFolders: false });
}

async function partBuffer(zip: JSZip, name: string): Promise<Buffer | undefined> {
  return zip.file(name)?.async('nodebuffer');
}

async function part(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (file === null) throw new Error(`the package has no ${name}`);
  return file.async('string');
}

/** Tables of the sheet (its relationships) whose range ended at the last data row. */
async function extendTables(zip: JSZip, entry: SheetEntry, rows: Appended): Promise<void> {
  const slash = entry.part.lastIndexOf('/');
  const folder = entry.part.slice(0, slash);
  const relsName = `${folder}/_rels/${entry.part.slice(slash + 1)}.rels`;
  const rels = parseRelationships(await partBuffer(zip, relsName), folder);
  for (const { part: table, type } of rels.values()) {
    if (type !== 'table') continue;
    const xml = await part(zip, table);
    let out = mapAttribute(xml, 'table', 'ref', (v) => extendRange(v, rows));
    out = mapAttribute(out, 'autoFilter', 'ref', (v) => extendRange(v, rows));
    if (out !== xml) put(zip, table, out);
  }
}

/** The hidden name that holds the sheet's filter range (_xlnm._FilterDatabase), grown with it. */
function extendFilterName(workbook: string, sheetIndex: number, rows: Appended): string {
  const name = new RegExp(
    `(<(?:[\\w.-]+:)?definedName\\b(?=[^>]*\\sname="_xlnm\\._FilterDatabase")(?=[^>]*\\slocalSheetId="${sheetIndex}")[^>]*>)([^<]*)`,
    'g',
  );
  return workbook.replace(name, (_, open: string, ref: string) => {
    const bang = ref.lastIndexOf('!');
    return `${open}${ref.slice(0, bang + 1)}${extendRange(ref.slice(bang + 1), rows)}`;
  });
}

async function hasFormulas(zip: JSZip, sheets: readonly SheetEntry[]): Promise<boolean> {
  for (const s of sheets) {
    const file = zip.file(s.part);
    if (file && FORMULA.test(await file.async('string'))) return true;
  }
  return false;
}

/** workbook.xml asking the opening program to recalculate every formula. */
function withFullCalcOnLoad(workbook: string): string {
  if (/<(?:[\w.-]+:)?calcPr\b/.test(workbook)) {
    return workbook.replace(/<((?:[\w.-]+:)?)calcPr\b([^>]*?)(\/?)>/, (_, p, attrs, end) => {
      const rest = (attrs as string).replace(/\sfullCalcOnLoad=(["'])[^"']*\1/, '');
      return `<${p}calcPr${rest} fullCalcOnLoad="1"${end}>`;
    });
  }
  // calcPr comes after these in CT_Workbook; each is optional, sheets is not.
  const after = /<\/(?:[\w.-]+:)?(?:definedNames|externalReferences|functionGroups|sheets)>/g;
  const last = [...workbook.matchAll(after)].at(-1);
  if (last === undefined) throw new Error('workbook.xml without sheets');
  const prefix = /<\/([\w.-]+:)?/.exec(last[0])?.[1] ?? '';
  const at = last.index + last[0].length;
  return `${workbook.slice(0, at)}<${prefix}calcPr fullCalcOnLoad="1"/>${workbook.slice(at)}`;
}

/** Removes the calculation chain, its relationship and its content type. */
async function dropCalcChain(zip: JSZip): Promise<void> {
  if (zip.file(CALC_CHAIN) === null) return;
  zip.remove(CALC_CHAIN);
  const relsName = 'xl/_rels/workbook.xml.rels';
  const rels = await part(zip, relsName);
  put(zip, relsName, rels.replace(/<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/, ''));
  const types = await part(zip, '[Content_Types].xml');
  put(
    zip,
    '[Content_Types].xml',
    types.replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, ''),
  );
}
