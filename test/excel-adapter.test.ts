import { OfficeMockObject } from 'office-addin-mock';
import { afterAll, describe, expect, it } from 'vitest';
import { personaLayout } from '../src/domain/layouts.js';
import type { RowInput } from '../src/domain/rows.js';
import { readTables } from '../src/workbook/excel/read-chunks.js';
import { requirementsProblem } from '../src/workbook/excel/requirements.js';
import { SyncTimeoutError, syncWithTimeout } from '../src/workbook/excel/sync-timeout.js';
import type { TableRow } from '../src/workbook/excel/table-rows.js';
import { planRequests } from '../src/workbook/excel/write-plan.js';
import {
  replaceRecords,
  writeRecords,
  type WriteReport,
} from '../src/workbook/excel/write-rows.js';

// The Office.js adapter against office-addin-mock. The mock returns the string "Error, property
// was not loaded" for a property read without load + sync, so a forgotten load shows up as a
// wrong value. context.sync is wrapped to count round trips per action.

type Context = Parameters<typeof readTables>[0];
const layout = personaLayout;
const fields = Object.keys(layout.columns);
const headers = Object.values(layout.columns).map((c) => c.header);

interface Write {
  op: 'numberFormat' | 'values' | 'clear' | 'add' | 'suspendCalc' | 'suspendScreen' | 'sync';
  at?: string;
  data?: unknown[][];
}

/** A workbook with the layout's table: its body rows, the log of writes and the sync count. */
function workbook(body: unknown[][], formats?: unknown[][]) {
  const log: Write[] = [];
  const created: OfficeMockObject[] = [];
  let syncs = 0;
  let bodyRows = body.length;
  let bodyRange: OfficeMockObject | undefined;
  const mock = (data: Record<string, unknown>) => {
    const m = new OfficeMockObject(data);
    created.push(m);
    return m;
  };
  // A write target records the order of what is set on it.
  const target = (row: number, rows: number, cols: number) => {
    const at = `R${row}:${rows}x${cols}`;
    const m = mock({ clear: () => log.push({ op: 'clear', at }) });
    for (const op of ['numberFormat', 'values'] as const) {
      Object.defineProperty(m, op, {
        set: (data: unknown[][]) => log.push({ op, at, data }),
      });
    }
    return m;
  };
  const allFormats = formats ?? body.map((r) => r.map(() => 'General'));
  // Read ranges are rows of the body: where each starts and how many rows it spans.
  const spans = new WeakMap<object, { from: number; rows: number }>();
  const rowsOf = (from: number, rows: number): OfficeMockObject => {
    const m = mock({
      values: body.slice(from, from + rows),
      numberFormat: allFormats.slice(from, from + rows),
      getResizedRange: (dr: number) => rowsOf(from, rows + dr),
    });
    spans.set(m, { from, rows });
    return m;
  };
  const table = {
    worksheet: { name: layout.sheet, protection: { protected: false } },
    getHeaderRowRange: () => mock({ values: [headers], columnIndex: 0 }),
    // One proxy for every call: each write block asks for the body range, and a copy of a
    // large body per block would exhaust the heap.
    getDataBodyRange: () =>
      (bodyRange ??= mock({
        rowIndex: 1,
        columnIndex: 0,
        rowCount: body.length,
        getRow: (r: number) => rowsOf(r, 1),
        getIntersection: (other: object) => {
          const { from, rows } = spans.get(other)!;
          return rowsOf(from, Math.min(rows, body.length - from));
        },
        getCell: (r: number) =>
          mock({
            getResizedRange: (dr: number, dc: number) => target(r, dr + 1, dc + 1),
          }),
      })),
    rows: {
      add: (_index: unknown, values: unknown[][]) => {
        bodyRows += values.length;
        log.push({ op: 'add', data: values });
      },
    },
  };
  const context = new OfficeMockObject({
    workbook: {
      tables: {
        getItem: (name: string) => {
          if (name !== layout.table) throw new Error(`no table ${name}`);
          return mock(table);
        },
      },
      application: {
        suspendApiCalculationUntilNextSync: () => log.push({ op: 'suspendCalc' }),
        suspendScreenUpdatingUntilNextSync: () => log.push({ op: 'suspendScreen' }),
      },
    },
  });
  const realSync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    log.push({ op: 'sync' });
    await realSync();
    for (const m of created) await m.sync();
  };
  return {
    context: context as unknown as Context,
    log,
    syncs: () => syncs,
    bodyRows: () => bodyRows,
    reject: (err: unknown) => {
      context.sync = async () => {
        syncs++;
        throw err;
      };
    },
  };
}

