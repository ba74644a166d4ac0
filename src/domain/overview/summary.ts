import type { Region } from '../region/schema.js';
import { WHOLE_REGION } from '../vocabularies.js';
import { isActiveOn } from './active.js';
import type { RawGap } from './gaps.js';
import type { Persona } from '../layouts.js';
import type {
  AreaFigures,
  Delivery,
  OverviewRecords,
  RegionFigures,
  SourcedRecord,
} from './model.js';
import { suppress } from './suppress.js';

// The Overzicht table: per municipality (the region's order), then the personas of workbooks
// that name no municipality of the region (only when there are any), and the region as a whole.
// A municipality without a workbook that counts gets no demand figures: null, not 0.

export function areaFigures(
  region: Region,
  records: OverviewRecords,
  gaps: readonly RawGap[],
  day: Date,
  delivery: Delivery,
): { municipalities: AreaFigures[]; region: RegionFigures } {
  const known = new Set(region.municipalities);
  const activeOffers = records.aanbod.filter((o) => isActiveOn(o.record, day));
  const serves = (r: SourcedRecord<{ gemeenten: string[] }>, m: string) =>
    r.record.gemeenten.includes(m) || r.record.gemeenten.includes(WHOLE_REGION);
  const citizens = (personas: SourcedRecord<Persona>[]) =>
    suppress(personas.reduce((sum, p) => sum + p.record.aantal, 0));

  const statusOf = new Map(delivery.municipalities.map((d) => [d.municipality, d.status]));
  const rows: AreaFigures[] = region.municipalities.map((m) => {
    const status = statusOf.get(m) ?? 'missing';
    const personas = records.persona.filter((p) => p.gemeente === m);
    const delivered = status === 'delivered';
    return {
      municipality: m,
      status,
      personas: delivered ? personas.length : null,
      citizens: delivered ? citizens(personas) : null,
      needs: delivered ? records.nood.filter((n) => n.gemeente === m).length : null,
      offers: activeOffers.filter((o) => serves(o, m)).length,
      candidacies: records.kandidatuur.filter((k) => serves(k, m)).length,
      gaps: delivered ? gaps.filter((g) => g.municipality === m).length : null,
    };
  });
  const unknownPersonas = records.persona.filter(
    (p) => p.gemeente === null || !known.has(p.gemeente),
  );
  const unknownNeeds = records.nood.filter((n) => n.gemeente === null || !known.has(n.gemeente));
  if (unknownPersonas.length + unknownNeeds.length > 0) {
    rows.push({
      municipality: null,
      status: 'delivered',
      personas: unknownPersonas.length,
      citizens: citizens(unknownPersonas),
      needs: unknownNeeds.length,
      offers: 0,
      candidacies: 0,
      gaps: 0,
    });
  }
  return {
    municipalities: rows,
    region: {
      personas: records.persona.length,
      citizens: citizens(records.persona),
      needs: records.nood.length,
      offers: activeOffers.filter((o) => o.record.gemeenten.length > 0).length,
      candidacies: records.kandidatuur.length,
      gaps: gaps.length,
    },
  };
}
