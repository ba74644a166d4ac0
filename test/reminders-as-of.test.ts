import { describe, expect, it } from 'vitest';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import {
  remindersAt,
  trackerAsOf,
  type Reminder,
  type ReminderInput,
  type TrackerRecord,
} from '../src/domain/reminders/index.js';
import { timelineItems } from '../src/domain/pane/timeline-items.js';
import { candidacy, kandidatuurSource } from './helpers/overview-sources.js';
import { brussels, review, trackerRow, wall } from './helpers/reminders.js';

// The new reminders, and the past as it was: a step counts only from the date the tracker
// records for it; a candidacy received later does not exist yet.

const region = leieSchelde;
const ids = (rs: Reminder[]) => rs.map((r) => r.id);
const input = (rows: TrackerRecord[], reviews = [review('X', 1)]): ReminderInput => ({
  tracker: { rows, reviews },
  candidacies: [],
});

/** A candidacy through the whole call: received 5/06, communicated 5/07, rebuttal 14/07. */
const full = trackerRow('K01', {
  ontvangen: wall(2023, 6, 5, 14, 30),
  stadium: 'Weerwoord ontvangen',
  ontvankelijkOp: wall(2023, 6, 12),
  beoordeeldOp: wall(2023, 6, 22),
  pitch: wall(2023, 6, 30, 10, 0),
  beslissing: 'Afgewezen',
  juryOp: wall(2023, 6, 30),
  gecommuniceerdOp: wall(2023, 7, 5),
  weerwoordTot: wall(2023, 7, 19, 23, 59),
  weerwoordOp: wall(2023, 7, 14),
});

describe('the tracker as it was at a moment', () => {
  const at = (y: number, m: number, d: number, h = 0) =>
    trackerAsOf(region, { rows: [full], reviews: [review('K01', 7)] }, brussels(y, m, d, h));

  it('takes back every step recorded after the moment, and the stage with it', () => {
    const july3 = at(2023, 7, 3).rows[0]!;
    expect(july3.stadium).toBe('Jurybeslissing');
    expect(july3.gecommuniceerdOp).toBeNull();
    expect(july3.weerwoordTot).toBeNull();
    expect(july3.weerwoordOp).toBeNull();
    expect(july3.beslissing).toBe('Afgewezen');
    // A date counts from 00:00 that day.
    expect(at(2023, 7, 5).rows[0]!.stadium).toBe('Beslissing gecommuniceerd');
    expect(at(2023, 7, 20).rows[0]).toEqual(full);
  });

  it('knows the pitch slot with the written assessment, and its scores from that date', () => {
    const june21 = at(2023, 6, 21);
    expect(june21.rows[0]!.stadium).toBe('Ontvankelijk');
    expect(june21.rows[0]!.pitch).toBeNull();
    expect(june21.reviews).toEqual([]);
    const june22 = at(2023, 6, 22);
    expect(june22.rows[0]!.stadium).toBe('Pitch gepland');
    expect(june22.reviews).toHaveLength(1);
  });

  it('has no candidacy received after the moment', () => {
    expect(at(2023, 6, 5, 14).rows).toEqual([]);
    expect(at(2023, 6, 5, 15).rows[0]!.stadium).toBe('Ontvangen');
    // An incomplete candidacy the tracker records as received on 1/06 is reminded of from then
    // on, not on 26/05 (the received moment is the coordinator's, in the tracker).
    const path = 'Partners/Kandidaturen/Juni.xlsx';
    const june = kandidatuurSource(path, [
      candidacy('Project in juni', 'Zulte', { samenvatting: null }),
    ]);
    const row = trackerRow('K09', {
      bron: path,
      stadium: 'Ontvangen',
      ontvangen: wall(2023, 6, 1, 9),
    });
    const sources = { tracker: { rows: [row], reviews: [] }, candidacies: [june] };
    const id = 'onvolledig:Partners/Kandidaturen/Juni.xlsx';
    expect(ids(remindersAt(region, sources, brussels(2023, 5, 26)))).not.toContain(id);
    expect(ids(remindersAt(region, sources, brussels(2023, 6, 2)))).toContain(id);
  });

  it('shows no decision reminder as communicated before the date it was communicated', () => {
    const late = trackerRow('K02', {
      ...full,
      dossier: 'K02',
      stadium: 'Beslissing gecommuniceerd',
      gecommuniceerdOp: wall(2023, 7, 10),
      weerwoordTot: null,
      weerwoordOp: null,
    });
    const on8July = remindersAt(region, input([late]), brussels(2023, 7, 8));
    expect(ids(on8July)).toContain('beslissing:K02');
    expect(ids(remindersAt(region, input([late]), brussels(2023, 7, 11)))).not.toContain(
      'beslissing:K02',
    );
  });

  it('does not invent a rebuttal for a decision made final without one', () => {
    // Communicated 5/07, no rebuttal, final on 24/07: on 18/07 the window is still open.
    const final = trackerRow('K05', {
      ...full,
      dossier: 'K05',
      stadium: 'Definitief',
      weerwoordTot: null,
      weerwoordOp: null,
      definitiefOp: wall(2023, 7, 24),
    });
    const july18 = trackerAsOf(region, { rows: [final], reviews: [] }, brussels(2023, 7, 18));
    expect(july18.rows[0]!.stadium).toBe('Beslissing gecommuniceerd');
    const rs = ids(remindersAt(region, input([final]), brussels(2023, 7, 18)));
    expect(rs).toContain('weerwoord:K05');
    expect(rs).not.toContain('definitief:K05');
  });
});

