import type { opvolgingLayout, ReadOfLayout } from '../layouts.js';

/** A tracker record as read: a cell that was empty or failed validation is null. */
export type OpvolgingRead = ReadOfLayout<typeof opvolgingLayout>;
