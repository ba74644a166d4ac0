import { expect } from 'vitest';

/** The error a promise rejects with, checked to be a `kind` (the test fails if it resolves). */
export async function rejection<E extends Error>(
  p: Promise<unknown>,
  kind: abstract new (...args: never[]) => E,
): Promise<E> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(kind);
  return err as E;
}
