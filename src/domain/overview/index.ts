// The regional overview's domain: build it from the sources.
export { buildOverview, DEFAULT_GAP_WAIT_WEEKS, type OverviewOptions } from './merge.js';
export type * from './model.js';
export type { SourceInput } from './sources.js';
export { OVERVIEW_KIND, OVERVIEW_VERSION } from '../workbook-kinds.js';
export { suppress, SUPPRESSED, type ShownCount } from './suppress.js';
