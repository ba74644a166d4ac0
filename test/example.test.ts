import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../src/domain/cells.js';
import { coerce } from '../src/domain/coerce.js';
import { a1 } from '../src/domain/address.js';
import { issueCell } from '../src/domain/issue.js';
import { needsTextGuard } from '../src/domain/formula-injection.js';
import type { Column } from '../src/domain/columns.js';
import { layouts, opvolgingLayout, type AnyLayout } from '../src/domain/layouts.js';
import { findPersonalData, isValidNationalRegisterNumber } from '../src/domain/privacy.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { regionSchema, type Region } from '../src/domain/region/schema.js';
import type { RowInput } from '../src/domain/rows.js';
import { wallClockToInstant } from '../src/domain/time.js';
import { findMilestone, milestoneDeadline } from '../src/domain/timeline.js';
import { vocabulariesOf, WHOLE_REGION } from '../src/domain/vocabularies.js';
import { validateWorkbook } from '../src/domain/validate.js';
import { inputSheets } from '../src/domain/workbook-kinds.js';
import {
  generateExample,
  mulberry32,
  nationalNumber,
  type ExampleFile,
  type ExampleMistake,
} from '../src/example/generate.js';
import { writeExampleDrive } from '../src/example/write-drive.js';
import { readWorkbookFile } from '../src/workbook/xlsx/read-workbook.js';

const region = leieSchelde;
const drive = generateExample(region);
const layoutById = new Map<string, AnyLayout>(layouts.map((l) => [l.id, l]));
const MISTAKE_KINDS: ExampleMistake['kind'][] = [
  'missing-required',
  'not-in-list',
  'late',
  'wrong-subject',
  'national-number',
  'formula-text',
  'unreadable-optional',
];

interface RowRef {
  file: ExampleFile;
  layout: AnyLayout;
  row: RowInput;
  index: number;
}

function rowsOf(files: ExampleFile[], layoutId?: string): RowRef[] {
  return files.flatMap((file) =>
    Object.entries(file.rows).flatMap(([id, rows]) => {
      if (layoutId !== undefined && id !== layoutId) return [];
      const layout = layoutById.get(id);
      if (!layout) throw new Error(`unknown layout ${id} in ${file.path}`);
      return (rows ?? []).map((row, index) => ({ file, layout, row, index }));
    }),
  );
}

function isMistake(
  ref: RowRef,
  field: string | null,
  kind: ExampleMistake['kind'] | null = null,
): boolean {
  return ref.file.mistakes.some(
    (m) =>
      m.layout === ref.layout.id &&
      m.rowIndex === ref.index &&
      (field === null || m.field === field) &&
      (kind === null || m.kind === kind),
  );
}

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

const valuesOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : isEmpty(v) ? [] : [v]);

const byKind = (files: ExampleFile[], kind: ExampleFile['kind']) =>
  files.filter((f) => f.kind === kind);

const deadlineOf = (r: Region) => {
  const m = findMilestone(r, 'deadline');
  if (!m) throw new Error('no deadline');
  return milestoneDeadline(r, m);
};

const isLate = (r: Region, wallClock: unknown) =>
  wallClock instanceof Date &&
  wallClockToInstant(wallClock, r.timeZone).getTime() > deadlineOf(r).getTime();

/**
 * The invariants every generated drive keeps, whatever the region, seed or scale. Violations are
 * collected and asserted once, which keeps large drives fast and the failure readable.
 */
