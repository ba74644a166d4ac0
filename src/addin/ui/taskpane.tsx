import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
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

boot(location.search).then(
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
