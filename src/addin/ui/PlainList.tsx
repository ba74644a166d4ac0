import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
});

/** A labelled list without bullets, items spaced like the rest of the pane. */
export function PlainList({
  label,
  ordered = false,
  children,
}: {
  label: string;
  ordered?: boolean;
  children: ReactNode;
}) {
  const className = useStyles().list;
  return ordered ? (
    <ol className={className} aria-label={label}>
      {children}
    </ol>
  ) : (
    <ul className={className} aria-label={label}>
      {children}
    </ul>
  );
}