function violations(r: Region, files: ExampleFile[]): string[] {
  const out: string[] = [];
  const fail = (cond: boolean, what: string) => {
    if (!cond) out.push(what);
  };
  const vocab = vocabulariesOf(r);
  const refs = rowsOf(files);
  const at = (ref: RowRef, field = '') =>
    `${ref.file.path} ${ref.layout.id}[${ref.index}]${field === '' ? '' : `.${field}`}`;

  // Rows only for the input sheets of the kind, with the layout's column keys and nothing else.
  for (const f of files) {
    const allowed: string[] = inputSheets(f.kind).map((l) => l.id);
    for (const id of Object.keys(f.rows)) fail(allowed.includes(id), `${f.path}: sheet ${id}`);
  }
  for (const ref of refs) {
    for (const field of Object.keys(ref.row)) {
      fail(field in ref.layout.columns, `${at(ref, field)}: not a column key`);
    }
  }

  for (const ref of refs) {
    const anyMistake = isMistake(ref, null);
    for (const [field, col] of Object.entries(ref.layout.columns) as [string, Column][]) {
      const v = ref.row[field];
      // Vocabulary columns hold list values, except the recorded not-in-list mistakes.
      if (col.vocabulary !== null) {
        const list = vocab[col.vocabulary];
        const outside = valuesOf(v).filter((x) => !list.includes(x as string));
        const expected = isMistake(ref, field, 'not-in-list');
        fail(outside.length > 0 === expected, `${at(ref, field)}: outside the list ${outside}`);
      }
      // Required columns are filled, except the recorded missing-required mistakes.
      if (col.required) {
        const expected = isMistake(ref, field, 'missing-required');
        fail(isEmpty(v) === expected, `${at(ref, field)}: required, empty=${isEmpty(v)}`);
      }
      // Text never starts like a formula, except the recorded formula-text mistakes.
      if (typeof v === 'string') {
        const expected = isMistake(ref, field, 'formula-text');
        fail(needsTextGuard(v) === expected, `${at(ref, field)}: formula-like "${v}"`);
      }
    }
    // A row without mistakes is a valid record of its layout: every cell passes its column's parser.
    if (!anyMistake) {
      const problems = recordProblems(ref.layout, ref.row, r);
      fail(problems.length === 0, `${at(ref)}: ${problems.join(', ')}`);
    }
  }

  // Mistakes point at real rows and fields, and every kind occurs.
  for (const f of files) {
    for (const m of f.mistakes) {
      const layout = layoutById.get(m.layout);
      fail(layout !== undefined && m.field in layout.columns, `${f.path}: ${m.layout}.${m.field}`);
      fail(m.rowIndex < (f.rows[m.layout]?.length ?? 0), `${f.path}: row ${m.rowIndex}`);
    }
  }
  const kinds = new Set(files.flatMap((f) => f.mistakes.map((m) => m.kind)));
  for (const k of MISTAKE_KINDS) fail(kinds.has(k), `no ${k} mistake`);

  // Needs refer to personas of the same workbook; keys are unique within a workbook.
  for (const f of byKind(files, 'gemeente')) {
    const ids = (f.rows.persona ?? []).map((p) => p.id);
    fail(new Set(ids).size === ids.length, `${f.path}: duplicate persona ids`);
    for (const need of f.rows.nood ?? []) {
      fail(ids.includes(need.persona), `${f.path}: need of unknown persona ${need.persona}`);
    }
  }
  for (const f of byKind(files, 'aanbod')) {
    const names = (f.rows.aanbod ?? []).map((o) => String(o.naam).toLowerCase());
    fail(new Set(names).size === names.length, `${f.path}: duplicate offer names`);
  }
  const paths = files.map((f) => f.path.toLowerCase());
  fail(new Set(paths).size === paths.length, 'duplicate paths');

  // Exactly the intended candidacies are late (Brussels wall clock, deadline 23:59), and only
  // the intended ones carry a wrong subject: the tracker records how each came in.
  for (const ref of rowsOf(files, 'opvolging')) {
    const late = isLate(r, ref.row.ontvangen);
    fail(
      late === isMistake(ref, 'ontvangen', 'late'),
      `${at(ref)}: late=${late} ${String(ref.row.ontvangen)}`,
    );
    const wrong = ref.row.onderwerp !== r.submission.subject;
    fail(wrong === isMistake(ref, 'onderwerp', 'wrong-subject'), `${at(ref)}: subject`);
  }

  // No personal data in persona and need texts, except the recorded national numbers.
  for (const ref of [...rowsOf(files, 'persona'), ...rowsOf(files, 'nood')]) {
    for (const [field, v] of Object.entries(ref.row)) {
      if (typeof v !== 'string') continue;
      const found = findPersonalData(v).map((x) => x.kind);
      const expected = isMistake(ref, field, 'national-number') ? ['rijksregisternummer'] : [];
      fail(found.join() === expected.join(), `${at(ref, field)}: personal data ${found} in "${v}"`);
    }
  }
  return out;
}

