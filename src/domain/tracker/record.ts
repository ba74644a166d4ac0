import type { Opvolging } from '../layouts.js';

/** A tracker record as read: a cell that was empty or failed validation is null. */
export type OpvolgingRead = { [K in keyof Opvolging]: Opvolging[K] | null };
