import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  tableHeaderCellClassNames,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import { t } from '../../../domain/messages.js';
import {
  chartData,
  municipalCoverage,
  type CoverageLine,
} from '../../../domain/pane/municipal-coverage.js';
import { Stack } from '../Stack.js';
import { useWorkbook } from '../workbook-context.js';
import { OfferOrigin } from './OfferOrigin.js';
import { useOfferRefresh } from './use-offer-refresh.js';

// Dekking: this municipality's needs against the offers in its Aanbod sheet, with the gaps
// highlighted, computed by the same rules as the regional overview's Dekking sheet. Until the
// offers are loaded it says so and shows no gaps; once loaded, it says from where and when.

const useStyles = makeStyles({
  gap: { backgroundColor: tokens.colorPaletteRedBackground1 },
  reason: { display: 'block', color: tokens.colorPaletteRedForeground1 },
  quiet: { display: 'block', color: tokens.colorNeutralForeground3 },
  // Narrow number columns leave the area's name most of a 320 px pane; a long Dutch compound
  // word is hyphenated where the browser knows Dutch, broken anywhere else, never spilled over.
  area: { hyphens: 'auto', overflowWrap: 'anywhere' },
  number: {
    textAlign: 'end',
    width: '60px',
    [`& .${tableHeaderCellClassNames.button}`]: { justifyContent: 'end', textAlign: 'end' },
    '@media (max-width: 240px)': { width: '44px' },
  },
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
  const picker = useOfferRefresh('coverage-offer-file-input');
  if (coverage === null) return <Spinner size="small" label={t('pane.reading')} />;
  const loaded = coverage.offers.loaded;
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
      <OfferOrigin status={coverage.offers} id="coverage-offers" />
      {!loaded || coverage.offers.old ? (
        <Button appearance="primary" disabled={busy} onClick={picker.open}>
          {t('pane.offers-refresh')}
        </Button>
      ) : null}
      {picker.input}
      {loaded ? (
        <Text as="p" id="coverage-summary">
          {t('pane.coverage-summary', { gaps: coverage.gaps, weeks: coverage.waitWeeks })}
        </Text>
      ) : null}
      <Table size="extra-small" aria-label={t('pane.coverage-table')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.area}>{t('pane.coverage-area')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('pane.coverage-demand')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('pane.coverage-offers')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {coverage.lines.map((line) => (
            <TableRow key={line.area} className={line.gap !== null ? styles.gap : undefined}>
              <TableCell className={styles.area}>
                {line.area}
                <Text
                  size={200}
                  weight="semibold"
                  className={line.gap !== null ? styles.reason : styles.quiet}
                >
                  {lineStatus(line, loaded)}
                </Text>
              </TableCell>
              <TableCell className={styles.number}>{line.demand}</TableCell>
              <TableCell className={styles.number}>{loaded ? line.offers : '–'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Button disabled={busy || !loaded} onClick={() => void insert()}>
        {t('pane.chart-insert')}
      </Button>
    </Stack>
  );
}

function lineStatus(line: CoverageLine, loaded: boolean): string {
  if (line.gap !== null) return t('pane.coverage-gap', { reason: line.reason ?? '' });
  if (line.needs === 0) return t('pane.coverage-no-need');
  return loaded ? t('pane.coverage-covered') : t('pane.coverage-not-compared');
}
