import type { Region } from '../region/schema.js';
import { isCandidacySource } from '../reminders/incomplete.js';
import type { TrackerRecords } from '../reminders/model.js';
import { remindersAt } from '../reminders/reminders-at.js';
import { parseLocal, wallClockToInstant } from '../time.js';
import { milestoneItems } from '../pane/timeline-items.js';
import { isDateOnly } from '../timeline.js';
import { t } from '../messages.js';
import { NOT_ADMISSIBLE } from '../vocabularies.js';
import { matchGaps } from '../matching/gap-candidacies.js';
import { dayOf } from './active.js';
import { candidacyTracking } from './candidacy-tracking.js';
import { computeCoverage, type RawCell, type RawCoverage } from './coverage.js';
import { deliveryOf } from './delivery.js';
import { duplicatesOf, refuseDuplicates } from './duplicates.js';
import { flagEmptySources } from './empty-sources.js';
import { findGaps, type RawGap } from './gaps.js';
import type {
  CandidacyTracking,
  CoverageCell,
  Delivery,
  Duplicate,
  Gap,
  Overview,
  OverviewRecords,
  TimelineStep,
} from './model.js';
import { collectRecords, collectRefused, countedRecords } from './records.js';
import { sourceRows, totalsOf } from './source-rows.js';
import { sortSources, type SourceInput } from './sources.js';
import { stageCounts } from './stages.js';
import { areaFigures } from './summary.js';
import { suppress } from './suppress.js';
import { isTrackerSource, trackerFromSources } from './tracker-source.js';

// The regional overview from every source: pure and deterministic (the sources are sorted
// first, so any input order gives the same overview), no clock: the day comes from the caller.

export interface OverviewOptions {
  /** The wall-clock date (UTC fields) on which offers must be valid to count as active. */
  asOf: Date;
  /** A need whose offers all wait longer than this many weeks is a gap. */
  gapWaitWeeks: number;
}

export { DEFAULT_GAP_WAIT_WEEKS } from './gaps.js';

/**
 * Settles what the sources count for, in their own results (in place, once per source: running
 * it again changes nothing): rows another source already holds are refused as duplicates, a
 * workbook without rows is flagged. The sync runs it before anything reads the sources (the
 * tracker, the feedback); buildOverview runs it when it is not handed a basis.
 */
export function settleSources(region: Region, sources: readonly SourceInput[]): void {
  const inputs = sortSources(sources).filter((s) => !isTrackerSource(s));
  refuseDuplicates(region, inputs);
  flagEmptySources(inputs);
}

/** What the overview knows before the tracker: the records, the coverage and its gaps, matched. */
export interface OverviewBasis {
  day: Date;
  sorted: SourceInput[];
  inputs: SourceInput[];
  duplicates: Duplicate[];
  delivery: Delivery;
  records: OverviewRecords;
  raw: RawCoverage;
  rawGaps: RawGap[];
  matching: GapMatching;
}

/**
 * The part of the overview that does not depend on the tracker, of sources settleSources has
 * settled (the sync settles them first, for the tracker and the feedback, and does not pay for
 * it twice: ~40 ms at --scale 40). The sync computes it before the tracker, so that the tracker
 * can show the gaps each candidacy fills, and hands it to buildOverview.
 */
export function overviewBasis(
  region: Region,
  sources: readonly SourceInput[],
  o: OverviewOptions,
): OverviewBasis {
  if (Number.isNaN(o.asOf.getTime())) throw new RangeError('asOf is not a valid date');
  if (!Number.isFinite(o.gapWaitWeeks) || o.gapWaitWeeks < 0) {
    throw new RangeError(`gapWaitWeeks must be 0 or more, got ${o.gapWaitWeeks}`);
  }
  const day = dayOf(o.asOf);
  const sorted = sortSources(sources);
  // The coordinator's tracker (an 'opvolging' workbook on the drive) is listed under Bronnen but
  // holds no records of the overview: its rows come in through the tracker argument.
  const inputs = sorted.filter((s) => !isTrackerSource(s));
  const duplicates = duplicatesOf(region, inputs);
  const delivery = deliveryOf(region, sorted, duplicates);
  const records = collectRecords(region, inputs);
  const raw = computeCoverage(region, records, day);
  const rawGaps = findGaps(raw, o.gapWaitWeeks);
  const matching = gapMatching(region, rawGaps, records);
  return { day, sorted, inputs, duplicates, delivery, records, raw, rawGaps, matching };
}

function settledBasis(region: Region, sources: readonly SourceInput[], o: OverviewOptions) {
  settleSources(region, sources);
  return overviewBasis(region, sources, o);
}

