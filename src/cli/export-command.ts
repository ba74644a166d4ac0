import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { hsdsDataPackage } from '../domain/hsds/datapackage.js';
import { hsdsFromOffers } from '../domain/hsds/map-offers.js';
import { HSDS_TABLES } from '../domain/hsds/tables.js';
import { aanbodLayout } from '../domain/layouts.js';
import { t } from '../domain/messages.js';
import { dayOf } from '../domain/overview/active.js';
import { settleSources } from '../domain/overview/merge.js';
import { collectRecords } from '../domain/overview/records.js';
import type { SourceInput } from '../domain/overview/sources.js';
import { refusalMessage } from '../domain/refusal-message.js';
import type { Region } from '../domain/region/schema.js';
import { formatDate, instantToWallClock } from '../domain/time.js';
import { sheetOf } from '../domain/validate.js';
import type { Drive } from '../drive/drive.js';
import { csvText } from '../fs/csv.js';
import { uuidV5 } from '../fs/uuid-v5.js';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { openCommandDrive } from './command-drive.js';
import { pullSources } from './pull-sources.js';
import { parseAt } from './parse-at.js';
import { loadRegion } from './region-file.js';
import { usageErrorOf } from './sync-command.js';
import { EXIT, UsageError } from './usage-error.js';

// `partnerschap export --hsds DIR`: the offer workbooks of the drive's Aanbod folder, taken from
// the drive as the sync takes them (the same cache), written as Open Referral HSDS 3.0 in DIR:
// one CSV file per table and datapackage.json. Exit 0 when every offer was exported; 1 when the
// files were written but a workbook could not be read or offer rows were left out (each said);
// 2 when nothing could be exported (no drive, no offer workbook read): then DIR is left as it
// was, so a good export is never replaced by an empty one.

export interface ExportCommandOptions {
  region?: string;
  drive?: string;
  state?: string;
  hsds: string;
  /** dd/mm/jjjj [uu:mm] on the region's wall clock: the day offers must be valid; today when absent. */
  at?: string;
}

export async function runExport(o: ExportCommandOptions, now = new Date()): Promise<number> {
  const region = await loadRegion(o.region);
  const at = o.at === undefined ? now : parseAt(region, o.at);
  const asOf = dayOf(instantToWallClock(at, region.timeZone));
  const target = await stat(o.hsds).catch(() => null);
  if (target !== null && !target.isDirectory()) {
    throw new UsageError(t('cli.export-not-dir', { dir: o.hsds }));
  }
  const { drive, stateDir } = await openCommandDrive(o);
  const { sources, notes } = await offerSources(drive, region, stateDir);
  const problems = problemLines(sources);
  if (sources.every((s) => !s.outcome.ok)) {
    const key = sources.length === 0 ? 'cli.export-no-files' : 'cli.export-nothing-read';
    process.stdout.write([...notes, ...problems].map((l) => `${l}\n`).join(''));
    const message = t(key, { folder: region.drive.aanbod, drive: drive.label });
    process.stderr.write(`${t('cli.error', { message })}\n`);
    return EXIT.unreadable;
  }
  const offers = collectRecords(region, sources).aanbod;
  const out = hsdsFromOffers(region, offers, { asOf, idOf: uuidV5 });
  problems.push(
    ...out.doubles.map((d) =>
      t('cli.export-double', {
        file: d.source,
        row: d.row,
        partner: d.record.partner,
        naam: d.record.naam,
      }),
    ),
  );
  await mkdir(o.hsds, { recursive: true });
  for (const table of HSDS_TABLES) {
    const csv = csvText(
      table.fields.map((f) => f.name),
      out.tables[table.name],
    );
    await writeFileAtomic(path.join(o.hsds, table.path), Buffer.from(csv, 'utf8'));
  }
  const pkg = `${JSON.stringify(hsdsDataPackage(region, asOf), null, 2)}\n`;
  await writeFileAtomic(path.join(o.hsds, 'datapackage.json'), Buffer.from(pkg, 'utf8'));
  const lines = [
    ...notes,
    ...problems,
    t('cli.export-summary', {
      services: out.services,
      organizations: out.tables.organization.length,
      date: formatDate(asOf),
      inactive: out.inactive,
    }),
    t('cli.export-written', {
      dir: o.hsds,
      files: [...HSDS_TABLES.map((x) => x.path), 'datapackage.json'].join(', '),
    }),
  ];
  process.stdout.write(lines.map((l) => `${l}\n`).join(''));
  return problems.length > 0 ? EXIT.dataProblems : EXIT.ok;
}

/** The workbooks of the Aanbod folder, pulled through the sync's cache, read and settled. */
async function offerSources(
  drive: Drive,
  region: Region,
  stateDir: string,
): Promise<{ sources: SourceInput[]; notes: string[] }> {
  try {
    const pulled = await pullSources({ drive, stateDir }, region, region.drive.aanbod);
    settleSources(region, pulled.sources);
    return { sources: pulled.sources, notes: pulled.notes };
  } catch (err) {
    throw usageErrorOf(err, region, drive.label) ?? err;
  }
}

/** A line for every workbook that could not be read and every one with offer rows refused. */
function problemLines(sources: readonly SourceInput[]): string[] {
  return sources.flatMap((s) => {
    if (!s.outcome.ok) {
      return [
        t('cli.overview-refused', { file: s.path, message: refusalMessage(s.outcome.refusal) }),
      ];
    }
    const count = sheetOf(s.outcome.result, aanbodLayout)?.refused.length ?? 0;
    return count === 0 ? [] : [t('cli.export-rows-refused', { file: s.path, count })];
  });
}