describe('the reminders the process needs', () => {
  it('asks to decide admissibility of a candidacy still at Ontvangen after the deadline', () => {
    const rows = [trackerRow('K03', { stadium: 'Ontvangen', ontvangen: wall(2023, 6, 8, 12) })];
    expect(ids(remindersAt(region, input(rows), brussels(2023, 6, 9, 23, 58)))).not.toContain(
      'ontvankelijkheid:K03',
    );
    const after = remindersAt(region, input(rows), brussels(2023, 6, 10, 9));
    const r = after.find((x) => x.id === 'ontvankelijkheid:K03')!;
    expect(r).toMatchObject({ kind: 'admissibility-pending', severity: 'soon', dayOnly: true });
    expect(r.title).toBe(
      'K03 "Project K03": ontvankelijkheid nog niet beslist (vóór de beoordeling start op 12/06/2023)',
    );
    const decided = [{ ...rows[0]!, stadium: 'Ontvankelijk', ontvankelijkOp: wall(2023, 6, 12) }];
    expect(ids(remindersAt(region, input(decided), brussels(2023, 6, 13)))).not.toContain(
      'ontvankelijkheid:K03',
    );
  });

  it('reminds of the end of the written assessment (23/06) once it has begun', () => {
    const none = { tracker: null, candidacies: [] };
    expect(ids(remindersAt(region, none, brussels(2023, 6, 11, 12)))).toContain(
      'mijlpaal:beoordeling:1d',
    );
    expect(
      ids(remindersAt(region, none, brussels(2023, 6, 11, 12))).some((id) =>
        id.startsWith('mijlpaal:beoordeling:einde'),
      ),
    ).toBe(false);
    const r = remindersAt(region, none, brussels(2023, 6, 20)).find((x) =>
      x.id.startsWith('mijlpaal:beoordeling:einde'),
    )!;
    expect(r.id).toBe('mijlpaal:beoordeling:einde:7d');
    expect(r.title).toBe(
      'Beoordelen schriftelijke projectvoorstellen loopt af op 23/06/2023 (over 3 dagen)',
    );
    expect(r.dayOnly).toBe(true);
    expect(ids(remindersAt(region, none, brussels(2023, 6, 24)))).not.toContain(
      'mijlpaal:beoordeling:einde:1d',
    );
  });

  it('tells the lead partner their pitch slot three days before it', () => {
    const rows = [trackerRow('K04', { stadium: 'Pitch gepland', pitch: wall(2023, 6, 30, 10) })];
    expect(ids(remindersAt(region, input(rows), brussels(2023, 6, 27, 9, 59)))).not.toContain(
      'pitch:K04',
    );
    const r = remindersAt(region, input(rows), brussels(2023, 6, 27, 10)).find(
      (x) => x.id === 'pitch:K04',
    )!;
    expect(r).toMatchObject({ who: 'trekker: Trekker K04', dayOnly: false, severity: 'soon' });
    expect(r.title).toBe(
      'K04 "Project K04": pitch op 30/06/2023 10:00; bevestig het uur aan de trekker',
    );
    expect(ids(remindersAt(region, input(rows), brussels(2023, 6, 30, 10)))).not.toContain(
      'pitch:K04',
    );
  });

  it('asks for the final decision after a rebuttal, by the region’s weerwoord day', () => {
    const rs = remindersAt(region, input([full]), brussels(2023, 7, 15));
    const r = rs.find((x) => x.id === 'definitief:K01')!;
    // Its own window closed 19/07; the region assesses rebuttals until 21/07 (a day).
    expect(r).toMatchObject({ kind: 'rebuttal-undecided', dayOnly: true, severity: 'soon' });
    expect(r.dueAt.toISOString()).toBe('2023-07-21T21:59:00.000Z');
    expect(r.title).toContain('(uiterlijk 21/07/2023)');
  });
});

describe('one rule for times, in the reminders and the pane', () => {
  it('shows a date as a date and only the deadline with its time', () => {
    const view = timelineItems(region, brussels(2023, 6, 20));
    expect(view.milestones.map((m) => m.dateText)).toEqual([
      '28/04/2023',
      '09/06/2023 23:59',
      '12/06/2023 tot 23/06/2023',
      '30/06/2023',
      '07/07/2023',
      '21/07/2023',
    ]);
    // The pitches are on 30/06: 10 days from 20/06, counted to the day itself.
    expect(view.milestones.find((m) => m.id === 'pitches')!.daysToGo).toBe(10);
    const pitches = view.reminders.find((r) => r.title.startsWith('Pitches en jury'))!;
    expect(pitches.when).toBe('30/06/2023');
    expect(pitches.title).toBe('Pitches en jury op 30/06/2023 (over 10 dagen)');
  });
});
