import path from 'node:path';

// File-system faults for the folder backend: a test file mocks node:fs/promises with
// `withFsFaults` and then scripts errors ("the next rename under this folder fails with EBUSY")
// or another writer's step right after a call, the way the Google Drive double's proxy scripts
// HTTP faults. Without a script every call is the real one.
//
//   vi.mock('node:fs/promises', async (importOriginal) => {
//     const { withFsFaults } = await import('./helpers/fs-faults.js');
//     return withFsFaults(await importOriginal<typeof import('node:fs/promises')>());
//   });
//
// This module must not import node:fs/promises itself: it would get the mocked copy.

/** The functions a fault can hit. */
export type FsFunction = 'readdir' | 'readFile' | 'lstat' | 'open' | 'rename' | 'mkdir';

interface Scripted {
  fn: FsFunction;
  /** Only calls whose first path argument lies under this folder (or is it). */
  under: string;
  left: number;
  /** The errno the call fails with; or null, and the call succeeds and `after` runs. */
  code: string | null;
  after: (() => Promise<void>) | null;
}

const scripted: Scripted[] = [];

/** The next `times` calls of `fn` on a path under `under` fail with errno `code`. */
export function failNext(fn: FsFunction, under: string, code: string, times = 1): void {
  scripted.push({ fn, under, left: times, code, after: null });
}

/** The next call of `fn` on a path under `under` happens, then `run` (another writer, say). */
export function afterNext(fn: FsFunction, under: string, run: () => Promise<void>): void {
  scripted.push({ fn, under, left: 1, code: null, after: run });
}

/** Forgets every scripted fault that did not happen. */
export function clearFsFaults(): void {
  scripted.length = 0;
}

function take(fn: FsFunction, target: unknown): Scripted | null {
  if (typeof target !== 'string') return null;
  const full = path.resolve(target);
  const s = scripted.find(
    (x) =>
      x.left > 0 &&
      x.fn === fn &&
      (full === x.under ||
        full.startsWith(x.under.endsWith(path.sep) ? x.under : x.under + path.sep)),
  );
  if (!s) return null;
  s.left--;
  return s;
}

function errnoError(code: string, syscall: string, target: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`${code}: injected fault, ${syscall} '${target}'`);
  err.code = code;
  err.syscall = syscall;
  err.path = target;
  return err;
}

const FUNCTIONS: readonly FsFunction[] = [
  'readdir',
  'readFile',
  'lstat',
  'open',
  'rename',
  'mkdir',
];

/** node:fs/promises with each of FUNCTIONS able to play a scripted fault. */
export function withFsFaults<T extends object>(actual: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const fn of FUNCTIONS) {
    const real = (actual as Record<string, unknown>)[fn] as (
      ...args: unknown[]
    ) => Promise<unknown>;
    wrapped[fn] = async (...args: unknown[]) => {
      const s = take(fn, args[0]);
      if (s?.code) throw errnoError(s.code, fn, String(args[0]));
      const result = await real(...args);
      if (s?.after) await s.after();
      return result;
    };
  }
  const base = (actual as { default?: object }).default ?? actual;
  return { ...actual, ...wrapped, default: { ...base, ...wrapped } } as T;
}