function persona(i: number, text = 'kan goed koken'): RowInput {
  return {
    id: `P${i}`,
    naam: `Persona ${i}`,
    krachten: text,
    doelen: text,
    leeftijd: '18-25 jaar',
    aantal: 12,
    bijgewerkt: new Date(Date.UTC(2025, 2, 14)),
  };
}

function bodyOf(n: number, text = 'tekst'): unknown[][] {
  return Array.from({ length: n }, (_, i) =>
    fields.map((f) =>
      f === 'id' ? `P${i + 1}` : f === 'aantal' ? i : f === 'bijgewerkt' ? 45730 : text,
    ),
  );
}

/** `n` empty body rows: a new table offers blank rows. */
const blank = (n: number): unknown[][] => Array.from({ length: n }, () => fields.map(() => ''));

/** The sync log without the action's first sync, the read of its tables. */
function afterRead(log: Write[]): Write[] {
  expect(log[0]?.op).toBe('sync');
  return log.slice(1);
}

const measured: string[] = [];
afterAll(() => console.log(`Office.js adapter, sync calls per action:\n${measured.join('\n')}`));

describe('readTables', () => {
  it('reads header and body into domain cells, dates by their number format', async () => {
    const body = [
      fields.map((f) => (f === 'id' ? 'P1' : f === 'aantal' ? 7 : f === 'bijgewerkt' ? 45730 : '')),
      fields.map(() => ''),
      fields.map((f) =>
        f === 'naam' ? '=1+1' : f === 'doelen' ? '#N/A' : f === 'krachten' ? true : '',
      ),
    ];
    const formats = body.map(() =>
      fields.map((f) => (f === 'bijgewerkt' ? 'dd/mm/yyyy' : 'General')),
    );
    const wb = workbook(body, formats);
    const read = await readTables(wb.context, [layout]);
    const table = read.tables[0]!;
    expect(read.syncs).toBe(1);
    expect(wb.syncs()).toBe(1);
    expect(table.firstRow).toBe(2);
    expect(table.bodyRows).toBe(3);
    expect(table.usedRows).toBe(3);
    expect(table.sheet.headers.get(1)).toBe('Persona-ID');
    expect(table.sheet.rows.map((r) => r.row)).toEqual([2, 4]); // the blank row is left out
    const col = (f: string) => fields.indexOf(f) + 1;
    const first = table.sheet.rows[0]!.cells;
    expect(first.get(col('id'))?.value).toEqual({ kind: 'text', value: 'P1' });
    expect(first.get(col('aantal'))?.value).toEqual({ kind: 'number', value: 7 });
    expect(first.get(col('bijgewerkt'))?.value).toEqual({
      kind: 'date',
      value: new Date(Date.UTC(2025, 2, 14)),
    });
    expect(first.has(col('naam'))).toBe(false);
    const third = table.sheet.rows[1]!.cells;
    expect(third.get(col('naam'))?.value).toEqual({ kind: 'text', value: '=1+1' });
    expect(third.get(col('doelen'))?.value).toEqual({ kind: 'error', value: '#N/A' });
    expect(third.get(col('krachten'))?.value).toEqual({ kind: 'boolean', value: true });
  });

  // The first slice assumes rows of 1.5 kB; the rest is sized by the rows read, so the count
  // follows the bytes: 10,000 short rows in 2 requests, 10,000 rows of ~1 kB in more.
  it.each([
    [100, 5, 1],
    [10_000, 5, 2],
    [10_000, 100, 4],
  ])('reads %i rows of %i-character texts in %i syncs, in order', async (n, length, syncs) => {
    const wb = workbook(bodyOf(n, 'k'.repeat(length)));
    const read = await readTables(wb.context, [layout], { maxResponseBytes: 4_000_000 });
    const table = read.tables[0]!;
    expect(table.sheet.rows.map((r) => r.row)).toEqual(bodyOf(n).map((_, i) => i + 2));
    expect(table.sheet.rows.at(-1)!.cells.get(1)?.value).toEqual({ kind: 'text', value: `P${n}` });
    expect(table.usedRows).toBe(n);
    expect(read.syncs).toBe(syncs);
    expect(wb.syncs()).toBe(syncs);
    measured.push(`  read ${n} rows of ${length}-character texts: ${wb.syncs()} syncs`);
  });

  it('says in Dutch which table is missing', async () => {
    const wb = workbook([]);
    wb.reject(Object.assign(new Error('ItemNotFound'), { code: 'ItemNotFound' }));
    await expect(readTables(wb.context, [layout])).rejects.toThrow(
      `De tabel "Personas" op het blad "Persona's" ontbreekt`,
    );
  });
});

