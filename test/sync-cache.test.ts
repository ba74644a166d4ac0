import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { cp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import type { RemoteFile, UploadResult } from '../src/drive/drive.js';
import { FolderDrive } from '../src/drive/folder.js';
import { md5 } from '../src/fs/md5.js';
import { ContentCache } from '../src/sync/cache.js';
import { runSync } from '../src/sync/run-sync.js';
import { trackerContent, trackerEntry, TRACKER_PREFIX } from '../src/sync/tracker-content.js';
import { DEFAULT_READ_LIMITS } from '../src/workbook/xlsx/read-limits.js';
import { useExampleDrives } from './helpers/example-drives.js';
import { folderSyncOptions } from './helpers/sync-options.js';

// The local cache of validated results and of the last run that had nothing to do: what it
// saves (reading, validating, rebuilding, writing) and that it never changes an outcome.

const drives = useExampleDrives('sync-cache-');
const OFFER = 'Partners/Aanbod/Aanbod Budgetwijzer vzw.xlsx';
const TRACKER = 'Kandidaturen/Opvolging kandidaturen.xlsx';
const OVERVIEW = 'Overzicht/Regionaal overzicht.xlsx';
const CANDIDACY =
  'Partners/Kandidaturen/Kandidatuur CGG Eclips - Herstelpad in Leie & Schelde.xlsx';

/** A folder drive that notes every download of a source and every write outside its own state. */
class CountingDrive extends FolderDrive {
  downloads: string[] = [];
  writes: string[] = [];

  override async download(file: RemoteFile): Promise<Buffer> {
    if (/^(Gemeenten|Partners)\//.test(file.id)) this.downloads.push(file.id);
    return super.download(file);
  }
  override async upload(folder: string, name: string, bytes: Buffer, expected: string | null) {
    this.wrote(folder, name);
    return super.upload(folder, name, bytes, expected);
  }
  override async create(folder: string, name: string, bytes: Buffer): Promise<UploadResult> {
    this.wrote(folder, name);
    return super.create(folder, name, bytes);
  }
  override async rename(file: RemoteFile, name: string): Promise<UploadResult> {
    this.wrote(file.folder, file.name);
    return super.rename(file, name);
  }
  override async remove(file: RemoteFile): Promise<boolean> {
    this.wrote(file.folder, file.name);
    return super.remove(file);
  }
  reset(): void {
    this.downloads = [];
    this.writes = [];
  }
  private wrote(folder: string, name: string): void {
    if (!folder.startsWith('.partnerschap')) this.writes.push(`${folder}/${name}`);
  }
}

function sync(
  root: string,
  drive: FolderDrive,
  over: Parameters<typeof folderSyncOptions>[1] = {},
) {
  return runSync(folderSyncOptions(root, { drive, ...over }));
}

const cacheDir = (root: string) => path.join(`${root}-state`, 'cache');

/** Forgets the cached bytes of the sources, so that every source read again is downloaded. */
async function dropCachedBytes(root: string): Promise<void> {
  for (const name of await readdir(cacheDir(root))) {
    if (name.endsWith('.xlsx')) await rm(path.join(cacheDir(root), name));
  }
}

async function resultEntry(root: string, source: string): Promise<string> {
  const sum = md5(await readFile(path.join(root, source)));
  const names = (await readdir(cacheDir(root))).filter((n) => n.startsWith(`result-${sum}-`));
  expect(names).toHaveLength(1);
  return path.join(cacheDir(root), names[0]!);
}

/** The overview's sheets as XML, by part name. */
async function sheetXml(root: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(
    await readFile(path.join(root, 'Overzicht/Regionaal overzicht.xlsx')),
  );
  const parts = Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/sheet'));
  expect(parts.length).toBeGreaterThan(0);
  return Object.fromEntries(
    await Promise.all(parts.map(async (n) => [n, await zip.file(n)!.async('string')] as const)),
  );
}

describe('the sync cache', () => {
  let root = '';
  let drive: CountingDrive;

  it('builds from cached results the same overview, to the byte, as from the workbooks', async () => {
    root = await drives.fresh('cached');
    drive = new CountingDrive(root);
    await sync(root, drive);
    const uncached = await drives.fresh('uncached');
    await sync(uncached, new FolderDrive(uncached));
    // A second drive with the same files and a copy of the first one's results, but no bytes:
    // a source read again would have to be downloaded.
    const copy = await drives.fresh('copy');
    await cp(`${root}-state`, `${copy}-state`, { recursive: true });
    await dropCachedBytes(copy);
    const copyDrive = new CountingDrive(copy);
    const fromCache = await sync(copy, copyDrive);
    expect(fromCache.files).toMatchObject({ pulled: 0, unchanged: 51 });
    expect(copyDrive.downloads).toEqual([]);
    expect(await sheetXml(copy)).toEqual(await sheetXml(uncached));
    // The overview's fingerprint (its JSON as built, keys unsorted) is the same too: a sync from
    // cached results finds an unchanged overview unchanged. Every fingerprint is a hash.
    const written = async (r: string) =>
      (
        JSON.parse(await readFile(path.join(r, '.partnerschap/state.json'), 'utf8')) as {
          written: Record<string, { fingerprint: string }>;
        }
      ).written;
    const [fresh, cached] = [await written(uncached), await written(copy)];
    expect(cached[OVERVIEW]!.fingerprint).toBe(fresh[OVERVIEW]!.fingerprint);
    expect(Object.keys(fresh).length).toBeGreaterThan(3);
    for (const { fingerprint } of Object.values(fresh))
      expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);

  it('a second sync with nothing changed downloads and writes nothing, nor does a third', async () => {
    drive.reset();
    const second = await sync(root, drive);
    expect(second).toMatchObject({ uploaded: 0, overviewChanged: false });
    expect(second.files).toMatchObject({ pulled: 0, unchanged: 51 });
    expect([drive.downloads, drive.writes]).toEqual([[], []]);
    const third = await sync(root, drive);
    expect(third).toEqual(second);
    expect([drive.downloads, drive.writes]).toEqual([[], []]);
  }, 60_000);

  it('one changed workbook is the only one read again; the overview is written once', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(root, OFFER));
    wb.getWorksheet('Aanbod')!.getCell('B2').value = 'Budgetbegeleiding (gewijzigd)';
    await wb.xlsx.writeFile(path.join(root, OFFER));
    await dropCachedBytes(root);
    drive.reset();
    const next = await sync(root, drive);
    expect(next.files).toMatchObject({ pulled: 1, unchanged: 50 });
    expect(drive.downloads).toEqual([OFFER]);
    expect(drive.writes.filter((w) => w === OVERVIEW)).toEqual([OVERVIEW]);
    expect(next.changes.changedSources).toEqual([OFFER]);
  }, 60_000);

  it('a damaged or truncated entry is derived again, never trusted', async () => {
    const before = await sync(root, drive);
    const flipped = await resultEntry(root, 'Gemeenten/Gemeente Deinze.xlsx');
    const bytes = await readFile(flipped);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    await writeFile(flipped, bytes);
    await truncate(await resultEntry(root, OFFER), 100);
    // The run that had nothing to do is forgotten too, or it would be told again unread.
    await rm(path.join(cacheDir(root), 'settled-run.bin'));
    await dropCachedBytes(root);
    drive.reset();
    const again = await sync(root, drive);
    expect(drive.downloads.sort()).toEqual(['Gemeenten/Gemeente Deinze.xlsx', OFFER]);
    expect(again.files).toMatchObject({ pulled: 2, unchanged: 49 });
    expect({ ...again, files: before.files }).toEqual(before);
    await rm(path.join(cacheDir(root), 'settled-run.bin'));
    drive.reset();
    await sync(root, drive);
    expect(drive.downloads).toEqual([]);
  }, 60_000);

  it('reads each version of the tracker once: an unchanged one comes from the cache', async () => {
    await sync(root, drive);
    const tracker = await readFile(path.join(root, TRACKER));
    const sum = md5(tracker);
    const cache = new ContentCache(`${root}-state`);
    // The entry of the version on the drive (the one the sync wrote) is kept, no other.
    const entries = (await readdir(cacheDir(root))).filter((n) => n.startsWith(TRACKER_PREFIX));
    const entry = trackerEntry(leieSchelde, DEFAULT_READ_LIMITS, sum, TRACKER).name;
    expect(entries).toEqual([`${entry}.bin`]);
    const read = (bytes: Buffer, region = leieSchelde, from = cache) =>
      trackerContent(from, region, DEFAULT_READ_LIMITS, { md5: sum, path: TRACKER, bytes });
    // Served from the cache: bytes that are no workbook at all are never read.
    const cached = await read(Buffer.from('geen werkmap'));
    expect('ok' in cached).toBe(false);
    const fresh = await read(tracker, leieSchelde, new ContentCache(await drives.fresh('empty')));
    expect(cached).toEqual(fresh);
    expect('validation' in cached && cached.validation.meta?.kind).toBe('opvolging');
    // Another region configuration reads the file again (here: fails to, as it should), and
    // keeps its own entry beside this one's: two regions sharing a cache do not evict each other.
    const other = { ...leieSchelde, timeZone: 'Europe/Amsterdam' };
    expect(await read(Buffer.from('geen werkmap'), other)).toMatchObject({ ok: false });
    await read(tracker, other);
    expect('ok' in (await read(Buffer.from('geen werkmap'), other))).toBe(false);
    expect('ok' in (await read(Buffer.from('geen werkmap')))).toBe(false);
    // A damaged entry is not trusted.
    const file = path.join(cacheDir(root), `${entry}.bin`);
    const bytes = await readFile(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    await writeFile(file, bytes);
    expect(await read(Buffer.from('geen werkmap'))).toMatchObject({ ok: false });
  }, 60_000);

  it('damaged cached bytes of the tracker are downloaded again, never patched and uploaded', async () => {
    const trackerFile = path.join(root, TRACKER);
    const cached = path.join(cacheDir(root), `${md5(await readFile(trackerFile))}.xlsx`);
    const bytes = await readFile(cached);
    const middle = Math.floor(bytes.length / 2);
    bytes.writeUInt8(bytes.readUInt8(middle) ^ 0x01, middle);
    await writeFile(cached, bytes);
    // A candidacy's title changed: the sync patches the tracker's bytes and uploads them.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(root, CANDIDACY));
    wb.getWorksheet('Kandidatuur')!.getCell('A2').value = 'Herstelpad vernieuwd';
    await wb.xlsx.writeFile(path.join(root, CANDIDACY));
    drive.reset();
    await sync(root, drive);
    expect(drive.writes).toContain(TRACKER);
    // Every part of the tracker on the drive is whole (its CRC checked) and it has the change.
    const zip = await JSZip.loadAsync(await readFile(trackerFile), { checkCRC32: true });
    const texts = await Promise.all(Object.values(zip.files).map((f) => f.async('string')));
    expect(texts.some((x) => x.includes('Herstelpad vernieuwd'))).toBe(true);
  }, 60_000);

  it('results made under another region configuration are not used', async () => {
    const other = {
      ...leieSchelde,
      coordinator: { ...leieSchelde.coordinator, contact: 'Iemand anders' },
    };
    await dropCachedBytes(root);
    drive.reset();
    const run = await sync(root, drive, { region: other });
    expect(run.files).toMatchObject({ pulled: 51, unchanged: 0 });
  }, 60_000);
});
