import type { Issue } from '../issue.js';
import type { Aanbod, Kandidatuur, Nood, Persona } from '../layouts.js';
import type { Refusal } from '../refusal-message.js';
import type { Figure } from '../region/schema.js';
import type { Reminder } from '../reminders/model.js';
import type { WorkbookKind } from '../workbook-kinds.js';
import type { MilestoneStatus } from '../pane/timeline-items.js';
import type { ShownCount } from './suppress.js';

// The regional overview as data: what every sheet of the overview workbook shows, in the order
// it shows it. Built by buildOverview (pure, deterministic), written by the xlsx writer, compared
// as canonical JSON (the sync hashes it).

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

/** Why a file's rows were refused as duplicates of another file's. */
export type DuplicateReason =
  /** The same bytes (same MD5). */
  | 'identical'
  /** A second workbook of a municipality that already has one. */
  | 'same-municipality'
  /** The same records (offers) as another file. */
  | 'same-records';

/** A file whose rows (some or all) count in another file's place: they were refused. */
export interface Duplicate {
  reason: DuplicateReason;
  /** The file whose rows were refused as duplicates. */
  refused: string;
  /** The file whose rows count. */
  kept: string;
  /** The municipality both workbooks belong to ('same-municipality'); else null. */
  municipality: string | null;
  /** How many rows of `refused` were refused as duplicates of `kept`. */
  rows: number;
}

/**
 * A municipality's workbook: read and counted, sent but unreadable (or of no known kind), sent
 * without a single row, or not there at all.
 */
export type DeliveryStatus = 'delivered' | 'refused' | 'empty' | 'missing';

export interface MunicipalityDelivery {
  municipality: string;
  status: DeliveryStatus;
  /** The workbook that counts (delivered), the refused or empty ones; none when missing. */
  sources: string[];
  /**
   * When the newest of those files last changed (the drive's modified time), as a wall-clock
   * time in the region's zone (UTC fields); null when missing or when the drive gave no time.
   */
  updated: Date | null;
}

/** A source folder the region expects files in (Gemeenten, Partners/Aanbod, Partners/Kandidaturen). */
export interface FolderDelivery {
  folder: string;
  expects: 'gemeente' | 'aanbod' | 'kandidatuur';
  /** Files found under the folder. */
  files: number;
  /** No file under it, and no workbook of its kind anywhere among the sources. */
  empty: boolean;
}

/** Who delivered: every municipality of the region and every expected folder. */
export interface Delivery {
  municipalities: MunicipalityDelivery[];
  folders: FolderDelivery[];
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

/** The region as a whole: every persona, need, active offer and candidacy. */
export interface RegionFigures {
  personas: number;
  citizens: ShownCount;
  needs: number;
  /** Active offers serving it (listed, or the whole region). */
  offers: number;
  /** Candidacies naming it, or the whole region. */
  candidacies: number;
  gaps: number;
}

/**
 * One line of the Overzicht table: a municipality, the unknown ones together, or the region. A
 * municipality without a workbook that counts has no demand figures (null, never 0): see status.
 */
export interface AreaFigures {
  /** A municipality of the region; null for personas whose workbook names no known municipality. */
  municipality: string | null;
  /** The municipality's delivery; 'delivered' for the unknown ones. */
  status: DeliveryStatus;
  personas: number | null;
  citizens: ShownCount | null;
  needs: number | null;
  offers: number;
  candidacies: number;
  gaps: number | null;
}

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
  /** The candidacies that address it: "Titel (trekker)", ": niet ontvankelijk" when the tracker says so. */
  candidacies: string[];
}

/** What a candidacy addresses of the region's gaps. */
export interface CandidacyGaps {
  /** "Probleemgebied (Gemeente)" of each gap it addresses. */
  gaps: string[];
  /** The estimated citizens in those gaps, each persona once; "< 5" below five. */
  citizens: ShownCount;
}

/** Where the tracker has a candidacy: its dossier, stage and written assessment. */
export interface CandidacyTracking {
  dossier: string | null;
  stage: string | null;
  /** The weighted average of the reviewers' scores (tracker/scores.ts); null without scores. */
  average: number | null;
  rank: number | null;
}

/** A step of the matching timeline as the Tijdlijn sheet shows it (wall-clock dates, UTC fields). */
export interface TimelineStep {
  id: string;
  label: string;
  start: Date;
  end: Date | null;
  /** Whether start and end carry a time; a date alone is shown as a date (the whole day). */
  startTimed: boolean;
  endTimed: boolean;
  provisional: boolean;
  description: string;
  /** Where the overview's day stands: "voorbij", "volgende stap, over 3 dagen" … */
  status: string;
  /** "09/06/2023 23:59", or "van … tot en met …" for a window. */
  dateText: string;
  /** The same as data: past, the next step, or later. */
  state: MilestoneStatus;
  /** Whole days until it starts (0 once a window has begun); null when past. */
  daysToGo: number | null;
}

/** How many of the tracker's candidacies stand at a stage (the stadium list's order). */
export interface StageCount {
  /** A stage of the list; null for rows whose stage is empty or not one of the list. */
  stage: string | null;
  candidacies: number;
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
  /** Per candidacy of records.kandidatuur, in its order: the gaps it addresses. */
  candidacyGaps: CandidacyGaps[];
  /**
   * Per candidacy of records.kandidatuur, in its order: the tracker's row for its file; null
   * when the tracker has none (or there is no tracker).
   */
  candidacyTracking: (CandidacyTracking | null)[];
  sources: SourceRow[];
  refused: RefusedEntry[];
  /** Who delivered: municipalities without a workbook, empty folders. */
  delivery: Delivery;
  /** Files whose rows were refused because another file holds them. */
  duplicates: Duplicate[];
  /** The region's matching timeline (Tijdlijn). */
  timeline: TimelineStep[];
  /** The reminders as of the start of asOf (Brussels), overdue first (Herinneringen). */
  reminders: Reminder[];
  /** The tracker's candidacies per stage, every stage listed; null without a tracker. */
  stages: StageCount[] | null;
}
