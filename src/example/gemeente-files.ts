import type { ProblemArea } from '../domain/region/schema.js';
import { noodLayout, personaLayout } from '../domain/layouts.js';
import { dateBetween, utc } from './calendar.js';
import { ERNST_WEIGHTS, LIFE_DOMAIN, NEED_TEXTS } from './content/needs.js';
import { ARCHETYPES, BRON_WEIGHTS, type Archetype } from './content/personas.js';
import type { ExampleContext } from './context.js';
import { folderOf, type ExampleFile, type Row } from './example-file.js';
import type { Random } from './random.js';
import { fileNamePart, lowerFirst, slug } from './text.js';

// The municipal workbooks: one per municipality, with anonymous personas and their needs. The
// number of personas grows with the scale.

type Persona = Row<typeof personaLayout>;
type Need = Row<typeof noodLayout>;

export function gemeenteFile(
  ctx: ExampleContext,
  municipality: string,
  index: number,
): ExampleFile {
  const r = ctx.rng(`gemeente:${index}:${municipality}`);
  const count = ctx.scaled(r.int(6, 10), 3);
  const width = Math.max(2, String(count).length);
  const usedNames = new Set<string>();
  const personas: Persona[] = [];
  const needs: Need[] = [];
  for (let i = 0; i < count; i++) {
    const archetype = r.pick(ARCHETYPES);
    const id = `P${String(i + 1).padStart(width, '0')}`;
    // Every third municipality has a persona that stands for only a few people.
    const few = i === 1 && index % 3 === 0;
    personas.push(persona(ctx, r, archetype, { id, few, usedNames }));
    needs.push(...needsOf(ctx, r, archetype, id));
  }
  return {
    path: `${folderOf(ctx.region, 'gemeente')}/Gemeente ${fileNamePart(municipality)}.xlsx`,
    kind: 'gemeente',
    owner: municipality,
    // The last municipality names no contact: the mail commands report that and go on.
    ...(index < ctx.region.municipalities.length - 1 && {
      contact: `partnerschap@${slug(municipality)}.voorbeeld.be`,
    }),
    rows: { [personaLayout.id]: personas, [noodLayout.id]: needs },
    mistakes: [],
  };
}

function persona(
  ctx: ExampleContext,
  r: Random,
  a: Archetype,
  o: { id: string; few: boolean; usedNames: Set<string> },
): Persona {
  const leeftijd = r.pick(a.leeftijd);
  const [lo, hi] = agesOf(leeftijd);
  const age = r.int(lo, hi);
  const first = firstName(r, a, o.usedNames);
  const targets = ctx.targetsFor(a.doelgroepen);
  return {
    id: o.id,
    naam: `${first}, ${age}`,
    krachten: r.sample(a.krachten, r.int(2, 3)).join(' '),
    doelen: r.sample(a.doelen, r.int(1, 2)).join(' '),
    leeftijd,
    gezin: r.pick(a.gezin),
    inkomen: r.pick(a.inkomen),
    nederlands: r.pick(a.nederlands),
    digitaal: r.pick(a.digitaal),
    mobiliteit: r.pick(a.mobiliteit),
    doelgroepen:
      targets.length > 0 && r.chance(0.8) ? r.sample(targets, r.int(1, targets.length)) : null,
    aantal: r.chance(0.12) || o.few ? r.int(1, 4) : 5 + Math.floor(r.float() ** 2 * 116),
    bron: r.weighted(BRON_WEIGHTS),
    toelichting: r.chance(0.5) ? r.pick(a.toelichting) : null,
    bijgewerkt: r.chance(0.8) ? dateBetween(r, utc(ctx.year, 3, 1), utc(ctx.year, 5, 31)) : null,
  };
}

/** The age in a persona's name ("Sofie, 34"). */
export function ageInName(naam: string): number | undefined {
  const m = /, (\d+)$/.exec(naam);
  return m ? Number(m[1]) : undefined;
}

/** The ages a group like "26-35 jaar" or "65+" spans. */
function agesOf(group: string): [number, number] {
  const range = /^(\d+)\s*-\s*(\d+)/.exec(group);
  if (range) return [Number(range[1]), Number(range[2])];
  const plus = /^(\d+)\s*\+/.exec(group);
  if (plus) return [Number(plus[1]), Number(plus[1]) + 9];
  return [25, 50];
}

/** A first name of the archetype, preferably one not used yet in this workbook. */
function firstName(r: Random, a: Archetype, used: Set<string>): string {
  let first = r.pick(r.pick(a.names));
  for (let tries = 0; used.has(first) && tries < 5; tries++) first = r.pick(r.pick(a.names));
  used.add(first);
  return first;
}

/** 2-4 needs of the persona, in problem areas typical of its archetype. */
function needsOf(ctx: ExampleContext, r: Random, a: Archetype, persona: string): Need[] {
  let areas = ctx.areasFor(r.sample(a.areas, r.int(2, 4)));
  if (areas.length < 2) {
    const others = ctx.region.problemAreas.filter((p) => !areas.includes(p));
    areas = [...areas, ...r.sample(others, 2 - areas.length)];
  }
  return areas.map((area) => need(ctx, r, area, persona));
}

function need(ctx: ExampleContext, r: Random, area: ProblemArea, persona: string): Need {
  const texts = NEED_TEXTS[area.id] ?? [`Ondersteuning nodig rond ${lowerFirst(area.label)}.`];
  const levensdomein = lifeDomain(ctx, r, area);
  return {
    persona,
    probleemgebied: area.label,
    ernst: r.weighted(ERNST_WEIGHTS),
    levensdomein: r.chance(0.85) ? levensdomein : null,
    dienstverlening: r.chance(0.9)
      ? r.sample(area.serviceTypes, r.int(1, Math.min(2, area.serviceTypes.length)))
      : null,
    omschrijving: r.chance(0.8) ? r.pick(texts) : null,
  };
}

/** The area's usual life domain, or a random one where the region does not list it. */
function lifeDomain(ctx: ExampleContext, r: Random, area: ProblemArea): string {
  const domain = LIFE_DOMAIN[area.id];
  const domains = ctx.region.lifeDomains;
  return domain !== undefined && domains.includes(domain) ? domain : r.pick(domains);
}
