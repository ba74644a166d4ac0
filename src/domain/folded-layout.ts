import { columnEntries } from './columns.js';
import { foldText } from './fold.js';
import type { AnyLayout } from './layouts.js';

// A layout's names folded once, not again for every sheet read: folding is locale aware, so not
// cheap, and a region's drive holds thousands of sheets. Layouts are constants.

export interface FoldedLayout {
  sheet: string;
  /** Every column's folded header, in the layout's order. */
  headers: string[];
  /** Folded header → field. */
  fields: Map<string, string>;
  /** The folded headers of columns an older template had. */
  retired: Set<string>;
  /** A header as the layout writes it (a retired one too) → folded: what most sheets hold. */
  written: Map<string, string>;
}

const folded = new WeakMap<AnyLayout, FoldedLayout>();

export function foldedLayout(layout: AnyLayout): FoldedLayout {
  let f = folded.get(layout);
  if (f === undefined) {
    const columns = columnEntries(layout.columns);
    const entries = columns.map(([field, c]) => [foldText(c.header), field] as const);
    const written = [...columns.map(([, c]) => c.header), ...(layout.retired ?? [])];
    f = {
      sheet: foldText(layout.sheet),
      headers: entries.map(([header]) => header),
      fields: new Map(entries),
      retired: new Set((layout.retired ?? []).map(foldText)),
      written: new Map(written.map((h) => [h, foldText(h)])),
    };
    folded.set(layout, f);
  }
  return f;
}
