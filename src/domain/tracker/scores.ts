import type { Beoordeling } from '../layouts.js';
import type { Region } from '../region/schema.js';
import type { TrackerProblem } from './problem.js';

// The written assessment per dossier: per criterion the mean of the reviewers' scores, then the
// mean of the criteria weighted by the region's weights (over the criteria that have a score).
// A score with a declared conflict of interest does not count; a score outside the region's
// scale does not count either and is reported. Ties share a rank (1, 2, 2, 4).

export interface DossierScore {
  /** Weighted average rounded to 2 decimals; null when no score counts. */
  average: number | null;
  rank: number | null;
  /** Scores that counted, and scores left out for a conflict of interest. */
  counted: number;
  conflicts: number;
}

export interface Scores {
  byDossier: Map<string, DossierScore>;
  problems: TrackerProblem[];
}

export function scoreDossiers(
  region: Region,
  reviews: readonly { row: number; record: Beoordeling }[],
): Scores {
  const { criteria, scoreMin, scoreMax } = region.assessment;
  const problems: TrackerProblem[] = [];
  // dossier → criterion label → scores
  const byDossier = new Map<string, Map<string, number[]>>();
  const conflicts = new Map<string, number>();
  for (const { row, record } of reviews) {
    const d = record.dossier;
    if (!byDossier.has(d)) byDossier.set(d, new Map());
    if (record.belangenconflict === 'Ja') {
      conflicts.set(d, (conflicts.get(d) ?? 0) + 1);
      continue;
    }
    if (record.score < scoreMin || record.score > scoreMax) {
      problems.push({
        layout: 'beoordeling',
        row,
        field: 'score',
        code: 'score-range',
        params: { score: record.score, min: scoreMin, max: scoreMax },
      });
      continue;
    }
    const perCriterion = byDossier.get(d) as Map<string, number[]>;
    const list = perCriterion.get(record.criterium) ?? [];
    list.push(record.score);
    perCriterion.set(record.criterium, list);
  }
  const result = new Map<string, DossierScore>();
  for (const [dossier, perCriterion] of byDossier) {
    let sum = 0;
    let weights = 0;
    let counted = 0;
    for (const c of criteria) {
      const scores = perCriterion.get(c.label);
      if (!scores || scores.length === 0) continue;
      sum += (c.weight * scores.reduce((a, b) => a + b, 0)) / scores.length;
      weights += c.weight;
      counted += scores.length;
    }
    const average = weights === 0 ? null : Math.round((sum / weights) * 100) / 100;
    result.set(dossier, { average, rank: null, counted, conflicts: conflicts.get(dossier) ?? 0 });
  }
  const ranked = [...result.values()]
    .filter((s) => s.average !== null)
    .sort((a, b) => (b.average as number) - (a.average as number));
  ranked.forEach((s, i) => {
    const prev = ranked[i - 1];
    s.rank = prev !== undefined && prev.average === s.average ? prev.rank : i + 1;
  });
  return { byDossier: result, problems };
}
