import { createRequire } from 'node:module';
import { a1, quotedSheet } from '../../domain/address.js';
import { wasCut } from '../../domain/cell-limit.js';
import { cellXml, escapeXml } from './cell-xml.js';
import { StyleSheet, type CellStyle } from './xlsx-styles.js';
import { ZipWriter } from './zip-writer.js';

// A streaming writer of the few SpreadsheetML parts a generated workbook needs (the overview):
// sheets with widths, frozen panes, styled cells, merges, conditional formats, page set-up and
// tables. A sheet is described by a function that builds it when its turn comes, and its rows
// are produced one by one while they are deflated, so memory holds the data and one sheet's
// rows at most, never a cell model of the whole workbook (exceljs's in-memory writer held every
// cell as objects: `overview --scale 40` peaked at 364 MB with it, ~185 MB with this writer;
// exceljs's streaming writer cannot write tables).
// Text is always an inline string (cell-xml.ts): data never becomes a formula.
// A sheet's charts are one drawing part per sheet (its frames anchored to cells), each frame
// pointing at a chart part whose XML the caller builds (chart-xml.ts).

export type CellValue = string | number | Date | null;

export interface SheetCell {
  col: number;
  value: CellValue;
  style?: CellStyle;
}

export interface SheetRow {
  row: number;
  cells: SheetCell[];
  /** Points; the default height when absent. */
  height?: number;
}

export interface TablePart {
  /** Workbook-unique name (letters, digits, underscore). */
  name: string;
  /** Header row and first column (1-based), its header texts, and its last row. */
  row: number;
  col: number;
  headers: string[];
  lastRow: number;
  filters: boolean;
}

/** A colour scale over its values, or a fill where a formula holds (for the cell at the top left). */
export type ConditionalRule =
  | {
      type: 'colorScale';
      priority: number;
      points: { at: 'min' | 'max' | number; colour: string }[];
    }
  | { type: 'expression'; priority: number; formula: string; fill: string };

export interface ConditionalFormat {
  ref: string;
  rules: readonly ConditionalRule[];
}

/** A chart on a sheet: its chart part and the cells its frame spans. */
export interface ChartAnchor {
  /** The chart part's XML (a c:chartSpace, chart-xml.ts). */
  xml: string;
  /** The frame's name and description (its alternative text). */
  name: string;
  description: string;
  /** The cell of the frame's top-left corner and the cell its bottom-right corner touches (1-based). */
  from: { col: number; row: number };
  to: { col: number; row: number };
}

export interface SheetPart {
  name: string;
  state?: 'visible' | 'veryHidden';
  /** Column widths from column 1 on (characters). */
  widths: readonly number[];
  /** Rows and columns that stay in view. */
  frozen?: { rows: number; cols: number };
  /** The zoom it opens at, in percent (100 when not given). */
  zoom?: number;
  /**
   * A4 landscape; `onePage` on one page, else row `titleRow` repeats on every page and
   * `fitWidth` makes it one page wide (for sheets that stay readable that small); a sheet not
   * fitted prints at `scale` percent, on pages side by side.
   */
  print?: { onePage: boolean; titleRow: number; fitWidth: boolean; scale: number };
  /** Rows in ascending order. */
  rows: Iterable<SheetRow>;
  merges: readonly string[];
  conditional: readonly ConditionalFormat[];
  tables: readonly TablePart[];
  /** Charts drawn over the sheet. */
  charts?: readonly ChartAnchor[];
}

export interface WorkbookParts {
  creator: string;
  /** The document's date, in its properties (zip entries carry a fixed date: same bytes). */
  date: Date;
  /** Each sheet built when it is written, so only one sheet's rows live at a time. */
  sheets: readonly (() => SheetPart)[];
}

export interface CutCell {
  sheet: string;
  /** A1 address. */
  cell: string;
}

