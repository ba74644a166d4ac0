import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { t } from '../../../domain/messages.js';
import { useWorkbook } from '../workbook-context.js';

// Click-to-cell: a line of the pane that selects its cell in the workbook (Excel, or the
// preview's grid), wrapping like text. The selection only looks: nothing is read again.

const useStyles = makeStyles({
  button: {
    justifyContent: 'flex-start',
    alignItems: 'flex-start',
    textAlign: 'start',
    width: '100%',
    gap: '8px',
    fontWeight: tokens.fontWeightRegular,
    height: 'auto',
    paddingBlock: '4px',
  },
});

export function CellButton({
  sheet,
  cell,
  children,
}: {
  sheet: string;
  cell: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const { host, act } = useWorkbook();
  const select = () =>
    act(
      async () => {
        await host.select(sheet, cell);
        return null;
      },
      { reread: false },
    );
  return (
    <Button
      className={styles.button}
      appearance="subtle"
      onClick={() => void select()}
      title={t('pane.check-select')}
    >
      {children}
    </Button>
  );
}