describe('writeRecords / replaceRecords', () => {
  it('sets text formats before values, so "=1+1" from a form stays text', async () => {
    const wb = workbook(blank(1));
    const row = { ...persona(1), naam: '=1+1', leeftijd: '@SUM(A1)' };
    const report = await writeRecords(wb.context, [{ layout, append: [row, persona(2)] }]);
    expect(report).toMatchObject({ rows: 2, syncs: 2 });
    expect(wb.syncs()).toBe(2);
    const writes = afterRead(wb.log);
    // One blank row is added (the table had one), formats come before values, then one sync.
    expect(writes.map((w) => w.op)).toEqual(['add', 'numberFormat', 'values', 'sync']);
    const [add, fmt, vals] = writes;
    expect(add!.data).toHaveLength(1);
    expect(fmt!.at).toBe('R0:2x' + fields.length);
    const formats = fmt!.data as string[][];
    const values = vals!.data as unknown[][];
    const c = (f: string) => fields.indexOf(f);
    expect(values[0]![c('naam')]).toBe('=1+1');
    expect(formats[0]![c('naam')]).toBe('@');
    expect(formats[0]![c('leeftijd')]).toBe('@');
    expect(formats[0]![c('aantal')]).toBe('0');
    expect(formats[0]![c('bijgewerkt')]).toBe('dd/mm/yyyy');
    expect(values[0]![c('bijgewerkt')]).toBe(45730);
    expect(values[0]![c('aantal')]).toBe(12);
    expect(values[0]![c('doelgroepen')]).toBe('');
  });

  it('appends after the last used row and grows the table only by what is missing', async () => {
    const wb = workbook([...bodyOf(3), ...blank(2)]);
    const append = [persona(4), persona(5), persona(6), persona(7)];
    await writeRecords(wb.context, [{ layout, append }]);
    const add = wb.log.find((w) => w.op === 'add');
    expect(add?.data).toHaveLength(2);
    expect(wb.log.find((w) => w.op === 'values')?.at).toMatch(/^R3:4x/);
  });

  it('writes updates and appends of one table, and separate writes to it, in one sync', async () => {
    const wb = workbook([...bodyOf(3), ...blank(2)]);
    const report = await writeRecords(wb.context, [
      { layout, update: [{ key: { id: 'P1' }, values: persona(1) }], append: [persona(4)] },
      { layout, append: [persona(5)] },
    ]);
    expect(report).toMatchObject({ rows: 3, syncs: 2 });
    // The second append follows the first instead of landing on the same free row.
    expect(afterRead(wb.log).map((w) => [w.op, w.at])).toEqual([
      ['numberFormat', `R0:1x${fields.length}`],
      ['values', `R0:1x${fields.length}`],
      ['numberFormat', `R3:2x${fields.length}`],
      ['values', `R3:2x${fields.length}`],
      ['sync', undefined],
    ]);
  });

  it('replace empties the rows it no longer needs in the same sync', async () => {
    const wb = workbook(blank(200));
    await replaceRecords(wb.context, layout, [persona(1)]);
    const writes = afterRead(wb.log);
    expect(writes.map((w) => w.op)).toEqual(['numberFormat', 'values', 'clear', 'sync']);
    expect(writes[2]!.at).toBe(`R1:199x${fields.length}`);
    const wb2 = workbook(blank(200));
    await replaceRecords(wb2.context, layout, []);
    expect(afterRead(wb2.log).map((w) => w.op)).toEqual(['clear', 'sync']);
  });

  it('does nothing, not even a sync, for an empty append', async () => {
    const wb = workbook(blank(1));
    const report = await writeRecords(wb.context, [{ layout, append: [] }]);
    expect(report).toMatchObject({ syncs: 0 });
    expect(wb.syncs()).toBe(0);
  });

  async function write(n: number, text: string): Promise<WriteReport & { suspended: number }> {
    const wb = workbook(blank(1)); // a new table: one blank body row
    const append = Array.from({ length: n }, (_, i) => persona(i + 1, text));
    const report = await writeRecords(wb.context, [{ layout, append }]);
    expect(wb.syncs()).toBe(report.syncs);
    // Every row written exactly once, and the table grew to hold them.
    const written = wb.log.filter((w) => w.op === 'values').reduce((s, w) => s + w.data!.length, 0);
    expect(written).toBe(n);
    expect(wb.bodyRows()).toBe(n);
    const suspended = wb.log.filter((w) => w.op === 'suspendCalc').length;
    // Once per action, however many requests: repeated calls make Excel flicker.
    expect(wb.log.filter((w) => w.op === 'suspendScreen').length).toBe(suspended > 0 ? 1 : 0);
    return { ...report, suspended };
  }

  it.each([100, 10_000])('writes %i short rows in one read and one write sync', async (n) => {
    const r = await write(n, 'kan goed koken');
    expect(r.syncs).toBe(2);
    expect(r.largestPayload).toBeLessThan(4_000_000);
    expect(r.suspended).toBe(n >= 500 ? 1 : 0);
    measured.push(
      `  write ${n} short rows: ${r.syncs} syncs (read, write), largest request ~${r.largestPayload} B`,
    );
  });

  it.each([100, 10_000])('writes %i long rows in syncs bounded by payload', async (n) => {
    const text = 'Talenten en krachten, lang beschreven. '.repeat(25); // ~1 kB per cell
    const r = await write(n, text);
    const perRow = JSON.stringify(Object.values(persona(1, text))).length;
    const bound = Math.ceil((n * perRow * 1.2) / 4_000_000);
    const writeSyncs = r.syncs - 1;
    expect(writeSyncs).toBeGreaterThanOrEqual(1);
    expect(writeSyncs).toBeLessThanOrEqual(Math.max(1, bound));
    expect(r.largestPayload).toBeLessThanOrEqual(4_000_000);
    if (n === 100) expect(writeSyncs).toBe(1);
    // Each write sync suspends calculation again; screen updating only once (see write()).
    expect(r.suspended).toBe(n >= 500 ? writeSyncs : 0);
    if (n === 10_000) expect(writeSyncs).toBeGreaterThan(1);
    measured.push(
      `  write ${n} long rows: ${r.syncs} syncs, largest request ~${r.largestPayload} B`,
    );
  });

  it('refuses a single row that could never fit a request, queueing nothing', async () => {
    const wb = workbook(blank(1));
    const huge = persona(1, 'x'.repeat(5_000_000));
    await expect(writeRecords(wb.context, [{ layout, append: [huge] }])).rejects.toThrow(
      /Rij 1 is te groot/,
    );
    expect(wb.log.map((w) => w.op)).toEqual(['sync']); // only the read
  });
});

