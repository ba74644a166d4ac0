/// <reference types="office-js" />
import type { RawWorkbook } from '../../domain/cells.js';
import type { AnyLayout } from '../../domain/layouts.js';
import type { Region } from '../../domain/region/schema.js';
import type { RowInput } from '../../domain/rows.js';
import type { WorkbookKind } from '../../domain/workbook-kinds.js';
import { insertChart } from '../../workbook/excel/insert-chart.js';
import { writeMetaPairs } from '../../workbook/excel/meta-sheet.js';
import { readWorkbook } from '../../workbook/excel/read-workbook.js';
import { selectCell } from '../../workbook/excel/select-cell.js';
import { setUpWorkbook } from '../../workbook/excel/set-up-workbook.js';
import { syncWithTimeout } from '../../workbook/excel/sync-timeout.js';
import { replaceRecords, writeRecords } from '../../workbook/excel/write-rows.js';
import type {
  ChartData,
  ChartOutcome,
  SetUpReport,
  TableWrite,
  WorkbookHost,
  WriteOutcome,
} from '../../domain/workbook-host.js';

// The task pane's port answered by the workbook open in Excel. Each action is one Excel.run
// batch; the work itself is in src/workbook/excel, so it is tested and benchmarked without a
// browser. A write reads its tables first (one sync for all of them) to learn where rows go.

/** Excel.run, injected so tests can hand in a mocked request context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeHostOptions {
  run?: ExcelRun;
  /** How messages name the workbook. */
  file?: string;
  timeoutMs?: number;
}

export class OfficeHost implements WorkbookHost {
  readonly mode = 'office';
  private readonly run: ExcelRun;

  constructor(private readonly options: OfficeHostOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
  }

  read(): Promise<RawWorkbook> {
    const { file, timeoutMs } = this.options;
    return this.run((context) => readWorkbook(context, { file, timeoutMs }));
  }

  setUp(kind: WorkbookKind, region: Region, owner: string): Promise<SetUpReport> {
    const { timeoutMs } = this.options;
    return this.run((context) => setUpWorkbook(context, kind, region, owner, { timeoutMs }));
  }

  writeRecords(writes: readonly TableWrite[]): Promise<WriteOutcome> {
    const { timeoutMs } = this.options;
    return this.run((context) => writeRecords(context, writes, { timeoutMs }));
  }

  /** Table changes by anyone (ExcelApi 1.7 TableCollection.onChanged), the pane's own included. */
  follow(onChange: () => void): Promise<() => Promise<void>> {
    const { timeoutMs } = this.options;
    return this.run(async (context) => {
      const handler = context.workbook.tables.onChanged.add(async () => onChange());
      await syncWithTimeout(context, timeoutMs);
      // A handler is removed through the context that added it.
      return async () => {
        handler.remove();
        await syncWithTimeout(handler.context, timeoutMs);
      };
    });
  }

  replaceRows(layout: AnyLayout, rows: readonly RowInput[]): Promise<WriteOutcome> {
    const { timeoutMs } = this.options;
    return this.run((context) => replaceRecords(context, layout, rows, { timeoutMs }));
  }

  setMeta(pairs: ReadonlyMap<string, string>): Promise<void> {
    return this.run((context) => writeMetaPairs(context, pairs, this.options.timeoutMs));
  }

  select(sheet: string, cell: string): Promise<void> {
    return this.run((context) => selectCell(context, sheet, cell, this.options.timeoutMs));
  }

  insertChart(data: ChartData): Promise<ChartOutcome> {
    return this.run((context) => insertChart(context, data, this.options.timeoutMs));
  }
}
