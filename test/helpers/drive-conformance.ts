import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  NotFoundError,
  TransportError,
  type Drive,
  type RemoteFile,
  type UploadResult,
} from '../../src/drive/drive.js';
import { withRetry, type RetryPolicy } from '../../src/drive/retry.js';

// The conformance suite every Drive backend must pass, as rclone's fstests: one set of tests run
// against each backend through the Drive interface only. A backend plugs in with a DriveBackend:
// a factory for a fresh, empty drive, an out-of-band handle to change the storage behind the
// backend's back (another writer), fault injection when its transport can play faults, and the
// capabilities it lacks, each with the reason (the tests that need one are skipped, saying why).
//
//   describeDriveConformance('SharePoint', { lacks: {…}, transientFaults: […], open: async () => … })

export type DriveOp = 'list' | 'download' | 'upload';

/** The storage seen directly, not through the backend under test: another writer. */
export interface OutOfBand {
  /** Writes a file (a new one, or new content for the existing one), creating folders. */
  write(folder: string, name: string, bytes: Buffer): Promise<void>;
  /** The bytes stored under that name now, or null when there is no such file. */
  read(folder: string, name: string): Promise<Buffer | null>;
  /** Deletes a file for good. */
  remove(folder: string, name: string): Promise<void>;
  /** Creates a folder (and its parents), empty. */
  mkdir(folder: string): Promise<void>;
  /** Every file on the drive, hidden and temporary ones included, as sorted 'folder/name' paths. */
  files(): Promise<string[]>;
  /** A Google-native document (or what stands for one on this storage). */
  native?(folder: string, name: string): Promise<void>;
  /** A shortcut (link) to the file `target` in the same folder. */
  shortcut?(folder: string, name: string, target: string): Promise<void>;
}

/** A transient fault the backend's transport can play, e.g. "429 with Retry-After: 2". */
export interface TransientFault {
  name: string;
  /** The Retry-After the fault carries, in ms, as the backend must report it; null if none. */
  retryAfterMs: number | null;
}

export interface Faults {
  /** The next call of `op` meets the transient fault named `name` (one of transientFaults). */
  transient(name: string, op: DriveOp): void;
  /** The next call of `op` is refused for good: no permission. */
  deny(op: DriveOp): void;
}

export interface DriveUnderTest {
  /** The backend under test, on a fresh, empty drive. */
  drive: Drive;
  /** Another client of the same storage: a second writer (another coordinator's run). */
  another(): Drive;
  outOfBand: OutOfBand;
  /** null when the backend lacks 'faults'. */
  faults: Faults | null;
  close(): Promise<void>;
}

export type Capability =
  /** Transient and permanent transport faults can be injected. */
  | 'faults'
  /** A transient fault can carry a Retry-After. */
  | 'retryAfter'
  /** Two clients creating the same new name at once: exactly one wins. */
  | 'atomicCreate'
  /** Two clients replacing the same version at once: exactly one wins. */
  | 'atomicReplace'
  /** Native documents and shortcuts can be made out of band (OutOfBand.native / shortcut). */
  | 'specialKinds';

export interface DriveBackend {
  /** The capabilities this backend lacks, each with the reason. */
  lacks: Partial<Record<Capability, string>>;
  /** The transient faults it can play (empty when it lacks 'faults'). */
  transientFaults: readonly TransientFault[];
  open(): Promise<DriveUnderTest>;
}

const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

/** A retry policy on a fake clock: no real waiting, every wait recorded. */
function recordingPolicy(): { policy: RetryPolicy; waits: number[] } {
  let clock = 0;
  const waits: number[] = [];
  const policy: RetryPolicy = {
    baseMs: 10,
    maxDelayMs: 100,
    deadlineMs: 60_000,
    random: () => 0.5,
    now: () => clock,
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
  };
  return { policy, waits };
}

/** The error a promise rejects with; fails the test when it resolves. */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  const outcome = await p.then(
    (value) => ({ resolved: true as const, value }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) {
    const shown = Buffer.isBuffer(outcome.value)
      ? `${outcome.value.length} bytes`
      : JSON.stringify(outcome.value);
    throw new Error(`expected a rejection, got ${shown}`);
  }
  return outcome.error;
}

