import { candidacyFileName } from '../domain/file-names.js';
import { kandidatuurLayout } from '../domain/layouts.js';
import type { ProblemArea } from '../domain/region/schema.js';
import { addDays } from '../domain/time.js';
import { WHOLE_REGION } from '../domain/vocabularies.js';
import { daysBetween, utc } from './calendar.js';
import {
  CONTACT_ROLES,
  EFFECTS,
  EXTRA_AREA_WEIGHTS,
  PROJECT_CONCEPTS,
  WRONG_SUBJECTS,
} from './content/proposals.js';
import type { ExampleContext } from './context.js';
import { folderOf, type ExampleFile, type Row } from './example-file.js';
import { mistakesPerKind } from './mistakes.js';
import type { Partner } from './partner-list.js';
import type { Random } from './random.js';
import { joinAnd, lowerFirst, slug, uniqueWorkbookPath } from './text.js';

// The candidacies: one workbook per project proposal, led by a partner and received by e-mail up
// to the deadline. Their number grows with the scale. A few arrive late or with another subject
// (the e-mail's moment and subject go to the coordinator's tracker: tracker-file.ts).

/** What a proposal is about. */
interface Project {
  trekker: Partner;
  copartners: string[];
  /** The main problem area first. */
  areas: ProblemArea[];
  concept: string;
  gemeenten: string[];
  /** The region's name or the municipalities, in words. */
  where: string;
  targets: string[];
}

/** Which candidacies arrive when. */
interface Arrivals {
  /** The one received exactly at the deadline, still on time. */
  edge: number;
  /** The late ones, in order. */
  late: number[];
  /** The day on-time arrivals start. */
  start: Date;
}

export function kandidatuurFiles(ctx: ExampleContext, partners: readonly Partner[]): ExampleFile[] {
  const r = ctx.rng('kandidaturen');
  const count = ctx.scaled(12, 4);
  const n = mistakesPerKind(ctx);
  // Distinct candidacies for the on-time edge, the late ones and the wrong subjects.
  const order = r.shuffle([...Array(count).keys()]);
  const late = order.slice(1, 1 + n).sort((a, b) => a - b);
  const wrong = new Set(order.slice(1 + n, 1 + 2 * n));
  const start = addDays(ctx.deadline, -38);
  start.setUTCHours(0, 0, 0, 0);
  const arrivals: Arrivals = { edge: order[0] as number, late, start };
  const paths = new Set<string>();

  return Array.from({ length: count }, (_, i): ExampleFile => {
    const project = projectOf(ctx, r, partners);
    const ontvangen = received(ctx, r, arrivals, i);
    const row = proposal(ctx, r, project);
    const subject = wrong.has(i) ? r.pick(WRONG_SUBJECTS) : ctx.region.submission.subject;
    const { trekker } = project;
    // The name partnerschap intake gives it: a version mailed again replaces this file.
    const name = candidacyFileName(trekker.name, String(row.titel));
    return {
      path: uniqueWorkbookPath(`${folderOf(ctx.region, 'kandidatuur')}/${name}`, paths),
      kind: 'kandidatuur',
      owner: trekker.name,
      rows: { [kandidatuurLayout.id]: [row] },
      mistakes: [],
      mail: { received: ontvangen, subject },
    };
  });
}

function projectOf(ctx: ExampleContext, r: Random, partners: readonly Partner[]): Project {
  const trekker = r.pick(partners);
  const others = partners.filter((p) => p !== trekker);
  const copartners = r.chance(0.75) ? r.sample(others, r.int(1, 3)).map((p) => p.name) : [];
  // The project's main problem area is one the lead partner works on; others may join.
  const own = ctx.areasFor(trekker.areas);
  const all = ctx.region.problemAreas;
  const first = r.pick(own.length > 0 ? own : all);
  const more = r.sample(
    all.filter((a) => a !== first),
    r.weighted(EXTRA_AREA_WEIGHTS),
  );
  const concept = r.pick(PROJECT_CONCEPTS[first.id] ?? [`Traject ${lowerFirst(first.label)}`]);
  const ms = ctx.region.municipalities;
  const gemeenten = r.chance(0.45) ? [WHOLE_REGION] : ctx.inRegionOrder(r.sample(ms, r.int(1, 5)));
  const where = gemeenten[0] === WHOLE_REGION ? ctx.region.name : joinAnd(gemeenten);
  const targets = r.sample(ctx.region.targetGroups, r.int(1, 3));
  return { trekker, copartners, areas: [first, ...more], concept, gemeenten, where, targets };
}

/** When candidacy `i` arrives (Brussels wall clock). */
function received(ctx: ExampleContext, r: Random, a: Arrivals, i: number): Date {
  const deadline = ctx.deadline.getTime();
  if (i === a.edge) return new Date(deadline);
  const lateRank = a.late.indexOf(i);
  if (lateRank >= 0) {
    // The first one a minute after the deadline (00:00 the next day), the others later.
    const delay = lateRank === 0 ? 0 : r.int(1, 72 * 60) * 60_000;
    return new Date(deadline + 60_000 + delay);
  }
  // Spread from early May to the last day, busier towards the deadline, in office-ish hours.
  const days = daysBetween(a.start, ctx.deadline);
  const d = addDays(a.start, Math.min(days, Math.floor(r.float() ** 0.6 * (days + 1))));
  d.setUTCHours(r.int(8, 22), r.int(0, 59), 0, 0);
  // A deadline earlier in the day (another region): stay before it.
  return d < ctx.deadline ? d : new Date(deadline - r.int(1, 480) * 60_000);
}

function proposal(ctx: ExampleContext, r: Random, p: Project): Row<typeof kandidatuurLayout> {
  const { year } = ctx;
  const ownName = p.gemeenten.length <= 2 && p.gemeenten[0] !== WHOLE_REGION;
  const start = r.pick([utc(year, 9, 1), utc(year, 10, 1), utc(year + 1, 1, 1)]);
  const einde = r.pick([utc(year + 1, 12, 31), utc(year + 2, 6, 30), utc(year + 2, 12, 31)]);
  return {
    titel: `${p.concept} in ${ownName ? p.where : ctx.region.name}`,
    trekker: p.trekker.name,
    copartners: p.copartners.length > 0 ? p.copartners.join('; ') : 'Geen',
    contact: `${r.pick(CONTACT_ROLES)} ${p.trekker.name}`,
    email: `project.${slug(p.trekker.name)}@voorbeeld.be`,
    gemeenten: p.gemeenten,
    probleemgebieden: p.areas.map((a) => a.label),
    doelgroepen: p.targets,
    samenvatting: summary(r, p),
    deelnemers: 5 * r.int(3, 30),
    budget: 500 * r.int(40, 300),
    start,
    einde,
  };
}

function summary(r: Random, p: Project): string {
  const who = joinAnd(p.targets.map(lowerFirst));
  const what = joinAnd(p.areas.map((a) => lowerFirst(a.label)));
  const withWhom =
    p.copartners.length > 0 ? `samen met ${joinAnd(p.copartners)}` : 'met de lokale partners';
  return `Met "${p.concept}" bouwen we in ${p.where} een aanklampende werking uit voor ${who}, rond ${what}. We werken vindplaatsgericht en in kleine stappen, ${withWhom}. ${r.pick(EFFECTS)}`;
}
