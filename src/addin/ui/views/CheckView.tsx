import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
} from '@fluentui/react-components';
import {
  countSeverity,
  issueCell,
  issueMessage,
  type Issue,
  type Severity,
} from '../../../domain/issue.js';
import { t } from '../../../domain/messages.js';
import { useWorkbook } from '../workbook-context.js';
import { PlainList } from '../PlainList.js';
import { Stack } from '../Stack.js';
import { CellButton } from './CellButton.js';

/** At most this many issues are listed; the count says how many more there are. */
const SHOWN = 200;

const useStyles = makeStyles({
  badge: { flexShrink: 0 },
});

/** Controleren: validate the whole workbook; clicking an issue selects its cell. */
export function CheckView() {
  const { validation, busy, act } = useWorkbook();
  const issues = validation?.issues ?? [];
  const errors = countSeverity(issues, 'error');
  const warnings = countSeverity(issues, 'warning');

  return (
    <Stack>
      <Text as="h2" size={400} weight="semibold">
        {t('pane.check-heading')}
      </Text>
      <Button appearance="primary" disabled={busy} onClick={() => void act(async () => null)}>
        {t('pane.check-run')}
      </Button>
      {validation === null ? null : (
        <MessageBar intent={errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'success'}>
          <MessageBarBody id="check-summary">
            {errors + warnings === 0
              ? t('pane.check-clean')
              : t('pane.check-summary', { errors, warnings })}
          </MessageBarBody>
        </MessageBar>
      )}
      <PlainList label={t('pane.check-list')}>
        {issues.slice(0, SHOWN).map((issue, n) => (
          <li key={n}>
            <IssueItem issue={issue} />
          </li>
        ))}
      </PlainList>
      {issues.length > SHOWN ? (
        <Text as="p">{t('pane.check-more', { n: issues.length - SHOWN })}</Text>
      ) : null}
    </Stack>
  );
}

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

function IssueItem({ issue }: { issue: Issue }) {
  const styles = useStyles();
  const badge = (
    <Badge className={styles.badge} appearance="tint" color={BADGE_COLOR[issue.severity]}>
      {t(`severity.${issue.severity}`)}
    </Badge>
  );
  const { sheet } = issue;
  const cell = issueCell(issue);
  const where = sheet !== null && cell !== null ? `${sheet}!${cell}` : '';
  const text = `${where} ${issueMessage(issue)}`.trim();
  if (sheet === null || cell === null)
    return (
      <Text>
        {badge} {text}
      </Text>
    );
  return (
    <CellButton sheet={sheet} cell={cell}>
      {badge}
      <span>{text}</span>
    </CellButton>
  );
}
