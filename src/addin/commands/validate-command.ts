import { countSeverity, issueCell, type Issue, type Severity } from '../../domain/issue.js';
import { rowCounts, validateWorkbook } from '../../domain/validate.js';
import type { RegionChoice } from '../../domain/region/workbook-region.js';
import type { WorkbookKind } from '../../domain/workbook-kinds.js';
import type { WorkbookHost } from '../../domain/workbook-host.js';

// The ribbon's "Controleren": validates the whole workbook, selects the cell of the first issue
// (errors before warnings) and shows the totals in a small dialog. The dialog's page gets only
// counts and where to look, in its URL: never a cell's content or an issue's text, which can
// quote personal data (and URLs end up in logs and histories).

/** The dialog page, next to commands.html in the build. */
export const CHECK_RESULT_PAGE = 'check-result.html';

export interface CommandUi {
  /** Opens the page at `url` in a small Office dialog. */
  showDialog(url: string): Promise<void>;
}

export interface CheckSummary {
  errors: number;
  warnings: number;
  /** Data rows read from the input sheets. */
  rows: number;
  /** The workbook's kind, or null when it is no Partnerschap workbook. */
  kind: WorkbookKind | null;
  /** Where the first issue with a cell is; null when no issue names a cell. */
  sheet: string | null;
  cell: string | null;
}

/** The region a workbook is checked against, from its _meta (workbook-region.ts). */
export type RegionOf = (meta: ReadonlyMap<string, string> | null) => Promise<RegionChoice>;

export async function validateWorkbookCommand(
  host: WorkbookHost,
  regionOf: RegionOf,
  ui: CommandUi,
  pageUrl: string,
): Promise<CheckSummary | null> {
  const workbook = await host.read();
  const choice = await regionOf(workbook.meta);
  if (!choice.ok) {
    await ui.showDialog(regionProblemUrl(pageUrl, choice));
    return null;
  }
  const result = validateWorkbook(workbook, choice.region);
  const first = located(result.issues, 'error') ?? located(result.issues, 'warning') ?? null;
  const summary: CheckSummary = {
    errors: countSeverity(result.issues, 'error'),
    warnings: countSeverity(result.issues, 'warning'),
    rows: rowCounts(result.sheets).read,
    kind: result.meta?.kind ?? null,
    sheet: first?.sheet ?? null,
    cell: first === null ? null : issueCell(first),
  };
  if (summary.sheet !== null && summary.cell !== null) {
    await host.select(summary.sheet, summary.cell);
  }
  await ui.showDialog(checkResultUrl(pageUrl, summary));
  return summary;
}

/** The dialog's URL: the result page next to `pageUrl`, with the counts as parameters. */
export function checkResultUrl(pageUrl: string, s: CheckSummary): string {
  const url = new URL(CHECK_RESULT_PAGE, pageUrl);
  url.searchParams.set('errors', String(s.errors));
  url.searchParams.set('warnings', String(s.warnings));
  url.searchParams.set('rows', String(s.rows));
  if (s.kind !== null) url.searchParams.set('kind', s.kind);
  if (s.sheet !== null && s.cell !== null) {
    url.searchParams.set('sheet', s.sheet);
    url.searchParams.set('cell', s.cell);
  }
  return url.href;
}

/** The dialog's URL for a workbook of a region the add-in cannot use: its id, never more. */
function regionProblemUrl(pageUrl: string, choice: Extract<RegionChoice, { ok: false }>): string {
  const url = new URL(CHECK_RESULT_PAGE, pageUrl);
  url.searchParams.set('region', choice.id);
  url.searchParams.set('regionProblem', choice.known ? 'unusable' : 'unknown');
  return url.href;
}

/** The dialog's URL when the check could not run (Excel did not answer, a table was broken). */
export function checkFailedUrl(pageUrl: string): string {
  const url = new URL(CHECK_RESULT_PAGE, pageUrl);
  url.searchParams.set('failed', '1');
  return url.href;
}

function located(issues: Issue[], severity: Severity): Issue | undefined {
  return issues.find((i) => i.severity === severity && i.sheet !== null && issueCell(i) !== null);
}
