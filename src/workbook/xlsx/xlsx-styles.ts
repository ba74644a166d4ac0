import { escapeXml } from './cell-xml.js';

// The styles part of a streamed workbook (xlsx-stream.ts): each distinct cell style gets one
// cell format (xf) as the sheets are written, and styles.xml is written after them with exactly
// the fonts, fills, borders and number formats used. Fonts are Calibri, named, so LibreOffice
// does not fall back to a serif.

export interface CellStyle {
  /** A bold font of this size, in this colour (ARGB) or the default one. */
  bold?: { size: number; argb?: string };
  /** A solid fill (ARGB). */
  fill?: string;
  /** A double line above the cell. */
  doubleTop?: boolean;
  numFmt?: string;
  horizontal?: 'right';
  vertical?: 'top' | 'middle';
  wrap?: boolean;
}

/** Excel's built-in number formats the writers use; others get ids from 164 on. */
const BUILT_IN: Record<string, number> = { General: 0, '0': 1, '#,##0': 3 };
const FIRST_CUSTOM = 164;

export class StyleSheet {
  private readonly fonts = new Index([
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  ]);
  private readonly fills = new Index([
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ]);
  private readonly borders = new Index([
    '<border><left/><right/><top/><bottom/><diagonal/></border>',
  ]);
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Index([
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  ]);
  private readonly dxfs = new Index([]);
  /** Most cells share their column's style object: looked up once per object. */
  private readonly known = new WeakMap<CellStyle, number>();

  /** The index of the cell format for a style. */
  xf(style: CellStyle): number {
    const known = this.known.get(style);
    if (known !== undefined) return known;
    const index = this.xfs.of(this.xfXml(style));
    this.known.set(style, index);
    return index;
  }

  /** The index of a differential format that fills a cell (conditional formatting). */
  dxf(argb: string): number {
    return this.dxfs.of(
      `<dxf><fill><patternFill patternType="solid"><bgColor rgb="${argb}"/></patternFill></fill></dxf>`,
    );
  }

  xml(): string {
    const formats = [...this.formats].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`,
    );
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (formats.length > 0
        ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>`
        : '') +
      this.fonts.xml('fonts') +
      this.fills.xml('fills') +
      this.borders.xml('borders') +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      this.xfs.xml('cellXfs') +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      this.dxfs.xml('dxfs') +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }

  private xfXml(s: CellStyle): string {
    const numFmtId = s.numFmt === undefined ? 0 : this.numFmtId(s.numFmt);
    const fontId = s.bold ? this.fonts.of(fontXml(s.bold)) : 0;
    const fillId = s.fill ? this.fills.of(fillXml(s.fill)) : 0;
    const borderId = s.doubleTop
      ? this.borders.of('<border><left/><right/><top style="double"/><bottom/><diagonal/></border>')
      : 0;
    const align = [
      s.horizontal ? ` horizontal="${s.horizontal}"` : '',
      s.vertical ? ` vertical="${s.vertical}"` : '',
      s.wrap ? ' wrapText="1"' : '',
    ].join('');
    const applies = [
      numFmtId !== 0 ? ' applyNumberFormat="1"' : '',
      fontId !== 0 ? ' applyFont="1"' : '',
      fillId !== 0 ? ' applyFill="1"' : '',
      borderId !== 0 ? ' applyBorder="1"' : '',
      align !== '' ? ' applyAlignment="1"' : '',
    ].join('');
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    return align === '' ? `${head}/>` : `${head}><alignment${align}/></xf>`;
  }

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }
}

function fontXml(f: { size: number; argb?: string }): string {
  const colour = f.argb ? `<color rgb="${f.argb}"/>` : '';
  return `<font><b/><sz val="${f.size}"/>${colour}<name val="Calibri"/><family val="2"/></font>`;
}

function fillXml(argb: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/></patternFill></fill>`;
}

/** Distinct XML elements in order of first use, each with its index. */
class Index {
  private readonly indices = new Map<string, number>();

  constructor(initial: string[]) {
    for (const xml of initial) this.of(xml);
  }

  of(xml: string): number {
    let i = this.indices.get(xml);
    if (i === undefined) {
      i = this.indices.size;
      this.indices.set(xml, i);
    }
    return i;
  }

  xml(tag: string): string {
    return `<${tag} count="${this.indices.size}">${[...this.indices.keys()].join('')}</${tag}>`;
  }
}
