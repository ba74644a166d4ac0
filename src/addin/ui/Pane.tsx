import {
  dropdownClassNames,
  inputClassNames,
  textareaClassNames,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { t, type MessageKey } from '../../domain/messages.js';
import type { Region } from '../../domain/region/schema.js';
import type { WorkbookHost } from '../../domain/workbook-host.js';
import { PaneNav } from './PaneNav.js';
import { useWorkbookState } from './use-workbook-state.js';
import { CheckView } from './views/CheckView.js';
import { CoverageView } from './views/CoverageView.js';
import { OfferView } from './views/OfferView.js';
import { PersonaView } from './views/PersonaView.js';
import { StartView } from './views/StartView.js';
import { TimelineView } from './views/TimelineView.js';
import { WorkbookContext } from './workbook-context.js';

const VIEWS = {
  start: { label: 'pane.tab-start', View: StartView },
  personas: { label: 'pane.tab-personas', View: PersonaView },
  check: { label: 'pane.tab-check', View: CheckView },
  offers: { label: 'pane.tab-offers', View: OfferView },
  coverage: { label: 'pane.tab-coverage', View: CoverageView },
  timeline: { label: 'pane.tab-timeline', View: TimelineView },
} satisfies Record<string, { label: MessageKey; View: () => React.JSX.Element }>;
type ViewId = keyof typeof VIEWS;

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: '12px',
    minWidth: 0,
    overflowWrap: 'anywhere',
    // Fluent's Dropdown asks for 250 px, wider than a zoomed pane: it takes the pane's width.
    [`& .${dropdownClassNames.root}`]: { minWidth: 0, maxWidth: '100%' },
    // A text box's own width is 20 characters; in a Field it fills the pane's width instead.
    [`& .${inputClassNames.input}, & .${textareaClassNames.textarea}`]: { width: 0 },
    '@media (max-width: 240px)': { padding: '8px' },
  },
  busy: { minHeight: '24px' },
});

export function Pane({ host, region, at }: { host: WorkbookHost; region: Region; at: Date }) {
  const styles = useStyles();
  const state = useWorkbookState(host, region, at);
  const [view, setView] = useState<ViewId>('start');
  const { View } = VIEWS[view];
  return (
    <WorkbookContext.Provider value={state}>
      <main className={styles.pane} aria-labelledby="pane-title">
        <header>
          <Text as="h1" id="pane-title" size={500} weight="semibold">
            {t('pane.title')}
          </Text>
          <Text as="p" block size={200}>
            {t('pane.region', { region: state.region.name })}
          </Text>
        </header>
        <nav aria-label={t('pane.nav')}>
          <PaneNav
            items={Object.entries(VIEWS).map(([id, v]) => ({ id, label: t(v.label) }))}
            selected={view}
            onSelect={(id) => setView(id as ViewId)}
          />
        </nav>
        <div role="status" aria-live="polite" className={styles.busy}>
          {state.busy ? <Spinner size="tiny" label={t('pane.busy')} /> : null}
          {state.notice !== null ? (
            <MessageBar intent={state.notice.intent}>
              <MessageBarBody>{state.notice.text}</MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
        <section aria-labelledby={`tab-${view}`}>
          {state.regionProblem === null ? (
            <View />
          ) : (
            // A workbook of another region: no view may validate or write it with this one.
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{state.regionProblem}</MessageBarBody>
            </MessageBar>
          )}
        </section>
      </main>
    </WorkbookContext.Provider>
  );
}
