// The errors that end a sync run as a whole, which the CLI tells in Dutch (usageErrorOf): kept
// apart from the lease and the drive state, so that the CLI's check whether anything changed
// need not load those (and their schema library) to know them.

/** What a lease file says of the run that holds it (lease.ts checks it with its schema). */
export interface LeaseInfo {
  machine: string;
  user: string;
  pid: number;
  /** ISO instants. */
  started: string;
  expires: string;
}

/** Another run holds the lease and did not let go in time. */
export class LeaseHeldError extends Error {
  constructor(readonly holder: LeaseInfo) {
    super(`lease held by ${holder.user}@${holder.machine}`);
  }
}

/** The lease was taken over while this run held it (it did not refresh in time). */
export class LeaseLostError extends Error {}

/** Someone wrote the state while this run held the lease: its lease was taken over. */
export class StateConflictError extends Error {}
