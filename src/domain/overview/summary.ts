import type { Region } from '../region/schema.js';
import { WHOLE_REGION } from '../vocabularies.js';
import { isActiveOn } from './active.js';
import type { RawGap } from './gaps.js';
import type { Persona } from '../layouts.js';
import type { AreaFigures, OverviewRecords, RegionFigures, SourcedRecord } from './model.js';
import { suppress } from './suppress.js';

// The Overzicht table: per municipality (the region's order), then the personas of workbooks
// that name no municipality of the region (only when there are any), and the region as a whole.

export function areaFigures(
  region: Region,
  records: OverviewRecords,
  gaps: readonly RawGap[],
  day: Date,
): { municipalities: AreaFigures[]; region: RegionFigures } {
  const known = new Set(region.municipalities);
  const activeOffers = records.aanbod.filter((o) => isActiveOn(o.record, day));
  const serves = (r: SourcedRecord<{ gemeenten: string[] }>, m: string) =>
    r.record.gemeenten.includes(m) || r.record.gemeenten.includes(WHOLE_REGION);
  const citizens = (personas: SourcedRecord<Persona>[]) =>
    suppress(personas.reduce((sum, p) => sum + p.record.aantal, 0));

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
      offers: activeOffers.filter((o) => o.record.gemeenten.length > 0).length,
      candidacies: records.kandidatuur.length,
      gaps: gaps.length,
    },
  };
}