export interface WrittenWorkbook {
  bytes: Buffer;
  /** Cells whose text was cut to Excel's limit (cell-limit.ts), so the caller can say so. */
  cut: CutCell[];
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const DML = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** The Office theme exceljs writes: the table style's colours come from it. */
const THEME = createRequire(import.meta.url)('exceljs/lib/xlsx/xml/theme1.js') as string;

export async function writeWorkbook(parts: WorkbookParts): Promise<WrittenWorkbook> {
  const zip = new ZipWriter();
  const styles = new StyleSheet();
  const cut: CutCell[] = [];
  const sheets: { name: string; state: string; titleRow: number | null }[] = [];
  const count = { tables: 0, drawings: 0, charts: 0 };
  for (const [i, build] of parts.sheets.entries()) {
    const sheet = build();
    const firstTable = count.tables + 1;
    count.tables += sheet.tables.length;
    const charts = sheet.charts ?? [];
    // The drawing's relationship comes after the tables'.
    const drawing =
      charts.length > 0 ? { id: ++count.drawings, rId: sheet.tables.length + 1 } : null;
    await zip.add(
      `xl/worksheets/sheet${i + 1}.xml`,
      sheetXml(sheet, drawing?.rId ?? null, styles, cut, i === 0),
    );
    if (sheet.tables.length > 0 || drawing) {
      await zip.add(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, [
        sheetRels(sheet, firstTable, drawing?.id ?? null),
      ]);
    }
    for (const [j, table] of sheet.tables.entries()) {
      await zip.add(`xl/tables/table${firstTable + j}.xml`, [tableXml(table, firstTable + j)]);
    }
    if (drawing) {
      const firstChart = count.charts + 1;
      count.charts += charts.length;
      await zip.add(`xl/drawings/drawing${drawing.id}.xml`, [drawingXml(charts)]);
      await zip.add(`xl/drawings/_rels/drawing${drawing.id}.xml.rels`, [
        drawingRels(charts.length, firstChart),
      ]);
      for (const [j, chart] of charts.entries()) {
        await zip.add(`xl/charts/chart${firstChart + j}.xml`, [chart.xml]);
      }
    }
    const titleRow = sheet.print && !sheet.print.onePage ? sheet.print.titleRow : null;
    sheets.push({ name: sheet.name, state: sheet.state ?? 'visible', titleRow });
  }
  await zip.add('xl/styles.xml', [styles.xml()]);
  await zip.add('xl/theme/theme1.xml', [THEME]);
  await zip.add('xl/workbook.xml', [workbookXml(sheets)]);
  await zip.add('xl/_rels/workbook.xml.rels', [workbookRels(sheets.length)]);
  await zip.add('[Content_Types].xml', [contentTypes(sheets.length, count)]);
  await zip.add('_rels/.rels', [ROOT_RELS]);
  await zip.add('docProps/core.xml', [coreXml(parts)]);
  await zip.add('docProps/app.xml', [appXml(sheets.map((s) => s.name))]);
  return { bytes: await zip.finish(), cut };
}

// --- a sheet -------------------------------------------------------------------------------------

function* sheetXml(
  s: SheetPart,
  drawingRId: number | null,
  styles: StyleSheet,
  cut: CutCell[],
  /** The sheet the workbook opens on (the first). */
  selected: boolean,
): Generator<string> {
  yield `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`;
  const fit = s.print !== undefined && (s.print.onePage || s.print.fitWidth);
  if (fit) yield '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  if (s.frozen) yield sheetViews(s.frozen, s.zoom, selected);
  yield '<sheetFormatPr defaultRowHeight="15"/>';
  if (s.widths.length > 0) {
    yield '<cols>';
    for (const [i, w] of s.widths.entries()) {
      yield `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`;
    }
    yield '</cols>';
  }
  yield '<sheetData>';
  for (const row of s.rows) yield rowXml(row, s.name, styles, cut);
  yield '</sheetData>';
  if (s.merges.length > 0) {
    yield `<mergeCells count="${s.merges.length}">`;
    for (const ref of s.merges) yield `<mergeCell ref="${ref}"/>`;
    yield '</mergeCells>';
  }
  for (const cf of s.conditional) {
    yield `<conditionalFormatting sqref="${cf.ref}">`;
    for (const rule of cf.rules) yield ruleXml(rule, styles);
    yield '</conditionalFormatting>';
  }
  yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (s.print) {
    const high = s.print.onePage ? 1 : 0;
    const scale = fit ? ` fitToWidth="1" fitToHeight="${high}"` : ` scale="${s.print.scale}"`;
    yield `<pageSetup paperSize="9" orientation="landscape"${scale}/>`;
  }
  // CT_Worksheet's order: the drawing after the page set-up, before the table parts.
  if (drawingRId !== null) yield `<drawing r:id="rId${drawingRId}"/>`;
  if (s.tables.length > 0) {
    yield `<tableParts count="${s.tables.length}">`;
    for (const [j] of s.tables.entries()) yield `<tablePart r:id="rId${j + 1}"/>`;
    yield '</tableParts>';
  }
  yield '</worksheet>';
}

function ruleXml(rule: ConditionalRule, styles: StyleSheet): string {
  if (rule.type === 'expression') {
    return (
      `<cfRule type="expression" dxfId="${styles.dxf(rule.fill)}" priority="${rule.priority}">` +
      `<formula>${escapeXml(rule.formula)}</formula></cfRule>`
    );
  }
  const cfvo = rule.points.map((p) =>
    typeof p.at === 'number' ? `<cfvo type="num" val="${p.at}"/>` : `<cfvo type="${p.at}"/>`,
  );
  const colours = rule.points.map((p) => `<color rgb="${p.colour}"/>`);
  return (
    `<cfRule type="colorScale" priority="${rule.priority}">` +
    `<colorScale>${cfvo.join('')}${colours.join('')}</colorScale></cfRule>`
  );
}

function sheetViews(
  { rows, cols }: { rows: number; cols: number },
  zoom: number | undefined,
  selected: boolean,
): string {
  const topLeft = a1(cols + 1, rows + 1);
  const pane = cols > 0 ? (rows > 0 ? 'bottomRight' : 'topRight') : 'bottomLeft';
  const split = `${cols > 0 ? ` xSplit="${cols}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
  return (
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''}` +
    `${zoom === undefined ? '' : ` zoomScale="${zoom}" zoomScaleNormal="${zoom}"`}` +
    ` workbookViewId="0">` +
    `<pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    `</sheetView></sheetViews>`
  );
}

