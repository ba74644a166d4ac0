import type { Issue } from '../issue.js';
import type { Aanbod, Kandidatuur, Nood, Persona } from '../layouts.js';
import type { Refusal } from '../refusal-message.js';
import type { Figure } from '../region/schema.js';
import type { Reminder } from '../reminders/model.js';
import type { WorkbookKind } from '../workbook-kinds.js';
import type { ShownCount } from './suppress.js';

// The regional overview as data: what every sheet of the overview workbook shows, in the order
// it shows it. Built by buildOverview (pure, deterministic), written by the xlsx writer, compared
// by its fingerprint.

/** A taken row with where it came from. */
export interface SourcedRecord<R> {
  source: string;
  sheet: string;
  row: number;
  /** The municipality of a gemeente workbook (its owner), for personas and needs; else null. */
  gemeente: string | null;
  record: R;
}

/** The rows the overview lists, each layout on its own sheet, typed from the layouts. */
export interface OverviewRecords {
  persona: SourcedRecord<Persona>[];
  nood: SourcedRecord<Nood>[];
  aanbod: SourcedRecord<Aanbod>[];
  kandidatuur: SourcedRecord<Kandidatuur>[];
}

export type RecordLayoutId = keyof OverviewRecords;

/** A refused row: where it was, why, and a readable summary of what could be read of it. */
export interface RefusedEntry {
  source: string;
  sheet: string;
  row: number;
  reasons: Issue[];
  /** "Header: value | Header: value", personal data masked. */
  values: string;
}

export interface Duplicate {
  kind: 'persona' | 'aanbod';
  /** How people recognise it: 'P01 (Deinze)', 'CAW Oost-Vlaanderen – Woonbegeleiding'. */
  label: string;
  /** Every taken row with this key, in source order (at least two). */
  occurrences: { source: string; row: number }[];
}

export interface SourceRow {
  path: string;
  md5: string;
  bytes: number;
  read: boolean;
  kind: WorkbookKind | null;
  owner: string | null;
  rowsRead: number;
  rowsTaken: number;
  rowsRefused: number;
  errors: number;
  warnings: number;
  /** Why an unreadable file could not be read. */
  refusal: Refusal | null;
  /** The issues of a readable file that no refused row shows (missing sheets or columns, warnings). */
  issues: Issue[];
}

export interface Totals {
  files: number;
  unreadable: number;
  rowsRead: number;
  rowsTaken: number;
  rowsRefused: number;
}

/** One line of the Overzicht table: a municipality, the unknown ones together, or the region. */
export interface AreaFigures {
  /** A municipality of the region; null for personas whose workbook names no known municipality. */
  municipality: string | null;
  personas: number;
  citizens: ShownCount;
  needs: number;
  /** Active offers serving it (listed, or the whole region). */
  offers: number;
  /** Candidacies naming it, or the whole region. */
  candidacies: number;
  gaps: number;
}

/** The region as a whole: every persona, need, active offer and candidacy. */
export type RegionFigures = Omit<AreaFigures, 'municipality'>;

export interface CoverageCell {
  /** Estimated citizens of the personas with at least one need in the area (suppressed). */
  demand: ShownCount;
  /** Needs in the area (0: no demand at all). */
  needs: number;
  /** Persona-IDs with a need in the area, sorted, unique. */
  personas: string[];
  /** Active offers for the area serving the municipality. */
  offers: number;
  /** Their shortest waiting time in weeks; null without offers. */
  shortestWait: number | null;
}

export interface CoverageRow {
  area: string;
  /** Per municipality, in the region's order. */
  cells: CoverageCell[];
  /** The whole region: every persona, every active offer for the area. */
  region: CoverageCell;
}

export interface Coverage {
  municipalities: string[];
  rows: CoverageRow[];
}

export type GapReason = 'no-offer' | 'long-wait';

export interface Gap {
  municipality: string;
  area: string;
  demand: ShownCount;
  personas: string[];
  reason: GapReason;
  offers: number;
  shortestWait: number | null;
}

/** A step of the matching timeline as the Tijdlijn sheet shows it (wall-clock dates, UTC fields). */
export interface TimelineStep {
  id: string;
  label: string;
  start: Date;
  end: Date | null;
  provisional: boolean;
  description: string;
}

export interface Overview {
  regionId: string;
  regionName: string;
  /** The day for which offers count as active (a wall-clock date at 00:00, UTC fields). */
  asOf: Date;
  gapWaitWeeks: number;
  totals: Totals;
  municipalities: AreaFigures[];
  region: RegionFigures;
  figures: Figure[];
  coverage: Coverage;
  gaps: Gap[];
  records: OverviewRecords;
  sources: SourceRow[];
  refused: RefusedEntry[];
  duplicates: Duplicate[];
  /** The region's matching timeline (Tijdlijn). */
  timeline: TimelineStep[];
  /** The reminders as of the start of asOf (Brussels), overdue first (Herinneringen). */
  reminders: Reminder[];
}
