import { foldKey, textOf } from './fields.js';
import type { Duplicate, RecordLayoutId, SourcedRecord } from './model.js';

// The same persona (same municipality and Persona-ID) or the same offer (same partner and offer
// name, ignoring case and spacing) found more than once. Reported, never merged or dropped: both
// rows stay in the record sheets and count in the figures. Records arrive in source order.

export function findDuplicates(records: Record<RecordLayoutId, SourcedRecord[]>): Duplicate[] {
  return [
    ...groups(records.persona, 'persona', (r) => {
      const id = textOf(r.record, 'id');
      // Without a known municipality, equal IDs from two workbooks say nothing.
      if (id === null || r.gemeente === null) return null;
      return { key: `${foldKey(r.gemeente)}\u0000${foldKey(id)}`, label: `${id} (${r.gemeente})` };
    }),
    ...groups(records.aanbod, 'aanbod', (r) => {
      const partner = textOf(r.record, 'partner');
      const name = textOf(r.record, 'naam');
      if (partner === null || name === null) return null;
      return { key: `${foldKey(partner)}\u0000${foldKey(name)}`, label: `${partner} – ${name}` };
    }),
  ];
}

function groups(
  records: SourcedRecord[],
  kind: Duplicate['kind'],
  keyOf: (r: SourcedRecord) => { key: string; label: string } | null,
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
