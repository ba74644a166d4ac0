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
}

const folded = new WeakMap<AnyLayout, FoldedLayout>();

export function foldedLayout(layout: AnyLayout): FoldedLayout {
  let f = folded.get(layout);
  if (f === undefined) {
    const entries = columnEntries(layout.columns).map(
      ([field, c]) => [foldText(c.header), field] as const,
    );
    f = {
      sheet: foldText(layout.sheet),
      headers: entries.map(([header]) => header),
      fields: new Map(entries),
      retired: new Set((layout.retired ?? []).map(foldText)),
    };
    folded.set(layout, f);
  }
  return f;
}
