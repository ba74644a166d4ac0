import {
  Button,
  dropdownClassNames,
  inputClassNames,
  textareaClassNames,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { t, type MessageKey } from '../../domain/messages.js';
import type { Region } from '../../domain/region/schema.js';
import type { WorkbookHost } from '../../domain/workbook-host.js';
import { PaneNav } from './PaneNav.js';
import { useWorkbookState, type PaneStatus } from './use-workbook-state.js';
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
  const [chosenFromMenu, setChosenFromMenu] = useState(0);
  const section = useRef<HTMLElement>(null);
  // A view chosen in the Meer menu takes focus to its heading, not back to the menu's button;
  // after the menu has closed and restored focus to that button.
  useEffect(() => {
    if (chosenFromMenu === 0) return;
    const frame = requestAnimationFrame(() => {
      const heading = section.current?.querySelector<HTMLElement>('h2') ?? section.current;
      heading?.setAttribute('tabindex', '-1');
      heading?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [chosenFromMenu]);
  const { View } = VIEWS[view];
  // The region is the workbook's own once it is read; before, the pane does not guess one.
  const known = state.workbook !== null;
  return (
    <WorkbookContext.Provider value={state}>
      <main className={styles.pane} aria-labelledby="pane-title">
        <header>
          <Text as="h1" id="pane-title" size={500} weight="semibold">
            {t('pane.title')}
          </Text>
          {known ? (
            <Text as="p" block size={200}>
              {t('pane.region', { region: state.region.name })}
            </Text>
          ) : null}
        </header>
        <nav aria-label={t('pane.nav')}>
          <PaneNav
            items={Object.entries(VIEWS).map(([id, v]) => ({ id, label: t(v.label) }))}
            selected={view}
            onSelect={(id, from) => {
              setView(id as ViewId);
              if (from === 'menu') setChosenFromMenu((n) => n + 1);
            }}
          />
        </nav>
        <div role="status" aria-live="polite" className={styles.busy}>
          {state.busy ? <Spinner size="tiny" label={t('pane.busy')} /> : null}
          {state.notice !== null ? (
            <MessageBar intent={state.notice.intent}>
              <MessageBarBody>{state.notice.text}</MessageBarBody>
            </MessageBar>
          ) : null}
          <ReadError state={state} known={known} />
        </div>
        <section ref={section} aria-labelledby={`tab-${view}`}>
          {state.regionProblem !== null ? (
            // A workbook of another region: no view may validate or write it with this one.
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{state.regionProblem}</MessageBarBody>
            </MessageBar>
          ) : known ? (
            <View />
          ) : state.readError === null ? (
            // Until the workbook is read no view shows a form: an unread workbook is not empty.
            <Text as="p">{t('pane.reading')}</Text>
          ) : null}
        </section>
      </main>
    </WorkbookContext.Provider>
  );
}

/** Why the workbook could not be read or followed, and the way out: reading it again. */
function ReadError({ state, known }: { state: PaneStatus & { busy: boolean }; known: boolean }) {
  const { readError, followError } = state;
  if (readError === null && followError === null) return null;
  const text =
    readError !== null
      ? t(known ? 'pane.reread-failed' : 'pane.read-failed', { reason: readError })
      : t('pane.follow-failed', { reason: followError! });
  return (
    <MessageBar intent={readError !== null ? 'error' : 'warning'} layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
      <MessageBarActions>
        <Button disabled={state.busy} onClick={state.reread}>
          {t('pane.reread')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
