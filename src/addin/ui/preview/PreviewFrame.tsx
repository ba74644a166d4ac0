import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
  Toolbar,
  ToolbarButton,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { t } from '../../../domain/messages.js';
import { PreviewHost } from '../../host/preview-host.js';
import { ErrorBoundary } from '../ErrorBoundary.js';
import { useFilePicker } from '../form/use-file-picker.js';
import { SheetViewer } from './SheetViewer.js';
import { downloadBytes, readPickedFile } from './files.js';

// Preview mode: no Excel, so the page shows the workbook itself (a read-only grid) next to the
// pane, with a bar to open a workbook from disk, start a blank one, and download the result.
// Narrower than a grid and a pane side by side (a phone, a zoomed browser, a pane-sized window),
// the pane comes first at full width and the grid below it, so the two never overlap.

const NARROW = '@media (max-width: 719px)';

const useStyles = makeStyles({
  page: {
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    height: '100vh',
    [NARROW]: { display: 'block', height: 'auto' },
  },
  bar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    padding: '4px 12px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  body: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 360px',
    minHeight: 0,
    [NARROW]: { display: 'flex', flexDirection: 'column-reverse' },
  },
  pane: {
    overflowY: 'auto',
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    [NARROW]: { overflowY: 'visible', borderLeft: 'none' },
  },
  toolbar: { flexWrap: 'wrap' },
  sheet: { display: 'contents', [NARROW]: { display: 'grid', height: '70vh' } },
});

export function PreviewFrame({
  host,
  onHost,
  children,
}: {
  host: PreviewHost;
  onHost: (host: PreviewHost) => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  const [error, setError] = useState<string | null>(null);
  const open = async (file: File) => {
    setError(null);
    try {
      onHost(await PreviewHost.open(await readPickedFile(file), file.name));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const picker = useFilePicker(t('pane.preview-open'), 'preview-file-input', (file) => {
    void open(file);
  });
  return (
    <div className={styles.page}>
      <header className={styles.bar}>
        <Badge appearance="filled" color="informative">
          {t('pane.preview-badge')}
        </Badge>
        <Text weight="semibold" id="preview-file">
          {host.fileName}
        </Text>
        <Toolbar className={styles.toolbar} aria-label={t('pane.preview-toolbar')}>
          <ToolbarButton onClick={picker.open}>{t('pane.preview-open')}</ToolbarButton>
          <ToolbarButton onClick={() => onHost(PreviewHost.blank(t('pane.preview-blank-name')))}>
            {t('pane.preview-blank')}
          </ToolbarButton>
          <Button
            appearance="primary"
            onClick={() => void host.bytes().then((b) => downloadBytes(b, host.fileName))}
          >
            {t('pane.preview-download')}
          </Button>
        </Toolbar>
        {picker.input}
        {error !== null ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        ) : null}
      </header>
      <div className={styles.body}>
        <div className={styles.sheet}>
          <ErrorBoundary key={host.fileName}>
            <SheetViewer host={host} />
          </ErrorBoundary>
        </div>
        <div className={styles.pane}>{children}</div>
      </div>
    </div>
  );
}
