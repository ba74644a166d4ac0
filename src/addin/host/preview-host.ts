import ExcelJS from 'exceljs';
import type { RawWorkbook } from '../../domain/cells.js';
import type { AnyLayout } from '../../domain/layouts.js';
import { t } from '../../domain/messages.js';
import type { Region } from '../../domain/region/schema.js';
import type { RowInput } from '../../domain/rows.js';
import type { WorkbookKind } from '../../domain/workbook-kinds.js';
import { loadWorkbook, rawWorkbookOf } from '../../workbook/xlsx/exceljs-raw.js';
import { updateTableRows, writeTableRows } from '../../workbook/xlsx/exceljs-table.js';
import { setUpWorkbook } from '../../workbook/xlsx/set-up-workbook.js';
import { sheetViews, type SheetView } from '../../workbook/xlsx/sheet-view.js';
import type {
  ChartData,
  ChartOutcome,
  RowUpdate,
  SetUpReport,
  WorkbookHost,
  WriteOutcome,
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

  async appendRows(layout: AnyLayout, rows: readonly RowInput[]): Promise<WriteOutcome> {
    return this.write(layout, rows.length, (ws) => writeTableRows(ws, layout, rows, 'append'));
  }

  async updateRows(layout: AnyLayout, rows: readonly RowUpdate[]): Promise<WriteOutcome> {
    return this.write(layout, rows.length, (ws) => updateTableRows(ws, layout, rows));
  }

  async replaceRows(layout: AnyLayout, rows: readonly RowInput[]): Promise<WriteOutcome> {
    return this.write(layout, rows.length, (ws) => writeTableRows(ws, layout, rows, 'replace'));
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

  /** Runs a write on the layout's sheet and notifies; `rows` is what the outcome counts. */
  private write(
    layout: AnyLayout,
    rows: number,
    writer: (ws: ExcelJS.Worksheet) => void,
  ): WriteOutcome {
    const ws = this.wb.getWorksheet(layout.sheet);
    if (ws === undefined) {
      throw new Error(t('excel.table-missing', { table: layout.table, sheet: layout.sheet }));
    }
    writer(ws);
    this.changed();
    return { rows, syncs: 0, largestPayload: 0 };
  }

  private changed(): void {
    this.changeCount++;
    for (const listener of this.listeners) listener();
  }
}
