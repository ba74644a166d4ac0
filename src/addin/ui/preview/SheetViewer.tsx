import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { columnLetters } from '../../../domain/address.js';
import { t } from '../../../domain/messages.js';
import type { PreviewHost } from '../../host/preview-host.js';

// A read-only grid of the preview workbook, so a demo shows what the pane wrote and which cell
// "select" chose. Large sheets show their first rows (and always the selected one).

const FIRST_ROWS = 300;

const useStyles = makeStyles({
  viewer: { display: 'grid', gridTemplateRows: 'auto 1fr', minHeight: 0, minWidth: 0 },
  tabs: { flexWrap: 'wrap' },
  scroll: { overflow: 'auto' },
  grid: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  head: {
    position: 'sticky',
    top: 0,
    background: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 6px',
    fontWeight: tokens.fontWeightRegular,
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 6px',
    maxWidth: '260px',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
});

/** "C12" → [12, 3]. */
function position(cell: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (m === null) return [0, 0];
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]), col];
}

export function SheetViewer({ host }: { host: PreviewHost }) {
  const styles = useStyles();
  const version = useSyncExternalStore(
    (listener) => host.subscribe(listener),
    () => host.changes,
  );
  const sheets = host.sheetsForView();
  const selection = host.selection;
  const [shown, setShown] = useState(sheets[0]?.name ?? '');
  const selectedRef = useRef<HTMLTableCellElement>(null);

  useEffect(() => {
    if (selection !== null) setShown(selection.sheet);
  }, [selection, version]);
  useEffect(() => {
    // A block, not an expression: Chromium's scrollIntoView now returns a promise, and React
    // would take it for a cleanup function.
    selectedRef.current?.scrollIntoView({ block: 'center', inline: 'center' });
  });

  const sheet = sheets.find((s) => s.name === shown) ?? sheets[0];
  const [selRow, selCol] =
    selection !== null && selection.sheet === sheet?.name ? position(selection.cell) : [0, 0];
  const rows = sheet?.rows.slice(0, Math.max(FIRST_ROWS, selRow + 10)) ?? [];
  const width = Math.max(0, ...rows.map((r) => r.length));

  return (
    <section className={styles.viewer} aria-label={t('pane.preview-sheets')}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={sheet?.name ?? ''}
        onTabSelect={(_, data) => setShown(String(data.value))}
      >
        {sheets.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <div
        className={styles.scroll}
        tabIndex={0}
        role="region"
        aria-label={t('pane.preview-grid', { sheet: sheet?.name ?? '' })}
      >
        <table className={styles.grid} data-testid="sheet-grid">
          <thead>
            <tr>
              <th className={styles.head} scope="col">
                <span className="visually-hidden">{t('pane.preview-row')}</span>
              </th>
              {Array.from({ length: width }, (_, c) => (
                <th key={c} className={styles.head} scope="col">
                  {columnLetters(c + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                <th className={styles.head} scope="row">
                  {r + 1}
                </th>
                {Array.from({ length: width }, (_, c) => {
                  const selected = r + 1 === selRow && c + 1 === selCol;
                  return (
                    <td
                      key={c}
                      ref={selected ? selectedRef : undefined}
                      className={selected ? `${styles.cell} ${styles.selected}` : styles.cell}
                      data-cell={`${columnLetters(c + 1)}${r + 1}`}
                      data-selected={selected || undefined}
                      title={row[c] ?? ''}
                    >
                      {row[c] ?? ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
