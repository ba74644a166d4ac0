import { foldText } from '../fold.js';
import type { Kandidatuur } from '../layouts.js';
import { servesMunicipality } from '../pane/offer-search.js';
import type { Region } from '../region/schema.js';
import { appendTo } from '../append-to.js';

// Gap → candidacies: a candidacy addresses a gap (a problem area without fitting offer in a
// municipality) when it names the area among its problem areas and works in the municipality
// or in the whole region. Each gap gets the candidacies that address it; each candidacy the gaps
// it addresses and the estimated citizens in them, each persona once. The jury scores
// "aansluiting bij de regio-uitdaging" on these facts; the overview and the tracker show them.

export interface GapLike {
  municipality: string;
  area: string;
  /** The IDs of the personas with a need in the area (in the municipality's workbook). */
  personas: readonly string[];
}

export type CandidacyLike = Pick<Kandidatuur, 'gemeenten' | 'probleemgebieden'>;

export interface GapMatching<G, C> {
  /** Per gap, in the gaps' order: the candidacies that address it, in the candidacies' order. */
  candidaciesOf: C[][];
  /** Per candidacy, in their order: the gaps it addresses, and the citizens in them. */
  gapsOf: { gaps: G[]; citizens: number }[];
}

export function matchGaps<G extends GapLike, C extends CandidacyLike>(
  region: Region,
  gaps: readonly G[],
  candidacies: readonly C[],
  /** The estimated citizens a persona of a municipality stands for. */
  citizensOf: (municipality: string, persona: string) => number,
): GapMatching<G, C> {
  // Candidacies indexed by problem area: a gap looks only at those naming its area.
  const byArea = new Map<string, number[]>();
  candidacies.forEach((c, i) => {
    for (const area of new Set(c.probleemgebieden.map(foldText))) {
      appendTo(byArea, area, i);
    }
  });
  const matched = candidacies.map((): G[] => []);
  const candidaciesOf = gaps.map((gap) => {
    const found = (byArea.get(foldText(gap.area)) ?? []).filter((i) =>
      servesMunicipality(candidacies[i]!, gap.municipality, region),
    );
    for (const i of found) matched[i]!.push(gap);
    return found.map((i) => candidacies[i]!);
  });
  return {
    candidaciesOf,
    gapsOf: matched.map((gs) => ({ gaps: gs, citizens: citizensIn(gs, citizensOf) })),
  };
}

/** The citizens behind a set of gaps: a persona with needs in several of them counts once. */
function citizensIn(
  gaps: readonly GapLike[],
  citizensOf: (municipality: string, persona: string) => number,
): number {
  const seen = new Set<string>();
  let total = 0;
  for (const g of gaps) {
    for (const p of g.personas) {
      const key = JSON.stringify([g.municipality, p]);
      if (seen.has(key)) continue;
      seen.add(key);
      total += citizensOf(g.municipality, p);
    }
  }
  return total;
}
