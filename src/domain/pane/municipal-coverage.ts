import type { ChartData } from '../workbook-host.js';
import type { RawWorkbook } from '../cells.js';
import { t } from '../messages.js';
import { computeCoverage } from '../overview/coverage.js';
import { canonicalMunicipality } from '../overview/municipality.js';
import { findGaps, type RawGap } from '../overview/gaps.js';
import { DEFAULT_GAP_WAIT_WEEKS } from '../overview/merge.js';
import type { GapReason } from '../overview/model.js';
import { collectRecords } from '../overview/records.js';
import type { Region } from '../region/schema.js';
import type { ValidationResult } from '../validate.js';
import { copiedOffers } from './offer-inventory.js';
import { offerStatus, type OfferStatus } from './offer-status.js';

// The Dekking view: one municipality's needs (its own Persona's and Noden) against the offers in
// its Aanbod copy, per problem area in the region's order. The overview's coverage and gap rules
// compute it, so the pane and the regional overview always agree.

export interface CoverageLine {
  area: string;
  /** Estimated citizens of the personas with a need in the area, each persona once. */
  demand: number;
  needs: number;
  /** Active offers for the area serving the municipality (listed, or the whole region). */
  offers: number;
  shortestWait: number | null;
  gap: GapReason | null;
  /** The gap's reason in Dutch; null when there is no gap. */
  reason: string | null;
}

export interface MunicipalCoverage {
  /** The workbook's municipality; null when its _meta names none of the region's. */
  municipality: string | null;
  day: Date;
  waitWeeks: number;
  lines: CoverageLine[];
  gaps: number;
  /** Whether the Aanbod copy was loaded, from where and when. Not loaded: no line is a gap. */
  offers: OfferStatus;
}

/** `result` is the workbook's validation, which the pane already has: not validated twice. */
export function municipalCoverage(
  wb: RawWorkbook,
  result: ValidationResult,
  region: Region,
  o: { day: Date; waitWeeks?: number },
): MunicipalCoverage {
  const waitWeeks = o.waitWeeks ?? DEFAULT_GAP_WAIT_WEEKS;
  const source = { path: wb.file, md5: '', bytes: 0 };
  const records = collectRecords(region, [{ ...source, outcome: { ok: true, result } }]);
  const copied = copiedOffers(wb, region);
  const offers = offerStatus(wb.meta, copied.length, o.day);
  records.aanbod = copied.map((record, i) => ({
    source: wb.file,
    sheet: '',
    row: i + 2,
    gemeente: null,
    record,
  }));
  const municipality = canonicalMunicipality(region.municipalities, result.meta?.owner ?? '');
  const coverage = computeCoverage(region, records, o.day);
  const m = municipality === null ? -1 : coverage.municipalities.indexOf(municipality);
  // Before the offers are loaded every area with demand would be a "gap": none is claimed.
  const gaps =
    m < 0 || !offers.loaded
      ? []
      : findGaps(coverage, waitWeeks).filter((g) => g.municipality === municipality);
  const lines = coverage.rows.map((row): CoverageLine => {
    const cell = row.cells[m];
    const gap = gaps.find((g) => g.area === row.area);
    return {
      area: row.area,
      demand: cell?.demand ?? 0,
      needs: cell?.needs ?? 0,
      offers: cell?.offers ?? 0,
      shortestWait: cell?.shortestWait ?? null,
      gap: gap?.reason ?? null,
      reason: gap === undefined ? null : reasonText(gap, waitWeeks),
    };
  });
  return { municipality, day: o.day, waitWeeks, lines, gaps: gaps.length, offers };
}

/** Demand and supply per problem area: what "Grafiek invoegen" charts. */
export function chartData(coverage: MunicipalCoverage): ChartData {
  return {
    municipality: coverage.municipality ?? '',
    rows: coverage.lines.map((l) => ({ area: l.area, demand: l.demand, offers: l.offers })),
  };
}

function reasonText(gap: RawGap, weeks: number): string {
  return gap.reason === 'no-offer'
    ? t('overview.reason.no-offer')
    : t('overview.reason.long-wait', { weeks });
}
