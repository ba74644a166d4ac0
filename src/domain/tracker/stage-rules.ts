import { opvolgingLayout } from '../layouts.js';
import type { Region } from '../region/schema.js';
import { formatDate, formatDateTime, instantToWallClock } from '../time.js';
import { deadlineAfter, rebuttalDays } from '../timeline.js';
import type { TrackerProblem } from './problem.js';
import type { OpvolgingRead } from './record.js';
import type { DossierScore } from './scores.js';
import { NOT_ADMISSIBLE, STAGE_LINE } from '../vocabularies.js';

// What a stage requires: a candidacy that reached a stage without its data, or with dates in an
// impossible order, is reported on the cell that is missing or wrong. The stages follow one
// line; "Niet ontvankelijk" ends it early.

const LINE = STAGE_LINE;

type Field = keyof OpvolgingRead & string;

/** The data each stage needs once it is reached (and at every later stage). */
const NEEDS: Record<string, readonly (Field | 'scores')[]> = {
  Ontvankelijk: ['ontvankelijkOp'],
  'Schriftelijk beoordeeld': ['beoordeeldOp', 'scores'],
  'Pitch gepland': ['pitch'],
  Jurybeslissing: ['beslissing', 'juryOp'],
  'Beslissing gecommuniceerd': ['gecommuniceerdOp'],
  Definitief: ['definitiefOp'],
};

/** The dates of the steps, in the order they must happen. */
const ORDER: readonly Field[] = [
  'ontvangen',
  'ontvankelijkOp',
  'beoordeeldOp',
  'pitch',
  'juryOp',
  'gecommuniceerdOp',
  'weerwoordOp',
  'definitiefOp',
];

/** The rebuttal deadline (wall clock): the communication date + 14 days, at 23:59 Brussels. */
export function weerwoordTot(region: Region, gecommuniceerdOp: Date): Date {
  const instant = deadlineAfter(gecommuniceerdOp, rebuttalDays(region), region.timeZone);
  return instantToWallClock(instant, region.timeZone);
}

const header = (f: Field) => opvolgingLayout.columns[f].header;
const day = (d: Date) => Math.floor(d.getTime() / 86_400_000);

export function stageProblems(
  region: Region,
  row: number,
  r: OpvolgingRead,
  score: DossierScore | undefined,
): TrackerProblem[] {
  const out: TrackerProblem[] = [];
  const add = (field: Field, code: TrackerProblem['code'], params: TrackerProblem['params']) =>
    out.push({ layout: opvolgingLayout.id, row, field, code, params });
  const stage = r.stadium;
  if (stage !== null) {
    const reached =
      stage === NOT_ADMISSIBLE ? ['Ontvankelijk'] : LINE.slice(0, LINE.indexOf(stage) + 1);
    const needs =
      stage === NOT_ADMISSIBLE
        ? ['ontvankelijkOp' as const]
        : reached.flatMap((s) => NEEDS[s] ?? []);
    if (stage === 'Weerwoord ontvangen') needs.push('weerwoordOp');
    for (const need of needs) {
      if (need === 'scores') {
        if ((score?.average ?? null) === null) add('stadium', 'stage-no-scores', { stage });
      } else if (r[need] === null) {
        add(need, 'stage-missing', { stage, what: header(need) });
      }
    }
  }
  if (r.weerwoordUitkomst !== null && r.weerwoordOp === null) {
    add('weerwoordOp', 'outcome-without-date', { what: header('weerwoordOp') });
  }
  // Dates in an impossible order: each step's date against the latest earlier one.
  let latest: Field | null = null;
  for (const f of ORDER) {
    const v = r[f];
    if (!(v instanceof Date)) continue;
    const before = latest === null ? null : (r[latest] as Date);
    if (latest !== null && before !== null && day(v) < day(before)) {
      add(f, 'order', { later: header(f), earlier: header(latest) });
    } else latest = f;
  }
  if (r.gecommuniceerdOp instanceof Date && r.weerwoordOp instanceof Date) {
    const deadline = weerwoordTot(region, r.gecommuniceerdOp);
    if (r.weerwoordOp > deadline) {
      add('weerwoordOp', 'rebuttal-late', {
        received: formatDate(r.weerwoordOp),
        deadline: formatDateTime(deadline),
      });
    }
  }
  return out;
}
