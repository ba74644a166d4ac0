import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { t } from '../../domain/messages.js';

/** The pane cannot start: say why, in one sentence the user can act on. */
export function Fatal({ message }: { message: string }) {
  return (
    <main style={{ padding: 16 }}>
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{t('pane.cannot-start')}</MessageBarTitle>
          {message}
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
