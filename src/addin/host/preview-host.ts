import ExcelJS from 'exceljs';
import type { RawWorkbook } from '../../domain/cells.js';
import type { AnyLayout } from '../../domain/layouts.js';
import { t } from '../../domain/messages.js';
import { placeByKey } from '../../domain/row-by-key.js';
import type { Region } from '../../domain/region/schema.js';
import type { RowInput } from '../../domain/rows.js';
import type { WorkbookKind } from '../../domain/workbook-kinds.js';
import { loadWorkbook, rawWorkbookOf } from '../../workbook/xlsx/exceljs-raw.js';
import { checkRows, checkUpdates, type CheckedWrite } from '../../workbook/xlsx/exceljs-table.js';
import { setMetaPairs } from '../../workbook/xlsx/meta-pairs.js';
import { setUpWorkbook } from '../../workbook/xlsx/set-up-workbook.js';
import { sheetViews, type SheetView } from '../../workbook/xlsx/sheet-view.js';
import {
  recordCount,
  type ChartData,
  type ChartOutcome,
  type SetUpReport,
  type TableWrite,
  type WorkbookHost,
  type WriteOutcome,
} from '../../domain/workbook-host.js';

// The workbook host of preview mode: a workbook opened from disk, held by exceljs in the page,
// and downloaded again with "Downloaden". The page's sheet viewer follows it through subscribe():
// every change and every selection notifies.

export interface Selection {
  sheet: string;
  cell: string;
}

export type { SheetView };

/** Excel's name for the first sheet of a new workbook. */
const FIRST_SHEET = 'Blad1';

export class PreviewHost implements WorkbookHost {
  readonly mode = 'preview' as const;
  private listeners = new Set<() => void>();
  private selected: Selection | null = null;
  private changeCount = 0;

  private constructor(
    private wb: ExcelJS.Workbook,
    readonly fileName: string,
  ) {}

  /** Opens xlsx bytes; throws UnreadableWorkbook with a Dutch message naming the file. */
  static async open(bytes: Uint8Array | ArrayBuffer, fileName: string): Promise<PreviewHost> {
    return new PreviewHost(await loadWorkbook(bytes, fileName), fileName);
  }

  /** A new, empty workbook, as Excel makes one. */
  static blank(fileName: string): PreviewHost {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(FIRST_SHEET);
    return new PreviewHost(wb, fileName);
  }

  get selection(): Selection | null {
    return this.selected;
  }

  /** Grows by one with every change to the workbook or the selection. */
  get changes(): number {
    return this.changeCount;
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The xlsx file as it is now, for "Downloaden". */
  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.wb.xlsx.writeBuffer());
  }

  sheetsForView(): SheetView[] {
    return sheetViews(this.wb);
  }

  async read(): Promise<RawWorkbook> {
    return rawWorkbookOf(this.wb, this.fileName);
  }

  async setUp(kind: WorkbookKind, region: Region, owner: string): Promise<SetUpReport> {
    const { workbook, report } = setUpWorkbook(this.wb, await this.read(), kind, region, owner);
    if (report.outcome !== 'current') {
      // Through bytes once, so the tables are what a later write finds in any opened file.
      this.wb = await loadWorkbook(
        new Uint8Array(await workbook.xlsx.writeBuffer()),
        this.fileName,
      );
      this.changed();
    }
    return report;
  }

  async writeRecords(writes: readonly TableWrite[]): Promise<WriteOutcome> {
    // Updates before appends, as in Excel: an action's rows land in the same places in both.
    // An empty list is no write at all, as in Excel (an empty append would stretch the table).
    // Rows are found by key in the workbook as it is now, as the Office host does in its request.
    const filled = writes.filter((w) => recordCount(w) > 0);
    const now = rawWorkbookOf(this.wb, this.fileName);
    const checked = filled.flatMap((write) => {
      const ws = this.sheetOf(write.layout);
      const sheet = now.sheets.find((s) => s.name === ws.name)!;
      const { update, append } = placeByKey(sheet, write);
      return [
        ...(update.length > 0 ? [checkUpdates(ws, write.layout, update)] : []),
        ...(append.length > 0 ? [checkRows(ws, write.layout, append, 'append')] : []),
      ];
    });
    return this.apply(
      checked,
      filled.reduce((n, w) => n + recordCount(w), 0),
    );
  }

  async replaceRows(layout: AnyLayout, rows: readonly RowInput[]): Promise<WriteOutcome> {
    return this.apply([checkRows(this.sheetOf(layout), layout, rows, 'replace')], rows.length);
  }

  async setMeta(pairs: ReadonlyMap<string, string>): Promise<void> {
    setMetaPairs(this.wb, pairs);
    this.changed();
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.selected = { sheet, cell };
    this.changed();
  }

  /** The same data sheet as the Office host writes, without the chart exceljs cannot draw. */
  async insertChart(data: ChartData): Promise<ChartOutcome> {
    const name = t('excel.chart-sheet');
    const old = this.wb.getWorksheet(name);
    if (old !== undefined) this.wb.removeWorksheet(old.id);
    const ws = this.wb.addWorksheet(name);
    ws.addRow([t('excel.chart-area'), t('excel.chart-demand'), t('excel.chart-offers')]);
    for (const r of data.rows) ws.addRow([r.area, r.demand, r.offers]);
    ws.getRow(1).font = { bold: true };
    [40, 30, 30].forEach((w, i) => (ws.getColumn(i + 1).width = w));
    this.changed();
    return { sheet: name, chart: false };
  }

  /** The layout's sheet; a write to a sheet the workbook lacks is refused. */
  private sheetOf(layout: AnyLayout): ExcelJS.Worksheet {
    const ws = this.wb.getWorksheet(layout.sheet);
    if (ws === undefined) {
      throw new Error(t('excel.table-missing', { table: layout.table, sheet: layout.sheet }));
    }
    return ws;
  }

  /**
   * Applies writes that all passed their checks, and notifies once: a refusal came before, so it
   * left the workbook untouched. `rows` is what the outcome counts.
   */
  private apply(writes: readonly CheckedWrite[], rows: number): WriteOutcome {
    for (const write of writes) write.apply();
    this.changed();
    return { rows, syncs: 0, largestPayload: 0 };
  }

  private changed(): void {
    this.changeCount++;
    for (const listener of this.listeners) listener();
  }
}
