import { offerFileName } from '../domain/file-names.js';
import { aanbodLayout } from '../domain/layouts.js';
import type { ProblemArea } from '../domain/region/schema.js';
import { WHOLE_REGION } from '../domain/vocabularies.js';
import { dateBetween, utc } from './calendar.js';
import {
  APPROACH,
  AREA_COUNT_WEIGHTS,
  CONDITIONS,
  DURATIONS,
  OFFER_NAMES,
  QUALIFIERS,
} from './content/offers.js';
import type { ExampleContext } from './context.js';
import { folderOf, type ExampleFile, type Row } from './example-file.js';
import type { Partner } from './partner-list.js';
import type { Random } from './random.js';
import { joinAnd, lowerFirst, slug, uniqueName, upperFirst } from './text.js';

// The offer workbooks: one per partner, with 1-5 offers. The scale adds partners, not offers per
// partner, so the rows grow linearly with the scale.

type Offer = Row<typeof aanbodLayout>;

/** What the offers of one workbook share. */
interface Workbook {
  partner: Partner;
  /** The problem areas the partner's offers draw from. */
  pool: ProblemArea[];
  /** Offer names used so far, lower case. */
  names: Set<string>;
  email: string;
}

export function aanbodFile(ctx: ExampleContext, partner: Partner, index: number): ExampleFile {
  const r = ctx.rng(`aanbod:${index}:${partner.name}`);
  const own = ctx.areasFor(partner.areas);
  const pool = own.length > 0 ? own : r.sample(ctx.region.problemAreas, 2);
  const count = r.int(1, 5);
  const email = `${slug(r.pick(partner.contact))}.${slug(partner.name)}@voorbeeld.be`;
  const wb: Workbook = { partner, pool, names: new Set(), email };
  const rows = Array.from({ length: count }, () => offer(ctx, r, wb));
  return {
    path: `${folderOf(ctx.region, 'aanbod')}/${offerFileName(partner.name)}.xlsx`,
    kind: 'aanbod',
    owner: partner.name,
    rows: { [aanbodLayout.id]: rows },
    mistakes: [],
  };
}

function offer(ctx: ExampleContext, r: Random, wb: Workbook): Offer {
  const { partner } = wb;
  const { areas, gemeenten } = ctx.gaps.avoid(r, {
    areas: r.sample(wb.pool, r.weighted(AREA_COUNT_WEIGHTS)),
    gemeenten: chooseMunicipalities(ctx, r, partner),
  });
  const services = [...new Set(areas.flatMap((a) => r.sample(a.serviceTypes, r.int(1, 2))))];
  const main = services[0] ?? (areas[0] as ProblemArea).label;
  const naam = offerName(r, main, wb.names);
  const doelgroepen = offerTargets(ctx, r, partner);
  const werkwijze = r.sample(partner.werkwijze, r.int(1, partner.werkwijze.length));
  const talen = r.sample(partner.talen, r.int(0, Math.min(3, partner.talen.length)));
  const vanaf = r.chance(0.6) ? utc(ctx.year, r.int(1, 4), 1) : null;
  const tot = r.chance(0.3)
    ? r.pick([utc(ctx.year, 12, 31), utc(ctx.year + 1, 6, 30), utc(ctx.year + 1, 12, 31)])
    : null;
  return {
    partner: partner.name,
    naam,
    omschrijving: describeOffer(r, partner, main, areas, doelgroepen, werkwijze),
    probleemgebieden: areas.map((a) => a.label),
    dienstverlening: r.chance(0.9) ? services : null,
    doelgroepen,
    gemeenten,
    werkwijze,
    talen: ['Nederlands', ...talen],
    kost: r.pick(partner.kost),
    capaciteit: r.chance(0.6) ? 5 * r.int(2, 40) : null,
    // Mostly short, but a quarter wait more than two months (a gap the overview shows).
    wachttijd: r.chance(0.32) ? 0 : r.chance(0.6) ? r.int(1, 8) : r.int(9, 26),
    voorwaarden: r.chance(0.5) ? r.pick(CONDITIONS) : null,
    contact: r.pick(partner.contact),
    email: wb.email,
    telefoon: null,
    geldigVanaf: vanaf,
    geldigTot: tot,
    bijgewerkt: dateBetween(r, utc(ctx.year, 1, 15), utc(ctx.year, 5, 31)),
  };
}

function chooseMunicipalities(ctx: ExampleContext, r: Random, partner: Partner): string[] {
  const ms = ctx.region.municipalities;
  switch (partner.scope) {
    case 'regio':
      return r.chance(0.65)
        ? [WHOLE_REGION]
        : ctx.inRegionOrder(r.sample(ms, r.int(2, Math.max(2, ms.length - 1))));
    case 'lokaal': {
      const home = partner.home ?? r.pick(ms);
      const others = ms.filter((m) => m !== home);
      return r.chance(0.2) && others.length > 0
        ? ctx.inRegionOrder([home, r.pick(others)])
        : [home];
    }
    case 'enkele':
      return ctx.inRegionOrder(r.sample(ms, r.int(1, Math.min(4, ms.length))));
  }
}

/** A name for an offer of `service`, unique in its workbook. */
function offerName(r: Random, service: string, taken: Set<string>): string {
  const base = r.pick(OFFER_NAMES[service] ?? [service]);
  const name = taken.has(base.toLowerCase()) ? `${base} ${r.pick(QUALIFIERS)}` : base;
  return uniqueName(name, taken);
}

/** The partner's own target groups, or else some of the region's, or none. */
function offerTargets(ctx: ExampleContext, r: Random, partner: Partner): string[] | null {
  const own = ctx.targetsFor(partner.doelgroepen ?? []);
  if (own.length > 0) return own;
  return r.chance(0.55) ? r.sample(ctx.region.targetGroups, r.int(1, 3)) : null;
}

function describeOffer(
  r: Random,
  partner: Partner,
  service: string,
  areas: ProblemArea[],
  targets: string[] | null,
  werkwijze: string[],
): string {
  const audience =
    targets && targets.length > 0
      ? lowerFirst(targets.slice(0, 2).join(' en '))
      : `inwoners met ${areas.map((a) => lowerFirst(a.label)).join(' of ')}`;
  const how = upperFirst(joinAnd(werkwijze.map((w) => APPROACH[w] ?? lowerFirst(w))));
  const note = partner.note ? ` (${partner.note})` : '';
  return `${service} voor ${audience}${note}. ${how}. ${r.pick(DURATIONS)}`;
}
