import {
  Button,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { t } from '../../../domain/messages.js';
import { setupSheetsText } from '../../../domain/pane/setup-plan.js';
import { checkSetUpRegion } from '../../../domain/region/workbook-region.js';
import { setupState, type SetupState } from '../../../domain/setup-state.js';
import { TEMPLATE_VERSION, type WorkbookKind } from '../../../domain/workbook-kinds.js';
import type { SetUpReport } from '../../../domain/workbook-host.js';
import { useWorkbook, type Notice } from '../workbook-context.js';
import { Stack } from '../Stack.js';

/** The pane sets up municipalities' workbooks. */
const KIND: WorkbookKind = 'gemeente';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
  },
});

/** Start: the region, what this workbook is, and "Werkmap inrichten" (set up or upgrade). */
export function StartView() {
  const { workbook, region, busy, host, act } = useWorkbook();
  const state: SetupState = workbook === null ? { status: 'none' } : setupState(workbook);
  const owner = state.status === 'none' ? '' : state.meta.owner;
  const [municipality, setMunicipality] = useState('');
  const chosen = owner !== '' ? owner : municipality;

  // Read again first: a workbook is set up only with the region its _meta names, never another.
  const setUp = () =>
    act(async () => {
      checkSetUpRegion((await host.read()).meta, region);
      return reportNotice(await host.setUp(KIND, region, chosen));
    });

  return (
    <Stack>
      <Text as="h2" size={400} weight="semibold">
        {t('pane.start-heading')}
      </Text>
      <Text as="p">
        {t('pane.start-region', {
          region: region.name,
          coordinator: region.coordinator.organisation,
          municipalities: region.municipalities.length,
        })}
      </Text>
      <Text as="p" id="workbook-state">
        {describe(state)}
      </Text>
      {state.status === 'outdated' && state.missing.length > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t('pane.start-missing', { parts: state.missing.join(', ') })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {state.status === 'none' ? <FirstRun /> : null}
      {state.status === 'none' ? (
        <Field label={t('pane.start-municipality')} required>
          <Dropdown
            placeholder={t('pane.choose')}
            selectedOptions={municipality === '' ? [] : [municipality]}
            value={municipality}
            onOptionSelect={(_, data) => setMunicipality(data.optionValue ?? '')}
          >
            {region.municipalities.map((m) => (
              <Option key={m} value={m}>
                {m}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : null}
      {state.status !== 'current' ? (
        <Button appearance="primary" disabled={busy || chosen === ''} onClick={() => void setUp()}>
          {state.status === 'none' ? t('pane.setup') : t('pane.upgrade')}
        </Button>
      ) : null}
    </Stack>
  );
}

/** Before the first "Werkmap inrichten": what it will add, what it keeps, that it is for good. */
function FirstRun() {
  const styles = useStyles();
  return (
    <section aria-labelledby="first-run">
      <Text as="h3" id="first-run" size={300} weight="semibold">
        {t('pane.start-first-heading')}
      </Text>
      <ul className={styles.list}>
        <li>{t('pane.start-first-sheets', { sheets: setupSheetsText(KIND) })}</li>
        <li>{t('pane.start-first-keeps')}</li>
        <li>{t('pane.start-first-undo')}</li>
      </ul>
    </section>
  );
}

function describe(state: SetupState): string {
  if (state.status === 'none') return t('pane.start-none');
  const params = { kind: t(`kind.${state.meta.kind}`), owner: state.meta.owner };
  return state.status === 'current'
    ? t('pane.start-current', { ...params, version: state.meta.version })
    : t('pane.start-outdated', { ...params, version: state.meta.version });
}

function reportNotice(report: SetUpReport): Notice {
  if (report.outcome === 'created') return { intent: 'success', text: t('pane.setup-created') };
  if (report.outcome === 'current') return { intent: 'info', text: t('pane.setup-current') };
  const added = [...report.addedSheets, ...report.addedColumns];
  return {
    intent: 'success',
    text:
      added.length === 0
        ? t('pane.setup-upgraded-version', { version: TEMPLATE_VERSION })
        : t('pane.setup-upgraded', { added: added.join(', ') }),
  };
}