function uploaded(r: UploadResult): RemoteFile {
  if (!r.ok) throw new Error('expected the upload to succeed, it was a conflict');
  return r.file;
}

const CONFLICT = { ok: false, conflict: true };
// Races: this many clients at once, this many times (a racy backend fails within a few rounds).
const RACERS = 3;
const RACE_ROUNDS = 6;

async function workbook(rows: number, note: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Persona's");
  ws.addRow(['Persona', 'Gemeente', 'Geschatte burgers', 'Toelichting']);
  for (let i = 0; i < rows; i++) ws.addRow([`P${i}`, 'Deinze', i * 7, `${note} één café — ✓`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A real xlsx over 1 MB: an incompressible picture of `bytes` bytes on its sheet. */
async function bigWorkbook(bytes: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Overzicht');
  ws.addRow(['Groot bestand']);
  const image = wb.addImage({
    buffer: randomBytes(bytes) as unknown as ArrayBuffer,
    extension: 'png',
  });
  ws.addImage(image, 'B2:D6');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function describeDriveConformance(name: string, backend: DriveBackend): void {
  describe(`Drive conformance: ${name}`, () => {
    let t: DriveUnderTest;
    let drive: Drive;
    let oob: OutOfBand;
    let small: Buffer;
    let other: Buffer;
    let big: Buffer;

    beforeAll(async () => {
      small = await workbook(20, 'eerste');
      other = await workbook(25, 'tweede');
      big = await bigWorkbook(1_300_000);
    });
    beforeEach(async () => {
      t = await backend.open();
      drive = t.drive;
      oob = t.outOfBand;
    });
    afterEach(async () => t.close());

    /** A test that needs `cap`: skipped, with the backend's reason in its name, when it lacks it. */
    const needs = (cap: Capability, title: string, fn: () => Promise<void>) => {
      const why = backend.lacks[cap];
      if (why === undefined) it(title, fn);
      else it.skip(`${title} [skipped: ${why}]`, fn);
    };

    const only = async (folder: string, fileName: string): Promise<RemoteFile> => {
      const found = (await drive.list(folder)).filter((f) => f.name === fileName);
      expect(found).toHaveLength(1);
      return found[0]!;
    };

    // ---- list ---------------------------------------------------------------------------------

    describe('list', () => {
      it('gives the files directly in a folder with size, md5, version and kind', async () => {
        const bin = randomBytes(3000);
        await oob.write('Gemeenten', 'Gemeente Deinze.xlsx', small);
        await oob.write('Gemeenten', 'notities.bin', bin);
        await oob.write('Gemeenten/Archief', 'Gemeente Zulte.xlsx', other);
        await oob.write('Partners', 'elders.xlsx', other);

        const files = await drive.list('Gemeenten');
        const byName = new Map(files.map((f) => [f.name, f]));
        expect([...byName.keys()].sort()).toEqual(['Gemeente Deinze.xlsx', 'notities.bin']);
        for (const [fileName, bytes] of [
          ['Gemeente Deinze.xlsx', small],
          ['notities.bin', bin],
        ] as const) {
          expect(byName.get(fileName)).toMatchObject({
            folder: 'Gemeenten',
            name: fileName,
            kind: 'file',
            size: bytes.length,
            md5: md5(bytes),
          });
        }
        const [a, b] = files;
        expect(a!.version).not.toBe('');
        expect(a!.id).not.toBe('');
        expect(a!.id).not.toBe(b!.id);
        // Folders are never listed as files, here or at the root.
        expect(await drive.list('')).toEqual([]);
      });

      it('lists nested folders level by level', async () => {
        await oob.write('A', 'a.xlsx', small);
        await oob.write('A/B/C', 'c.xlsx', other);
        await oob.write('A/B/C/D', 'd.bin', Buffer.from('diep'));
        expect((await drive.list('A')).map((f) => f.name)).toEqual(['a.xlsx']);
        expect(await drive.list('A/B')).toEqual([]);
        const c = await drive.list('A/B/C');
        expect(c.map((f) => [f.folder, f.name, f.md5])).toEqual([['A/B/C', 'c.xlsx', md5(other)]]);
        const d = await only('A/B/C/D', 'd.bin');
        expect((await drive.download(d)).toString()).toBe('diep');
      });

      it('gives another version when another writer changed the file, the same one otherwise', async () => {
        await oob.write('Gemeenten', 'g.xlsx', small);
        const first = await only('Gemeenten', 'g.xlsx');
        expect((await only('Gemeenten', 'g.xlsx')).version).toBe(first.version);
        await oob.write('Gemeenten', 'g.xlsx', other);
        const second = await only('Gemeenten', 'g.xlsx');
        expect(second.version).not.toBe(first.version);
        expect(second).toMatchObject({ md5: md5(other), size: other.length });
      });

      it('sees a folder another writer made after this client looked, and uploads into it', async () => {
        expect(await drive.list('')).toEqual([]);
        expect(await rejection(drive.list('Overzicht'))).toBeInstanceOf(NotFoundError);
        await oob.write('Overzicht', 'hun.xlsx', other);
        expect((await drive.list('Overzicht')).map((f) => f.name)).toEqual(['hun.xlsx']);
        // Looked once more (nothing there), then the other writer makes a folder below it.
        expect(await rejection(drive.list('Overzicht/2025'))).toBeInstanceOf(NotFoundError);
        await oob.write('Overzicht/2025', 'hun.xlsx', other);
        const up = uploaded(await drive.upload('Overzicht/2025', 'ons.xlsx', small, null));
        // Into their folder, not a second one of the same name beside it.
        expect((await drive.list('Overzicht/2025')).map((f) => f.name).sort()).toEqual([
          'hun.xlsx',
          'ons.xlsx',
        ]);
        expect(await only('Overzicht/2025', 'ons.xlsx')).toEqual(up);
      });

      it('handles names with spaces, accents and apostrophes, both ways', async () => {
        const folder = "Partners/Aanbod van 't OCMW";
        const theirs = "Zoë's café – overzicht (2).xlsx";
        const ours = 'Gemeente Sint-Martens-Latem één.xlsx';
        await oob.write(folder, theirs, small);
        const listed = await only(folder, theirs);
        expect(listed).toMatchObject({ folder, name: theirs, md5: md5(small) });
        // When it last changed, for the overview's "Laatst bijgewerkt": just now.
        expect(Math.abs(Date.now() - listed.modified!.getTime())).toBeLessThan(3_600_000);
        expect((await drive.download(listed)).equals(small)).toBe(true);

        const up = uploaded(await drive.upload(folder, ours, other, null));
        expect(up).toMatchObject({ folder, name: ours });
        expect((await oob.read(folder, ours))?.equals(other)).toBe(true);
        expect((await drive.list(folder)).map((f) => f.name).sort()).toEqual([ours, theirs].sort());
        const again = uploaded(await drive.upload(folder, ours, small, up.version));
        expect(again.md5).toBe(md5(small));
      });

      it('rejects a folder that does not exist with a final NotFoundError, and creates nothing', async () => {
        await oob.write('Gemeenten', 'g.xlsx', small);
        // A file where the folder would be is no folder either.
        await oob.write('', 'Partners', Buffer.from('geen map'));
        const before = await oob.files();
        for (const missing of ['Bestaat niet', 'Gemeenten/Bestaat/Niet', 'Partners']) {
          const err = await rejection(drive.list(missing));
          expect(err).toBeInstanceOf(NotFoundError);
          expect(err).toMatchObject({ retryable: false });
          expect((err as Error).message).toContain(missing);
        }
        expect(await oob.files()).toEqual(before);
      });

      it('gives [] for an empty folder', async () => {
        await oob.mkdir('Leeg');
        await oob.write('Leeg/Sub', 'x.xlsx', small);
        expect(await drive.list('Leeg')).toEqual([]);
      });

      needs(
        'specialKinds',
        'lists native documents and shortcuts by kind, without md5',
        async () => {
          await oob.write('Gemeenten', 'echt.xlsx', small);
          await oob.native!('Gemeenten', 'Budget.gsheet');
          await oob.shortcut!('Gemeenten', 'Snelkoppeling.xlsx', 'echt.xlsx');
          const files = await drive.list('Gemeenten');
          const kinds = files.map((f) => [f.name, f.kind, f.md5]).sort();
          expect(kinds).toEqual(
            [
              ['Budget.gsheet', 'native', ''],
              ['Snelkoppeling.xlsx', 'shortcut', ''],
              ['echt.xlsx', 'file', md5(small)],
            ].sort(),
          );
        },
      );
    });

    // ---- download -----------------------------------------------------------------------------

    describe('download', () => {
      it('gives a small xlsx byte-identical', async () => {
        await oob.write('Gemeenten', 'g.xlsx', small);
        const bytes = await drive.download(await only('Gemeenten', 'g.xlsx'));
        expect(bytes.equals(small)).toBe(true);
      });

      it('gives an xlsx over 1 MB byte-identical, and uploads one too', async () => {
        expect(big.length).toBeGreaterThan(1024 * 1024);
        await oob.write('Overzicht', 'groot.xlsx', big);
        const listed = await only('Overzicht', 'groot.xlsx');
        expect(listed).toMatchObject({ size: big.length, md5: md5(big) });
        expect((await drive.download(listed)).equals(big)).toBe(true);
        const up = uploaded(await drive.upload('Overzicht', 'groot 2.xlsx', big, null));
        expect(up).toMatchObject({ size: big.length, md5: md5(big) });
        expect((await oob.read('Overzicht', 'groot 2.xlsx'))?.equals(big)).toBe(true);
      });

      it('rejects with NotFoundError for a file that vanished since the listing, never empty bytes', async () => {
        await oob.write('Gemeenten', 'weg.xlsx', small);
        const listed = await only('Gemeenten', 'weg.xlsx');
        await oob.remove('Gemeenten', 'weg.xlsx');
        const err = await rejection(drive.download(listed));
        expect(err).toBeInstanceOf(NotFoundError);
        expect(err).toMatchObject({ retryable: false });
        // Final: withRetry does not try again.
        const { policy, waits } = recordingPolicy();
        await expect(withRetry(() => drive.download(listed), policy)).rejects.toBeInstanceOf(
          NotFoundError,
        );
        expect(waits).toEqual([]);
      });
    });

    // ---- upload -------------------------------------------------------------------------------

    describe('upload', () => {
      it('creates a new file (and its folders) with expected null; list shows what it returned', async () => {
        const up = uploaded(await drive.upload('Overzicht/2025', 'o.xlsx', small, null));
        expect(up).toMatchObject({
          folder: 'Overzicht/2025',
          name: 'o.xlsx',
          kind: 'file',
          size: small.length,
          md5: md5(small),
        });
        expect(up.version).not.toBe('');
        expect(await drive.list('Overzicht/2025')).toEqual([up]);
        expect((await oob.read('Overzicht/2025', 'o.xlsx'))?.equals(small)).toBe(true);
        expect(await oob.files()).toEqual(['Overzicht/2025/o.xlsx']);
      });

      it('is a conflict with expected null when the name exists; nothing is written', async () => {
        await oob.write('Overzicht', 'o.xlsx', small);
        const before = await oob.files();
        expect(await drive.upload('Overzicht', 'o.xlsx', other, null)).toEqual(CONFLICT);
        expect((await oob.read('Overzicht', 'o.xlsx'))?.equals(small)).toBe(true);
        expect(await oob.files()).toEqual(before);
      });

      it('replaces the current version: new version and md5 returned, same file, list shows it', async () => {
        await oob.write('Overzicht', 'o.xlsx', small);
        const seen = await only('Overzicht', 'o.xlsx');
        const up = uploaded(await drive.upload('Overzicht', 'o.xlsx', other, seen.version));
        expect(up).toMatchObject({
          id: seen.id,
          folder: 'Overzicht',
          name: 'o.xlsx',
          kind: 'file',
          size: other.length,
          md5: md5(other),
        });
        expect(up.version).not.toBe(seen.version);
        expect(await only('Overzicht', 'o.xlsx')).toEqual(up);
        expect((await oob.read('Overzicht', 'o.xlsx'))?.equals(other)).toBe(true);
        // The version we replaced is stale now; the new one works.
        expect(await drive.upload('Overzicht', 'o.xlsx', small, seen.version)).toEqual(CONFLICT);
        expect((await oob.read('Overzicht', 'o.xlsx'))?.equals(other)).toBe(true);
        expect(uploaded(await drive.upload('Overzicht', 'o.xlsx', small, up.version)).md5).toBe(
          md5(small),
        );
      });

      it("is a conflict over a stale version; the other writer's content stays", async () => {
        await oob.write('Overzicht', 'o.xlsx', small);
        const seen = await only('Overzicht', 'o.xlsx');
        const theirs = Buffer.from('van de andere schrijver');
        await oob.write('Overzicht', 'o.xlsx', theirs);
        expect(await drive.upload('Overzicht', 'o.xlsx', other, seen.version)).toEqual(CONFLICT);
        expect((await oob.read('Overzicht', 'o.xlsx'))?.equals(theirs)).toBe(true);
        expect(await oob.files()).toEqual(['Overzicht/o.xlsx']);
      });

      it('is a conflict over a version whose file vanished; nothing is created', async () => {
        await oob.write('Overzicht', 'o.xlsx', small);
        const seen = await only('Overzicht', 'o.xlsx');
        await oob.remove('Overzicht', 'o.xlsx');
        expect(await drive.upload('Overzicht', 'o.xlsx', other, seen.version)).toEqual(CONFLICT);
        expect(await oob.read('Overzicht', 'o.xlsx')).toBeNull();
        expect(await oob.files()).toEqual([]);
      });

      it('never loses a write silently when two clients create the same name at once', async () => {
        await oob.mkdir('Overzicht');
        const second = t.another();
        const mine = Buffer.from('mijn overzicht');
        const theirs = Buffer.from('hun overzicht');
        const results = await Promise.all([
          drive.upload('Overzicht', 'o.xlsx', mine, null),
          second.upload('Overzicht', 'o.xlsx', theirs, null),
        ]);
        const listed = (await drive.list('Overzicht')).filter((f) => f.name === 'o.xlsx');
        // Every upload that says it succeeded is on the drive, as it said.
        for (const r of results) {
          if (r.ok) expect(listed).toContainEqual(r.file);
        }
        expect(results.some((r) => r.ok)).toBe(true);
      });

      needs(
        'atomicCreate',
        'lets exactly one of three clients create the same new file at once',
        async () => {
          for (let round = 0; round < RACE_ROUNDS; round++) {
            const folder = `Nieuw ${round}/Map`;
            const clients = [drive, ...Array.from({ length: RACERS - 1 }, () => t.another())];
            const results = await Promise.all(
              clients.map((c, i) =>
                c.upload(folder, 'o.xlsx', Buffer.from(`overzicht ${round} van ${i}`), null),
              ),
            );
            const winners = results.filter((r) => r.ok);
            expect(winners).toHaveLength(1);
            expect(results.filter((r) => !r.ok)).toEqual(Array(RACERS - 1).fill(CONFLICT));
            const stored = await oob.read(folder, 'o.xlsx');
            expect(md5(stored!)).toBe(uploaded(winners[0]!).md5);
            expect(await drive.list(folder)).toEqual([uploaded(winners[0]!)]);
          }
        },
      );

      needs(
        'atomicReplace',
        'lets exactly one of three clients replace the same version at once',
        async () => {
          await oob.write('Overzicht', 'o.xlsx', small);
          for (let round = 0; round < RACE_ROUNDS; round++) {
            const seen = await only('Overzicht', 'o.xlsx');
            const clients = [drive, ...Array.from({ length: RACERS - 1 }, () => t.another())];
            const sent = clients.map((_, i) => `versie ${round} van ${i}`);
            const results = await Promise.all(
              clients.map((c, i) =>
                c.upload('Overzicht', 'o.xlsx', Buffer.from(sent[i]!), seen.version),
              ),
            );
            const winners = results.filter((r) => r.ok);
            expect(winners).toHaveLength(1);
            expect(results.filter((r) => !r.ok)).toEqual(Array(RACERS - 1).fill(CONFLICT));
            const stored = (await oob.read('Overzicht', 'o.xlsx'))!;
            expect(md5(stored)).toBe(uploaded(winners[0]!).md5);
            expect(sent).toContain(stored.toString());
          }
          expect(await oob.files()).toEqual(['Overzicht/o.xlsx']);
        },
      );

      it('never deletes anything', async () => {
        const before: [string, string, Buffer][] = [
          ['Overzicht', 'o.xlsx', small],
          ['Overzicht', 'ander.xlsx', other],
          ['Overzicht/Archief', 'oud.xlsx', small],
          ['Gemeenten', 'g.xlsx', other],
        ];
        for (const [folder, fileName, bytes] of before) await oob.write(folder, fileName, bytes);
        const seen = await only('Overzicht', 'o.xlsx');
        uploaded(await drive.upload('Overzicht', 'o.xlsx', other, seen.version)); // replace
        await drive.upload('Overzicht', 'ander.xlsx', small, null); // conflict
        await drive.upload('Overzicht', 'ander.xlsx', small, seen.version); // conflict
        await drive.upload('Overzicht', 'o.xlsx', small, seen.version); // stale: conflict
        uploaded(await drive.upload('Overzicht', 'nieuw.xlsx', small, null)); // create
        expect(await oob.files()).toEqual(
          [...before.map(([f, n]) => `${f}/${n}`), 'Overzicht/nieuw.xlsx'].sort(),
        );
        for (const [folder, fileName, bytes] of before.slice(1)) {
          expect((await oob.read(folder, fileName))?.equals(bytes)).toBe(true);
        }
        expect((await oob.read('Overzicht', 'o.xlsx'))?.equals(other)).toBe(true);
      });
    });

    // ---- create -------------------------------------------------------------------------------

    describe('create', () => {
      it('creates a new file (and its folders); list shows what it returned; nothing else is left', async () => {
        const up = uploaded(await drive.create('.partnerschap/sloten', 'sync.lock', small));
        expect(up).toMatchObject({
          folder: '.partnerschap/sloten',
          name: 'sync.lock',
          kind: 'file',
          size: small.length,
          md5: md5(small),
        });
        expect(await drive.list('.partnerschap/sloten')).toEqual([up]);
        expect(await oob.files()).toEqual(['.partnerschap/sloten/sync.lock']);
      });

      it('is a conflict when the name exists, even with the same bytes; nothing is written', async () => {
        await oob.write('Slot', 'sync.lock', small);
        expect(await drive.create('Slot', 'sync.lock', other)).toEqual(CONFLICT);
        expect(await drive.create('Slot', 'sync.lock', small)).toEqual(CONFLICT);
        expect((await oob.read('Slot', 'sync.lock'))?.equals(small)).toBe(true);
        expect(await oob.files()).toEqual(['Slot/sync.lock']);
      });

      it('lets exactly one of three clients create the same name at once; the losers leave nothing', async () => {
        for (let round = 0; round < RACE_ROUNDS; round++) {
          const folder = `Slot ${round}`;
          if (round % 2 === 1) await oob.mkdir(folder);
          const clients = [drive, ...Array.from({ length: RACERS - 1 }, () => t.another())];
          const results = await Promise.all(
            clients.map((c, i) =>
              c.create(folder, 'sync.lock', Buffer.from(`slot ${round} van ${i}`)),
            ),
          );
          const winners = results.filter((r) => r.ok);
          expect(winners).toHaveLength(1);
          expect(results.filter((r) => !r.ok)).toEqual(Array(RACERS - 1).fill(CONFLICT));
          const stored = await oob.read(folder, 'sync.lock');
          expect(md5(stored!)).toBe(uploaded(winners[0]!).md5);
          expect(await drive.list(folder)).toEqual([uploaded(winners[0]!)]);
        }
        expect((await oob.files()).length).toBe(RACE_ROUNDS);
      });
    });

    // ---- rename -------------------------------------------------------------------------------

    describe('rename', () => {
      it('renames the version it was given within its folder; list shows what it returned', async () => {
        await oob.write('Overzicht', 'o.xlsx', small);
        const seen = await only('Overzicht', 'o.xlsx');
        const moved = uploaded(await drive.rename(seen, 'o (bewaard 2025-03-01 10.00).xlsx'));
        expect(moved).toMatchObject({
          folder: 'Overzicht',
          name: 'o (bewaard 2025-03-01 10.00).xlsx',
          kind: 'file',
          size: small.length,
          md5: md5(small),
        });
        expect(await drive.list('Overzicht')).toEqual([moved]);
        expect(await oob.files()).toEqual(['Overzicht/o (bewaard 2025-03-01 10.00).xlsx']);
        // The name is free again for a new file.
        uploaded(await drive.upload('Overzicht', 'o.xlsx', other, null));
      });

      it('is a conflict when the file changed since it was listed; nothing changes', async () => {
        await oob.write('Overzicht', 'o.xlsx', small);
        const seen = await only('Overzicht', 'o.xlsx');
        await oob.write('Overzicht', 'o.xlsx', other);
        expect(await drive.rename(seen, 'ander.xlsx')).toEqual(CONFLICT);
        expect((await oob.read('Overzicht', 'o.xlsx'))?.equals(other)).toBe(true);
        expect(await oob.files()).toEqual(['Overzicht/o.xlsx']);
      });

      it('is a conflict when the new name is taken; both files stay as they were', async () => {
        await oob.write('Overzicht', 'o.xlsx', small);
        await oob.write('Overzicht', 'bezet.xlsx', other);
        const seen = await only('Overzicht', 'o.xlsx');
        expect(await drive.rename(seen, 'bezet.xlsx')).toEqual(CONFLICT);
        expect((await oob.read('Overzicht', 'o.xlsx'))?.equals(small)).toBe(true);
        expect((await oob.read('Overzicht', 'bezet.xlsx'))?.equals(other)).toBe(true);
      });

      it('rejects with a final NotFoundError when the file is gone', async () => {
        await oob.write('Overzicht', 'o.xlsx', small);
        const seen = await only('Overzicht', 'o.xlsx');
        await oob.remove('Overzicht', 'o.xlsx');
        const err = await rejection(drive.rename(seen, 'ander.xlsx'));
        expect(err).toBeInstanceOf(NotFoundError);
        expect(err).toMatchObject({ retryable: false });
        expect(await oob.files()).toEqual([]);
      });
    });

    // ---- remove -------------------------------------------------------------------------------

    describe('remove', () => {
      it('removes the version it was given: true, and list no longer shows it', async () => {
        await oob.write('Slot', 'sync.lock', small);
        await oob.write('Slot', 'ander.xlsx', other);
        expect(await drive.remove(await only('Slot', 'sync.lock'))).toBe(true);
        expect((await drive.list('Slot')).map((f) => f.name)).toEqual(['ander.xlsx']);
        expect(await oob.files()).toEqual(['Slot/ander.xlsx']);
      });

      it('leaves a file that changed since it was listed alone: false', async () => {
        await oob.write('Slot', 'sync.lock', small);
        const seen = await only('Slot', 'sync.lock');
        await oob.write('Slot', 'sync.lock', other);
        expect(await drive.remove(seen)).toBe(false);
        expect((await oob.read('Slot', 'sync.lock'))?.equals(other)).toBe(true);
      });

      it('is true for a file that is already gone', async () => {
        await oob.write('Slot', 'sync.lock', small);
        const seen = await only('Slot', 'sync.lock');
        await oob.remove('Slot', 'sync.lock');
        expect(await drive.remove(seen)).toBe(true);
        expect(await drive.remove(seen)).toBe(true);
        expect(await oob.files()).toEqual([]);
      });
    });

    // ---- makeFolder ---------------------------------------------------------------------------

    describe('makeFolder', () => {
      it('creates a folder and its parents, once; an existing folder is fine', async () => {
        await drive.makeFolder('Partners/Kandidaturen/2025');
        await t.another().makeFolder('Partners/Kandidaturen/2025');
        expect(await drive.list('Partners/Kandidaturen/2025')).toEqual([]);
        expect(await drive.list('Partners/Kandidaturen')).toEqual([]);
        await oob.write('Partners/Kandidaturen/2025', 'k.xlsx', small);
        expect((await t.another().list('Partners/Kandidaturen/2025')).map((f) => f.name)).toEqual([
          'k.xlsx',
        ]);
        expect(await oob.files()).toEqual(['Partners/Kandidaturen/2025/k.xlsx']);
      });
    });

    // ---- locate -------------------------------------------------------------------------------

    describe('locate', () => {
      it('gives a path on disk that holds the file, or a web address', async () => {
        await oob.write('Gemeenten', 'a.xlsx', small);
        await oob.write('Gemeenten', 'b.xlsx', other);
        const [a, b] = await drive.list('Gemeenten');
        const where = drive.locate(a!);
        expect(where).not.toBe(drive.locate(b!));
        if (/^https?:/.test(where)) {
          expect(new URL(where).protocol).toBe('https:');
        } else {
          expect(path.isAbsolute(where)).toBe(true);
          expect((await readFile(where)).equals(small)).toBe(true);
        }
      });
    });

    // ---- faults -------------------------------------------------------------------------------

    describe('faults', () => {
      /** Puts a file in place for `op` and returns the call that performs it. */
      async function arrange(op: DriveOp): Promise<() => Promise<unknown>> {
        await oob.write('Gemeenten', 'g.xlsx', small);
        if (op === 'list') return () => drive.list('Gemeenten');
        if (op === 'download') {
          const file = await only('Gemeenten', 'g.xlsx');
          return () => drive.download(file);
        }
        return () => drive.upload('Overzicht', 'o.xlsx', other, null);
      }

      /** What the call must give once it succeeds. */
      async function check(op: DriveOp, result: unknown): Promise<void> {
        if (op === 'list') {
          expect((result as RemoteFile[]).map((f) => f.md5)).toEqual([md5(small)]);
        } else if (op === 'download') {
          expect((result as Buffer).equals(small)).toBe(true);
        } else {
          expect(uploaded(result as UploadResult).md5).toBe(md5(other));
          expect((await oob.read('Overzicht', 'o.xlsx'))?.equals(other)).toBe(true);
          expect(await oob.files()).toEqual(['Gemeenten/g.xlsx', 'Overzicht/o.xlsx']);
        }
      }

      const ops: DriveOp[] = ['list', 'download', 'upload'];
      for (const fault of backend.transientFaults) {
        for (const op of ops) {
          needs(
            'faults',
            `${fault.name} on ${op}: a retryable TransportError; withRetry recovers`,
            async () => {
              const call = await arrange(op);
              t.faults!.transient(fault.name, op);
              const err = await rejection(call());
              expect(err).toBeInstanceOf(TransportError);
              expect(err).not.toBeInstanceOf(NotFoundError);
              expect(err).toMatchObject({ retryable: true, retryAfterMs: fault.retryAfterMs });

              t.faults!.transient(fault.name, op);
              const { policy, waits } = recordingPolicy();
              await check(op, await withRetry(call, policy));
              expect(waits).toHaveLength(1);
              expect(waits[0]).toBeGreaterThanOrEqual(fault.retryAfterMs ?? 0);
            },
          );
        }
      }
      if (backend.transientFaults.length === 0) {
        needs('faults', 'transient faults are retryable', async () => {
          throw new Error('a backend with faults names its transient faults');
        });
      }
      if (!backend.transientFaults.some((f) => f.retryAfterMs !== null)) {
        needs('retryAfter', 'a Retry-After reaches withRetry', async () => {
          throw new Error('a backend with retryAfter names a transient fault that carries one');
        });
      }

      for (const op of ops) {
        needs(
          'faults',
          `a refusal (no permission) on ${op} is final: not retried, nothing written`,
          async () => {
            const call = await arrange(op);
            const before = await oob.files();
            t.faults!.deny(op);
            let attempts = 0;
            const { policy, waits } = recordingPolicy();
            const err = await rejection(
              withRetry(() => {
                attempts++;
                return call();
              }, policy),
            );
            expect(err).toBeInstanceOf(TransportError);
            expect(err).not.toBeInstanceOf(NotFoundError);
            expect(err).toMatchObject({ retryable: false });
            expect(attempts).toBe(1);
            expect(waits).toEqual([]);
            expect(await oob.files()).toEqual(before);
          },
        );
      }
    });
  });
}
