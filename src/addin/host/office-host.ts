/// <reference types="office-js" />
import type { RawWorkbook } from '../../domain/cells.js';
import type { AnyLayout } from '../../domain/layouts.js';
import type { Region } from '../../domain/region/schema.js';
import type { RowInput } from '../../domain/rows.js';
import type { WorkbookKind } from '../../domain/workbook-kinds.js';
import { insertChart } from '../../workbook/excel/insert-chart.js';
import { readTable } from '../../workbook/excel/read-table.js';
import { readWorkbook } from '../../workbook/excel/read-workbook.js';
import { selectCell } from '../../workbook/excel/select-cell.js';
import { setUpWorkbook } from '../../workbook/excel/set-up-workbook.js';
import {
  appendRows,
  replaceRows,
  updateRows,
  type TableWriter,
  type WriteReport,
} from '../../workbook/excel/write-rows.js';
import type {
  ChartData,
  ChartOutcome,
  RowUpdate,
  SetUpReport,
  WorkbookHost,
  WriteOutcome,
} from '../../domain/workbook-host.js';

// The task pane's port answered by the workbook open in Excel. Each action is one Excel.run
// batch; the work itself is in src/workbook/excel, so it is tested and benchmarked without a
// browser. A write reads its table first (one sync) to learn where the rows go.

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

  appendRows(layout: AnyLayout, rows: readonly RowInput[]): Promise<WriteOutcome> {
    return this.write(layout, rows, appendRows);
  }

  updateRows(layout: AnyLayout, rows: readonly RowUpdate[]): Promise<WriteOutcome> {
    return this.write(layout, rows, updateRows);
  }

  replaceRows(layout: AnyLayout, rows: readonly RowInput[]): Promise<WriteOutcome> {
    return this.write(layout, rows, replaceRows);
  }

  select(sheet: string, cell: string): Promise<void> {
    return this.run((context) => selectCell(context, sheet, cell, this.options.timeoutMs));
  }

  insertChart(data: ChartData): Promise<ChartOutcome> {
    return this.run((context) => insertChart(context, data, this.options.timeoutMs));
  }

  private write<R>(
    layout: AnyLayout,
    rows: readonly R[],
    writer: TableWriter<R>,
  ): Promise<WriteOutcome> {
    const { timeoutMs } = this.options;
    return this.run(async (context) => {
      const table = await readTable(context, layout, { timeoutMs });
      const report: WriteReport = await writer(context, layout, table, rows, { timeoutMs });
      // The read is a round trip of the action too.
      return { ...report, syncs: report.syncs + 1 };
    });
  }
}