function checkInvariants(r: Region, files: ExampleFile[]): void {
  expect(violations(r, files)).toEqual([]);
}

/** What the validator's own column parsers say of a generated row: [] for a valid record. */
function recordProblems(layout: AnyLayout, row: RowInput, r: Region): string[] {
  const vocab = vocabulariesOf(r);
  return (Object.entries(layout.columns) as [string, Column][]).flatMap(([field, col]) => {
    const v = row[field];
    if (v === null || v === undefined || v === '') return col.required ? [`${field}: leeg`] : [];
    const cell: CellValue =
      v instanceof Date
        ? { kind: 'date', value: v }
        : typeof v === 'number'
          ? { kind: 'number', value: v }
          : { kind: 'text', value: Array.isArray(v) ? v.join('; ') : String(v) };
    const vocabulary = col.vocabulary === null ? null : vocab[col.vocabulary];
    const parsed = coerce(cell, col, { date1904: false, vocabulary });
    return parsed.ok ? [] : parsed.problems.map((p) => `${field}: ${p.code}`);
  });
}

/** (municipality, problem area label) pairs that some offer covers. */
function coverage(r: Region, files: ExampleFile[]): Set<string> {
  const covered = new Set<string>();
  for (const { row } of rowsOf(files, 'aanbod')) {
    const gemeenten = valuesOf(row.gemeenten) as string[];
    const ms = gemeenten.includes(WHOLE_REGION) ? r.municipalities : gemeenten;
    for (const area of valuesOf(row.probleemgebieden) as string[]) {
      for (const m of ms) covered.add(`${m}|${area}`);
    }
  }
  return covered;
}

function counts(files: ExampleFile[]) {
  const rows = (id: string) => rowsOf(files, id).length;
  return {
    gemeenten: byKind(files, 'gemeente').length,
    aanbodFiles: byKind(files, 'aanbod').length,
    kandidaturen: byKind(files, 'kandidatuur').length,
    personas: rows('persona'),
    needs: rows('nood'),
    offers: rows('aanbod'),
    rows: rowsOf(files).length,
  };
}

