import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { t } from '../../domain/messages.js';
import { checkResultText } from '../commands/check-result-text.js';

// The small dialog the ribbon's "Controleren" button opens: the counts, where the first issue
// is (already selected), and a button that closes the dialog.

// However small Excel makes the dialog (down to 150 × 100 px, or a zoomed window): the button
// always wholly in view, the text scrolling between it and a title kept to one line.
const SHORT = '@media (max-height: 200px)';
const useStyles = makeStyles({
  dialog: {
    boxSizing: 'border-box',
    height: '100vh',
    padding: '12px',
    display: 'grid',
    gridTemplateRows: 'auto minmax(0, 1fr) auto',
    gap: '8px',
    [SHORT]: { padding: '4px 8px', gap: '4px' },
  },
  title: {
    [SHORT]: {
      margin: 0,
      fontSize: tokens.fontSizeBase300,
      lineHeight: tokens.lineHeightBase300,
      whiteSpace: 'nowrap',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
    },
  },
  message: { overflowY: 'auto', minHeight: 0 },
  close: { justifySelf: 'start' },
});

function CheckResult() {
  const styles = useStyles();
  const result = checkResultText(location.search);
  const close = () => {
    if (typeof Office !== 'undefined' && Office.context?.ui !== undefined) {
      Office.context.ui.messageParent('close');
    } else window.close();
  };
  return (
    <main className={styles.dialog}>
      <Text as="h1" id="check-title" size={500} weight="semibold" className={styles.title}>
        {t('pane.check-dialog-title')}
      </Text>
      {/* Focusable, so a keyboard can scroll it when the dialog is too small for the text. */}
      <div className={styles.message} role="region" aria-labelledby="check-title" tabIndex={0}>
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
      <Button appearance="primary" onClick={close} className={styles.close}>
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
