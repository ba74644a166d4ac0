import type { CellInput, RowInput } from '../domain/rows.js';
import {
  aanbodLayout,
  kandidatuurLayout,
  noodLayout,
  personaLayout,
  type SheetLayout,
} from '../domain/layouts.js';
import { WHOLE_REGION } from '../domain/vocabularies.js';
import type { ExampleContext } from './context.js';
import type { ExampleFile, ExampleMistake } from './example-file.js';
import { ageInName } from './gemeente-files.js';
import { misspellArea, misspellMunicipality, typoFor } from './misspellings.js';
import { nationalNumber } from './national-number.js';
import type { Random } from './random.js';

// The mistakes real users make, put into the generated rows on purpose and recorded with the
// file, so tests and demos know what the validator should find. Late candidacies and wrong
// subjects are made while generating the candidacies; the others are placed here afterwards.

/** What the mistake helpers need of a layout. */
type LayoutRef = Pick<SheetLayout, 'id'>;

type Cell = CellInput | readonly string[];

export const mistake = (
  layout: LayoutRef,
  rowIndex: number,
  field: string,
  kind: ExampleMistake['kind'],
): ExampleMistake => ({ layout: layout.id, rowIndex, field, kind });

/** How many of each mistake kind: a few at scale 1, growing with the scale. */
export const mistakesPerKind = (ctx: ExampleContext): number => ctx.scaled(1);

/** The required fields left empty, in turn. */
const REQUIRED_PERSONA_FIELDS = ['krachten', 'bron', 'aantal'];
const REQUIRED_OFFER_FIELDS = ['email', 'wachttijd', 'kost'];

export function placeMistakes(
  ctx: ExampleContext,
  files: { gemeenten: ExampleFile[]; aanbod: ExampleFile[]; kandidaturen: ExampleFile[] },
): void {
  const s = new Spoiler(ctx.rng('mistakes'));
  const n = mistakesPerKind(ctx);
  spoilMunicipal(ctx, s, files.gemeenten, n);
  spoilOffers(ctx, s, files.aanbod, n);
  spoilCandidacies(ctx, s, files.kandidaturen, n);
  // Last, so the mistakes above stay where they were before this one existed.
  spoilOptional(s, files.aanbod);
}

/** An optional value typed as people say it: "ca. 60" for a capacity; the offer still counts. */
function spoilOptional(s: Spoiler, aanbod: ExampleFile[]) {
  const file = s.r.pick(aanbod);
  s.spoilFreeRow(file, aanbodLayout, 'capaciteit', 'unreadable-optional', (row) => {
    const capacity = typeof row.capaciteit === 'number' ? row.capaciteit : 60;
    return `ca. ${capacity}`;
  });
}

/** Each kind in other municipalities, where there are enough. */
function spoilMunicipal(ctx: ExampleContext, s: Spoiler, gemeenten: ExampleFile[], n: number) {
  const g = s.r.shuffle(gemeenten);
  const at = (k: number, j: number) => g[(k + j * 4) % g.length] as ExampleFile;
  for (let j = 0; j < n; j++) {
    // A national register number typed into a persona note.
    s.spoilFreeRow(at(0, j), personaLayout, 'toelichting', 'national-number', (row) => {
      const note = typeof row.toelichting === 'string' ? `${row.toelichting} ` : '';
      const born = ctx.year - (ageInName(String(row.naam)) ?? 30);
      const number = nationalNumber(() => s.r.float(), born);
      return `${note}Dossier via het Sociaal huis, rijksregisternummer ${number}.`;
    });
    // A required persona value left empty.
    const field = REQUIRED_PERSONA_FIELDS[j % 3] as string;
    s.spoilFreeRow(at(1, j), personaLayout, field, 'missing-required', null);
    // A problem area typed by hand instead of picked from the list.
    s.spoilFreeRow(
      at(2, j),
      noodLayout,
      'probleemgebied',
      'not-in-list',
      (row) => misspellArea(ctx.region, String(row.probleemgebied)),
      (row) => typoFor(ctx.region, String(row.probleemgebied)) !== undefined,
    );
    // A description that starts with "=".
    const formula = '=> zie verslag van het intakegesprek';
    s.spoilFreeRow(at(3, j), noodLayout, 'omschrijving', 'formula-text', formula);
  }
}

