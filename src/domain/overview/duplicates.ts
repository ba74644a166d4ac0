import { foldText } from '../fold.js';
import type { Duplicate, OverviewRecords, SourcedRecord } from './model.js';

// The same persona (same municipality and Persona-ID) or the same offer (same partner and offer
// name, ignoring case and spacing) found more than once. Reported, never merged or dropped: both
// rows stay in the record sheets and count in the figures. Records arrive in source order.

export function findDuplicates(records: OverviewRecords): Duplicate[] {
  return [
    ...groups(records.persona, 'persona', (r) => {
      const { id } = r.record;
      // Without a known municipality, equal IDs from two workbooks say nothing.
      if (r.gemeente === null) return null;
      return {
        key: `${foldText(r.gemeente)}\u0000${foldText(id)}`,
        label: `${id} (${r.gemeente})`,
      };
    }),
    ...groups(records.aanbod, 'aanbod', (r) => {
      const { partner, naam } = r.record;
      return { key: `${foldText(partner)}\u0000${foldText(naam)}`, label: `${partner} – ${naam}` };
    }),
  ];
}

function groups<R>(
  records: SourcedRecord<R>[],
  kind: Duplicate['kind'],
  keyOf: (r: SourcedRecord<R>) => { key: string; label: string } | null,
): Duplicate[] {
  const byKey = new Map<string, Duplicate>();
  for (const r of records) {
    const k = keyOf(r);
    if (k === null) continue;
    const found = byKey.get(k.key);
    if (found) found.occurrences.push({ source: r.source, row: r.row });
    else
      byKey.set(k.key, { kind, label: k.label, occurrences: [{ source: r.source, row: r.row }] });
  }
  // In order of first occurrence, which follows the sorted sources.
  return [...byKey.values()].filter((d) => d.occurrences.length > 1);
}