export function buildOverview(
  region: Region,
  sources: readonly SourceInput[],
  o: OverviewOptions,
  /** The coordinator's tracker; when absent, a tracker among the sources is used. */
  tracker: TrackerRecords | null = null,
  basis: OverviewBasis = settledBasis(region, sources, o),
): Overview {
  const { day, sorted, inputs, duplicates, delivery, records, raw, rawGaps } = basis;
  const figures = areaFigures(region, countedRecords(records), rawGaps, day, delivery);
  const sourcesShown = sourceRows(sorted);
  const trackerRecords = tracker ?? trackerFromSources(sorted);
  const tracking = candidacyTracking(region, records, trackerRecords);
  return {
    regionId: region.id,
    regionName: region.name,
    asOf: day,
    gapWaitWeeks: o.gapWaitWeeks,
    totals: totalsOf(sourcesShown),
    municipalities: figures.municipalities,
    region: figures.region,
    figures: region.figures.map((f) => ({ ...f })),
    coverage: {
      municipalities: raw.municipalities,
      rows: raw.rows.map((r) => ({
        area: r.area,
        cells: r.cells.map(shown),
        region: shown(r.region),
      })),
    },
    gaps: gapsWithCandidacies(basis, tracking),
    candidacyGaps: basis.matching.candidacyGaps,
    records,
    sources: sourcesShown,
    refused: collectRefused(inputs),
    delivery,
    duplicates,
    timeline: timelineSteps(region, wallClockToInstant(day, region.timeZone)),
    // At the start of the day, so the same day at another hour gives the same overview.
    reminders: remindersAt(
      region,
      {
        tracker: trackerRecords,
        candidacies: sorted.filter((s) => isCandidacySource(region, s)),
      },
      wallClockToInstant(day, region.timeZone),
    ),
    stages: stageCounts(region, trackerRecords),
    candidacyTracking: tracking,
  };
}

const shown = (c: RawCell): CoverageCell => ({ ...c, demand: suppress(c.demand) });

/** The Tijdlijn's steps, each with where the overview's day stands in it. */
function timelineSteps(region: Region, at: Date): TimelineStep[] {
  const items = milestoneItems(region, at);
  return region.timeline.map((m, i) => ({
    id: m.id,
    label: m.label,
    start: parseLocal(m.start),
    end: m.end === null ? null : parseLocal(m.end),
    startTimed: !isDateOnly(m.start),
    endTimed: m.end !== null && !isDateOnly(m.end),
    provisional: m.provisional,
    description: m.description,
    status: items[i]?.statusText ?? '',
    dateText: items[i]?.dateText ?? '',
    state: items[i]?.status ?? 'upcoming',
    daysToGo: items[i]?.daysToGo ?? null,
  }));
}

/**
 * The gaps with their candidacies named: "Titel (trekker)", and the tracker's stage where it
 * took the candidacy out of the race (not admissible), so no gap looks filled by it.
 */
function gapsWithCandidacies(
  basis: OverviewBasis,
  tracking: readonly (CandidacyTracking | null)[],
): Gap[] {
  const label = (i: number) => {
    const { titel, trekker } = basis.records.kandidatuur[i]!.record;
    const out = tracking[i]?.stage === NOT_ADMISSIBLE;
    return t(out ? 'overview.gap-candidacy-out' : 'overview.gap-candidacy', { titel, trekker });
  };
  return basis.matching.gaps.map((g) => ({ ...g, candidacies: g.candidacies.map(label) }));
}

/** The gaps, each with the candidacies that address it (indices into records.kandidatuur). */
interface GapMatching extends Pick<Overview, 'candidacyGaps'> {
  gaps: (Omit<Gap, 'candidacies'> & { candidacies: number[] })[];
}

/**
 * The gaps with the candidacies that address them, and per candidacy (the order of
 * records.kandidatuur) the gaps it addresses and their citizens, each persona once.
 */
function gapMatching(
  region: Region,
  rawGaps: readonly RawGap[],
  records: OverviewRecords,
): GapMatching {
  const citizens = new Map<string, number>();
  for (const p of countedRecords(records).persona) {
    citizens.set(JSON.stringify([p.gemeente, p.record.id]), p.record.aantal);
  }
  const candidacies = records.kandidatuur.map((k, index) => ({ ...k.record, index }));
  const m = matchGaps(region, rawGaps, candidacies, (municipality, persona) => {
    return citizens.get(JSON.stringify([municipality, persona])) ?? 0;
  });
  return {
    gaps: rawGaps.map((g, i) => ({
      ...g,
      demand: suppress(g.demand),
      candidacies: (m.candidaciesOf[i] ?? []).map((c) => c.index),
    })),
    candidacyGaps: m.gapsOf.map((x) => ({
      gaps: x.gaps.map((g) => `${g.area} (${g.municipality})`),
      citizens: suppress(x.citizens),
    })),
  };
}
