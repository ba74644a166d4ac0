import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { t } from '../../../domain/messages.js';
import type { Issue } from '../../../domain/validate.js';
import { useWorkbook } from '../workbook-context.js';
import { PlainList } from '../PlainList.js';
import { Stack } from '../Stack.js';

/** At most this many issues are listed; the count says how many more there are. */
const SHOWN = 200;

const useStyles = makeStyles({
  issue: {
    justifyContent: 'flex-start',
    alignItems: 'flex-start',
    textAlign: 'start',
    width: '100%',
    gap: '8px',
    fontWeight: tokens.fontWeightRegular,
    height: 'auto',
    paddingBlock: '4px',
  },
  badge: { flexShrink: 0 },
});

/** Controleren: validate the whole workbook; clicking an issue selects its cell. */
export function CheckView() {
  const { validation, busy, host, act } = useWorkbook();
  const issues = validation?.issues ?? [];
  const errors = issues.filter((i) => i.severity === 'error').length;
  const select = (i: Issue) =>
    act(
      async () => {
        await host.select(i.sheet!, i.cell!);
        return null;
      },
      { reread: false },
    );

  return (
    <Stack>
      <Text as="h2" size={400} weight="semibold">
        {t('pane.check-heading')}
      </Text>
      <Button appearance="primary" disabled={busy} onClick={() => void act(async () => null)}>
        {t('pane.check-run')}
      </Button>
      {validation === null ? null : (
        <MessageBar intent={errors > 0 ? 'error' : issues.length > 0 ? 'warning' : 'success'}>
          <MessageBarBody id="check-summary">
            {issues.length === 0
              ? t('pane.check-clean')
              : t('pane.check-summary', { errors, warnings: issues.length - errors })}
          </MessageBarBody>
        </MessageBar>
      )}
      <PlainList label={t('pane.check-list')}>
        {issues.slice(0, SHOWN).map((issue, n) => (
          <li key={n}>
            <IssueItem issue={issue} onSelect={() => void select(issue)} />
          </li>
        ))}
      </PlainList>
      {issues.length > SHOWN ? (
        <Text as="p">{t('pane.check-more', { n: issues.length - SHOWN })}</Text>
      ) : null}
    </Stack>
  );
}

function IssueItem({ issue, onSelect }: { issue: Issue; onSelect: () => void }) {
  const styles = useStyles();
  const badge = (
    <Badge
      className={styles.badge}
      appearance="tint"
      color={issue.severity === 'error' ? 'danger' : 'warning'}
    >
      {t(`severity.${issue.severity}`)}
    </Badge>
  );
  const where = issue.sheet !== null && issue.cell !== null ? `${issue.sheet}!${issue.cell}` : '';
  const text = `${where} ${issue.message}`.trim();
  if (where === '')
    return (
      <Text>
        {badge} {text}
      </Text>
    );
  return (
    <Button
      className={styles.issue}
      appearance="subtle"
      onClick={onSelect}
      title={t('pane.check-select')}
    >
      {badge}
      <span>{text}</span>
    </Button>
  );
}
