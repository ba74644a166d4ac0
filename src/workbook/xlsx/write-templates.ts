import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../fs/write-atomic.js';
import type { Region } from '../../domain/region/schema.js';
import { buildWorkbook, templateFileName, type BuildOptions } from './build-workbook.js';

// The Node side of the built workbooks: their bytes as a Buffer and the templates written to a
// folder. Kept apart from build-workbook.ts so the builder also runs in the browser.

/**
 * The workbook as xlsx bytes, the same bytes for the same workbook: exceljs stamps every zip
 * entry with the moment of writing, so the entries get the workbook's own date instead (the sync
 * recognises a file by its bytes: an unchanged overview must not look changed).
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const date = wb.modified ?? new Date(0);
  zip.forEach((_, entry) => {
    entry.date = date;
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

type TemplateKind = 'gemeente' | 'aanbod' | 'kandidatuur';

export interface WrittenTemplates {
  written: string[];
  /** Files that were there already and were left as they were (without `force`). */
  kept: string[];
}

/** The blank templates: a gemeente workbook per municipality, the aanbod and kandidatuur ones. */
export function templateJobs(region: Region): (BuildOptions & { kind: TemplateKind })[] {
  return [
    ...region.municipalities.map((m) => ({ kind: 'gemeente' as const, region, owner: m })),
    { kind: 'aanbod' as const, region, owner: '' },
    { kind: 'kandidatuur' as const, region, owner: '' },
  ];
}

/**
 * The kinds whose templates belong in `dir`: in a drive's folder of one kind (the path ends with
 * the region's folder for it, e.g. Partners/Aanbod), only that kind; elsewhere all three.
 */
export function templateKindsFor(region: Region, dir: string): TemplateKind[] {
  const segments = path.resolve(dir).toLowerCase().split(path.sep);
  const endsWith = (folder: string) => {
    const tail = folder.toLowerCase().split('/');
    return tail.every((s, i) => segments[segments.length - tail.length + i] === s);
  };
  const folders: [TemplateKind, string][] = [
    ['gemeente', region.drive.gemeenten],
    ['aanbod', region.drive.aanbod],
    ['kandidatuur', region.drive.kandidaturen],
  ];
  const own = folders.filter(([, folder]) => endsWith(folder)).map(([kind]) => kind);
  return own.length > 0 ? own : folders.map(([kind]) => kind);
}

/**
 * Writes the templates that belong in `outDir` (templateKindsFor): a gemeente workbook per
 * municipality, the aanbod and kandidatuur templates. An existing file is kept, unless `force`:
 * it may be a filled-in workbook.
 */
export async function writeTemplates(
  region: Region,
  outDir: string,
  o: { force?: boolean } = {},
): Promise<WrittenTemplates> {
  const wanted = new Set(templateKindsFor(region, outDir));
  const done: WrittenTemplates = { written: [], kept: [] };
  for (const job of templateJobs(region).filter((j) => wanted.has(j.kind))) {
    const file = path.join(outDir, templateFileName(job.kind, job.owner));
    // Checked again just before the rename: a file made meanwhile is kept too.
    const absent = async () => !(await exists(file));
    const wrote =
      (o.force === true || (await absent())) &&
      (await writeFileAtomic(
        file,
        await workbookBytes(buildWorkbook(job)),
        o.force ? undefined : absent,
      ));
    (wrote ? done.written : done.kept).push(file);
  }
  return done;
}

async function exists(file: string): Promise<boolean> {
  // lstat: a symbolic link, even a dangling one, is something there already.
  return lstat(file).then(
    () => true,
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return false;
      throw err;
    },
  );
}
