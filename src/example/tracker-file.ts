import { intakeProblems, type Receipt } from '../domain/intake.js';
import { beoordelingLayout, kandidatuurLayout, opvolgingLayout } from '../domain/layouts.js';
import type { Region } from '../domain/region/schema.js';
import type { CellInput, RowInput } from '../domain/rows.js';
import { addDays, wallClockToInstant } from '../domain/time.js';
import { mergeTracker, type CandidacyInput, type MergedRow } from '../domain/tracker/merge.js';
import type { ExampleContext } from './context.js';
import { folderOf, type ExampleFile, type ExampleMistake } from './example-file.js';
import { mistake } from './mistakes.js';

// The coordinator's tracker of the example drive: every candidacy at a stage of the call's
// timeline, with dates from June to July of the call's year, so that reminders on different
// dates show each kind: scores missing after the assessment window, a decision not communicated
// by the deadline, a rebuttal window about to close. Late candidacies are not admissible.
// Built with the sync's own merge, so its columns are what a sync would write.

const REVIEWERS = ['An Claeys', 'Bram De Smet', 'Chloé Martens'];

/** What the coordinator typed for one stage, as days after the candidacy deadline. */
interface Plan {
  stadium: string;
  ontvankelijk?: number;
  beoordeeld?: number;
  /** Pitch: days after the deadline and the hour. */
  pitch?: [number, number];
  beslissing?: string;
  jury?: number;
  gecommuniceerd?: number;
  weerwoord?: number;
  uitkomst?: string;
  definitief?: number;
  scores?: boolean;
  opmerking?: string;
}

// From the deadline of vr 9/06: +3 = ma 12/06, +13 = do 22/06, +21 = vr 30/06, +27 = do 6/07.
const PLANS: Plan[] = [
  { stadium: 'Ontvangen' },
  // No scores yet: overdue once the assessment window closes (23/06).
  { stadium: 'Ontvankelijk', ontvankelijk: 3, opmerking: 'Beoordelaars nog niet aangeduid.' },
  { stadium: 'Schriftelijk beoordeeld', ontvankelijk: 3, beoordeeld: 13, scores: true },
  { stadium: 'Pitch gepland', ontvankelijk: 3, beoordeeld: 13, pitch: [21, 10], scores: true },
  // Decided, not yet communicated: overdue after vr 7/07.
  {
    stadium: 'Jurybeslissing',
    ontvankelijk: 3,
    beoordeeld: 12,
    pitch: [21, 11],
    beslissing: 'Goedgekeurd onder voorwaarden',
    jury: 21,
    scores: true,
  },
  // Communicated on 7/07: the rebuttal window closes on 21/07 at 23:59.
  {
    stadium: 'Beslissing gecommuniceerd',
    ontvankelijk: 3,
    beoordeeld: 13,
    pitch: [21, 14],
    beslissing: 'Afgewezen',
    jury: 21,
    gecommuniceerd: 28,
    scores: true,
  },
  {
    stadium: 'Weerwoord ontvangen',
    ontvankelijk: 3,
    beoordeeld: 12,
    pitch: [21, 15],
    beslissing: 'Afgewezen',
    jury: 21,
    gecommuniceerd: 27,
    weerwoord: 35,
    scores: true,
    opmerking: 'Weerwoord per e-mail ontvangen; jury bekijkt het.',
  },
  {
    stadium: 'Definitief',
    ontvankelijk: 3,
    beoordeeld: 11,
    pitch: [21, 9],
    beslissing: 'Goedgekeurd',
    jury: 21,
    gecommuniceerd: 26,
    weerwoord: 33,
    uitkomst: 'Beslissing behouden',
    definitief: 45,
    scores: true,
  },
  {
    stadium: 'Definitief',
    ontvankelijk: 3,
    beoordeeld: 12,
    pitch: [21, 16],
    beslissing: 'Goedgekeurd',
    jury: 21,
    gecommuniceerd: 28,
    definitief: 45,
    scores: true,
  },
];