/** Each mistake in its own offer workbook. */
function spoilOffers(ctx: ExampleContext, s: Spoiler, aanbod: ExampleFile[], n: number) {
  const a = s.r.shuffle(aanbod);
  const at = (k: number, j: number) => a[(k * n + j) % a.length] as ExampleFile;
  const misspelt = misspellMunicipality(ctx.region);
  for (let j = 0; j < n; j++) {
    // A required offer value left empty.
    const field = REQUIRED_OFFER_FIELDS[j % 3] as string;
    s.spoilFreeRow(at(0, j), aanbodLayout, field, 'missing-required', null);
    // A municipality typed by hand.
    s.spoilFreeRow(at(1, j), aanbodLayout, 'gemeenten', 'not-in-list', (row) => {
      const list = Array.isArray(row.gemeenten) ? (row.gemeenten as string[]) : [];
      const kept = list.filter((m) => m !== WHOLE_REGION && m !== misspelt.of);
      return [...kept, misspelt.as];
    });
    // A description that starts with "=".
    const formula = '=> zie folder in bijlage';
    s.spoilFreeRow(at(2, j), aanbodLayout, 'omschrijving', 'formula-text', formula);
  }
}

/**
 * A required value left empty in candidacies that carry no other mistake, were received before
 * the deadline (not late, not the on-time edge exactly at it) and with the call's subject.
 */
function spoilCandidacies(ctx: ExampleContext, s: Spoiler, kandidaturen: ExampleFile[], n: number) {
  const deadline = ctx.deadline.getTime();
  const clean = kandidaturen.filter((f) => {
    const onTime = f.mail !== undefined && f.mail.received.getTime() < deadline;
    return f.mistakes.length === 0 && onTime && f.mail?.subject === ctx.region.submission.subject;
  });
  for (const file of s.r.sample(clean, n)) {
    const field = s.r.chance(0.7) ? 'copartners' : 'doelgroepen';
    s.spoil(file, kandidatuurLayout, 0, field, 'missing-required', null);
  }
}

/** Puts mistakes into rows, at most one per row, and records them with the file. */
class Spoiler {
  /** Per file, the rows that have a mistake: "layout:index". */
  private readonly used = new Map<ExampleFile, Set<string>>();

  constructor(readonly r: Random) {}

  /** `spoil` in a row that has no mistake yet, preferably one that `prefer` likes. */
  spoilFreeRow(
    file: ExampleFile,
    layout: LayoutRef,
    field: string,
    kind: ExampleMistake['kind'],
    value: Cell | ((row: RowInput) => Cell),
    prefer: (row: RowInput) => boolean = () => true,
  ): void {
    this.spoil(file, layout, this.freeRow(file, layout, prefer), field, kind, value);
  }

  /** Sets `field` of row `i` of `layout` in `file` to `value` and records the mistake. */
  spoil(
    file: ExampleFile,
    layout: LayoutRef,
    i: number,
    field: string,
    kind: ExampleMistake['kind'],
    value: Cell | ((row: RowInput) => Cell),
  ): void {
    const row = (file.rows[layout.id] as RowInput[])[i] as RowInput;
    row[field] = typeof value === 'function' ? value(row) : value;
    file.mistakes.push(mistake(layout, i, field, kind));
  }

  private freeRow(file: ExampleFile, layout: LayoutRef, prefer: (row: RowInput) => boolean) {
    const rows = file.rows[layout.id] ?? [];
    const taken = this.used.get(file) ?? new Set<string>();
    this.used.set(file, taken);
    const free = [...rows.keys()].filter((i) => !taken.has(`${layout.id}:${i}`));
    const liked = free.filter((i) => prefer(rows[i] as RowInput));
    const i =
      liked.length > 0
        ? this.r.pick(liked)
        : free.length > 0
          ? this.r.pick(free)
          : this.r.int(0, rows.length - 1);
    taken.add(`${layout.id}:${i}`);
    return i;
  }
}
