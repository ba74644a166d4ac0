import { FluentProvider, Spinner, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { t } from '../../domain/messages.js';
import { App } from './App.js';
import { boot, momentFrom } from './boot.js';
import { Fatal } from './Fatal.js';

const root = createRoot(document.getElementById('root')!);

function render(node: React.ReactNode) {
  root.render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>{node}</FluentProvider>
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
    ),
  (error: unknown) =>
    render(<Fatal message={error instanceof Error ? error.message : String(error)} />),
);
