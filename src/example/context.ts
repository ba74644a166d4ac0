import type { ProblemArea, Region } from '../domain/region/schema.js';
import { endOfDayIfDateOnly, parseLocal } from '../domain/time.js';
import { findMilestone } from '../domain/timeline.js';
import { Gaps } from './gaps.js';
import { streamFor, type Random } from './random.js';

// Used when a region has no milestone with id "deadline".
const FALLBACK_DEADLINE = '2023-06-09T23:59';

/** What every section of the example drive shares: the region, the seed, the scale, the gaps. */
export class ExampleContext {
  /** The candidacy deadline as a wall-clock Date (UTC fields). */
  readonly deadline: Date;
  /** The year of the call: the year of the deadline. */
  readonly year: number;
  readonly gaps: Gaps;
  private readonly areaById: Map<string, ProblemArea>;

  constructor(
    readonly region: Region,
    private readonly seed: number,
    private readonly scale: number,
  ) {
    const milestone = findMilestone(region, 'deadline');
    this.deadline = parseLocal(
      endOfDayIfDateOnly(milestone?.end ?? milestone?.start ?? FALLBACK_DEADLINE),
    );
    this.year = this.deadline.getUTCFullYear();
    this.areaById = new Map(region.problemAreas.map((p) => [p.id, p]));
    this.gaps = new Gaps(region, this.rng('gaps'));
  }

  /** The seeded stream of one section (`label`), independent of the other sections' draws. */
  rng(label: string): Random {
    return streamFor(this.seed, label);
  }

  /** `n` times the scale, rounded, and at least `min`. */
  scaled(n: number, min = 1): number {
    return Math.max(min, Math.round(n * this.scale));
  }

  /** The region's problem areas with the given ids; unknown ids (another region) are skipped. */
  areasFor(ids: readonly string[]): ProblemArea[] {
    return ids.flatMap((id) => {
      const a = this.areaById.get(id);
      return a ? [a] : [];
    });
  }

  /** The labels that are target groups of the region. */
  targetsFor(labels: readonly string[]): string[] {
    return labels.filter((t) => this.region.targetGroups.includes(t));
  }

  /** Municipalities in the region's own order, as a dropdown would list them. */
  inRegionOrder(picked: readonly string[]): string[] {
    return this.region.municipalities.filter((m) => picked.includes(m));
  }
}
