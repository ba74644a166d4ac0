import {
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RemoteFile } from '../src/drive/drive.js';
import { FolderDrive } from '../src/drive/folder.js';
import { LeaseHeldError, type LeaseInfo } from '../src/sync/run-errors.js';
import { DriveSetupError } from '../src/sync/list-sources.js';
import { runSync } from '../src/sync/run-sync.js';
import { runCli } from './helpers/cli.js';
import { convertWithLibreOffice, sofficePath } from './helpers/libreoffice.js';
import { useExampleDrives } from './helpers/example-drives.js';
import { folderSyncOptions } from './helpers/sync-options.js';

// The sync as a team uses it: several machines (state folders) on one drive, two runs at once,
// the overview re-saved in LibreOffice, feedback of sources that left, a drive without the
// region's folders. The drive-side state (.partnerschap/) is what they share.

const drives = useExampleDrives('sync-team-');
const freshDrive = drives.fresh;

/** Every file on the drive (hidden ones too), as sorted relative paths. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

const OVERVIEW = 'Overzicht/Regionaal overzicht.xlsx';
const keptCopies = (files: string[]) => files.filter((f) => f.includes('eigen wijzigingen'));

describe('one drive, many machines', () => {
  it('two state folders alternating: no copies, the overview follows every change', async () => {
    const root = await freshDrive('alternating');
    const pc = (n: number, weeks: number) =>
      folderSyncOptions(root, {
        stateDir: path.join(drives.work(), `alt-pc${n}`),
        gapWaitWeeks: weeks,
      });
    const first = await runSync(pc(1, 8));
    expect(first.changes.first).toBe(true);
    for (const [n, weeks] of [
      [2, 8],
      [1, 8],
      [2, 4],
      [1, 2],
    ] as const) {
      const s = await runSync(pc(n, weeks));
      expect(s.kept).toEqual([]);
      expect(s.conflicts).toBe(0);
      expect(s.changes.first).toBe(false);
    }
    const files = await tree(root);
    expect(files.filter((f) => /\(.*\d{4}-\d{2}-\d{2}.*\)/.test(f))).toEqual([]);
    // The last run (2 weeks) is what the overview shows: it was written, not kept aside.
    const last = await runSync(pc(2, 2));
    expect(last.overviewChanged).toBe(false);
    expect(last.uploaded).toBe(0);
  });

  it("a second PC's runs after its first download say nothing was downloaded", async () => {
    const root = await freshDrive('second-pc');
    await runSync(folderSyncOptions(root, { stateDir: path.join(drives.work(), 'pc-a') }));
    const pcB = folderSyncOptions(root, { stateDir: path.join(drives.work(), 'pc-b') });
    // Its first run downloads everything and writes nothing: the drive is as PC A left it.
    const first = await runSync(pcB);
    expect(first).toMatchObject({ uploaded: 0 });
    expect(first.files.pulled).toBeGreaterThan(0);
    const again = await runSync(pcB);
    expect(again.files).toEqual({
      ...first.files,
      pulled: 0,
      unchanged: first.files.unchanged + first.files.pulled,
    });
  });

  it('a workbook saved again unchanged moves Laatst bijgewerkt, the same on every PC', async () => {
    const root = await freshDrive('resaved');
    const pc = (name: string) =>
      folderSyncOptions(root, { stateDir: path.join(drives.work(), name) });
    await runSync(pc('resave-a'));
    expect((await runSync(pc('resave-a'))).uploaded).toBe(0);
    // Saved again the same: its bytes (and MD5) as they were, its time not.
    const saved = new Date('2023-06-20T10:00:00Z');
    await utimes(path.join(root, 'Gemeenten/Gemeente Deinze.xlsx'), saved, saved);
    const after = await runSync(pc('resave-a'));
    expect(after.overviewChanged).toBe(true);
    expect(after.files.pulled).toBe(0);
    // A second PC, its cache empty, makes the same overview: nothing to upload.
    expect((await runSync(pc('resave-b'))).uploaded).toBe(0);
  });

  it('a deleted cache costs downloads, never a copy', async () => {
    const root = await freshDrive('cache-cleared');
    const stateDir = path.join(drives.work(), 'cleared-state');
    await runSync(folderSyncOptions(root, { stateDir }));
    await rm(stateDir, { recursive: true, force: true });
    const again = await runSync(folderSyncOptions(root, { stateDir }));
    expect(again.files.pulled).toBeGreaterThan(0);
    expect(again).toMatchObject({ uploaded: 0, kept: [], conflicts: 0 });
    expect(again.changes).toMatchObject({ newSources: [], changedSources: [] });
  });

  it('a lost or corrupt drive state is rebuilt, saying so, without copies of feedback', async () => {
    const root = await freshDrive('state-lost');
    await runSync(folderSyncOptions(root));
    await writeFile(path.join(root, '.partnerschap/state.json'), '{ kapot');
    const s = await runSync(folderSyncOptions(root));
    expect(s.notes.join('\n')).toContain('opnieuw opgebouwd');
    // Feedback files are recognised as the sync's own by their first line, the overview by its
    // bytes when its content is the same (workbooks are written byte for byte the same).
    expect(s.kept).toEqual([]);
    await rm(path.join(root, '.partnerschap/state.json'));
    const next = await runSync(folderSyncOptions(root, { gapWaitWeeks: 2 }));
    // Another overview than the one there: that one may hold someone's edits, kept once.
    expect(next.kept).toEqual([
      'Overzicht/Regionaal overzicht (eigen wijzigingen 2023-06-15 12.00).xlsx',
    ]);
  });

  it.skipIf(sofficePath() === null)(
    'an overview re-saved in LibreOffice is kept aside once; three syncs add no more copies',
    async () => {
      const root = await freshDrive('libreoffice');
      await runSync(folderSyncOptions(root));
      const out = path.join(drives.work(), 'lo-out');
      await mkdir(out, { recursive: true });
      const [saved] = await convertWithLibreOffice([path.join(root, OVERVIEW)], 'xlsx', out);
      await copyFile(saved!, path.join(root, OVERVIEW));
      const theirs = await readFile(path.join(root, OVERVIEW));
      const runs = [];
      for (const weeks of [8, 4, 2]) {
        runs.push(await runSync(folderSyncOptions(root, { gapWaitWeeks: weeks })));
      }
      expect(runs.map((r) => r.kept.length)).toEqual([1, 0, 0]);
      expect(runs[0]!.notes.join('\n')).toContain('werd door iemand anders gewijzigd');
      const copies = keptCopies(await tree(root));
      expect(copies).toEqual([
        'Overzicht/Regionaal overzicht (eigen wijzigingen 2023-06-15 12.00).xlsx',
      ]);
      expect(await readFile(path.join(root, copies[0]!))).toEqual(theirs);
      expect(await readFile(path.join(root, OVERVIEW))).not.toEqual(theirs);
    },
    180_000,
  );

  it('identical bytes are never a conflict, even with no record of them', async () => {
    const root = await freshDrive('identical');
    await runSync(folderSyncOptions(root));
    const zulte = path.join(root, 'Feedback/Gemeenten/Gemeente Zulte.xlsx - feedback.txt');
    const state = JSON.parse(await readFile(path.join(root, '.partnerschap/state.json'), 'utf8'));
    // Forget the feedback files, as a state from before they were written would.
    state.written = Object.fromEntries(
      Object.entries(state.written).filter(([k]) => !k.startsWith('Feedback/')),
    );
    await writeFile(path.join(root, '.partnerschap/state.json'), JSON.stringify(state));
    const before = await readFile(zulte);
    const s = await runSync(folderSyncOptions(root));
    expect(s).toMatchObject({ kept: [], conflicts: 0, uploaded: 0 });
    expect(await readFile(zulte)).toEqual(before);
  });
});

/** A lease on the drive as another run left it. */
async function leaseHeldBy(root: string, holder: Omit<LeaseInfo, 'started'>): Promise<void> {
  const info: LeaseInfo = { ...holder, started: '2023-06-15T09:58:00.000Z' };
  await new FolderDrive(root).create(
    '.partnerschap',
    'sync.lock',
    Buffer.from(JSON.stringify(info)),
  );
}