function rowXml(row: SheetRow, sheet: string, styles: StyleSheet, cut: CutCell[]): string {
  const height = row.height === undefined ? '' : ` ht="${row.height}" customHeight="1"`;
  let xml = `<row r="${row.row}"${height}>`;
  for (const c of row.cells) {
    if (typeof c.value === 'string' && wasCut(c.value)) {
      cut.push({ sheet, cell: a1(c.col, row.row) });
    }
    const style = c.style === undefined ? null : styles.xf(c.style);
    xml += cellXml(row.row, c.col, c.value, { style, date1904: false, prefix: '' });
  }
  return `${xml}</row>`;
}

function sheetRels(s: SheetPart, firstTable: number, drawing: number | null): string {
  const rels = s.tables.map(
    (_, j) =>
      `<Relationship Id="rId${j + 1}" Type="${REL}/table" Target="../tables/table${firstTable + j}.xml"/>`,
  );
  if (drawing !== null) {
    rels.push(
      `<Relationship Id="rId${s.tables.length + 1}" Type="${REL}/drawing" ` +
        `Target="../drawings/drawing${drawing}.xml"/>`,
    );
  }
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`;
}

// --- a sheet's drawing: one frame per chart, anchored to cells ---------------------------------

function drawingXml(charts: readonly ChartAnchor[]): string {
  // DrawingML counts columns and rows from 0.
  const marker = (tag: string, at: { col: number; row: number }) =>
    `<xdr:${tag}><xdr:col>${at.col - 1}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${at.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const frames = charts.map(
    (c, j) =>
      `<xdr:twoCellAnchor editAs="oneCell">${marker('from', c.from)}${marker('to', c.to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>` +
      `<xdr:cNvPr id="${j + 2}" name="${escapeXml(c.name)}" descr="${escapeXml(c.description)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${CHART}">` +
      `<c:chart xmlns:c="${CHART}" r:id="rId${j + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
  );
  return (
    `${XML_HEAD}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${DML}" xmlns:r="${REL}">` +
    `${frames.join('')}</xdr:wsDr>`
  );
}

function drawingRels(charts: number, firstChart: number): string {
  const rels = Array.from(
    { length: charts },
    (_, j) =>
      `<Relationship Id="rId${j + 1}" Type="${REL}/chart" Target="../charts/chart${firstChart + j}.xml"/>`,
  );
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`;
}

function tableXml(t: TablePart, id: number): string {
  const ref = `${a1(t.col, t.row)}:${a1(t.col + t.headers.length - 1, t.lastRow)}`;
  const columns = t.headers.map(
    (h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(tableColumnName(h))}"/>`,
  );
  const filter = t.filters ? `<autoFilter ref="${ref}"/>` : '';
  return (
    `${XML_HEAD}<table xmlns="${MAIN}" id="${id}" name="${t.name}" displayName="${t.name}" ` +
    `ref="${ref}" headerRowCount="1" totalsRowShown="0">${filter}` +
    `<tableColumns count="${t.headers.length}">${columns.join('')}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" ` +
    `showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** A header as a table column's name: line breaks as Excel writes them (_x000a_). */
function tableColumnName(header: string): string {
  return header.replace(/\r?\n/g, '_x000a_');
}

// --- the workbook's own parts --------------------------------------------------------------------

function workbookXml(sheets: { name: string; state: string; titleRow: number | null }[]): string {
  const list = sheets.map(
    (s, i) =>
      `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"` +
      `${s.state === 'visible' ? '' : ` state="${s.state}"`} r:id="rId${i + 1}"/>`,
  );
  // The header row printed on every page; the sheet name quoted with its apostrophes doubled.
  const titles = sheets.flatMap((s, i) =>
    s.titleRow === null
      ? []
      : [
          `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">` +
            `${escapeXml(quotedSheet(s.name))}!$${s.titleRow}:$${s.titleRow}` +
            `</definedName>`,
        ],
  );
  const defined = titles.length > 0 ? `<definedNames>${titles.join('')}</definedNames>` : '';
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/>` +
    `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${list.join('')}</sheets>${defined}` +
    `<calcPr calcId="171027"/></workbook>`
  );
}

function workbookRels(sheets: number): string {
  const rels = Array.from(
    { length: sheets },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(
    `<Relationship Id="rId${sheets + 1}" Type="${REL}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rId${sheets + 2}" Type="${REL}/theme" Target="theme/theme1.xml"/>`,
  );
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`;
}

