/// <reference types="office-js" />
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { colorScheme } from '../../domain/pane/color-scheme.js';

// The pane in Excel's colours: Fluent's dark theme in a dark Office theme, the light one otherwise
// (src/domain/pane/color-scheme.ts decides). Office.js has no theme-change event for Excel (only
// Outlook's mailbox has one), so the Office theme is read once, when the pane starts; outside
// Office the pane follows the system setting as it changes.

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The Office theme's body background, once Office.onReady has resolved; null outside Office. */
export function officeBackground(): string | null {
  if (typeof Office === 'undefined') return null;
  return Office.context?.officeTheme?.bodyBackgroundColor ?? null;
}

export function PaneTheme({
  officeBackground,
  children,
}: {
  officeBackground: string | null;
  children: ReactNode;
}) {
  const prefersDark = useSyncExternalStore(subscribeToScheme, () => matchMedia(DARK_QUERY).matches);
  const scheme = colorScheme({ search: location.search, officeBackground, prefersDark });
  const theme = scheme === 'dark' ? webDarkTheme : webLightTheme;
  useEffect(() => {
    // The page around the provider (below a short view, the scrollbars) in the same colours.
    document.documentElement.style.colorScheme = scheme;
    document.body.style.backgroundColor = theme.colorNeutralBackground1;
    document.body.style.color = theme.colorNeutralForeground1;
  }, [scheme, theme]);
  return <FluentProvider theme={theme}>{children}</FluentProvider>;
}

function subscribeToScheme(onChange: () => void): () => void {
  const query = matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
