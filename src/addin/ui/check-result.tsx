import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Text,
  webLightTheme,
} from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { t } from '../../domain/messages.js';
import { checkResultText } from '../commands/check-result-text.js';

// The small dialog the ribbon's "Controleren" button opens: the counts, where the first issue
// is (already selected), and a button that closes the dialog.

const LAYOUT = {
  boxSizing: 'border-box',
  height: '100vh',
  padding: 12,
  display: 'grid',
  gridTemplateRows: 'auto minmax(0, 1fr) auto',
  gap: 8,
} as const;

function CheckResult() {
  const result = checkResultText(location.search);
  const close = () => {
    if (typeof Office !== 'undefined' && Office.context?.ui !== undefined) {
      Office.context.ui.messageParent('close');
    } else window.close();
  };
  return (
    // The whole dialog, however small Excel makes it: the text scrolls, the button stays in view.
    <main style={LAYOUT}>
      <Text as="h1" size={500} weight="semibold">
        {t('pane.check-dialog-title')}
      </Text>
      <div style={{ overflowY: 'auto', minHeight: 0 }}>
        <MessageBar intent={result.intent} layout="multiline">
          <MessageBarBody>
            {result.lines.map((line) => (
              <Text as="p" block key={line}>
                {line}
              </Text>
            ))}
          </MessageBarBody>
        </MessageBar>
      </div>
      <Button appearance="primary" onClick={close} style={{ justifySelf: 'start' }}>
        {t('pane.check-dialog-close')}
      </Button>
    </main>
  );
}

const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <CheckResult />
      </FluentProvider>
    </StrictMode>,
  );

if (typeof Office === 'undefined') render();
else void Office.onReady().then(render);
