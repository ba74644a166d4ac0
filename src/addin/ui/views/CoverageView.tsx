import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import { t } from '../../../domain/messages.js';
import { chartData, municipalCoverage } from '../../../domain/pane/municipal-coverage.js';
import { Stack } from '../Stack.js';
import { useWorkbook } from '../workbook-context.js';

// Dekking: this municipality's needs against the offers in its Aanbod sheet, with the gaps
// highlighted, computed by the same rules as the regional overview's Dekking sheet.

const useStyles = makeStyles({
  gap: { backgroundColor: tokens.colorPaletteRedBackground1 },
  reason: { display: 'block', color: tokens.colorPaletteRedForeground1 },
  quiet: { display: 'block', color: tokens.colorNeutralForeground3 },
  number: { textAlign: 'end', width: '72px' },
});

export function CoverageView() {
  const styles = useStyles();
  const { workbook, validation, region, at, busy, host, act } = useWorkbook();
  const coverage = useMemo(
    () =>
      workbook === null || validation === null
        ? null
        : municipalCoverage(workbook, validation, region, { day: at }),
    [workbook, validation, region, at],
  );
  if (coverage === null) return <Text>{t('pane.busy')}</Text>;
  const insert = () =>
    act(async () => {
      const outcome = await host.insertChart(chartData(coverage));
      return outcome.chart
        ? { intent: 'success', text: t('pane.chart-inserted', { sheet: outcome.sheet }) }
        : { intent: 'info', text: t('pane.chart-data-only', { sheet: outcome.sheet }) };
    });

  return (
    <Stack>
      <Text as="h2" size={400} weight="semibold">
        {t('pane.coverage-heading', { municipality: coverage.municipality ?? '?' })}
      </Text>
      {coverage.municipality === null ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('pane.coverage-no-municipality')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Text as="p" id="coverage-summary">
        {t('pane.coverage-summary', { gaps: coverage.gaps, weeks: coverage.waitWeeks })}
      </Text>
      <Table size="extra-small" aria-label={t('pane.coverage-table')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('pane.coverage-area')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('pane.coverage-demand')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('pane.coverage-offers')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {coverage.lines.map((line) => (
            <TableRow key={line.area} className={line.gap !== null ? styles.gap : undefined}>
              <TableCell>
                {line.area}
                <Text
                  size={200}
                  weight="semibold"
                  className={line.gap !== null ? styles.reason : styles.quiet}
                >
                  {line.gap !== null
                    ? t('pane.coverage-gap', { reason: line.reason ?? '' })
                    : line.needs === 0
                      ? t('pane.coverage-no-need')
                      : t('pane.coverage-covered')}
                </Text>
              </TableCell>
              <TableCell className={styles.number}>{line.demand}</TableCell>
              <TableCell className={styles.number}>{line.offers}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Button appearance="primary" disabled={busy} onClick={() => void insert()}>
        {t('pane.chart-insert')}
      </Button>
    </Stack>
  );
}
