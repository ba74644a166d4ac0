import { intakeProblems, type RowProblem } from '../domain/intake.js';
import { issueMessage } from '../domain/issue.js';
import { beoordelingLayout, kandidatuurLayout, opvolgingLayout } from '../domain/layouts.js';
import { t } from '../domain/messages.js';
import type { CellInput, RowInput } from '../domain/rows.js';
import { addDays } from '../domain/time.js';
import { mergeTracker, type CandidacyInput, type MergedRow } from '../domain/tracker/merge.js';
import type { ExampleContext } from './context.js';
import { folderOf, type ExampleFile } from './example-file.js';

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
  const late = new Set<string>();
  const candidacies: CandidacyInput[] = kandidaturen.flatMap((f) =>
    (f.rows[kandidatuurLayout.id] ?? []).flatMap((row) => {
      const { titel, trekker } = row;
      if (typeof titel !== 'string' || typeof trekker !== 'string') return [];
      const record = candidacyRecord(row, titel, trekker);
      const { onderwerp } = row;
      const subject = typeof onderwerp === 'string' ? onderwerp : null;
      const problems = intakeProblems(region, {
        ontvangen: record.ontvangen ?? null,
        onderwerp: subject,
      });
      if (problems.some((p) => p.code === 'late')) late.add(f.path);
      return [{ record, path: f.path, intakeText: intake(problems) }];
    }),
  );
  const first = mergeTracker(region, { rows: [], extraHeaders: [] }, candidacies, []);
  const deadline = ctx.deadline;
  const at = (days: number, hour = 0) => {
    const d = addDays(deadline, days);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  };
  const reviews: RowInput[] = [];
  let next = 0;
  let conflictPlaced = false;
  for (const row of first.rows) {
    const c = row.cells;
    if (late.has(String(c.bron))) {
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
    mistakes: [],
  };
}

function candidacyRecord(row: RowInput, titel: string, trekker: string): CandidacyInput['record'] {
  const { copartners, gemeenten, ontvangen } = row;
  return {
    titel,
    trekker,
    copartners: typeof copartners === 'string' ? copartners : null,
    gemeenten: Array.isArray(gemeenten) ? gemeenten : null,
    ontvangen: ontvangen instanceof Date ? ontvangen : null,
  };
}

/** The intake check as the sync writes it: late, wrong subject, or in order. */
function intake(problems: readonly RowProblem<'ontvangen' | 'onderwerp'>[]): string {
  const lines = problems.map((p) => {
    const header = kandidatuurLayout.columns[p.field].header;
    return `${header}: ${issueMessage(p)}`;
  });
  return lines.length === 0 ? t('tracker.intake.ok') : lines.join('\n');
}

/** A merged row as an example row: lists as lists, the way the generator gives them. */
function asRow(row: MergedRow): RowInput {
  const cells: Record<string, CellInput | string[]> = { ...row.cells };
  if (typeof cells.gemeenten === 'string') cells.gemeenten = cells.gemeenten.split('; ');
  return cells;
}
