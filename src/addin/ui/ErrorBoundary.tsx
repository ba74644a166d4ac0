import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import { t } from '../../domain/messages.js';

// A fault in one part of the page must not blank the rest: in preview mode the workbook, with
// everything typed so far, stays downloadable.

interface State {
  message: string | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { message: null };

  static getDerivedStateFromError(error: unknown): State {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.message === null) return this.props.children;
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t('pane.crashed')}</MessageBarTitle>
          {this.state.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
}
