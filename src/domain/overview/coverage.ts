import type { Region } from '../region/schema.js';
import { WHOLE_REGION } from '../vocabularies.js';
import { isActiveOn } from './active.js';
import type { OverviewRecords } from './model.js';
import { countedRecords, personaKey } from './records.js';
import { compareNatural } from './sources.js';

// The Dekking matrix, unsuppressed: per problem area (the region's order) and municipality (the
// region's order), the demand of that municipality's personas and the active offers serving it.
// Demand: the estimated citizens ("aantal") of the personas with at least one need in the area,
// each persona once. Supply: the offers active on the day, for the area, listing the
// municipality or the whole region, and their shortest waiting time. Only the needs that count
// (countedRecords: not those of a refused persona), for the overview and the pane alike.

export interface RawCell {
  demand: number;
  needs: number;
  personas: string[];
  offers: number;
  shortestWait: number | null;
}

export interface RawCoverageRow {
  area: string;
  cells: RawCell[];
  region: RawCell;
}

export interface RawCoverage {
  municipalities: string[];
  rows: RawCoverageRow[];
}

interface Acc {
  needs: number;
  personaKeys: Set<string>;
  personaIds: Set<string>;
  offers: number;
  shortestWait: number | null;
}

const newAcc = (): Acc => ({
  needs: 0,
  personaKeys: new Set(),
  personaIds: new Set(),
  offers: 0,
  shortestWait: null,
});

export function computeCoverage(region: Region, all: OverviewRecords, day: Date): RawCoverage {
  const records = countedRecords(all);
  const ms = region.municipalities;
  const areas = region.problemAreas.map((p) => p.label);
  const areaIndex = new Map(areas.map((a, i) => [a, i]));
  const msIndex = new Map(ms.map((m, i) => [m, i]));
  const grid = areas.map(() => ms.map(newAcc));
  const regionRow = areas.map(newAcc);

  const citizens = new Map<string, number>();
  for (const p of records.persona) citizens.set(personaKey(p.source, p.record.id), p.record.aantal);

  for (const n of records.nood) {
    const a = areaIndex.get(n.record.probleemgebied);
    const id = n.record.persona;
    if (a === undefined) continue;
    const m = n.gemeente === null ? undefined : msIndex.get(n.gemeente);
    const targets = [regionRow[a], m === undefined ? undefined : grid[a]?.[m]];
    for (const acc of targets) {
      if (acc === undefined) continue;
      acc.needs++;
      acc.personaKeys.add(personaKey(n.source, id));
      acc.personaIds.add(id);
    }
  }

  for (const o of records.aanbod) {
    if (!isActiveOn(o.record, day)) continue;
    const wait = o.record.wachttijd;
    const places = o.record.gemeenten;
    const served = new Set(
      places.includes(WHOLE_REGION)
        ? ms.map((_, i) => i)
        : places.flatMap((p) => msIndex.get(p) ?? []),
    );
    const offerAreas = new Set(o.record.probleemgebieden.flatMap((l) => areaIndex.get(l) ?? []));
    for (const a of offerAreas) {
      const targets = [...served].map((m) => grid[a]?.[m]);
      if (served.size > 0) targets.push(regionRow[a]);
      for (const acc of targets) {
        if (acc === undefined) continue;
        acc.offers++;
        acc.shortestWait = acc.shortestWait === null ? wait : Math.min(acc.shortestWait, wait);
      }
    }
  }

  const cell = (acc: Acc): RawCell => ({
    demand: [...acc.personaKeys].reduce((sum, k) => sum + (citizens.get(k) ?? 0), 0),
    needs: acc.needs,
    personas: [...acc.personaIds].sort(compareNatural),
    offers: acc.offers,
    shortestWait: acc.shortestWait,
  });
  return {
    municipalities: [...ms],
    rows: areas.map((area, a) => ({
      area,
      cells: (grid[a] ?? []).map(cell),
      region: cell(regionRow[a] ?? newAcc()),
    })),
  };
}