describe('writeRecords: updates', () => {
  it('writes each run of rows at its place, formats first, all in one sync', async () => {
    const wb = workbook(bodyOf(50));
    // Sheet row r holds P(r - 1).
    const update = [9, 10, 29].map((i) => ({ key: { id: `P${i}` }, values: persona(i, '=1+1') }));
    const report = await writeRecords(wb.context, [{ layout, update }]);
    expect(report).toMatchObject({ rows: 3, syncs: 2 });
    // Rows 10 and 11 of the sheet follow each other: one range; row 30 another. Nothing grows.
    const writes = afterRead(wb.log);
    expect(writes.map((w) => [w.op, w.at])).toEqual([
      ['numberFormat', `R8:2x${fields.length}`],
      ['values', `R8:2x${fields.length}`],
      ['numberFormat', `R28:1x${fields.length}`],
      ['values', `R28:1x${fields.length}`],
      ['sync', undefined],
    ]);
    const c = (f: string) => fields.indexOf(f);
    const formats = writes[2]!.data as string[][];
    const values = writes[3]!.data as unknown[][];
    expect([values[0]![c('id')], values[0]![c('krachten')]]).toEqual(['P29', '=1+1']);
    expect(formats[0]![c('krachten')]).toBe('@');
  });

  it('refuses a key no row holds before anything is queued', async () => {
    const wb = workbook(bodyOf(50));
    const update = [
      { key: { id: 'P1' }, values: persona(1) },
      { key: { id: 'P51' }, values: persona(51) },
    ];
    await expect(writeRecords(wb.context, [{ layout, update }])).rejects.toThrow(
      /^Geen rij van de tabel "Personas" met Persona-ID P51 is nog zoals/,
    );
    expect(wb.log.map((w) => w.op)).toEqual(['sync']); // only the read
  });

  it.each([100, 10_000])(
    'updates %i scattered long rows in syncs bounded by payload',
    async (n) => {
      const wb = workbook(bodyOf(2 * n));
      const text = 'Talenten en krachten, lang beschreven. '.repeat(25);
      // Every other row: no two updates share a range write.
      const update = Array.from({ length: n }, (_, i) => ({
        key: { id: `P${1 + 2 * i}` },
        values: persona(1 + 2 * i, text),
      }));
      const report = await writeRecords(wb.context, [{ layout, update }]);
      expect(wb.syncs()).toBe(report.syncs);
      expect(wb.log.filter((w) => w.op === 'values')).toHaveLength(n);
      expect(wb.log.some((w) => w.op === 'add')).toBe(false);
      expect(report.largestPayload).toBeLessThanOrEqual(4_000_000);
      const perRow = 2 * JSON.stringify(Object.values(persona(1, text))).length + 600;
      const writeSyncs = report.syncs - 1;
      expect(writeSyncs).toBeLessThanOrEqual(
        Math.max(1, Math.ceil((n * perRow * 1.2) / 4_000_000)),
      );
      if (n === 100) expect(writeSyncs).toBe(1);
      measured.push(
        `  update ${n} scattered long rows: ${report.syncs} syncs, largest ~${report.largestPayload} B`,
      );
    },
  );
});

