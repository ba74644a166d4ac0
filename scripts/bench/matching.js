// Passend aanbod at scale: the offers of 10,000 personas ranked among 3,000 offers, with the
// offers indexed by problem area and place (indexOffers, as the pane and the overview use it),
// against the plain scan every persona would otherwise make (each offer tested for each persona).
// Alternated, 5 pairs; prints the median times, their min–max and the ratio. Target: under a
// second for all personas, and no quadratic scan.
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const { indexOffers, suggestOffers } = await import(
  join(root, 'dist/domain/pane/offer-suggestions.js')
);
const { leieSchelde: region } = await import(join(root, 'dist/domain/region/leie-schelde.js'));

const PERSONAS = 10_000;
const OFFERS = 3_000;
const PAIRS = 5;
const day = new Date(Date.UTC(2023, 5, 9));
const areas = region.problemAreas.map((p) => p.label);
const places = [...region.municipalities, 'Hele regio'];
let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const some = (xs, n) => [...new Set(Array.from({ length: n }, () => pick(xs)))];

const offers = Array.from({ length: OFFERS }, (_, i) => ({
  partner: `Partner ${i % 200}`,
  naam: `Aanbod ${i}`,
  omschrijving: '',
  probleemgebieden: some(areas, 1 + (i % 3)),
  gemeenten: some(places, 1 + (i % 2)),
  talen: i % 5 === 0 ? ['Nederlands', 'Arabisch'] : ['Nederlands'],
  kost: 'Gratis',
  wachttijd: i % 12,
  doelgroepen: null,
  geldigVanaf: null,
  geldigTot: null,
}));
const personas = Array.from({ length: PERSONAS }, () => ({
  persona: { nederlands: pick(['A1', 'B2 of hoger']), doelgroepen: null },
  areas: some(areas, 3),
  municipality: pick(region.municipalities),
}));

/** The pane's first look at a persona: its suggestions before "toon alle". */
const SHOWN = 10;

/**
 * Indexed: the offers indexed once, then each persona's candidates looked up and ranked, the
 * first SHOWN explained (or, for the reference line, every one).
 */
function indexed(explain = SHOWN) {
  const index = indexOffers(offers, day);
  let n = 0;
  for (const p of personas) {
    const ranked = suggestOffers(region, p.persona, p.areas, p.municipality, index);
    ranked.first(explain);
    n += ranked.count;
  }
  return n;
}

/** The plain scan: every offer tested against every persona (what the index avoids). */
function scan() {
  let n = 0;
  for (const p of personas) {
    for (const o of offers) {
      const here = o.gemeenten.includes(p.municipality) || o.gemeenten.includes('Hele regio');
      if (here && o.probleemgebieden.some((a) => p.areas.includes(a))) n++;
    }
  }
  return n;
}

const time = (fn) => {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const a = [];
const b = [];
const all = [];
for (let i = 0; i < PAIRS; i++) {
  b.push(time(scan));
  a.push(time(() => indexed()));
  all.push(time(() => indexed(Infinity)));
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const range = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;
console.log(
  `Passend aanbod for ${PERSONAS.toLocaleString('en')} personas × ${OFFERS.toLocaleString('en')} offers: ` +
    `${median(a).toFixed(0)} ms (${range(a)}), all ranked, the first ${SHOWN} of each explained, ` +
    `against a bare scan without ranking ${median(b).toFixed(0)} ms (${range(b)}): ` +
    `${(median(a) / median(b)).toFixed(2)}×; ${indexed().toLocaleString('en')} suggestions; ` +
    `target < 1,000 ms. Every suggestion explained (reference): ${median(all).toFixed(0)} ms (${range(all)})`,
);
