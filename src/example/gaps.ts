import type { ProblemArea, Region } from '../domain/region/schema.js';
import { WHOLE_REGION } from '../domain/vocabularies.js';
import type { Random } from './random.js';

/** An offer's problem areas and the municipalities it serves. */
export interface Coverage {
  areas: ProblemArea[];
  gemeenten: string[];
}

/**
 * The gaps of the example drive: problem areas that no offer covers in a few municipalities, so
 * the overview has gaps to show. About a third of the areas get 1-3 gap municipalities each; the
 * other areas may be offered region-wide.
 */
export class Gaps {
  /** Problem area id -> the municipalities where no offer may cover it. */
  private readonly byArea = new Map<string, Set<string>>();

  constructor(
    private readonly region: Region,
    r: Random,
  ) {
    const ms = region.municipalities;
    const n = Math.max(1, Math.round(region.problemAreas.length / 3));
    for (const area of r.sample(region.problemAreas, n)) {
      const k = ms.length === 1 ? 1 : r.int(1, Math.min(3, ms.length - 1));
      this.byArea.set(area.id, new Set(r.sample(ms, k)));
    }
  }

  /** Moves an offer out of the gaps: no offer covers a gap area in a gap municipality. */
  avoid(r: Random, offer: Coverage): Coverage {
    const blocked = new Set(offer.areas.flatMap((a) => [...(this.byArea.get(a.id) ?? [])]));
    if (blocked.size === 0) return offer;
    const ms = this.region.municipalities;
    const list = offer.gemeenten.includes(WHOLE_REGION) ? ms : offer.gemeenten;
    const allowed = list.filter((m) => !blocked.has(m));
    const moved =
      allowed.length > 0
        ? { areas: offer.areas, gemeenten: allowed }
        : this.relocate(r, offer.areas, list, blocked);
    const wholeRegion =
      moved.gemeenten.length === ms.length && moved.areas.every((a) => !this.byArea.has(a.id));
    return wholeRegion ? { areas: moved.areas, gemeenten: [WHOLE_REGION] } : moved;
  }

  /**
   * For an offer whose municipalities (`list`) are all blocked: keeps the areas that are not
   * blocked there, or moves to an allowed municipality, or else to an area without gaps.
   */
  private relocate(
    r: Random,
    areas: ProblemArea[],
    list: readonly string[],
    blocked: Set<string>,
  ): Coverage {
    const free = areas.filter((a) => !list.some((m) => this.byArea.get(a.id)?.has(m)));
    if (free.length > 0) return { areas: free, gemeenten: [...list] };
    const allowed = this.region.municipalities.filter((m) => !blocked.has(m));
    if (allowed.length > 0) return { areas, gemeenten: [r.pick(allowed)] };
    const all = this.region.problemAreas;
    const open = all.filter((a) => !this.byArea.has(a.id));
    return { areas: [r.pick(open.length > 0 ? open : all)], gemeenten: [...list] };
  }
}
