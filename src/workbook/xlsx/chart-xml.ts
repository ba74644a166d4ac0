import { escapeXml, xstring } from './cell-xml.js';

// A bar chart as a DrawingML chart part (c:chartSpace), built as a string. Its series name the
// cells they show by formula ('Grafieken'!$B$4:$B$13) and carry those cells' values as a cache,
// so Excel and LibreOffice draw the chart without recalculating. Horizontal bars, categories top
// to bottom in the table's order, each bar labelled with its value.

export interface ChartSeries {
  /** The header cell naming the series, and its text. */
  nameRef: string;
  name: string;
  /** The cells of its values, and the values (null: an empty cell, no bar). */
  valuesRef: string;
  values: readonly (number | null)[];
  /** RRGGBB, of the bars and of the text of their labels (ink when absent). */
  colour: string;
  labelColour?: string;
}

export interface BarChart {
  title: string;
  /** The cells of the category names, and the names. */
  categoriesRef: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** Series stacked into one bar per category, or side by side. */
  stacked: boolean;
  valueAxisTitle: string;
}

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CAT_AX = 500000001;
const VAL_AX = 500000002;
const INK = '1A1A1A';
const GRID = 'D9D9D9';

export function barChartXml(chart: BarChart): string {
  const grouping = chart.stacked ? 'stacked' : 'clustered';
  // Stacked bars lie on one another; side by side ones touch.
  const overlap = chart.stacked ? 100 : 0;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}">` +
    `<c:lang val="nl-BE"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title, 1400)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="${grouping}"/><c:varyColors val="0"/>` +
    chart.series.map((s, i) => seriesXml(s, i, chart)).join('') +
    `<c:gapWidth val="60"/><c:overlap val="${overlap}"/>` +
    `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
    categoryAxis() +
    valueAxis(chart.valueAxisTitle) +
    `</c:plotArea>` +
    (chart.series.length > 1
      ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>`
      : '') +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${runProps('defRPr', 1000, false)}</a:pPr>` +
    `<a:endParaRPr lang="nl-BE"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

function seriesXml(s: ChartSeries, i: number, chart: BarChart): string {
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:strRef><c:f>${escapeXml(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
    `<c:spPr>${solid(s.colour)}</c:spPr><c:invertIfNegative val="0"/>` +
    `<c:dLbls>${labelFormat(chart.stacked)}<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>` +
    `<a:defRPr sz="900" b="0">${solid(s.labelColour ?? INK)}</a:defRPr></a:pPr>` +
    `<a:endParaRPr lang="nl-BE"/></a:p></c:txPr>` +
    `<c:dLblPos val="${chart.stacked ? 'ctr' : 'outEnd'}"/>` +
    `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>` +
    `<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat><c:strRef><c:f>${escapeXml(chart.categoriesRef)}</c:f>` +
    `${strCache(chart.categories)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(s.valuesRef)}</c:f>${numCache(s)}</c:numRef></c:val>` +
    `</c:ser>`
  );
}

/**
 * Side by side, a label reads as its cell does; stacked, a part of 0 has no label (the format's
 * third section, for zero, is empty).
 */
function labelFormat(stacked: boolean): string {
  return stacked
    ? `<c:numFmt formatCode="0;-0;;" sourceLinked="0"/>`
    : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
}

function strCache(texts: readonly string[]): string {
  const points = texts.map((text, i) => `<c:pt idx="${i}"><c:v>${xstring(text)}</c:v></c:pt>`);
  return `<c:strCache><c:ptCount val="${texts.length}"/>${points.join('')}</c:strCache>`;
}

/** The values as cached: an empty cell has no point. */
function numCache(s: ChartSeries): string {
  const points = s.values.flatMap((v, i) =>
    v === null ? [] : [`<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`],
  );
  return (
    `<c:numCache><c:formatCode>General</c:formatCode>` +
    `<c:ptCount val="${s.values.length}"/>${points.join('')}</c:numCache>`
  );
}

/** The categories down the left, in the table's order from the top. */
function categoryAxis(): string {
  return (
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="maxMin"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr><a:ln w="9525">${solid(INK)}</a:ln></c:spPr>` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

/** Whole counts along the bottom (it crosses the reversed categories at their last one). */
function valueAxis(axisTitle: string): string {
  return (
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/>` +
    `</c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="9525">${solid(GRID)}</a:ln></c:spPr></c:majorGridlines>` +
    `${title(axisTitle, 1000)}<c:numFmt formatCode="0" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="max"/><c:crossBetween val="between"/>` +
    `</c:valAx>`
  );
}

function title(text: string, size: number): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${runProps('defRPr', size, true)}` +
    `</a:pPr><a:r>${runProps('rPr', size, true)}<a:t>${xstring(text)}</a:t></a:r></a:p>` +
    `</c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

function runProps(tag: 'defRPr' | 'rPr', size: number, bold: boolean): string {
  const lang = tag === 'rPr' ? ' lang="nl-BE"' : '';
  return `<a:${tag}${lang} sz="${size}" b="${bold ? 1 : 0}">${solid(INK)}</a:${tag}>`;
}

const solid = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;
