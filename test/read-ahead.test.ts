import { describe, expect, it } from 'vitest';
import { inOrderAhead } from '../src/workbook/xlsx/read-ahead.js';

// The reader's read-ahead: results in input order, whatever order the tasks finish in, and never
// more tasks started than its two bounds allow.

/** Tasks that finish only when the test says so; records how many were running at once. */
function tasks() {
  const finish: (() => void)[] = [];
  const seen = { running: 0, most: 0, started: [] as number[] };
  const task = (n: number) =>
    new Promise<number>((resolve) => {
      seen.running++;
      seen.most = Math.max(seen.most, seen.running);
      seen.started.push(n);
      finish[n] = () => {
        seen.running--;
        resolve(n);
      };
    });
  return { task, finish, seen };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('inOrderAhead', () => {
  it('yields in input order with at most `ahead` tasks not yet taken', async () => {
    const { task, finish, seen } = tasks();
    const items = [0, 1, 2, 3, 4, 5];
    const out: number[] = [];
    const taking = (async () => {
      for await (const n of inOrderAhead(items, task, () => 1, { ahead: 3, budget: 100 })) {
        out.push(n);
      }
    })();
    await tick();
    expect(seen.started).toEqual([0, 1, 2]);
    for (const n of [2, 1, 0, 5, 4, 3]) {
      finish[n]?.();
      await tick();
    }
    await taking;
    expect(out).toEqual(items);
    expect(seen.most).toBe(3);
  });

  it('starts no task while the results not yet taken weigh more than the budget', async () => {
    const { task, finish, seen } = tasks();
    const weight = (n: number) => (n === 1 ? 10 : 0);
    const results = inOrderAhead([0, 1, 2, 3], task, weight, { ahead: 2, budget: 5 });
    const first = results.next();
    await tick();
    expect(seen.started).toEqual([0, 1]);
    finish[1]!();
    finish[0]!();
    expect((await first).value).toBe(0);
    expect((await results.next()).value).toBe(1);
    expect(seen.started).toEqual([0, 1]); // 1 weighed 10 until it was taken: 2 waited
    const third = results.next();
    await tick();
    expect(seen.started).toEqual([0, 1, 2, 3]);
    finish[2]!();
    finish[3]!();
    expect((await third).value).toBe(2);
    expect((await results.next()).value).toBe(3);
  });
});
