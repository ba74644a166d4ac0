import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** Children one under the other with the pane's standard spacing. */
export function Stack({ children }: { children: ReactNode }) {
  return <div className={useStyles().stack}>{children}</div>;
}
