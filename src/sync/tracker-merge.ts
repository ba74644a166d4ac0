import { candidacyRowKey } from '../domain/overview/candidacy-gap-texts.js';
import type { Receipt } from '../domain/intake.js';
import { issueMessage, type Issue } from '../domain/issue.js';
import { beoordelingLayout, kandidatuurLayout, opvolgingLayout } from '../domain/layouts.js';
import { t } from '../domain/messages.js';
import type { SourceInput } from '../domain/overview/sources.js';
import type { Region } from '../domain/region/schema.js';
import {
  mergeTracker,
  trackerFingerprint,
  type CandidacyInput,
  type MergedTracker,
} from '../domain/tracker/merge.js';
import type { RawTable } from '../domain/tracker/raw-table.js';
import { rowsOf, type ValidationResult } from '../domain/validate.js';
import { sha256 } from './cache.js';
import type { TrackerRead } from './tracker-read.js';

// The tracker stage's middle step, pure: the candidacies pulled in this run merged into the
// tracker as read (the domain's mergeTracker, ownership per column), with fingerprints of the
// content before and after so an unchanged tracker is not written.

export type TrackerMerge =
  | { ok: false; refusal: string }
  | { ok: true; merged: MergedTracker; before: string; after: string };

const EMPTY: RawTable = { rows: [], extraHeaders: [], columns: new Map() };
const FIELDS = [Object.keys(opvolgingLayout.columns), Object.keys(beoordelingLayout.columns)];

/** The merge of a tracker as read (null: none on the drive yet), or why it cannot be used. */
export function mergeStage(
  region: Region,
  read: TrackerRead | null,
  candidacies: readonly CandidacyInput[],
  receipts: Readonly<Record<string, Receipt>>,
): TrackerMerge {
  const refusal =
    read === null
      ? null
      : (read.refusal ??
        (read.tables.opvolging && read.tables.beoordeling ? null : errorText(read.validation)));
  if (refusal !== null) return { ok: false, refusal };
  const opv = read?.tables.opvolging ?? EMPTY;
  const beo = read?.tables.beoordeling ?? EMPTY;
  const merged = mergeTracker(region, opv, candidacies, read?.reviews ?? [], receipts);
  // Hashed: the state on the drive records the fingerprint of what it wrote (the tracker's
  // content as JSON took ~0.5 MB of state at --scale 40).
  const before = sha256(trackerFingerprint([opv, beo], FIELDS)).toString('hex');
  const after = sha256(trackerFingerprint([merged, beo], FIELDS)).toString('hex');
  return { ok: true, merged, before, after };
}

/** The candidacy rows pulled in this run, with their file's issues in Dutch. */
export function candidacyInputs(
  region: Region,
  sources: readonly SourceInput[],
  notes: string[],
  /** The "Vult hiaten" text of each candidacy row, by candidacyRowKey (the sync's overview). */
  gapTexts?: ReadonlyMap<string, string>,
): CandidacyInput[] {
  const out: CandidacyInput[] = [];
  for (const s of sources) {
    if (!s.outcome.ok || s.outcome.result.meta?.kind !== 'kandidatuur') continue;
    const { result } = s.outcome;
    for (const { row, record: r } of rowsOf(result, kandidatuurLayout)) {
      if (r.titel === null || r.trekker === null) {
        notes.push(t('tracker.note.no-key', { path: s.path, row }));
        continue;
      }
      out.push({
        record: { ...r, titel: r.titel, trekker: r.trekker },
        path: s.path,
        issues: issueLines(result.issues, row),
        // A row the overview did not take in (refused) is matched to no gap: says so.
        ...(gapTexts && {
          gaps: gapTexts.get(candidacyRowKey(s.path, row)) ?? t('tracker.gaps.not-taken'),
        }),
      });
    }
  }
  return out;
}

/** The issues of one candidacy row (and of its whole file), one line each. */
function issueLines(issues: readonly Issue[], row: number): string[] {
  const mine = issues.filter((i) => i.severity !== 'info' && (i.row === null || i.row === row));
  const line = (i: Issue) =>
    i.header === null ? issueMessage(i) : `${i.header}: ${issueMessage(i)}`;
  return [...new Set(mine.map(line))];
}

/** The first error of a tracker that could not be used, in Dutch ('' when there is none). */
function errorText(validation: ValidationResult | null): string {
  const first = validation?.issues.find((i) => i.severity === 'error');
  return first ? issueMessage(first) : '';
}
