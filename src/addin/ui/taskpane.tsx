import { Spinner } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { t } from '../../domain/messages.js';
import { App } from './App.js';
import { boot, momentFrom } from './boot.js';
import { Fatal } from './Fatal.js';
import { officeBackground, PaneTheme } from './PaneTheme.js';

const root = createRoot(document.getElementById('root')!);

/** Renders in the Office theme once Office is ready, before that in the browser's. */
function render(node: React.ReactNode, office: string | null = null) {
  root.render(
    <StrictMode>
      <PaneTheme officeBackground={office}>{node}</PaneTheme>
    </StrictMode>,
  );
}

// Office.onReady can take seconds inside Excel: the user sees that the pane is starting.
render(
  <main style={{ padding: 16 }}>
    <Spinner label={t('pane.starting')} />
  </main>,
);

boot(location.search, location.hash).then(
  (started) =>
    render(
      started.mode === 'refused' ? (
        <Fatal message={started.message} />
      ) : (
        <App started={started} at={momentFrom(location.search, new Date())} />
      ),
      officeBackground(),
    ),
  (error: unknown) =>
    render(<Fatal message={error instanceof Error ? error.message : String(error)} />),
);