describe('generateExample', () => {
  it('is deterministic: the same seed gives the same drive, another seed another', () => {
    expect(generateExample(region, { seed: 1, scale: 1 })).toEqual(drive);
    expect(generateExample(region, {})).toEqual(drive);
    expect(generateExample(region, { seed: 2 })).not.toEqual(drive);
    expect(generateExample(region, { seed: 7, scale: 2 })).toEqual(
      generateExample(region, { seed: 7, scale: 2 }),
    );
  });

  it('rejects a scale that is not positive', () => {
    expect(() => generateExample(region, { scale: 0 })).toThrow(RangeError);
    expect(() => generateExample(region, { scale: Number.NaN })).toThrow(RangeError);
  });

  it('lays out the drive as the coordinator expects', () => {
    const gemeenten = byKind(drive, 'gemeente');
    expect(gemeenten.map((f) => f.owner)).toEqual(region.municipalities);
    for (const f of gemeenten) expect(f.path).toBe(`Gemeenten/Gemeente ${f.owner}.xlsx`);
    for (const f of byKind(drive, 'aanbod')) {
      expect(f.path).toBe(`Partners/Aanbod/Aanbod ${f.owner}.xlsx`);
      for (const o of f.rows.aanbod ?? []) expect(o.partner).toBe(f.owner);
    }
    for (const f of byKind(drive, 'kandidatuur')) {
      expect(f.path.startsWith(`Partners/Kandidaturen/Kandidatuur ${f.owner} - `)).toBe(true);
      expect(f.path.endsWith('.xlsx')).toBe(true);
      expect(f.rows.kandidatuur).toHaveLength(1);
      expect(f.rows.kandidatuur?.[0]?.trekker).toBe(f.owner);
    }
    for (const f of drive) expect(f.path).not.toMatch(/[\\:*?"<>|]/);
    const c = counts(drive);
    expect(c.gemeenten).toBe(9);
    expect(c.aanbodFiles).toBeGreaterThanOrEqual(25);
    expect(c.aanbodFiles).toBeLessThanOrEqual(35);
    expect(c.kandidaturen).toBeGreaterThanOrEqual(10);
    expect(c.kandidaturen).toBeLessThanOrEqual(14);
  });

  it('keeps every row to its layout, its lists and its required values, except the mistakes', () => {
    checkInvariants(region, drive);
  });

  it('has an invariant check that notices a forgotten mistake or a stray value', () => {
    const forgotten = structuredClone(drive);
    const withMistake = forgotten.find((f) => f.mistakes.length > 0) as ExampleFile;
    withMistake.mistakes = [];
    expect(violations(region, forgotten).length).toBeGreaterThan(0);

    const stray = structuredClone(drive);
    const persona = stray[0]?.rows.persona?.[0] as RowInput;
    persona.leeftijd = '19 jaar';
    persona.extra = 'x';
    // The value outside the list fails the list check and the validator's parser; the key, its own.
    const found = violations(region, stray);
    expect(found).toHaveLength(3);
    expect(found.filter((v) => v.includes('leeftijd'))).toHaveLength(2);
    expect(found.filter((v) => v.includes('extra'))).toHaveLength(1);
  });

  it('writes strengths-based personas with 2-4 needs each and plausible estimates', () => {
    for (const f of byKind(drive, 'gemeente')) {
      const personas = f.rows.persona ?? [];
      expect(personas.length).toBeGreaterThanOrEqual(6);
      expect(personas.length).toBeLessThanOrEqual(10);
      for (const p of personas) {
        expect(p.naam).toMatch(/^\p{L}+, \d{2}$/u);
        const needs = (f.rows.nood ?? []).filter((n) => n.persona === p.id);
        expect(needs.length).toBeGreaterThanOrEqual(2);
        expect(needs.length).toBeLessThanOrEqual(4);
      }
      // Strengths and goals come before the problems: the first columns after id and name.
      expect(Object.keys(personas[0] ?? {}).slice(0, 4)).toEqual([
        'id',
        'naam',
        'krachten',
        'doelen',
      ]);
    }
    const aantallen = rowsOf(drive, 'persona')
      .map((r) => r.row.aantal)
      .filter((a): a is number => typeof a === 'number');
    expect(aantallen.every((a) => Number.isInteger(a) && a >= 1 && a <= 120)).toBe(true);
    expect(aantallen.some((a) => a <= 4)).toBe(true);
    expect(aantallen.filter((a) => a >= 5).length).toBeGreaterThan(aantallen.length * 0.7);
    const bronnen = new Set(rowsOf(drive, 'persona').map((r) => r.row.bron));
    for (const b of ['Arena-analyse', 'Verrijkingsdag', 'Caseload']) expect(bronnen).toContain(b);
  });

  it("takes services from each need's and offer's own problem areas", () => {
    const services = new Map(region.problemAreas.map((p) => [p.label, p.serviceTypes]));
    for (const ref of rowsOf(drive, 'nood')) {
      if (isMistake(ref, 'probleemgebied')) continue;
      const allowed = services.get(ref.row.probleemgebied as string) ?? [];
      for (const s of valuesOf(ref.row.dienstverlening)) expect(allowed).toContain(s);
    }
    for (const ref of rowsOf(drive, 'aanbod')) {
      const allowed = (valuesOf(ref.row.probleemgebieden) as string[]).flatMap(
        (a) => services.get(a) ?? [],
      );
      for (const s of valuesOf(ref.row.dienstverlening)) expect(allowed).toContain(s);
    }
  });

  it('contains a valid national register number where the mistake says so', () => {
    const refs = rowsOf(drive, 'persona').filter((r) =>
      isMistake(r, 'toelichting', 'national-number'),
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const m = /\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}/.exec(String(ref.row.toelichting));
      expect(m).not.toBeNull();
      expect(isValidNationalRegisterNumber((m?.[0] ?? '').replace(/\D/g, ''))).toBe(true);
    }
  });

  it('computes national register numbers with correct mod-97 check digits', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1940, max: 2010 }), (seed, year) => {
        const digits = nationalNumber(mulberry32(seed), year).replace(/\D/g, '');
        expect(isValidNationalRegisterNumber(digits)).toBe(true);
        expect(digits.slice(0, 2)).toBe(String(year % 100).padStart(2, '0'));
      }),
    );
  });

  it('receives candidacies from early May up to the deadline, one exactly at 23:59, one late', () => {
    const received = byKind(drive, 'kandidatuur').map((f) => f.mail!.received);
    expect(received.every((d) => d instanceof Date)).toBe(true);
    const edge = Date.UTC(2023, 5, 9, 23, 59);
    const onEdge = received.filter((d) => d.getTime() === edge);
    expect(onEdge).toHaveLength(1);
    expect(isLate(region, onEdge[0])).toBe(false);
    const late = received.filter((d) => isLate(region, d));
    expect(late).toHaveLength(1);
    expect(late[0]?.getTime()).toBeGreaterThanOrEqual(Date.UTC(2023, 5, 10, 0, 0));
    const earliest = Math.min(...received.map((d) => d.getTime()));
    expect(earliest).toBeGreaterThanOrEqual(Date.UTC(2023, 4, 1));
    expect(earliest).toBeLessThan(Date.UTC(2023, 4, 25));
  });

  it('places a few of each mistake at scale 1', () => {
    const all = drive.flatMap((f) => f.mistakes.map((m) => ({ ...m, file: f.path })));
    for (const kind of MISTAKE_KINDS) {
      const n = all.filter((m) => m.kind === kind).length;
      expect(n, kind).toBeGreaterThanOrEqual(1);
      expect(n, kind).toBeLessThanOrEqual(3);
    }
    const notInList = rowsOf(drive).filter((r) => isMistake(r, 'gemeenten', 'not-in-list'));
    expect(notInList.some((r) => valuesOf(r.row.gemeenten).includes('Sint Martens Latem'))).toBe(
      true,
    );
    const formula = rowsOf(drive).filter((r) => isMistake(r, 'omschrijving', 'formula-text'));
    expect(formula.every((r) => String(r.row.omschrijving).startsWith('=> zie'))).toBe(true);
  });

  it('leaves gaps: some (municipality, problem area) pairs have no offer at all', () => {
    const covered = coverage(region, drive);
    const pairs = region.municipalities.flatMap((m) =>
      region.problemAreas.map((a) => `${m}|${a.label}`),
    );
    const gaps = pairs.filter((p) => !covered.has(p));
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.length).toBeLessThan(pairs.length / 2);
    // Also at a larger scale, where many more offers could fill them.
    const big = generateExample(region, { scale: 5 });
    expect(pairs.filter((p) => !coverage(region, big).has(p)).length).toBeGreaterThan(0);
  });

  it('fills offers realistically: region-wide ones, long waits, example e-mail domains', () => {
    const offers = rowsOf(drive, 'aanbod').map((r) => r.row);
    expect(offers.some((o) => valuesOf(o.gemeenten).includes(WHOLE_REGION))).toBe(true);
    const waits = offers.map((o) => o.wachttijd).filter((w) => typeof w === 'number');
    expect(waits.every((w) => Number.isInteger(w) && w >= 0 && w <= 26)).toBe(true);
    expect(waits.some((w) => w > 8)).toBe(true);
    expect(waits.some((w) => w === 0)).toBe(true);
    const emails = rowsOf(drive)
      .map((r) => r.row.email)
      .filter((e) => typeof e === 'string');
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.every((e) => e.endsWith('@voorbeeld.be'))).toBe(true);
    for (const o of offers) {
      if (o.geldigVanaf instanceof Date && o.geldigTot instanceof Date) {
        expect(o.geldigVanaf.getTime()).toBeLessThanOrEqual(o.geldigTot.getTime());
      }
      expect((o.bijgewerkt as Date).getUTCFullYear()).toBe(2023);
    }
    for (const { row } of rowsOf(drive, 'kandidatuur')) {
      expect((row.start as Date).getTime()).toBeLessThan((row.einde as Date).getTime());
    }
  });

  it('grows linearly with the scale', () => {
    const ten = generateExample(region, { scale: 10 });
    const one = counts(drive);
    const c3 = counts(generateExample(region, { scale: 3 }));
    const c10 = counts(ten);
    const c40 = counts(generateExample(region, { scale: 40 }));
    for (const [c, s] of [
      [c3, 3],
      [c10, 10],
      [c40, 40],
    ] as const) {
      expect(c.gemeenten).toBe(9);
      expect(c.aanbodFiles).toBe(Math.round(30 * s));
      expect(c.kandidaturen).toBe(Math.round(12 * s));
      for (const key of ['personas', 'needs', 'offers', 'rows'] as const) {
        expect(c[key] / one[key], `${key} at scale ${s}`).toBeGreaterThan(s * 0.7);
        expect(c[key] / one[key], `${key} at scale ${s}`).toBeLessThan(s * 1.4);
      }
    }
    // Scale 40 is four times scale 10, in files and in rows.
    const files = (c: typeof one) => c.gemeenten + c.aanbodFiles + c.kandidaturen;
    expect(files(c40) / files(c10)).toBeGreaterThan(3.6);
    expect(files(c40) / files(c10)).toBeLessThan(4.4);
    expect(c40.rows / c10.rows).toBeGreaterThan(3.6);
    expect(c40.rows / c10.rows).toBeLessThan(4.4);
    // Scale 10 is the benchmark drive: 9 municipal workbooks of about 300 rows each.
    for (const f of byKind(ten, 'gemeente')) {
      expect(f.rows.persona?.length).toBeGreaterThanOrEqual(60);
      expect(f.rows.persona?.length).toBeLessThanOrEqual(100);
    }
    expect((c10.personas + c10.needs) / c10.gemeenten).toBeGreaterThan(250);
    expect((c10.personas + c10.needs) / c10.gemeenten).toBeLessThan(400);
    // The scale adds offer workbooks, not offers per workbook: each holds 1-5 offers.
    for (const f of [...byKind(drive, 'aanbod'), ...byKind(ten, 'aanbod')]) {
      expect(f.rows.aanbod?.length).toBeGreaterThanOrEqual(1);
      expect(f.rows.aanbod?.length).toBeLessThanOrEqual(5);
    }
    expect(c10.offers / c10.aanbodFiles).toBeGreaterThan(2.5);
    expect(c10.offers / c10.aanbodFiles).toBeLessThan(3.5);
    checkInvariants(region, ten);
  });

  it('keeps its invariants for any seed and scale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.double({ min: 0.1, max: 2.5, noNaN: true }),
        (seed, scale) => checkInvariants(region, generateExample(region, { seed, scale })),
      ),
      { numRuns: 25 },
    );
  });

  it('works for another region too', () => {
    const other: Region = regionSchema.parse({
      ...leieSchelde,
      id: 'proefregio',
      name: 'Proefregio',
      municipalities: ['Aalter', 'Lievegem'],
      problemAreas: [
        ...leieSchelde.problemAreas.slice(0, 2),
        {
          id: 'energie',
          label: 'Energiearmoede',
          description: 'Hoge energiefacturen.',
          serviceTypes: ['Energiescan', 'Energiecoach'],
        },
      ],
      targetGroups: ['Nieuwkomers', 'Huurders'],
      lifeDomains: ['Welzijn', 'Wonen'],
      // A date alone: the deadline is 23:59 that day.
      timeline: leieSchelde.timeline.map((m) =>
        m.id === 'deadline' ? { ...m, start: '2024-03-15' } : m,
      ),
    });
    const files = generateExample(other, { seed: 3 });
    checkInvariants(other, files);
    expect(byKind(files, 'gemeente').map((f) => f.owner)).toEqual(['Aalter', 'Lievegem']);
    const received = byKind(files, 'kandidatuur').map((f) => f.mail!.received.getTime());
    expect(received).toContain(Date.UTC(2024, 2, 15, 23, 59));
    // Without a deadline milestone the generator falls back to the call's own deadline.
    const none = { ...other, timeline: other.timeline.filter((m) => m.id !== 'deadline') };
    const fallback = byKind(generateExample(none), 'kandidatuur').map((f) => f.mail!.received);
    expect(fallback.map((d) => d.getTime())).toContain(Date.UTC(2023, 5, 9, 23, 59));
  });
});

