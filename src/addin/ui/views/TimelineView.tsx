import { Badge, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { t } from '../../../domain/messages.js';
import { staffMilestones, timelineItems } from '../../../domain/pane/timeline-items.js';
import { workbookTodos, type TodoItem } from '../../../domain/pane/workbook-todos.js';
import { formatDate } from '../../../domain/time.js';
import { PlainList } from '../PlainList.js';
import { Stack } from '../Stack.js';
import { useWorkbook } from '../workbook-context.js';
import { CellButton } from './CellButton.js';

// Tijdlijn: first what concerns the municipality (the dates that set its pace, what its own
// workbook still lacks, each a click away from its cell), then the call's steps around today
// and the coordinator's reminders.

const useStyles = makeStyles({
  past: { color: tokens.colorNeutralForeground3 },
  badge: { flexShrink: 0 },
});

const SEVERITY_COLOR = { overdue: 'danger', soon: 'warning', upcoming: 'informative' } as const;

export function TimelineView() {
  const styles = useStyles();
  const { region, at, workbook, validation } = useWorkbook();
  const view = useMemo(() => timelineItems(region, at), [region, at]);
  const dates = useMemo(() => staffMilestones(region, at), [region, at]);
  const todos = useMemo(
    () =>
      workbook === null || validation === null
        ? null
        : workbookTodos(workbook, validation, region, at),
    [workbook, validation, region, at],
  );
  const today = new Date(Date.UTC(at.getFullYear(), at.getMonth(), at.getDate()));
  return (
    <Stack>
      <Text as="h2" size={400} weight="semibold">
        {t('pane.timeline-heading')}
      </Text>
      <Text as="p" size={200}>
        {t('pane.timeline-at', { date: formatDate(today) })}
      </Text>
      <Text as="h3" size={300} weight="semibold">
        {t('pane.timeline-staff-dates')}
      </Text>
      <PlainList label={t('pane.timeline-staff-dates')}>
        {dates.map((text, i) => (
          <li key={i}>
            <Text>{text}</Text>
          </li>
        ))}
      </PlainList>
      <Text as="h3" size={300} weight="semibold">
        {t('pane.timeline-todos')}
      </Text>
      {todos === null ? (
        <Spinner size="tiny" label={t('pane.reading')} />
      ) : todos.length === 0 ? (
        <Text as="p" id="timeline-todo-none">
          {t('pane.timeline-todo-none')}
        </Text>
      ) : (
        <PlainList label={t('pane.timeline-todos')}>
          {todos.map((item, i) => (
            <li key={i}>
              <Todo item={item} />
            </li>
          ))}
        </PlainList>
      )}
      <Text as="h3" size={300} weight="semibold">
        {t('pane.timeline-milestones')}
      </Text>
      <PlainList ordered label={t('pane.timeline-milestones')}>
        {view.milestones.map((m) => (
          <li key={m.id} className={m.status === 'past' ? styles.past : undefined}>
            <Text weight={m.status === 'next' ? 'semibold' : 'regular'}>
              {m.dateText}: {m.label}
            </Text>{' '}
            <Badge appearance="tint" color={m.status === 'next' ? 'brand' : 'subtle'}>
              {m.statusText}
            </Badge>
          </li>
        ))}
      </PlainList>
      <Text as="h3" size={300} weight="semibold">
        {t('pane.timeline-reminders')}
      </Text>
      {view.reminders.length === 0 ? <Text as="p">{t('pane.timeline-no-reminders')}</Text> : null}
      <PlainList label={t('pane.timeline-reminders')}>
        {view.reminders.map((r, i) => (
          <li key={i}>
            <Badge appearance="filled" color={SEVERITY_COLOR[r.severity]}>
              {r.group}
            </Badge>{' '}
            <Text>
              {r.when}: {r.title} ({r.who})
            </Text>
          </li>
        ))}
      </PlainList>
    </Stack>
  );
}

/** A thing to do; one about a cell selects it when clicked, as Controleren's findings do. */
function Todo({ item }: { item: TodoItem }) {
  const styles = useStyles();
  const badge = (
    <Badge className={styles.badge} appearance="tint" color="warning">
      {t('pane.timeline-todo')}
    </Badge>
  );
  if (item.cell === null) {
    return (
      <Text>
        {badge} {item.text}
      </Text>
    );
  }
  return (
    <CellButton sheet={item.cell.sheet} cell={item.cell.address}>
      {badge}
      <span>{item.text}</span>
    </CellButton>
  );
}
