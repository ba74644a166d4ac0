import type { Region } from '../region/schema.js';
import { wallClockToInstant } from '../time.js';
import { NOT_ADMISSIBLE, STAGE_LINE } from '../vocabularies.js';
import type { ReminderInput, TrackerRecord, TrackerRecords } from './model.js';

// The tracker and the candidacies as they were at a moment (`--at`). A step counts only from
// the date the tracker records for it: a date from 00:00 that day, the received moment from that
// minute (Brussels). A step without a date of its own (the pitch slot, a stage whose date was
// left empty) counts with the step before it. A step not yet taken at the moment is taken back
// with every step after it, the stage with them; a candidacy received later does not exist yet,
// nor do scores of a written assessment recorded later. The rebuttal is the one step a
// candidacy may skip: a row that left it empty never stood at "Weerwoord ontvangen".

type Field = keyof TrackerRecord & string;

/** Per stage of the line: the date that records it, and every field it fills in. */
const STEPS: Record<string, { date: Field | null; fields: readonly Field[] }> = {
  Ontvangen: { date: 'ontvangen', fields: ['ontvangen', 'intake'] },
  Ontvankelijk: { date: 'ontvankelijkOp', fields: ['ontvankelijkOp'] },
  'Schriftelijk beoordeeld': {
    date: 'beoordeeldOp',
    fields: ['beoordeeldOp', 'gemiddelde', 'rang'],
  },
  'Pitch gepland': { date: null, fields: ['pitch'] },
  Jurybeslissing: { date: 'juryOp', fields: ['juryOp', 'beslissing'] },
  'Beslissing gecommuniceerd': {
    date: 'gecommuniceerdOp',
    fields: ['gecommuniceerdOp', 'weerwoordTot'],
  },
  'Weerwoord ontvangen': { date: 'weerwoordOp', fields: ['weerwoordOp', 'weerwoordUitkomst'] },
  Definitief: { date: 'definitiefOp', fields: ['definitiefOp'] },
};

const stepOf = (i: number) => STEPS[STAGE_LINE[i] ?? ''] ?? { date: null, fields: [] };
const ASSESSED = STAGE_LINE.indexOf('Schriftelijk beoordeeld');
const REBUTTAL = STAGE_LINE.indexOf('Weerwoord ontvangen');

/** The stage a row stood at when step `kept` was its last: not a rebuttal it never received. */
function stageAt(row: TrackerRecord, kept: number): number {
  const skipped = kept === REBUTTAL && stepOf(kept).fields.every((f) => row[f] === null);
  return skipped ? kept - 1 : kept;
}

/** The reminders' input as it was at the moment. */
export function inputAsOf(region: Region, input: ReminderInput, at: Date): ReminderInput {
  const later = receivedLater(region, input.tracker, at);
  return {
    tracker: input.tracker === null ? null : trackerAsOf(region, input.tracker, at),
    candidacies: input.candidacies.filter((s) => !later.has(s.path)),
  };
}

export function trackerAsOf(region: Region, tracker: TrackerRecords, at: Date): TrackerRecords {
  const rows: TrackerRecord[] = [];
  const unscored = new Set<string>();
  for (const row of tracker.rows) {
    const past = rowAsOf(region, row, at);
    if (past.row !== null) rows.push(past.row);
    if (past.scoresLater && typeof row.dossier === 'string') unscored.add(row.dossier);
  }
  const reviews = tracker.reviews.filter((r) => !unscored.has(r.dossier));
  return { rows, reviews };
}

/** The row at the moment (null: not received yet); whether its scores came later. */
function rowAsOf(
  region: Region,
  row: TrackerRecord,
  at: Date,
): { row: TrackerRecord | null; scoresLater: boolean } {
  const reached = furthestStep(row);
  let moment: Date | null = null;
  let kept = -1;
  for (let i = 0; i <= reached; i++) {
    const date = stepOf(i).date;
    const own = date === null ? null : row[date];
    if (own instanceof Date) moment = wallClockToInstant(own, region.timeZone);
    if (moment !== null && moment > at) break;
    kept = i;
  }
  if (kept === reached) return { row, scoresLater: false };
  const scoresLater = kept < ASSESSED && reached >= ASSESSED;
  if (kept < 0) return { row: null, scoresLater };
  const past: TrackerRecord = { ...row };
  for (let i = kept + 1; i < STAGE_LINE.length; i++) {
    for (const f of stepOf(i).fields) Object.assign(past, { [f]: null });
  }
  const refused = row.stadium === NOT_ADMISSIBLE && kept >= STAGE_LINE.indexOf('Ontvankelijk');
  past.stadium = refused ? NOT_ADMISSIBLE : (STAGE_LINE[stageAt(row, kept)] ?? null);
  return { row: past, scoresLater };
}

/** The furthest step the row shows: its stage, or further when later steps are filled in. */
function furthestStep(row: TrackerRecord): number {
  const stage = row.stadium === NOT_ADMISSIBLE ? 'Ontvankelijk' : (row.stadium ?? '');
  let furthest = Math.max(0, STAGE_LINE.indexOf(stage));
  STAGE_LINE.forEach((_, i) => {
    if (stepOf(i).fields.some((f) => row[f] !== null)) furthest = Math.max(furthest, i);
  });
  return furthest;
}

/** The candidacy files the tracker records as received after the moment ("Ontvangen op"). */
function receivedLater(region: Region, tracker: TrackerRecords | null, at: Date): Set<string> {
  const later = new Set<string>();
  for (const row of tracker?.rows ?? []) {
    const received = row.ontvangen;
    if (row.bron === null || !(received instanceof Date)) continue;
    if (wallClockToInstant(received, region.timeZone) > at) later.add(row.bron);
  }
  return later;
}
