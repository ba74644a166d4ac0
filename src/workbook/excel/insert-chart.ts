/// <reference types="office-js" />
import { GENERAL_FORMAT, TEXT_FORMAT } from '../../domain/cell-rules.js';
import { t } from '../../domain/messages.js';
import { widthInPoints } from './column-setup.js';
import { syncWithTimeout } from './sync-timeout.js';

// "Grafiek invoegen": demand and supply per problem area of one municipality, written on their
// own sheet (made afresh each time, so an old chart never lingers) with a native clustered
// column chart next to the figures. Two round trips: whether the sheet exists, then the writes.

/** Demand (estimated citizens) and active offers per problem area: the host port's ChartData. */
export interface ChartFigures {
  municipality: string;
  rows: readonly { area: string; demand: number; offers: number }[];
}

export interface ChartWritten {
  sheet: string;
  chart: boolean;
}

export async function insertChart(
  context: Excel.RequestContext,
  data: ChartFigures,
  timeoutMs?: number,
): Promise<ChartWritten> {
  const name = t('excel.chart-sheet');
  const sheets = context.workbook.worksheets;
  const old = sheets.getItemOrNullObject(name).load('isNullObject');
  await syncWithTimeout(context, timeoutMs);

  if (!old.isNullObject) old.delete();
  const sheet = sheets.add(name);
  const header = [t('excel.chart-area'), t('excel.chart-demand'), t('excel.chart-offers')];
  const values = [header, ...data.rows.map((r) => [r.area, r.demand, r.offers])];
  const range = sheet.getRangeByIndexes(0, 0, values.length, header.length);
  // Problem areas are text whatever they look like; counts are numbers.
  const counts = (i: number) => (i === 0 ? TEXT_FORMAT : GENERAL_FORMAT);
  range.numberFormat = values.map((_, i) => [TEXT_FORMAT, counts(i), counts(i)]);
  range.values = values;
  sheet.getRangeByIndexes(0, 0, 1, header.length).format.font.bold = true;
  sheet.getRangeByIndexes(0, 0, 1, 1).format.columnWidth = widthInPoints(36);
  const chart = data.rows.length > 0;
  if (chart) {
    const c = sheet.charts.add('ColumnClustered', range, 'Columns');
    c.title.text = t('excel.chart-title', { municipality: data.municipality });
    c.axes.categoryAxis.title.text = t('excel.chart-area');
    c.axes.valueAxis.title.text = t('excel.chart-axis');
    c.setPosition('E2', 'N22');
  }
  sheet.activate();
  await syncWithTimeout(context, timeoutMs);
  return { sheet: name, chart };
}
