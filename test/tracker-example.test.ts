import { describe, expect, it } from 'vitest';
import type { Beoordeling } from '../src/domain/layouts.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import type { OpvolgingRead } from '../src/domain/tracker/record.js';
import { scoreDossiers } from '../src/domain/tracker/scores.js';
import { stageProblems } from '../src/domain/tracker/stage-rules.js';
import { vocabulariesOf } from '../src/domain/vocabularies.js';
import { generateExample } from '../src/example/generate.js';

// The example drive's tracker: every stage of the timeline, dates in June–July, reviews with a
// conflict of interest, and the situations each kind of reminder needs.

const region = leieSchelde;
const day = (y: number, m: number, d: number, h = 0, min = 0) =>
  new Date(Date.UTC(y, m - 1, d, h, min));

function tracker(seed = 1, scale = 1) {
  const file = generateExample(region, { seed, scale }).find((f) => f.kind === 'opvolging');
  if (!file) throw new Error('no tracker');
  const rows = (file.rows.opvolging ?? []) as unknown as OpvolgingRead[];
  const reviews = (file.rows.beoordeling ?? []) as unknown as Beoordeling[];
  return { file, rows, reviews };
}

describe('the example tracker', () => {
  it('lies in Kandidaturen and has every stage, with a candidacy per kind of reminder', () => {
    const { file, rows, reviews } = tracker();
    expect(file.path).toBe('Kandidaturen/Opvolging kandidaturen.xlsx');
    expect(new Set(rows.map((r) => r.stadium))).toEqual(new Set(vocabulariesOf(region).stadium));
    expect(reviews.some((r) => r.belangenconflict === 'Ja')).toBe(true);
    const scores = scoreDossiers(
      region,
      reviews.map((record, i) => ({ row: i + 2, record })),
    );
    // Scores missing after the assessment window (23/06).
    expect(
      rows.some((r) => r.stadium === 'Ontvankelijk' && !scores.byDossier.has(r.dossier!)),
    ).toBe(true);
    // A decision not communicated by 7/07.
    expect(rows.some((r) => r.stadium === 'Jurybeslissing' && r.gecommuniceerdOp === null)).toBe(
      true,
    );
    // A rebuttal window closing on 21/07 23:59.
    const open = rows.find((r) => r.stadium === 'Beslissing gecommuniceerd');
    expect(open?.weerwoordTot).toEqual(day(2023, 7, 21, 23, 59));
    // Every date in June–July 2023.
    const dates = rows.flatMap((r) =>
      [
        r.ontvankelijkOp,
        r.beoordeeldOp,
        r.pitch,
        r.juryOp,
        r.gecommuniceerdOp,
        r.weerwoordOp,
        r.definitiefOp,
      ].filter((d): d is Date => d instanceof Date),
    );
    for (const d of dates)
      expect(d >= day(2023, 6, 1) && d < day(2023, 8, 1), d.toISOString()).toBe(true);
    // Averages and ranks are filled where scores count; no stage lacks its data.
    for (const [i, r] of rows.entries()) {
      const score = scores.byDossier.get(r.dossier!);
      expect(r.gemiddelde).toBe(score?.average ?? null);
      expect(stageProblems(region, i + 2, r, score)).toEqual([]);
    }
  });

  it('is the same for the same seed, and another for another seed', () => {
    expect(tracker(7).file).toEqual(tracker(7).file);
    expect(tracker(8).file).not.toEqual(tracker(7).file);
    expect(tracker(8).rows.map((r) => r.dossier)).not.toEqual(
      tracker(7).rows.map((r) => r.dossier),
    );
  });

  it('gives every candidacy a row at the smallest scale too, at the first stages and without a stage problem', () => {
    // Four candidacies are too few for every stage: the first stages of the timeline, and the
    // late one not admissible.
    const { rows, reviews } = tracker(3, 0.1);
    const candidacies = generateExample(region, { seed: 3, scale: 0.1 }).filter(
      (f) => f.kind === 'kandidatuur',
    );
    expect(rows.map((r) => r.bron).sort()).toEqual(candidacies.map((f) => f.path).sort());
    expect(rows.map((r) => r.stadium)).toEqual([
      'Ontvangen',
      'Ontvankelijk',
      'Schriftelijk beoordeeld',
      'Niet ontvankelijk',
    ]);
    const scores = scoreDossiers(
      region,
      reviews.map((record, i) => ({ row: i + 2, record })),
    );
    for (const [i, r] of rows.entries()) {
      expect(stageProblems(region, i + 2, r, scores.byDossier.get(r.dossier!))).toEqual([]);
    }
  });
});
