import { parseDateStyles } from './xml-parts.js';

// The cell styles of a package for dates the patcher writes: a cell whose style already shows a
// date keeps it; otherwise that style is copied once with a built-in date format (14: date,
// 22: date and time), so a serial number never shows as a bare number.

const DATE_FORMAT = 14;
const DATE_TIME_FORMAT = 22;
const CELL_XFS = /(<(?:[\w.-]+:)?cellXfs\b[^>]*>)([\s\S]*?)(<\/(?:[\w.-]+:)?cellXfs>)/;
const XF = /<(?:[\w.-]+:)?xf\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?xf>)/g;

export class DateStyles {
  private readonly isDate: boolean[];
  private readonly added = new Map<string, number>();
  private changed = false;

  constructor(private xml: string) {
    // A copy: the styles it adds are this package's, not those of every package like it.
    this.isDate = [...parseDateStyles(xml)];
  }

  /** A style that shows a date (with its time when asked), based on `style`. */
  styleFor(style: number | null, withTime: boolean): number {
    if (style !== null && this.isDate[style]) return style;
    const key = `${style ?? 0}:${withTime}`;
    const known = this.added.get(key);
    if (known !== undefined) return known;
    const index = this.addDateXf(style ?? 0, withTime ? DATE_TIME_FORMAT : DATE_FORMAT);
    this.added.set(key, index);
    return index;
  }

  /** The styles part when a style was added, else null (the part stays as it was). */
  result(): string | null {
    return this.changed ? this.xml : null;
  }

  private addDateXf(base: number, format: number): number {
    const m = CELL_XFS.exec(this.xml);
    if (m === null) throw new Error('styles without cellXfs');
    const [whole, open = '', body = '', close = ''] = m;
    const xfs = [...body.matchAll(XF)].map((x) => x[0]);
    const source = xfs[base] ?? xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>';
    const copy = withAttribute(
      withAttribute(source, 'numFmtId', String(format)),
      'applyNumberFormat',
      '1',
    );
    const count = withAttribute(open, 'count', String(xfs.length + 1));
    this.xml = this.xml.replace(whole, () => `${count}${body}${copy}${close}`);
    this.isDate.push(true);
    this.changed = true;
    return xfs.length;
  }
}

/** The start tag of `element` with attribute `name` set to `value` (replaced or added). */
function withAttribute(element: string, name: string, value: string): string {
  const attr = new RegExp(`(\\s${name}=)(["'])[^"']*\\2`);
  if (attr.test(element)) return element.replace(attr, `$1"${value}"`);
  return element.replace(/^<([\w.:-]+)/, `<$1 ${name}="${value}"`);
}
