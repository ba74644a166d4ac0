import { t } from '../domain/messages.js';
import type { Region } from '../domain/region/schema.js';
import type { Drive } from '../drive/drive.js';
import { listOrNull } from '../sync/list-folder.js';
import { openDrive, parseDriveSpec, unknownDriveMessage } from '../drive/open-drive.js';
import { DEFAULT_RETRY, withRetry } from '../drive/retry.js';
import { buildWorkbook, templateFileName } from '../workbook/xlsx/build-workbook.js';
import { templateJobs, workbookBytes } from '../workbook/xlsx/write-templates.js';
import { loadRegion } from './region-file.js';
import { EXIT, UsageError } from './usage-error.js';

// `partnerschap init --drive SPEC`: a new shared drive set up for the region: its folders, the
// blank templates in Sjablonen/, and LEESMIJ.txt saying what goes where. A drive that already
// has any of those folders is left untouched: init never overwrites a team's work.

export const TEMPLATES_FOLDER = 'Sjablonen';
const README_NAME = 'LEESMIJ.txt';

export async function runInit(o: { region?: string; drive: string }): Promise<number> {
  const region = await loadRegion(o.region);
  const spec = parseDriveSpec(o.drive);
  if (spec === null) throw new UsageError(unknownDriveMessage(o.drive));
  const drive = await openDrive(spec);
  // A folder drive may be a new folder; a Google Drive folder must exist (it has an id).
  if (spec.scheme === 'folder') await drive.makeFolder('');
  const folders = initFolders(region);
  const present = await existing(drive, folders);
  if (present.length > 0) {
    throw new UsageError(t('init.not-empty', { drive: drive.label, found: present.join(', ') }));
  }
  for (const folder of folders) await withRetry(() => drive.makeFolder(folder), DEFAULT_RETRY);
  for (const job of templateJobs(region)) {
    const bytes = await workbookBytes(buildWorkbook(job));
    await create(drive, TEMPLATES_FOLDER, templateFileName(job.kind, job.owner), bytes);
  }
  await create(drive, '', README_NAME, Buffer.from(`\ufeff${readme(region)}`, 'utf8'));
  process.stdout.write(`${t('init.done', { drive: drive.label, folders: folders.length })}\n`);
  return EXIT.ok;
}

function initFolders(region: Region): string[] {
  const d = region.drive;
  return [
    d.gemeenten,
    d.aanbod,
    d.kandidaturen,
    d.tracker,
    d.overzicht,
    d.feedback,
    TEMPLATES_FOLDER,
  ];
}

/** The folders that are on the drive already, and the explanation file if it is. */
async function existing(drive: Drive, folders: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const folder of folders) {
    if ((await listOrNull(drive, folder, DEFAULT_RETRY)) !== null) found.push(`${folder}/`);
  }
  const root = (await listOrNull(drive, '', DEFAULT_RETRY)) ?? [];
  if (root.some((f) => f.name === README_NAME)) found.push(README_NAME);
  return found;
}

async function create(drive: Drive, folder: string, name: string, bytes: Buffer): Promise<void> {
  const result = await withRetry(() => drive.create(folder, name, bytes), DEFAULT_RETRY);
  if (!result.ok) {
    throw new UsageError(t('init.not-empty', { drive: drive.label, found: `${folder}/${name}` }));
  }
}

function readme(region: Region): string {
  const d = region.drive;
  const lines = t('init.readme', {
    region: region.name,
    gemeenten: d.gemeenten,
    aanbod: d.aanbod,
    kandidaturen: d.kandidaturen,
    tracker: `${d.tracker}/${d.trackerName}`,
    overzicht: `${d.overzicht}/${d.overviewName}`,
    feedback: d.feedback,
    sjablonen: TEMPLATES_FOLDER,
  });
  return `${lines.split('\n').join('\r\n')}\r\n`;
}