describe('one sync at a time', () => {
  it('two syncs started at once: one runs, the other waits for it, no copies', async () => {
    const root = await freshDrive('concurrent');
    const opts = (n: number) =>
      folderSyncOptions(root, {
        stateDir: path.join(drives.work(), `conc-${n}`),
        lease: { pollMs: 20, waitMs: 120_000 },
      });
    const [a, b] = await Promise.all([runSync(opts(1)), runSync(opts(2))]);
    expect([a.changes.first, b.changes.first].sort()).toEqual([false, true]);
    expect([...a.kept, ...b.kept]).toEqual([]);
    expect(a.conflicts + b.conflicts).toBe(0);
    expect(await tree(root)).not.toContain('.partnerschap/sync.lock');
  });

  it('a second run that cannot wait stops naming who holds the lease', async () => {
    const root = await freshDrive('held');
    await leaseHeldBy(root, {
      machine: 'pc-secretariaat',
      user: 'an',
      pid: 1,
      expires: '2099-01-01T00:00:00.000Z',
    });
    const err = await runSync(folderSyncOptions(root, { lease: { pollMs: 10, waitMs: 50 } })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LeaseHeldError);
    const cli = await runCli([
      'sync',
      ...['--drive', `folder:${root}`, '--state', `${root}-cli`, '--wacht', '1'],
    ]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('pc-secretariaat');
    expect(cli.stderr).toContain('an');
  }, 120_000);

  it('a run that waited for the lease reads the drive as it is when it gets it', async () => {
    const root = await freshDrive('changed-while-waiting');
    const stateDir = path.join(drives.work(), 'waiting-state');
    await runSync(folderSyncOptions(root, { stateDir }));
    await leaseHeldBy(root, {
      machine: 'pc-secretariaat',
      user: 'an',
      pid: 1,
      expires: '2099-01-01T00:00:00.000Z',
    });
    const added = 'Gemeenten/Gemeente Gavere (kopie).xlsx';
    let waits = 0;
    // While it waits, someone adds a workbook and the other run ends.
    const sleep = async () => {
      if (waits++ > 0) return;
      await copyFile(path.join(root, 'Gemeenten/Gemeente Gavere.xlsx'), path.join(root, added));
      await rm(path.join(root, '.partnerschap/sync.lock'));
    };
    const s = await runSync(folderSyncOptions(root, { stateDir, lease: { sleep } }));
    expect(waits).toBe(1);
    expect(s.changes.newSources).toContain(added);
  });

  it("a killed run's lease expires by itself", async () => {
    const root = await freshDrive('expired');
    const expires = new Date(Date.now() - 1000).toISOString();
    await leaseHeldBy(root, { machine: 'pc-weg', user: 'jan', pid: 999999, expires });
    const s = await runSync(folderSyncOptions(root, { lease: { waitMs: 0 } }));
    expect(s.conflicts).toBe(0);
    expect(await tree(root)).not.toContain('.partnerschap/sync.lock');
  });

  it('the lease of a killed run on this machine is taken over at once', async () => {
    const root = await freshDrive('dead-pid');
    const expires = new Date(Date.now() + 3_600_000).toISOString();
    await leaseHeldBy(root, { machine: hostname(), user: 'ik', pid: 2 ** 22 + 7, expires });
    const s = await runSync(folderSyncOptions(root, { lease: { waitMs: 0 } }));
    expect(s.conflicts).toBe(0);
  });
});

describe('no partial picture', () => {
  it('a drive path that does not exist stops with exit 2; nothing is created', async () => {
    const missing = path.join(drives.work(), 'niet-gekoppeld');
    const cli = await runCli(['sync', '--drive', `folder:${missing}`, '--state', `${missing}-s`]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('bestaat niet of is niet bereikbaar');
    await expect(readdir(missing)).rejects.toThrow();
  });

  it("a drive without the region's folders stops with exit 2 naming them", async () => {
    const root = path.join(drives.work(), 'leeg');
    await mkdir(root);
    const err = await runSync(folderSyncOptions(root)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DriveSetupError);
    expect((err as Error).message).toContain(
      'Gemeenten/, Partners/Aanbod/, Partners/Kandidaturen/',
    );
    expect(await readdir(root)).toEqual([]);
  });

  it('an output folder linked out of the drive stops the run before anything is written', async () => {
    const root = await freshDrive('linked-out');
    const elsewhere = await mkdtemp(path.join(drives.work(), 'elders-'));
    await rm(path.join(root, 'Overzicht'), { recursive: true, force: true });
    await symlink(elsewhere, path.join(root, 'Overzicht'));
    const before = await tree(root);
    const tracker = await readFile(path.join(root, 'Kandidaturen/Opvolging kandidaturen.xlsx'));
    const cli = await runCli(['sync', '--drive', `folder:${root}`, '--state', `${root}-s`]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(elsewhere);
    expect(await tree(root)).toEqual(before);
    expect(await readFile(path.join(root, 'Kandidaturen/Opvolging kandidaturen.xlsx'))).toEqual(
      tracker,
    );
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('a gemeente workbook copied under a second name changes no figure', async () => {
    const root = await freshDrive('copied');
    const before = await runSync(folderSyncOptions(root, { dryRun: true }));
    const deinze = path.join(root, 'Gemeenten/Gemeente Deinze.xlsx');
    await copyFile(deinze, path.join(root, 'Gemeenten/Gemeente Deinze - kopie.xlsx'));
    const s = await runSync(folderSyncOptions(root));
    expect(s.rows.taken).toBe(before.rows.taken);
    expect(s.rows.read).toBe(s.rows.taken + s.rows.refused);
    expect(s.duplicates).toMatchObject([
      {
        reason: 'identical',
        refused: 'Gemeenten/Gemeente Deinze - kopie.xlsx',
        kept: 'Gemeenten/Gemeente Deinze.xlsx',
      },
    ]);
    const feedback = await readFile(
      path.join(root, 'Feedback/Gemeenten/Gemeente Deinze - kopie.xlsx - feedback.txt'),
      'utf8',
    );
    expect(feedback).toContain('dubbel van Gemeenten/Gemeente Deinze.xlsx');
  });

  it('feedback of a source that left the drive is removed; summary says what changed', async () => {
    const root = await freshDrive('departed');
    await runSync(folderSyncOptions(root));
    const zulte = 'Feedback/Gemeenten/Gemeente Zulte.xlsx - feedback.txt';
    expect(await tree(root)).toContain(zulte);
    await rm(path.join(root, 'Gemeenten/Gemeente Zulte.xlsx'));
    const s = await runSync(folderSyncOptions(root));
    expect(s.changes.removedSources).toEqual(['Gemeenten/Gemeente Zulte.xlsx']);
    expect(s.changes.removedFeedback).toEqual([zulte]);
    // Zulte's gaps are unknown now, not closed.
    expect(s.changes.closedGaps.filter((g) => g.startsWith('Zulte'))).toEqual([]);
    expect(s.delivery.municipalities.find((m) => m.municipality === 'Zulte')?.status).toBe(
      'missing',
    );
    expect(await tree(root)).not.toContain(zulte);
  });

  it('a dry run leaves no trace that changes the next run', async () => {
    const root = await freshDrive('dry-run');
    const before = await tree(root);
    const dry = await runSync(folderSyncOptions(root, { dryRun: true }));
    expect(await tree(root)).toEqual(before);
    expect(dry.notes.at(-1)).toContain(OVERVIEW);
    const real = await runSync(folderSyncOptions(root));
    expect(real.changes.first).toBe(true);
    expect(real.files.unchanged).toBe(0);
  });
});

describe('a killed run', () => {
  it('leaves temporaries that the next run removes, even when it writes nothing there', async () => {
    const root = await freshDrive('temporaries');
    await runSync(folderSyncOptions(root));
    const host = encodeURIComponent(hostname()).replace(/-/g, '%2D');
    const left = `.partnerschap-${host}-${2 ** 22 + 7}-3-Regionaal overzicht.xlsx.tmp`;
    await writeFile(path.join(root, 'Overzicht', left), 'half');
    const s = await runSync(folderSyncOptions(root));
    expect(s.uploaded).toBe(0);
    expect((await readdir(path.join(root, 'Overzicht'))).sort()).toEqual([
      'Regionaal overzicht.html',
      'Regionaal overzicht.xlsx',
    ]);
  });
});

describe('a source saved while the sync reads it', () => {
  /** A folder drive on which De Pinte's workbook is being copied in, in place, while it is read. */
  class CopyingIn extends FolderDrive {
    constructor(
      root: string,
      private readonly versions: Buffer[],
    ) {
      super(root);
    }

    override async download(file: RemoteFile): Promise<Buffer> {
      const bytes = await super.download(file);
      const next = file.name === 'Gemeente De Pinte.xlsx' ? this.versions.shift() : undefined;
      if (next) await writeFile(path.join(this.root, file.id), next);
      return bytes;
    }
  }

  const dePinte = 'Gemeenten/Gemeente De Pinte.xlsx';

  it('a workbook caught half-copied is read again once it is complete', async () => {
    const root = await freshDrive('half-copied');
    const whole = await readFile(path.join(root, dePinte));
    await writeFile(path.join(root, dePinte), '');
    const s = await runSync(folderSyncOptions(root, { drive: new CopyingIn(root, [whole]) }));
    expect(s.problems).not.toContain(dePinte);
    expect(s.delivery.municipalities.find((m) => m.municipality === 'De Pinte')?.status).toBe(
      'delivered',
    );
  });

  it('one that keeps changing is left for the next run, with a note and no feedback', async () => {
    const root = await freshDrive('copying');
    const whole = await readFile(path.join(root, dePinte));
    await writeFile(path.join(root, dePinte), '');
    const versions = [Buffer.alloc(10), Buffer.alloc(20), Buffer.alloc(30), whole];
    const s = await runSync(folderSyncOptions(root, { drive: new CopyingIn(root, versions) }));
    expect(s.notes.join('\n')).toContain(`${dePinte}: overgeslagen: het bestand werd opgeslagen`);
    expect(s.problems).not.toContain(dePinte);
    expect(await tree(root)).not.toContain(
      'Feedback/Gemeenten/Gemeente De Pinte.xlsx - feedback.txt',
    );
  });
});

describe('setting up a drive', () => {
  it('init creates the folders, the templates and LEESMIJ.txt, and refuses a second time', async () => {
    const root = path.join(drives.work(), 'nieuw');
    const init = await runCli(['init', '--drive', `folder:${root}`]);
    expect(init.code, init.stderr).toBe(0);
    const files = await tree(root);
    expect(files).toContain('LEESMIJ.txt');
    expect(files.filter((f) => f.startsWith('Sjablonen/'))).toHaveLength(11);
    for (const d of ['Gemeenten', 'Partners/Aanbod', 'Partners/Kandidaturen', 'Overzicht']) {
      expect(await readdir(path.join(root, d))).toBeDefined();
    }
    const again = await runCli(['init', '--drive', `folder:${root}`]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Gemeenten/');
    const sync = await runCli(['sync', '--drive', `folder:${root}`, '--state', `${root}-s`]);
    expect(sync.code, sync.stderr).toBe(0);
  }, 120_000);

  it('sync without --drive uses the configured drive, and never invents one', async () => {
    const cwd = await mkdtemp(path.join(drives.work(), 'cwd-'));
    const env = {
      XDG_CONFIG_HOME: path.join(drives.work(), 'config'),
      XDG_CACHE_HOME: `${cwd}-cache`,
    };
    const none = await runCli(['sync'], cwd, env);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('partnerschap config --drive');
    expect(await readdir(cwd)).toEqual([]);
    const root = await freshDrive('configured');
    const config = await runCli(['config', '--drive', root], cwd, env);
    expect(config.code, config.stderr).toBe(0);
    const sync = await runCli(['sync', '--json'], cwd, env);
    expect(sync.code).toBe(1);
    expect(JSON.parse(sync.stdout).drive).toBe(`map ${root}`);
    expect(await readdir(cwd)).toEqual([]);
  }, 120_000);
});