export function trackerFile(
  ctx: ExampleContext,
  kandidaturen: readonly ExampleFile[],
): ExampleFile {
  const { region } = ctx;
  const r = ctx.rng('opvolging');
  const receipts: Record<string, Receipt> = {};
  const candidacies: CandidacyInput[] = kandidaturen.flatMap((f) =>
    (f.rows[kandidatuurLayout.id] ?? []).flatMap((row) => {
      const { titel, trekker } = row;
      if (typeof titel !== 'string' || typeof trekker !== 'string') return [];
      // The e-mail that brought it in, as partnerschap intake records it.
      if (f.mail) {
        const received = wallClockToInstant(f.mail.received, region.timeZone);
        receipts[f.path] = { received, subject: f.mail.subject, fillOnly: false };
      }
      return [{ record: candidacyRecord(row, titel, trekker), path: f.path, issues: [] }];
    }),
  );
  const first = mergeTracker(region, { rows: [], extraHeaders: [] }, candidacies, [], receipts);
  const mistakes = intakeMistakes(region, first.rows);
  const late = new Set(mistakes.filter((m) => m.kind === 'late').map((m) => m.rowIndex));
  const deadline = ctx.deadline;
  const at = (days: number, hour = 0) => {
    const d = addDays(deadline, days);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  };
  const reviews: RowInput[] = [];
  let next = 0;
  let conflictPlaced = false;
  for (const [i, row] of first.rows.entries()) {
    const c = row.cells;
    if (late.has(i)) {
      Object.assign(c, { stadium: 'Niet ontvankelijk', ontvankelijkOp: at(3) });
      c.opmerkingen = 'Te laat ontvangen.';
      continue;
    }
    const plan = PLANS[next++ % PLANS.length] as Plan;
    const opt = (days: number | undefined, hour = 0) =>
      days === undefined ? null : at(days, hour);
    Object.assign(c, {
      stadium: plan.stadium,
      ontvankelijkOp: opt(plan.ontvankelijk),
      beoordeeldOp: opt(plan.beoordeeld),
      pitch: plan.pitch ? at(plan.pitch[0], plan.pitch[1]) : null,
      beslissing: plan.beslissing ?? null,
      juryOp: opt(plan.jury),
      gecommuniceerdOp: opt(plan.gecommuniceerd),
      weerwoordOp: opt(plan.weerwoord),
      weerwoordUitkomst: plan.uitkomst ?? null,
      definitiefOp: opt(plan.definitief),
      opmerkingen: plan.opmerking ?? null,
    });
    if (!plan.scores) continue;
    const dossier = String(c.dossier);
    // The first assessed candidacy has a reviewer with a conflict of interest.
    const reviewers = conflictPlaced ? REVIEWERS.slice(0, 2) : REVIEWERS;
    reviewers.forEach((beoordelaar, i) => {
      const conflict = !conflictPlaced && i === 2;
      for (const criterium of region.assessment.criteria) {
        reviews.push({
          dossier,
          beoordelaar,
          criterium: criterium.label,
          score: r.int(4, 9),
          commentaar: null,
          belangenconflict: conflict ? 'Ja' : 'Nee',
        });
      }
      if (conflict) {
        const last = reviews[reviews.length - 1] as RowInput;
        last.commentaar = 'Werkt zelf bij de trekker: score telt niet mee.';
      }
    });
    conflictPlaced = true;
  }
  // Once more, so that averages, ranks and rebuttal deadlines follow the coordinator's columns.
  const existing = first.rows.map((row, i) => ({ row: i + 2, cells: row.cells, extra: [] }));
  const reviewRows = reviews.map((record, i) => ({
    row: i + 2,
    record: record as never,
  }));
  const merged = mergeTracker(
    region,
    { rows: existing, extraHeaders: [] },
    candidacies,
    reviewRows,
  );
  return {
    path: `${folderOf(region, 'opvolging')}/${region.drive.trackerName}`,
    kind: 'opvolging',
    owner: '',
    rows: { [opvolgingLayout.id]: merged.rows.map(asRow), [beoordelingLayout.id]: reviews },
    mistakes,
  };
}

/** The late and wrong-subject candidacies, as mistakes of the tracker rows that record them. */
function intakeMistakes(region: Region, rows: readonly MergedRow[]): ExampleMistake[] {
  return rows.flatMap((row, i) => {
    const { ontvangen, onderwerp } = row.cells;
    const problems = intakeProblems(region, {
      ontvangen: ontvangen instanceof Date ? ontvangen : null,
      onderwerp: typeof onderwerp === 'string' ? onderwerp : null,
    });
    return problems.flatMap((p) =>
      p.code === 'late' || p.code === 'subject'
        ? [mistake(opvolgingLayout, i, p.field, p.code === 'late' ? 'late' : 'wrong-subject')]
        : [],
    );
  });
}

function candidacyRecord(row: RowInput, titel: string, trekker: string): CandidacyInput['record'] {
  const { copartners, gemeenten } = row;
  return {
    titel,
    trekker,
    copartners: typeof copartners === 'string' ? copartners : null,
    gemeenten: Array.isArray(gemeenten) ? gemeenten : null,
  };
}

/** A merged row as an example row: lists as lists, the way the generator gives them. */
function asRow(row: MergedRow): RowInput {
  const cells: Record<string, CellInput | string[]> = { ...row.cells };
  if (typeof cells.gemeenten === 'string') cells.gemeenten = cells.gemeenten.split('; ');
  return cells;
}
