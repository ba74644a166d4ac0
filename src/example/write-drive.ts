import { utimes } from 'node:fs/promises';
import path from 'node:path';
import { wallClockToInstant } from '../domain/time.js';
import type { Region } from '../domain/region/schema.js';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { buildWorkbook } from '../workbook/xlsx/build-workbook.js';
import { workbookBytes } from '../workbook/xlsx/write-templates.js';
import { generateExample, type ExampleOptions } from './generate.js';

export interface ExampleDriveSummary {
  /** Workbooks written. */
  files: number;
  /** Municipal workbooks (one per municipality). */
  municipalities: number;
  /** Partner offer workbooks. */
  offers: number;
  /** Candidacy workbooks (one proposal each). */
  proposals: number;
}

/**
 * Generates the example drive and writes every workbook under `outDir`, creating the folders.
 * Files are written one at a time (only one workbook in memory) and atomically: to a temporary
 * name in the same folder, then renamed, so a reader never sees half a file. Existing files with
 * the same names are replaced; other files in `outDir` are left alone.
 */
export async function writeExampleDrive(
  region: Region,
  outDir: string,
  o: Partial<ExampleOptions> = {},
): Promise<ExampleDriveSummary> {
  const files = generateExample(region, o);
  const summary: ExampleDriveSummary = { files: 0, municipalities: 0, offers: 0, proposals: 0 };
  for (const file of files) {
    const target = path.join(outDir, ...file.path.split('/'));
    const wb = buildWorkbook({ ...file, region });
    await writeFileAtomic(target, await workbookBytes(wb));
    // The drive's "last modified" of the file, as the overview shows it.
    if (file.modified) {
      const at = wallClockToInstant(file.modified, region.timeZone);
      await utimes(target, at, at);
    }
    summary.files++;
    if (file.kind === 'gemeente') summary.municipalities++;
    else if (file.kind === 'aanbod') summary.offers++;
    else if (file.kind === 'kandidatuur') summary.proposals++;
  }
  return summary;
}
