import type ExcelJS from 'exceljs';
import path from 'node:path';
import { writeFileAtomic } from '../../fs/write-atomic.js';
import type { Region } from '../../domain/region/schema.js';
import { buildWorkbook, templateFileName, type BuildOptions } from './build-workbook.js';

// The Node side of the built workbooks: their bytes as a Buffer and the templates written to a
// folder. Kept apart from build-workbook.ts so the builder also runs in the browser.

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The blank templates: a gemeente workbook per municipality, the aanbod and kandidatuur ones. */
export function templateJobs(region: Region): BuildOptions[] {
  return [
    ...region.municipalities.map((m) => ({ kind: 'gemeente' as const, region, owner: m })),
    { kind: 'aanbod', region, owner: '' },
    { kind: 'kandidatuur', region, owner: '' },
  ];
}

/** Writes the templates (templateJobs) into a folder. */
export async function writeTemplates(region: Region, outDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const job of templateJobs(region)) {
    const file = path.join(outDir, templateFileName(job.kind, job.owner));
    await writeFileAtomic(file, await workbookBytes(buildWorkbook(job)));
    written.push(file);
  }
  return written;
}
