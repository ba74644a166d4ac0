/** A mistake in how a command was called (exit code 2), with a Dutch message for the user. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, dataProblems: 1, unreadable: 2 } as const;