describe('writeExampleDrive', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'partnerschap-example-'));
  });
  afterAll(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('writes the folders and workbooks, each re-opening with its rows', async () => {
    {
      const summary = await writeExampleDrive(region, dir);
      expect(summary).toEqual({
        files: drive.length,
        municipalities: 9,
        offers: byKind(drive, 'aanbod').length,
        proposals: byKind(drive, 'kandidatuur').length,
      });
      const list = async (sub: string) => (await readdir(path.join(dir, sub))).sort();
      expect(await list('.')).toEqual(['Gemeenten', 'Kandidaturen', 'Partners']);
      expect(await list('Partners')).toEqual(['Aanbod', 'Kandidaturen']);
      const expected = (folder: string) =>
        drive
          .filter((f) => path.posix.dirname(f.path) === folder)
          .map((f) => path.posix.basename(f.path))
          .sort();
      for (const folder of [
        'Gemeenten',
        'Kandidaturen',
        'Partners/Aanbod',
        'Partners/Kandidaturen',
      ]) {
        expect(await list(folder)).toEqual(expected(folder));
      }

      for (const file of drive) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(path.join(dir, ...file.path.split('/')));
        for (const layout of inputSheets(file.kind)) {
          const ws = wb.getWorksheet(layout.sheet);
          expect(ws, `${file.path}: ${layout.sheet}`).toBeDefined();
          if (!ws) continue;
          const headers = Object.values(layout.columns).map((c) => c.header);
          const keyCol = Object.keys(layout.columns).indexOf(layout.key) + 1;
          const headerTexts = headers.map((_, c) => ws.getRow(1).getCell(c + 1).text);
          expect(headerTexts, file.path).toEqual(headers);
          const rows = file.rows[layout.id] ?? [];
          const keys = rows.map((_, i) => ws.getRow(i + 2).getCell(keyCol).text);
          expect(keys, `${file.path} ${layout.sheet}`).toEqual(
            rows.map((row) => String(row[layout.key] ?? '')),
          );
        }
      }
      const leftovers = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.tmp'));
      expect(leftovers).toEqual([]);
    }
  });

  it('lets the validator find every recorded mistake, and nothing in the clean files', async () => {
    for (const file of drive) {
      const read = await readWorkbookFile(path.join(dir, ...file.path.split('/')), file.path);
      expect(read.ok, file.path).toBe(true);
      if (!read.ok) continue;
      const issues = validateWorkbook(read.workbook, region).issues;
      // A late or wrong-subject candidacy is no mistake in a file: the tracker's intake check
      // ("Controle bij ontvangst", as the sync writes it) says so on the row.
      const intake = file.mistakes.filter((m) => m.kind === 'late' || m.kind === 'wrong-subject');
      for (const m of intake) {
        const header = opvolgingLayout.columns[m.field as 'ontvangen' | 'onderwerp'].header;
        const text = String(file.rows[m.layout]?.[m.rowIndex]?.intake);
        expect(text, `${file.path}: ${m.kind} in row ${m.rowIndex + 2}`).toContain(`${header}: `);
      }
      if (file.mistakes.length === intake.length) {
        expect(issues, file.path).toEqual([]);
        continue;
      }
      for (const m of file.mistakes.filter((x) => !intake.includes(x))) {
        const layout = layoutById.get(m.layout) as AnyLayout;
        const cell = a1(Object.keys(layout.columns).indexOf(m.field) + 1, m.rowIndex + 2);
        const found = issues.some((i) => i.sheet === layout.sheet && issueCell(i) === cell);
        expect(found, `${file.path}: ${m.kind} at ${layout.sheet}!${cell}`).toBe(true);
      }
    }
  });
});
