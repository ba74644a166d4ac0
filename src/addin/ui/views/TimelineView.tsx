import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { t } from '../../../domain/messages.js';
import { timelineItems } from '../../../domain/pane/timeline-items.js';
import { formatDate } from '../../../domain/time.js';
import { PlainList } from '../PlainList.js';
import { Stack } from '../Stack.js';
import { useWorkbook } from '../workbook-context.js';

// Tijdlijn: the call's matching timeline around today, and what is due soon.

const useStyles = makeStyles({
  past: { color: tokens.colorNeutralForeground3 },
});

const SEVERITY_COLOR = { overdue: 'danger', soon: 'warning', upcoming: 'informative' } as const;

export function TimelineView() {
  const styles = useStyles();
  const { region, at } = useWorkbook();
  const view = useMemo(() => timelineItems(region, at), [region, at]);
  const today = new Date(Date.UTC(at.getFullYear(), at.getMonth(), at.getDate()));
  return (
    <Stack>
      <Text as="h2" size={400} weight="semibold">
        {t('pane.timeline-heading')}
      </Text>
      <Text as="p" size={200}>
        {t('pane.timeline-at', { date: formatDate(today) })}
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
