import type { Region } from '../region/schema.js';
import { WHOLE_REGION } from '../vocabularies.js';
import { isActiveOn } from './active.js';
import { listOf, numberOf } from './fields.js';
import type { RawGap } from './gaps.js';
import type { AreaFigures, RecordLayoutId, RegionFigures, SourcedRecord } from './model.js';
import { suppress } from './suppress.js';

// The Overzicht table: per municipality (the region's order), then the personas of workbooks
// that name no municipality of the region (only when there are any), and the region as a whole.

export function areaFigures(
  region: Region,
  records: Record<RecordLayoutId, SourcedRecord[]>,
  gaps: readonly RawGap[],
  day: Date,
): { municipalities: AreaFigures[]; region: RegionFigures } {
  const known = new Set(region.municipalities);
  const activeOffers = records.aanbod.filter((o) => isActiveOn(o.record, day));
  const serves = (r: SourcedRecord, m: string) => {
    const places = listOf(r.record, 'gemeenten');
    return places.includes(m) || places.includes(WHOLE_REGION);
  };
  const citizens = (personas: SourcedRecord[]) =>
    suppress(personas.reduce((sum, p) => sum + (numberOf(p.record, 'aantal') ?? 0), 0));

  const rows: AreaFigures[] = region.municipalities.map((m) => {
    const personas = records.persona.filter((p) => p.gemeente === m);
    return {
      municipality: m,
      personas: personas.length,
      citizens: citizens(personas),
      needs: records.nood.filter((n) => n.gemeente === m).length,
      offers: activeOffers.filter((o) => serves(o, m)).length,
      candidacies: records.kandidatuur.filter((k) => serves(k, m)).length,
      gaps: gaps.filter((g) => g.municipality === m).length,
    };
  });
  const unknownPersonas = records.persona.filter(
    (p) => p.gemeente === null || !known.has(p.gemeente),
  );
  const unknownNeeds = records.nood.filter((n) => n.gemeente === null || !known.has(n.gemeente));
  if (unknownPersonas.length + unknownNeeds.length > 0) {
    rows.push({
      municipality: null,
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
      offers: activeOffers.filter((o) => listOf(o.record, 'gemeenten').length > 0).length,
      candidacies: records.kandidatuur.length,
      gaps: gaps.length,
    },
  };
}
