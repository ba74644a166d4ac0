import {
  aanbodLayout,
  beoordelingLayout,
  opvolgingLayout,
  kandidatuurLayout,
  mijlpaalLayout,
  noodLayout,
  personaLayout,
  type AnyLayout,
} from './layouts.js';

/** Bumped when a layout changes in a way that an older workbook must be upgraded for. */
export const TEMPLATE_VERSION = 1;

/** The hidden sheet every Partnerschap workbook carries: kind, version, region and owner. */
export const META_SHEET = '_meta';
export const LISTS_SHEET = 'Lijsten';
export const HELP_SHEET = 'Uitleg';

/** The kind the overview's _meta sheet names. Not a WorkbookKind: the overview is never an input. */
export const OVERVIEW_KIND = 'overzicht';
/** Bumped when the overview's sheets change in a way a reader of it must know. */
export const OVERVIEW_VERSION = 1;

export type WorkbookKind = 'gemeente' | 'aanbod' | 'kandidatuur' | 'opvolging';

export interface SheetRole {
  layout: AnyLayout;
  /** Input sheets hold what the owner types; copies are refreshed from the region and read-only. */
  role: 'input' | 'copy';
}

export interface KindSpec {
  kind: WorkbookKind;
  /** Whose workbook it is: a municipality, or a partner that fills in its own name. */
  owner: 'gemeente' | 'partner' | 'coordinator';
  sheets: SheetRole[];
}

export const kinds: Record<WorkbookKind, KindSpec> = {
  gemeente: {
    kind: 'gemeente',
    owner: 'gemeente',
    sheets: [
      { layout: personaLayout, role: 'input' },
      { layout: noodLayout, role: 'input' },
      { layout: aanbodLayout, role: 'copy' },
      { layout: mijlpaalLayout, role: 'copy' },
    ],
  },
  aanbod: { kind: 'aanbod', owner: 'partner', sheets: [{ layout: aanbodLayout, role: 'input' }] },
  kandidatuur: {
    kind: 'kandidatuur',
    owner: 'partner',
    sheets: [{ layout: kandidatuurLayout, role: 'input' }],
  },
  opvolging: {
    kind: 'opvolging',
    owner: 'coordinator',
    sheets: [
      { layout: opvolgingLayout, role: 'input' },
      { layout: beoordelingLayout, role: 'input' },
    ],
  },
};

export interface WorkbookMeta {
  kind: WorkbookKind;
  version: number;
  region: string;
  owner: string;
  /** Whom the coordinator's mails about this workbook go to, when _meta names someone. */
  contact?: string;
}

export function isWorkbookKind(s: string): s is WorkbookKind {
  return s in kinds;
}

/** The input sheets of a kind: what its owner types and what validation and merge read. */
export function inputSheets(kind: WorkbookKind): AnyLayout[] {
  return kinds[kind].sheets.filter((s) => s.role === 'input').map((s) => s.layout);
}
