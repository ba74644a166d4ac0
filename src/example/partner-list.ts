import {
  FIXED_PARTNERS,
  INVENTED_KINDS,
  INVENTED_NAMES,
  LOCAL_PARTNERS,
  type PartnerTemplate,
} from './content/partners.js';
import type { ExampleContext } from './context.js';
import type { Random } from './random.js';
import { uniqueName } from './text.js';

// The partners of the example drive: each has one offer workbook, and some lead a candidacy.
// Their number grows with the scale.

export interface Partner extends PartnerTemplate {
  /** The municipality of a local partner. */
  home: string | null;
}

export function partnerList(ctx: ExampleContext): Partner[] {
  const r = ctx.rng('partners');
  const ms = ctx.region.municipalities;
  const wanted = ctx.scaled(30, 3);
  // The curated set first: every fixed partner, each local kind once in a random municipality.
  const curated: Partner[] = [
    ...FIXED_PARTNERS.map((p) => ({ ...p, home: null })),
    ...LOCAL_PARTNERS.map((p) => local(p, r.pick(ms))),
  ];
  const extra =
    wanted > curated.length ? morePartners(r, ms, new Set(curated.map((p) => p.name))) : [];
  const chosen = [...r.shuffle(curated).slice(0, wanted), ...extra].slice(0, wanted);
  // Beyond the invented names (a very large scale), partners repeat with numbered names.
  const names = new Set<string>();
  const named = (p: Partner): Partner => ({ ...p, name: uniqueName(p.name, names) });
  const out = chosen.map(named);
  const pool = [...curated, ...extra];
  while (out.length < wanted) out.push(named(r.pick(pool)));
  return out;
}

const local = (p: PartnerTemplate, m: string): Partner => ({
  ...p,
  name: p.name.replace('{g}', m),
  home: m,
});

/** For larger drives: the local kinds in the other municipalities, then invented partners. */
function morePartners(r: Random, ms: readonly string[], taken: Set<string>): Partner[] {
  const locals = r.shuffle(LOCAL_PARTNERS.flatMap((p) => ms.map((m) => local(p, m))));
  return [...locals.filter((p) => !taken.has(p.name)), ...r.shuffle(inventedPartners(ms))];
}

/** Every invented kind with every invented name: region-wide, and local in each municipality. */
function inventedPartners(ms: readonly string[]): Partner[] {
  return INVENTED_KINDS.flatMap(({ prefix, ...kind }) =>
    INVENTED_NAMES.flatMap((name) => [
      { ...kind, name: `${prefix} ${name}`, home: null },
      ...ms.map((m) => ({
        ...kind,
        name: `${prefix} ${name} ${m}`,
        scope: 'lokaal' as const,
        home: m,
      })),
    ]),
  );
}