describe('planRequests', () => {
  const row = (bytes: number): TableRow => ({ values: [], formats: [], bytes });
  const rows = (n: number, bytes: number, from = 0) =>
    Array.from({ length: n }, (_, i) => ({ at: from + i, row: row(bytes) }));
  const table = (placed: ReturnType<typeof rows>, bodyRows: number, clears = false) => ({
    rows: placed,
    bodyRows,
    blankRowBytes: 10,
    clears,
  });

  it("puts the tables of one action in one request while it fits, each table's growth its own", () => {
    const requests = planRequests(
      [table(rows(1, 100, 4), 4), table([...rows(1, 100, 2), ...rows(2, 100, 5)], 6)],
      4_000_000,
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]!.parts.map((p) => [p.table, p.grow, p.blocks.map((b) => b.at)])).toEqual([
      [0, 1, [4]],
      [1, 1, [2, 5]],
    ]);
  });

  it('cuts by payload only, across tables, and keeps an empty replace as a clear', () => {
    const requests = planRequests(
      [table(rows(30, 1_000), 30), table(rows(30, 1_000), 30), table([], 5, true)],
      25_000,
    );
    expect(requests.length).toBeGreaterThan(2);
    expect(requests.every((r) => r.bytes <= 25_000)).toBe(true);
    // Every row once, in order, the second table starting in the request the first ends in.
    const placed = requests.flatMap((r) =>
      r.parts.flatMap((p) => p.blocks.flatMap((b) => b.rows.map(() => p.table))),
    );
    expect(placed).toEqual([...Array(30).fill(0), ...Array(30).fill(1)]);
    const shared = requests.find((r) => r.parts.some((p) => p.table === 1));
    expect(shared!.parts.map((p) => p.table)).toEqual([0, 1]);
    expect(requests.at(-1)!.parts.at(-1)).toMatchObject({ table: 2, clear: true, blocks: [] });
  });
});

describe('syncWithTimeout and the requirement check', () => {
  it('rejects with a Dutch message when Excel does not answer', async () => {
    const hanging = { sync: () => new Promise<void>(() => {}) };
    const err = await syncWithTimeout(hanging, 20).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncTimeoutError);
    expect((err as Error).message).toMatch(/^Excel antwoordt niet/);
  });

  it('passes a sync that answers in time, and its errors', async () => {
    await expect(syncWithTimeout({ sync: async () => undefined }, 1000)).resolves.toBeUndefined();
    const failing = { sync: () => Promise.reject(new Error('InvalidArgument')) };
    await expect(syncWithTimeout(failing, 1000)).rejects.toThrow('InvalidArgument');
  });

  it('explains an Excel that is too old, and a page opened without Office', () => {
    const office = (ok: boolean) => ({
      context: {
        requirements: {
          isSetSupported: (s: string, v?: string) => ok && s === 'ExcelApi' && v === '1.9',
        },
      },
    });
    expect(requirementsProblem(office(true))).toBeNull();
    expect(requirementsProblem(office(false))).toMatch(/te oud voor Partnerschap .*ExcelApi 1\.9/);
    expect(requirementsProblem(undefined)).toMatch(/^Office is niet geladen/);
  });
});