function contentTypes(
  sheets: number,
  count: { tables: number; drawings: number; charts: number },
): string {
  const override = (part: string, type: string) =>
    `<Override PartName="${part}" ContentType="${type}"/>`;
  const each = (n: number, part: (i: number) => string, type: string) =>
    Array.from({ length: n }, (_, i) => override(part(i + 1), type)).join('');
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    override('/xl/workbook.xml', `${CT}.sheet.main+xml`) +
    each(sheets, (i) => `/xl/worksheets/sheet${i}.xml`, `${CT}.worksheet+xml`) +
    each(count.tables, (i) => `/xl/tables/table${i}.xml`, `${CT}.table+xml`) +
    each(count.drawings, (i) => `/xl/drawings/drawing${i}.xml`, CT_DRAWING) +
    each(count.charts, (i) => `/xl/charts/chart${i}.xml`, CT_CHART) +
    override('/xl/styles.xml', `${CT}.styles+xml`) +
    override('/xl/theme/theme1.xml', 'application/vnd.openxmlformats-officedocument.theme+xml') +
    override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override(
      '/docProps/app.xml',
      'application/vnd.openxmlformats-officedocument.extended-properties+xml',
    ) +
    `</Types>`
  );
}

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
  `</Relationships>`;

function coreXml(parts: WorkbookParts): string {
  const date = `${parts.date.toISOString().slice(0, 19)}Z`;
  const creator = escapeXml(parts.creator);
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`
  );
}

function appXml(names: string[]): string {
  const titles = names.map((n) => `<vt:lpstr>${escapeXml(n)}</vt:lpstr>`).join('');
  return (
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="2" baseType="variant">` +
    `<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${names.length}</vt:i4>` +
    `</vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${names.length}" ` +
    `baseType="lpstr">${titles}</vt:vector></TitlesOfParts></Properties>`
  );
}
